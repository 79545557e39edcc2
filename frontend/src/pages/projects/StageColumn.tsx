// A stage's column: its name, count and actions (rename, fold, move,
// delete), its cards, and "Add task" at the bottom; and the form that adds
// a stage at the end of the board.
import { useRef, useState, type FormEvent } from "react";
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
            aria-label={`Unfold ${stage.name}`}
            title="Unfold"
            onClick={toggleFold}
            disabled={!canEdit}
          >
            <span aria-hidden="true">»</span>
          </button>
          <h2 id={headingId} title={stage.name}>
            {stage.name}
          </h2>
          <span className="board-count" aria-label={`${tasks.length} tasks`}>
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
            <span className="board-count" aria-label={`${tasks.length} tasks`}>
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
      <SortableContext id={stage.id} items={tasks.map((t) => t.id)} strategy={verticalListSortingStrategy}>
        <ul className="board-tasks" ref={setNodeRef} aria-label={`${stage.name} tasks`}>
          {tasks.map((t) => (
            <TaskCard key={t.id} task={t} cols={cols} canEdit={canEdit} actions={actions} focus={focusId === t.id} />
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
  const run = (f: () => void) => () => {
    if (ref.current) ref.current.open = false;
    f();
  };
  return (
    <details className="board-menu" ref={ref}>
      <summary aria-label={`Actions for stage ${name}`} title="Stage actions">
        <span aria-hidden="true">⋯</span>
      </summary>
      <div className="board-menu-list">
        <button type="button" onClick={run(onRename)}>
          Rename
        </button>
        <button type="button" onClick={run(onFold)}>
          Fold
        </button>
        <button type="button" disabled={first} onClick={run(() => onMove(-1))}>
          Move left
        </button>
        <button type="button" disabled={last} onClick={run(() => onMove(1))}>
          Move right
        </button>
        <button type="button" onClick={run(onDelete)}>
          Delete stage
        </button>
      </div>
    </details>
  );
}

function RenameStage({ stageId, name, actions, onDone }: { stageId: string; name: string; actions: BoardActions; onDone: () => void }) {
  const [value, setValue] = useState(name);
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
    <form className="stack" style={{ gap: "0.35rem", flex: 1 }} onSubmit={submit} aria-label={`Rename ${name}`}>
      <label className="visually-hidden" htmlFor={`rename-${stageId}`}>
        Stage name
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
          Save
        </Button>
        <Button size="sm" onClick={onDone}>
          Cancel
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
  return (
    <ConfirmDialog
      open
      title={`Delete the stage ${col.stage.name}?`}
      confirmLabel="Delete stage"
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
            <span>
              Its {col.tasks.length === 1 ? "task goes" : `${col.tasks.length} tasks go`} to the end of
            </span>
            <select className="input" value={to} onChange={(e) => setTo(e.target.value)}>
              {others.map((c) => (
                <option key={c.stage.id} value={c.stage.id}>
                  {c.stage.name}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <p>This is the only stage: delete or move its tasks first.</p>
        )
      ) : (
        <p>The stage is empty.</p>
      )}
    </ConfirmDialog>
  );
}

function AddTask({ projectId, stageId, stageName, actions }: { projectId: string; stageId: string; stageName: string; actions: BoardActions }) {
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState("");
  const [{ fetching, error }, create] = useMutation(CreateTaskDocument);
  const once = useCreateOnce();
  if (!open) {
    return (
      <Button size="sm" variant="ghost" onClick={() => setOpen(true)} aria-label={`Add task to ${stageName}`}>
        + Add task
      </Button>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const t = title.trim();
    if (!t) return;
    void once(async (idempotencyKey) => {
      const res = await create({ input: { projectId, stageId, title: t, idempotencyKey } });
      const task = res.data?.createTask.task;
      if (task) {
        actions.apply({ change: "TASK_CHANGED", task });
        setTitle("");
      }
      return !!task;
    });
  };
  return (
    <form className="stack" style={{ gap: "0.35rem" }} onSubmit={submit} aria-label={`New task in ${stageName}`}>
      <label className="visually-hidden" htmlFor={`new-task-${stageId}`}>
        Task title
      </label>
      <textarea
        id={`new-task-${stageId}`}
        className="input"
        rows={2}
        value={title}
        maxLength={300}
        autoFocus
        placeholder="What needs doing?"
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
          Add task
        </Button>
        <Button size="sm" onClick={() => setOpen(false)}>
          Close
        </Button>
      </div>
    </form>
  );
}

export function AddStage({ projectId, actions }: { projectId: string; actions: BoardActions }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [{ fetching, error }, create] = useMutation(CreateStageDocument);
  if (!open) {
    return (
      <div className="board-add-stage">
        <Button size="sm" onClick={() => setOpen(true)}>
          + Add stage
        </Button>
      </div>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = name.trim();
    if (!n) return;
    void create({ input: { projectId, name: n } }).then((res) => {
      const s = res.data?.createTaskStage.stage;
      if (s) {
        actions.apply({ change: "STAGE_CHANGED", stage: s });
        setName("");
        setOpen(false);
      }
    });
  };
  return (
    <form className="board-add-stage card stack" style={{ gap: "0.4rem", padding: "0.6rem" }} onSubmit={submit} aria-label="New stage">
      <label htmlFor={`new-stage-${projectId}`}>Stage name</label>
      <input id={`new-stage-${projectId}`} className="input" value={name} maxLength={100} autoFocus onChange={(e) => setName(e.target.value)} />
      <ErrorMessage error={error} />
      <div className="row">
        <Button size="sm" type="submit" variant="primary" busy={fetching}>
          Add stage
        </Button>
        <Button size="sm" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
