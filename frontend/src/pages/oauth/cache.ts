import type { Cache, UpdatesConfig } from "@urql/exchange-graphcache";

// Cache updates of the OAuth pages and their Settings sections (see
// lib/cache.ts). A grant changes when the viewer approves a client (consent
// or device page), revokes it, or deletes a client it was given to: the
// viewer's Connected apps load again. A created or deleted client changes
// the list of OAuth clients: it loads again. A rotated secret changes
// nothing cached (secrets are never stored in the cache's lists).

function grantsChanged(cache: Cache) {
  // Settings reads the grants as node(id: viewer) (see ConnectedApps).
  const users = new Set<string>();
  const viewer = cache.resolve("Query", "viewer");
  if (typeof viewer === "string") users.add(viewer);
  for (const f of cache.inspectFields("Query")) {
    if (f.fieldName !== "node") continue;
    const key = cache.resolve("Query", f.fieldKey);
    if (typeof key === "string" && key.startsWith("User:")) users.add(key);
  }
  for (const u of users) cache.invalidate(u, "oauthGrants");
}

function clientsChanged(cache: Cache) {
  for (const f of cache.inspectFields("Query")) {
    if (f.fieldName === "oauthClients") cache.invalidate("Query", f.fieldName, f.arguments ?? undefined);
  }
}

type Ok<K extends string> = Partial<Record<K, unknown>>;

export const oauthUpdates: UpdatesConfig = {
  Mutation: {
    authorizeOAuthClient(result, _args, cache) {
      if ((result as Ok<"authorizeOAuthClient">).authorizeOAuthClient) grantsChanged(cache);
    },
    approveOAuthDevice(result, _args, cache) {
      if ((result as Ok<"approveOAuthDevice">).approveOAuthDevice) grantsChanged(cache);
    },
    revokeOAuthGrant(result, _args, cache) {
      if ((result as Ok<"revokeOAuthGrant">).revokeOAuthGrant) grantsChanged(cache);
    },
    createOAuthClient(result, _args, cache) {
      if ((result as Ok<"createOAuthClient">).createOAuthClient) clientsChanged(cache);
    },
    deleteOAuthClient(result, _args, cache) {
      const deleted = (result as { deleteOAuthClient?: { deletedId?: unknown } | null }).deleteOAuthClient?.deletedId;
      if (!deleted) return;
      if (typeof deleted === "string") cache.invalidate({ __typename: "OAuthClient", id: deleted });
      clientsChanged(cache);
      // Its tokens are gone, and with them the viewer's grant to it.
      grantsChanged(cache);
    },
  },
};
