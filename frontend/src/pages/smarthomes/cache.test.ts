// The smart home pages' cache updates, with the app's real graphcache
// configuration (lib/cache.ts) and a fake server behind it.
import { describe, expect, it } from "vitest";
import { Client, makeResult, type Exchange, type Operation } from "urql";
import { cacheExchange } from "@urql/exchange-graphcache";
import { filter, fromValue, makeSubject, map, mergeMap, pipe, type Source } from "wonka";
import { cacheConfig } from "../../lib/cache";
import { CreateSmartHomeDocument, SmartHomeStatusSubscription, WorkspaceSmartHomesDocument } from "./SmartHomes";
import { home, homesConnection, opName } from "./testing";

type Server = Record<string, (op: Operation) => Record<string, unknown>>;

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

describe("smart home cache updates", () => {
  it("an event updates a listed home in place, an unknown one reloads the list; adding one reloads it too", async () => {
    let homes = [home("h-1", "Beach house", "provisioning")];
    const { client, count, push } = setup({
      WorkspaceSmartHomes: () => ({ workspace: { __typename: "Workspace", id: "w-1", smartHomes: homesConnection(homes) } }),
      CreateSmartHome: () => ({
        createSmartHome: { __typename: "SmartHomePayload", smartHome: home("h-3", "Flat", "pending") },
      }),
    });
    const seen: string[][] = [];
    const q = client.query(WorkspaceSmartHomesDocument, { slug: "acme" }).subscribe((r) => {
      seen.push((r.data?.workspace?.smartHomes.edges ?? []).map((e) => `${e!.node!.id}:${e!.node!.state}`));
    });
    const s = client.subscription(SmartHomeStatusSubscription, { workspaceId: "w-1" }).subscribe(() => {});
    await tick();
    expect(count("WorkspaceSmartHomes")).toBe(1);

    push({ smartHomeStatus: home("h-1", "Beach house", "active") });
    await tick();
    expect(seen.at(-1)).toEqual(["h-1:active"]);
    expect(count("WorkspaceSmartHomes")).toBe(1);

    homes = [home("h-1", "Beach house", "active"), home("h-2", "Cabin", "pending")];
    push({ smartHomeStatus: home("h-2", "Cabin", "pending") });
    await tick();
    expect(count("WorkspaceSmartHomes")).toBe(2);
    expect(seen.at(-1)).toEqual(["h-1:active", "h-2:pending"]);

    homes = [...homes, home("h-3", "Flat", "pending")];
    await client.mutation(CreateSmartHomeDocument, { input: { workspaceId: "w-1", name: "Flat" } }).toPromise();
    await tick();
    expect(count("WorkspaceSmartHomes")).toBe(3);
    expect(seen.at(-1)).toEqual(["h-1:active", "h-2:pending", "h-3:pending"]);
    q.unsubscribe();
    s.unsubscribe();
  });
});
