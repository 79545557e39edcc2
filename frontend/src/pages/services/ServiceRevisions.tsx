// Revisions: the release history, the current one marked, and rollback to
// an earlier one after seeing how its values differ from the current ones.
import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import { Button, ConfirmDialog, EmptyState, ErrorMessage, RelativeTime, Spinner } from "../../components/ui";
import { atLeast } from "../workspaces/roles";
import { ChangeList } from "./ServiceConfiguration";
import type { ServiceData } from "./ServiceDetail";

export const ServiceValuesDiffDocument = graphql(`
  query ServiceDetailValuesDiff($serviceId: ID!, $from: Int!, $to: Int!) {
    serviceValuesDiff(serviceId: $serviceId, from: $from, to: $to) {
      key
      kind
      old
      new
      secret
    }
  }
`);

export const RollbackServiceDocument = graphql(`
  mutation ServiceDetailRollback($input: RollbackServiceInput!) {
    rollbackService(input: $input) {
      service {
        id
        state
        errorMessage
        ...ServiceViewerCan
      }
    }
  }
`);

function statusClass(status: string): string {
  if (status === "deployed") return "badge badge-success";
  if (status === "failed") return "badge badge-danger";
  if (status.startsWith("pending")) return "badge badge-info";
  return "badge";
}

export function ServiceRevisions({ service }: { service: ServiceData }) {
  const revisions = (service.revisions.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const [target, setTarget] = useState<number | null>(null);
  const [queued, setQueued] = useState<number | null>(null);
  const mayRollback = service.viewerCanRollback;
  // Wording only: an admin is told why rollback is not offered now.
  const admin = atLeast(service.workspace.viewerRole, "admin") && service.workspace.state !== "archived";

  if (revisions.length === 0) {
    return (
      <EmptyState title="No revisions yet">
        Each deploy, upgrade and rollback records a revision here once Helm has run it.
      </EmptyState>
    );
  }
  return (
    <section className="card stack" aria-labelledby="svc-rev-h">
      <h2 id="svc-rev-h">Revisions</h2>
      {admin && !mayRollback && (
        <p className="muted">Rolling back is possible when the service is running or has failed.</p>
      )}
      {queued !== null && (
        <div className="alert alert-success" role="status">
          Rollback to revision {queued} queued. Follow it in the log.
        </div>
      )}
      <div className="table-wrap svc-table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Revision</th>
              <th scope="col">Chart</th>
              <th scope="col">App</th>
              <th scope="col">Status</th>
              <th scope="col">Description</th>
              <th scope="col">Created</th>
              {mayRollback && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {revisions.map((r) => {
              const current = r.revision === service.helmRevision;
              return (
                <tr key={r.id} aria-current={current ? "true" : undefined}>
                  <td>
                    <strong>{r.revision}</strong>
                  </td>
                  <td>{r.chartVersion || "—"}</td>
                  <td>{r.appVersion || "—"}</td>
                  <td>
                    <span className="row" style={{ gap: "0.3rem" }}>
                      <span className={statusClass(r.status)}>{r.status}</span>
                      {current && <span className="badge badge-info">current</span>}
                    </span>
                  </td>
                  <td className="svc-rev-desc">{r.description}</td>
                  <td>
                    <RelativeTime value={r.createdAt} />
                  </td>
                  {mayRollback && (
                    <td>
                      {!current && (
                        <Button
                          size="sm"
                          onClick={() => setTarget(r.revision)}
                          aria-label={`Roll back to revision ${r.revision}`}
                        >
                          Roll back to this revision
                        </Button>
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {target !== null && (
        <RollbackDialog
          service={service}
          revision={target}
          onClose={(ok) => {
            if (ok) setQueued(target);
            setTarget(null);
          }}
        />
      )}
    </section>
  );
}

function RollbackDialog({
  service,
  revision,
  onClose,
}: {
  service: ServiceData;
  revision: number;
  onClose: (queued: boolean) => void;
}) {
  const [diff] = useQuery({
    query: ServiceValuesDiffDocument,
    variables: { serviceId: service.id, from: service.helmRevision, to: revision },
    requestPolicy: "network-only",
  });
  const [res, rollback] = useMutation(RollbackServiceDocument);
  const confirm = async () => {
    const r = await rollback({ input: { id: service.id, revision } });
    if (!r.error) onClose(true);
  };
  const changes = diff.data?.serviceValuesDiff ?? [];
  return (
    <ConfirmDialog
      open
      title={`Roll back to revision ${revision}?`}
      confirmLabel="Roll back"
      busy={res.fetching}
      error={res.error}
      onConfirm={confirm}
      onClose={() => onClose(false)}
    >
      <p>
        The release returns to revision {revision}'s chart and values; this makes a new revision. From revision{" "}
        {service.helmRevision} to {revision}:
      </p>
      {diff.fetching && !diff.data ? (
        <p className="muted">
          <Spinner label="Comparing values" /> Comparing values…
        </p>
      ) : diff.error ? (
        <ErrorMessage error={diff.error} />
      ) : changes.length === 0 ? (
        <p className="muted">The values are the same.</p>
      ) : (
        <ChangeList changes={changes.map((c) => ({ ...c, old: c.old ?? undefined, new: c.new ?? undefined }))} />
      )}
    </ConfirmDialog>
  );
}
