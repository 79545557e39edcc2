// The server's error contract (SPEC section 9): a refusal is a GraphQL error
// whose extensions.code is BAD_USER_INPUT (with extensions.field), CONFLICT,
// FORBIDDEN, NOT_FOUND or UNAUTHENTICATED; anything else is INTERNAL. A
// subscription's WebSocket closed by the server with 4401 (the session
// ended: signed out elsewhere, password changed or reset, account disabled)
// is UNAUTHENTICATED too, so that it takes the same way to the sign-in page.
//
// Messages on the wire are English; codes (and reasons) are the stable part.
// In English the server's message is shown as it is; in another language the
// app says what the code (or a known reason) means in that language and keeps
// the server's specific words after it, in brackets, for BAD_USER_INPUT and
// CONFLICT, where they say which rule was broken.
import type { CombinedError } from "urql";
import { i18n } from "../i18n";
import type errorStrings from "../i18n/locales/en/errors.json";

type Reason = keyof (typeof errorStrings)["reason"];

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
  /** What to show, in the app's language. */
  message: string;
  /** The input field a BAD_USER_INPUT names, as the server spells it. */
  field?: string;
  /** The server's refinement of the code ("insufficient_scope"), when it gives one. */
  reason?: string;
}

const codes: readonly ErrorCode[] = [
  "BAD_USER_INPUT",
  "CONFLICT",
  "FORBIDDEN",
  "NOT_FOUND",
  "UNAUTHENTICATED",
  "TOO_MANY_REQUESTS",
  "INTERNAL",
  "NETWORK",
];

/** What a code means, in the app's language (errors.json). */
function codeMessage(code: ErrorCode): string {
  return i18n.t(`errors:code.${code}`);
}

/** The message to show for an error the server sent with code, reason and its English message. */
export function translate(code: ErrorCode, serverMessage: string, reason?: string): string {
  if (code === "INTERNAL" || code === "NETWORK") return codeMessage(code);
  if (i18n.resolvedLanguage === "en" || !i18n.resolvedLanguage) return serverMessage || codeMessage(code);
  if (reason && i18n.exists(`errors:reason.${reason}`)) return i18n.t(`errors:reason.${reason as Reason}`);
  if (serverMessage && (code === "BAD_USER_INPUT" || code === "CONFLICT")) {
    return i18n.t("errors:withDetail", { summary: codeMessage(code), detail: serverMessage });
  }
  return codeMessage(code);
}

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
      return [{ code: "UNAUTHENTICATED", message: i18n.t("errors:sessionEnded") }];
    }
    return [{ code: "NETWORK", message: codeMessage("NETWORK") }];
  }
  return err.graphQLErrors.map((e) => {
    const ext = (e.extensions ?? {}) as { code?: string; field?: string; reason?: string };
    const code = (codes.includes(ext.code as ErrorCode) ? ext.code : "INTERNAL") as ErrorCode;
    return { code, message: translate(code, e.message, ext.reason), field: ext.field, reason: ext.reason };
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

/**
 * A server message ("stop or delete … first (2 not stopped)") as a sentence:
 * capitalised, with a full stop. A message in Chinese is left as it is (its
 * punctuation is its own).
 */
export function sentence(msg: string): string {
  const s = msg.trim();
  if (!s || /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/.test(s)) return s;
  const cap = s[0].toUpperCase() + s.slice(1);
  return /[.!?]$/.test(cap) ? cap : cap + ".";
}
