// The dashboard: the viewer's figures across their active workspaces, the
// cluster mode, and the activity feed, live (new entries appear as they
// happen, from one subscription per workspace).
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQuery } from "urql";
import { graphql } from "../../gql";
import type { DashboardStatsQuery } from "../../gql/graphql";
import { Button, EmptyState, ErrorMessage, Loading, PageHeader, RelativeTime } from "../../components/ui";
import { useSignedInViewer } from "../../lib/session";
import { useWorkspaces } from "../../lib/workspace";
import { mergeActivity, useLiveActivity, type ActivityEntry } from "./activity";
import { activitySentence } from "./sentence";
import { PendingInvitations } from "../invitations/PendingInvitations";

export const StatsQuery = graphql(`
  query DashboardStats {
    dashboard {
      workspaces
      members
      servicesByState {
        state
        count
      }
      smartHomesByTunnelStatus {
        state
        count
      }
      openTasks
      recentActivity(first: 20) {
        edges {
          node {
            ...DashboardActivityEntry
          }
        }
      }
    }
  }
`);

export const ClusterQuery = graphql(`
  query DashboardCluster {
    cluster {
      mode
      reachable
    }
  }
`);

type Stats = DashboardStatsQuery["dashboard"];

export function Dashboard() {
  const { t } = useTranslation(["dashboard", "common"]);
  const viewer = useSignedInViewer();
  const { workspaces, loading: workspacesLoading } = useWorkspaces();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: StatsQuery });

  // A new event usually changes a figure too (a deploy finished, someone
  // joined): refresh them, once for a burst of events.
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const refreshSoon = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => reexecute({ requestPolicy: "network-only" }), 1000);
  }, [reexecute]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const ids = workspaces.map((w) => w.id);
  const feed = useLiveActivity(ids, refreshSoon);

  // A workspace joined or created since the page loaded: its first events
  // (e.g. "created the workspace") happened before its subscription began.
  const idsKey = [...ids].sort().join(",");
  const lastIds = useRef<string | null>(null);
  useEffect(() => {
    if (workspacesLoading) return;
    if (lastIds.current !== null && lastIds.current !== idsKey) refreshSoon();
    lastIds.current = idsKey;
  }, [idsKey, workspacesLoading, refreshSoon]);

  const stats = data?.dashboard;
  const loaded = (stats?.recentActivity.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const entries = mergeActivity(feed.live, loaded);
  const noWorkspaces = !workspacesLoading && workspaces.length === 0 && (stats ? stats.workspaces === 0 : true);

  return (
    <div className="stack dashboard">
      <PageHeader title={t("title")} description={t("hello", { name: viewer.name })} />
      <PendingInvitations />
      <ClusterBanner />
      {error && !stats ? (
        <div className="stack" style={{ alignItems: "flex-start" }}>
          <ErrorMessage error={error} />
          <Button onClick={() => reexecute({ requestPolicy: "network-only" })} busy={fetching}>
            {t("common:actions.retry")}
          </Button>
        </div>
      ) : !stats ? (
        <Loading label={t("loading")} />
      ) : (
        <>
          {noWorkspaces && <GetStarted />}
          <StatCards stats={stats} />
          <section className="card stack" aria-labelledby="dash-activity">
            <div className="row">
              <h2 id="dash-activity" style={{ margin: 0 }}>
                {t("activity.title")}
              </h2>
              <div className="spacer" />
              {workspaces.length > 0 && <LiveIndicator failed={Object.keys(feed.failed).length} total={workspaces.length} />}
            </div>
            {entries.length === 0 ? (
              noWorkspaces ? (
                <p className="muted" style={{ margin: 0 }}>
                  {t("activity.noWorkspaces")}
                </p>
              ) : (
                <EmptyState
                  title={t("activity.empty.title")}
                  action={
                    <Link to="/marketplace" className="btn btn-primary">
                      {t("activity.empty.deploy")}
                    </Link>
                  }
                >
                  {t("activity.empty.body")}
                </EmptyState>
              )
            ) : (
              <ActivityList entries={entries} fresh={feed.liveIds} />
            )}
          </section>
        </>
      )}
    </div>
  );
}

