// Roles as words and in order (SPEC section 3). What the viewer may do is
// not decided here: the pages follow the server's viewerCan* fields; a role
// only picks the wording of a hint.
import type { Role } from "../../gql/graphql";

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
