import { describe, expect, it } from "vitest";
import { chatReducer, emptyChat, messagesOf, streamAfter, type ChatState, type StoredMessage, type StreamEvent } from "./stream";

function msg(id: string, more: Partial<StoredMessage> = {}): StoredMessage {
  return {
    id,
    role: "assistant",
    status: "complete",
    content: "",
    error: "",
    createdAt: "2026-12-06T05:00:00Z",
    authorUser: null,
    authorAgent: { id: "a1", handle: "helper", displayName: "Helper", avatarColor: "" },
    ...more,
  };
}

function ev(messageId: string, delta: string, more: Partial<StreamEvent> = {}): StreamEvent {
  return { messageId, delta, status: "streaming", reset: false, message: null, ...more };
}

function run(state: ChatState, ...events: StreamEvent[]): ChatState {
  return events.reduce((s, event) => chatReducer(s, { type: "event", event }), state);
}

describe("chatReducer: stream events", () => {
  it("starts a message, appends deltas and ends with the stored content", () => {
    let s = run(emptyChat, ev("m1", "", { reset: true, message: msg("m1", { status: "streaming" }) }), ev("m1", "w1 "), ev("m1", "w2 "));
    expect(s.byId.m1.text).toBe("w1 w2 ");
    expect(s.byId.m1.status).toBe("streaming");
    s = run(s, ev("m1", "w3 ", { status: "complete", message: msg("m1", { content: "w1 w2 w3 " }) }));
    expect(s.byId.m1.text).toBe("w1 w2 w3 ");
    expect(s.byId.m1.status).toBe("complete");
    expect(s.ids).toEqual(["m1"]);
  });

  it("does not double the text when a reset event follows the deltas already held", () => {
    const s = run(
      emptyChat,
      ev("m1", "", { reset: true, message: msg("m1", { status: "streaming" }) }),
      ev("m1", "w1 "),
      ev("m1", "w2 "),
      // A resubscription: the whole text so far, then the rest.
      ev("m1", "w1 w2 ", { reset: true }),
      ev("m1", "w3 "),
    );
    expect(s.byId.m1.text).toBe("w1 w2 w3 ");
  });

  it("follows the status of each event, keeping the partial text of a cancelled answer", () => {
    const s = run(
      emptyChat,
      ev("m1", "w1 ", { reset: true, message: msg("m1", { status: "streaming" }) }),
      ev("m1", "w2 "),
      ev("m1", "", { status: "cancelled", message: msg("m1", { status: "cancelled", content: "w1 w2 " }) }),
    );
    expect(s.byId.m1).toMatchObject({ status: "cancelled", text: "w1 w2 " });
  });

  it("takes the error of an answer that failed", () => {
    const s = run(
      emptyChat,
      ev("m1", "", { reset: true, message: msg("m1", { status: "streaming" }) }),
      ev("m1", "", { status: "error", message: msg("m1", { status: "error", error: "the provider answered 503: provider overloaded" }) }),
    );
    expect(s.byId.m1).toMatchObject({ status: "error", error: "the provider answered 503: provider overloaded", text: "" });
  });

  it("starts over an answer written again, clearing its error", () => {
    let s = chatReducer(emptyChat, { type: "load", messages: [msg("m1", { status: "error", error: "boom", content: "" })] });
    s = run(s, ev("m1", "", { reset: true, message: msg("m1", { status: "streaming" }) }), ev("m1", "again"));
    expect(s.byId.m1).toMatchObject({ status: "streaming", error: "", text: "again" });
  });

  it("adds messages others send, in the order they arrive", () => {
    const s = run(
      chatReducer(emptyChat, { type: "load", messages: [msg("m1", { content: "old" })] }),
      ev("m2", "hi @helper", { reset: true, status: "complete", message: msg("m2", { role: "user", content: "hi @helper", authorAgent: null, authorUser: { id: "u1", name: "Ada" } }) }),
      ev("m3", "", { reset: true, message: msg("m3", { status: "streaming" }) }),
    );
    expect(messagesOf(s).map((m) => [m.id, m.role, m.text])).toEqual([
      ["m1", "assistant", "old"],
      ["m2", "user", "hi @helper"],
      ["m3", "assistant", ""],
    ]);
  });

  it("keeps a delta of a message not seen yet, as an answer", () => {
    const s = run(emptyChat, ev("m9", "part"));
    expect(s.byId.m9).toMatchObject({ role: "assistant", text: "part", status: "streaming" });
  });

  it("repeats of whole messages change nothing", () => {
    const whole = ev("m2", "hello", { reset: true, status: "complete", message: msg("m2", { content: "hello" }) });
    const s = run(emptyChat, whole, whole);
    expect(s.ids).toEqual(["m2"]);
    expect(s.byId.m2.text).toBe("hello");
  });
});

describe("chatReducer: mutation answers", () => {
  it("adds a sent message and its replies unless the stream brought them first", () => {
    let s = run(emptyChat, ev("r1", "", { reset: true, message: msg("r1", { status: "streaming" }) }), ev("r1", "w1 "));
    s = chatReducer(s, { type: "added", message: msg("u1", { role: "user", content: "hi" }) });
    s = chatReducer(s, { type: "added", message: msg("r1", { status: "streaming", content: "" }) });
    expect(s.byId.r1.text).toBe("w1 ");
    expect(s.ids).toEqual(["r1", "u1"]);
  });

  it("applies a cancel to an answer still streaming, not to one already ended", () => {
    let s = run(emptyChat, ev("r1", "w1 ", { reset: true, message: msg("r1", { status: "streaming" }) }));
    s = chatReducer(s, { type: "ended", message: msg("r1", { status: "cancelled", content: "w1 " }) });
    expect(s.byId.r1).toMatchObject({ status: "cancelled", text: "w1 " });
    const done = run(emptyChat, ev("r2", "all", { reset: true, status: "complete", message: msg("r2", { content: "all" }) }));
    expect(chatReducer(done, { type: "ended", message: msg("r2", { status: "cancelled", content: "a" }) })).toBe(done);
  });
});

describe("streamAfter", () => {
  it("is the last message when none is being written", () => {
    const s = chatReducer(emptyChat, { type: "load", messages: [msg("m1"), msg("m2")] });
    expect(streamAfter(s)).toBe("m2");
  });

  it("is the message before the first one being written", () => {
    const s = chatReducer(emptyChat, {
      type: "load",
      messages: [msg("m1"), msg("m2", { status: "streaming" }), msg("m3"), msg("m4", { status: "streaming" })],
    });
    expect(streamAfter(s)).toBe("m1");
  });

  it("is undefined for an empty thread or a first message still being written", () => {
    expect(streamAfter(emptyChat)).toBeUndefined();
    expect(streamAfter(chatReducer(emptyChat, { type: "load", messages: [msg("m1", { status: "streaming" })] }))).toBeUndefined();
  });
});
