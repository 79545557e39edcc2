// The live activity feed: one `activity(workspaceId)` subscription per active
// workspace of the viewer, merged with the entries the dashboard query
// loaded. Events are kept in local state (not written into the cached
// dashboard list), so a refetch of the dashboard never loses or duplicates
// one: the list shown is always "server list ∪ live events", deduplicated by
// id, newest first.
import { useCallback, useEffect, useRef, useState } from "react";
import { useClient } from "urql";
import { graphql } from "../../gql";
import type { DashboardActivityEntryFragment } from "../../gql/graphql";

export type ActivityEntry = DashboardActivityEntryFragment;

export const ActivityEntryFragment = graphql(`
  fragment DashboardActivityEntry on ActivityEvent {
    id
    verb
    summary
    params
    createdAt
    actor {
      id
      name
    }
    workspace {
      id
      name
      slug
    }
  }
`);

export const ActivitySubscription = graphql(`
  subscription DashboardActivity($workspaceId: ID!) {
    activity(workspaceId: $workspaceId) {
      ...DashboardActivityEntry
    }
  }
`);

/** How many entries the feed shows at most. */
export const feedLimit = 30;

/** Entries of both lists, each once (the later copy wins), newest first. */
export function mergeActivity(live: ActivityEntry[], loaded: ActivityEntry[], limit = feedLimit): ActivityEntry[] {
  const byId = new Map<string, ActivityEntry>();
  for (const e of loaded) byId.set(e.id, e);
  for (const e of live) if (!byId.has(e.id)) byId.set(e.id, e);
  return [...byId.values()].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt)).slice(0, limit);
}

export interface LiveActivity {
  /** Events received since the page opened, newest first. */
  live: ActivityEntry[];
  /** Ids of the events received live (to mark them as new). */
  liveIds: Set<string>;
  /** The workspaces whose subscription failed, with the reason. */
  failed: Record<string, string>;
}

/**
 * Subscribes to the feed of each workspace in `workspaceIds`; `onEvent` runs
 * for each new event (e.g. to refresh the figures). Subscriptions follow the
 * list: a workspace that appears is subscribed, one that goes is dropped.
 */
export function useLiveActivity(workspaceIds: string[], onEvent?: (e: ActivityEntry) => void): LiveActivity {
  const client = useClient();
  const [live, setLive] = useState<ActivityEntry[]>([]);
  const [failed, setFailed] = useState<Record<string, string>>({});
  const onEventRef = useRef(onEvent);
  onEventRef.current = onEvent;
  const subs = useRef(new Map<string, { unsubscribe(): void }>());

  const add = useCallback((e: ActivityEntry) => {
    setLive((prev) => (prev.some((p) => p.id === e.id) ? prev : [e, ...prev].slice(0, 100)));
    onEventRef.current?.(e);
  }, []);

  const key = [...new Set(workspaceIds)].sort().join("\n");
  useEffect(() => {
    const want = new Set(key ? key.split("\n") : []);
    const current = subs.current;
    for (const [id, s] of current) {
      if (!want.has(id)) {
        s.unsubscribe();
        current.delete(id);
      }
    }
    for (const id of want) {
      if (current.has(id)) continue;
      const s = client.subscription(ActivitySubscription, { workspaceId: id }).subscribe((res) => {
        if (res.data?.activity) {
          add(res.data.activity);
          setFailed((f) => {
            if (!(id in f)) return f;
            const rest = { ...f };
            delete rest[id];
            return rest;
          });
        } else if (res.error) {
          setFailed((f) => ({ ...f, [id]: res.error!.message }));
        }
      });
      current.set(id, s);
    }
  }, [client, key, add]);

  // A new client (sign-in as someone else) or leaving the page: stop all.
  useEffect(() => {
    const current = subs.current;
    return () => {
      for (const s of current.values()) s.unsubscribe();
      current.clear();
    };
  }, [client]);

  const liveIds = new Set(live.map((e) => e.id));
  return { live, liveIds, failed };
}
