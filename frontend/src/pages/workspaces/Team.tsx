// A workspace's team: members and their roles, and for those allowed:
// inviting (a single-use link to share; nobody joins before accepting), the
// invitations waiting for an answer (a new link, cancelling; an expired one
// is sent again or removed), changing roles, removing, handing over
// ownership. Everyone but the owner may leave. What is offered follows the
// workspace's viewerCan* fields; only admins and the owner see invitations
// (the server lists them for nobody else).
import { useCallback, useMemo, useState, type FormEvent } from "react";
import { useNavigate, useParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import type { InvitationStatus, Role, TeamInviteMutation, TeamPageQuery } from "../../gql/graphql";
import { Button, ConfirmDialog, ErrorMessage, Field, Loading, PageHeader, RelativeTime } from "../../components/ui";
import { CopyLink } from "../../components/CopyLink";
import { appError, fieldErrors, formError, sentence } from "../../lib/errors";
import { useSignedInViewer } from "../../lib/session";
import { RoleBadge, WorkspaceStateBadge, WorkspaceTabs, useVisitWorkspace } from "./parts";
import { WorkspaceNotFound } from "./WorkspaceDetail";
import { assignableRoles, byRole, roleHint, roleLabel } from "./roles";

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
  const { slug = "" } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: TeamDocument, variables: { slug } });
  const ws = data?.workspace;
  useVisitWorkspace(ws);

  if (!data && fetching) return <Loading label="Loading the team…" />;
  if (!ws) {
    const e = appError(error);
    if (e && e.code !== "NOT_FOUND") return <ErrorMessage error={error} />;
    return <WorkspaceNotFound />;
  }
  return <TeamPage ws={ws} />;
}

