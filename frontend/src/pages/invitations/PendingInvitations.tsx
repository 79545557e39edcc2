// The invitations waiting for the viewer (sent to their account's address,
// listed by the server once the account has confirmed it), where they land:
// the dashboard and the workspaces list. Accepting joins the workspace and
// opens it; declining asks first, since it cannot be taken back. Nothing
// shows when there are none, nor for an unconfirmed address (no nagging:
// Settings says what confirming brings; invitations reach such an account
// through their links).
import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import type { ViewerPendingInvitationsQuery } from "../../gql/graphql";
import { Button, ConfirmDialog, RelativeTime } from "../../components/ui";
import { appError, sentence } from "../../lib/errors";

export const PendingInvitationsDocument = graphql(`
  query ViewerPendingInvitations {
    viewer {
      id
      pendingInvitations {
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
  }
`);

export const AcceptInvitationDocument = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      member {
        id
        role
        workspace {
          id
          slug
          name
        }
      }
    }
  }
`);

export const DeclineInvitationDocument = graphql(`
  mutation DeclineInvitation($input: DeclineInvitationInput!) {
    declineInvitation(input: $input) {
      invitationId
    }
  }
`);

type Pending = NonNullable<ViewerPendingInvitationsQuery["viewer"]>["pendingInvitations"][number];

export function PendingInvitations() {
  const { t } = useTranslation("invitations");
  const [{ data }] = useQuery({ query: PendingInvitationsDocument });
  const list = data?.viewer?.pendingInvitations ?? [];
  const [declining, setDeclining] = useState<Pending | null>(null);
  const [declineOp, decline] = useMutation(DeclineInvitationDocument);
  const [failed, setFailed] = useState(false);

  if (list.length === 0) return null;
  return (
    <section className="card stack invitations-card" aria-labelledby="my-invitations">
      <div>
        <h2 id="my-invitations" style={{ margin: 0 }}>
          {t("pending.title", { count: list.length })}
        </h2>
        <p className="muted ws-meta">{t("pending.intro")}</p>
      </div>
      <ul className="invitation-list">
        {list.map((i) => (
          <PendingRow
            key={i.id}
            i={i}
            onDecline={() => {
              setFailed(false);
              setDeclining(i);
            }}
          />
        ))}
      </ul>
      <ConfirmDialog
        open={!!declining}
        title={t("declineTitle", { workspace: declining?.workspace.name ?? "" })}
        confirmLabel={t("declineConfirm")}
        cancelLabel={t("keep")}
        danger
        busy={declineOp.fetching}
        errorMessage={failed ? sentence(appError(declineOp.error)?.message ?? "") : undefined}
        onClose={() => setDeclining(null)}
        onConfirm={async () => {
          if (!declining) return;
          setFailed(false);
          const res = await decline({ input: { id: declining.id } });
          if (res.data) setDeclining(null);
          else setFailed(true);
        }}
      >
        <p>{t("pending.declineBody", { workspace: declining?.workspace.name ?? "" })}</p>
      </ConfirmDialog>
    </section>
  );
}

function PendingRow({ i, onDecline }: { i: Pending; onDecline: () => void }) {
  const { t } = useTranslation("invitations");
  const [op, accept] = useMutation(AcceptInvitationDocument);
  const navigate = useNavigate();
  const error = appError(op.error);
  return (
    <li className="invitation-item">
      <div className="invitation-what">
        <p className="invitation-title">
          <strong>{i.workspace.name}</strong>
        </p>
        <p className="muted ws-meta">
          <Trans
            t={t}
            i18nKey="pending.invitedAs"
            // The role is a word within the sentence: "invited you as admin" in English.
            values={{ by: i.invitedBy ?? t("someone"), role: t(`roles.${i.role}`).toLowerCase() }}
            components={{ role: <span title={t(`roleHints.${i.role}`)} />, when: <RelativeTime value={i.expiresAt} /> }}
          />
        </p>
      </div>
      <div className="row invitation-actions">
        <Button
          variant="primary"
          size="sm"
          busy={op.fetching}
          aria-label={t("pending.acceptLabel", { workspace: i.workspace.name })}
          onClick={async () => {
            const res = await accept({ input: { id: i.id } });
            const ws = res.data?.acceptInvitation.member.workspace;
            if (ws) navigate(`/workspaces/${encodeURIComponent(ws.slug)}`);
          }}
        >
          {op.fetching ? t("joining") : t("accept")}
        </Button>
        <Button size="sm" disabled={op.fetching} aria-label={t("pending.declineLabel", { workspace: i.workspace.name })} onClick={onDecline}>
          {t("decline")}
        </Button>
      </div>
      {error && (
        <p className="ws-inline-error" role="alert">
          {sentence(error.message)}
        </p>
      )}
    </li>
  );
}
