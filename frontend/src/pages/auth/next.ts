// Where to go after signing in: the `next` query parameter when it is a path
// inside this app, else the dashboard. Anything that could leave the app
// ("//evil.example", "/\evil.example", "https://…") or loop back to the
// sign-in pages is ignored.
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  // Control characters (a newline or tab inside the path) are never a real page.
  if (/[\u0000-\u001f\u007f]/.test(next)) return "/";
  const path = next.split(/[?#]/, 1)[0];
  if (path === "/login" || path === "/register") return "/";
  return next;
}

/** Keeps `next` when moving between the sign-in and register pages. */
export function withNext(path: string, next: string | null): string {
  const target = safeNext(next);
  return target === "/" ? path : `${path}?next=${encodeURIComponent(target)}`;
}
