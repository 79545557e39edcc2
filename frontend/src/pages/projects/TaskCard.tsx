// A task's card on the board: title (cut to one line, whole on hover),
// priority, due date, assignee and tags; draggable and movable by keyboard
// for those who may edit.
import { useEffect, useRef, type KeyboardEvent } from "react";
import { Trans, useTranslation } from "react-i18next";
import { useSortable } from "@dnd-kit/sortable";
import { keyboardTarget, deadlineDay, type BoardTask, type Column, type Direction } from "./board";
import type { BoardActions } from "./Board";

const keys: Record<string, Direction> = { ArrowUp: "up", ArrowDown: "down", ArrowLeft: "left", ArrowRight: "right" };
// Labels are keys of the projects namespace, translated at render.
const arrows = [
  { dir: "left", label: "card.moveLeft", glyph: "←" },
  { dir: "up", label: "card.moveUp", glyph: "↑" },
  { dir: "down", label: "card.moveDown", glyph: "↓" },
  { dir: "right", label: "card.moveRight", glyph: "→" },
] as const satisfies readonly { dir: Direction; label: string; glyph: string }[];

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
  const { t } = useTranslation("projects");
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
      aria-roledescription={t("card.role")}
      data-testid="task-card"
      onKeyDown={onKey}
    >
      <button type="button" className="board-card-title" title={task.title} onClick={() => actions.open(task.id)}>
        {task.title}
      </button>
      <TaskMeta task={task} />
      {canEdit && (
        <div className="board-moves" role="group" aria-label={t("card.move", { title: task.title })}>
          {arrows.map((a) => (
            <button
              key={a.dir}
              type="button"
              aria-label={t(a.label)}
              title={t("card.shortcut", { label: t(a.label), arrow: a.glyph })}
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
  const { t, i18n } = useTranslation("projects");
  return (
    <div className="board-card-meta">
      {task.priority !== "normal" && (
        <span className={`badge badge-priority-${task.priority}`} title={t("card.priority")}>
          {t(`priority.${task.priority}`)}
        </span>
      )}
      {day && (
        <span title={t("card.dueDate")}>
          <Trans
            t={t}
            i18nKey="card.due"
            values={{ date: new Date(`${day}T00:00:00Z`).toLocaleDateString(i18n.resolvedLanguage, { timeZone: "UTC", month: "short", day: "numeric", year: "numeric" }) }}
            components={{ time: <time dateTime={day} /> }}
          />
        </span>
      )}
      {task.assignee && <span title={t("card.assignedTo", { name: task.assignee.name })}>{task.assignee.name}</span>}
      {task.tags.map((tag) => (
        <span key={tag} className="badge" title={tag}>
          {tag}
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
