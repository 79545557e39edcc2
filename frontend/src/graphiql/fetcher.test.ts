import { parse } from "graphql";
import type { Client, Sink } from "graphql-ws";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createFetcher, readableErrors, subscriptionError, wsURL } from "./fetcher";

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
