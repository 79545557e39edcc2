// The GraphQL client: urql with a normalised cache (graphcache), queries and
// mutations over POST /query, subscriptions over graphql-ws on the same path.
// The session is the HttpOnly cookie the server sets at sign-in, so every
// request and the WebSocket upgrade carry it; nothing here stores a token.
import { Client, fetchExchange, mapExchange, subscriptionExchange } from "urql";
import { cacheExchange } from "@urql/exchange-graphcache";
import { createClient as createWSClient, type Client as WSClient } from "graphql-ws";
import { cacheConfig } from "./cache";
import { isUnauthenticated } from "./errors";

export interface AppClient {
  client: Client;
  dispose(): void;
}

export function wsURL(path = "/query"): string {
  const proto = window.location.protocol === "https:" ? "wss:" : "ws:";
  return `${proto}//${window.location.host}${path}`;
}

/**
 * A fresh client with an empty cache. The app makes a new one when the
 * session changes (sign-in, sign-out), so no data of one account survives
 * into another's and the WebSocket reconnects with the new cookie.
 */
export function createAppClient(onUnauthenticated: () => void): AppClient {
  const ws: WSClient = createWSClient({
    url: wsURL(),
    lazy: true,
    retryAttempts: Infinity,
    // Exponential back-off with jitter, capped at 10 s: a restarting server
    // is not stormed by every open tab.
    retryWait: (retries) =>
      new Promise((r) => setTimeout(r, Math.min(10_000, 500 * 2 ** retries) * (0.5 + Math.random()))),
    shouldRetry: () => true,
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
              const unsubscribe = ws.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
  return { client, dispose: () => void ws.dispose() };
}
