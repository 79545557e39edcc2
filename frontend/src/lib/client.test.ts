// The session's WebSocket: the server closes it with 4401 when the session
// ends (signed out elsewhere, password changed or reset, account disabled).
// The app must then sign out, not reconnect; a server going away (1001) is
// reconnected.
import { afterEach, describe, expect, it, vi } from "vitest";
import { CombinedError } from "urql";
import { parse } from "graphql";
import { createAppClient, shouldReconnect } from "./client";
import { appError, closeCode, isUnauthenticated } from "./errors";

// A plain document: a test's operation is not one of the app's (src/gql).
const Sub = parse("subscription ClientTestActivity($workspaceId: ID!) { activity(workspaceId: $workspaceId) { id } }");

/**
 * A WebSocket speaking graphql-transport-ws: it acknowledges, then closes
 * with `code` once a subscription starts, without completing it (as the
 * server does when a session ends); with `completeFirst`, it ends the
 * subscription (complete) just before closing, as older servers did. A close the client starts completes a tick later, with
 * the server's code when the server's close frame came first (as a browser
 * reports the first close frame received).
 */
function fakeSocket(code: number, { completeFirst = false } = {}) {
  const sockets: FakeWS[] = [];
  class FakeWS {
    static CONNECTING = 0;
    static OPEN = 1;
    static CLOSING = 2;
    static CLOSED = 3;
    readyState = FakeWS.CONNECTING;
    protocol = "graphql-transport-ws";
    onopen: (() => void) | null = null;
    onclose: ((e: { code: number; reason: string; wasClean: boolean }) => void) | null = null;
    onerror: ((e: unknown) => void) | null = null;
    onmessage: ((e: { data: string }) => void) | null = null;
    constructor() {
      sockets.push(this);
      setTimeout(() => {
        this.readyState = FakeWS.OPEN;
        this.onopen?.();
      });
    }
    send(raw: string) {
      const m = JSON.parse(raw) as { type: string; id?: string };
      if (m.type === "connection_init") setTimeout(() => this.onmessage?.({ data: JSON.stringify({ type: "connection_ack" }) }));
      if (m.type === "subscribe")
        setTimeout(() => {
          if (!completeFirst) return this.finish(code, "session ended");
          // The complete and the close frame are both on their way: two
          // events, the close one received whatever the client does meanwhile.
          this.serverClose = code;
          this.onmessage?.({ data: JSON.stringify({ type: "complete", id: m.id }) });
          setTimeout(() => this.finish(code, "session ended"));
        });
    }
    serverClose: number | null = null;
    finish(c: number, reason: string) {
      if (this.readyState === FakeWS.CLOSED) return;
      this.readyState = FakeWS.CLOSED;
      this.onclose?.({ code: c, reason, wasClean: true });
    }
    close(c = 1000, reason = "") {
      if (this.readyState >= FakeWS.CLOSING) return;
      this.readyState = FakeWS.CLOSING;
      setTimeout(() => (this.serverClose !== null ? this.finish(this.serverClose, "session ended") : this.finish(c, reason)));
    }
  }
  return { FakeWS, sockets };
}

const apps: { dispose(): void }[] = [];
afterEach(() => {
  for (const a of apps.splice(0)) a.dispose();
});

describe("the session's WebSocket", () => {
  it("closed with 4401: the app is told the session ended, and does not reconnect", async () => {
    const { FakeWS, sockets } = fakeSocket(4401);
    const onUnauthenticated = vi.fn();
    const app = createAppClient(onUnauthenticated, { webSocketImpl: FakeWS, retryWait: () => Promise.resolve() });
    apps.push(app);
    const results: { error?: CombinedError }[] = [];
    const sub = app.client.subscription(Sub, { workspaceId: "w-1" }).subscribe((r) => results.push(r));
    await vi.waitFor(() => expect(onUnauthenticated).toHaveBeenCalled());
    expect(appError(results.at(-1)?.error)).toEqual({
      code: "UNAUTHENTICATED",
      message: "Your session has ended. Please sign in again.",
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(sockets).toHaveLength(1);
    sub.unsubscribe();
  });

  it("closed with 4401: every running subscription ends with the session's end, none is retried", async () => {
    const { FakeWS, sockets } = fakeSocket(4401);
    const onUnauthenticated = vi.fn();
    const app = createAppClient(onUnauthenticated, { webSocketImpl: FakeWS, retryWait: () => Promise.resolve() });
    apps.push(app);
    const a: { error?: CombinedError }[] = [];
    const b: { error?: CombinedError }[] = [];
    const subA = app.client.subscription(Sub, { workspaceId: "w-1" }).subscribe((r) => a.push(r));
    const subB = app.client.subscription(Sub, { workspaceId: "w-2" }).subscribe((r) => b.push(r));
    await vi.waitFor(() => {
      expect(isUnauthenticated(a.at(-1)?.error)).toBe(true);
      expect(isUnauthenticated(b.at(-1)?.error)).toBe(true);
    });
    expect(onUnauthenticated).toHaveBeenCalled();
    await new Promise((r) => setTimeout(r, 50));
    expect(sockets).toHaveLength(1);
    subA.unsubscribe();
    subB.unsubscribe();
  });

  it("closed with 4401 right after the subscriptions were completed (older servers): the app is told all the same", async () => {
    const { FakeWS, sockets } = fakeSocket(4401, { completeFirst: true });
    const onUnauthenticated = vi.fn();
    const app = createAppClient(onUnauthenticated, { webSocketImpl: FakeWS, retryWait: () => Promise.resolve() });
    apps.push(app);
    const sub = app.client.subscription(Sub, { workspaceId: "w-1" }).subscribe(() => {});
    await vi.waitFor(() => expect(onUnauthenticated).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 50));
    expect(sockets).toHaveLength(1);
    sub.unsubscribe();
  });

  it("closed because the server went away (1001): reconnects", async () => {
    const { FakeWS, sockets } = fakeSocket(1001);
    const onUnauthenticated = vi.fn();
    const app = createAppClient(onUnauthenticated, { webSocketImpl: FakeWS, retryWait: () => Promise.resolve() });
    apps.push(app);
    const sub = app.client.subscription(Sub, { workspaceId: "w-1" }).subscribe(() => {});
    await vi.waitFor(() => expect(sockets.length).toBeGreaterThan(2));
    expect(onUnauthenticated).not.toHaveBeenCalled();
    sub.unsubscribe();
  });

  it("does not reconnect after a refusal (4403), nor is that a signed-out session", () => {
    expect(shouldReconnect({ code: 4403, reason: "Forbidden" })).toBe(false);
    expect(shouldReconnect({ code: 1001, reason: "going away" })).toBe(true);
    expect(shouldReconnect(new Error("network"))).toBe(true);
    const refused = new CombinedError({ networkError: { code: 4403, reason: "Forbidden" } as unknown as Error });
    expect(isUnauthenticated(refused)).toBe(false);
    expect(appError(refused)?.code).toBe("NETWORK");
  });

  it("reads close codes only from close events", () => {
    expect(closeCode({ code: 4401, reason: "" })).toBe(4401);
    expect(closeCode(new Error("x"))).toBeUndefined();
    expect(closeCode(null)).toBeUndefined();
  });
});
