// Revisions: the release history, the current one marked, and rollback to
// an earlier one after seeing how its values differ from the current ones.
import { useState } from "react";
import { useTranslation } from "react-i18next";
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

// Helm's release statuses; one this build does not know shows as Helm says it.
const statusLabels = {
  deployed: "revisions.status.deployed",
  superseded: "revisions.status.superseded",
  failed: "revisions.status.failed",
  uninstalled: "revisions.status.uninstalled",
  uninstalling: "revisions.status.uninstalling",
  "pending-install": "revisions.status.pendingInstall",
  "pending-upgrade": "revisions.status.pendingUpgrade",
  "pending-rollback": "revisions.status.pendingRollback",
  unknown: "revisions.status.unknown",
} as const;

function isStatus(s: string): s is keyof typeof statusLabels {
  return s in statusLabels;
}

function statusClass(status: string): string {
  if (status === "deployed") return "badge badge-success";
  if (status === "failed") return "badge badge-danger";
  if (status.startsWith("pending")) return "badge badge-info";
  return "badge";
}

export function ServiceRevisions({ service }: { service: ServiceData }) {
  const { t } = useTranslation("services");
  const revisions = (service.revisions.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const [target, setTarget] = useState<number | null>(null);
  const [queued, setQueued] = useState<number | null>(null);
  const mayRollback = service.viewerCanRollback;
  // Wording only: an admin is told why rollback is not offered now.
  const admin = atLeast(service.workspace.viewerRole, "admin") && service.workspace.state !== "archived";

  if (revisions.length === 0) {
    return (
      <EmptyState title={t("revisions.empty.title")}>{t("revisions.empty.body")}</EmptyState>
    );
  }
  return (
    <section className="card stack" aria-labelledby="svc-rev-h">
      <h2 id="svc-rev-h">{t("detail.tabs.revisions")}</h2>
      {admin && !mayRollback && <p className="muted">{t("revisions.notNow")}</p>}
      {queued !== null && (
        <div className="alert alert-success" role="status">
          {t("revisions.queued", { revision: queued })}
        </div>
      )}
      <div className="table-wrap svc-table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("overview.revision")}</th>
              <th scope="col">{t("revisions.chart")}</th>
              <th scope="col">{t("revisions.app")}</th>
              <th scope="col">{t("revisions.statusColumn")}</th>
              <th scope="col">{t("revisions.description")}</th>
              <th scope="col">{t("revisions.created")}</th>
              {mayRollback && (
                <th scope="col">
                  <span className="visually-hidden">{t("revisions.actions")}</span>
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
                      <span className={statusClass(r.status)}>
                        {isStatus(r.status) ? t(statusLabels[r.status]) : r.status}
                      </span>
                      {current && <span className="badge badge-info">{t("revisions.current")}</span>}
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
                          aria-label={t("revisions.rollBackTo", { revision: r.revision })}
                        >
                          {t("revisions.rollBackHere")}
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
  const { t } = useTranslation("services");
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
      title={t("revisions.dialog.title", { revision })}
      confirmLabel={t("revisions.dialog.confirm")}
      busy={res.fetching}
      error={res.error}
      onConfirm={confirm}
      onClose={() => onClose(false)}
    >
      <p>{t("revisions.dialog.body", { revision, current: service.helmRevision })}</p>
      {diff.fetching && !diff.data ? (
        <p className="muted">
          <Spinner label={t("revisions.dialog.comparing")} /> {t("revisions.dialog.comparingEllipsis")}
        </p>
      ) : diff.error ? (
        <ErrorMessage error={diff.error} />
      ) : changes.length === 0 ? (
        <p className="muted">{t("revisions.dialog.same")}</p>
      ) : (
        <ChangeList changes={changes.map((c) => ({ ...c, old: c.old ?? undefined, new: c.new ?? undefined }))} />
      )}
    </ConfirmDialog>
  );
}
