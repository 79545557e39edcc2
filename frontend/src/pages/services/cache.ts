import type { UpdatesConfig } from "@urql/exchange-graphcache";

// Cache updates of the services pages: which lists a mutation or a subscription
// event changes (see lib/cache.ts).
export const serviceUpdates: UpdatesConfig = {};
