// The workspace pages' cache updates, with the app's real graphcache
// configuration (lib/cache.ts) and a fake server behind it.
import { describe, expect, it } from "vitest";
import { Client, makeResult, type Exchange, type Operation } from "urql";
import { cacheExchange } from "@urql/exchange-graphcache";
import { filter, fromValue, makeSubject, map, mergeMap, pipe, type Source } from "wonka";
import { cacheConfig } from "../../lib/cache";
import { MyWorkspacesDocument } from "../../lib/workspace";
import { CreateWorkspaceDocument } from "./CreateWorkspace";
import { WorkspaceDetailDocument, WorkspaceServicesSubscription } from "./WorkspaceDetail";
import { CancelInvitationDocument, InvitationLinkDocument, InviteMemberDocument, TeamDocument } from "./Team";
import {
  AcceptInvitationDocument,
  DeclineInvitationDocument,
  PendingInvitationsDocument,
} from "../invitations/PendingInvitations";
import { connection, opName, workspaceCan } from "./testing";

type Server = Record<string, (op: Operation) => Record<string, unknown>>;

/** A client with the app's cache in front of a fake server; counts the requests that reach the server. */
function setup(server: Server) {
  const calls: string[] = [];
  const events = makeSubject<Record<string, unknown>>();
  const fake: Exchange = () => (ops$) =>
    pipe(
      ops$,
      filter((op) => op.kind !== "teardown"),
      mergeMap((op): Source<ReturnType<typeof makeResult>> => {
        const name = opName(op);
        calls.push(name);
        if (op.kind === "subscription") return pipe(events.source, map((data) => makeResult(op, { data })));
        return fromValue(makeResult(op, { data: server[name]?.(op) ?? null }));
      }),
    );
  const client = new Client({ url: "/query", exchanges: [cacheExchange(cacheConfig), fake] });
  const count = (name: string) => calls.filter((c) => c === name).length;
  return { client, count, push: events.next };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

const summary = (id: string, name: string) => ({
  __typename: "Workspace",
  id,
  name,
  slug: name.toLowerCase(),
  viewerRole: "owner",
  viewerCanDeploy: true,
});

function svc(id: string, state: string) {
  return {
    __typename: "Service",
    id,
    name: `svc-${id}`,
    state,
    errorMessage: "",
    url: null,
    chartVersion: "1.0.0",
    helmRevision: 1,
    template: { __typename: "AppTemplate", id: "t-1", name: "App", slug: "app", icon: "web" },
    // As the server answers an owner (the list does not show them; the event carries them).
    viewerCanUpdate: state === "running",
    viewerCanStop: state === "running",
    viewerCanStart: false,
    viewerCanRollback: state === "running",
    viewerCanDelete: state === "running",
    viewerCanInspect: true,
  };
}

describe("workspace cache updates", () => {
  it("a created workspace reloads the header's switcher list", async () => {
    const list = [summary("w-1", "Acme")];
    const { client, count } = setup({
      MyWorkspaces: () => ({ workspaces: connection("Workspace", list) }),
      WorkspaceListCreate: () => {
        list.push(summary("w-2", "Beta"));
        return {
          createWorkspace: {
            __typename: "WorkspacePayload",
            workspace: { ...summary("w-2", "Beta"), description: "", state: "active" },
          },
        };
      },
    });
    const seen: string[][] = [];
    const sub = client.query(MyWorkspacesDocument, {}).subscribe((r) => {
      seen.push((r.data?.workspaces.edges ?? []).map((e) => e!.node!.name));
    });
    await tick();
    expect(count("MyWorkspaces")).toBe(1);
    await client.mutation(CreateWorkspaceDocument, { input: { name: "Beta" } }).toPromise();
    await tick();
    expect(count("MyWorkspaces")).toBe(2);
    expect(seen.at(-1)).toEqual(["Acme", "Beta"]);
    sub.unsubscribe();
  });

  it("a new service from the subscription reloads the list; a known one updates in place", async () => {
    let services = [svc("s-1", "deploying")];
    const { client, count, push } = setup({
      WorkspaceDetailPage: () => ({
        workspace: {
          __typename: "Workspace",
          id: "w-1",
          name: "Acme",
          slug: "acme",
          description: "",
          state: "active",
          viewerRole: "owner",
          ...workspaceCan("owner"),
          namespace: "paas-ws-1",
          members: { __typename: "WorkspaceMemberConnection", totalCount: 1 },
          services: connection("Service", services),
        },
      }),
    });
    const states: string[][] = [];
    const q = client.query(WorkspaceDetailDocument, { slug: "acme" }).subscribe((r) => {
      states.push((r.data?.workspace?.services.edges ?? []).map((e) => `${e!.node!.id}:${e!.node!.state}`));
    });
    const s = client.subscription(WorkspaceServicesSubscription, { workspaceId: "w-1" }).subscribe(() => {});
    await tick();
    expect(count("WorkspaceDetailPage")).toBe(1);

    push({ workspaceServices: svc("s-1", "running") });
    await tick();
    expect(states.at(-1)).toEqual(["s-1:running"]);
    expect(count("WorkspaceDetailPage")).toBe(1);

    services = [svc("s-1", "running"), svc("s-2", "pending")];
    push({ workspaceServices: svc("s-2", "pending") });
    await tick();
    expect(count("WorkspaceDetailPage")).toBe(2);
    expect(states.at(-1)).toEqual(["s-1:running", "s-2:pending"]);
    q.unsubscribe();
    s.unsubscribe();
  });

  it("an invitation reloads the invitations, not the members (nobody joins before accepting); cancelling too", async () => {
    let invitations: object[] = [];
    const inv = (status: string) => ({
      __typename: "Invitation",
      id: "i-1",
      email: "new@x.io",
      role: "user",
      status,
      expiresAt: "2026-12-29T00:00:00Z",
      createdAt: "2026-11-29T00:00:00Z",
    });
    const { client, count } = setup({
      TeamPage: () => ({
        workspace: {
          __typename: "Workspace",
          id: "w-1",
          name: "Acme",
          slug: "acme",
          state: "active",
          viewerRole: "owner",
          ...workspaceCan("owner"),
          members: connection("WorkspaceMember", []),
          pendingInvitations: invitations,
        },
      }),
      TeamInvite: () => {
        invitations = [inv("pending")];
        return { inviteMember: { __typename: "InviteMemberPayload", invitation: inv("pending"), link: "http://x/invitation#token=t" } };
      },
      TeamCancelInvitation: () => {
        invitations = [];
        return {
          cancelInvitation: {
            __typename: "InvitationPayload",
            invitation: { __typename: "Invitation", id: "i-1", status: "cancelled", workspace: { __typename: "Workspace", id: "w-1" } },
          },
        };
      },
    });
    const emails: string[][] = [];
    const q = client.query(TeamDocument, { slug: "acme" }).subscribe((r) => {
      emails.push((r.data?.workspace?.pendingInvitations ?? []).map((i) => i.email));
    });
    await tick();
    await client.mutation(InviteMemberDocument, { input: { workspaceId: "w-1", email: "new@x.io", role: "user" } }).toPromise();
    await tick();
    expect(count("TeamPage")).toBe(2);
    expect(emails.at(-1)).toEqual(["new@x.io"]);

    await client.mutation(CancelInvitationDocument, { input: { id: "i-1" } }).toPromise();
    await tick();
    expect(count("TeamPage")).toBe(3);
    expect(emails.at(-1)).toEqual([]);
    q.unsubscribe();
  });

  it("a new link for an expired invitation renews it in place; removing it reloads the list", async () => {
    let invitations = [
      { __typename: "Invitation", id: "i-1", email: "old@x.io", role: "user", status: "expired", expiresAt: "2026-01-01T00:00:00Z", createdAt: "2025-12-25T00:00:00Z" },
    ];
    const { client, count } = setup({
      TeamPage: () => ({
        workspace: {
          __typename: "Workspace",
          id: "w-1",
          name: "Acme",
          slug: "acme",
          state: "active",
          viewerRole: "admin",
          ...workspaceCan("admin"),
          members: connection("WorkspaceMember", []),
          pendingInvitations: invitations,
        },
      }),
      TeamInvitationLink: () => ({
        createInvitationLink: {
          __typename: "InvitationLinkPayload",
          invitation: { __typename: "Invitation", id: "i-1", status: "pending", expiresAt: "2099-01-08T00:00:00Z" },
          link: "http://x/invitation#token=new",
        },
      }),
      TeamCancelInvitation: () => {
        invitations = [];
        return {
          cancelInvitation: {
            __typename: "InvitationPayload",
            invitation: { __typename: "Invitation", id: "i-1", status: "cancelled", workspace: { __typename: "Workspace", id: "w-1" } },
          },
        };
      },
    });
    const seen: string[][] = [];
    const q = client.query(TeamDocument, { slug: "acme" }).subscribe((r) => {
      seen.push((r.data?.workspace?.pendingInvitations ?? []).map((i) => `${i.email}:${i.status}:${i.expiresAt}`));
    });
    await tick();
    expect(seen.at(-1)).toEqual(["old@x.io:expired:2026-01-01T00:00:00Z"]);
    await client.mutation(InvitationLinkDocument, { input: { id: "i-1" } }).toPromise();
    await tick();
    expect(count("TeamPage")).toBe(1);
    expect(seen.at(-1)).toEqual(["old@x.io:pending:2099-01-08T00:00:00Z"]);

    await client.mutation(CancelInvitationDocument, { input: { id: "i-1" } }).toPromise();
    await tick();
    expect(count("TeamPage")).toBe(2);
    expect(seen.at(-1)).toEqual([]);
    q.unsubscribe();
  });

  it("accepting an invitation reloads the workspace lists and the viewer's invitations; declining the invitations", async () => {
    const list = [summary("w-1", "Acme")];
    let pending = [
      {
        __typename: "PendingInvitation",
        id: "p-1",
        role: "user",
        email: "me@x.io",
        invitedBy: "Bob",
        expiresAt: "2099-01-01T00:00:00Z",
        workspace: { __typename: "InvitedWorkspace", id: "w-2", name: "Beta", slug: "beta" },
      },
      {
        __typename: "PendingInvitation",
        id: "p-2",
        role: "user",
        email: "me@x.io",
        invitedBy: "Bob",
        expiresAt: "2099-01-01T00:00:00Z",
        workspace: { __typename: "InvitedWorkspace", id: "w-3", name: "Gamma", slug: "gamma" },
      },
    ];
    const { client, count } = setup({
      MyWorkspaces: () => ({ workspaces: connection("Workspace", list) }),
      ViewerPendingInvitations: () => ({ viewer: { __typename: "User", id: "u-me", pendingInvitations: pending } }),
      AcceptInvitation: () => {
        list.push(summary("w-2", "Beta"));
        pending = pending.filter((p) => p.id !== "p-1");
        return {
          acceptInvitation: {
            __typename: "AcceptInvitationPayload",
            member: { __typename: "WorkspaceMember", id: "m-9", role: "user", workspace: { __typename: "Workspace", id: "w-2", slug: "beta", name: "Beta" } },
          },
        };
      },
      DeclineInvitation: () => {
        pending = pending.filter((p) => p.id !== "p-2");
        return { declineInvitation: { __typename: "DeclineInvitationPayload", invitationId: "p-2" } };
      },
    });
    const names: string[][] = [];
    const invited: string[][] = [];
    const a = client.query(MyWorkspacesDocument, {}).subscribe((r) => {
      names.push((r.data?.workspaces.edges ?? []).map((e) => e!.node!.name));
    });
    const b = client.query(PendingInvitationsDocument, {}).subscribe((r) => {
      invited.push((r.data?.viewer?.pendingInvitations ?? []).map((p) => p.workspace.name));
    });
    await tick();
    expect(invited.at(-1)).toEqual(["Beta", "Gamma"]);
    await client.mutation(AcceptInvitationDocument, { input: { id: "p-1" } }).toPromise();
    await tick();
    expect(count("MyWorkspaces")).toBe(2);
    expect(names.at(-1)).toEqual(["Acme", "Beta"]);
    expect(invited.at(-1)).toEqual(["Gamma"]);

    await client.mutation(DeclineInvitationDocument, { input: { id: "p-2" } }).toPromise();
    await tick();
    expect(count("ViewerPendingInvitations")).toBe(3);
    expect(count("MyWorkspaces")).toBe(2);
    expect(invited.at(-1)).toEqual([]);
    a.unsubscribe();
    b.unsubscribe();
  });
});
