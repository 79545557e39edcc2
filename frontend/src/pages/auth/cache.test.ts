// The account pages' cache updates, with the app's real graphcache
// configuration (lib/cache.ts) and a fake server behind it.
import { describe, expect, it } from "vitest";
import { Client, makeResult, type Exchange, type ExecutionResult, type Operation } from "urql";
import { cacheExchange } from "@urql/exchange-graphcache";
import { delay, filter, fromValue, mergeMap, pipe } from "wonka";
import { cacheConfig } from "../../lib/cache";
import { ViewerDocument } from "../../lib/session";
import { PendingInvitationsDocument } from "../invitations/PendingInvitations";
import { pending } from "../invitations/testing";
import { opName } from "../../test/mockClient";
import { RequestEmailVerificationDocument, VerifyEmailDocument } from "./emailConfirmation";

type Server = Record<string, (op: Operation) => ExecutionResult>;

/** A client with the app's cache in front of a fake server that answers a moment later, as a server does. */
function setup(server: Server) {
  const calls: string[] = [];
  const fake: Exchange = () => (ops$) =>
    pipe(
      ops$,
      filter((op) => op.kind !== "teardown"),
      mergeMap((op) => {
        const name = opName(op);
        calls.push(name);
        return pipe(fromValue(makeResult(op, server[name]?.(op) ?? { data: null })), delay(1));
      }),
    );
  const client = new Client({ url: "/query", exchanges: [cacheExchange(cacheConfig), fake] });
  return { client, count: (name: string) => calls.filter((c) => c === name).length };
}

const tick = () => new Promise((r) => setTimeout(r, 20));

describe("account cache updates", () => {
  it("a confirmed address reloads the viewer and the invitations sent to it; a refused link reloads nothing", async () => {
    let verifiedAt: string | null = null;
    let invited: object[] = [];
    const { client, count } = setup({
      Viewer: () => ({
        data: { viewer: { __typename: "User", id: "u-me", name: "Me", email: "me@x.io", emailVerifiedAt: verifiedAt, platformAdmin: false, locale: "" } },
      }),
      ViewerPendingInvitations: () => ({ data: { viewer: { __typename: "User", id: "u-me", pendingInvitations: invited } } }),
      VerifyEmail: (op) => {
        const token = (op.variables as { input: { token: string } }).input.token;
        if (token !== "good") {
          return {
            data: null,
            errors: [{ message: "this verification link is not valid any more", extensions: { code: "BAD_USER_INPUT", field: "token" } }],
          } as unknown as ExecutionResult;
        }
        verifiedAt = "2026-12-01T10:00:00Z";
        invited = [pending("p-1", "Shop Co")];
        return { data: { verifyEmail: { __typename: "VerifyEmailPayload", ok: true } } };
      },
    });
    const states: (string | null | undefined)[] = [];
    const lists: string[][] = [];
    const a = client.query(ViewerDocument, {}).subscribe((r) => states.push(r.data?.viewer?.emailVerifiedAt));
    const b = client.query(PendingInvitationsDocument, {}).subscribe((r) => {
      lists.push((r.data?.viewer?.pendingInvitations ?? []).map((p) => p.workspace.name));
    });
    await tick();
    expect(states.at(-1)).toBeNull();
    expect(lists.at(-1)).toEqual([]);

    await client.mutation(VerifyEmailDocument, { input: { token: "bad" } }).toPromise();
    await tick();
    expect(count("Viewer")).toBe(1);
    expect(count("ViewerPendingInvitations")).toBe(1);

    await client.mutation(VerifyEmailDocument, { input: { token: "good" } }).toPromise();
    await tick();
    expect(count("Viewer")).toBe(2);
    expect(states.at(-1)).toBe("2026-12-01T10:00:00Z");
    expect(count("ViewerPendingInvitations")).toBe(2);
    expect(lists.at(-1)).toEqual(["Shop Co"]);
    a.unsubscribe();
    b.unsubscribe();
  });

  it("asking for a link reloads the viewer's state (the address may have been confirmed meanwhile)", async () => {
    let verifiedAt: string | null = null;
    const { client, count } = setup({
      Viewer: () => ({
        data: { viewer: { __typename: "User", id: "u-me", name: "Me", email: "me@x.io", emailVerifiedAt: verifiedAt, platformAdmin: false, locale: "" } },
      }),
      RequestEmailVerification: () => ({ data: { requestEmailVerification: { __typename: "RequestEmailVerificationPayload", ok: true } } }),
    });
    const states: (string | null | undefined)[] = [];
    const a = client.query(ViewerDocument, {}).subscribe((r) => states.push(r.data?.viewer?.emailVerifiedAt));
    await tick();
    verifiedAt = "2026-12-01T10:00:00Z"; // in another tab
    await client.mutation(RequestEmailVerificationDocument, {}).toPromise();
    await tick();
    expect(count("Viewer")).toBe(2);
    expect(states.at(-1)).toBe("2026-12-01T10:00:00Z");
    a.unsubscribe();
  });

  it("signed out, a confirmed link has no viewer to reload", async () => {
    const { client, count } = setup({
      Viewer: () => ({ data: { viewer: null } }),
      VerifyEmail: () => ({ data: { verifyEmail: { __typename: "VerifyEmailPayload", ok: true } } }),
    });
    const a = client.query(ViewerDocument, {}).subscribe(() => {});
    await tick();
    const res = await client.mutation(VerifyEmailDocument, { input: { token: "good" } }).toPromise();
    await tick();
    expect(res.data?.verifyEmail.ok).toBe(true);
    expect(count("Viewer")).toBe(1);
    a.unsubscribe();
  });
});
