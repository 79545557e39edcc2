// /reset-password#token=…: the page the e-mailed reset link opens. A new
// password, twice; the server sets it, ends every session of the account,
// and the user signs in with it. The token stays in the fragment (never sent
// to the server but in the GraphQL body).
import { useMemo, useState, type FormEvent } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { useMutation } from "urql";
import { graphql } from "../../gql";
import { Button, ErrorMessage, Field } from "../../components/ui";
import { fieldErrors } from "../../lib/errors";
import { useSession } from "../../lib/session";
import { tokenFromHash } from "../../lib/hashToken";
import { AuthCard, authFormError, capitalise, fieldMessage } from "./AuthCard";

const ResetPasswordMutation = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input) {
      ok
    }
  }
`);

const minPassword = 8;

/** What the sign-in page says after a reset. */
export const passwordChangedNotice = "Password changed; sign in with your new password.";

type Values = { newPassword: string; confirm: string };

export function checkNewPassword(v: Values): Partial<Record<keyof Values, string>> {
  const out: Partial<Record<keyof Values, string>> = {};
  if (!v.newPassword) out.newPassword = "Enter a new password";
  else if ([...v.newPassword].length < minPassword) out.newPassword = `Use at least ${minPassword} characters`;
  if (!v.confirm) out.confirm = "Enter the new password again";
  else if (v.newPassword && v.confirm !== v.newPassword) out.confirm = "The passwords do not match";
  return out;
}

export function ResetPassword() {
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
      <Link to="/forgot-password">Ask for a new link</Link> · <Link to="/login">Sign in</Link>
    </>
  );
  if (!token) {
    return (
      <AuthCard title="Choose a new password" footer={footer}>
        <p className="alert alert-warning" role="alert">
          This page opens from the link in a password reset e-mail, and this address has no link in it. Open the link from
          the e-mail once more (all of it), or ask for a new one.
        </p>
      </AuthCard>
    );
  }

  const server = submitted ? fieldErrors(error) : {};
  const errors = {
    newPassword: local.newPassword ?? fieldMessage("New password", server.newPassword),
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
      reset();
      navigate("/login", { replace: true, state: { notice: passwordChangedNotice } });
    }
  };

  return (
    <AuthCard title="Choose a new password" intro="Setting a new password signs your account out everywhere." footer={footer}>
      <form className="stack" onSubmit={submit} noValidate aria-label="Choose a new password">
        {submitted && server.token && (
          <div className="alert alert-error" role="alert">
            {capitalise(server.token)}. <Link to="/forgot-password">Ask for a new link</Link>
          </div>
        )}
        {submitted && <ErrorMessage message={authFormError(error, ["token", "newPassword"])} />}
        <Field label="New password" error={errors.newPassword} hint={`At least ${minPassword} characters.`}>
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
        <Field label="Confirm new password" error={errors.confirm}>
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
          {fetching ? "Saving…" : "Set new password"}
        </Button>
      </form>
    </AuthCard>
  );
}
