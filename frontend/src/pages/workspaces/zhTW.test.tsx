// The workspace page and its team in Traditional Chinese: headings, tabs,
// roles and buttons come from the zh-TW strings, while the role values sent
// to the API stay the enum's.
import { act, render, screen, within } from "@testing-library/react";
import { MemoryRouter, Route, Routes } from "react-router";
import { Provider, type Client } from "urql";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { i18n } from "../../i18n";
import { WorkspaceProvider } from "../../lib/workspace";
import { Team } from "./Team";
import { WorkspaceDetail } from "./WorkspaceDetail";
import { connection, member, mockClient, myWorkspaces, user, viewer, workspaceCan } from "./testing";

vi.mock("../../lib/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/session")>()),
  useSignedInViewer: () => viewer,
}));

const me = { __typename: "User", id: viewer.id, name: viewer.name, email: viewer.email };

function workspace(more: object) {
  return {
    __typename: "Workspace",
    id: "ws-1",
    name: "Shop Co",
    slug: "shop-co",
    description: "Our shop's apps",
    state: "active",
    viewerRole: "owner",
    ...workspaceCan("owner"),
    ...more,
  };
}

function renderAt(path: string, client: Client) {
  return render(
    <Provider value={client}>
      <MemoryRouter initialEntries={[path]}>
        <WorkspaceProvider>
          <Routes>
            <Route path="/workspaces/:slug" element={<WorkspaceDetail />} />
            <Route path="/workspaces/:slug/team" element={<Team />} />
          </Routes>
        </WorkspaceProvider>
      </MemoryRouter>
    </Provider>,
  );
}

const switcher = myWorkspaces([{ id: "ws-1", name: "Shop Co", slug: "shop-co", viewerRole: "owner" }]);

beforeEach(async () => {
  localStorage.clear();
  await act(() => i18n.changeLanguage("zh-TW"));
});
afterEach(async () => {
  await act(() => i18n.changeLanguage("en"));
});

describe("workspace pages in zh-TW", { timeout: 20_000 }, () => {
  it("shows the workspace's header, tabs, services and smart homes in Chinese", async () => {
    const { client } = mockClient({
      MyWorkspaces: switcher,
      WorkspaceDetailPage: {
        data: {
          workspace: workspace({
            namespace: "paas-ws-12345678",
            members: { __typename: "WorkspaceMemberConnection", totalCount: 3 },
            services: connection("Service", []),
          }),
        },
      },
      WorkspaceSmartHomes: {
        data: { workspace: { __typename: "Workspace", id: "ws-1", smartHomes: connection("SmartHome", []) } },
      },
    });
    renderAt("/workspaces/shop-co", client);
    expect(await screen.findByRole("heading", { level: 1, name: "Shop Co" })).toBeInTheDocument();
    expect(screen.getByText("擁有者")).toBeInTheDocument();
    expect(screen.getByText("使用中")).toBeInTheDocument();
    expect(screen.getByText("3 位成員")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "編輯" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "封存" })).toBeInTheDocument();
    const tabs = screen.getByRole("navigation", { name: "工作區分頁" });
    expect(within(tabs).getAllByRole("link").map((a) => a.textContent)).toEqual(["服務", "團隊", "助理", "專案"]);
    expect(screen.getByRole("heading", { name: "服務" })).toBeInTheDocument();
    expect(screen.getByText("尚無服務")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "瀏覽應用市集" })).toBeInTheDocument();
    expect(await screen.findByRole("heading", { name: "智慧家庭" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "新增智慧家庭" })).toBeInTheDocument();
  });

  it("shows the team, its roles and its controls in Chinese", async () => {
    const olive = user("u-olive", "Olive");
    const { client } = mockClient({
      MyWorkspaces: switcher,
      TeamPage: {
        data: {
          workspace: workspace({
            members: connection("WorkspaceMember", [member(me, "owner"), member(olive, "guest")]),
            pendingInvitations: [
              {
                __typename: "Invitation",
                id: "inv-1",
                email: "new@x.io",
                role: "admin",
                status: "pending",
                expiresAt: "2099-01-01T00:00:00Z",
                createdAt: "2026-11-01T00:00:00Z",
              },
            ],
          }),
        },
      },
    });
    renderAt("/workspaces/shop-co/team", client);
    expect(await screen.findByRole("heading", { name: "邀請成員" })).toBeInTheDocument();
    const role = screen.getByRole("combobox", { name: "角色" });
    // Chinese names, the enum's values.
    expect(within(role).getAllByRole("option").map((o) => [o.textContent, o.getAttribute("value")])).toEqual([
      ["訪客", "guest"],
      ["使用者", "user"],
      ["管理員", "admin"],
    ]);
    expect(screen.getByText("可以檢視所有內容、建立及編輯任務，並參與對話。")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "邀請" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: /^成員/ })).toBeInTheDocument();
    expect(screen.getByText("（您）")).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "Olive 的角色" })).toHaveValue("guest");
    expect(screen.getByRole("button", { name: "移除 Olive" })).toBeInTheDocument();
    const invitations = screen.getByRole("region", { name: /待處理的邀請/ });
    expect(within(invitations).getByText("待處理")).toBeInTheDocument();
    expect(within(invitations).getByRole("button", { name: "為 new@x.io 產生新連結" })).toHaveTextContent("產生新連結");
    expect(within(invitations).getByRole("button", { name: "取消給 new@x.io 的邀請" })).toHaveTextContent("取消");
    expect(screen.getByRole("heading", { name: "移轉擁有權" })).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "新的擁有者" })).toHaveTextContent("選擇成員…");
  });
});
