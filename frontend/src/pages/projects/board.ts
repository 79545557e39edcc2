// The Kanban board's state without React: what the board holds, how a
// projectBoard event (or a mutation's answer) changes it, the order of
// stages and tasks, and where a keyboard move takes a task. The server's
// events are the truth; the page applies each one without reading the board
// again.
import { i18n } from "../../i18n";

export type Priority = "low" | "normal" | "high" | "urgent";

export interface BoardTask {
  id: string;
  title: string;
  stageID: string;
  rank: string;
  priority: Priority;
  deadline?: string | null;
  tags: readonly string[];
  assignee?: { id: string; name: string } | null;
  description?: string;
}

export interface BoardStage {
  id: string;
  name: string;
  sequence: number;
  folded: boolean;
}

export interface BoardProject {
  id: string;
  name: string;
  description: string;
}

export interface BoardState {
  project: BoardProject;
  stages: BoardStage[];
  tasks: BoardTask[];
  /** The project was deleted while the page was open. */
  deleted: boolean;
}

export type BoardChange =
  | "TASK_CHANGED"
  | "TASK_DELETED"
  | "STAGE_CHANGED"
  | "STAGE_DELETED"
  | "PROJECT_CHANGED"
  | "PROJECT_DELETED";

export interface BoardEventLike {
  change: BoardChange;
  task?: BoardTask | null;
  stage?: BoardStage | null;
  project?: BoardProject | null;
  deletedId?: string | null;
}

/** Plain string order (the server compares ranks byte by byte). */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function byRank(a: BoardTask, b: BoardTask): number {
  return cmp(a.rank, b.rank) || cmp(a.id, b.id);
}

export function bySequence(a: BoardStage, b: BoardStage): number {
  return a.sequence - b.sequence || cmp(a.id, b.id);
}

/** The board as read by the query: stages with their tasks. */
export function initialBoard(project: BoardProject, stages: readonly (BoardStage & { tasks: readonly BoardTask[] })[]): BoardState {
  return {
    project,
    stages: stages.map(({ id, name, sequence, folded }) => ({ id, name, sequence, folded })).sort(bySequence),
    tasks: stages.flatMap((s) => s.tasks.map((t) => ({ ...t }))),
    deleted: false,
  };
}

/** Applies one change. Events for a task keep fields the event does not carry (its description). */
export function applyEvent(state: BoardState, e: BoardEventLike): BoardState {
  switch (e.change) {
    case "TASK_CHANGED": {
      const t = e.task;
      if (!t) return state;
      const old = state.tasks.find((x) => x.id === t.id);
      const merged: BoardTask = { ...old, ...t, description: t.description ?? old?.description };
      return { ...state, tasks: [...state.tasks.filter((x) => x.id !== t.id), merged] };
    }
    case "TASK_DELETED":
      return e.deletedId ? { ...state, tasks: state.tasks.filter((x) => x.id !== e.deletedId) } : state;
    case "STAGE_CHANGED": {
      const s = e.stage;
      if (!s) return state;
      const stage = { id: s.id, name: s.name, sequence: s.sequence, folded: s.folded };
      return { ...state, stages: [...state.stages.filter((x) => x.id !== s.id), stage].sort(bySequence) };
    }
    case "STAGE_DELETED": {
      const id = e.deletedId;
      if (!id) return state;
      // Its tasks were moved (and announced) first; any left behind go too.
      return { ...state, stages: state.stages.filter((x) => x.id !== id), tasks: state.tasks.filter((t) => t.stageID !== id) };
    }
    case "PROJECT_CHANGED":
      return e.project ? { ...state, project: { ...state.project, ...e.project } } : state;
    case "PROJECT_DELETED":
      return { ...state, deleted: true };
    default:
      return state;
  }
}

export interface Column {
  stage: BoardStage;
  tasks: BoardTask[];
}

/** A move the server has not confirmed yet: shown at once, replaced by the server's answer. */
export interface PendingMove {
  taskId: string;
  stageId: string;
  position: number;
}

