// Who may do what in a workspace (SPEC section 3, workspaces/workspaces.go),
// so that the pages offer only the controls a role may use. The server
// enforces the same rules; these only decide what is shown.
import type { Role, WorkspaceState } from "../../gql/graphql";

const rank: Record<Role, number> = { guest: 1, user: 2, admin: 3, owner: 4 };

export function atLeast(r: Role | null | undefined, min: Role): boolean {
  return !!r && rank[r] >= rank[min];
}

/** Roles an admin or the owner may hand out: never owner (that is a transfer). */
export const assignableRoles: Role[] = ["guest", "user", "admin"];

export const roleLabel: Record<Role, string> = {
  guest: "Guest",
  user: "User",
  admin: "Admin",
  owner: "Owner",
};

export const roleHint: Record<Role, string> = {
  guest: "Can look at everything; changes nothing.",
  user: "Can look at everything, create and edit tasks, and chat.",
  admin: "Can also deploy and manage services and manage members.",
  owner: "Can also transfer ownership and archive the workspace.",
};

/** Members listed owner first, then admins, users, guests; by name within a role. */
export function byRole<T extends { role: Role; user: { name: string } }>(a: T, b: T): number {
  return rank[b.role] - rank[a.role] || a.user.name.localeCompare(b.user.name);
}

export interface Permissions {
  archived: boolean;
  /** Rename, change the description (admin, owner; active workspace). */
  edit: boolean;
  /** Invite, change roles up to admin, remove members (admin, owner; active). */
  manageMembers: boolean;
  /** Transfer ownership and archive (owner; active). */
  own: boolean;
  /** Everyone but the owner may leave, also an archived workspace. */
  leave: boolean;
}

export function permissions(viewerRole: Role, state: WorkspaceState): Permissions {
  const archived = state === "archived";
  return {
    archived,
    edit: !archived && atLeast(viewerRole, "admin"),
    manageMembers: !archived && atLeast(viewerRole, "admin"),
    own: !archived && viewerRole === "owner",
    leave: viewerRole !== "owner",
  };
}
