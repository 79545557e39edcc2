// Roles as words and in order (SPEC section 3). What the viewer may do is
// not decided here: the pages follow the server's viewerCan* fields; a role
// only picks the wording of a hint.
import type { Role } from "../../gql/graphql";
import { i18n } from "../../i18n";

const rank: Record<Role, number> = { guest: 1, user: 2, admin: 3, owner: 4 };

export function atLeast(r: Role | null | undefined, min: Role): boolean {
  return !!r && rank[r] >= rank[min];
}

/** Roles an admin or the owner may hand out: never owner (that is a transfer). */
export const assignableRoles: Role[] = ["guest", "user", "admin"];

/**
 * A role's name and what it may do, in the app's language. Each entry is
 * read when shown (a getter), so `roleLabel[r]` follows a change of
 * language; the enum values themselves go to the API untranslated.
 */
export const roleLabel = translated((r) => i18n.t(`roles.${r}`, { ns: "workspaces" }));
export const roleHint = translated((r) => i18n.t(`roleHints.${r}`, { ns: "workspaces" }));

function translated(text: (r: Role) => string): Readonly<Record<Role, string>> {
  const out = {} as Record<Role, string>;
  for (const r of Object.keys(rank) as Role[]) Object.defineProperty(out, r, { get: () => text(r), enumerable: true });
  return out;
}

/** Members listed owner first, then admins, users, guests; by name within a role. */
export function byRole<T extends { role: Role; user: { name: string } }>(a: T, b: T): number {
  return rank[b.role] - rank[a.role] || a.user.name.localeCompare(b.user.name);
}
