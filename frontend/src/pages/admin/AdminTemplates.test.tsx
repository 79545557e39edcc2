import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { Provider } from "urql";
import { beforeEach, describe, expect, it, vi } from "vitest";
import i18n from "../../i18n";
import { badInput, gqlError, mockClient, opName } from "../../test/mockClient";
import { AdminTemplates } from "./AdminTemplates";

const session = vi.hoisted(() => ({ platformAdmin: true }));
vi.mock("../../lib/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/session")>()),
  useSignedInViewer: () => ({ id: "u-1", name: "Ada", email: "ada@x.io", emailVerifiedAt: null, platformAdmin: session.platformAdmin }),
}));

const spec = (key: string, type: string, extra: object = {}) => ({
  __typename: "ValueSpec",
  key,
  label: key,
  type,
  default: null,
  options: null,
  placeholder: null,
  description: null,
  minLength: null,
  maxLength: null,
  pattern: null,
  patternMessage: null,
  min: null,
  max: null,
  ...extra,
});
const tpl = (id: string, name: string, active: boolean) => ({
  __typename: "AppTemplate",
  id,
  name,
  slug: name.toLowerCase(),
  description: "",
  category: "database",
  chartRef: "oci://charts/" + name.toLowerCase(),
  chartRepoURL: null,
  chartVersion: "1.0.0",
  defaultPort: 5432,
  ingressEnabled: false,
  active,
  valueSpecs: { __typename: "ValueSpecs", required: [spec("auth.password", "password", { minLength: 8 })], optional: [] },
});

function setup(answers: Record<string, unknown> = {}) {
  const mc = mockClient({
    AdminTemplates: {
      data: { appTemplates: { __typename: "AppTemplateConnection", edges: [{ __typename: "AppTemplateEdge", node: tpl("t-1", "Postgres", true) }, { __typename: "AppTemplateEdge", node: tpl("t-2", "Old", false) }] } },
    },
    AdminUpdateTemplate: { data: { updateAppTemplate: { __typename: "AppTemplatePayload", appTemplate: { __typename: "AppTemplate", id: "t-1", active: false } } } },
    AdminCreateTemplate: { data: { createAppTemplate: { __typename: "AppTemplatePayload", appTemplate: { __typename: "AppTemplate", id: "t-3" } } } },
    ...(answers as object),
  });
  render(
    <Provider value={mc.client}>
      <MemoryRouter>
        <AdminTemplates />
      </MemoryRouter>
    </Provider>,
  );
  const all = (op: string) => mc.executeMutation.mock.calls.map((c) => c[0]).filter((r) => opName(r) === op).map((r) => r.variables);
  const last = (op: string) => all(op).at(-1);
  return { all, last };
}

beforeEach(() => {
  session.platformAdmin = true;
});

