// A workspace's team: members and their roles, and for those allowed:
// inviting (a single-use link to share; nobody joins before accepting), the
// invitations waiting for an answer (a new link, cancelling; an expired one
// is sent again or removed), changing roles, removing, handing over
// ownership. Everyone but the owner may leave. What is offered follows the
// workspace's viewerCan* fields; only admins and the owner see invitations
// (the server lists them for nobody else).
import { useCallback, useMemo, useState, type FormEvent } from "react";
import { Trans, useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import type { InvitationStatus, Role, TeamInviteMutation, TeamPageQuery } from "../../gql/graphql";
import { Button, ConfirmDialog, ErrorMessage, Field, Loading, PageHeader, RelativeTime } from "../../components/ui";
import { CopyLink } from "../../components/CopyLink";
import { appError, fieldErrors, formError, sentence } from "../../lib/errors";
import { useSignedInViewer } from "../../lib/session";
import { useCreateOnce } from "../../lib/createOnce";
import { RoleBadge, WorkspaceStateBadge, WorkspaceTabs, useVisitWorkspace } from "./parts";
import { WorkspaceNotFound } from "./WorkspaceDetail";
import { assignableRoles, byRole } from "./roles";
import { i18n } from "../../i18n";

export const TeamDocument = graphql(`
  query TeamPage($slug: String!) {
    workspace(slug: $slug) {
      id
      name
      slug
      state
      viewerRole
      ...WorkspaceViewerCan
      members(first: 100) {
        totalCount
        edges {
          node {
            id
            role
            invitedAt
            createdAt
            user {
              id
              name
              email
            }
          }
        }
      }
      pendingInvitations {
        id
        email
        role
        status
        expiresAt
        createdAt
      }
    }
  }
`);

export const InviteMemberDocument = graphql(`
  mutation TeamInvite($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      invitation {
        id
        email
        role
        status
        expiresAt
        createdAt
      }
      link
    }
  }
`);

export const CancelInvitationDocument = graphql(`
  mutation TeamCancelInvitation($input: CancelInvitationInput!) {
    cancelInvitation(input: $input) {
      invitation {
        id
        status
        workspace {
          id
        }
      }
    }
  }
`);

export const InvitationLinkDocument = graphql(`
  mutation TeamInvitationLink($input: CreateInvitationLinkInput!) {
    createInvitationLink(input: $input) {
      invitation {
        id
        status
        expiresAt
      }
      link
    }
  }
`);

const UpdateRoleDocument = graphql(`
  mutation TeamUpdateRole($input: UpdateMemberRoleInput!) {
    updateMemberRole(input: $input) {
      member {
        id
        role
      }
    }
  }
`);

const RemoveMemberDocument = graphql(`
  mutation TeamRemoveMember($input: RemoveMemberInput!) {
    removeMember(input: $input) {
      removedUserId
      workspace {
        id
      }
    }
  }
`);

const LeaveDocument = graphql(`
  mutation TeamLeave($input: LeaveWorkspaceInput!) {
    leaveWorkspace(input: $input) {
      workspaceId
    }
  }
`);

const TransferDocument = graphql(`
  mutation TeamTransferOwnership($input: TransferOwnershipInput!) {
    transferOwnership(input: $input) {
      workspace {
        id
        ownerID
        viewerRole
        ...WorkspaceViewerCan
      }
    }
  }
`);

type Workspace = NonNullable<TeamPageQuery["workspace"]>;
type Member = NonNullable<NonNullable<NonNullable<Workspace["members"]["edges"]>[number]>["node"]>;
type Invitation = Workspace["pendingInvitations"][number];

export function Team() {
  const { t } = useTranslation("workspaces");
  const { slug = "" } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: TeamDocument, variables: { slug } });
  const ws = data?.workspace;
  useVisitWorkspace(ws);

  if (!data && fetching) return <Loading label={t("team.loading")} />;
  if (!ws) {
    const e = appError(error);
    if (e && e.code !== "NOT_FOUND") return <ErrorMessage error={error} />;
    return <WorkspaceNotFound />;
  }
  return <TeamPage ws={ws} />;
}

