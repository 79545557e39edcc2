// The users page (platform admins): every account, searched by name or
// address; make or unmake platform admins, disable or enable accounts.
// The server keeps the last active platform admin one and says so: its
// refusal shows in the confirmation dialog.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
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
  const { t } = useTranslation("admin");
  if (!viewer.platformAdmin) {
    return <EmptyState title={t("forAdmins")}>{t("users.onlyAdmins")}</EmptyState>;
  }
  return <AdminUsersPage viewerId={viewer.id} />;
}

function AdminUsersPage({ viewerId }: { viewerId: string }) {
  const { t } = useTranslation(["admin", "common"]);
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
      <PageHeader title={t("users.title")} description={t("users.description")} />
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
          aria-label={t("users.searchLabel")}
          placeholder={t("users.searchPlaceholder")}
          maxLength={100}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
        />
        <Button type="submit">{t("users.search")}</Button>
      </form>
      {!data && fetching ? (
        <Loading label={t("users.loading")} />
      ) : !data ? (
        <ErrorMessage error={error} />
      ) : users.length === 0 ? (
        <EmptyState title={t("users.emptyTitle")}>{search ? t("users.noMatch", { search }) : t("users.noneYet")}</EmptyState>
      ) : (
        <div className="card" style={{ overflowX: "auto" }}>
          <table className="table">
            <thead>
              <tr>
                <th>{t("users.columns.name")}</th>
                <th>{t("users.columns.email")}</th>
                <th>{t("users.columns.role")}</th>
                <th>{t("users.columns.status")}</th>
                <th aria-label={t("users.columns.actions")} />
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <td>{u.name || "—"}</td>
                  <td>{u.email}</td>
                  <td>{u.platformAdmin ? t("users.platformAdmin") : t("users.user")}</td>
                  <td>{u.disabled ? t("users.disabled") : t("users.activeStatus")}</td>
                  <td className="row" style={{ justifyContent: "flex-end" }}>
                    <Button size="sm" onClick={() => ask({ kind: "admin", value: !u.platformAdmin, user: u })}>
                      {u.platformAdmin ? t("users.removeAdmin") : t("users.makeAdmin")}
                    </Button>
                    {u.id !== viewerId && (
                      <Button size="sm" variant={u.disabled ? "default" : "danger"} onClick={() => ask({ kind: "disabled", value: !u.disabled, user: u })}>
                        {u.disabled ? t("users.enable") : t("users.disable")}
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="row" style={{ justifyContent: "space-between" }}>
            <span className="muted">{t("users.count", { count: data.users.totalCount })}</span>
            <span className="row">
              {after && <Button onClick={() => setAfter(null)}>{t("users.firstPage")}</Button>}
              {data.users.pageInfo.hasNextPage && <Button onClick={() => setAfter(data.users.pageInfo.endCursor ?? null)}>{t("users.nextPage")}</Button>}
            </span>
          </div>
        </div>
      )}
      <ConfirmDialog
        open={!!pending}
        title={pending ? title(t, pending) : ""}
        confirmLabel={pending ? title(t, pending) : t("common:actions.confirm")}
        danger={!!pending && ((pending.kind === "disabled" && pending.value) || (pending.kind === "admin" && !pending.value))}
        busy={busy}
        error={shownError ? (pending?.kind === "admin" ? adminRes.error : disabledRes.error) : null}
        onConfirm={confirm}
        onClose={() => setPending(null)}
      >
        {pending && <p>{explain(t, pending)}</p>}
      </ConfirmDialog>
    </div>
  );
}

type AdminT = TFunction<["admin", "common"]>;

function title(t: AdminT, p: Pending): string {
  if (p.kind === "admin") return p.value ? t("users.makeAdmin") : t("users.removeAdmin");
  return p.value ? t("users.disable") : t("users.enable");
}

function explain(t: AdminT, p: Pending): string {
  const who = p.user.name || p.user.email;
  if (p.kind === "admin") return p.value ? t("users.explain.makeAdmin", { who }) : t("users.explain.removeAdmin", { who });
  return p.value ? t("users.explain.disable", { who }) : t("users.explain.enable", { who });
}
