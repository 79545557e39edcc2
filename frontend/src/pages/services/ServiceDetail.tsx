// The service detail page (/services/:id/*): live state and deploy log,
// overview, configuration with a values diff before upgrading, revisions
// with rollback, the rendered manifest, stop/start/delete: each offered as
// the service's viewerCan* fields allow (see rules.ts).
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link, Route, Routes, useNavigate, useParams } from "react-router";
import { useMutation, useQuery, useSubscription, type CombinedError } from "urql";
import { graphql } from "../../gql";
import { SupportProject } from "../projects/SupportProject";
import type { ServiceDetailQuery, ServiceEventsSubscription } from "../../gql/graphql";
import { Button, ConfirmDialog, EmptyState, ErrorMessage, Field, Loading, RelativeTime } from "../../components/ui";
import { ServiceStateBadge, serving } from "../../components/ServiceState";
import { appError } from "../../lib/errors";
import { i18n } from "../../i18n";
import { isTransitional, settled } from "./rules";
import { LogView, type LogLine } from "./ServiceLog";
import { ServiceConfiguration } from "./ServiceConfiguration";
import { ServiceRevisions } from "./ServiceRevisions";
import { ServiceManifest } from "./ServiceManifest";

export const ServiceDetailDocument = graphql(`
  query ServiceDetail($id: ID!) {
    cluster {
      mode
    }
    node(id: $id) {
      __typename
      id
      ... on Service {
        id
        name
        state
        errorMessage
        errorDetail
        url
        chartVersion
        helmRevision
        deployedAt
        lastUpgradedAt
        releaseName
        namespace
        values
        createdAt
        ...ServiceViewerCan
        workspace {
          id
          name
          slug
          state
          viewerRole
        }
        template {
          id
          name
          slug
          chartRef
          chartVersion
          valueSpecs {
            required {
              ...ValueSpecFields
            }
            optional {
              ...ValueSpecFields
            }
          }
        }
        revisions(first: 50, orderBy: { field: REVISION, direction: DESC }) {
          totalCount
          edges {
            node {
              id
              revision
              chartVersion
              appVersion
              status
              description
              createdAt
            }
          }
        }
        events(last: 100, orderBy: { field: CREATED_AT, direction: ASC }) {
          totalCount
          edges {
            node {
              id
              createdAt
              state
              level
              message
            }
          }
        }
      }
    }
  }
`);

/** A light query polled while a job runs, in case the live stream is down. */
const ServiceStateDocument = graphql(`
  query ServiceDetailState($id: ID!) {
    node(id: $id) {
      id
      ... on Service {
        id
        state
        errorMessage
        errorDetail
        helmRevision
        ...ServiceViewerCan
      }
    }
  }
`);

export const ServiceEventsDocument = graphql(`
  subscription ServiceEvents($serviceId: ID!) {
    serviceEvents(serviceId: $serviceId) {
      id
      createdAt
      state
      level
      message
      service {
        id
        state
        errorMessage
        errorDetail
        helmRevision
        chartVersion
        deployedAt
        lastUpgradedAt
        ...ServiceViewerCan
      }
    }
  }
`);

const StopServiceDocument = graphql(`
  mutation ServiceDetailStop($input: StopServiceInput!) {
    stopService(input: $input) {
      service {
        id
        state
        errorMessage
        errorDetail
        ...ServiceViewerCan
      }
    }
  }
`);

const StartServiceDocument = graphql(`
  mutation ServiceDetailStart($input: StartServiceInput!) {
    startService(input: $input) {
      service {
        id
        state
        errorMessage
        errorDetail
        ...ServiceViewerCan
      }
    }
  }
`);

const RetryServiceDocument = graphql(`
  mutation ServiceDetailRetry($input: UpdateServiceInput!) {
    updateService(input: $input) {
      service {
        id
        state
        errorMessage
        errorDetail
        ...ServiceViewerCan
      }
    }
  }
`);

const DeleteServiceDocument = graphql(`
  mutation ServiceDetailDelete($input: DeleteServiceInput!) {
    deleteService(input: $input) {
      service {
        id
        state
        errorMessage
        errorDetail
        ...ServiceViewerCan
      }
    }
  }
`);

export type ServiceData = Extract<NonNullable<ServiceDetailQuery["node"]>, { __typename: "Service" }>;