describe("AdminTemplates", { timeout: 20_000 }, () => {
  it("is for platform admins only", () => {
    session.platformAdmin = false;
    setup();
    expect(screen.getByText("For platform admins")).toBeInTheDocument();
  });

  it("lists inactive templates too, and deactivates and activates", async () => {
    const user = userEvent.setup();
    const { last } = setup();
    const pg = (await screen.findByText("Postgres")).closest("tr")!;
    const old = screen.getByText("Old").closest("tr")!;
    expect(within(old).getByText("Inactive")).toBeInTheDocument();
    await user.click(within(pg).getByRole("button", { name: "Deactivate" }));
    expect(last("AdminUpdateTemplate")).toEqual({ input: { id: "t-1", active: false } });
    await user.click(within(old).getByRole("button", { name: "Activate" }));
    expect(last("AdminUpdateTemplate")).toEqual({ input: { id: "t-2", active: true } });
  });

  it("edits value specs as rows, with their rules", async () => {
    const user = userEvent.setup();
    const { last } = setup();
    await user.click(within((await screen.findByText("Postgres")).closest("tr")!).getByRole("button", { name: "Edit" }));
    const first = screen.getByRole("group", { name: "Value 1" });
    expect(within(first).getByLabelText("Key")).toHaveValue("auth.password");
    expect(within(first).getByLabelText("Min length")).toHaveValue(8);
    await user.click(screen.getByRole("button", { name: "Add a value" }));
    const second = screen.getByRole("group", { name: "Value 2" });
    await user.type(within(second).getByLabelText("Key"), "replicas");
    await user.type(within(second).getByLabelText("Label"), "Replicas");
    await user.selectOptions(within(second).getByLabelText("Type"), "number");
    await user.type(within(second).getByLabelText("Default"), "2");
    await user.type(within(second).getByLabelText("Max"), "5");
    await user.click(screen.getByRole("button", { name: "Save template" }));
    const input = (last("AdminUpdateTemplate") as { input: Record<string, unknown> }).input;
    expect(input.id).toBe("t-1");
    expect(input.valueSpecs).toEqual({
      required: [{ key: "auth.password", label: "auth.password", type: "password", minLength: 8 }],
      optional: [{ key: "replicas", label: "Replicas", type: "number", default: 2, max: 5 }],
    });
  });

  it("creates a template and shows the server's refusal", async () => {
    const user = userEvent.setup();
    const { last } = setup({ AdminCreateTemplate: { error: badInput("slug", "the slug is taken") } });
    await user.click(await screen.findByRole("button", { name: "New template" }));
    await user.type(screen.getByLabelText("Name"), "Redis");
    await user.type(screen.getByLabelText("Slug"), "redis");
    await user.type(screen.getByLabelText("Chart"), "oci://charts/redis");
    await user.click(screen.getByRole("button", { name: "Create template" }));
    expect(last("AdminCreateTemplate")).toMatchObject({ input: { name: "Redis", slug: "redis", chartRef: "oci://charts/redis", valueSpecs: { required: [], optional: [] } } });
    expect(await screen.findByText("the slug is taken")).toBeInTheDocument();
  });

  it("sends the same idempotency key when a create is tried again, and one create at a time", async () => {
    const user = userEvent.setup();
    let tries = 0;
    // The first answer is lost (the server may have made the template); the retry's never comes.
    const { all } = setup({ AdminCreateTemplate: () => (++tries === 1 ? { error: gqlError("INTERNAL_SERVER_ERROR", "connection lost") } : "pending") });
    await user.click(await screen.findByRole("button", { name: "New template" }));
    await user.type(screen.getByLabelText("Name"), "Redis");
    await user.type(screen.getByLabelText("Slug"), "redis");
    await user.type(screen.getByLabelText("Chart"), "oci://charts/redis");
    await user.click(screen.getByRole("button", { name: "Create template" }));
    await user.click(screen.getByRole("button", { name: "Create template" }));
    const saving = screen.getByRole("button", { name: "Saving…" });
    expect(saving).toBeDisabled();
    await user.click(saving); // a click on the disabled button sends nothing
    const keys = all("AdminCreateTemplate").map((v) => (v as { input: { idempotencyKey?: string } }).input.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys[1]).toBe(keys[0]);
  });

  it("uploads a chart archive and names it as the template's chart", async () => {
    const user = userEvent.setup();
    const fetcher = vi.fn(async () =>
      new Response(JSON.stringify({ chartRef: "upload://" + "ab".repeat(32), name: "myapp", version: "0.1.0", size: 1234 }), {
        status: 201,
        headers: { "Content-Type": "application/json" },
      }),
    );
    vi.stubGlobal("fetch", fetcher);
    try {
      const { last } = setup();
      await user.click(await screen.findByRole("button", { name: "New template" }));
      await user.type(screen.getByLabelText("Name"), "My app");
      await user.type(screen.getByLabelText("Slug"), "my-app");
      await user.type(screen.getByLabelText("Chart repository URL"), "https://charts.example.com");
      await user.upload(screen.getByLabelText("Chart archive (.tgz)"), new File([new Uint8Array([0x1f, 0x8b, 8])], "myapp-0.1.0.tgz", { type: "application/gzip" }));
      await user.click(screen.getByRole("button", { name: "Upload chart" }));
      expect(await screen.findByRole("status")).toHaveTextContent("Uploaded myapp 0.1.0");
      expect(fetcher).toHaveBeenCalledWith("/api/charts", expect.objectContaining({ method: "POST" }));
      expect(screen.getByLabelText("Chart")).toHaveValue("upload://" + "ab".repeat(32));
      await user.click(screen.getByRole("button", { name: "Create template" }));
      expect(last("AdminCreateTemplate")).toMatchObject({ input: { chartRef: "upload://" + "ab".repeat(32) } });
      const input = (last("AdminCreateTemplate") as { input: Record<string, unknown> }).input;
      expect(input.chartRepoURL ?? "").toBe("");
    } finally {
      vi.unstubAllGlobals();
    }
  });
  it("sends the Traditional Chinese words of the template and of each value", async () => {
    const user = userEvent.setup();
    const { last } = setup();
    await user.click(within((await screen.findByText("Postgres")).closest("tr")!).getByRole("button", { name: "Edit" }));
    await user.type(screen.getByLabelText("Description (Traditional Chinese)"), "資料庫");
    await user.type(screen.getByLabelText("Full description (Traditional Chinese, Markdown)"), "**關聯式**資料庫");
    const first = screen.getByRole("group", { name: "Value 1" });
    await user.type(within(first).getByLabelText("Hint"), "At least 8 characters");
    await user.type(within(first).getByLabelText("Traditional Chinese name"), "密碼");
    await user.type(within(first).getByLabelText("Traditional Chinese hint"), "至少 8 個字元");
    await user.click(screen.getByRole("button", { name: "Save template" }));
    const input = (last("AdminUpdateTemplate") as { input: Record<string, unknown> }).input;
    expect(input.translations).toEqual([{ locale: "zh-TW", description: "資料庫", fullDescription: "**關聯式**資料庫" }]);
    expect(input.valueSpecs).toEqual({
      required: [
        {
          key: "auth.password",
          label: "auth.password",
          type: "password",
          minLength: 8,
          description: "At least 8 characters",
          translations: [{ locale: "zh-TW", label: "密碼", description: "至少 8 個字元" }],
        },
      ],
      optional: [],
    });
  });

  it("speaks Traditional Chinese", async () => {
    await act(() => i18n.changeLanguage("zh-TW"));
    try {
      setup();
      expect(await screen.findByRole("button", { name: "新增範本" })).toBeInTheDocument();
      expect(screen.getAllByRole("button", { name: "編輯" })).toHaveLength(2);
    } finally {
      await act(() => i18n.changeLanguage("en"));
    }
  });
});
