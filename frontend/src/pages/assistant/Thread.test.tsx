import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes } from "react-router";
import { Provider, type GraphQLRequest, type OperationResult } from "urql";
import { makeSubject } from "wonka";
import { afterEach, describe, expect, it } from "vitest";
import { i18n } from "../../i18n";
import { WorkspaceProvider } from "../../lib/workspace";
import { connection, mockClient, myWorkspaces } from "../workspaces/testing";
import { ThreadPage } from "./Thread";

const agent = {
  __typename: "AIAgent",
  id: "ag-1",
  handle: "helper",
  displayName: "Helper Bot",
  avatarColor: "",
};
const ada = { __typename: "User", id: "u-1", name: "Ada" };

function message(id: string, more: Record<string, unknown> = {}) {
  return {
    __typename: "AIMessage",
    id,
    role: "assistant",
    status: "complete",
    content: "",
    error: "",
    createdAt: "2026-12-06T05:00:00Z",
    authorUser: null,
    authorAgent: agent,
    ...more,
  };
}

function page(role: string, messages: object[]) {
  return {
    data: {
      workspace: {
        __typename: "Workspace",
        id: "ws-1",
        name: "Shop Co",
        slug: "shop-co",
        state: "active",
        viewerRole: role,
        viewerCanChat: role !== "guest",
      },
      node: {
        __typename: "AIThread",
        id: "t-1",
        title: "Launch plan",
        autoReply: true,
        createdAt: "2026-12-06T04:00:00Z",
        viewerCanDelete: role !== "guest",
        createdBy: ada,
        defaultAgent: {
          __typename: "AIAgent",
          id: "ag-1",
          handle: "helper",
          displayName: "Helper Bot",
        },
        messages: connection("AIMessage", messages),
      },
    },
  };
}

function setup(role: string, messages: object[]) {
  const { client, executeSubscription, executeMutation } = mockClient({
    MyWorkspaces: myWorkspaces([
      { id: "ws-1", name: "Shop Co", slug: "shop-co", viewerRole: role },
    ]),
    ThreadPage: page(role, messages),
    MentionAgents: {
      data: {
        aiAgents: [
          { ...agent, description: "", active: true, isDefault: true },
        ],
      },
    },
    CancelGeneration: (v) => ({
      data: {
        cancelGeneration: {
          __typename: "MessagePayload",
          message: message((v.input as { messageId: string }).messageId, {
            status: "cancelled",
            content: "w1 w2 ",
          }),
        },
      },
    }),
  });
  const stream = makeSubject<OperationResult>();
  const requests: GraphQLRequest[] = [];
  executeSubscription.mockImplementation((req: GraphQLRequest) => {
    requests.push(req);
    return stream.source;
  });
  render(
    <Provider value={client}>
      <MemoryRouter initialEntries={["/workspaces/shop-co/assistant/t-1"]}>
        <WorkspaceProvider>
          <Routes>
            <Route
              path="/workspaces/:slug/assistant/:threadId"
              element={<ThreadPage />}
            />
          </Routes>
        </WorkspaceProvider>
      </MemoryRouter>
    </Provider>,
  );
  const push = (event: Record<string, unknown>) =>
    act(() => {
      stream.next({
        operation: undefined as never,
        data: {
          messageStream: {
            __typename: "MessageStreamEvent",
            delta: "",
            reset: false,
            message: null,
            ...event,
          },
        },
        stale: false,
        hasNext: true,
      });
    });
  return { requests, push, executeMutation };
}

const item = (name: RegExp) =>
  screen.getAllByRole("listitem", { name }).at(-1)!;