function TeamPage({ ws }: { ws: Workspace }) {
  const { t } = useTranslation("workspaces");
  const viewer = useSignedInViewer();
  const members = useMemo(
    () => (ws.members.edges ?? []).flatMap((e) => (e?.node ? [e.node] : [])).sort(byRole),
    [ws.members.edges],
  );
  // The links made on this page, by invitation (the server keeps only a
  // hash): the newest one, or null once cancelled, so that neither the
  // invite form's result nor a row shows a link that no longer works.
  const [links, setLinks] = useState<Links>({});
  const setLink = useCallback(
    (id: string, link: string | null, inRow?: boolean) =>
      setLinks((l) => ({ ...l, [id]: { link, inRow: inRow ?? l[id]?.inRow ?? false } })),
    [],
  );
  // Newest first, one per address (inviting an address again renews its
  // invitation), expired ones included until renewed or cancelled.
  const invitations = ws.pendingInvitations;

  return (
    <div className="stack ws-page">
      <PageHeader
        title={ws.name}
        description={
          <span className="row" style={{ gap: "0.4rem" }}>
            <RoleBadge role={ws.viewerRole} you />
            <WorkspaceStateBadge state={ws.state} />
          </span>
        }
      />
      <WorkspaceTabs slug={ws.slug} />
      {ws.state === "archived" && (
        <div className="alert alert-info" role="note">
          {t("team.archivedNote")}
        </div>
      )}
      {ws.viewerCanManageMembers && <InviteForm ws={ws} links={links} onLink={setLink} />}
      <Members ws={ws} members={members} viewerId={viewer.id} />
      {ws.viewerCanManageMembers && <Invitations ws={ws} invitations={invitations} links={links} onLink={setLink} />}
      {ws.viewerCanAdminister && <TransferOwnership ws={ws} candidates={members.filter((m) => m.user.id !== viewer.id)} />}
      {ws.viewerCanLeave && <LeaveWorkspace ws={ws} />}
    </div>
  );
}

function RoleOptions() {
  const { t } = useTranslation("workspaces");
  return (
    <>
      {assignableRoles.map((r) => (
        <option key={r} value={r}>
          {t(`roles.${r}`)}
        </option>
      ))}
    </>
  );
}

type Sent = NonNullable<TeamInviteMutation["inviteMember"]>;
/** By invitation id: its newest link (null once cancelled), and whether its row in the list shows it. */
type Links = Record<string, { link: string | null; inRow: boolean }>;
type OnLink = (id: string, link: string | null, inRow?: boolean) => void;

/** "5 Dec 2026, 10:00": when a link stops working. */
function until(iso: string): string {
  return new Date(iso).toLocaleString(i18n.resolvedLanguage, { dateStyle: "medium", timeStyle: "short" });
}

