// The `@` mention dropdown of the composer, as pure functions: where a
// mention is being typed, which agents match it, how the arrow keys move
// through them, and what choosing one does to the text.

/** A mention being typed: the `@` at `start`, then `query` up to the caret. */
export interface MentionQuery {
  start: number;
  query: string;
}

/** The characters of a handle (server: lower-case letters, digits, _ or -). */
const handleChar = /[A-Za-z0-9_-]/;

/**
 * The mention the caret is in, or null: an `@` at the start of the text or
 * after white space, followed only by handle characters up to the caret
 * ("mail me@x" is no mention; "hi @he|" is one, with query "he").
 */
export function mentionAt(text: string, caret: number): MentionQuery | null {
  if (caret < 0 || caret > text.length) return null;
  let i = caret;
  while (i > 0 && handleChar.test(text[i - 1])) i--;
  if (i === 0 || text[i - 1] !== "@") return null;
  const at = i - 1;
  if (at > 0 && !/\s/.test(text[at - 1])) return null;
  return { start: at, query: text.slice(i, caret) };
}

export interface MentionAgent {
  id: string;
  handle: string;
  displayName: string;
  active: boolean;
}

/**
 * The active agents that match the typed prefix (case-insensitive): those
 * whose handle starts with it first, then those whose display name has a
 * word starting with it; at most `limit`.
 */
export function filterAgents<A extends MentionAgent>(agents: readonly A[], query: string, limit = 8): A[] {
  const q = query.toLowerCase();
  const live = agents.filter((a) => a.active);
  const byHandle = live.filter((a) => a.handle.toLowerCase().startsWith(q));
  const byName = live.filter(
    (a) => !byHandle.includes(a) && q !== "" && a.displayName.toLowerCase().split(/\s+/).some((w) => w.startsWith(q)),
  );
  return [...byHandle, ...byName].slice(0, limit);
}

/** The option the arrow keys (and Home/End) move to among `count`, wrapping; null for other keys. */
export function moveActive(active: number, count: number, key: string): number | null {
  if (count <= 0) return null;
  switch (key) {
    case "ArrowDown":
      return (active + 1) % count;
    case "ArrowUp":
      return (active - 1 + count) % count;
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
}

/** The keys that choose the active option. */
export function choosesOption(key: string): boolean {
  return key === "Enter" || key === "Tab";
}

/**
 * The text with the mention being typed replaced by `@handle ` (no second
 * space when one follows already), and where the caret goes.
 */
export function insertMention(text: string, m: MentionQuery, caret: number, handle: string): { text: string; caret: number } {
  const before = text.slice(0, m.start);
  let after = text.slice(caret);
  // The rest of a handle the caret was inside of is replaced too.
  while (after && handleChar.test(after[0])) after = after.slice(1);
  const insert = after.startsWith(" ") ? `@${handle}` : `@${handle} `;
  const next = before + insert + after;
  return { text: next, caret: before.length + insert.length + (after.startsWith(" ") ? 1 : 0) };
}