/** What the workspace page says once a service the viewer deleted is gone. */
export const serviceDeletedNotice = (name: string) => i18n.t("detail.deletedNotice", { ns: "services", name });

/** Past events and live ones, deduplicated by id, oldest first. */
export function mergeLog(past: readonly LogLine[], live: readonly LogLine[]): LogLine[] {
  const seen = new Set<string>();
  const out: LogLine[] = [];
  for (const e of [...past, ...live]) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    out.push(e);
  }
  // Stable: lines with the same time keep the server's order.
  return out.sort((a, b) => (Date.parse(a.createdAt) || 0) - (Date.parse(b.createdAt) || 0));
}

type LiveEvent = ServiceEventsSubscription["serviceEvents"];

export function ServiceDetail() {
  // A fresh page (live log, state history) for each service.
  const { id = "" } = useParams();
  return <ServicePage key={id} />;
}

function ServicePage() {
  const { t } = useTranslation("services");
  const params = useParams();
  const id = params.id ?? "";
  const section = (params["*"] ?? "").split("/")[0];
  const navigate = useNavigate();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: ServiceDetailDocument, variables: { id } });
  const node = data?.node;
  const service = node && node.__typename === "Service" ? (node as ServiceData) : null;
  const exists = !!service;

  // The live log and state. graphcache updates the Service from the event's
  // `service` selection; the lines are kept here.
  const [sub] = useSubscription(
    { query: ServiceEventsDocument, variables: { serviceId: id }, pause: !exists },
    (prev: LiveEvent[] = [], next: ServiceEventsSubscription) => [...prev, next.serviceEvents],
  );
  const past = useMemo(
    () => (service?.events.edges ?? []).flatMap((e) => (e?.node ? [e.node] : [])),
    [service?.events],
  );
  const lines = useMemo(() => mergeLog(past, sub.data ?? []), [past, sub.data]);

  const state = service?.state;

  // While a job runs, poll the state as well: the page settles even if the
  // WebSocket is down.
  const busy = !!state && isTransitional(state);
  const [, repoll] = useQuery({
    query: ServiceStateDocument,
    variables: { id },
    pause: !busy,
    requestPolicy: "network-only",
  });
  useEffect(() => {
    if (!busy) return;
    const poll = setInterval(() => repoll({ requestPolicy: "network-only" }), 4000);
    return () => clearInterval(poll);
  }, [busy, repoll]);

  // When an operation ends, reload what it changed (values, revisions, log);
  // when the service is gone after being here, go back to its workspace.
  const prev = useRef<string | undefined>(undefined);
  useEffect(() => {
    const before = prev.current;
    prev.current = state;
    if (!state || !before || before === state) return;
    if (state === "gone" && service) {
      // The workspace page says it happened (the service is no longer listed).
      navigate(`/workspaces/${encodeURIComponent(service.workspace.slug)}`, {
        replace: true,
        state: { notice: serviceDeletedNotice(service.name) },
      });
      return;
    }
    if ((settled as string[]).includes(state)) reexecute({ requestPolicy: "network-only" });
  }, [state, service, navigate, reexecute]);

  if (!data && fetching) return <Loading label={t("detail.loading")} />;
  const err = appError(error);
  if (!service) {
    if (err && err.code !== "NOT_FOUND") return <ErrorMessage error={error} />;
    return (
      <EmptyState
        title={t("detail.notFound.title")}
        action={
          <Link to="/workspaces" className="btn btn-primary">
            {t("detail.notFound.back")}
          </Link>
        }
      >
        {t("detail.notFound.body")}
      </EmptyState>
    );
  }

  const base = `/services/${encodeURIComponent(id)}`;
  const dryRun = data?.cluster.mode === "dry-run";
  const sections: Section[] = [
    { path: "", label: t("detail.tabs.overview") },
    { path: "configuration", label: t("detail.tabs.configuration") },
    { path: "revisions", label: t("detail.tabs.revisions") },
    { path: "log", label: t("detail.tabs.log") },
    ...(service.viewerCanInspect ? [{ path: "manifest", label: t("detail.tabs.manifest") }] : []),
  ];

  return (
    <div className="stack">
      <Header service={service} />
      {service.state === "error" && (
        <div className="alert alert-error stack" role="alert" style={{ gap: "0.25rem" }}>
          <p style={{ margin: 0 }}>
            <Trans
              t={t}
              i18nKey="detail.failed"
              values={{ reason: service.errorMessage || t("detail.noReason") }}
              components={{ strong: <strong /> }}
            />
          </p>
          <NextSteps service={service} />
          {service.errorDetail && (
            <details>
              <summary>{t("detail.technicalDetail")}</summary>
              <pre className="break" style={{ whiteSpace: "pre-wrap", margin: 0 }}>
                {service.errorDetail}
              </pre>
            </details>
          )}
        </div>
      )}
      {service.workspace.state === "archived" && (
        <div className="alert alert-info" role="note">
          {t("detail.archived", { workspace: service.workspace.name })}
        </div>
      )}
      {dryRun && (
        <div className="alert alert-info" role="note">
          {t("detail.dryRun")}
        </div>
      )}
      {service.state === "gone" && (
        <div className="alert alert-warning" role="status">
          <Trans
            t={t}
            i18nKey="detail.gone"
            values={{ workspace: service.workspace.name }}
            components={{ ws: <Link to={`/workspaces/${encodeURIComponent(service.workspace.slug)}`} /> }}
          />
        </div>
      )}
      <Tabs base={base} sections={sections} current={section} />
      <div role="tabpanel" id="svc-panel" aria-labelledby={`svc-tab-${section || "overview"}`}>
        <Routes>
          <Route index element={<Overview service={service} lines={lines} logPath={`${base}/log`} />} />
          <Route path="configuration" element={<ServiceConfiguration service={service} />} />
          <Route path="revisions" element={<ServiceRevisions service={service} />} />
          <Route
            path="log"
            element={
              <section className="stack" aria-labelledby="svc-log-h">
                <h2 id="svc-log-h">{t("log.title")}</h2>
                <LogView lines={lines} />
              </section>
            }
          />
          {service.viewerCanInspect && <Route path="manifest" element={<ServiceManifest service={service} />} />}
          <Route
            path="*"
            element={
              <EmptyState title={t("detail.noSection.title")} action={<Link to={base}>{t("detail.noSection.action")}</Link>}>
                {t("detail.noSection.body")}
              </EmptyState>
            }
          />
        </Routes>
      </div>
    </div>
  );
}

