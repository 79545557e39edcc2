// Forgot your password: the account's email address; the server e-mails a
// link to /reset-password (valid for an hour) when an account has it, and
// answers the same either way. A server without e-mail says so (CONFLICT);
// too many requests are refused for a while (TOO_MANY_REQUESTS).
import { useState, type FormEvent } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { useMutation } from "urql";
import { graphql } from "../../gql";
import { Button, ErrorMessage, Field } from "../../components/ui";
import { fieldErrors } from "../../lib/errors";
import { AuthCard, authFormError, fieldMessage } from "./AuthCard";

const RequestResetMutation = graphql(`
  mutation ForgotPasswordRequest($input: RequestPasswordResetInput!) {
    requestPasswordReset(input: $input) {
      ok
    }
  }
`);

export function ForgotPassword() {
  const { t } = useTranslation("auth");
  const location = useLocation();
  // The sign-in page passes on what was typed there.
  const typed = (location.state as { email?: unknown } | null)?.email;
  const [email, setEmail] = useState(typeof typed === "string" ? typed : "");
  const [{ fetching, error }, request] = useMutation(RequestResetMutation);
  const [local, setLocal] = useState<string | undefined>();
  const [submitted, setSubmitted] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);

  const server = submitted ? fieldErrors(error) : {};
  const emailError = local ?? fieldMessage(t("fields.email"), server.email);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const value = email.trim();
    if (!value) {
      setLocal(t("check.enterAccountEmail"));
      setSubmitted(false);
      return;
    }
    setLocal(undefined);
    setSubmitted(true);
    const res = await request({ input: { email: value } });
    if (res.data?.requestPasswordReset.ok) setSentTo(value);
  };

  return (
    <AuthCard
      title={t("forgot.title")}
      intro={t("forgot.intro")}
      footer={<Trans t={t} i18nKey="forgot.footer" components={{ go: <Link to="/login" /> }} />}
    >
      {sentTo ? (
        <div className="stack">
          <p className="alert alert-success" role="status">
            {t("forgot.sent", { email: sentTo })}
          </p>
          <p className="muted">
            <Trans
              t={t}
              i18nKey="forgot.nothing"
              components={{
                retry: (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      setSentTo(null);
                      setSubmitted(false);
                    }}
                  />
                ),
              }}
            />
          </p>
        </div>
      ) : (
        <form className="stack" onSubmit={submit} noValidate aria-label={t("forgot.title")}>
          {submitted && <ErrorMessage message={authFormError(error, ["email"])} />}
          <Field label={t("fields.email")} error={emailError}>
            {(p) => (
              <input
                {...p}
                className="input"
                type="email"
                name="email"
                autoComplete="username"
                inputMode="email"
                autoFocus
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            )}
          </Field>
          <Button type="submit" variant="primary" busy={fetching} className="auth-submit">
            {fetching ? t("forgot.submitting") : t("forgot.submit")}
          </Button>
        </form>
      )}
    </AuthCard>
  );
}
