// The GraphQL client: urql with a normalised cache (graphcache), queries and
// mutations over POST /query, subscriptions over graphql-ws on the same path.
// The session is the HttpOnly cookie the server sets at sign-in, so every
// request and the WebSocket upgrade carry it; nothing here stores a token.
import { Client, fetchExchange, mapExchange, subscriptionExchange } from "urql";
import { cacheExchange } from "@urql/exchange-graphcache";
import { createClient as createWSClient, type Client as WSClient, type ClientOptions as WSOptions } from "graphql-ws";
import { cacheConfig } from "./cache";
import { CLOSE_UNAUTHORIZED, closeCode, isUnauthenticated } from "./errors";

export interface AppClient {
  client: Client;
  dispose(): void;
}

export function wsURL(path = "/query"): string {
  const proto = window.location.protocol === "https:" ? "wss:" : "ws:";
  return `${proto}//${window.location.host}${path}`;
}

/** The close code of a refused connection: the same credentials would be refused again. */
const CLOSE_FORBIDDEN = 4403;

/**
 * Whether to reconnect after the WebSocket closed or failed. A server going
 * away (1001, a restart, a network failure) is retried. graphql-ws itself
 * never retries 4401 (the session ended: signed out elsewhere, password
 * changed or reset, account disabled); the app then signs out instead (see
 * createAppClient). 4403 (refused) is not retried either: it would be
 * refused again.
 */
export function shouldReconnect(errOrCloseEvent: unknown): boolean {
  return closeCode(errOrCloseEvent) !== CLOSE_FORBIDDEN;
}

/**
 * A fresh client with an empty cache. The app makes a new one when the
 * session changes (sign-in, sign-out), so no data of one account survives
 * into another's and the WebSocket reconnects with the new cookie.
 * `onUnauthenticated` runs when the session is gone: a result with an
 * UNAUTHENTICATED error, or the WebSocket closed with 4401. The server
 * closes with 4401 without completing the running subscriptions first, so
 * each of them ends with the close as its error, which lib/errors.ts reads
 * as UNAUTHENTICATED; the close is also watched on the socket itself, so
 * that it counts even when no subscription reports it (one a proxy or an
 * older server completed first). One ended session is thus reported more
 * than once: session.tsx acts on the first. `ws` is for tests (a fake
 * WebSocket).
 */
export function createAppClient(onUnauthenticated: () => void, ws?: Partial<WSOptions>): AppClient {
  const wsClient: WSClient = createWSClient({
    url: wsURL(),
    lazy: true,
    retryAttempts: Infinity,
    // Exponential back-off with jitter, capped at 10 s: a restarting server
    // is not stormed by every open tab.
    retryWait: (retries) =>
      new Promise((r) => setTimeout(r, Math.min(10_000, 500 * 2 ** retries) * (0.5 + Math.random()))),
    shouldRetry: shouldReconnect,
    on: {
      closed(event) {
        if (closeCode(event) === CLOSE_UNAUTHORIZED) onUnauthenticated();
      },
    },
    ...ws,
  });
  const client = new Client({
    url: "/query",
    preferGetMethod: false,
    // Plain JSON answers only: urql's default Accept also lists
    // text/event-stream, and the server then answers a mutation as an SSE
    // stream whose headers are sent before the resolver runs, so the session
    // cookie of login/register/logout never reaches the browser.
    fetchOptions: { credentials: "same-origin", headers: { "Content-Type": "application/json", Accept: "application/json" } },
    requestPolicy: "cache-and-network",
    exchanges: [
      mapExchange({
        onError(error) {
          if (isUnauthenticated(error)) onUnauthenticated();
        },
      }),
      cacheExchange(cacheConfig),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query || "" };
          return {
            subscribe(sink) {
              const unsubscribe = wsClient.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
  return { client, dispose: () => void wsClient.dispose() };
}
