// A workspace's team: members and their roles, pending invitations, and for
// those allowed: inviting, changing roles, removing, handing over ownership.
// Everyone but the owner may leave. What is offered follows roles.ts.
import { useMemo, useState, type FormEvent } from "react";
import { useNavigate, useParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import type { Role, TeamPageQuery } from "../../gql/graphql";
import { Button, ConfirmDialog, ErrorMessage, Field, Loading, PageHeader, RelativeTime } from "../../components/ui";
import { appError, fieldErrors, formError } from "../../lib/errors";
import { useSignedInViewer } from "../../lib/session";
import { RoleBadge, WorkspaceStateBadge, WorkspaceTabs, useVisitWorkspace } from "./parts";
import { WorkspaceNotFound } from "./WorkspaceDetail";
import { assignableRoles, byRole, permissions, roleHint, roleLabel, type Permissions } from "./roles";

export const TeamDocument = graphql(`
  query TeamPage($slug: String!) {
    workspace(slug: $slug) {
      id
      name
      slug
      state
      viewerRole
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
      invitations(first: 100, where: { acceptedAtIsNil: true }, orderBy: { field: CREATED_AT, direction: DESC }) {
        totalCount
        edges {
          node {
            id
            email
            role
            expiresAt
            createdAt
          }
        }
      }
    }
  }
`);

export const InviteMemberDocument = graphql(`
  mutation TeamInvite($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      member {
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
      invitation {
        id
        email
        role
        expiresAt
        createdAt
      }
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
      }
    }
  }
`);

type Workspace = NonNullable<TeamPageQuery["workspace"]>;
type Member = NonNullable<NonNullable<NonNullable<Workspace["members"]["edges"]>[number]>["node"]>;
type Invitation = NonNullable<NonNullable<NonNullable<Workspace["invitations"]["edges"]>[number]>["node"]>;

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
  const can = permissions(ws.viewerRole, ws.state);
  const members = useMemo(
    () => (ws.members.edges ?? []).flatMap((e) => (e?.node ? [e.node] : [])).sort(byRole),
    [ws.members.edges],
  );
  const invitations = useMemo(
    () => (ws.invitations.edges ?? []).flatMap((e) => (e?.node ? [e.node] : [])),
    [ws.invitations.edges],
  );

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
      {can.archived && (
        <div className="alert alert-info" role="note">
          This workspace is archived and read-only: nobody can be invited, and roles no longer change.
        </div>
      )}
      {can.manageMembers && <InviteForm ws={ws} />}
      <Members ws={ws} members={members} viewerId={viewer.id} can={can} />
      {(can.manageMembers || invitations.length > 0) && <Invitations invitations={invitations} />}
      {can.own && <TransferOwnership ws={ws} candidates={members.filter((m) => m.user.id !== viewer.id)} />}
      {can.leave && <LeaveWorkspace ws={ws} />}
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

function InviteForm({ ws }: { ws: Workspace }) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("user");
  const [{ fetching, error }, invite] = useMutation(InviteMemberDocument);
  const [result, setResult] = useState<string | null>(null);
  const fields = fieldErrors(error);
  const other = formError(error, ["email", "role"]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    const res = await invite({ input: { workspaceId: ws.id, email, role } });
    const p = res.data?.inviteMember;
    if (!p) return;
    if (p.member) {
      setResult(
        `${p.member.user.name} (${p.member.user.email}) already has an account and is now a member, as ${roleLabel[p.member.role].toLowerCase()}.`,
      );
    } else if (p.invitation) {
      const until = new Date(p.invitation.expiresAt).toLocaleDateString();
      setResult(
        `No account uses ${p.invitation.email} yet, so an invitation was recorded: they join as ${roleLabel[p.invitation.role].toLowerCase()} when they register with that address (until ${until}). Let them know.`,
      );
    }
    setEmail("");
  };

  return (
    <section className="card stack" aria-labelledby="team-invite">
      <h2 id="team-invite">Invite someone</h2>
      <form className="ws-invite" onSubmit={submit} noValidate>
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
      {result && (
        <div className="alert alert-success" role="status">
          {result}
        </div>
      )}
    </section>
  );
}

function Members({ ws, members, viewerId, can }: { ws: Workspace; members: Member[]; viewerId: string; can: Permissions }) {
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
          const manage = can.manageMembers && m.role !== "owner" && !self;
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

function Invitations({ invitations }: { invitations: Invitation[] }) {
  return (
    <section className="stack" aria-labelledby="team-invitations">
      <h2 id="team-invitations" style={{ margin: 0 }}>
        Pending invitations <span className="muted">({invitations.length})</span>
      </h2>
      {invitations.length === 0 ? (
        <p className="muted">
          No pending invitations. Inviting an email that has no account yet records an invitation here until they
          register.
        </p>
      ) : (
        <ul className="ws-members">
          {invitations.map((i) => {
            const expired = new Date(i.expiresAt).getTime() < Date.now();
            return (
              <li key={i.id} className="ws-member">
                <div className="ws-member-who">
                  <span className="ws-member-name break">{i.email}</span>
                  <span className="muted ws-meta">
                    Invited <RelativeTime value={i.createdAt} /> ·{" "}
                    {expired ? (
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
                  {expired && <span className="badge badge-warning">Expired</span>}
                  <RoleBadge role={i.role} />
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
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

