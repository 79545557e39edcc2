// One thread: its messages, live (the messageStream subscription), and the
// composer for those who may write. The page loads the newest 100 messages,
// then subscribes from the last one it holds in full: the server sends
// every later message whole, and the whole text so far of each answer
// being written, then the rest; so a reload in the middle of an answer
// shows what was written and goes on.
import { useEffect, useMemo, useReducer, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { createRequest, useClient, useMutation, useQuery, type CombinedError } from "urql";
import { pipe, subscribe } from "wonka";
import type { ThreadFieldsFragment, ThreadPageQuery } from "../../gql/graphql";
import { EmptyState, ErrorMessage, Loading, PageHeader } from "../../components/ui";
import { i18n } from "../../i18n";
import { appError, formError } from "../../lib/errors";
import { useVisitWorkspace, WorkspaceTabs } from "../workspaces/parts";
import { WorkspaceNotFound } from "../workspaces/WorkspaceDetail";
import { threadTitle } from "./Assistant";
import { Composer } from "./Composer";
import {
  CancelGenerationDocument,
  MentionAgentsDocument,
  MessageStreamDocument,
  RegenerateMessageDocument,
  SendMessageDocument,
  ThreadPageDocument,
} from "./documents";
import { authorOf, MessageItem, type MessageActions } from "./MessageItem";
import { assistantPath, canChat } from "./rules";
import { chatReducer, emptyChat, messagesOf, streamAfter, type ChatMessage, type StoredMessage } from "./stream";

type Workspace = NonNullable<ThreadPageQuery["workspace"]>;

export function ThreadPage() {
  const { slug = "", threadId = "" } = useParams();
  // From the server each time: the chat keeps its own state from here on.
  const [{ data, fetching, error }] = useQuery({
    query: ThreadPageDocument,
    variables: { slug, id: threadId },
    requestPolicy: "network-only",
  });
  const ws = data?.workspace;
  useVisitWorkspace(ws);
  const { t } = useTranslation("assistant");

  if (!data && fetching) return <Loading label={t("thread.loading")} />;
  if (!ws) {
    const e = appError(error);
    if (e && e.code !== "NOT_FOUND") return <ErrorMessage error={error} />;
    return <WorkspaceNotFound />;
  }
  const node = data?.node;
  if (node?.__typename !== "AIThread") {
    return (
      <EmptyState
        title={t("thread.notFoundTitle")}
        action={
          <Link to={assistantPath(ws.slug)} className="btn btn-primary">
            {t("thread.notFoundAction")}
          </Link>
        }
      >
        {t("thread.notFoundBody")}
      </EmptyState>
    );
  }
  const messages = (node.messages.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  return <Chat key={node.id} ws={ws} thread={node} initial={messages} />;
}

function Chat({ ws, thread, initial }: { ws: Workspace; thread: ThreadFieldsFragment; initial: StoredMessage[] }) {
  const client = useClient();
  const { t } = useTranslation("assistant");
  const [state, dispatch] = useReducer(chatReducer, initial, (messages) => chatReducer(emptyChat, { type: "load", messages }));
  // Fixed at the first render: what the page loaded. A reconnect asks the
  // same; repeated messages and texts replace what is held (stream.ts).
  const [after] = useState(() => streamAfter(state));
  const [streamError, setStreamError] = useState<CombinedError | null>(null);

  useEffect(() => {
    const request = createRequest(MessageStreamDocument, { threadId: thread.id, after });
    const sub = pipe(
      client.executeSubscription(request),
      subscribe((res) => {
        if (res.error) {
          setStreamError(res.error);
          return;
        }
        setStreamError(null);
        const event = res.data?.messageStream;
        if (event) dispatch({ type: "event", event });
      }),
    );
    return () => sub.unsubscribe();
  }, [client, thread.id, after]);

  const [{ data: agentsData }] = useQuery({ query: MentionAgentsDocument });
  const agents = useMemo(() => agentsData?.aiAgents ?? [], [agentsData]);
  const writer = canChat(ws);
  const messages = messagesOf(state);

  const [{ fetching: sending }, send] = useMutation(SendMessageDocument);
  const [sendError, setSendError] = useState<string | undefined>();
  const [, cancel] = useMutation(CancelGenerationDocument);
  const [, regenerate] = useMutation(RegenerateMessageDocument);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | undefined>();

  const onSend = async (content: string, idempotencyKey: string) => {
    const res = await send({ input: { threadId: thread.id, content, idempotencyKey } });
    const p = res.data?.sendMessage;
    // Stored is stored: an error in a part of the answer (an author that
    // could not be read) does not make the message unsent.
    setSendError(p ? undefined : formError(res.error));
    if (!p) return false;
    for (const message of [p.message, ...p.replies]) dispatch({ type: "added", message });
    return true;
  };

  const actions: MessageActions = writer
    ? {
        busyId,
        async onStop(id) {
          setBusyId(id);
          setActionError(undefined);
          const res = await cancel({ input: { messageId: id } });
          setBusyId(null);
          const m = res.data?.cancelGeneration.message;
          if (m) dispatch({ type: "ended", message: m });
          else setActionError(formError(res.error));
        },
        async onRegenerate(id) {
          setBusyId(id);
          setActionError(undefined);
          // The stream brings the new text (it starts over with a reset).
          const res = await regenerate({ input: { messageId: id } });
          setBusyId(null);
          if (!res.data) setActionError(formError(res.error));
        },
      }
    : {};

  // Follows the conversation: each new message scrolls into view.
  const end = useRef<HTMLDivElement>(null);
  const count = messages.length;
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: "end" });
  }, [count]);

  // For screen readers: a word when the newest message is done (the text
  // itself is not read out piece by piece).
  const last = messages[messages.length - 1];
  const [announcement, setAnnouncement] = useState("");
  const lastDone = last && last.status !== "streaming" ? `${last.id}:${last.status}` : "";
  const seen = useRef(lastDone);
  useEffect(() => {
    if (!last || !lastDone || seen.current === lastDone) return;
    seen.current = lastDone;
    setAnnouncement(announce(last));
  }, [last, lastDone]);

  const title = threadTitle(thread);
  const e = appError(streamError);
  return (
    <div className="stack ws-page chat-page">
      <Link to={assistantPath(ws.slug)} className="back-link">
        {t("thread.back")}
      </Link>
      <PageHeader
        title={
          <span className="truncate" title={title}>
            {title}
          </span>
        }
        description={
          thread.defaultAgent ? (
            <span className="break">
              {t(thread.autoReply ? "thread.autoReply" : "thread.defaultAgent", { handle: thread.defaultAgent.handle })}
            </span>
          ) : (
            t("thread.mention")
          )
        }
      />
      <WorkspaceTabs slug={ws.slug} />
      {streamError && e?.code !== "UNAUTHENTICATED" && (
        <p className="muted" role="status">
          {t("thread.paused", { reason: e?.message ?? "" })}
        </p>
      )}
      {messages.length === 0 ? (
        <EmptyState title={t("thread.emptyTitle")}>
          {writer ? t("thread.emptyWriter") : t("thread.emptyReader")}
        </EmptyState>
      ) : (
        <ol className="chat-messages" aria-label={t("thread.messages")}>
          {messages.map((m) => (
            <MessageItem key={m.id} m={m} actions={actions} />
          ))}
        </ol>
      )}
      <div ref={end} />
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <ErrorMessage message={actionError} />
      {writer ? (
        <Composer
          agents={agents}
          onSend={onSend}
          sending={sending}
          error={sendError}
          defaultHandle={thread.autoReply ? thread.defaultAgent?.handle : null}
        />
      ) : (
        ws.state === "active" && <p className="muted">{t("thread.guest")}</p>
      )}
    </div>
  );
}

/** What a screen reader hears when a message is done. */
export function announce(m: ChatMessage): string {
  const who = authorOf(m).name;
  if (m.role !== "assistant") return i18n.t("assistant:announce.newMessage", { who });
  if (m.status === "error") return i18n.t("assistant:announce.failed", { who });
  if (m.status === "cancelled") return i18n.t("assistant:announce.stopped", { who });
  return i18n.t("assistant:announce.answered", { who });
}
