// The explorer's fetcher: queries and mutations as JSON POSTs to /query on
// this origin (the HttpOnly session cookie goes along), subscriptions over
// graphql-ws (protocol graphql-transport-ws) on the same path.
import { createGraphiQLFetcher, type Fetcher, type FetcherOpts, type FetcherParams } from "@graphiql/toolkit";
import { Kind, parse, type DocumentNode, type OperationDefinitionNode } from "graphql";
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

/**
 * The request as the query text being sent describes it. GraphiQL reads the
 * query from the editor when Run is pressed, but the operation name and the
 * parsed document from state it updates a moment after each edit: run right
 * after typing and they still describe the previous text (the server then
 * answers "operation ExplorerViewer not found", and a new subscription
 * would go over HTTP). A name the query does not define is replaced by its
 * only operation's name, or dropped when it has several (the server then
 * asks for one). A query that does not parse is sent as it is, for the
 * server's error.
 */
export function currentOperation(params: FetcherParams, opts?: FetcherOpts): [FetcherParams, FetcherOpts | undefined] {
  let doc: DocumentNode;
  try {
    doc = parse(params.query);
  } catch {
    return [params, opts];
  }
  const ops = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  let operationName = params.operationName;
  if (!ops.some((op) => (op.name?.value ?? null) === (operationName ?? null))) {
    operationName = ops.length === 1 ? (ops[0].name?.value ?? null) : null;
  }
  return [{ ...params, operationName }, { ...opts, documentAST: doc }];
}

export function createFetcher(): Fetcher {
  const url = wsURL();
  const wsClient = createClient({
    url,
    lazy: true,
    retryAttempts: 5,
    retryWait: (retries) => new Promise((r) => setTimeout(r, Math.min(10_000, 500 * 2 ** retries))),
  });
  const fetcher = createGraphiQLFetcher({
    url: "/query",
    wsClient: readableErrors(wsClient, url),
    // The server answers with one JSON result (no @defer/@stream).
    enableIncrementalDelivery: false,
    // Lower case: the toolkit sets "content-type" itself, and a second
    // spelling would make fetch send "application/json, application/json".
    headers: { "content-type": "application/json" },
    fetch: (input, init) => fetch(input, { ...init, credentials: "same-origin" }),
  });
  return (params, opts) => fetcher(...currentOperation(params, opts));
}
