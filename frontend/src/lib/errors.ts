// The server's error contract (SPEC section 9): a refusal is a GraphQL error
// whose extensions.code is BAD_USER_INPUT (with extensions.field), CONFLICT,
// FORBIDDEN, NOT_FOUND or UNAUTHENTICATED; anything else is INTERNAL. A
// subscription's WebSocket closed by the server with 4401 (the session
// ended: signed out elsewhere, password changed or reset, account disabled)
// is UNAUTHENTICATED too, so that it takes the same way to the sign-in page.
import type { CombinedError } from "urql";

export type ErrorCode =
  | "BAD_USER_INPUT"
  | "CONFLICT"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "UNAUTHENTICATED"
  | "TOO_MANY_REQUESTS"
  | "INTERNAL"
  | "NETWORK";

export interface AppError {
  code: ErrorCode;
  message: string;
  /** The input field a BAD_USER_INPUT names, as the server spells it. */
  field?: string;
}

const fallback: Record<ErrorCode, string> = {
  BAD_USER_INPUT: "Please check what you entered.",
  CONFLICT: "That is not possible in the current state.",
  FORBIDDEN: "Your role does not allow this.",
  NOT_FOUND: "Not found, or you have no access to it.",
  UNAUTHENTICATED: "Please sign in again.",
  TOO_MANY_REQUESTS: "Too many attempts. Please wait a moment and try again.",
  INTERNAL: "Something went wrong on our side. Please try again.",
  NETWORK: "The server cannot be reached. Check your connection and try again.",
};

/** The WebSocket close code graphql-transport-ws servers use when the credentials are gone. */
export const CLOSE_UNAUTHORIZED = 4401;

/** The code of a WebSocket close event (graphql-ws reports one as a subscription's error), or undefined. */
export function closeCode(e: unknown): number | undefined {
  if (typeof e !== "object" || e === null || !("code" in e) || !("reason" in e)) return undefined;
  const code = (e as { code: unknown }).code;
  return typeof code === "number" ? code : undefined;
}

/** The errors of a result, readable and with their codes. */
export function appErrors(err: CombinedError | undefined | null): AppError[] {
  if (!err) return [];
  if (err.networkError && err.graphQLErrors.length === 0) {
    if (closeCode(err.networkError) === CLOSE_UNAUTHORIZED) {
      return [{ code: "UNAUTHENTICATED", message: "Your session has ended. Please sign in again." }];
    }
    return [{ code: "NETWORK", message: fallback.NETWORK }];
  }
  return err.graphQLErrors.map((e) => {
    const ext = (e.extensions ?? {}) as { code?: string; field?: string };
    const code = (ext.code && ext.code in fallback ? ext.code : "INTERNAL") as ErrorCode;
    const message = code === "INTERNAL" ? fallback.INTERNAL : e.message || fallback[code];
    return { code, message, field: ext.field };
  });
}

/** The first error of a result, or undefined. */
export function appError(err: CombinedError | undefined | null): AppError | undefined {
  return appErrors(err)[0];
}

/** Field errors keyed by the field the server names ("name", "values.db.user"), for forms. */
export function fieldErrors(err: CombinedError | undefined | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of appErrors(err)) {
    if (e.code === "BAD_USER_INPUT" && e.field) out[e.field] = e.message;
  }
  return out;
}

/** Errors that do not belong to a form field. */
export function formError(err: CombinedError | undefined | null, fields: string[] = []): string | undefined {
  const e = appErrors(err).find((x) => !(x.code === "BAD_USER_INPUT" && x.field && fields.includes(x.field)));
  return e?.message;
}

export function isUnauthenticated(err: CombinedError | undefined | null): boolean {
  return appErrors(err).some((e) => e.code === "UNAUTHENTICATED");
}

/** A server message ("stop or delete … first (2 not stopped)") as a sentence: capitalised, with a full stop. */
export function sentence(msg: string): string {
  const s = msg.trim();
  if (!s) return s;
  const cap = s[0].toUpperCase() + s.slice(1);
  return /[.!?]$/.test(cap) ? cap : cap + ".";
}