/** Stages left to right, each with its tasks top to bottom; pending moves applied last. */
export function columns(state: BoardState, pending: readonly PendingMove[] = []): Column[] {
  const cols = state.stages.map((stage) => ({
    stage,
    tasks: state.tasks.filter((t) => t.stageID === stage.id).sort(byRank),
  }));
  for (const p of pending) {
    const from = cols.find((c) => c.tasks.some((t) => t.id === p.taskId));
    const to = cols.find((c) => c.stage.id === p.stageId);
    if (!from || !to) continue;
    const task = from.tasks.find((t) => t.id === p.taskId);
    if (!task) continue;
    from.tasks = from.tasks.filter((t) => t.id !== p.taskId);
    const at = Math.max(0, Math.min(p.position, to.tasks.length));
    to.tasks = [...to.tasks.slice(0, at), { ...task, stageID: p.stageId }, ...to.tasks.slice(at)];
  }
  return cols;
}

export type Direction = "up" | "down" | "left" | "right";

export interface MoveTarget {
  stageId: string;
  /** The task's index in the target stage after the move, counted from 0. */
  position: number;
}

/**
 * Where a keyboard move takes a task: up and down within its stage, left and
 * right to the next stage at the same height (or its end). Null at an edge.
 */
export function keyboardTarget(cols: readonly Column[], taskId: string, dir: Direction): MoveTarget | null {
  const ci = cols.findIndex((c) => c.tasks.some((t) => t.id === taskId));
  if (ci < 0) return null;
  const col = cols[ci];
  const i = col.tasks.findIndex((t) => t.id === taskId);
  switch (dir) {
    case "up":
      return i > 0 ? { stageId: col.stage.id, position: i - 1 } : null;
    case "down":
      return i < col.tasks.length - 1 ? { stageId: col.stage.id, position: i + 1 } : null;
    case "left":
    case "right": {
      const target = cols[dir === "left" ? ci - 1 : ci + 1];
      if (!target) return null;
      return { stageId: target.stage.id, position: Math.min(i, target.tasks.length) };
    }
  }
}

/**
 * Where a drop puts a task: over another task, at that task's place (within
 * one stage the tasks between shift, as in a list move); over a stage's
 * empty space, at its end. Null when nothing changes.
 */
export function dropTarget(cols: readonly Column[], taskId: string, over: { taskId?: string; stageId?: string }): MoveTarget | null {
  const from = cols.find((c) => c.tasks.some((t) => t.id === taskId));
  if (!from) return null;
  const fromIndex = from.tasks.findIndex((t) => t.id === taskId);
  let target: MoveTarget | null = null;
  if (over.taskId) {
    if (over.taskId === taskId) return null;
    const to = cols.find((c) => c.tasks.some((t) => t.id === over.taskId));
    if (!to) return null;
    target = { stageId: to.stage.id, position: to.tasks.findIndex((t) => t.id === over.taskId) };
  } else if (over.stageId) {
    const to = cols.find((c) => c.stage.id === over.stageId);
    if (!to) return null;
    target = { stageId: to.stage.id, position: to.stage.id === from.stage.id ? to.tasks.length - 1 : to.tasks.length };
  }
  if (!target) return null;
  if (target.stageId === from.stage.id && target.position === fromIndex) return null;
  return target;
}

/** What a screen reader hears after a move. */
export function moveAnnouncement(title: string, cols: readonly Column[], target: MoveTarget): string {
  const col = cols.find((c) => c.stage.id === target.stageId);
  const stage = col?.stage.name ?? i18n.t("projects:board.anotherStage");
  return i18n.t("projects:board.moved", { title, stage, position: target.position + 1 });
}

/** A due date (a Time) as the calendar day it names, in UTC: what the date field shows and sends. */
export function deadlineDay(deadline: string | null | undefined): string {
  return deadline ? deadline.slice(0, 10) : "";
}

/** Tags typed as "a, b, c": trimmed, empty ones dropped, each once. */
export function parseTags(text: string): string[] {
  const out: string[] = [];
  for (const t of text.split(",")) {
    const tag = t.trim();
    if (tag && !out.includes(tag)) out.push(tag);
  }
  return out;
}
