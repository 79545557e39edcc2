// A task's detail (a dialog over the board): its fields, editable by those
// who may, delete, and its chat.
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import type { TaskPriority } from "../../gql/graphql";
import { Button, ErrorMessage, Field } from "../../components/ui";
import { fieldErrors, formError } from "../../lib/errors";
import { deadlineDay, parseTags, type BoardTask, type Priority } from "./board";
import type { BoardActions } from "./Board";
import { DeleteTaskDocument, UpdateTaskDocument } from "./documents";
import { TaskMeta } from "./TaskCard";
import { TaskChat } from "./TaskChat";

const WorkspaceMembersDocument = graphql(`
  query BoardWorkspaceMembers($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Workspace {
        members(first: 100) {
          edges {
            node {
              id
              user {
                id
                name
              }
            }
          }
        }
      }
    }
  }
`);

const priorities: Priority[] = ["low", "normal", "high", "urgent"];

export function TaskDetail({
  task,
  workspaceId,
  canEdit,
  actions,
  onClose,
}: {
  task: BoardTask;
  workspaceId: string;
  canEdit: boolean;
  actions: BoardActions;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { t } = useTranslation(["projects", "common"]);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal?.();
  }, []);
  return (
    <dialog ref={ref} className="dialog task-dialog" aria-labelledby={titleId} onClose={onClose} onCancel={onClose}>
      <div className="stack">
        <div className="row" style={{ alignItems: "flex-start", flexWrap: "nowrap" }}>
          <h2 id={titleId} style={{ margin: 0, flex: 1, minWidth: 0, overflowWrap: "anywhere" }}>
            {task.title}
          </h2>
          <Button size="sm" variant="ghost" onClick={onClose}>
            {t("common:actions.close")}
          </Button>
        </div>
        {canEdit ? (
          <TaskForm task={task} workspaceId={workspaceId} actions={actions} onDeleted={onClose} />
        ) : (
          <div className="stack" style={{ gap: "0.5rem" }}>
            <TaskMeta task={task} />
            {task.description ? (
              <p style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere", margin: 0 }}>{task.description}</p>
            ) : (
              <p className="muted" style={{ margin: 0 }}>
                {t("detail.noDescription")}
              </p>
            )}
          </div>
        )}
        <TaskChat taskId={task.id} canChat={canEdit} />
      </div>
    </dialog>
  );
}

function TaskForm({ task, workspaceId, actions, onDeleted }: { task: BoardTask; workspaceId: string; actions: BoardActions; onDeleted: () => void }) {
  const [title, setTitle] = useState(task.title);
  const { t } = useTranslation("projects");
  const [description, setDescription] = useState(task.description ?? "");
  const [priority, setPriority] = useState<Priority>(task.priority);
  const [deadline, setDeadline] = useState(deadlineDay(task.deadline));
  const [assignee, setAssignee] = useState(task.assignee?.id ?? "");
  const [tags, setTags] = useState(task.tags.join(", "));
  const [saved, setSaved] = useState(false);
  const [{ fetching, error }, update] = useMutation(UpdateTaskDocument);
  const [del, remove] = useMutation(DeleteTaskDocument);
  const [confirming, setConfirming] = useState(false);
  const [{ data: membersData }] = useQuery({ query: WorkspaceMembersDocument, variables: { id: workspaceId } });
  const members =
    membersData?.node?.__typename === "Workspace"
      ? (membersData.node.members.edges ?? []).flatMap((e) => (e?.node ? [e.node.user] : []))
      : [];
  const server = fieldErrors(error);
  const other = formError(error, ["title", "description", "assigneeId", "deadline", "priority", "tags"]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const trimmed = title.trim();
    if (!trimmed) return;
    void update({
      input: {
        id: task.id,
        title: trimmed,
        description,
        priority: priority as TaskPriority,
        tags: parseTags(tags),
        ...(deadline ? { deadline: `${deadline}T00:00:00Z` } : { clearDeadline: true }),
        ...(assignee ? { assigneeId: assignee } : { clearAssignee: true }),
      },
    }).then((res) => {
      const updated = res.data?.updateTask.task;
      if (updated) {
        actions.apply({ change: "TASK_CHANGED", task: updated });
        setSaved(true);
      }
    });
  };

  return (
    <form className="stack" onSubmit={submit} aria-label={t("detail.form")} noValidate>
      <Field label={t("detail.title")} required error={server.title}>
        {(p) => <input {...p} className="input" value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <Field label={t("detail.description")} error={server.description}>
        {(p) => <textarea {...p} className="input" rows={4} value={description} onChange={(e) => setDescription(e.target.value)} />}
      </Field>
      <div className="task-fields">
        <Field label={t("detail.priority")} error={server.priority}>
          {(p) => (
            <select {...p} className="input" value={priority} onChange={(e) => setPriority(e.target.value as Priority)}>
              {priorities.map((x) => (
                <option key={x} value={x}>
                  {t(`priority.${x}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("detail.dueDate")} error={server.deadline}>
          {(p) => <input {...p} type="date" className="input" value={deadline} onChange={(e) => setDeadline(e.target.value)} />}
        </Field>
        <Field label={t("detail.assignee")} error={server.assigneeId}>
          {(p) => (
            <select {...p} className="input" value={assignee} onChange={(e) => setAssignee(e.target.value)}>
              <option value="">{t("detail.nobody")}</option>
              {task.assignee && !members.some((m) => m.id === task.assignee?.id) && (
                <option value={task.assignee.id}>{task.assignee.name}</option>
              )}
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("detail.tags")} hint={t("detail.tagsHint")} error={server.tags}>
          {(p) => <input {...p} className="input" value={tags} onChange={(e) => setTags(e.target.value)} />}
        </Field>
      </div>
      <ErrorMessage message={other} />
      <ErrorMessage error={del.error} />
      <div className="row">
        <Button type="submit" variant="primary" busy={fetching}>
          {t("detail.save")}
        </Button>
        {saved && !fetching && (
          <span className="muted" role="status">
            {t("detail.saved")}
          </span>
        )}
        <span className="spacer" />
        {confirming ? (
          <>
            <span>{t("detail.confirmDelete")}</span>
            <Button size="sm" onClick={() => setConfirming(false)}>
              {t("detail.keep")}
            </Button>
            <Button
              size="sm"
              variant="danger"
              busy={del.fetching}
              onClick={async () => {
                const res = await remove({ input: { id: task.id } });
                if (res.data) {
                  actions.apply({ change: "TASK_DELETED", deletedId: res.data.deleteTask.deletedId });
                  onDeleted();
                }
              }}
            >
              {t("detail.delete")}
            </Button>
          </>
        ) : (
          <Button size="sm" variant="ghost" onClick={() => setConfirming(true)}>
            {t("detail.deleteOpen")}
          </Button>
        )}
      </div>
    </form>
  );
}
