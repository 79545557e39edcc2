// The token of an invitation link (`/invitation#token=…`, see
// lib/hashToken.ts). Signing in or registering on the way leaves the page;
// the token waits in sessionStorage (this tab only), so that `next` stays
// "/invitation" and no URL sent to the server ever carries it.
import { tokenFromHash } from "../../lib/hashToken";

const key = "woow.invitationToken";

/** The token of the hash (remembered for the round trip), else the remembered one. */
export function invitationToken(hash: string): string | null {
  const fromHash = tokenFromHash(hash);
  try {
    if (fromHash) sessionStorage.setItem(key, fromHash);
    return fromHash ?? sessionStorage.getItem(key);
  } catch {
    return fromHash; // storage disabled: this visit only
  }
}

/** Forgets the remembered token (answered, or no longer valid). */
export function forgetInvitationToken() {
  try {
    sessionStorage.removeItem(key);
  } catch {
    // nothing remembered
  }
}
