import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { Provider } from "urql";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { i18n } from "../../i18n";
import { gqlError, mockClient, opName } from "../../test/mockClient";
import { AdminUsers } from "./AdminUsers";

const session = vi.hoisted(() => ({ platformAdmin: true }));
vi.mock("../../lib/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/session")>()),
  useSignedInViewer: () => ({ id: "u-1", name: "Ada", email: "ada@x.io", emailVerifiedAt: null, platformAdmin: session.platformAdmin }),
}));

const node = (id: string, name: string, email: string, platformAdmin: boolean, disabled = false) => ({
  __typename: "User",
  id,
  name,
  email,
  platformAdmin,
  disabled,
  lastLoginAt: null,
});
const ada = node("u-1", "Ada", "ada@x.io", true);
const bob = node("u-2", "Bob", "bob@x.io", false);
const users = (list: object[]) => ({
  data: {
    users: {
      __typename: "UserConnection",
      totalCount: list.length,
      pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: null },
      edges: list.map((n) => ({ __typename: "UserEdge", node: n })),
    },
  },
});

function setup(answers: Record<string, unknown> = {}) {
  const mc = mockClient({
    AdminUsers: (v) => users(v.search === "bob" ? [bob] : [ada, bob]),
    ...(answers as object),
  });
  render(
    <Provider value={mc.client}>
      <MemoryRouter>
        <AdminUsers />
      </MemoryRouter>
    </Provider>,
  );
  const last = (op: string) => mc.executeMutation.mock.calls.map((c) => c[0]).filter((r) => opName(r) === op).at(-1)?.variables;
  const searches = () => mc.executeQuery.mock.calls.map((c) => c[0]).filter((r) => opName(r) === "AdminUsers").map((r) => r.variables);
  return { last, searches };
}

beforeEach(() => {
  session.platformAdmin = true;
});

describe("AdminUsers", { timeout: 20_000 }, () => {
  it("is for platform admins only", () => {
    session.platformAdmin = false;
    setup();
    expect(screen.getByText("For platform admins")).toBeInTheDocument();
  });

  it("lists and searches accounts; no disabling oneself", async () => {
    const user = userEvent.setup();
    const { searches } = setup();
    const adaRow = (await screen.findByText("ada@x.io")).closest("tr")!;
    expect(within(adaRow).getByText("Platform admin")).toBeInTheDocument();
    expect(within(adaRow).queryByRole("button", { name: "Disable" })).toBeNull();
    await user.type(screen.getByLabelText("Search users"), "bob");
    await user.click(screen.getByRole("button", { name: "Search" }));
    expect(searches().at(-1)).toMatchObject({ search: "bob", first: 50, after: null });
    expect(await screen.findByText("1 account")).toBeInTheDocument();
  });

  it("disables after confirmation", async () => {
    const user = userEvent.setup();
    const { last } = setup({
      SetUserDisabled: { data: { setUserDisabled: { __typename: "SetUserDisabledPayload", user: { ...bob, disabled: true } } } },
    });
    const bobRow = (await screen.findByText("bob@x.io")).closest("tr")!;
    await user.click(within(bobRow).getByRole("button", { name: "Disable" }));
    expect(last("SetUserDisabled")).toBeUndefined();
    const dialog = screen.getByRole("dialog", { hidden: true });
    expect(within(dialog).getByText(/signed out everywhere/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "Disable", hidden: true }));
    expect(last("SetUserDisabled")).toEqual({ input: { userId: "u-2", disabled: true } });
  });

  it("shows the server's refusal to remove the last admin", async () => {
    const user = userEvent.setup();
    const { last } = setup({
      SetPlatformAdmin: { error: gqlError("CONFLICT", "this is the last active platform admin: make another account a platform admin first") },
    });
    const adaRow = (await screen.findByText("ada@x.io")).closest("tr")!;
    await user.click(within(adaRow).getByRole("button", { name: "Remove admin" }));
    const dialog = screen.getByRole("dialog", { hidden: true });
    await user.click(within(dialog).getByRole("button", { name: "Remove admin", hidden: true }));
    expect(last("SetPlatformAdmin")).toEqual({ input: { userId: "u-1", admin: false } });
    expect(await within(dialog).findByText(/last active platform admin/)).toBeInTheDocument();
  });
});

describe("AdminUsers in Traditional Chinese", { timeout: 20_000 }, () => {
  beforeEach(() => act(() => i18n.changeLanguage("zh-TW")));
  afterEach(() => act(() => i18n.changeLanguage("en")));

  it("shows the page, the table and the confirmation in zh-TW", async () => {
    const user = userEvent.setup();
    setup();
    expect(screen.getByRole("heading", { name: "使用者" })).toBeInTheDocument();
    expect(screen.getByRole("searchbox", { name: "搜尋使用者" })).toHaveAttribute("placeholder", "名稱或電子郵件");
    expect(screen.getByRole("button", { name: "搜尋" })).toBeInTheDocument();
    const bobRow = (await screen.findByText("bob@x.io")).closest("tr")!;
    expect(screen.getByRole("columnheader", { name: "電子郵件" })).toBeInTheDocument();
    expect(within(bobRow).getByText("使用中")).toBeInTheDocument();
    expect(screen.getByText("2 個帳號")).toBeInTheDocument();
    await user.click(within(bobRow).getByRole("button", { name: "停用" }));
    const dialog = screen.getByRole("dialog", { hidden: true });
    expect(within(dialog).getByText("Bob 將立即在所有地方被登出，並且在重新啟用前無法登入。")).toBeInTheDocument();
    expect(within(dialog).getByRole("button", { name: "停用", hidden: true })).toBeInTheDocument();
  });

  it("tells a non-admin in zh-TW", () => {
    session.platformAdmin = false;
    setup();
    expect(screen.getByText("僅限平台管理員")).toBeInTheDocument();
    expect(screen.getByText("只有平台管理員可以管理帳號。")).toBeInTheDocument();
  });
});
