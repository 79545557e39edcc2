import type { Cache, UpdatesConfig } from "@urql/exchange-graphcache";

// Cache updates of the smart home pages (see lib/cache.ts). A home is a Node:
// each mutation's payload and each smartHomeStatus event update it in place
// (state, tunnel status); only the workspace's list needs telling when a
// home it does not hold yet appears.

/** Drops every variant of the workspace's smartHomes list that does not hold the home (or all of them). */
function listsWithout(cache: Cache, workspaceId: unknown, homeId?: string) {
  if (typeof workspaceId !== "string") return;
  const ws = cache.keyOfEntity({ __typename: "Workspace", id: workspaceId });
  if (!ws) return;
  const key = homeId ? cache.keyOfEntity({ __typename: "SmartHome", id: homeId }) : null;
  for (const f of cache.inspectFields(ws)) {
    if (f.fieldName !== "smartHomes") continue;
    const conn = cache.resolve(ws, f.fieldKey) as string | null;
    const edges = conn ? ((cache.resolve(conn, "edges") as (string | null)[] | null) ?? []) : [];
    const known = !!key && edges.some((e) => e && cache.resolve(e, "node") === key);
    if (!known) cache.invalidate(ws, f.fieldName, f.arguments ?? undefined);
  }
}

type Home = { id: string; state: string } | null | undefined;

export const smartHomeUpdates: UpdatesConfig = {
  Mutation: {
    createSmartHome(_result, args, cache) {
      listsWithout(cache, (args as { input?: { workspaceId?: unknown } }).input?.workspaceId);
    },
  },
  Subscription: {
    smartHomeStatus(result, args, cache) {
      const home = (result as { smartHomeStatus?: Home }).smartHomeStatus;
      if (!home || home.state === "gone") return;
      listsWithout(cache, (args as { workspaceId?: unknown }).workspaceId, home.id);
    },
  },
};
