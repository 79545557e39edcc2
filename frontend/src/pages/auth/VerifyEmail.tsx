// /verify-email#token=…: the page the e-mailed confirmation link opens,
// signed in or not (the link is the proof). It confirms the address at once
// with the token (which stays in the fragment: the server gets it only in
// the GraphQL body), then says so; the viewer's state and pending
// invitations load again (pages/auth/cache.ts). A link that no longer works
// says why it may be, with a way to ask for a new one: signed in, right
// here; signed out, from Settings after signing in.
import { useEffect, useMemo, useRef } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { useMutation } from "urql";
import { Button, Loading } from "../../components/ui";
import { appError, fieldErrors, sentence } from "../../lib/errors";
import { tokenFromHash } from "../../lib/hashToken";
import { loginPath, useViewer, type Viewer } from "../../lib/session";
import { AuthCard } from "./AuthCard";
import { SendConfirmationLink, VerifyEmailDocument } from "./emailConfirmation";

export function VerifyEmail() {
  const { t } = useTranslation(["auth", "common"]);
  const location = useLocation();
  const token = useMemo(() => tokenFromHash(location.hash), [location.hash]);
  const { viewer, loading } = useViewer();
  const [op, verify] = useMutation(VerifyEmailDocument);
  // Once per token: a link works once, and React may run an effect twice.
  const tried = useRef<string | null>(null);
  useEffect(() => {
    if (!token || tried.current === token) return;
    tried.current = token;
    void verify({ input: { token } });
  }, [token, verify]);

  const footer = viewer ? <Link to="/">{t("dashboard")}</Link> : <Link to="/login">{t("signIn")}</Link>;

  if (!token) {
    return (
      <AuthCard title={t("verify.title")} footer={footer}>
        <p className="alert alert-warning" role="alert">
          {t("verify.noToken")}
        </p>
        <NewLink viewer={viewer} />
      </AuthCard>
    );
  }
  if (loading) return <Loading />;
  if (op.data?.verifyEmail.ok) {
    return (
      <AuthCard title={t("verify.confirmedTitle")} footer={footer}>
        <p className="alert alert-success" role="status">
          {t("verify.confirmed")}
        </p>
      </AuthCard>
    );
  }
  if (op.error && !op.fetching) {
    if (fieldErrors(op.error).token) {
      return (
        <AuthCard title={t("verify.invalidTitle")} footer={footer}>
          <p className="alert alert-warning" role="alert">
            {t("verify.invalid")}
          </p>
          <NewLink viewer={viewer} />
        </AuthCard>
      );
    }
    // Too many attempts, the server out of reach: the link may still work.
    const e = appError(op.error);
    return (
      <AuthCard title={t("verify.title")} footer={footer}>
        <p className="alert alert-error" role="alert">
          {sentence(e?.message ?? "")}
        </p>
        <div>
          <Button variant="primary" onClick={() => void verify({ input: { token } })}>
            {t("common:actions.retry")}
          </Button>
        </div>
      </AuthCard>
    );
  }
  return <Loading label={t("verify.confirming")} />;
}

/** The way to a new link: here when signed in (unless confirmed already), else through Settings. */
function NewLink({ viewer }: { viewer: Viewer | null }) {
  const { t } = useTranslation("auth");
  if (!viewer) {
    return (
      <p>
        <Trans t={t} i18nKey="verify.signInForLink" components={{ go: <Link to={loginPath("/settings")} /> }} />
      </p>
    );
  }
  if (viewer.emailVerifiedAt) {
    return (
      <p className="muted">
        {t("verify.alreadyConfirmed", { email: viewer.email })}
      </p>
    );
  }
  return (
    <div className="stack">
      <p className="muted">{t("verify.canSend", { email: viewer.email })}</p>
      <SendConfirmationLink email={viewer.email} label={t("verify.sendNew")} />
    </div>
  );
}
