import { describe, expect, it } from "vitest";
import {
  applyEvent,
  columns,
  dropTarget,
  initialBoard,
  keyboardTarget,
  parseTags,
  type BoardState,
  type BoardTask,
} from "./board";
import { applyStreamEvent, type ChatMessage } from "./chat";

function task(id: string, stageID: string, rank: string, title = id): BoardTask {
  return { id, title, stageID, rank, priority: "normal", tags: [], deadline: null, assignee: null };
}

function board(): BoardState {
  return initialBoard({ id: "p", name: "P", description: "" }, [
    { id: "done", name: "Done", sequence: 2, folded: false, tasks: [] },
    { id: "todo", name: "To do", sequence: 0, folded: false, tasks: [task("b", "todo", "m"), task("a", "todo", "c")] },
    { id: "doing", name: "In progress", sequence: 1, folded: false, tasks: [task("c", "doing", "m")] },
  ]);
}

const ids = (s: BoardState) => columns(s).map((c) => [c.stage.id, c.tasks.map((t) => t.id)]);

describe("board events", () => {
  it("orders stages by sequence and tasks by rank, then id", () => {
    let s = board();
    s = applyEvent(s, { change: "TASK_CHANGED", task: task("d", "todo", "c") });
    expect(ids(s)).toEqual([
      ["todo", ["a", "d", "b"]],
      ["doing", ["c"]],
      ["done", []],
    ]);
  });

  it("upserts a task into its stage and out of any other", () => {
    let s = board();
    s = applyEvent(s, { change: "TASK_CHANGED", task: task("a", "doing", "z", "A moved") });
    expect(ids(s)).toEqual([
      ["todo", ["b"]],
      ["doing", ["c", "a"]],
      ["done", []],
    ]);
    expect(s.tasks.filter((t) => t.id === "a")).toHaveLength(1);
    expect(s.tasks.find((t) => t.id === "a")?.title).toBe("A moved");
  });

  it("keeps a task's description when an event does not carry it", () => {
    let s = applyEvent(board(), { change: "TASK_CHANGED", task: { ...task("a", "todo", "c"), description: "notes" } });
    s = applyEvent(s, { change: "TASK_CHANGED", task: task("a", "done", "a") });
    expect(s.tasks.find((t) => t.id === "a")?.description).toBe("notes");
  });

  it("removes a deleted task", () => {
    const s = applyEvent(board(), { change: "TASK_DELETED", deletedId: "b" });
    expect(ids(s)[0]).toEqual(["todo", ["a"]]);
  });

  it("adds, renames, folds and reorders stages", () => {
    let s = applyEvent(board(), { change: "STAGE_CHANGED", stage: { id: "review", name: "Review", sequence: 2, folded: false } });
    s = applyEvent(s, { change: "STAGE_CHANGED", stage: { id: "done", name: "Shipped", sequence: 3, folded: true } });
    expect(s.stages.map((x) => x.id)).toEqual(["todo", "doing", "review", "done"]);
    expect(s.stages.find((x) => x.id === "done")).toMatchObject({ name: "Shipped", folded: true });
    s = applyEvent(s, { change: "STAGE_CHANGED", stage: { id: "todo", name: "To do", sequence: 4, folded: false } });
    expect(s.stages.map((x) => x.id)).toEqual(["doing", "review", "done", "todo"]);
  });

  it("removes a deleted stage", () => {
    let s = applyEvent(board(), { change: "TASK_CHANGED", task: task("c", "todo", "z") });
    s = applyEvent(s, { change: "STAGE_DELETED", deletedId: "doing" });
    expect(ids(s)).toEqual([
      ["todo", ["a", "b", "c"]],
      ["done", []],
    ]);
  });

  it("follows the project's name and its deletion", () => {
    let s = applyEvent(board(), { change: "PROJECT_CHANGED", project: { id: "p", name: "Renamed", description: "d" } });
    expect(s.project.name).toBe("Renamed");
    s = applyEvent(s, { change: "PROJECT_DELETED" });
    expect(s.deleted).toBe(true);
  });

  it("shows a pending move at once", () => {
    const cols = columns(board(), [{ taskId: "b", stageId: "doing", position: 0 }]);
    expect(cols.map((c) => c.tasks.map((t) => t.id))).toEqual([["a"], ["b", "c"], []]);
    expect(cols[1].tasks[0].stageID).toBe("doing");
  });
});

describe("keyboard moves", () => {
  const cols = columns(board());

  it("moves up and down within a stage", () => {
    expect(keyboardTarget(cols, "a", "down")).toEqual({ stageId: "todo", position: 1 });
    expect(keyboardTarget(cols, "b", "up")).toEqual({ stageId: "todo", position: 0 });
    expect(keyboardTarget(cols, "a", "up")).toBeNull();
    expect(keyboardTarget(cols, "b", "down")).toBeNull();
  });

  it("moves left and right at the same height, or to the end", () => {
    expect(keyboardTarget(cols, "a", "right")).toEqual({ stageId: "doing", position: 0 });
    expect(keyboardTarget(cols, "b", "right")).toEqual({ stageId: "doing", position: 1 });
    expect(keyboardTarget(cols, "c", "right")).toEqual({ stageId: "done", position: 0 });
    expect(keyboardTarget(cols, "c", "left")).toEqual({ stageId: "todo", position: 0 });
    expect(keyboardTarget(cols, "a", "left")).toBeNull();
    expect(keyboardTarget(cols, "missing", "left")).toBeNull();
  });
});

describe("drops", () => {
  const cols = columns(board());

  it("takes the place of the task dropped on", () => {
    expect(dropTarget(cols, "a", { taskId: "b" })).toEqual({ stageId: "todo", position: 1 });
    expect(dropTarget(cols, "b", { taskId: "c" })).toEqual({ stageId: "doing", position: 0 });
    expect(dropTarget(cols, "a", { taskId: "a" })).toBeNull();
  });

  it("goes to the end of a stage dropped on", () => {
    expect(dropTarget(cols, "a", { stageId: "done" })).toEqual({ stageId: "done", position: 0 });
    expect(dropTarget(cols, "a", { stageId: "doing" })).toEqual({ stageId: "doing", position: 1 });
    expect(dropTarget(cols, "a", { stageId: "todo" })).toEqual({ stageId: "todo", position: 1 });
    expect(dropTarget(cols, "b", { stageId: "todo" })).toBeNull();
  });
});

describe("helpers", () => {
  it("parses tags", () => {
    expect(parseTags(" ui, bug,, ui ,")).toEqual(["ui", "bug"]);
  });

  it("builds a chat message from stream events", () => {
    const user: ChatMessage = { id: "1", role: "user", content: "hi", status: "done", error: "" };
    let ms = applyStreamEvent([user], { messageId: "2", delta: "Hel", reset: true, status: "streaming" });
    ms = applyStreamEvent(ms, { messageId: "2", delta: "lo", reset: false, status: "streaming" });
    expect(ms.map((m) => m.content)).toEqual(["hi", "Hello"]);
    ms = applyStreamEvent(ms, { messageId: "2", delta: "Hi again", reset: true, status: "streaming" });
    expect(ms[1].content).toBe("Hi again");
    ms = applyStreamEvent(ms, {
      messageId: "2",
      delta: "",
      reset: false,
      status: "done",
      message: { id: "2", role: "assistant", content: "Hi again", status: "done", error: "", authorAgent: { handle: "bot", displayName: "Bot" } },
    });
    expect(ms[1]).toMatchObject({ content: "Hi again", status: "done", authorAgent: { handle: "bot" } });
  });
});
