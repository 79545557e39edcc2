import { parse } from "graphql";
import type { Client, Sink } from "graphql-ws";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createFetcher, currentOperation, readableErrors, subscriptionError, wsURL } from "./fetcher";

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("wsURL", () => {
  it("uses ws: on http and wss: on https, same host", () => {
    expect(wsURL({ protocol: "http:", host: "127.0.0.1:8080" })).toBe("ws://127.0.0.1:8080/query");
    expect(wsURL({ protocol: "https:", host: "paas.example.com" })).toBe("wss://paas.example.com/query");
  });
});

describe("createFetcher", () => {
  it("POSTs JSON to /query on this origin with the session cookie", async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ data: { viewer: null } }), { headers: { "content-type": "application/json" } }));
    vi.stubGlobal("fetch", fetchMock);
    const fetcher = createFetcher();
    const query = "query ExplorerViewer { viewer { id } }";
    const result = await fetcher({ query, operationName: "ExplorerViewer" }, { documentAST: parse(query) });
    expect(result).toEqual({ data: { viewer: null } });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/query");
    expect(init.method).toBe("POST");
    expect(init.credentials).toBe("same-origin");
    // One Content-Type, exactly application/json (the server refuses anything else).
    expect(new Headers(init.headers).get("content-type")).toBe("application/json");
    expect(JSON.parse(String(init.body))).toMatchObject({ query, operationName: "ExplorerViewer" });
  });
});

describe("currentOperation", () => {
  const stale = "query ExplorerViewer { viewer { id } }";

  it("follows the query text when GraphiQL's operation name and document lag behind", () => {
    const query = "{ viewer { email } }";
    const [params, opts] = currentOperation({ query, operationName: "ExplorerViewer" }, { documentAST: parse(stale), headers: { x: "1" } });
    expect(params).toEqual({ query, operationName: null });
    expect(opts?.headers).toEqual({ x: "1" });
    expect(opts?.documentAST?.definitions).toHaveLength(1);
    expect(opts?.documentAST?.loc?.source.body).toBe(query);
  });

  it("keeps a name the query defines, takes the only one, drops a stale one among several", () => {
    const two = "query A { viewer { id } } query B { viewer { email } }";
    expect(currentOperation({ query: two, operationName: "B" })[0].operationName).toBe("B");
    expect(currentOperation({ query: "query Mine { viewer { id } }", operationName: "ExplorerViewer" })[0].operationName).toBe("Mine");
    expect(currentOperation({ query: two, operationName: "ExplorerViewer" })[0].operationName).toBeNull();
  });

  it("sends a query that does not parse as it is", () => {
    const params = { query: "{ viewer {", operationName: "ExplorerViewer" };
    const opts = { documentAST: parse(stale) };
    expect(currentOperation(params, opts)).toEqual([params, opts]);
  });

  it("sends a subscription typed over a query over the WebSocket, not HTTP", async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal("fetch", fetchMock);
    const sockets: string[] = [];
    vi.stubGlobal(
      "WebSocket",
      class {
        constructor(url: string) {
          sockets.push(url);
        }
        addEventListener() {}
        removeEventListener() {}
        close() {}
      },
    );
    const fetcher = createFetcher();
    const query = "subscription Feed { activity(workspaceId: \"W\") { id } }";
    const result = await fetcher({ query, operationName: "ExplorerViewer" }, { documentAST: parse(stale) });
    // The WebSocket fetcher's result is an async iterator; HTTP's a JSON body.
    expect(Symbol.asyncIterator in Object(result)).toBe(true);
    expect(fetchMock).not.toHaveBeenCalled();
    await (result as AsyncGenerator).return(undefined);
  });
});

describe("subscription errors", () => {
  it("keeps GraphQL errors and Errors, explains socket events", () => {
    const gqlErrors = [{ message: "not signed in" }];
    expect(subscriptionError(gqlErrors, "ws://h/query")).toBe(gqlErrors);
    const e = new Error("x");
    expect(subscriptionError(e, "ws://h/query")).toBe(e);
    expect(subscriptionError(new Event("error"), "ws://h/query")).toEqual([
      { message: expect.stringMatching(/^Could not connect to ws:\/\/h\/query for subscriptions/) },
    ]);
    expect(subscriptionError(new CloseEvent("close", { code: 4403, reason: "Forbidden" }), "ws://h/query")).toEqual([
      { message: "The subscription connection closed (4403: Forbidden)." },
    ]);
  });

  it("wraps a graphql-ws client so its sink gets readable errors", () => {
    let captured: Sink | undefined;
    const unsubscribe = vi.fn();
    const fake = { subscribe: (_p: unknown, sink: Sink) => ((captured = sink), unsubscribe), dispose: vi.fn() } as unknown as Client;
    const sink = { next: vi.fn(), error: vi.fn(), complete: vi.fn() };
    const stop = readableErrors(fake, "ws://h/query").subscribe({ query: "subscription { x }" }, sink);
    captured!.next({ data: { x: 1 } });
    captured!.error(new Event("error"));
    expect(sink.next).toHaveBeenCalledWith({ data: { x: 1 } });
    expect(sink.error.mock.calls[0][0]).toEqual([{ message: expect.stringMatching(/^Could not connect/) }]);
    stop();
    expect(unsubscribe).toHaveBeenCalled();
  });
});
