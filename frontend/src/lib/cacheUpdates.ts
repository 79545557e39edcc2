import type { UpdatesConfig } from "@urql/exchange-graphcache";

/** Merges per-page update configs; two pages updating one field is a bug. */
export function mergeUpdates(...parts: UpdatesConfig[]): UpdatesConfig {
  const out: UpdatesConfig = {};
  for (const part of parts) {
    for (const [type, fields] of Object.entries(part)) {
      const into = (out[type] ??= {});
      for (const [field, fn] of Object.entries(fields ?? {})) {
        if (into[field]) throw new Error(`two cache updates for ${type}.${field}`);
        into[field] = fn;
      }
    }
  }
  return out;
}
