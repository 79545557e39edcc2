// The explorer's fetcher: queries and mutations as JSON POSTs to /query on
// this origin (the HttpOnly session cookie goes along), subscriptions over
// graphql-ws (protocol graphql-transport-ws) on the same path.
import { createGraphiQLFetcher, type Fetcher } from "@graphiql/toolkit";
import { createClient, type Client, type Sink } from "graphql-ws";

export function wsURL(loc: Pick<Location, "protocol" | "host"> = window.location, path = "/query"): string {
  return `${loc.protocol === "https:" ? "wss:" : "ws:"}//${loc.host}${path}`;
}

/**
 * What the response pane shows when a subscription fails: GraphQL errors as
 * they are, a socket that could not connect or closed as a sentence (the
 * browser gives a bare Event, which GraphiQL would print as
 * `{"isTrusted": true}`), in the shape of GraphQL errors so no stack trace
 * is shown.
 */
export function subscriptionError(err: unknown, url: string): unknown {
  if (Array.isArray(err) || err instanceof Error) return err;
  if (typeof CloseEvent !== "undefined" && err instanceof CloseEvent) {
    return [{ message: `The subscription connection closed (${err.code}${err.reason ? `: ${err.reason}` : ""}).` }];
  }
  if (typeof Event !== "undefined" && err instanceof Event) {
    return [{ message: `Could not connect to ${url} for subscriptions. Check your connection and reload the page.` }];
  }
  return err;
}

/** A graphql-ws client whose errors read well in GraphiQL's response pane. */
export function readableErrors(client: Client, url: string): Client {
  return {
    ...client,
    subscribe(payload, sink: Sink) {
      return client.subscribe(payload, {
        next: (v) => sink.next(v),
        complete: () => sink.complete(),
        error: (e) => sink.error(subscriptionError(e, url)),
      });
    },
  } as Client;
}

export function createFetcher(): Fetcher {
  const url = wsURL();
  const wsClient = createClient({
    url,
    lazy: true,
    retryAttempts: 5,
    retryWait: (retries) => new Promise((r) => setTimeout(r, Math.min(10_000, 500 * 2 ** retries))),
  });
  return createGraphiQLFetcher({
    url: "/query",
    wsClient: readableErrors(wsClient, url),
    // The server answers with one JSON result (no @defer/@stream).
    enableIncrementalDelivery: false,
    // Lower case: the toolkit sets "content-type" itself, and a second
    // spelling would make fetch send "application/json, application/json".
    headers: { "content-type": "application/json" },
    fetch: (input, init) => fetch(input, { ...init, credentials: "same-origin" }),
  });
}
