import type { UpdatesConfig } from "@urql/exchange-graphcache";

// Cache updates of the services pages: which lists a mutation or a subscription
// event changes (see lib/cache.ts).
//
// None needed so far: the service page's mutations and its serviceEvents
// subscription select the Service's id and state, which graphcache
// normalises; the page keeps the live log lines itself and reloads its query
// (values, revisions, past events) when an operation settles.
export const serviceUpdates: UpdatesConfig = {};