interface Section {
  path: string;
  label: string;
}

/**
 * The sections as tabs that are links (sub-routes): Tab reaches the
 * selected one, arrow keys, Home and End move between them and open them.
 */
function Tabs({ base, sections, current }: { base: string; sections: Section[]; current: string }) {
  const { t } = useTranslation("services");
  const navigate = useNavigate();
  const refs = useRef<(HTMLAnchorElement | null)[]>([]);
  const selected = Math.max(
    0,
    sections.findIndex((s) => s.path === current),
  );
  const go = (i: number) => {
    const n = (i + sections.length) % sections.length;
    refs.current[n]?.focus();
    navigate(sections[n].path ? `${base}/${sections[n].path}` : base);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const keys: Record<string, number> = {
      ArrowRight: selected + 1,
      ArrowLeft: selected - 1,
      Home: 0,
      End: sections.length - 1,
    };
    if (!(e.key in keys)) return;
    e.preventDefault();
    go(keys[e.key]);
  };
  return (
    <nav aria-label={t("detail.tabs.label")}>
      <div className="tabs" role="tablist" aria-label={t("detail.tabs.label")} onKeyDown={onKeyDown}>
        {sections.map((s, i) => (
          <Link
            key={s.path}
            ref={(el) => {
              refs.current[i] = el;
            }}
            id={`svc-tab-${s.path || "overview"}`}
            to={s.path ? `${base}/${s.path}` : base}
            role="tab"
            aria-selected={i === selected}
            aria-controls="svc-panel"
            tabIndex={i === selected ? 0 : -1}
            className={i === selected ? "active" : undefined}
          >
            {s.label}
          </Link>
        ))}
      </div>
    </nav>
  );
}

