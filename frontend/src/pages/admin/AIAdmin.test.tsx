import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { Provider } from "urql";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { i18n } from "../../i18n";
import { mockClient, opName } from "../../test/mockClient";
import { AIAdmin } from "./AIAdmin";

const session = vi.hoisted(() => ({ platformAdmin: true }));
vi.mock("../../lib/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/session")>()),
  useSignedInViewer: () => ({ id: "u-1", name: "Ada", email: "ada@x.io", emailVerifiedAt: null, platformAdmin: session.platformAdmin }),
}));

const provider = { __typename: "AIProvider", id: "p-1", name: "Fake LLM", baseURL: "http://127.0.0.1:9/v1", defaultModel: "fake-small", active: true, hasApiKey: true };
const agent = {
  __typename: "AIAgent", id: "a-1", handle: "helper", displayName: "Helper Bot", description: "", systemPrompt: "Be kind.",
  providerID: "p-1", model: "", isDefault: true, active: true,
};

function setup(test = { ok: true, models: ["fake-large", "fake-small"], message: "The provider answered with 2 models." }) {
  const mc = mockClient({
    AIAdmin: { data: { aiProviders: [provider], aiAgents: [agent] } },
    TestAIProvider: { data: { testAIProvider: { __typename: "TestAIProviderPayload", ...test } } },
    UpdateAIProvider: { data: { updateAIProvider: { __typename: "AIProviderPayload", provider } } },
    CreateAIAgent: { data: { createAIAgent: { __typename: "AIAgentPayload", agent } } },
  });
  render(
    <Provider value={mc.client}>
      <MemoryRouter>
        <AIAdmin />
      </MemoryRouter>
    </Provider>,
  );
  const mutation = (name: string) => mc.executeMutation.mock.calls.map((c) => c[0]).filter((r) => opName(r) === name).at(-1)?.variables;
  return { mutation };
}

beforeEach(() => {
  session.platformAdmin = true;
});

describe("AIAdmin", { timeout: 20_000 }, () => {
  it("is for platform admins only", () => {
    session.platformAdmin = false;
    setup();
    expect(screen.getByText("For platform admins")).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "AI providers" })).toBeNull();
  });

  it("tests a provider and offers its models in the agent form", async () => {
    const user = userEvent.setup();
    setup();
    const item = await screen.findByRole("listitem", { name: "Fake LLM" });
    expect(item).toHaveTextContent("Key set");
    await user.click(within(item).getByRole("button", { name: "Test" }));
    const models = await within(item).findByRole("list", { name: "Models" });
    expect(within(models).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["fake-large", "fake-small"]);
    await user.click(screen.getByRole("button", { name: "Add agent" }));
    const form = screen.getByRole("form", { name: "Add agent" });
    expect(Array.from(form.querySelectorAll("datalist option")).map((o) => o.getAttribute("value"))).toEqual(["fake-large", "fake-small"]);
    expect(within(form).getByText(/offers 2 models/)).toBeInTheDocument();
  });

  it("says in words why a test failed", async () => {
    const user = userEvent.setup();
    setup({ ok: false, models: [], message: "the provider answered 401: bad key" });
    const item = await screen.findByRole("listitem", { name: "Fake LLM" });
    await user.click(within(item).getByRole("button", { name: "Test" }));
    expect(await within(item).findByText("The test failed: The provider answered 401: bad key.")).toBeInTheDocument();
  });

  it("keeps the key when the field is left empty, and removes it only when asked", async () => {
    const user = userEvent.setup();
    const { mutation } = setup();
    const item = await screen.findByRole("listitem", { name: "Fake LLM" });
    await user.click(within(item).getByRole("button", { name: "Edit" }));
    let form = screen.getByRole("form", { name: "Edit provider Fake LLM" });
    expect(within(form).getByText(/Leave empty to keep it/)).toBeInTheDocument();
    expect(within(form).getByLabelText("API key")).toHaveValue("");
    await user.click(within(form).getByRole("button", { name: "Save provider" }));
    expect(mutation("UpdateAIProvider")).toEqual({
      input: { id: "p-1", name: "Fake LLM", baseUrl: "http://127.0.0.1:9/v1", defaultModel: "fake-small", active: true },
    });

    await user.click(within(await screen.findByRole("listitem", { name: "Fake LLM" })).getByRole("button", { name: "Edit" }));
    form = screen.getByRole("form", { name: "Edit provider Fake LLM" });
    await user.click(within(form).getByLabelText("Remove the key"));
    await user.click(within(form).getByRole("button", { name: "Save provider" }));
    expect((mutation("UpdateAIProvider") as { input: { apiKey?: string } }).input.apiKey).toBe("");
  });

  it("checks an agent's handle before sending it", async () => {
    const user = userEvent.setup();
    const { mutation } = setup();
    await user.click(await screen.findByRole("button", { name: "Add agent" }));
    const form = screen.getByRole("form", { name: "Add agent" });
    await user.type(within(form).getByLabelText(/^Handle/), "Bad Handle");
    await user.type(within(form).getByLabelText(/^Display name/), "Bot");
    await user.click(within(form).getByRole("button", { name: "Add agent" }));
    expect(within(form).getByText(/A handle is 1 to 50 lower-case letters/)).toBeInTheDocument();
    expect(mutation("CreateAIAgent")).toBeUndefined();
    await user.clear(within(form).getByLabelText(/^Handle/));
    await user.type(within(form).getByLabelText(/^Handle/), "@bot");
    await user.click(within(form).getByLabelText(/^Default agent/));
    await user.click(within(form).getByRole("button", { name: "Add agent" }));
    expect(mutation("CreateAIAgent")).toEqual({
      input: { handle: "bot", displayName: "Bot", systemPrompt: "", model: "", isDefault: true, active: true, providerId: "p-1", idempotencyKey: expect.stringMatching(/^[0-9a-f]{32}$/) },
    });
  });
});

describe("AIAdmin in Traditional Chinese", { timeout: 20_000 }, () => {
  beforeEach(() => act(() => i18n.changeLanguage("zh-TW")));
  afterEach(() => act(() => i18n.changeLanguage("en")));

  it("shows providers, agents, the delete dialog and the agent form in zh-TW", async () => {
    const user = userEvent.setup();
    setup();
    const item = await screen.findByRole("listitem", { name: "Fake LLM" });
    expect(screen.getByRole("heading", { name: "AI 供應商" })).toBeInTheDocument();
    expect(item).toHaveTextContent("已設定金鑰");
    expect(item).toHaveTextContent("預設模型 fake-small");
    await user.click(within(item).getByRole("button", { name: "刪除" }));
    const dialog = within(item).getByRole("dialog", { hidden: true });
    expect(dialog).toHaveTextContent("使用「Fake LLM」的代理將停止回覆，直到改用其他供應商為止。");
    await user.click(within(dialog).getByRole("button", { name: "取消", hidden: true }));
    await user.click(within(item).getByRole("button", { name: "測試" }));
    await within(item).findByRole("list", { name: "模型" });
    await user.click(screen.getByRole("button", { name: "新增代理" }));
    const form = screen.getByRole("form", { name: "新增代理" });
    expect(within(form).getByText("此供應商提供 2 個模型：請選擇一個或輸入名稱。")).toBeInTheDocument();
    await user.click(within(form).getByRole("button", { name: "新增代理" }));
    expect(within(form).getByText("請輸入顯示名稱。")).toBeInTheDocument();
  });
});
