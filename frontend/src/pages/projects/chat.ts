// A task chat's messages as a list, kept up to date from messageStream
// events: text = reset ? delta : text + delta; the stored message, when an
// event carries one, brings the rest (author, status, error).

export interface ChatMessage {
  id: string;
  role: string;
  content: string;
  status: string;
  error: string;
  authorUser?: { name: string } | null;
  authorAgent?: { handle: string; displayName: string } | null;
}

export interface StreamEvent {
  messageId: string;
  delta: string;
  status: string;
  reset: boolean;
  message?: ChatMessage | null;
}

export function applyStreamEvent(messages: readonly ChatMessage[], ev: StreamEvent): ChatMessage[] {
  const i = messages.findIndex((m) => m.id === ev.messageId);
  const old = i >= 0 ? messages[i] : undefined;
  const text = ev.reset || !old ? ev.delta : old.content + ev.delta;
  const base: ChatMessage = ev.message ?? old ?? { id: ev.messageId, role: "assistant", content: "", status: ev.status, error: "" };
  const next: ChatMessage = { ...base, content: text, status: ev.status };
  if (i < 0) return [...messages, next];
  const out = messages.slice();
  out[i] = next;
  return out;
}