function Header({ service }: { service: ServiceData }) {
  const { t } = useTranslation(["services", "common"]);
  const vars = { input: { id: service.id } };
  const [stop, doStop] = useMutation(StopServiceDocument);
  const [start, doStart] = useMutation(StartServiceDocument);
  const [retry, doRetry] = useMutation(RetryServiceDocument);
  const [failed, setFailed] = useState<CombinedError | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [stopping, setStopping] = useState(false);
  const [stopFailed, setStopFailed] = useState(false);

  const run = async (fn: () => Promise<{ error?: CombinedError }>) => {
    setFailed(null);
    const r = await fn();
    if (r.error) setFailed(r.error);
  };

  return (
    <div className="stack" style={{ gap: "0.5rem" }}>
      <div className="page-header" style={{ marginBottom: 0 }}>
        <div>
          <div className="row" style={{ flexWrap: "nowrap", alignItems: "flex-start" }}>
            <h1 style={{ margin: 0, overflowWrap: "anywhere", minWidth: 0 }}>{service.name}</h1>
            <span aria-live="polite" aria-atomic="true">
              <span className="visually-hidden">{t("detail.stateLabel")}</span>
              <ServiceStateBadge state={service.state} />
            </span>
          </div>
          <p className="muted" style={{ margin: "0.25rem 0 0" }}>
            <Trans
              t={t}
              i18nKey="detail.templateIn"
              values={{ template: service.template.name, workspace: service.workspace.name }}
              components={{ ws: <Link to={`/workspaces/${encodeURIComponent(service.workspace.slug)}`} /> }}
            />
          </p>
        </div>
        <div className="row">
          {service.state === "error" && service.viewerCanUpdate && (
            <Button busy={retry.fetching} onClick={() => run(() => doRetry(vars))}>
              {t("detail.actions.retry")}
            </Button>
          )}
          {service.viewerCanStop && (
            <Button
              busy={stop.fetching}
              onClick={() => {
                setStopFailed(false);
                setStopping(true);
              }}
            >
              {t("detail.actions.stop")}
            </Button>
          )}
          {service.viewerCanStart && (
            <Button variant="primary" busy={start.fetching} onClick={() => run(() => doStart(vars))}>
              {t("detail.actions.start")}
            </Button>
          )}
          {service.viewerCanDelete && (
            <Button variant="danger" onClick={() => setDeleting(true)}>
              {t("common:actions.delete")}
            </Button>
          )}
        </div>
      </div>
      <ErrorMessage error={failed} />
      <ConfirmDialog
        open={stopping}
        title={t("detail.stop.title", { name: service.name })}
        confirmLabel={t("detail.stop.confirm")}
        danger
        busy={stop.fetching}
        error={stopFailed ? stop.error : undefined}
        onClose={() => setStopping(false)}
        onConfirm={async () => {
          setStopFailed(false);
          const r = await doStop(vars);
          if (r.error) setStopFailed(true);
          else setStopping(false);
        }}
      >
        <p>{service.url ? t("detail.stop.bodyWithAddress") : t("detail.stop.body")}</p>
      </ConfirmDialog>
      {deleting && <DeleteDialog service={service} onClose={() => setDeleting(false)} />}
    </div>
  );
}

/** Delete, confirmed by typing the service's name. */
function DeleteDialog({ service, onClose }: { service: ServiceData; onClose: () => void }) {
  const [typed, setTyped] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const [res, del] = useMutation(DeleteServiceDocument);
  const confirm = async () => {
    if (typed.trim() !== service.name) {
      setMismatch(true);
      return;
    }
    const r = await del({ input: { id: service.id } });
    if (!r.error) onClose();
  };
  return (
    <ConfirmDelete
      name={service.name}
      typed={typed}
      setTyped={(v) => {
        setTyped(v);
        setMismatch(false);
      }}
      mismatch={mismatch}
      busy={res.fetching}
      error={res.error}
      onConfirm={confirm}
      onClose={onClose}
    />
  );
}

