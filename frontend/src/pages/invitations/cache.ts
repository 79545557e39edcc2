import type { Cache, UpdatesConfig } from "@urql/exchange-graphcache";

// Cache updates of the invitee's side of invitations (see lib/cache.ts):
// answering an invitation takes it off the viewer's pending list; accepting
// one also adds a workspace to every list of workspaces and changes the
// dashboard's figures.

/** Drops every cached variant (any arguments) of a field. */
function invalidateField(cache: Cache, entity: string | null | undefined, fieldName: string) {
  if (!entity) return;
  for (const f of cache.inspectFields(entity)) {
    if (f.fieldName === fieldName) cache.invalidate(entity, f.fieldName, f.arguments ?? undefined);
  }
}

function pendingChanged(cache: Cache) {
  const viewer = cache.resolve("Query", "viewer");
  if (typeof viewer === "string") cache.invalidate(viewer, "pendingInvitations");
}

export const invitationUpdates: UpdatesConfig = {
  Mutation: {
    acceptInvitation(_result, _args, cache) {
      pendingChanged(cache);
      invalidateField(cache, "Query", "workspaces");
      invalidateField(cache, "Query", "dashboard");
    },
    declineInvitation(_result, _args, cache) {
      pendingChanged(cache);
    },
  },
};