/** Says plainly when nothing reaches a real cluster, or when it does not answer. */
function ClusterBanner() {
  const { t } = useTranslation("dashboard");
  const [{ data }] = useQuery({ query: ClusterQuery });
  const c = data?.cluster;
  if (!c) return null;
  if (c.mode === "dry-run") {
    return (
      <div className="alert alert-info dash-banner">
        <Trans t={t} i18nKey="cluster.dryRun" components={{ strong: <strong /> }} />
      </div>
    );
  }
  if (!c.reachable) {
    return (
      <div className="alert alert-warning dash-banner" role="alert">
        <Trans t={t} i18nKey="cluster.unreachable" components={{ strong: <strong /> }} />
      </div>
    );
  }
  return null;
}

function GetStarted() {
  const { t } = useTranslation("dashboard");
  return (
    <section className="card dash-start" aria-labelledby="dash-start">
      <h2 id="dash-start">{t("start.title")}</h2>
      <ol className="dash-steps">
        <li>
          <Trans t={t} i18nKey="start.workspace" components={{ strong: <strong /> }} />
        </li>
        <li>
          <Trans t={t} i18nKey="start.deploy" components={{ strong: <strong /> }} />
        </li>
      </ol>
      <div className="row">
        <Link to="/workspaces" className="btn btn-primary">
          {t("start.createWorkspace")}
        </Link>
        <Link to="/marketplace" className="btn">
          {t("start.browse")}
        </Link>
      </div>
    </section>
  );
}

// The states the figures break down by, as words: "2 running".
const serviceCount = {
  pending: "figures.service.pending",
  deploying: "figures.service.deploying",
  initializing: "figures.service.initializing",
  running: "figures.service.running",
  upgrading: "figures.service.upgrading",
  stopping: "figures.service.stopping",
  stopped: "figures.service.stopped",
  starting: "figures.service.starting",
  deleting: "figures.service.deleting",
  gone: "figures.service.gone",
  error: "figures.service.error",
} as const;

const tunnelCount = {
  unknown: "figures.tunnel.unknown",
  connected: "figures.tunnel.connected",
  disconnected: "figures.tunnel.disconnected",
  error: "figures.tunnel.error",
  deleted: "figures.tunnel.deleted",
} as const;

type CountKey = (typeof serviceCount)[keyof typeof serviceCount] | (typeof tunnelCount)[keyof typeof tunnelCount];

const serviceTone: Record<string, string> = {
  running: "badge-success",
  error: "badge-danger",
  pending: "badge-info",
  deploying: "badge-info",
  initializing: "badge-info",
  upgrading: "badge-info",
  starting: "badge-info",
  stopping: "badge-warning",
  deleting: "badge-warning",
  stopped: "",
};

const tunnelTone: Record<string, string> = {
  connected: "badge-success",
  error: "badge-danger",
  disconnected: "badge-warning",
};

/** Running first, then the rest by count. */
function ordered(list: { state: string; count: number }[]) {
  const rank = (s: string) => (s === "running" || s === "connected" ? 0 : s === "error" ? 1 : 2);
  return [...list].filter((s) => s.count > 0).sort((a, b) => rank(a.state) - rank(b.state) || b.count - a.count);
}

