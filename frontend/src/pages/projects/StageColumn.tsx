// A stage's column: its name, count and actions (rename, fold, move,
// delete), its cards, and "Add task" at the bottom; and the form that adds
// a stage at the end of the board.
import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { useDroppable } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { Button, ConfirmDialog, ErrorMessage } from "../../components/ui";
import { appError } from "../../lib/errors";
import { useCreateOnce } from "../../lib/createOnce";
import type { Column } from "./board";
import type { BoardActions } from "./Board";
import { CreateStageDocument, CreateTaskDocument, DeleteStageDocument, MoveStageDocument, UpdateStageDocument } from "./documents";
import { TaskCard } from "./TaskCard";

interface ColumnProps {
  col: Column;
  index: number;
  cols: readonly Column[];
  projectId: string;
  canEdit: boolean;
  actions: BoardActions;
  focusId: string | null;
}

export function StageColumn({ col, index, cols, projectId, canEdit, actions, focusId }: ColumnProps) {
  const { stage, tasks } = col;
  const { t } = useTranslation("projects");
  const { setNodeRef } = useDroppable({ id: `stage:${stage.id}`, disabled: !canEdit });
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [, update] = useMutation(UpdateStageDocument);
  const [, moveStageMutation] = useMutation(MoveStageDocument);
  const headingId = `stage-${stage.id}`;

  const toggleFold = () => {
    void update({ input: { id: stage.id, folded: !stage.folded } }).then((res) => {
      const s = res.data?.updateTaskStage.stage;
      if (s) actions.apply({ change: "STAGE_CHANGED", stage: s });
    });
  };

  if (stage.folded) {
    return (
      <section className="board-col folded" aria-labelledby={headingId} ref={setNodeRef}>
        <div className="board-col-head">
          <button
            type="button"
            className="btn btn-sm btn-ghost"
            aria-label={t("stage.unfoldLabel", { name: stage.name })}
            title={t("stage.unfold")}
            onClick={toggleFold}
            disabled={!canEdit}
          >
            <span aria-hidden="true">»</span>
          </button>
          <h2 id={headingId} title={stage.name}>
            {stage.name}
          </h2>
          <span className="board-count" aria-label={t("stage.count", { count: tasks.length })}>
            {tasks.length}
          </span>
        </div>
      </section>
    );
  }

  return (
    <section className="board-col" aria-labelledby={headingId}>
      <div className="board-col-head">
        {renaming ? (
          <RenameStage stageId={stage.id} name={stage.name} actions={actions} onDone={() => setRenaming(false)} />
        ) : (
          <>
            <h2 id={headingId} title={stage.name}>
              {stage.name}
            </h2>
            <span className="board-count" aria-label={t("stage.count", { count: tasks.length })}>
              {tasks.length}
            </span>
            {canEdit && (
              <StageMenu
                name={stage.name}
                first={index === 0}
                last={index === cols.length - 1}
                onRename={() => setRenaming(true)}
                onFold={toggleFold}
                onMove={(d) => moveStage(d)}
                onDelete={() => setDeleting(true)}
              />
            )}
          </>
        )}
      </div>
      <SortableContext id={stage.id} items={tasks.map((task) => task.id)} strategy={verticalListSortingStrategy}>
        <ul className="board-tasks" ref={setNodeRef} aria-label={t("stage.tasks", { name: stage.name })}>
          {tasks.map((task) => (
            <TaskCard key={task.id} task={task} cols={cols} canEdit={canEdit} actions={actions} focus={focusId === task.id} />
          ))}
        </ul>
      </SortableContext>
      {canEdit && <AddTask projectId={projectId} stageId={stage.id} stageName={stage.name} actions={actions} />}
      {deleting && <DeleteStage col={col} cols={cols} actions={actions} onClose={() => setDeleting(false)} />}
    </section>
  );

  // The server announces every stage whose place changed; the board follows those events.
  function moveStage(delta: -1 | 1) {
    void moveStageMutation({ input: { id: stage.id, position: index + delta } });
  }
}

