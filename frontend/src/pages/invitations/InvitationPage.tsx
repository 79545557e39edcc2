// /invitation#token=…: the page an invitation link opens. It shows the
// invitation (workspace, role, who sent it, to which address), signed in or
// not. Signed out: sign in or create an account, then back here (the token
// waits in this tab's sessionStorage, see token.ts). Signed in: accept
// (join and open the workspace) or decline. The link is how an invitation
// reaches an account whose address is not confirmed (see
// pages/auth/emailConfirmation.tsx): only a confirmed one also lists it on
// the dashboard.
import { useEffect, useMemo, useState } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import type { InvitationByTokenQuery } from "../../gql/graphql";
import { Button, ConfirmDialog, ErrorMessage, Loading, RelativeTime } from "../../components/ui";
import { appError, sentence } from "../../lib/errors";
import { useSession, useViewer, type Viewer } from "../../lib/session";
import { MyWorkspacesDocument } from "../../lib/workspace";
import { AuthCard } from "../auth/AuthCard";
import { roleHint, roleLabel } from "../workspaces/roles";
import { AcceptInvitationDocument, DeclineInvitationDocument } from "./PendingInvitations";
import { forgetInvitationToken, invitationToken } from "./token";

export const InvitationByTokenDocument = graphql(`
  query InvitationByToken($token: String!) {
    invitationByToken(token: $token) {
      id
      role
      email
      invitedBy
      expiresAt
      workspace {
        id
        name
        slug
      }
    }
  }
`);

const SignOutDocument = graphql(`
  mutation InvitationSignOut {
    logout {
      ok
    }
  }
`);

type Invitation = NonNullable<InvitationByTokenQuery["invitationByToken"]>;

/** Where sign-in and registration come back to: the token is not in it. */
const here = "/invitation";

export function InvitationPage() {
  const location = useLocation();
  const token = useMemo(() => invitationToken(location.hash), [location.hash]);
  const { viewer, loading } = useViewer();
  const [{ data, fetching, error }] = useQuery({
    query: InvitationByTokenDocument,
    variables: { token: token ?? "" },
    pause: !token,
    requestPolicy: "network-only",
  });
  const [declined, setDeclined] = useState<string | null>(null);

  if (declined) {
    return (
      <AuthCard title="Invitation declined" footer={<Link to="/">Go to your dashboard</Link>}>
        <p className="alert alert-info" role="status">
          You declined the invitation to {declined}. If you change your mind, ask someone there to invite you again.
        </p>
      </AuthCard>
    );
  }
  if (!token) {
    return (
      <AuthCard title="Open your invitation link" footer={<Link to="/">Go to Woow PaaS</Link>}>
        <p>
          This page opens from an invitation link, and this one has no invitation in it. Open the link you were sent once
          more (copy all of it), or ask whoever invited you for a new one.
        </p>
      </AuthCard>
    );
  }
  if ((fetching && !data) || loading) return <Loading label="Loading the invitation…" />;
  if (error && !data) {
    return (
      <AuthCard title="Invitation" footer={<Link to="/">Go to Woow PaaS</Link>}>
        <ErrorMessage error={error} />
      </AuthCard>
    );
  }
  const inv = data?.invitationByToken;
  if (!inv) return <Invalid signedIn={!!viewer} />;
  return <Valid inv={inv} token={token} viewer={viewer} onDeclined={setDeclined} />;
}

function Invalid({ signedIn }: { signedIn: boolean }) {
  useEffect(() => forgetInvitationToken(), []);
  return (
    <AuthCard
      title="This invitation link does not work any more"
      footer={signedIn ? <Link to="/">Go to your dashboard</Link> : <Link to="/login">Sign in</Link>}
    >
      <p className="alert alert-warning" role="alert">
        The link was already used, the invitation was cancelled, or it has expired (invitations last a week).
      </p>
      <p className="muted">Ask whoever invited you for a new link. Making a new link stops the old one.</p>
    </AuthCard>
  );
}

function Valid({
  inv,
  token,
  viewer,
  onDeclined,
}: {
  inv: Invitation;
  token: string;
  viewer: Viewer | null;
  onDeclined: (workspace: string) => void;
}) {
  const by = inv.invitedBy ?? "Someone";
  return (
    <AuthCard
      title={`Join ${inv.workspace.name}`}
      intro={
        <>
          {by} invited you to the workspace <strong>{inv.workspace.name}</strong> on Woow PaaS.
        </>
      }
      footer={
        viewer ? (
          <>
            <Link to="/">Not now: go to your dashboard</Link>{" "}
            {/* Only a confirmed address lists its invitations there; otherwise this link is the way in. */}
            {viewer.emailVerifiedAt && viewer.email.toLowerCase() === inv.email.toLowerCase()
              ? "(the invitation waits there too, until it expires)"
              : "(keep this link to answer later: it works until it expires)"}
          </>
        ) : (
          <>You can also open this link later: it works until it expires.</>
        )
      }
    >
      <dl className="details-list invitation-facts">
        <dt>Workspace</dt>
        <dd className="break">{inv.workspace.name}</dd>
        <dt>Your role</dt>
        <dd>
          {roleLabel[inv.role]} <span className="muted">({roleHint[inv.role]})</span>
        </dd>
        <dt>Invited by</dt>
        <dd className="break">{by}</dd>
        <dt>Sent to</dt>
        <dd className="break">{inv.email}</dd>
        <dt>Expires</dt>
        <dd>
          <RelativeTime value={inv.expiresAt} />
        </dd>
      </dl>
      {viewer ? <Answer inv={inv} token={token} viewer={viewer} onDeclined={onDeclined} /> : <SignInFirst inv={inv} />}
    </AuthCard>
  );
}

