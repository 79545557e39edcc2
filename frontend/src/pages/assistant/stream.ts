// The chat's messages, kept from the thread's first page and then from the
// messageStream subscription. Each message keeps its text: an event with
// reset starts it over with delta, any other continues it; status is the
// message's status after the event; the stored message, on the events that
// start and end one, brings its author, its error and (once it ended) its
// final content. Events may repeat what is held already (a reconnect, the
// whole text so far after deltas): the rules above never double the text.
import type { AiMessageStatus, ChatMessageFieldsFragment } from "../../gql/graphql";

export type StoredMessage = ChatMessageFieldsFragment;

/** A message as the chat shows it: the stored fields, with its text so far. */
export interface ChatMessage extends StoredMessage {
  text: string;
}

export interface ChatState {
  /** Message ids, oldest first (the order they were first seen). */
  ids: string[];
  byId: Record<string, ChatMessage>;
}

export interface StreamEvent {
  messageId: string;
  delta: string;
  status: AiMessageStatus;
  reset: boolean;
  message?: StoredMessage | null;
}

export type ChatAction =
  | { type: "load"; messages: readonly StoredMessage[] }
  | { type: "event"; event: StreamEvent }
  /** A message a mutation answered (sendMessage): added if the stream has not brought it yet. */
  | { type: "added"; message: StoredMessage }
  /** A message a mutation ended (cancelGeneration): applied to one still streaming. */
  | { type: "ended"; message: StoredMessage };

export const emptyChat: ChatState = { ids: [], byId: {} };

function fromStored(m: StoredMessage): ChatMessage {
  return { ...m, text: m.content };
}

function put(state: ChatState, m: ChatMessage): ChatState {
  const known = m.id in state.byId;
  return { ids: known ? state.ids : [...state.ids, m.id], byId: { ...state.byId, [m.id]: m } };
}

export function chatReducer(state: ChatState, action: ChatAction): ChatState {
  switch (action.type) {
    case "load": {
      let next = emptyChat;
      for (const m of action.messages) next = put(next, fromStored(m));
      return next;
    }
    case "added":
      return action.message.id in state.byId ? state : put(state, fromStored(action.message));
    case "ended": {
      const held = state.byId[action.message.id];
      if (held && held.status !== "streaming") return state;
      const m = fromStored(action.message);
      // The author as held when the answer could not name it.
      return put(state, { ...m, authorUser: m.authorUser ?? held?.authorUser ?? null, authorAgent: m.authorAgent ?? held?.authorAgent ?? null });
    }
    case "event":
      return applyEvent(state, action.event);
  }
}

function applyEvent(state: ChatState, ev: StreamEvent): ChatState {
  const held = state.byId[ev.messageId];
  const base: ChatMessage =
    held ??
    (ev.message
      ? fromStored(ev.message)
      : // A piece of a message not seen yet (its first event was missed): shown
        // as an answer until its stored message arrives.
        {
          id: ev.messageId,
          role: "assistant",
          status: ev.status,
          content: "",
          error: "",
          createdAt: new Date().toISOString(),
          authorUser: null,
          authorAgent: null,
          text: "",
        });
  let text = ev.reset ? ev.delta : (held ? held.text : "") + ev.delta;
  const stored = ev.message ?? null;
  // The end of a message: its stored content is the whole text.
  if (stored && ev.status !== "streaming") text = stored.content;
  const next: ChatMessage = {
    ...base,
    ...(stored ?? {}),
    status: ev.status,
    error: stored ? stored.error : ev.status === "streaming" ? "" : base.error,
    text,
  };
  return put(state, next);
}

/**
 * The `after` of a (re)subscription: the last message held in full, that is
 * the one before the first still being written, or the last one when none
 * is (undefined: none, or the first message is still being written).
 */
export function streamAfter(state: ChatState): string | undefined {
  const i = state.ids.findIndex((id) => state.byId[id].status === "streaming");
  if (i < 0) return state.ids[state.ids.length - 1];
  return i > 0 ? state.ids[i - 1] : undefined;
}

/** The messages in order. */
export function messagesOf(state: ChatState): ChatMessage[] {
  return state.ids.map((id) => state.byId[id]);
}