function TeamPage({ ws }: { ws: Workspace }) {
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
          This workspace is archived and read-only: nobody can be invited, and roles no longer change.
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
  return (
    <>
      {assignableRoles.map((r) => (
        <option key={r} value={r}>
          {roleLabel[r]}
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
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

function InviteForm({ ws, links, onLink }: { ws: Workspace; links: Links; onLink: OnLink }) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("user");
  const [{ fetching, error }, invite] = useMutation(InviteMemberDocument);
  const [sent, setSent] = useState<Sent | null>(null);
  const fields = fieldErrors(error);
  const other = formError(error, ["email", "role"]);
  // The newest link of the invitation sent (a new one may have been made in the list), null once cancelled.
  const shown = sent ? (sent.invitation.id in links ? links[sent.invitation.id].link : sent.link) : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSent(null);
    const res = await invite({ input: { workspaceId: ws.id, email: email.trim(), role } });
    const p = res.data?.inviteMember;
    if (!p) return;
    // Inviting an address again renews its invitation: a new link, here only.
    onLink(p.invitation.id, p.link, false);
    setSent(p);
    setEmail("");
  };

  return (
    <section className="card stack" aria-labelledby="team-invite">
      <div>
        <h2 id="team-invite">Invite someone</h2>
        <p className="muted">
          You get a link to share with them. They join {ws.name} only after they accept the invitation, with the role you
          choose here.
        </p>
      </div>
      <form className="ws-invite" onSubmit={submit} noValidate aria-label="Invite someone">
        <Field label="Email" required error={fields.email}>
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
        <Field label="Role" error={fields.role} hint={roleHint[role]}>
          {(p) => (
            <select {...p} className="input" value={role} onChange={(e) => setRole(e.target.value as Role)}>
              <RoleOptions />
            </select>
          )}
        </Field>
        <div className="ws-invite-submit">
          <Button type="submit" variant="primary" busy={fetching}>
            {fetching ? "Inviting…" : "Invite"}
          </Button>
        </div>
      </form>
      <ErrorMessage message={other} />
      {sent && shown === null && (
        <p className="alert alert-info" role="status">
          You cancelled the invitation for {sent.invitation.email}: its link no longer works.
        </p>
      )}
      {sent && shown && (
        <div className="stack ws-invite-sent">
          <p className="alert alert-success" role="status">
            Invitation ready for {sent.invitation.email}, as {roleLabel[sent.invitation.role].toLowerCase()}. They join only
            after accepting it. Share this link with them: it works once, until {until(sent.invitation.expiresAt)}.
          </p>
          <CopyLink link={shown} label={`Invitation link for ${sent.invitation.email}`} />
          <p className="muted ws-meta">
            If they have an account with this address and have confirmed it, they also find the invitation on their
            dashboard.
          </p>
        </div>
      )}
    </section>
  );
}

function Members({ ws, members, viewerId }: { ws: Workspace; members: Member[]; viewerId: string }) {
  const [removing, setRemoving] = useState<Member | null>(null);
  const [removeOp, remove] = useMutation(RemoveMemberDocument);

  return (
    <section className="stack" aria-labelledby="team-members">
      <h2 id="team-members" style={{ margin: 0 }}>
        Members <span className="muted">({ws.members.totalCount})</span>
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
                  {self && <span className="muted"> (you)</span>}
                </span>
                <span className="muted break">{m.user.email}</span>
                <span className="muted ws-meta">
                  {m.invitedAt ? (
                    <>
                      Joined <RelativeTime value={m.invitedAt} />
                    </>
                  ) : (
                    <>
                      Member since <RelativeTime value={m.createdAt} />
                    </>
                  )}
                </span>
              </div>
              <div className="ws-member-actions">
                {manage ? <RoleSelect ws={ws} m={m} /> : <RoleBadge role={m.role} />}
                {manage && (
                  <Button size="sm" variant="ghost" onClick={() => setRemoving(m)} aria-label={`Remove ${m.user.name}`}>
                    Remove
                  </Button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      <ConfirmDialog
        open={!!removing}
        title={`Remove ${removing?.user.name ?? ""}?`}
        confirmLabel="Remove member"
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
        <p>
          {removing?.user.name} loses access to {ws.name} and its services at once. You can invite them again later.
        </p>
      </ConfirmDialog>
    </section>
  );
}

function RoleSelect({ ws, m }: { ws: Workspace; m: Member }) {
  const [{ fetching, error }, update] = useMutation(UpdateRoleDocument);
  return (
    <div className="ws-role-select">
      <select
        className="input"
        aria-label={`Role of ${m.user.name}`}
        value={m.role}
        disabled={fetching}
        aria-busy={fetching || undefined}
        onChange={(e) => update({ input: { workspaceId: ws.id, userId: m.user.id, role: e.target.value as Role } })}
      >
        <RoleOptions />
      </select>
      {fetching && <span className="spinner" role="status" aria-label="Saving the role" />}
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

const statusLabel: Record<InvitationStatus, string> = {
  pending: "Pending",
  accepted: "Accepted",
  declined: "Declined",
  cancelled: "Cancelled",
  expired: "Expired",
};

function InvitationStatusBadge({ status }: { status: InvitationStatus }) {
  const tone = status === "pending" ? "badge badge-info" : status === "expired" ? "badge badge-warning" : "badge";
  return (
    <span className={tone}>
      <span className="visually-hidden">Status: </span>
      {statusLabel[status]}
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
  const [cancelling, setCancelling] = useState<Invitation | null>(null);
  const [cancelOp, cancel] = useMutation(CancelInvitationDocument);
  const [failedFor, setFailedFor] = useState<string | null>(null);

  return (
    <section className="stack" aria-labelledby="team-invitations">
      <div>
        <h2 id="team-invitations" style={{ margin: 0 }}>
          Pending invitations <span className="muted">({invitations.length})</span>
        </h2>
        <p className="muted ws-meta ws-section-note">
          Only admins and the owner see this list. A link works once; making a new one stops the old one.
        </p>
      </div>
      {invitations.length === 0 ? (
        <p className="muted">No pending invitations. Invite someone above: they join once they accept.</p>
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
            ? `Remove the expired invitation to ${cancelling.email}?`
            : `Cancel the invitation to ${cancelling?.email ?? ""}?`
        }
        confirmLabel={cancelling && isExpired(cancelling) ? "Remove invitation" : "Cancel invitation"}
        cancelLabel="Keep it"
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
          <p>It has expired already: cancelling removes it from this list. You can invite {cancelling.email} again later.</p>
        ) : (
          <p>
            Its link stops working and {cancelling?.email} can no longer join {ws.name} with it. You can invite them again
            later.
          </p>
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
  const [linkOp, newLink] = useMutation(InvitationLinkDocument);
  const [againOp, inviteAgain] = useMutation(InviteMemberDocument);
  const status = statusNow(i);
  const error = sentenceOf(linkOp.error ?? againOp.error);

  return (
    <li className="ws-member">
      <div className="ws-member-who">
        <span className="ws-member-name break">{i.email}</span>
        <span className="muted ws-meta">
          Invited <RelativeTime value={i.createdAt} /> ·{" "}
          {status === "expired" ? (
            <>
              expired <RelativeTime value={i.expiresAt} />
            </>
          ) : (
            <>
              expires <RelativeTime value={i.expiresAt} />
            </>
          )}
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
              aria-label={`New link for ${i.email}`}
              onClick={async () => {
                const res = await newLink({ input: { id: i.id } });
                const p = res.data?.createInvitationLink;
                if (p) onLink(i.id, p.link);
              }}
            >
              New link
            </Button>
            <Button size="sm" variant="ghost" aria-label={`Cancel the invitation to ${i.email}`} onClick={onCancel}>
              Cancel
            </Button>
          </>
        )}
        {status === "expired" && (
          <>
            {/* Renews this invitation (the server keeps one per address): a new link and a new week. */}
            <Button
              size="sm"
              busy={againOp.fetching}
              aria-label={`Invite ${i.email} again`}
              onClick={async () => {
                const res = await inviteAgain({ input: { workspaceId: ws.id, email: i.email, role: i.role } });
                const p = res.data?.inviteMember;
                if (p) onLink(p.invitation.id, p.link);
              }}
            >
              Invite again
            </Button>
            <Button size="sm" variant="ghost" aria-label={`Remove the expired invitation to ${i.email}`} onClick={onCancel}>
              Remove
            </Button>
          </>
        )}
      </div>
      {error && (
        <span className="ws-inline-error" role="alert">
          {error}
        </span>
      )}
      {link && (
        <div className="ws-invitation-link">
          <p className="muted ws-meta">New link for {i.email} (the previous one no longer works):</p>
          <CopyLink link={link} label={`Invitation link for ${i.email}`} />
        </div>
      )}
    </li>
  );
}

function TransferOwnership({ ws, candidates }: { ws: Workspace; candidates: Member[] }) {
  const [userId, setUserId] = useState("");
  const [open, setOpen] = useState(false);
  const [op, transfer] = useMutation(TransferDocument);
  const next = candidates.find((m) => m.user.id === userId);

  return (
    <section className="card stack" aria-labelledby="team-transfer">
      <div>
        <h2 id="team-transfer">Transfer ownership</h2>
        <p className="muted">
          A workspace has one owner. Hand it to another member; you stay on as an admin.
        </p>
      </div>
      {candidates.length === 0 ? (
        <p className="muted">Invite someone first: ownership goes to another member of the workspace.</p>
      ) : (
        <div className="ws-invite">
          <Field label="New owner">
            {(p) => (
              <select {...p} className="input" value={userId} onChange={(e) => setUserId(e.target.value)}>
                <option value="">Choose a member…</option>
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
              Transfer ownership…
            </Button>
          </div>
        </div>
      )}
      <ConfirmDialog
        open={open && !!next}
        title={`Make ${next?.user.name ?? ""} the owner?`}
        confirmLabel="Transfer ownership"
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
        <p>
          {next?.user.name} becomes the owner of {ws.name}. You become an admin: you can still deploy services and
          manage members, but only the new owner can archive the workspace or transfer it again.
        </p>
      </ConfirmDialog>
    </section>
  );
}

function LeaveWorkspace({ ws }: { ws: Workspace }) {
  const [open, setOpen] = useState(false);
  const [op, leave] = useMutation(LeaveDocument);
  const navigate = useNavigate();

  return (
    <section className="stack" aria-labelledby="team-leave">
      <div>
        <h2 id="team-leave">Leave the workspace</h2>
        <p className="muted">You lose access to its services and its team. A member with the admin role can invite you back.</p>
      </div>
      <div>
        <Button variant="danger" onClick={() => setOpen(true)}>
          Leave {ws.name}
        </Button>
      </div>
      <ConfirmDialog
        open={open}
        title={`Leave ${ws.name}?`}
        confirmLabel="Leave workspace"
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
        <p>You will no longer see {ws.name}, its services or its members. To come back, someone has to invite you again.</p>
      </ConfirmDialog>
    </section>
  );
}