function InviteForm({ ws, links, onLink }: { ws: Workspace; links: Links; onLink: OnLink }) {
  const { t } = useTranslation("workspaces");
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("user");
  const [{ fetching, error }, invite] = useMutation(InviteMemberDocument);
  const [sent, setSent] = useState<Sent | null>(null);
  const once = useCreateOnce();
  const fields = fieldErrors(error);
  const other = formError(error, ["email", "role"]);
  // The newest link of the invitation sent (a new one may have been made in the list), null once cancelled;
  // undefined when the answer had none (a repeated request: the link went with the first answer).
  const shown = sent ? (sent.invitation.id in links ? links[sent.invitation.id].link : (sent.link ?? undefined)) : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void once(async (idempotencyKey) => {
      setSent(null);
      const res = await invite({ input: { workspaceId: ws.id, email: email.trim(), role, idempotencyKey } });
      const p = res.data?.inviteMember;
      if (!p) return false;
      // Inviting an address again renews its invitation: a new link, here only.
      if (p.link) onLink(p.invitation.id, p.link, false);
      setSent(p);
      setEmail("");
      return true;
    });
  };

  return (
    <section className="card stack" aria-labelledby="team-invite">
      <div>
        <h2 id="team-invite">{t("invite.title")}</h2>
        <p className="muted">{t("invite.intro", { name: ws.name })}</p>
      </div>
      <form className="ws-invite" onSubmit={submit} noValidate aria-label={t("invite.title")}>
        <Field label={t("invite.email")} required error={fields.email}>
          {(p) => (
            <input
              {...p}
              className="input"
              type="email"
              autoComplete="off"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field label={t("invite.role")} error={fields.role} hint={t(`roleHints.${role}`)}>
          {(p) => (
            <select {...p} className="input" value={role} onChange={(e) => setRole(e.target.value as Role)}>
              <RoleOptions />
            </select>
          )}
        </Field>
        <div className="ws-invite-submit">
          <Button type="submit" variant="primary" busy={fetching}>
            {fetching ? t("invite.submitting") : t("invite.submit")}
          </Button>
        </div>
      </form>
      <ErrorMessage message={other} />
      {sent && shown === undefined && (
        <p className="alert alert-info" role="status">
          {t("invite.sentBefore", { email: sent.invitation.email })}
        </p>
      )}
      {sent && shown === null && (
        <p className="alert alert-info" role="status">
          {t("invite.cancelled", { email: sent.invitation.email })}
        </p>
      )}
      {sent && shown && (
        <div className="stack ws-invite-sent">
          <p className="alert alert-success" role="status">
            {t("invite.ready", {
              email: sent.invitation.email,
              role: t(`roles.${sent.invitation.role}`).toLowerCase(),
              until: until(sent.invitation.expiresAt),
            })}
          </p>
          <CopyLink link={shown} label={t("invite.linkLabel", { email: sent.invitation.email })} />
          <p className="muted ws-meta">{t("invite.dashboardNote")}</p>
        </div>
      )}
    </section>
  );
}

function Members({ ws, members, viewerId }: { ws: Workspace; members: Member[]; viewerId: string }) {
  const { t } = useTranslation("workspaces");
  const [removing, setRemoving] = useState<Member | null>(null);
  const [removeOp, remove] = useMutation(RemoveMemberDocument);

  return (
    <section className="stack" aria-labelledby="team-members">
      <h2 id="team-members" style={{ margin: 0 }}>
        {t("members.title")} <span className="muted">({ws.members.totalCount})</span>
      </h2>
      <ul className="ws-members">
        {members.map((m) => {
          const self = m.user.id === viewerId;
          // The owner's role changes only by a transfer; one's own role is not changed here.
          const manage = ws.viewerCanManageMembers && m.role !== "owner" && !self;
          return (
            <li key={m.id} className="ws-member">
              <div className="ws-member-who">
                <span className="ws-member-name">
                  {m.user.name}
                  {self && <span className="muted"> {t("members.you")}</span>}
                </span>
                <span className="muted break">{m.user.email}</span>
                <span className="muted ws-meta">
                  {m.invitedAt ? (
                    <Trans t={t} i18nKey="members.joined" components={{ when: <RelativeTime value={m.invitedAt} /> }} />
                  ) : (
                    <Trans t={t} i18nKey="members.memberSince" components={{ when: <RelativeTime value={m.createdAt} /> }} />
                  )}
                </span>
              </div>
              <div className="ws-member-actions">
                {manage ? <RoleSelect ws={ws} m={m} /> : <RoleBadge role={m.role} />}
                {manage && (
                  <Button size="sm" variant="ghost" onClick={() => setRemoving(m)} aria-label={t("members.removeLabel", { name: m.user.name })}>
                    {t("members.remove")}
                  </Button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      <ConfirmDialog
        open={!!removing}
        title={t("members.removeTitle", { name: removing?.user.name ?? "" })}
        confirmLabel={t("members.removeConfirm")}
        danger
        busy={removeOp.fetching}
        error={removeOp.error}
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          if (!removing) return;
          const res = await remove({ input: { workspaceId: ws.id, userId: removing.user.id } });
          if (res.data) setRemoving(null);
        }}
      >
        <p>{t("members.removeBody", { name: removing?.user.name ?? "", workspace: ws.name })}</p>
      </ConfirmDialog>
    </section>
  );
}

function RoleSelect({ ws, m }: { ws: Workspace; m: Member }) {
  const { t } = useTranslation("workspaces");
  const [{ fetching, error }, update] = useMutation(UpdateRoleDocument);
  return (
    <div className="ws-role-select">
      <select
        className="input"
        aria-label={t("members.roleOf", { name: m.user.name })}
        value={m.role}
        disabled={fetching}
        aria-busy={fetching || undefined}
        onChange={(e) => update({ input: { workspaceId: ws.id, userId: m.user.id, role: e.target.value as Role } })}
      >
        <RoleOptions />
      </select>
      {fetching && <span className="spinner" role="status" aria-label={t("members.savingRole")} />}
      {error && (
        <span className="ws-inline-error" role="alert">
          {appError(error)?.message}
        </span>
      )}
    </div>
  );
}

/** Its status now: the server says "expired" when it answers; a page left open crosses the time too. */
function statusNow(i: Invitation): InvitationStatus {
  return i.status === "pending" && Date.parse(i.expiresAt) <= Date.now() ? "expired" : i.status;
}

function isExpired(i: Invitation): boolean {
  return statusNow(i) === "expired";
}

/** A refusal ("the invitation is accepted") as a sentence, or undefined. */
function sentenceOf(err: Parameters<typeof appError>[0]): string | undefined {
  const e = appError(err);
  return e ? sentence(e.message) : undefined;
}

function InvitationStatusBadge({ status }: { status: InvitationStatus }) {
  const { t } = useTranslation("workspaces");
  const tone = status === "pending" ? "badge badge-info" : status === "expired" ? "badge badge-warning" : "badge";
  return (
    <span className={tone}>
      <span className="visually-hidden">{t("invitations.statusLabel")}</span>
      {t(`invitations.status.${status}`)}
    </span>
  );
}

function Invitations({
  ws,
  invitations,
  links,
  onLink,
}: {
  ws: Workspace;
  invitations: Invitation[];
  links: Links;
  onLink: OnLink;
}) {
  const { t } = useTranslation("workspaces");
  const [cancelling, setCancelling] = useState<Invitation | null>(null);
  const [cancelOp, cancel] = useMutation(CancelInvitationDocument);
  const [failedFor, setFailedFor] = useState<string | null>(null);

  return (
    <section className="stack" aria-labelledby="team-invitations">
      <div>
        <h2 id="team-invitations" style={{ margin: 0 }}>
          {t("invitations.title")} <span className="muted">({invitations.length})</span>
        </h2>
        <p className="muted ws-meta ws-section-note">{t("invitations.note")}</p>
      </div>
      {invitations.length === 0 ? (
        <p className="muted">{t("invitations.empty")}</p>
      ) : (
        <ul className="ws-members">
          {invitations.map((i) => (
            <InvitationRow
              key={i.id}
              ws={ws}
              i={i}
              link={links[i.id]?.inRow ? (links[i.id].link ?? undefined) : undefined}
              onLink={(id, link) => onLink(id, link, true)}
              onCancel={() => setCancelling(i)}
            />
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={!!cancelling}
        title={
          cancelling && isExpired(cancelling)
            ? t("invitations.removeExpiredTitle", { email: cancelling.email })
            : t("invitations.cancelTitle", { email: cancelling?.email ?? "" })
        }
        confirmLabel={
          cancelling && isExpired(cancelling) ? t("invitations.removeInvitation") : t("invitations.cancelInvitation")
        }
        cancelLabel={t("invitations.keep")}
        danger
        busy={cancelOp.fetching}
        errorMessage={failedFor && failedFor === cancelling?.id ? sentenceOf(cancelOp.error) : undefined}
        onClose={() => setCancelling(null)}
        onConfirm={async () => {
          if (!cancelling) return;
          setFailedFor(null);
          const res = await cancel({ input: { id: cancelling.id } });
          if (res.data) {
            onLink(cancelling.id, null);
            setCancelling(null);
          } else setFailedFor(cancelling.id);
        }}
      >
        {cancelling && isExpired(cancelling) ? (
          <p>{t("invitations.expiredBody", { email: cancelling.email })}</p>
        ) : (
          <p>{t("invitations.cancelBody", { email: cancelling?.email ?? "", workspace: ws.name })}</p>
        )}
      </ConfirmDialog>
    </section>
  );
}

function InvitationRow({
  ws,
  i,
  link,
  onLink,
  onCancel,
}: {
  ws: Workspace;
  i: Invitation;
  link?: string;
  onLink: (id: string, link: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation(["workspaces", "common"]);
  const [linkOp, newLink] = useMutation(InvitationLinkDocument);
  const [againOp, inviteAgain] = useMutation(InviteMemberDocument);
  const linkOnce = useCreateOnce();
  const againOnce = useCreateOnce();
  // The answer had no link: the same key again, the link went with the first answer.
  const [madeBefore, setMadeBefore] = useState(false);
  const status = statusNow(i);
  const error = sentenceOf(linkOp.error ?? againOp.error);

  return (
    <li className="ws-member">
      <div className="ws-member-who">
        <span className="ws-member-name break">{i.email}</span>
        <span className="muted ws-meta">
          <Trans t={t} i18nKey="invitations.invited" components={{ when: <RelativeTime value={i.createdAt} /> }} /> ·{" "}
          <Trans
            t={t}
            i18nKey={status === "expired" ? "invitations.expired" : "invitations.expires"}
            components={{ when: <RelativeTime value={i.expiresAt} /> }}
          />
        </span>
      </div>
      <div className="ws-member-actions">
        <InvitationStatusBadge status={status} />
        <RoleBadge role={i.role} />
        {status === "pending" && (
          <>
            <Button
              size="sm"
              busy={linkOp.fetching}
              aria-label={t("invitations.newLinkLabel", { email: i.email })}
              onClick={() =>
                linkOnce(async (idempotencyKey) => {
                  const res = await newLink({ input: { id: i.id, idempotencyKey } });
                  const p = res.data?.createInvitationLink;
                  if (p?.link) onLink(i.id, p.link);
                  setMadeBefore(!!p && !p.link);
                  return !!p;
                })
              }
            >
              {t("invitations.newLink")}
            </Button>
            <Button size="sm" variant="ghost" aria-label={t("invitations.cancelLabel", { email: i.email })} onClick={onCancel}>
              {t("common:actions.cancel")}
            </Button>
          </>
        )}
        {status === "expired" && (
          <>
            {/* Renews this invitation (the server keeps one per address): a new link and a new week. */}
            <Button
              size="sm"
              busy={againOp.fetching}
              aria-label={t("invitations.inviteAgainLabel", { email: i.email })}
              onClick={() =>
                againOnce(async (idempotencyKey) => {
                  const res = await inviteAgain({ input: { workspaceId: ws.id, email: i.email, role: i.role, idempotencyKey } });
                  const p = res.data?.inviteMember;
                  if (p?.link) onLink(p.invitation.id, p.link);
                  setMadeBefore(!!p && !p.link);
                  return !!p;
                })
              }
            >
              {t("invitations.inviteAgain")}
            </Button>
            <Button
              size="sm"
              variant="ghost"
              aria-label={t("invitations.removeExpiredLabel", { email: i.email })}
              onClick={onCancel}
            >
              {t("invitations.remove")}
            </Button>
          </>
        )}
      </div>
      {error && (
        <span className="ws-inline-error" role="alert">
          {error}
        </span>
      )}
      {madeBefore && !link && (
        <p className="muted ws-meta" role="status">
          {t("invitations.linkMadeBefore", { email: i.email })}
        </p>
      )}
      {link && (
        <div className="ws-invitation-link">
          <p className="muted ws-meta">{t("invitations.newLinkNote", { email: i.email })}</p>
          <CopyLink link={link} label={t("invite.linkLabel", { email: i.email })} />
        </div>
      )}
    </li>
  );
}

function TransferOwnership({ ws, candidates }: { ws: Workspace; candidates: Member[] }) {
  const { t } = useTranslation("workspaces");
  const [userId, setUserId] = useState("");
  const [open, setOpen] = useState(false);
  const [op, transfer] = useMutation(TransferDocument);
  const next = candidates.find((m) => m.user.id === userId);

  return (
    <section className="card stack" aria-labelledby="team-transfer">
      <div>
        <h2 id="team-transfer">{t("transfer.title")}</h2>
        <p className="muted">{t("transfer.intro")}</p>
      </div>
      {candidates.length === 0 ? (
        <p className="muted">{t("transfer.noCandidates")}</p>
      ) : (
        <div className="ws-invite">
          <Field label={t("transfer.newOwner")}>
            {(p) => (
              <select {...p} className="input" value={userId} onChange={(e) => setUserId(e.target.value)}>
                <option value="">{t("transfer.choose")}</option>
                {candidates.map((m) => (
                  <option key={m.id} value={m.user.id}>
                    {m.user.name} ({m.user.email})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="ws-invite-submit">
            <Button disabled={!next} onClick={() => setOpen(true)}>
              {t("transfer.open")}
            </Button>
          </div>
        </div>
      )}
      <ConfirmDialog
        open={open && !!next}
        title={t("transfer.confirmTitle", { name: next?.user.name ?? "" })}
        confirmLabel={t("transfer.confirm")}
        danger
        busy={op.fetching}
        error={op.error}
        onClose={() => setOpen(false)}
        onConfirm={async () => {
          if (!next) return;
          const res = await transfer({ input: { workspaceId: ws.id, userId: next.user.id } });
          if (res.data) {
            setOpen(false);
            setUserId("");
          }
        }}
      >
        <p>{t("transfer.body", { name: next?.user.name ?? "", workspace: ws.name })}</p>
      </ConfirmDialog>
    </section>
  );
}

function LeaveWorkspace({ ws }: { ws: Workspace }) {
  const { t } = useTranslation("workspaces");
  const [open, setOpen] = useState(false);
  const [op, leave] = useMutation(LeaveDocument);
  const navigate = useNavigate();

  return (
    <section className="stack" aria-labelledby="team-leave">
      <div>
        <h2 id="team-leave">{t("leave.title")}</h2>
        <p className="muted">{t("leave.intro")}</p>
      </div>
      <div>
        <Button variant="danger" onClick={() => setOpen(true)}>
          {t("leave.button", { name: ws.name })}
        </Button>
      </div>
      <ConfirmDialog
        open={open}
        title={t("leave.confirmTitle", { name: ws.name })}
        confirmLabel={t("leave.confirm")}
        danger
        busy={op.fetching}
        error={op.error}
        onClose={() => setOpen(false)}
        onConfirm={async () => {
          const res = await leave({ input: { workspaceId: ws.id } });
          if (res.data) {
            setOpen(false);
            navigate("/workspaces");
          }
        }}
      >
        <p>{t("leave.body", { name: ws.name })}</p>
      </ConfirmDialog>
    </section>
  );
}

