// /verify-email#token=…: the page the e-mailed confirmation link opens,
// signed in or not (the link is the proof). It confirms the address at once
// with the token (which stays in the fragment: the server gets it only in
// the GraphQL body), then says so; the viewer's state and pending
// invitations load again (pages/auth/cache.ts). A link that no longer works
// says why it may be, with a way to ask for a new one: signed in, right
// here; signed out, from Settings after signing in.
import { useEffect, useMemo, useRef } from "react";
import { Link, useLocation } from "react-router";
import { useMutation } from "urql";
import { Button, Loading } from "../../components/ui";
import { appError, fieldErrors, sentence } from "../../lib/errors";
import { tokenFromHash } from "../../lib/hashToken";
import { loginPath, useViewer, type Viewer } from "../../lib/session";
import { AuthCard } from "./AuthCard";
import { SendConfirmationLink, VerifyEmailDocument } from "./emailConfirmation";

export function VerifyEmail() {
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

  const footer = viewer ? <Link to="/">Go to your dashboard</Link> : <Link to="/login">Sign in</Link>;

  if (!token) {
    return (
      <AuthCard title="Confirm your address" footer={footer}>
        <p className="alert alert-warning" role="alert">
          This page opens from the link in a confirmation e-mail, and this address has no link in it. Open the link from
          the e-mail once more (all of it), or ask for a new one.
        </p>
        <NewLink viewer={viewer} />
      </AuthCard>
    );
  }
  if (loading) return <Loading />;
  if (op.data?.verifyEmail.ok) {
    return (
      <AuthCard title="Address confirmed" footer={footer}>
        <p className="alert alert-success" role="status">
          Your address is confirmed; invitations sent to it now show in the app.
        </p>
      </AuthCard>
    );
  }
  if (op.error && !op.fetching) {
    if (fieldErrors(op.error).token) {
      return (
        <AuthCard title="This confirmation link does not work" footer={footer}>
          <p className="alert alert-warning" role="alert">
            This link is not valid any more: it was used already, it expired (links work for a day), or the account's
            address changed after it was sent.
          </p>
          <NewLink viewer={viewer} />
        </AuthCard>
      );
    }
    // Too many attempts, the server out of reach: the link may still work.
    const e = appError(op.error);
    return (
      <AuthCard title="Confirm your address" footer={footer}>
        <p className="alert alert-error" role="alert">
          {sentence(e?.message ?? "")}
        </p>
        <div>
          <Button variant="primary" onClick={() => void verify({ input: { token } })}>
            Try again
          </Button>
        </div>
      </AuthCard>
    );
  }
  return <Loading label="Confirming your address…" />;
}

/** The way to a new link: here when signed in (unless confirmed already), else through Settings. */
function NewLink({ viewer }: { viewer: Viewer | null }) {
  if (!viewer) {
    return (
      <p>
        <Link to={loginPath("/settings")}>Sign in to ask for a new link</Link> (in Settings).
      </p>
    );
  }
  if (viewer.emailVerifiedAt) {
    return (
      <p className="muted">
        The address of your account, {viewer.email}, is confirmed already: there is nothing more to do.
      </p>
    );
  }
  return (
    <div className="stack">
      <p className="muted">We can send a new link to {viewer.email}, the address of your account.</p>
      <SendConfirmationLink email={viewer.email} label="Send a new link" />
    </div>
  );
}
