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
import { InviteMemberDocument, TeamDocument } from "./Team";
import { connection, opName } from "./testing";

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

const summary = (id: string, name: string) => ({ __typename: "Workspace", id, name, slug: name.toLowerCase(), viewerRole: "owner" });

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

  it("an invitation reloads the pending invitations; a joined member the members", async () => {
    let invitations: object[] = [];
    const { client, count } = setup({
      TeamPage: () => ({
        workspace: {
          __typename: "Workspace",
          id: "w-1",
          name: "Acme",
          slug: "acme",
          state: "active",
          viewerRole: "owner",
          members: connection("WorkspaceMember", []),
          invitations: connection("Invitation", invitations),
        },
      }),
      TeamInvite: () => {
        const inv = {
          __typename: "Invitation",
          id: "i-1",
          email: "new@x.io",
          role: "user",
          expiresAt: "2026-12-29T00:00:00Z",
          createdAt: "2026-11-29T00:00:00Z",
        };
        invitations = [inv];
        return { inviteMember: { __typename: "InviteMemberPayload", member: null, invitation: inv } };
      },
    });
    const emails: string[][] = [];
    const q = client.query(TeamDocument, { slug: "acme" }).subscribe((r) => {
      emails.push((r.data?.workspace?.invitations.edges ?? []).map((e) => e!.node!.email));
    });
    await tick();
    await client.mutation(InviteMemberDocument, { input: { workspaceId: "w-1", email: "new@x.io", role: "user" } }).toPromise();
    await tick();
    expect(count("TeamPage")).toBe(2);
    expect(emails.at(-1)).toEqual(["new@x.io"]);
    q.unsubscribe();
  });
});