function StatCards({ stats }: { stats: Stats }) {
  const { t } = useTranslation("dashboard");
  const services = stats.servicesByState.reduce((n, s) => n + s.count, 0);
  const homes = stats.smartHomesByTunnelStatus.reduce((n, s) => n + s.count, 0);
  return (
    <section aria-labelledby="dash-figures">
      <h2 id="dash-figures" className="visually-hidden">
        {t("figures.title")}
      </h2>
      <ul className="stat-grid">
        <StatCard label={t("figures.services")} value={services} detail={services === 0 ? t("figures.noServices") : undefined}>
          {services > 0 && (
            <Breakdown items={ordered(stats.servicesByState)} tones={serviceTone} words={serviceCount} label={t("figures.servicesByState")} />
          )}
        </StatCard>
        <StatCard label={t("figures.workspaces")} value={stats.workspaces} detail={<Link to="/workspaces">{t("figures.viewWorkspaces")}</Link>} />
        <StatCard
          label={t("figures.members")}
          value={stats.members}
          detail={stats.members > 0 ? t("figures.membersDetail") : t("figures.invite")}
        />
        <StatCard label={t("figures.smartHomes")} value={homes} detail={homes === 0 ? t("figures.noHomes") : undefined}>
          {homes > 0 && (
            <Breakdown
              items={ordered(stats.smartHomesByTunnelStatus)}
              tones={tunnelTone}
              words={tunnelCount}
              label={t("figures.homesByTunnel")}
            />
          )}
        </StatCard>
        <StatCard label={t("figures.openTasks")} value={stats.openTasks} detail={t("figures.openTasksDetail")} />
      </ul>
    </section>
  );
}

function StatCard({ label, value, detail, children }: { label: string; value: number; detail?: ReactNode; children?: ReactNode }) {
  return (
    <li className="card stat-card">
      <h3 className="stat-label">{label}</h3>
      <p className="stat-value">{value}</p>
      {children}
      {detail && <p className="stat-detail muted">{detail}</p>}
    </li>
  );
}

function Breakdown({
  items,
  tones,
  words,
  label,
}: {
  items: { state: string; count: number }[];
  tones: Record<string, string>;
  words: Record<string, CountKey>;
  label: string;
}) {
  const { t } = useTranslation("dashboard");
  return (
    <ul className="stat-breakdown" aria-label={label}>
      {items.map((s) => (
        <li key={s.state} className={`badge ${tones[s.state] ?? ""}`}>
          {/* A state this build does not know: as the server names it. */}
          {Object.hasOwn(words, s.state) ? t(words[s.state], { count: s.count }) : `${s.count} ${s.state}`}
        </li>
      ))}
    </ul>
  );
}

function LiveIndicator({ failed, total }: { failed: number; total: number }) {
  const { t } = useTranslation("dashboard");
  if (failed >= total) {
    return (
      <span className="badge badge-warning" role="status">
        {t("live.unavailable")}
      </span>
    );
  }
  return (
    <span className="badge badge-success live-badge" role="status" title={t("live.title")}>
      <span className="live-dot" aria-hidden="true" />
      {t("live.label")}
    </span>
  );
}

/** Re-renders every 30 s so "2 minutes ago" stays true. */
function useTick(ms = 30_000) {
  const [, setN] = useState(0);
  useEffect(() => {
    const t = setInterval(() => setN((n) => n + 1), ms);
    return () => clearInterval(t);
  }, [ms]);
}

function ActivityList({ entries, fresh }: { entries: ActivityEntry[]; fresh: Set<string> }) {
  const { t } = useTranslation("dashboard");
  useTick();
  return (
    <ol className="activity-list" aria-label={t("activity.label")} aria-live="polite">
      {entries.map((e) => (
        <li key={e.id} className={fresh.has(e.id) ? "activity-item activity-new" : "activity-item"}>
          <p className="activity-summary">
            {activitySentence(e, t)}
            {fresh.has(e.id) && <span className="badge badge-info activity-new-badge">{t("activity.new")}</span>}
          </p>
          <p className="activity-meta muted">
            <span>{e.actor ? e.actor.name : t("activity.system")}</span>
            <span aria-hidden="true"> · </span>
            <Link to={`/workspaces/${e.workspace.slug}`}>{e.workspace.name}</Link>
            <span aria-hidden="true"> · </span>
            <RelativeTime value={e.createdAt} />
          </p>
        </li>
      ))}
    </ol>
  );
}
