// One message of a thread: who wrote it, its status, its text as Markdown
// (sanitised: components/Markdown), the reason of a failed answer, and the
// Stop and Regenerate actions on answers.
import { useTranslation } from "react-i18next";
import { Markdown } from "../../components/Markdown";
import { Button, RelativeTime, Spinner } from "../../components/ui";
import { i18n } from "../../i18n";
import type { ChatMessage } from "./stream";

const statuses = ["streaming", "complete", "cancelled", "error"] as const;

/** The statuses the app names; another (from a newer server) shows as it comes. */
function knownStatus(status: string): status is (typeof statuses)[number] {
  return (statuses as readonly string[]).includes(status);
}

export function MessageStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation("assistant");
  const cls = status === "error" ? "badge badge-danger" : status === "cancelled" ? "badge badge-warning" : status === "streaming" ? "badge badge-info" : "badge";
  return (
    <span className={cls} data-testid="message-status">
      {status === "streaming" && <Spinner label={t("message.writing")} />}
      {knownStatus(status) ? t(`message.status.${status}`) : status}
    </span>
  );
}

/** The author as shown: the user's name, or the agent's name with its handle. */
export function authorOf(m: Pick<ChatMessage, "role" | "authorUser" | "authorAgent">): { name: string; handle?: string } {
  if (m.authorAgent) return { name: m.authorAgent.displayName, handle: m.authorAgent.handle };
  if (m.authorUser) return { name: m.authorUser.name };
  return { name: i18n.t(m.role === "assistant" ? "assistant:message.agentGone" : "assistant:message.formerMember") };
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
  const { t } = useTranslation("assistant");
  const label = author.handle ? t("message.withHandle", { name: author.name, handle: author.handle }) : author.name;
  return (
    <li
      className={`chat-message ${assistant ? "chat-message-agent" : "chat-message-user"}`}
      data-status={m.status}
      data-message-id={m.id}
      aria-label={t("message.from", { author: label })}
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
        <p className="muted chat-body">{t("message.thinking")}</p>
      ) : null}
      {m.status === "error" && (
        <div className="alert alert-error" role="note">
          {t("message.failed", { reason: (m.error || t("message.noReason")).replace(/[.\s]+$/, "") })}
        </div>
      )}
      {m.status === "cancelled" && <p className="muted chat-note">{t("message.stopped")}</p>}
      {assistant && (actions.onStop || actions.onRegenerate) && (
        <div className="row chat-actions">
          {m.status === "streaming" && actions.onStop && (
            <Button size="sm" busy={busy} onClick={() => actions.onStop?.(m.id)}>
              {t("message.stop")}
            </Button>
          )}
          {(m.status === "error" || m.status === "cancelled") && actions.onRegenerate && (
            <Button size="sm" busy={busy} onClick={() => actions.onRegenerate?.(m.id)}>
              {t("message.regenerate")}
            </Button>
          )}
        </div>
      )}
    </li>
  );
}
