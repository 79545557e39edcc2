// /reset-password#token=…: the page the e-mailed reset link opens. A new
// password, twice; the server sets it, ends every session of the account,
// and the user signs in with it. The token stays in the fragment (never sent
// to the server but in the GraphQL body).
import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router";
import { useMutation } from "urql";
import { graphql } from "../../gql";
import { Button, ErrorMessage, Field } from "../../components/ui";
import { i18n } from "../../i18n";
import { fieldErrors, sentence } from "../../lib/errors";
import { useSession } from "../../lib/session";
import { tokenFromHash } from "../../lib/hashToken";
import { AuthCard, authFormError, fieldMessage } from "./AuthCard";

const ResetPasswordMutation = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input) {
      ok
    }
  }
`);

const minPassword = 8;

type Values = { newPassword: string; confirm: string };

export function checkNewPassword(v: Values): Partial<Record<keyof Values, string>> {
  const out: Partial<Record<keyof Values, string>> = {};
  const t = i18n.getFixedT(null, "auth");
  if (!v.newPassword) out.newPassword = t("check.enterNewPassword");
  else if ([...v.newPassword].length < minPassword) out.newPassword = t("check.tooShort", { count: minPassword });
  if (!v.confirm) out.confirm = t("check.enterAgain");
  else if (v.newPassword && v.confirm !== v.newPassword) out.confirm = t("check.mismatch");
  return out;
}

export function ResetPassword() {
  const { t } = useTranslation("auth");
  const location = useLocation();
  const token = useMemo(() => tokenFromHash(location.hash), [location.hash]);
  const navigate = useNavigate();
  const { reset } = useSession();
  const [{ fetching, error }, resetPassword] = useMutation(ResetPasswordMutation);
  const [values, setValues] = useState<Values>({ newPassword: "", confirm: "" });
  const [local, setLocal] = useState<Partial<Record<keyof Values, string>>>({});
  const [submitted, setSubmitted] = useState(false);

  const footer = (
    <>
      <Link to="/forgot-password">{t("reset.newLink")}</Link> · <Link to="/login">{t("signIn")}</Link>
    </>
  );
  if (!token) {
    return (
      <AuthCard title={t("reset.title")} footer={footer}>
        <p className="alert alert-warning" role="alert">
          {t("reset.noToken")}
        </p>
      </AuthCard>
    );
  }

  const server = submitted ? fieldErrors(error) : {};
  const errors = {
    newPassword: local.newPassword ?? fieldMessage(t("fields.newPassword"), server.newPassword),
    confirm: local.confirm,
  };
  const set = (k: keyof Values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const check = checkNewPassword(values);
    setLocal(check);
    if (Object.keys(check).length > 0) {
      setSubmitted(false);
      return;
    }
    setSubmitted(true);
    const res = await resetPassword({ input: { token, newPassword: values.newPassword } });
    if (res.data?.resetPassword.ok) {
      // Every session of the account ended, this browser's too if it had one.
      // The sign-in page shows the notice as it is given.
      reset();
      navigate("/login", { replace: true, state: { notice: t("reset.changedNotice") } });
    }
  };

  return (
    <AuthCard title={t("reset.title")} intro={t("reset.intro")} footer={footer}>
      <form className="stack" onSubmit={submit} noValidate aria-label={t("reset.title")}>
        {submitted && server.token && (
          <div className="alert alert-error" role="alert">
            {sentence(server.token)} <Link to="/forgot-password">{t("reset.newLink")}</Link>
          </div>
        )}
        {submitted && <ErrorMessage message={authFormError(error, ["token", "newPassword"])} />}
        <Field label={t("fields.newPassword")} error={errors.newPassword} hint={t("passwordHint", { count: minPassword })}>
          {(p) => (
            <input
              {...p}
              className="input"
              type="password"
              name="newPassword"
              autoComplete="new-password"
              autoFocus
              value={values.newPassword}
              onChange={set("newPassword")}
            />
          )}
        </Field>
        <Field label={t("fields.confirmPassword")} error={errors.confirm}>
          {(p) => (
            <input
              {...p}
              className="input"
              type="password"
              name="confirm"
              autoComplete="new-password"
              value={values.confirm}
              onChange={set("confirm")}
            />
          )}
        </Field>
        <Button type="submit" variant="primary" busy={fetching} className="auth-submit">
          {fetching ? t("reset.submitting") : t("reset.submit")}
        </Button>
      </form>
    </AuthCard>
  );
}