function SignInFirst({ inv }: { inv: Invitation }) {
  const next = `?next=${encodeURIComponent(here)}`;
  return (
    <div className="stack">
      <p>
        Sign in to accept or decline. No account yet? Create one (with {inv.email} or another address); you come back here
        afterwards.
      </p>
      <div className="row invitation-actions">
        <Link to={`/login${next}`} className="btn btn-primary">
          Sign in
        </Link>
        <Link to={`/register${next}`} className="btn">
          Create an account
        </Link>
      </div>
    </div>
  );
}

function Answer({
  inv,
  token,
  viewer,
  onDeclined,
}: {
  inv: Invitation;
  token: string;
  viewer: Viewer;
  onDeclined: (workspace: string) => void;
}) {
  const navigate = useNavigate();
  const { reset } = useSession();
  const [acceptOp, accept] = useMutation(AcceptInvitationDocument);
  const [declineOp, decline] = useMutation(DeclineInvitationDocument);
  const [signOutOp, signOut] = useMutation(SignOutDocument);
  const [confirming, setConfirming] = useState(false);
  const [declineFailed, setDeclineFailed] = useState(false);
  // Already in the workspace (e.g. the link is opened by its inviter): nothing to accept.
  const [{ data: mine }] = useQuery({ query: MyWorkspacesDocument });
  const member = (mine?.workspaces.edges ?? []).some((e) => e?.node?.id === inv.workspace.id);
  const otherAddress = viewer.email.toLowerCase() !== inv.email.toLowerCase();
  const acceptError = appError(acceptOp.error);
  const wsPath = `/workspaces/${encodeURIComponent(inv.workspace.slug)}`;

  if (member && !acceptOp.data) {
    return (
      <div className="stack">
        <p className="alert alert-info" role="status">
          You ({viewer.email}) are already a member of {inv.workspace.name}: this invitation is for someone else, or for
          another of your accounts. Share the link with the person it is for.
        </p>
        <div className="row invitation-actions">
          <Link to={wsPath} className="btn btn-primary">
            Open {inv.workspace.name}
          </Link>
        </div>
      </div>
    );
  }

  const onAccept = async () => {
    const res = await accept({ input: { token } });
    const ws = res.data?.acceptInvitation.member.workspace;
    if (ws) {
      forgetInvitationToken();
      navigate(`/workspaces/${encodeURIComponent(ws.slug)}`, { replace: true });
    }
  };

  return (
    <div className="stack">
      <p className="muted">
        Signed in as {viewer.name} ({viewer.email}).{" "}
        {otherAddress && (
          <>
            The invitation was sent to {inv.email}: accepting adds <strong>this</strong> account to {inv.workspace.name}.
          </>
        )}
      </p>
      {acceptError && (
        <div className="alert alert-error" role="alert">
          {sentence(acceptError.message)}{" "}
          {acceptError.code === "CONFLICT" && <Link to={wsPath}>Open {inv.workspace.name}</Link>}
        </div>
      )}
      <div className="row invitation-actions">
        <Button variant="primary" busy={acceptOp.fetching} disabled={declineOp.fetching} onClick={onAccept}>
          {acceptOp.fetching ? "Joining…" : "Accept"}
        </Button>
        <Button
          disabled={acceptOp.fetching}
          onClick={() => {
            setDeclineFailed(false);
            setConfirming(true);
          }}
        >
          Decline
        </Button>
        {otherAddress && (
          <Button
            variant="ghost"
            busy={signOutOp.fetching}
            onClick={async () => {
              await signOut({});
              // A new session client: the page shows the invitation to the signed out.
              reset();
            }}
          >
            Use another account
          </Button>
        )}
      </div>
      <ConfirmDialog
        open={confirming}
        title={`Decline the invitation to ${inv.workspace.name}?`}
        confirmLabel="Decline invitation"
        cancelLabel="Keep it"
        danger
        busy={declineOp.fetching}
        errorMessage={declineFailed ? sentence(appError(declineOp.error)?.message ?? "") : undefined}
        onClose={() => setConfirming(false)}
        onConfirm={async () => {
          setDeclineFailed(false);
          const res = await decline({ input: { token } });
          if (res.data) {
            forgetInvitationToken();
            setConfirming(false);
            onDeclined(inv.workspace.name);
          } else setDeclineFailed(true);
        }}
      >
        <p>
          You will not join {inv.workspace.name}, and this link stops working. To join later, ask someone there to invite
          you again.
        </p>
      </ConfirmDialog>
    </div>
  );
}
