// Create an account: name, email, password. The server decides (field errors
// come back at their field); the quick checks here only save a round trip.
import { useState, type FormEvent } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { useMutation } from "urql";
import { graphql } from "../../gql";
import { Button, ErrorMessage, Field, Loading } from "../../components/ui";
import { i18n } from "../../i18n";
import { fieldErrors } from "../../lib/errors";
import { useSession, useViewer } from "../../lib/session";
import { AuthCard, authFormError, fieldMessage } from "./AuthCard";
import { safeNext, withNext } from "./next";

const RegisterMutation = graphql(`
  mutation RegisterAccount($input: RegisterInput!) {
    register(input: $input) {
      user {
        id
        name
        email
        platformAdmin
      }
    }
  }
`);

const fields = ["name", "email", "password"];
const minPassword = 8;

type Values = { name: string; email: string; password: string };

/** The checks worth making before asking the server. */
export function checkRegistration(v: Values): Partial<Record<keyof Values, string>> {
  const out: Partial<Record<keyof Values, string>> = {};
  const t = i18n.getFixedT(null, "auth");
  if (!v.name.trim()) out.name = t("check.enterName");
  if (!v.email.trim()) out.email = t("check.enterEmail");
  else if (!/^[^\s@]+@[^\s@]+$/.test(v.email.trim())) out.email = t("check.validEmail");
  if ([...v.password].length < minPassword) out.password = t("check.tooShort", { count: minPassword });
  return out;
}

export function Register() {
  const { t } = useTranslation("auth");
  const { viewer, loading } = useViewer();
  const [params] = useSearchParams();
  const nextParam = params.get("next");
  const next = safeNext(nextParam);
  const navigate = useNavigate();
  const { reset } = useSession();
  const [{ fetching, error }, register] = useMutation(RegisterMutation);
  const [values, setValues] = useState<Values>({ name: "", email: "", password: "" });
  const [local, setLocal] = useState<Partial<Record<keyof Values, string>>>({});
  const [submitted, setSubmitted] = useState(false);

  if (viewer) return <Navigate to={next} replace />;
  if (loading && !submitted) return <Loading />;

  const server = submitted ? fieldErrors(error) : {};
  const errors = {
    name: local.name ?? fieldMessage(t("fields.name"), server.name),
    email: local.email ?? fieldMessage(t("fields.email"), server.email),
    password: local.password ?? fieldMessage(t("fields.password"), server.password),
  };
  const set = (k: keyof Values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const check = checkRegistration(values);
    setLocal(check);
    if (Object.keys(check).length > 0) {
      setSubmitted(false);
      return;
    }
    setSubmitted(true);
    const res = await register({ input: { name: values.name.trim(), email: values.email.trim(), password: values.password } });
    if (res.data?.register.user) {
      reset();
      navigate(next, { replace: true });
    }
  };

  return (
    <AuthCard
      title={t("register.title")}
      intro={t("register.intro")}
      footer={<Trans t={t} i18nKey="register.footer" components={{ go: <Link to={withNext("/login", nextParam)} /> }} />}
    >
      <form className="stack" onSubmit={submit} noValidate aria-label={t("register.title")}>
        {submitted && <ErrorMessage message={authFormError(error, fields)} />}
        <Field label={t("fields.name")} error={errors.name}>
          {(p) => <input {...p} className="input" name="name" autoComplete="name" autoFocus value={values.name} onChange={set("name")} />}
        </Field>
        <Field label={t("fields.email")} error={errors.email}>
          {(p) => (
            <input {...p} className="input" type="email" name="email" autoComplete="email" inputMode="email" value={values.email} onChange={set("email")} />
          )}
        </Field>
        <Field label={t("fields.password")} error={errors.password} hint={t("passwordHint", { count: minPassword })}>
          {(p) => (
            <input {...p} className="input" type="password" name="password" autoComplete="new-password" value={values.password} onChange={set("password")} />
          )}
        </Field>
        <Button type="submit" variant="primary" busy={fetching} className="auth-submit">
          {fetching ? t("register.submitting") : t("register.submit")}
        </Button>
      </form>
    </AuthCard>
  );
}