function StageMenu({
  name,
  first,
  last,
  onRename,
  onFold,
  onMove,
  onDelete,
}: {
  name: string;
  first: boolean;
  last: boolean;
  onRename: () => void;
  onFold: () => void;
  onMove: (d: -1 | 1) => void;
  onDelete: () => void;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  const { t } = useTranslation("projects");
  const run = (f: () => void) => () => {
    if (ref.current) ref.current.open = false;
    f();
  };
  return (
    <details className="board-menu" ref={ref}>
      <summary aria-label={t("stage.actionsFor", { name })} title={t("stage.actions")}>
        <span aria-hidden="true">⋯</span>
      </summary>
      <div className="board-menu-list">
        <button type="button" onClick={run(onRename)}>
          {t("stage.rename")}
        </button>
        <button type="button" onClick={run(onFold)}>
          {t("stage.fold")}
        </button>
        <button type="button" disabled={first} onClick={run(() => onMove(-1))}>
          {t("stage.moveLeft")}
        </button>
        <button type="button" disabled={last} onClick={run(() => onMove(1))}>
          {t("stage.moveRight")}
        </button>
        <button type="button" onClick={run(onDelete)}>
          {t("stage.delete")}
        </button>
      </div>
    </details>
  );
}

function RenameStage({ stageId, name, actions, onDone }: { stageId: string; name: string; actions: BoardActions; onDone: () => void }) {
  const [value, setValue] = useState(name);
  const { t } = useTranslation(["projects", "common"]);
  const [{ fetching, error }, update] = useMutation(UpdateStageDocument);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = value.trim();
    if (!n || n === name) return onDone();
    void update({ input: { id: stageId, name: n } }).then((res) => {
      const s = res.data?.updateTaskStage.stage;
      if (s) {
        actions.apply({ change: "STAGE_CHANGED", stage: s });
        onDone();
      }
    });
  };
  return (
    <form className="stack" style={{ gap: "0.35rem", flex: 1 }} onSubmit={submit} aria-label={t("stage.renameForm", { name })}>
      <label className="visually-hidden" htmlFor={`rename-${stageId}`}>
        {t("stage.name")}
      </label>
      <input
        id={`rename-${stageId}`}
        className="input"
        value={value}
        maxLength={100}
        autoFocus
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => e.key === "Escape" && onDone()}
      />
      <ErrorMessage error={error} />
      <div className="row">
        <Button size="sm" type="submit" variant="primary" busy={fetching}>
          {t("common:actions.save")}
        </Button>
        <Button size="sm" onClick={onDone}>
          {t("common:actions.cancel")}
        </Button>
      </div>
    </form>
  );
}

