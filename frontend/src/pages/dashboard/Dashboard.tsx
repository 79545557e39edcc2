// The dashboard: the viewer's figures across their active workspaces, the
// cluster mode, and the activity feed, live (new entries appear as they
// happen, from one subscription per workspace).
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { Link } from "react-router";
import { useQuery } from "urql";
import { graphql } from "../../gql";
import type { DashboardStatsQuery } from "../../gql/graphql";
import { Button, EmptyState, ErrorMessage, Loading, PageHeader, RelativeTime } from "../../components/ui";
import { useSignedInViewer } from "../../lib/session";
import { useWorkspaces } from "../../lib/workspace";
import { mergeActivity, useLiveActivity, type ActivityEntry } from "./activity";
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
      <PageHeader title="Dashboard" description={`Hello, ${viewer.name}. Here is what is happening in your workspaces.`} />
      <PendingInvitations />
      <ClusterBanner />
      {error && !stats ? (
        <div className="stack" style={{ alignItems: "flex-start" }}>
          <ErrorMessage error={error} />
          <Button onClick={() => reexecute({ requestPolicy: "network-only" })} busy={fetching}>
            Try again
          </Button>
        </div>
      ) : !stats ? (
        <Loading label="Loading your dashboard…" />
      ) : (
        <>
          {noWorkspaces && <GetStarted />}
          <StatCards stats={stats} />
          <section className="card stack" aria-labelledby="dash-activity">
            <div className="row">
              <h2 id="dash-activity" style={{ margin: 0 }}>
                Recent activity
              </h2>
              <div className="spacer" />
              {workspaces.length > 0 && <LiveIndicator failed={Object.keys(feed.failed).length} total={workspaces.length} />}
            </div>
            {entries.length === 0 ? (
              noWorkspaces ? (
                <p className="muted" style={{ margin: 0 }}>
                  Activity in your workspaces (deploys, new members, changes) will appear here as it happens.
                </p>
              ) : (
                <EmptyState
                  title="No activity yet"
                  action={
                    <Link to="/marketplace" className="btn btn-primary">
                      Deploy an app
                    </Link>
                  }
                >
                  Deploys, new members and other changes in your workspaces appear here as they happen. Start by deploying an
                  app from the marketplace, or invite your team from a workspace's Team page.
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
  const [{ data }] = useQuery({ query: ClusterQuery });
  const c = data?.cluster;
  if (!c) return null;
  if (c.mode === "dry-run") {
    return (
      <div className="alert alert-info dash-banner">
        <strong>Dry-run mode:</strong> charts are rendered and releases recorded, nothing is deployed to a cluster.
      </div>
    );
  }
  if (!c.reachable) {
    return (
      <div className="alert alert-warning dash-banner" role="alert">
        <strong>The Kubernetes cluster does not answer.</strong> Deploys and changes to services cannot finish until it is
        reachable again.
      </div>
    );
  }
  return null;
}

function GetStarted() {
  return (
    <section className="card dash-start" aria-labelledby="dash-start">
      <h2 id="dash-start">Get started</h2>
      <ol className="dash-steps">
        <li>
          <strong>Create a workspace</strong> for your team or project: its apps, members and smart homes live there.
        </li>
        <li>
          <strong>Deploy an app</strong> from the marketplace into it: pick one, fill in a short form, and watch it start.
        </li>
      </ol>
      <div className="row">
        <Link to="/workspaces" className="btn btn-primary">
          Create a workspace
        </Link>
        <Link to="/marketplace" className="btn">
          Browse the marketplace
        </Link>
      </div>
    </section>
  );
}

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
  const services = stats.servicesByState.reduce((n, s) => n + s.count, 0);
  const homes = stats.smartHomesByTunnelStatus.reduce((n, s) => n + s.count, 0);
  return (
    <section aria-labelledby="dash-figures">
      <h2 id="dash-figures" className="visually-hidden">
        Figures
      </h2>
      <ul className="stat-grid">
        <StatCard label="Services" value={services} detail={services === 0 ? "None deployed yet" : undefined}>
          {services > 0 && <Breakdown items={ordered(stats.servicesByState)} tones={serviceTone} label="Services by state" />}
        </StatCard>
        <StatCard label="Workspaces" value={stats.workspaces} detail={<Link to="/workspaces">View workspaces</Link>} />
        <StatCard label="Members" value={stats.members} detail={stats.members > 0 ? "People in your workspaces, you included" : "Invite people from a workspace's Team page"} />
        <StatCard label="Smart homes" value={homes} detail={homes === 0 ? "None connected yet" : undefined}>
          {homes > 0 && <Breakdown items={ordered(stats.smartHomesByTunnelStatus)} tones={tunnelTone} label="Smart homes by tunnel status" />}
        </StatCard>
        <StatCard label="Open tasks" value={stats.openTasks} detail="In stages that are not done" />
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

function Breakdown({ items, tones, label }: { items: { state: string; count: number }[]; tones: Record<string, string>; label: string }) {
  return (
    <ul className="stat-breakdown" aria-label={label}>
      {items.map((s) => (
        <li key={s.state} className={`badge ${tones[s.state] ?? ""}`}>
          {s.count} {s.state}
        </li>
      ))}
    </ul>
  );
}

function LiveIndicator({ failed, total }: { failed: number; total: number }) {
  if (failed >= total) {
    return (
      <span className="badge badge-warning" role="status">
        Live updates unavailable
      </span>
    );
  }
  return (
    <span className="badge badge-success live-badge" role="status" title="New activity appears here without reloading">
      <span className="live-dot" aria-hidden="true" />
      Live
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
  useTick();
  return (
    <ol className="activity-list" aria-label="Activity, newest first" aria-live="polite">
      {entries.map((e) => (
        <li key={e.id} className={fresh.has(e.id) ? "activity-item activity-new" : "activity-item"}>
          <p className="activity-summary">
            {e.summary}
            {fresh.has(e.id) && <span className="badge badge-info activity-new-badge">New</span>}
          </p>
          <p className="activity-meta muted">
            <span>{e.actor ? e.actor.name : "System"}</span>
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
