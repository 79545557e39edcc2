// The frame of the sign-in and register pages: a centred card with the
// product name, and the errors these pages show that the shared error
// contract does not name (rate limiting of failed sign-ins).
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { CombinedError } from "urql";
import { i18n } from "../../i18n";
import { formError } from "../../lib/errors";

export function AuthCard({ title, intro, children, footer }: { title: string; intro?: ReactNode; children: ReactNode; footer: ReactNode }) {
  const { t } = useTranslation();
  return (
    <main className="auth-page" id="main">
      <div className="card auth-card stack">
        <div>
          <p className="auth-brand">{t("brand")}</p>
          <h1>{title}</h1>
          {intro && <p className="muted">{intro}</p>}
        </div>
        {children}
        <p className="muted auth-footer">{footer}</p>
      </div>
    </main>
  );
}

/** Whether the app speaks English, in which the server's messages are shown as they are. */
function english(): boolean {
  return !i18n.resolvedLanguage || i18n.resolvedLanguage === "en";
}

/** The error of a sign-in or register result that belongs to no field. */
export function authFormError(err: CombinedError | undefined | null, fields: string[]): string | undefined {
  if (!err) return undefined;
  // "too many failed sign-ins; try again in 4m0s" is worth reading as is, in
  // English; another language says what the code means (lib/errors).
  const limited = err.graphQLErrors.find((e) => (e.extensions as { code?: string } | undefined)?.code === "TOO_MANY_REQUESTS");
  if (limited?.message && english()) return capitalise(limited.message) + ".";
  const msg = formError(err, fields);
  return msg ? capitalise(msg) : undefined;
}

/** Server messages are lower-case phrases ("wrong email or password"). */
export function capitalise(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

/**
 * A server field message shown under its field: "is required" reads
 * "Email is required"; a full phrase ("enter your name") is capitalised.
 * In another language the message is already a sentence of that language
 * (lib/errors).
 */
export function fieldMessage(label: string, msg: string | undefined): string | undefined {
  if (!msg) return undefined;
  if (!english()) return msg;
  return /^(is|must|has|cannot|can't|should)\b/.test(msg) ? `${label} ${msg}` : capitalise(msg);
}
