import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes } from "react-router";
import { Provider, type Client } from "urql";
import { makeSubject } from "wonka";
import { afterEach, describe, expect, it, vi } from "vitest";
import { i18n } from "../../i18n";
import { WorkspaceProvider } from "../../lib/workspace";
import { mockClient } from "../../test/mockClient";
import { Board } from "./Board";

function t(id: string, title: string, stageID: string, rank: string) {
  return {
    __typename: "Task",
    id,
    title,
    description: "",
    stageID,
    rank,
    priority: id === "t2" ? "urgent" : "normal",
    deadline: null,
    tags: id === "t1" ? ["docs"] : [],
    assignee: null,
  };
}

function boardAnswer(viewerCanEdit: boolean) {
  return {
    data: {
      node: {
        __typename: "Project",
        id: "p1",
        name: "Launch",
        description: "Tasks for the launch",
        viewerCanEdit,
        workspace: { __typename: "Workspace", id: "w1", name: "Shop Co", slug: "shop-co", state: "active" },
        service: null,
        stages: [
          { __typename: "TaskStage", id: "s1", name: "To do", sequence: 0, folded: false, tasks: [t("t1", "Write the post", "s1", "a"), t("t2", "Book the venue", "s1", "b")] },
          { __typename: "TaskStage", id: "s2", name: "In progress", sequence: 1, folded: false, tasks: [] },
        ],
      },
    },
  };
}

function renderBoard(client: Client) {
  return render(
    <Provider value={client}>
      <MemoryRouter initialEntries={["/projects/p1"]}>
        <WorkspaceProvider>
          <Routes>
            <Route path="/projects/:id" element={<Board />} />
          </Routes>
        </WorkspaceProvider>
      </MemoryRouter>
    </Provider>,
  );
}

const list = (name: string) => screen.getByRole("list", { name: `${name} tasks` });

describe("Board", { timeout: 20_000 }, () => {
  it("shows stages and cards, moves a card by keyboard and announces it", async () => {
    const moved = { ...t("t1", "Write the post", "s2", "m") };
    const { client, executeMutation } = mockClient({
      ProjectBoard: boardAnswer(true),
      BoardMoveTask: { data: { moveTask: { __typename: "TaskPayload", task: moved } } },
    });
    const u = userEvent.setup();
    renderBoard(client);
    expect(await screen.findByRole("heading", { level: 1, name: "Launch" })).toBeInTheDocument();
    const card = within(list("To do")).getByRole("listitem", { name: "Write the post" });
    expect(within(card).getByText("docs")).toBeInTheDocument();
    expect(within(list("To do")).getByText("Urgent")).toBeInTheDocument();
    expect(within(card).getByRole("button", { name: "Move left" })).toBeDisabled();
    card.focus();
    await u.keyboard("{Alt>}{ArrowRight}{/Alt}");
    expect(within(list("In progress")).getByRole("listitem", { name: "Write the post" })).toBeInTheDocument();
    const call = executeMutation.mock.calls.find(([req]) => JSON.stringify(req.variables).includes("t1"));
    expect(call?.[0].variables).toEqual({ input: { id: "t1", stageId: "s2", position: 0 } });
    expect(screen.getByText("Moved “Write the post” to In progress, position 1.")).toBeInTheDocument();
  });

  it("applies live events from other viewers", async () => {
    const events = makeSubject<{ data: unknown }>();
    const { client, executeSubscription } = mockClient({ ProjectBoard: boardAnswer(true) });
    executeSubscription.mockImplementation(() => events.source as never);
    renderBoard(client);
    await screen.findByRole("heading", { level: 1, name: "Launch" });
    act(() => {
      events.next({ data: { projectBoard: { change: "TASK_CHANGED", deletedId: null, task: t("t2", "Book the big venue", "s2", "a"), stage: null, project: null } } });
    });
    expect(within(list("In progress")).getByRole("listitem", { name: "Book the big venue" })).toBeInTheDocument();
    act(() => {
      events.next({ data: { projectBoard: { change: "STAGE_CHANGED", deletedId: null, task: null, stage: { id: "s1", name: "Backlog", sequence: 0, folded: false }, project: null } } });
    });
    expect(list("Backlog")).toBeInTheDocument();
    act(() => {
      events.next({ data: { projectBoard: { change: "TASK_DELETED", deletedId: "t1", task: null, stage: null, project: null } } });
    });
    expect(within(list("Backlog")).queryByRole("listitem")).toBeNull();
  });

  it("offers no edit controls to a guest", async () => {
    const { client } = mockClient({ ProjectBoard: boardAnswer(false) });
    renderBoard(client);
    await screen.findByRole("heading", { level: 1, name: "Launch" });
    expect(screen.queryByRole("button", { name: /add task/i })).toBeNull();
    expect(screen.queryByRole("button", { name: /^move/i })).toBeNull();
    expect(screen.queryByRole("button", { name: /add stage/i })).toBeNull();
    expect(screen.getByRole("note")).toHaveTextContent(/you can look at this board/i);
    vi.restoreAllMocks();
  });
});

describe("Board in Traditional Chinese", { timeout: 20_000 }, () => {
  afterEach(() => act(() => i18n.changeLanguage("en")));

  it("speaks zh-TW: stages, cards, moves and their announcement", async () => {
    await act(() => i18n.changeLanguage("zh-TW"));
    const moved = { ...t("t1", "Write the post", "s2", "m") };
    const { client } = mockClient({
      ProjectBoard: boardAnswer(true),
      BoardMoveTask: { data: { moveTask: { __typename: "TaskPayload", task: moved } } },
    });
    const u = userEvent.setup();
    renderBoard(client);
    expect(await screen.findByRole("heading", { level: 1, name: "Launch" })).toBeInTheDocument();
    const todo = screen.getByRole("list", { name: "To do 的任務" });
    const card = within(todo).getByRole("listitem", { name: "Write the post" });
    expect(card).toHaveAttribute("aria-roledescription", "任務");
    expect(within(todo).getByText("緊急")).toBeInTheDocument();
    expect(within(card).getByRole("button", { name: "向左移" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "新增任務到 To do" })).toHaveTextContent("+ 新增任務");
    expect(screen.getByRole("button", { name: "+ 新增階段" })).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "看板" })).toBeInTheDocument();
    card.focus();
    await u.keyboard("{Alt>}{ArrowRight}{/Alt}");
    expect(screen.getByText("已將「Write the post」移到 In progress 的第 1 個位置。")).toBeInTheDocument();
  });

  it("tells a guest in zh-TW that the board is read-only", async () => {
    await act(() => i18n.changeLanguage("zh-TW"));
    const { client } = mockClient({ ProjectBoard: boardAnswer(false) });
    renderBoard(client);
    await screen.findByRole("heading", { level: 1, name: "Launch" });
    expect(screen.getByRole("note")).toHaveTextContent("您可以檢視這個看板；角色為使用者以上的成員才能修改。");
  });
});
