// Sign in: email and password, errors at their field, then back to where the
// user was going (the `next` parameter set by the session-expiry redirect).
import { useState, type FormEvent } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from "react-router";
import { useMutation } from "urql";
import { graphql } from "../../gql";
import { Button, ErrorMessage, Field, Loading } from "../../components/ui";
import { fieldErrors } from "../../lib/errors";
import { useSession, useViewer } from "../../lib/session";
import { AuthCard, authFormError, fieldMessage } from "./AuthCard";
import { safeNext, withNext } from "./next";

const LoginMutation = graphql(`
  mutation LoginSignIn($input: LoginInput!) {
    login(input: $input) {
      user {
        id
        name
        email
        platformAdmin
      }
    }
  }
`);

const fields = ["email", "password"];

export function Login() {
  const { t } = useTranslation("auth");
  const { viewer, loading } = useViewer();
  const [params] = useSearchParams();
  const nextParam = params.get("next");
  const next = safeNext(nextParam);
  const navigate = useNavigate();
  // Set by the page that sent the user here ("Password changed; sign in…").
  const notice = (useLocation().state as { notice?: unknown } | null)?.notice;
  const { reset } = useSession();
  const [{ fetching, error }, login] = useMutation(LoginMutation);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [local, setLocal] = useState<Record<string, string>>({});
  const [submitted, setSubmitted] = useState(false);

  // Already signed in (or just signed in and the new session has loaded).
  if (viewer) return <Navigate to={next} replace />;
  if (loading && !submitted) return <Loading />;

  const server = submitted ? fieldErrors(error) : {};
  const errors = {
    email: local.email ?? fieldMessage(t("fields.email"), server.email),
    password: local.password ?? fieldMessage(t("fields.password"), server.password),
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const check: Record<string, string> = {};
    if (!email.trim()) check.email = t("check.enterEmail");
    if (!password) check.password = t("check.enterPassword");
    setLocal(check);
    if (Object.keys(check).length > 0) {
      setSubmitted(false);
      return;
    }
    setSubmitted(true);
    const res = await login({ input: { email: email.trim(), password } });
    if (res.data?.login.user) {
      // A new client: the cache and the WebSocket start with the new cookie.
      reset();
      navigate(next, { replace: true });
    }
  };

  return (
    <AuthCard
      title={t("login.title")}
      intro={nextParam && next !== "/" ? t("login.introNext") : t("login.intro")}
      footer={<Trans t={t} i18nKey="login.footer" components={{ go: <Link to={withNext("/register", nextParam)} /> }} />}
    >
      <form className="stack" onSubmit={submit} noValidate aria-label={t("login.title")}>
        {typeof notice === "string" && !submitted && (
          <p className="alert alert-success" role="status">
            {notice}
          </p>
        )}
        {submitted && <ErrorMessage message={authFormError(error, fields)} />}
        <Field label={t("fields.email")} error={errors.email}>
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
        <Field label={t("fields.password")} error={errors.password}>
          {(p) => (
            <input
              {...p}
              className="input"
              type="password"
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <p className="auth-forgot">
          <Link to="/forgot-password" state={{ email: email.trim() }}>
            {t("login.forgot")}
          </Link>
        </p>
        <Button type="submit" variant="primary" busy={fetching} className="auth-submit">
          {fetching ? t("login.submitting") : t("signIn")}
        </Button>
      </form>
    </AuthCard>
  );
}
