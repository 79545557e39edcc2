// A task's chat: the thread's last 50 messages, new ones and answers as
// they are written (messageStream), and a simple composer.
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { createRequest, useClient, useMutation, useQuery } from "urql";
import { pipe, subscribe } from "wonka";
import { graphql } from "../../gql";
import { Button, ErrorMessage, Loading } from "../../components/ui";
import { Markdown } from "../../components/Markdown";
import { useCreateOnce } from "../../lib/createOnce";
import { applyStreamEvent, type ChatMessage } from "./chat";

const TaskThreadDocument = graphql(`
  query BoardTaskThread($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Task {
        thread {
          id
          messages(last: 50) {
            edges {
              node {
                ...BoardChatMessage
              }
            }
          }
        }
      }
    }
  }
`);

export const BoardChatMessageFragment = graphql(`
  fragment BoardChatMessage on AIMessage {
    id
    role
    content
    status
    error
    authorUser {
      name
    }
    authorAgent {
      handle
      displayName
    }
  }
`);

const TaskMessageStreamDocument = graphql(`
  subscription BoardMessageStream($threadId: ID!, $after: ID) {
    messageStream(threadId: $threadId, after: $after) {
      messageId
      delta
      status
      reset
      message {
        ...BoardChatMessage
      }
    }
  }
`);

const SendMessageDocument = graphql(`
  mutation BoardSendMessage($input: SendMessageInput!) {
    sendMessage(input: $input) {
      message {
        ...BoardChatMessage
      }
    }
  }
`);

export function TaskChat({ taskId, canChat }: { taskId: string; canChat: boolean }) {
  const [{ data, fetching, error }] = useQuery({ query: TaskThreadDocument, variables: { id: taskId }, requestPolicy: "network-only" });
  const thread = data?.node?.__typename === "Task" ? data.node.thread : null;
  const { t } = useTranslation("projects");
  return (
    <section className="stack" aria-labelledby={`chat-${taskId}`} style={{ gap: "0.6rem" }}>
      <h3 id={`chat-${taskId}`} style={{ margin: 0 }}>
        {t("chat.heading")}
      </h3>
      {!data && fetching ? (
        <Loading label={t("chat.loading")} />
      ) : error && !data ? (
        <ErrorMessage error={error} />
      ) : !thread ? (
        <p className="muted">{t("chat.none")}</p>
      ) : (
        <Thread
          key={thread.id}
          threadId={thread.id}
          initial={(thread.messages.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []))}
          canChat={canChat}
        />
      )}
    </section>
  );
}

function Thread({ threadId, initial, canChat }: { threadId: string; initial: ChatMessage[]; canChat: boolean }) {
  const [messages, setMessages] = useState<ChatMessage[]>(initial);
  const [after] = useState(() => initial[initial.length - 1]?.id);
  const client = useClient();
  const { t } = useTranslation("projects");
  useEffect(() => {
    const sub = pipe(
      client.executeSubscription(createRequest(TaskMessageStreamDocument, { threadId, after })),
      subscribe((res) => {
        const ev = res.data?.messageStream;
        if (ev) setMessages((ms) => applyStreamEvent(ms, ev));
      }),
    );
    return () => sub.unsubscribe();
  }, [client, threadId, after]);

  return (
    <>
      {messages.length === 0 ? (
        <p className="muted" style={{ margin: 0 }}>
          {t("chat.noMessages")}
        </p>
      ) : (
        <ol className="task-chat-list" aria-label={t("chat.messages")} aria-live="polite">
          {messages.map((m) => (
            <li key={m.id}>
              <div className="task-chat-author">
                {m.authorUser?.name ?? m.authorAgent?.displayName ?? m.authorAgent?.handle ?? m.role}
                {m.status === "streaming" && t("chat.writing")}
              </div>
              <Markdown source={m.content} />
              {m.status === "error" && (
                <p className="error" style={{ margin: 0 }}>
                  {m.error || t("chat.failed")}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
      {canChat && <Composer threadId={threadId} onSent={(m) => setMessages((ms) => applyStreamEvent(ms, { messageId: m.id, delta: m.content, reset: true, status: m.status, message: m }))} />}
    </>
  );
}

function Composer({ threadId, onSent }: { threadId: string; onSent: (m: ChatMessage) => void }) {
  const [text, setText] = useState("");
  const { t } = useTranslation("projects");
  const [{ fetching, error }, send] = useMutation(SendMessageDocument);
  const once = useCreateOnce();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const content = text.trim();
    if (!content) return;
    void once(async (idempotencyKey) => {
      const res = await send({ input: { threadId, content, idempotencyKey } });
      const m = res.data?.sendMessage.message;
      if (m) {
        onSent(m);
        setText("");
      }
      return !!m;
    });
  };
  return (
    <form className="stack" style={{ gap: "0.4rem" }} onSubmit={submit} aria-label={t("chat.form")}>
      <label className="visually-hidden" htmlFor={`msg-${threadId}`}>
        {t("chat.message")}
      </label>
      <textarea
        id={`msg-${threadId}`}
        className="input"
        rows={2}
        value={text}
        placeholder={t("chat.placeholder")}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            e.currentTarget.form?.requestSubmit();
          }
        }}
      />
      <ErrorMessage error={error} />
      <div className="row">
        <Button type="submit" size="sm" variant="primary" busy={fetching}>
          {t("chat.send")}
        </Button>
      </div>
    </form>
  );
}
