import type { UpdatesConfig } from "@urql/exchange-graphcache";

// Cache updates of the dashboard pages: which lists a mutation or a subscription
// event changes (see lib/cache.ts).
//
// None: the live feed (Subscription.activity) is merged with the dashboard's
// recentActivity list in the page's own state (pages/dashboard/activity.ts),
// deduplicated by id, so that a refetch of the dashboard can neither drop nor
// repeat an event; the figures are refetched after an event.
export const activityUpdates: UpdatesConfig = {};
