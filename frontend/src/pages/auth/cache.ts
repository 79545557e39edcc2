import type { Cache, UpdatesConfig } from "@urql/exchange-graphcache";

// Cache updates of the account pages (see lib/cache.ts). Confirming the
// address changes the viewer's emailVerifiedAt, and with it the invitations
// the viewer sees (only a confirmed address lists the invitations sent to
// it): both load again. Asking for a link loads the viewer's state again
// too, in case the address was confirmed meanwhile (another tab), since
// the server then sends nothing.

function viewerChanged(cache: Cache, fields: string[]) {
  const viewer = cache.resolve("Query", "viewer");
  if (typeof viewer !== "string") return; // signed out: nothing cached to refresh
  for (const f of fields) cache.invalidate(viewer, f);
}

export const accountUpdates: UpdatesConfig = {
  Mutation: {
    verifyEmail(result, _args, cache) {
      if ((result as { verifyEmail?: { ok?: boolean } | null }).verifyEmail?.ok) {
        viewerChanged(cache, ["emailVerifiedAt", "pendingInvitations"]);
      }
    },
    requestEmailVerification(_result, _args, cache) {
      viewerChanged(cache, ["emailVerifiedAt"]);
    },
  },
};
