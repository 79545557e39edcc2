// A workspace's assistant: its threads, newest first, and the form that
// starts one (title, the agent that answers when nobody is mentioned, and
// whether it does). Guests read the threads; they do not write.
import { useMemo, useState, type FormEvent } from "react";
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

  if (!data && fetching) return <Loading label="Loading the threads…" />;
  if (!ws) {
    const e = appError(error);
    if (e && e.code !== "NOT_FOUND") return <ErrorMessage error={error} />;
    return <WorkspaceNotFound />;
  }
  return <Threads ws={ws} />;
}

function Threads({ ws }: { ws: Workspace }) {
  const [starting, setStarting] = useState(false);
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
            Threads
          </h2>
          <div className="spacer" />
          {writer && !starting && (
            <Button
              size="sm"
              variant="primary"
              onClick={() => setStarting(true)}
            >
              New thread
            </Button>
          )}
        </div>
        {!writer && ws.state === "active" && (
          <p className="muted">
            As a guest you can read the threads; members from the user role up
            write in them.
          </p>
        )}
        {starting && <NewThread ws={ws} onClose={() => setStarting(false)} />}
        {threads.length === 0 ? (
          !starting && (
            <EmptyState title="No threads yet">
              {writer
                ? "Start a thread to ask the workspace's AI agents for help. Mention one with @ to get an answer."
                : "Members start threads with the workspace's AI agents."}
            </EmptyState>
          )
        ) : (
          <ul className="stack thread-list">
            {threads.map((t) => (
              <ThreadRow
                key={t.id}
                ws={ws}
                t={t}
                canDelete={canDeleteThread(t)}
              />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

export function threadTitle(t: { title: string }): string {
  return t.title.trim() || "Untitled thread";
}

function ThreadRow({
  ws,
  t,
  canDelete,
}: {
  ws: Workspace;
  t: ThreadFieldsFragment;
  canDelete: boolean;
}) {
  const [confirm, setConfirm] = useState(false);
  const [{ fetching, error }, remove] = useMutation(DeleteThreadDocument);
  const title = threadTitle(t);
  return (
    <li className="card thread-row">
      <div className="thread-row-main">
        <h3 className="truncate" title={title}>
          <Link to={assistantPath(ws.slug, t.id)}>{title}</Link>
        </h3>
        <p className="muted ws-meta break">
          {t.createdBy ? t.createdBy.name : "Someone"}
          {" · "}
          <RelativeTime value={t.createdAt} />
          {t.defaultAgent && (
            <>
              {" · "}
              {t.autoReply ? "answers: " : "default agent: "}@
              {t.defaultAgent.handle}
            </>
          )}
        </p>
      </div>
      {canDelete && (
        <Button
          size="sm"
          variant="ghost"
          onClick={() => setConfirm(true)}
          aria-label={`Delete thread ${title}`}
        >
          Delete
        </Button>
      )}
      <ConfirmDialog
        open={confirm}
        title="Delete this thread?"
        confirmLabel="Delete thread"
        danger
        busy={fetching}
        error={error}
        onClose={() => setConfirm(false)}
        onConfirm={async () => {
          const res = await remove({ input: { id: t.id } });
          if (res.data) setConfirm(false);
        }}
      >
        <p>
          “<span className="break">{title}</span>” and all its messages are
          deleted for everyone in the workspace.
        </p>
      </ConfirmDialog>
    </li>
  );
}

function NewThread({ ws, onClose }: { ws: Workspace; onClose: () => void }) {
  const navigate = useNavigate();
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
    void once(async () => {
      const res = await create({
        input: {
          workspaceId: ws.id,
          title: title.trim(),
          defaultAgentId: chosen || null,
          autoReply: !!chosen && autoReply,
        },
      });
      const t = res.data?.createThread.thread;
      if (!t) return false;
      navigate(assistantPath(ws.slug, t.id));
      return true;
    });
  };

  return (
    <form
      className="card stack"
      onSubmit={submit}
      noValidate
      aria-label="New thread"
    >
      <Field
        label="Title"
        error={fields.title}
        hint="Optional: what the thread is about."
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
        label="Default agent"
        error={fields.defaultAgentId}
        hint="Answers the messages that mention nobody, when auto-reply is on."
      >
        {(p) => (
          <select
            {...p}
            className="input"
            value={chosen}
            onChange={(e) => setAgentId(e.target.value)}
          >
            <option value="">None</option>
            {agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.displayName} (@{a.handle})
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
        Auto-reply: the default agent answers messages that mention nobody
      </label>
      <ErrorMessage message={formError(error, ["title", "defaultAgentId"])} />
      <div className="row">
        <Button type="submit" variant="primary" busy={fetching}>
          {fetching ? "Starting…" : "Start thread"}
        </Button>
        <Button onClick={onClose} disabled={fetching}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
