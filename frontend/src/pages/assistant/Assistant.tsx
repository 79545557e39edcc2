// A workspace's assistant: its threads, newest first, and the form that
// starts one (title, the agent that answers when nobody is mentioned, and
// whether it does). Guests read the threads; they do not write.
import { useMemo, useState, type FormEvent } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { useMutation, useQuery } from "urql";
import type {
  AssistantThreadsQuery,
  ThreadFieldsFragment,
} from "../../gql/graphql";
import {
  Button,
  ConfirmDialog,
  EmptyState,
  ErrorMessage,
  Field,
  Loading,
  PageHeader,
  RelativeTime,
} from "../../components/ui";
import { i18n } from "../../i18n";
import { appError, fieldErrors, formError } from "../../lib/errors";
import { useCreateOnce } from "../../lib/createOnce";
import {
  RoleBadge,
  WorkspaceTabs,
  useVisitWorkspace,
} from "../workspaces/parts";
import { WorkspaceNotFound } from "../workspaces/WorkspaceDetail";
import {
  AssistantThreadsDocument,
  CreateThreadDocument,
  DeleteThreadDocument,
  MentionAgentsDocument,
} from "./documents";
import { assistantPath, canChat, canDeleteThread } from "./rules";

type Workspace = NonNullable<AssistantThreadsQuery["workspace"]>;

export function Assistant() {
  const { slug = "" } = useParams();
  const [{ data, fetching, error }] = useQuery({
    query: AssistantThreadsDocument,
    variables: { slug },
  });
  const ws = data?.workspace;
  useVisitWorkspace(ws);
  const { t } = useTranslation("assistant");

  if (!data && fetching) return <Loading label={t("list.loading")} />;
  if (!ws) {
    const e = appError(error);
    if (e && e.code !== "NOT_FOUND") return <ErrorMessage error={error} />;
    return <WorkspaceNotFound />;
  }
  return <Threads ws={ws} />;
}

