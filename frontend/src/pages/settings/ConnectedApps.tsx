// Settings, Connected apps: the applications the viewer has authorized
// (OAuth grants), when, and when they last used their access; revoking one
// ends every token it holds for the viewer.
import { useId, useState } from "react";
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
      <h2 id={headingId}>Connected apps</h2>
      <p className="muted">Apps you have allowed to use your account, such as your Home Assistant.</p>
      <div role="status">{revoked && <p className="alert alert-success">Access for {revoked} was revoked.</p>}</div>
      {fetching && !data ? (
        <Loading label="Loading connected apps…" />
      ) : error && !data ? (
        <ErrorMessage error={error} />
      ) : grants.length === 0 ? (
        <EmptyState title="No connected apps">
          When you allow an app (for example the Woow integration of Home Assistant) to use your account, it shows here and you can
          revoke it.
        </EmptyState>
      ) : (
        <ul className="oauth-list" aria-label="Connected apps">
          {grants.map((g) => (
            <li key={g.clientId} className="oauth-item">
              <div className="oauth-item-main">
                <strong className="break">{g.clientName}</strong>
                <span className="muted oauth-meta">
                  Allowed <RelativeTime value={g.grantedAt} />;{" "}
                  {g.lastUsedAt ? (
                    <>
                      last used <RelativeTime value={g.lastUsedAt} />
                    </>
                  ) : (
                    "not used yet"
                  )}
                </span>
                <span className="oauth-tags" aria-label="Scopes">
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
                aria-label={`Revoke ${g.clientName}`}
                onClick={() => {
                  setRevoked(null);
                  setRevoking(g);
                }}
              >
                Revoke
              </Button>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke access for ${revoking?.clientName ?? ""}?`}
        confirmLabel="Revoke access"
        danger
        busy={res.fetching}
        error={res.error}
        onConfirm={confirm}
        onClose={() => setRevoking(null)}
      >
        <p>It is signed out at once: every token it holds for your account stops working. To use it again, you allow it again.</p>
      </ConfirmDialog>
    </section>
  );
}
