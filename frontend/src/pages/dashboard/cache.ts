import type { UpdatesConfig } from "@urql/exchange-graphcache";

// Cache updates of the dashboard pages: which lists a mutation or a subscription
// event changes (see lib/cache.ts).
export const activityUpdates: UpdatesConfig = {};