function Threads({ ws }: { ws: Workspace }) {
  const [starting, setStarting] = useState(false);
  const { t } = useTranslation("assistant");
  const threads = useMemo(
    () => (ws.threads.edges ?? []).flatMap((e) => (e?.node ? [e.node] : [])),
    [ws.threads.edges],
  );
  const writer = canChat(ws);

  return (
    <div className="stack ws-page">
      <PageHeader
        title={
          <span className="truncate" title={ws.name}>
            {ws.name}
          </span>
        }
        description={
          <span className="row" style={{ gap: "0.4rem" }}>
            <RoleBadge role={ws.viewerRole} you />
          </span>
        }
      />
      <WorkspaceTabs slug={ws.slug} />
      <section className="stack" aria-labelledby="assistant-threads">
        <div className="row">
          <h2 id="assistant-threads" style={{ margin: 0 }}>
            {t("list.heading")}
          </h2>
          <div className="spacer" />
          {writer && !starting && (
            <Button
              size="sm"
              variant="primary"
              onClick={() => setStarting(true)}
            >
              {t("list.newThread")}
            </Button>
          )}
        </div>
        {!writer && ws.state === "active" && (
          <p className="muted">{t("list.guest")}</p>
        )}
        {starting && <NewThread ws={ws} onClose={() => setStarting(false)} />}
        {threads.length === 0 ? (
          !starting && (
            <EmptyState title={t("list.emptyTitle")}>
              {writer ? t("list.emptyWriter") : t("list.emptyReader")}
            </EmptyState>
          )
        ) : (
          <ul className="stack thread-list">
            {threads.map((thread) => (
              <ThreadRow
                key={thread.id}
                ws={ws}
                thread={thread}
                canDelete={canDeleteThread(thread)}
              />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

export function threadTitle(t: { title: string }): string {
  return t.title.trim() || i18n.t("assistant:list.untitled");
}

function ThreadRow({
  ws,
  thread,
  canDelete,
}: {
  ws: Workspace;
  thread: ThreadFieldsFragment;
  canDelete: boolean;
}) {
  const [confirm, setConfirm] = useState(false);
  const [{ fetching, error }, remove] = useMutation(DeleteThreadDocument);
  const { t } = useTranslation(["assistant", "common"]);
  const title = threadTitle(thread);
  return (
    <li className="card thread-row">
      <div className="thread-row-main">
        <h3 className="truncate" title={title}>
          <Link to={assistantPath(ws.slug, thread.id)}>{title}</Link>
        </h3>
        <p className="muted ws-meta break">
          {thread.createdBy ? thread.createdBy.name : t("list.someone")}
          {" · "}
          <RelativeTime value={thread.createdAt} />
          {thread.defaultAgent && (
            <>
              {" · "}
              {t(thread.autoReply ? "list.answers" : "list.defaultAgent", { handle: thread.defaultAgent.handle })}
            </>
          )}
        </p>
      </div>
      {canDelete && (
        <Button
          size="sm"
          variant="ghost"
          onClick={() => setConfirm(true)}
          aria-label={t("list.deleteLabel", { title })}
        >
          {t("common:actions.delete")}
        </Button>
      )}
      <ConfirmDialog
        open={confirm}
        title={t("list.deleteTitle")}
        confirmLabel={t("list.deleteConfirm")}
        danger
        busy={fetching}
        error={error}
        onClose={() => setConfirm(false)}
        onConfirm={async () => {
          const res = await remove({ input: { id: thread.id } });
          if (res.data) setConfirm(false);
        }}
      >
        <p>
          <Trans
            t={t}
            i18nKey="list.deleteBody"
            values={{ title }}
            components={{ title: <span className="break" /> }}
          />
        </p>
      </ConfirmDialog>
    </li>
  );
}

function NewThread({ ws, onClose }: { ws: Workspace; onClose: () => void }) {
  const navigate = useNavigate();
  const { t } = useTranslation(["assistant", "common"]);
  const [{ data: agentsData }] = useQuery({ query: MentionAgentsDocument });
  const agents = useMemo(
    () => (agentsData?.aiAgents ?? []).filter((a) => a.active),
    [agentsData],
  );
  const fallback = agents.find((a) => a.isDefault)?.id ?? "";
  const [title, setTitle] = useState("");
  const [agentId, setAgentId] = useState<string | null>(null);
  const [autoReply, setAutoReply] = useState(true);
  const [{ fetching, error }, create] = useMutation(CreateThreadDocument);
  const once = useCreateOnce();
  const fields = fieldErrors(error);
  const chosen = agentId ?? fallback;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void once(async (idempotencyKey) => {
      const res = await create({
        input: {
          workspaceId: ws.id,
          title: title.trim(),
          defaultAgentId: chosen || null,
          autoReply: !!chosen && autoReply,
          idempotencyKey,
        },
      });
      const thread = res.data?.createThread.thread;
      if (!thread) return false;
      navigate(assistantPath(ws.slug, thread.id));
      return true;
    });
  };

  return (
    <form
      className="card stack"
      onSubmit={submit}
      noValidate
      aria-label={t("new.form")}
    >
      <Field
        label={t("new.title")}
        error={fields.title}
        hint={t("new.titleHint")}
      >
        {(p) => (
          <input
            {...p}
            className="input"
            value={title}
            maxLength={200}
            autoComplete="off"
            onChange={(e) => setTitle(e.target.value)}
          />
        )}
      </Field>
      <Field
        label={t("new.defaultAgent")}
        error={fields.defaultAgentId}
        hint={t("new.defaultAgentHint")}
      >
        {(p) => (
          <select
            {...p}
            className="input"
            value={chosen}
            onChange={(e) => setAgentId(e.target.value)}
          >
            <option value="">{t("new.none")}</option>
            {agents.map((a) => (
              <option key={a.id} value={a.id}>
                {t("new.agentOption", { name: a.displayName, handle: a.handle })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={autoReply && !!chosen}
          disabled={!chosen}
          onChange={(e) => setAutoReply(e.target.checked)}
        />
        {t("new.autoReply")}
      </label>
      <ErrorMessage message={formError(error, ["title", "defaultAgentId"])} />
      <div className="row">
        <Button type="submit" variant="primary" busy={fetching}>
          {fetching ? t("new.starting") : t("new.start")}
        </Button>
        <Button onClick={onClose} disabled={fetching}>
          {t("common:actions.cancel")}
        </Button>
      </div>
    </form>
  );
}
