// /invitation#token=…: the page an invitation link opens. It shows the
// invitation (workspace, role, who sent it, to which address), signed in or
// not. Signed out: sign in or create an account, then back here (the token
// waits in this tab's sessionStorage, see token.ts). Signed in: accept
// (join and open the workspace) or decline. The link is how an invitation
// reaches an account whose address is not confirmed (see
// pages/auth/emailConfirmation.tsx): only a confirmed one also lists it on
// the dashboard.
import { useEffect, useMemo, useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import type { InvitationByTokenQuery } from "../../gql/graphql";
import { Button, ConfirmDialog, ErrorMessage, Loading, RelativeTime } from "../../components/ui";
import { appError, sentence } from "../../lib/errors";
import { useSession, useViewer, type Viewer } from "../../lib/session";
import { MyWorkspacesDocument } from "../../lib/workspace";
import { AuthCard } from "../auth/AuthCard";
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
  const { t } = useTranslation("invitations");
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
      <AuthCard title={t("page.declinedTitle")} footer={<Link to="/">{t("dashboard")}</Link>}>
        <p className="alert alert-info" role="status">
          {t("page.declined", { workspace: declined })}
        </p>
      </AuthCard>
    );
  }
  if (!token) {
    return (
      <AuthCard title={t("page.noTokenTitle")} footer={<Link to="/">{t("home")}</Link>}>
        <p>{t("page.noToken")}</p>
      </AuthCard>
    );
  }
  if ((fetching && !data) || loading) return <Loading label={t("page.loading")} />;
  if (error && !data) {
    return (
      <AuthCard title={t("page.errorTitle")} footer={<Link to="/">{t("home")}</Link>}>
        <ErrorMessage error={error} />
      </AuthCard>
    );
  }
  const inv = data?.invitationByToken;
  if (!inv) return <Invalid signedIn={!!viewer} />;
  return <Valid inv={inv} token={token} viewer={viewer} onDeclined={setDeclined} />;
}

function Invalid({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation("invitations");
  useEffect(() => forgetInvitationToken(), []);
  return (
    <AuthCard
      title={t("page.invalidTitle")}
      footer={signedIn ? <Link to="/">{t("dashboard")}</Link> : <Link to="/login">{t("signIn")}</Link>}
    >
      <p className="alert alert-warning" role="alert">
        {t("page.invalid")}
      </p>
      <p className="muted">{t("page.invalidHint")}</p>
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
  const { t } = useTranslation("invitations");
  const by = inv.invitedBy ?? t("someone");
  return (
    <AuthCard
      title={t("page.title", { workspace: inv.workspace.name })}
      intro={<Trans t={t} i18nKey="page.intro" values={{ by, workspace: inv.workspace.name }} components={{ strong: <strong /> }} />}
      footer={
        viewer ? (
          <>
            <Link to="/">{t("page.notNow")}</Link>{" "}
            {/* Only a confirmed address lists its invitations there; otherwise this link is the way in. */}
            {viewer.emailVerifiedAt && viewer.email.toLowerCase() === inv.email.toLowerCase() ? t("page.waitsThere") : t("page.keepLink")}
          </>
        ) : (
          t("page.later")
        )
      }
    >
      <dl className="details-list invitation-facts">
        <dt>{t("page.workspace")}</dt>
        <dd className="break">{inv.workspace.name}</dd>
        <dt>{t("page.role")}</dt>
        <dd>
          {t(`roles.${inv.role}`)} <span className="muted">({t(`roleHints.${inv.role}`)})</span>
        </dd>
        <dt>{t("page.invitedBy")}</dt>
        <dd className="break">{by}</dd>
        <dt>{t("page.sentTo")}</dt>
        <dd className="break">{inv.email}</dd>
        <dt>{t("page.expires")}</dt>
        <dd>
          <RelativeTime value={inv.expiresAt} />
        </dd>
      </dl>
      {viewer ? <Answer inv={inv} token={token} viewer={viewer} onDeclined={onDeclined} /> : <SignInFirst inv={inv} />}
    </AuthCard>
  );
}

function SignInFirst({ inv }: { inv: Invitation }) {
  const { t } = useTranslation("invitations");
  const next = `?next=${encodeURIComponent(here)}`;
  return (
    <div className="stack">
      <p>{t("page.signInFirst", { email: inv.email })}</p>
      <div className="row invitation-actions">
        <Link to={`/login${next}`} className="btn btn-primary">
          {t("signIn")}
        </Link>
        <Link to={`/register${next}`} className="btn">
          {t("createAccount")}
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
  const { t } = useTranslation("invitations");
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
          {t("page.alreadyMember", { email: viewer.email, workspace: inv.workspace.name })}
        </p>
        <div className="row invitation-actions">
          <Link to={wsPath} className="btn btn-primary">
            {t("page.open", { workspace: inv.workspace.name })}
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
        {t("page.signedInAs", { name: viewer.name, email: viewer.email })}{" "}
        {otherAddress && (
          <Trans
            t={t}
            i18nKey="page.otherAddress"
            values={{ email: inv.email, workspace: inv.workspace.name }}
            components={{ strong: <strong /> }}
          />
        )}
      </p>
      {acceptError && (
        <div className="alert alert-error" role="alert">
          {sentence(acceptError.message)}{" "}
          {acceptError.code === "CONFLICT" && <Link to={wsPath}>{t("page.open", { workspace: inv.workspace.name })}</Link>}
        </div>
      )}
      <div className="row invitation-actions">
        <Button variant="primary" busy={acceptOp.fetching} disabled={declineOp.fetching} onClick={onAccept}>
          {acceptOp.fetching ? t("joining") : t("accept")}
        </Button>
        <Button
          disabled={acceptOp.fetching}
          onClick={() => {
            setDeclineFailed(false);
            setConfirming(true);
          }}
        >
          {t("decline")}
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
            {t("page.useAnother")}
          </Button>
        )}
      </div>
      <ConfirmDialog
        open={confirming}
        title={t("declineTitle", { workspace: inv.workspace.name })}
        confirmLabel={t("declineConfirm")}
        cancelLabel={t("keep")}
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
        <p>{t("page.declineBody", { workspace: inv.workspace.name })}</p>
      </ConfirmDialog>
    </div>
  );
}
