// The user code of the device flow (RFC 8628): 8 characters the device
// shows as XXXX-XXXX. People type it with or without the dash, in any case.

export const USER_CODE_LENGTH = 8;

/** The code's characters: letters and digits only, upper-cased, at most 8. */
export function normaliseUserCode(s: string): string {
  return s
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "")
    .slice(0, USER_CODE_LENGTH);
}

/** As the device shows it: XXXX-XXXX (the dash once past the fourth character). */
export function formatUserCode(s: string): string {
  const c = normaliseUserCode(s);
  return c.length > 4 ? `${c.slice(0, 4)}-${c.slice(4)}` : c;
}