describe("ThreadPage", { timeout: 20_000 }, () => {
  it("subscribes after the last message held in full and renders the stream live, nothing doubled", async () => {
    const { requests, push } = setup("user", [
      message("m-1", {
        role: "user",
        authorUser: ada,
        authorAgent: null,
        content: "hello **there**",
      }),
      message("m-2", { content: "Hi!" }),
      message("m-3", { status: "streaming", content: "w1 " }),
    ]);
    await screen.findByRole("heading", { level: 1, name: "Launch plan" });
    expect(requests[0].variables).toEqual({ threadId: "t-1", after: "m-2" });
    expect(within(item(/Ada/)).getByText("there").tagName).toBe("STRONG");

    push({
      messageId: "m-3",
      delta: "w1 w2 ",
      reset: true,
      status: "streaming",
    });
    push({ messageId: "m-3", delta: "w3 ", status: "streaming" });
    const answer = () =>
      screen
        .getAllByRole("listitem", { name: /Helper Bot \(@helper\)/ })
        .at(-1)!;
    expect(answer()).toHaveTextContent("w1 w2 w3");
    expect(within(answer()).getByTestId("message-status")).toHaveTextContent(
      "Writing",
    );
    expect(
      within(answer()).getByRole("button", { name: "Stop" }),
    ).toBeInTheDocument();

    push({
      messageId: "m-3",
      delta: "",
      status: "error",
      message: message("m-3", {
        status: "error",
        content: "w1 w2 w3 ",
        error: "the provider answered 503: provider overloaded",
      }),
    });
    expect(answer()).toHaveTextContent(
      "This answer failed: the provider answered 503: provider overloaded.",
    );
    expect(within(answer()).getByTestId("message-status")).toHaveTextContent(
      "Error",
    );
    expect(
      within(answer()).getByRole("button", { name: "Regenerate" }),
    ).toBeInTheDocument();
    expect(within(answer()).queryByRole("button", { name: "Stop" })).toBeNull();
    expect(screen.getByText("Helper Bot's answer failed.")).toHaveAttribute(
      "aria-live",
      "polite",
    );
  });

  it("stops an answer: the cancel keeps the text so far", async () => {
    const { push, executeMutation } = setup("user", [
      message("m-1", { status: "streaming", content: "" }),
    ]);
    await screen.findByRole("heading", { level: 1, name: "Launch plan" });
    push({
      messageId: "m-1",
      delta: "w1 w2 ",
      reset: true,
      status: "streaming",
    });
    await userEvent.setup().click(screen.getByRole("button", { name: "Stop" }));
    expect(executeMutation.mock.calls.at(-1)?.[0].variables).toEqual({
      input: { messageId: "m-1" },
    });
    const answer = item(/Helper Bot/);
    expect(within(answer).getByTestId("message-status")).toHaveTextContent(
      "Cancelled",
    );
    expect(answer).toHaveTextContent("w1 w2");
    expect(
      within(answer).getByRole("button", { name: "Regenerate" }),
    ).toBeInTheDocument();
  });

  it("renders hostile Markdown inert", async () => {
    setup("user", [
      message("m-1", {
        role: "user",
        authorUser: ada,
        authorAgent: null,
        content:
          "<script>window.x=1</script> [a](javascript:alert(1)) <img src=x onerror=alert(1)>",
      }),
    ]);
    await screen.findByRole("heading", { level: 1, name: "Launch plan" });
    const li = item(/Ada/);
    expect(li.querySelector("script")).toBeNull();
    expect(li.querySelector("[onerror]")).toBeNull();
    for (const a of Array.from(li.querySelectorAll("a")))
      expect(a.getAttribute("href") ?? "").not.toMatch(/script:/i);
  });

  it("lets guests read without a composer or actions", async () => {
    setup("guest", [message("m-1", { status: "error", error: "boom" })]);
    await screen.findByRole("heading", { level: 1, name: "Launch plan" });
    expect(screen.queryByRole("textbox", { name: "Message" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Regenerate" })).toBeNull();
    expect(
      screen.getByText(/As a guest you can read this thread/),
    ).toBeInTheDocument();
  });
});

describe("ThreadPage in Traditional Chinese", { timeout: 20_000 }, () => {
  afterEach(() => act(() => i18n.changeLanguage("en")));

  it("speaks zh-TW around the messages, and leaves their text as written", async () => {
    await act(() => i18n.changeLanguage("zh-TW"));
    const { push } = setup("user", [
      message("m-1", {
        role: "user",
        authorUser: ada,
        authorAgent: null,
        content: "hello **there**",
      }),
      message("m-2", { status: "streaming", content: "w1 " }),
    ]);
    await screen.findByRole("heading", { level: 1, name: "Launch plan" });
    expect(screen.getByRole("link", { name: "← 對話串" })).toBeInTheDocument();
    expect(screen.getByText("@helper 會回覆沒有提及任何人的訊息。")).toBeInTheDocument();
    expect(screen.getByRole("list", { name: "訊息" })).toBeInTheDocument();
    expect(within(item(/來自 Ada 的訊息/)).getByText("there").tagName).toBe("STRONG");

    const answer = () => item(/來自 Helper Bot（@helper） 的訊息/);
    expect(within(answer()).getByTestId("message-status")).toHaveTextContent("撰寫中");
    expect(within(answer()).getByRole("button", { name: "停止" })).toBeInTheDocument();

    push({
      messageId: "m-2",
      delta: "",
      status: "error",
      message: message("m-2", { status: "error", content: "w1 w2 ", error: "provider overloaded" }),
    });
    expect(answer()).toHaveTextContent("這則回覆失敗：provider overloaded。");
    expect(within(answer()).getByTestId("message-status")).toHaveTextContent("錯誤");
    expect(within(answer()).getByRole("button", { name: "重新產生" })).toBeInTheDocument();
    expect(screen.getByText("Helper Bot 的回覆失敗。")).toHaveAttribute("aria-live", "polite");

    expect(screen.getByRole("form", { name: "傳送訊息" })).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "訊息" })).toHaveAttribute("placeholder", "輸入訊息。輸入 @ 可呼叫 AI 代理。");
    expect(screen.getByRole("button", { name: "傳送" })).toBeInTheDocument();
  });
});
