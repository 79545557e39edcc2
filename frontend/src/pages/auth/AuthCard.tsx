// The frame of the sign-in and register pages: a centred card with the
// product name, and the errors these pages show that the shared error
// contract does not name (rate limiting of failed sign-ins).
import type { ReactNode } from "react";
import type { CombinedError } from "urql";
import { formError } from "../../lib/errors";

export function AuthCard({ title, intro, children, footer }: { title: string; intro?: ReactNode; children: ReactNode; footer: ReactNode }) {
  return (
    <main className="auth-page" id="main">
      <div className="card auth-card stack">
        <div>
          <p className="auth-brand">Woow PaaS</p>
          <h1>{title}</h1>
          {intro && <p className="muted">{intro}</p>}
        </div>
        {children}
        <p className="muted auth-footer">{footer}</p>
      </div>
    </main>
  );
}

/** The error of a sign-in or register result that belongs to no field. */
export function authFormError(err: CombinedError | undefined | null, fields: string[]): string | undefined {
  if (!err) return undefined;
  // "too many failed sign-ins; try again in 4m0s" is worth reading as is.
  const limited = err.graphQLErrors.find((e) => (e.extensions as { code?: string } | undefined)?.code === "TOO_MANY_REQUESTS");
  if (limited?.message) return capitalise(limited.message) + ".";
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
 */
export function fieldMessage(label: string, msg: string | undefined): string | undefined {
  if (!msg) return undefined;
  return /^(is|must|has|cannot|can't|should)\b/.test(msg) ? `${label} ${msg}` : capitalise(msg);
}