function DeleteStage({ col, cols, actions, onClose }: { col: Column; cols: readonly Column[]; actions: BoardActions; onClose: () => void }) {
  const others = cols.filter((c) => c.stage.id !== col.stage.id);
  const [to, setTo] = useState(others[0]?.stage.id ?? "");
  const [{ fetching, error }, del] = useMutation(DeleteStageDocument);
  const hasTasks = col.tasks.length > 0;
  const { t } = useTranslation("projects");
  return (
    <ConfirmDialog
      open
      title={t("stage.deleteTitle", { name: col.stage.name })}
      confirmLabel={t("stage.delete")}
      danger
      busy={fetching}
      error={error}
      onClose={onClose}
      onConfirm={async () => {
        const res = await del({ input: { id: col.stage.id, moveTasksTo: hasTasks ? to || null : null } });
        if (res.data) {
          actions.apply({ change: "STAGE_DELETED", deletedId: res.data.deleteTaskStage.deletedId });
          onClose();
        }
      }}
    >
      {hasTasks ? (
        others.length > 0 ? (
          <label className="field">
            <span>{t("stage.tasksGoTo", { count: col.tasks.length })}</span>
            <select className="input" value={to} onChange={(e) => setTo(e.target.value)}>
              {others.map((c) => (
                <option key={c.stage.id} value={c.stage.id}>
                  {c.stage.name}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <p>{t("stage.onlyStage")}</p>
        )
      ) : (
        <p>{t("stage.empty")}</p>
      )}
    </ConfirmDialog>
  );
}

function AddTask({ projectId, stageId, stageName, actions }: { projectId: string; stageId: string; stageName: string; actions: BoardActions }) {
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState("");
  const { t } = useTranslation(["projects", "common"]);
  const [{ fetching, error }, create] = useMutation(CreateTaskDocument);
  const once = useCreateOnce();
  if (!open) {
    return (
      <Button size="sm" variant="ghost" onClick={() => setOpen(true)} aria-label={t("stage.addTaskLabel", { name: stageName })}>
        {t("stage.addTaskOpen")}
      </Button>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = title.trim();
    if (!trimmed) return;
    void once(async (idempotencyKey) => {
      const res = await create({ input: { projectId, stageId, title: trimmed, idempotencyKey } });
      const task = res.data?.createTask.task;
      if (task) {
        actions.apply({ change: "TASK_CHANGED", task });
        setTitle("");
      }
      return !!task;
    });
  };
  return (
    <form className="stack" style={{ gap: "0.35rem" }} onSubmit={submit} aria-label={t("stage.newTaskForm", { name: stageName })}>
      <label className="visually-hidden" htmlFor={`new-task-${stageId}`}>
        {t("stage.taskTitle")}
      </label>
      <textarea
        id={`new-task-${stageId}`}
        className="input"
        rows={2}
        value={title}
        maxLength={300}
        autoFocus
        placeholder={t("stage.taskPlaceholder")}
        onChange={(e) => setTitle(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && !e.shiftKey) {
            e.preventDefault();
            e.currentTarget.form?.requestSubmit();
          } else if (e.key === "Escape") setOpen(false);
        }}
      />
      <ErrorMessage message={appError(error)?.message} />
      <div className="row">
        <Button size="sm" type="submit" variant="primary" busy={fetching}>
          {t("stage.addTask")}
        </Button>
        <Button size="sm" onClick={() => setOpen(false)}>
          {t("common:actions.close")}
        </Button>
      </div>
    </form>
  );
}

export function AddStage({ projectId, actions }: { projectId: string; actions: BoardActions }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const { t } = useTranslation(["projects", "common"]);
  const [{ fetching, error }, create] = useMutation(CreateStageDocument);
  const once = useCreateOnce();
  if (!open) {
    return (
      <div className="board-add-stage">
        <Button size="sm" onClick={() => setOpen(true)}>
          {t("stage.addStageOpen")}
        </Button>
      </div>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = name.trim();
    if (!n) return;
    void once(async (idempotencyKey) => {
      const res = await create({ input: { projectId, name: n, idempotencyKey } });
      const s = res.data?.createTaskStage.stage;
      if (s) {
        actions.apply({ change: "STAGE_CHANGED", stage: s });
        setName("");
        setOpen(false);
      }
      return !!s;
    });
  };
  return (
    <form className="board-add-stage card stack" style={{ gap: "0.4rem", padding: "0.6rem" }} onSubmit={submit} aria-label={t("stage.newStageForm")}>
      <label htmlFor={`new-stage-${projectId}`}>{t("stage.name")}</label>
      <input id={`new-stage-${projectId}`} className="input" value={name} maxLength={100} autoFocus onChange={(e) => setName(e.target.value)} />
      <ErrorMessage error={error} />
      <div className="row">
        <Button size="sm" type="submit" variant="primary" busy={fetching}>
          {t("stage.addStage")}
        </Button>
        <Button size="sm" onClick={() => setOpen(false)}>
          {t("common:actions.cancel")}
        </Button>
      </div>
    </form>
  );
}
