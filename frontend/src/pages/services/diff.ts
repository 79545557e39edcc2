// The values diff shown before an upgrade, computed here between the
// service's current values (passwords masked by the server) and the edited
// ones. A password is never shown: only that it changes.

/** What the server shows in place of a password. */
export const MASK = "••••••••";

export interface ValueDiff {
  key: string;
  kind: "added" | "removed" | "changed";
  old?: unknown;
  new?: unknown;
  /** A password: values never shown. */
  secret: boolean;
}

/** The form's starting values: the current ones without the masked passwords. */
export function editableValues(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) if (v !== MASK) out[k] = v;
  return out;
}

function emptyPassword(v: unknown): boolean {
  return v === undefined || v === null || v === "" || v === MASK;
}

/**
 * What updateService gets: the edited values, less the passwords left
 * empty (the server keeps those) and the unset keys the form added empty.
 */
export function submittedValues(
  current: Record<string, unknown>,
  edited: Record<string, unknown>,
  passwords: Set<string>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(edited)) {
    if (passwords.has(k) && emptyPassword(v)) continue;
    if (v === undefined) continue;
    if (!(k in current) && (v === "" || v === null)) continue;
    out[k] = v;
  }
  return out;
}

function same(a: unknown, b: unknown): boolean {
  if (typeof a === "number" || typeof b === "number") {
    const na = typeof a === "string" && a.trim() !== "" ? Number(a) : a;
    const nb = typeof b === "string" && b.trim() !== "" ? Number(b) : b;
    return na === nb;
  }
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object") {
    return JSON.stringify(a) === JSON.stringify(b);
  }
  return a === b;
}

/**
 * Added, removed and changed keys from current to submitted (both flat),
 * sorted by key. A password absent from submitted keeps its value, so it is
 * no change; one given is "changed" (or "added"), without its values.
 */
export function diffValues(
  current: Record<string, unknown>,
  submitted: Record<string, unknown>,
  passwords: Set<string>,
): ValueDiff[] {
  const keys = [...new Set([...Object.keys(current), ...Object.keys(submitted)])].sort();
  const out: ValueDiff[] = [];
  for (const key of keys) {
    const secret = passwords.has(key) || current[key] === MASK;
    const inOld = key in current;
    const inNew = key in submitted;
    if (secret) {
      if (!inNew) continue; // kept
      out.push({ key, kind: inOld ? "changed" : "added", secret });
      continue;
    }
    if (!inOld) out.push({ key, kind: "added", new: submitted[key], secret });
    else if (!inNew) out.push({ key, kind: "removed", old: current[key], secret });
    else if (!same(current[key], submitted[key]))
      out.push({ key, kind: "changed", old: current[key], new: submitted[key], secret });
  }
  return out;
}

/** A value as the diff and the values table show it. */
export function showValue(v: unknown): string {
  if (v === undefined) return "—";
  if (typeof v === "string") return v === "" ? '""' : v;
  return JSON.stringify(v);
}
