// A task's card on the board: title (cut to one line, whole on hover),
// priority, due date, assignee and tags; draggable and movable by keyboard
// for those who may edit.
import { useEffect, useRef, type KeyboardEvent } from "react";
import { useSortable } from "@dnd-kit/sortable";
import { keyboardTarget, priorityLabel, deadlineDay, type BoardTask, type Column, type Direction } from "./board";
import type { BoardActions } from "./Board";

const keys: Record<string, Direction> = { ArrowUp: "up", ArrowDown: "down", ArrowLeft: "left", ArrowRight: "right" };
const arrows: { dir: Direction; label: string; glyph: string }[] = [
  { dir: "left", label: "Move left", glyph: "←" },
  { dir: "up", label: "Move up", glyph: "↑" },
  { dir: "down", label: "Move down", glyph: "↓" },
  { dir: "right", label: "Move right", glyph: "→" },
];

export function TaskCard({
  task,
  cols,
  canEdit,
  actions,
  focus,
}: {
  task: BoardTask;
  cols: readonly Column[];
  canEdit: boolean;
  actions: BoardActions;
  focus: boolean;
}) {
  const { setNodeRef, attributes, listeners, transform, transition, isDragging } = useSortable({ id: task.id, disabled: !canEdit });
  const ref = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);

  const onKey = (e: KeyboardEvent<HTMLElement>) => {
    const dir = keys[e.key];
    if (!canEdit || !dir || !e.altKey) return;
    e.preventDefault();
    actions.moveBy(task, dir);
  };

  const style = {
    transform: transform ? `translate3d(${Math.round(transform.x)}px, ${Math.round(transform.y)}px, 0)` : undefined,
    transition,
  };
  // The drag handle is the whole card; its role, tab stop and state stay the card's own
  // (dnd-kit's aria-disabled would mark a guest's title button disabled too).
  const dragAttrs = canEdit ? { "aria-describedby": attributes["aria-describedby"] } : {};

  return (
    <li
      ref={(el) => {
        setNodeRef(el);
        ref.current = el;
      }}
      {...dragAttrs}
      {...(canEdit ? listeners : {})}
      style={style}
      className={`board-card${canEdit ? " can-drag" : ""}${isDragging ? " dragging" : ""}`}
      tabIndex={0}
      aria-label={task.title}
      aria-roledescription="task"
      data-testid="task-card"
      onKeyDown={onKey}
    >
      <button type="button" className="board-card-title" title={task.title} onClick={() => actions.open(task.id)}>
        {task.title}
      </button>
      <TaskMeta task={task} />
      {canEdit && (
        <div className="board-moves" role="group" aria-label={`Move ${task.title}`}>
          {arrows.map((a) => (
            <button
              key={a.dir}
              type="button"
              aria-label={a.label}
              title={`${a.label} (Alt+${a.dir === "left" ? "←" : a.dir === "right" ? "→" : a.dir === "up" ? "↑" : "↓"})`}
              disabled={!keyboardTarget(cols, task.id, a.dir)}
              onClick={() => actions.moveBy(task, a.dir)}
            >
              <span aria-hidden="true">{a.glyph}</span>
            </button>
          ))}
        </div>
      )}
    </li>
  );
}

export function TaskMeta({ task }: { task: BoardTask }) {
  const day = deadlineDay(task.deadline);
  return (
    <div className="board-card-meta">
      {task.priority !== "normal" && (
        <span className={`badge badge-priority-${task.priority}`} title="Priority">
          {priorityLabel[task.priority]}
        </span>
      )}
      {day && (
        <span title="Due date">
          Due <time dateTime={day}>{new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, { timeZone: "UTC", month: "short", day: "numeric", year: "numeric" })}</time>
        </span>
      )}
      {task.assignee && <span title={`Assigned to ${task.assignee.name}`}>{task.assignee.name}</span>}
      {task.tags.map((t) => (
        <span key={t} className="badge" title={t}>
          {t}
        </span>
      ))}
    </div>
  );
}

/** The card under the pointer while dragging. */
export function TaskCardPreview({ task }: { task: BoardTask }) {
  return (
    <div className="board-card" style={{ boxShadow: "var(--shadow)", cursor: "grabbing", width: 256 }}>
      <span className="board-card-title">{task.title}</span>
      <TaskMeta task={task} />
    </div>
  );
}
