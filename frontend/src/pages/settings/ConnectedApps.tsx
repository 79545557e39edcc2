// Settings, Connected apps: the applications the viewer has authorized
// (OAuth grants), when, and when they last used their access; revoking one
// ends every token it holds for the viewer.
import { useId, useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import type { SettingsOAuthGrantsQuery } from "../../gql/graphql";
import { Button, ConfirmDialog, EmptyState, ErrorMessage, Loading, RelativeTime } from "../../components/ui";
import { useSignedInViewer } from "../../lib/session";

// Read through node(id), not viewer: should oauthGrants fail, the error
// nulls this node field only. Through viewer it would null Query.viewer in
// the cache, and the app would take the viewer for signed out.
export const SettingsOAuthGrantsDocument = graphql(`
  query SettingsOAuthGrants($id: ID!) {
    node(id: $id) {
      ... on User {
        id
        oauthGrants {
          clientId
          clientName
          scopes
          grantedAt
          lastUsedAt
        }
      }
    }
  }
`);

export const RevokeOAuthGrantDocument = graphql(`
  mutation RevokeOAuthGrant($input: RevokeOAuthGrantInput!) {
    revokeOAuthGrant(input: $input) {
      clientId
    }
  }
`);

type Grant = Extract<NonNullable<SettingsOAuthGrantsQuery["node"]>, { oauthGrants: unknown }>["oauthGrants"][number];

export function ConnectedApps() {
  const { t } = useTranslation("oauth");
  const headingId = useId();
  const viewer = useSignedInViewer();
  const [{ data, fetching, error }] = useQuery({ query: SettingsOAuthGrantsDocument, variables: { id: viewer.id }, requestPolicy: "cache-and-network" });
  const [revoking, setRevoking] = useState<Grant | null>(null);
  const [revoked, setRevoked] = useState<string | null>(null);
  const [res, revoke] = useMutation(RevokeOAuthGrantDocument);
  const node = data?.node;
  const grants: Grant[] = (node && "oauthGrants" in node ? node.oauthGrants : undefined) ?? [];

  const confirm = async () => {
    if (!revoking) return;
    const r = await revoke({ input: { clientId: revoking.clientId } });
    if (r.data?.revokeOAuthGrant) {
      setRevoked(revoking.clientName);
      setRevoking(null);
    }
  };

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("connected.title")}</h2>
      <p className="muted">{t("connected.intro")}</p>
      <div role="status">{revoked && <p className="alert alert-success">{t("connected.revoked", { client: revoked })}</p>}</div>
      {fetching && !data ? (
        <Loading label={t("connected.loading")} />
      ) : error && !data ? (
        <ErrorMessage error={error} />
      ) : grants.length === 0 ? (
        <EmptyState title={t("connected.emptyTitle")}>{t("connected.empty")}</EmptyState>
      ) : (
        <ul className="oauth-list" aria-label={t("connected.title")}>
          {grants.map((g) => (
            <li key={g.clientId} className="oauth-item">
              <div className="oauth-item-main">
                <strong className="break">{g.clientName}</strong>
                <span className="muted oauth-meta">
                  {g.lastUsedAt ? (
                    <Trans
                      t={t}
                      i18nKey="connected.used"
                      components={{ granted: <RelativeTime value={g.grantedAt} />, used: <RelativeTime value={g.lastUsedAt} /> }}
                    />
                  ) : (
                    <Trans t={t} i18nKey="connected.notUsed" components={{ granted: <RelativeTime value={g.grantedAt} /> }} />
                  )}
                </span>
                <span className="oauth-tags" aria-label={t("connected.scopes")}>
                  {g.scopes.map((s) => (
                    <code key={s} className="badge">
                      {s}
                    </code>
                  ))}
                </span>
              </div>
              <Button
                variant="danger"
                size="sm"
                aria-label={t("connected.revokeLabel", { client: g.clientName })}
                onClick={() => {
                  setRevoked(null);
                  setRevoking(g);
                }}
              >
                {t("connected.revoke")}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={revoking !== null}
        title={t("connected.confirmTitle", { client: revoking?.clientName ?? "" })}
        confirmLabel={t("connected.confirm")}
        danger
        busy={res.fetching}
        error={res.error}
        onConfirm={confirm}
        onClose={() => setRevoking(null)}
      >
        <p>{t("connected.confirmBody")}</p>
      </ConfirmDialog>
    </section>
  );
}
