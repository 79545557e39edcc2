// One message of a thread: who wrote it, its status, its text as Markdown
// (sanitised: components/Markdown), the reason of a failed answer, and the
// Stop and Regenerate actions on answers.
import { Markdown } from "../../components/Markdown";
import { Button, RelativeTime, Spinner } from "../../components/ui";
import type { ChatMessage } from "./stream";

const statusLabels: Record<string, string> = {
  streaming: "Writing",
  complete: "Complete",
  cancelled: "Cancelled",
  error: "Error",
};

export function MessageStatusBadge({ status }: { status: string }) {
  const cls = status === "error" ? "badge badge-danger" : status === "cancelled" ? "badge badge-warning" : status === "streaming" ? "badge badge-info" : "badge";
  return (
    <span className={cls} data-testid="message-status">
      {status === "streaming" && <Spinner label="Writing…" />}
      {statusLabels[status] ?? status}
    </span>
  );
}

/** The author as shown: the user's name, or the agent's name with its handle. */
export function authorOf(m: Pick<ChatMessage, "role" | "authorUser" | "authorAgent">): { name: string; handle?: string } {
  if (m.authorAgent) return { name: m.authorAgent.displayName, handle: m.authorAgent.handle };
  if (m.authorUser) return { name: m.authorUser.name };
  return { name: m.role === "assistant" ? "An agent no longer here" : "A former member" };
}

export interface MessageActions {
  onStop?(id: string): void;
  onRegenerate?(id: string): void;
  /** The id of the message an action is running on. */
  busyId?: string | null;
}

export function MessageItem({ m, actions }: { m: ChatMessage; actions: MessageActions }) {
  const author = authorOf(m);
  const assistant = m.role === "assistant";
  const busy = actions.busyId === m.id;
  const label = `${author.name}${author.handle ? ` (@${author.handle})` : ""}`;
  return (
    <li
      className={`chat-message ${assistant ? "chat-message-agent" : "chat-message-user"}`}
      data-status={m.status}
      data-message-id={m.id}
      aria-label={`Message from ${label}`}
    >
      <div className="chat-message-head">
        <span className="chat-author truncate" title={label}>
          <strong>{author.name}</strong>
          {author.handle && <span className="muted"> @{author.handle}</span>}
        </span>
        {(assistant || m.status !== "complete") && <MessageStatusBadge status={m.status} />}
        <span className="muted chat-time">
          <RelativeTime value={m.createdAt} />
        </span>
      </div>
      {m.text ? (
        <Markdown source={m.text} className="chat-body" />
      ) : m.status === "streaming" ? (
        <p className="muted chat-body">Thinking…</p>
      ) : null}
      {m.status === "error" && (
        <div className="alert alert-error" role="note">
          This answer failed: {(m.error || "the provider gave no reason").replace(/[.\s]+$/, "")}.
        </div>
      )}
      {m.status === "cancelled" && <p className="muted chat-note">Stopped before the end.</p>}
      {assistant && (actions.onStop || actions.onRegenerate) && (
        <div className="row chat-actions">
          {m.status === "streaming" && actions.onStop && (
            <Button size="sm" busy={busy} onClick={() => actions.onStop?.(m.id)}>
              Stop
            </Button>
          )}
          {(m.status === "error" || m.status === "cancelled") && actions.onRegenerate && (
            <Button size="sm" busy={busy} onClick={() => actions.onRegenerate?.(m.id)}>
              Regenerate
            </Button>
          )}
        </div>
      )}
    </li>
  );
}
