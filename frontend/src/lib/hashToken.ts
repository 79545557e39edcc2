// The token of an e-mailed or shared link (`/invitation#token=…`,
// `/reset-password#token=…`). It travels in the fragment, which browsers
// never send to a server nor put in a Referer header; the app sends it only
// in a GraphQL request's body.

/** The token in a location hash ("#token=abc"), or null. */
export function tokenFromHash(hash: string): string | null {
  const t = new URLSearchParams(hash.replace(/^#/, "")).get("token");
  return t && t.trim() ? t.trim() : null;
}
