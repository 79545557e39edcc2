// The users page (platform admins): every account, searched by name or
// address; make or unmake platform admins, disable or enable accounts.
// The server keeps the last active platform admin one and says so: its
// refusal shows in the confirmation dialog.
import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import type { AdminUsersQuery } from "../../gql/graphql";
import { Button, ConfirmDialog, EmptyState, ErrorMessage, Loading, PageHeader } from "../../components/ui";
import { useSignedInViewer } from "../../lib/session";

const PAGE = 50;

const AdminUsersDocument = graphql(`
  query AdminUsers($search: String, $first: Int, $after: Cursor) {
    users(search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          email
          platformAdmin
          disabled
          lastLoginAt
        }
      }
    }
  }
`);

const SetPlatformAdminDocument = graphql(`
  mutation SetPlatformAdmin($input: SetPlatformAdminInput!) {
    setPlatformAdmin(input: $input) {
      user {
        id
        platformAdmin
        disabled
      }
    }
  }
`);

const SetUserDisabledDocument = graphql(`
  mutation SetUserDisabled($input: SetUserDisabledInput!) {
    setUserDisabled(input: $input) {
      user {
        id
        platformAdmin
        disabled
      }
    }
  }
`);

type Account = NonNullable<NonNullable<NonNullable<AdminUsersQuery["users"]["edges"]>[number]>["node"]>;

/** What the admin is about to do, awaiting confirmation. */
type Pending = { kind: "admin" | "disabled"; value: boolean; user: Account };

export function AdminUsers() {
  const viewer = useSignedInViewer();
  if (!viewer.platformAdmin) {
    return <EmptyState title="For platform admins">Only platform admins manage accounts.</EmptyState>;
  }
  return <AdminUsersPage viewerId={viewer.id} />;
}

function AdminUsersPage({ viewerId }: { viewerId: string }) {
  const [typed, setTyped] = useState("");
  const [search, setSearch] = useState("");
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }] = useQuery({ query: AdminUsersDocument, variables: { search, first: PAGE, after } });
  const [pending, setPending] = useState<Pending | null>(null);
  const [adminRes, setAdmin] = useMutation(SetPlatformAdminDocument);
  const [disabledRes, setDisabled] = useMutation(SetUserDisabledDocument);
  const [shownError, setShownError] = useState(false);
  const busy = adminRes.fetching || disabledRes.fetching;

  const ask = (p: Pending) => {
    setShownError(false);
    setPending(p);
  };
  const confirm = async () => {
    if (!pending || busy) return;
    const res =
      pending.kind === "admin"
        ? await setAdmin({ input: { userId: pending.user.id, admin: pending.value } })
        : await setDisabled({ input: { userId: pending.user.id, disabled: pending.value } });
    if (res.error) setShownError(true);
    else setPending(null);
  };
  const users = (data?.users.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));

  return (
    <div className="stack">
      <PageHeader title="Users" description="Every account on the platform. A disabled account cannot sign in, and its sessions and tokens stop at once." />
      <form
        className="row"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setAfter(null);
          setSearch(typed.trim());
        }}
      >
        <input
          className="input"
          type="search"
          aria-label="Search users"
          placeholder="Name or e-mail"
          maxLength={100}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
        />
        <Button type="submit">Search</Button>
      </form>
      {!data && fetching ? (
        <Loading label="Loading the accounts…" />
      ) : !data ? (
        <ErrorMessage error={error} />
      ) : users.length === 0 ? (
        <EmptyState title="No accounts">{search ? `No account matches “${search}”.` : "No accounts yet."}</EmptyState>
      ) : (
        <div className="card" style={{ overflowX: "auto" }}>
          <table className="table">
            <thead>
              <tr>
                <th>Name</th>
                <th>E-mail</th>
                <th>Role</th>
                <th>Status</th>
                <th aria-label="Actions" />
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <td>{u.name || "—"}</td>
                  <td>{u.email}</td>
                  <td>{u.platformAdmin ? "Platform admin" : "User"}</td>
                  <td>{u.disabled ? "Disabled" : "Active"}</td>
                  <td className="row" style={{ justifyContent: "flex-end" }}>
                    <Button size="sm" onClick={() => ask({ kind: "admin", value: !u.platformAdmin, user: u })}>
                      {u.platformAdmin ? "Remove admin" : "Make admin"}
                    </Button>
                    {u.id !== viewerId && (
                      <Button size="sm" variant={u.disabled ? "default" : "danger"} onClick={() => ask({ kind: "disabled", value: !u.disabled, user: u })}>
                        {u.disabled ? "Enable" : "Disable"}
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="row" style={{ justifyContent: "space-between" }}>
            <span className="muted">
              {data.users.totalCount} account{data.users.totalCount === 1 ? "" : "s"}
            </span>
            <span className="row">
              {after && <Button onClick={() => setAfter(null)}>First page</Button>}
              {data.users.pageInfo.hasNextPage && <Button onClick={() => setAfter(data.users.pageInfo.endCursor ?? null)}>Next page</Button>}
            </span>
          </div>
        </div>
      )}
      <ConfirmDialog
        open={!!pending}
        title={pending ? title(pending) : ""}
        confirmLabel={pending ? title(pending) : "Confirm"}
        danger={!!pending && ((pending.kind === "disabled" && pending.value) || (pending.kind === "admin" && !pending.value))}
        busy={busy}
        error={shownError ? (pending?.kind === "admin" ? adminRes.error : disabledRes.error) : null}
        onConfirm={confirm}
        onClose={() => setPending(null)}
      >
        {pending && <p>{explain(pending)}</p>}
      </ConfirmDialog>
    </div>
  );
}

function title(p: Pending): string {
  if (p.kind === "admin") return p.value ? "Make admin" : "Remove admin";
  return p.value ? "Disable" : "Enable";
}

function explain(p: Pending): string {
  const who = p.user.name || p.user.email;
  if (p.kind === "admin") {
    return p.value
      ? `${who} will manage templates, AI providers, accounts and settings.`
      : `${who} will no longer administer the platform.`;
  }
  return p.value
    ? `${who} will be signed out everywhere at once and cannot sign in until enabled again.`
    : `${who} will be able to sign in again.`;
}
