import type { Cache, UpdatesConfig } from "@urql/exchange-graphcache";

// Cache updates of the workspaces pages: which lists a mutation or a subscription
// event changes (see lib/cache.ts). Invalidating a list makes graphcache fetch
// it again for every query on screen that shows it (the header's switcher,
// the workspaces page, a team page).

/** Drops every cached variant (any arguments) of a field, e.g. all `Query.workspaces(...)`. */
function invalidateField(cache: Cache, entity: string | null | undefined, fieldName: string) {
  if (!entity) return;
  for (const f of cache.inspectFields(entity)) {
    if (f.fieldName === fieldName) cache.invalidate(entity, f.fieldName, f.arguments ?? undefined);
  }
}

function workspaceKey(cache: Cache, id: unknown): string | null {
  return typeof id === "string" ? cache.keyOfEntity({ __typename: "Workspace", id }) : null;
}

type Input = { input?: Record<string, unknown> };

const workspacesChanged = (_r: unknown, _a: unknown, cache: Cache) => invalidateField(cache, "Query", "workspaces");

export const workspaceUpdates: UpdatesConfig = {
  Mutation: {
    // The switcher lists active workspaces only: a new one joins it, an
    // archived one leaves it.
    createWorkspace: workspacesChanged,
    archiveWorkspace: workspacesChanged,
    leaveWorkspace(_result, args, cache) {
      invalidateField(cache, "Query", "workspaces");
      const ws = workspaceKey(cache, (args as Input).input?.workspaceId);
      if (ws) cache.invalidate(ws);
    },
    transferOwnership(_result, args, cache) {
      // Two members' roles and the viewer's role changed.
      invalidateField(cache, "Query", "workspaces");
      const ws = workspaceKey(cache, (args as Input).input?.workspaceId);
      invalidateField(cache, ws, "members");
      if (ws) cache.invalidate(ws, "viewerRole");
    },
    // Nobody joins by being invited: an invitation changes the list of
    // pending invitations only (members change when the invitee accepts).
    // Inviting an address again renews its invitation, which then updates
    // in place; reloading the list also brings in a new one.
    inviteMember(_result, args, cache) {
      invalidateField(cache, workspaceKey(cache, (args as Input).input?.workspaceId), "pendingInvitations");
    },
    // A cancelled invitation (pending or expired) leaves the team page's
    // list; the payload names the workspace. A new link needs nothing: the
    // invitation (its status and expiry) updates in place.
    cancelInvitation(result, _args, cache) {
      const inv = (result as { cancelInvitation?: { invitation?: { workspace?: { id?: unknown } | null } | null } | null })
        .cancelInvitation?.invitation;
      invalidateField(cache, workspaceKey(cache, inv?.workspace?.id), "pendingInvitations");
    },
    removeMember(_result, args, cache) {
      invalidateField(cache, workspaceKey(cache, (args as Input).input?.workspaceId), "members");
    },
  },
  Subscription: {
    // A changed service updates itself (normalised by id); one the lists of
    // its workspace do not hold yet (just deployed) makes them load again.
    workspaceServices(result, args, cache) {
      const svc = (result as { workspaceServices?: { __typename?: string; id: string; state: string } | null })
        .workspaceServices;
      const ws = workspaceKey(cache, (args as { workspaceId?: unknown }).workspaceId);
      if (!svc || !ws || svc.state === "gone") return;
      const key = cache.keyOfEntity({ __typename: "Service", id: svc.id });
      for (const f of cache.inspectFields(ws)) {
        if (f.fieldName !== "services") continue;
        const conn = cache.resolve(ws, f.fieldKey) as string | null;
        if (!conn) continue;
        const edges = (cache.resolve(conn, "edges") as (string | null)[] | null) ?? [];
        const known = edges.some((e) => e && cache.resolve(e, "node") === key);
        if (!known) cache.invalidate(ws, f.fieldName, f.arguments ?? undefined);
      }
    },
  },
};