function ConfirmDelete(props: {
  name: string;
  typed: string;
  setTyped: (v: string) => void;
  mismatch: boolean;
  busy: boolean;
  error?: CombinedError;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation(["services", "common"]);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal?.();
  }, []);
  const matches = props.typed.trim() === props.name;
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="svc-delete-title"
      onClose={props.onClose}
      onCancel={props.onClose}
    >
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          props.onConfirm();
        }}
      >
        <h2 id="svc-delete-title">{t("detail.delete.title", { name: props.name })}</h2>
        <p>{t("detail.delete.body")}</p>
        <Field
          label={t("detail.delete.typeName", { name: props.name })}
          error={props.mismatch ? t("detail.delete.mismatch") : undefined}
        >
          {(f) => (
            <input
              {...f}
              className="input"
              autoComplete="off"
              spellCheck={false}
              value={props.typed}
              onChange={(e) => props.setTyped(e.target.value)}
            />
          )}
        </Field>
        <ErrorMessage error={props.error} />
        <div className="row" style={{ justifyContent: "flex-end" }}>
          <Button onClick={props.onClose} disabled={props.busy}>
            {t("common:actions.cancel")}
          </Button>
          <Button type="submit" variant="danger" busy={props.busy} disabled={!matches}>
            {t("detail.delete.confirm")}
          </Button>
        </div>
      </form>
    </dialog>
  );
}

// One whole sentence per combination of what the viewer may do (update,
// rollback, delete): a list joined with "or" does not translate.
const nextSteps = {
  u: "detail.nextSteps.u",
  r: "detail.nextSteps.r",
  d: "detail.nextSteps.d",
  ur: "detail.nextSteps.ur",
  ud: "detail.nextSteps.ud",
  rd: "detail.nextSteps.rd",
  urd: "detail.nextSteps.urd",
} as const;

/** What can be done about a failed operation: only the actions this viewer can start now. */
function NextSteps({ service }: { service: ServiceData }) {
  const { t } = useTranslation("services");
  const which = [
    service.viewerCanUpdate ? "u" : "",
    service.viewerCanRollback ? "r" : "",
    service.viewerCanDelete ? "d" : "",
  ].join("");
  if (!which) return null;
  return <p style={{ margin: 0 }}>{t(nextSteps[which as keyof typeof nextSteps])}</p>;
}

function Overview({ service, lines, logPath }: { service: ServiceData; lines: LogLine[]; logPath: string }) {
  const { t } = useTranslation("services");
  return (
    <div className="stack">
      <section className="card stack" aria-labelledby="svc-facts-h">
        <h2 id="svc-facts-h">{t("detail.tabs.overview")}</h2>
        <dl className="svc-facts">
          <dt>{t("overview.address")}</dt>
          <dd>
            {service.url && serving(service.state) ? (
              <a href={service.url} target="_blank" rel="noreferrer noopener">
                {service.url}
              </a>
            ) : service.url ? (
              <span>
                <span className="break">{service.url}</span> <span className="muted">{t("overview.answersOnceRunning")}</span>
              </span>
            ) : (
              <span className="muted">{t("overview.noAddress")}</span>
            )}
          </dd>
          <dt>{t("overview.chart")}</dt>
          <dd>
            <code>{service.template.chartRef}</code>
          </dd>
          <dt>{t("overview.chartVersion")}</dt>
          <dd>{service.chartVersion || <span className="muted">{t("overview.latest")}</span>}</dd>
          <dt>{t("overview.revision")}</dt>
          <dd>{service.helmRevision > 0 ? service.helmRevision : <span className="muted">{t("overview.notDeployed")}</span>}</dd>
          <dt>{t("overview.release")}</dt>
          <dd>
            <code>{service.releaseName}</code>
          </dd>
          <dt>{t("overview.namespace")}</dt>
          <dd>
            <code>{service.namespace}</code>
          </dd>
          <dt>{t("overview.deployed")}</dt>
          <dd>
            {service.deployedAt ? <RelativeTime value={service.deployedAt} /> : <span className="muted">{t("overview.notYet")}</span>}
          </dd>
          <dt>{t("overview.lastUpgraded")}</dt>
          <dd>
            {service.lastUpgradedAt ? (
              <RelativeTime value={service.lastUpgradedAt} />
            ) : (
              <span className="muted">{t("overview.never")}</span>
            )}
          </dd>
        </dl>
      </section>
      <SupportProject serviceId={service.id} />
      <section className="card stack" aria-labelledby="svc-latest-h">
        <div className="row">
          <h2 id="svc-latest-h" style={{ margin: 0 }}>
            {t("overview.latestLog")}
          </h2>
          <span className="spacer" />
          <Link to={logPath}>{t("overview.fullLog")}</Link>
        </div>
        <LogView lines={lines} compact />
      </section>
    </div>
  );
}
