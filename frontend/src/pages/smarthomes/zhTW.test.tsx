// The smart homes section and a smart home's page in Traditional Chinese.
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes } from "react-router";
import { Provider, type Client } from "urql";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { i18n } from "../../i18n";
import { SmartHomeDetail } from "./SmartHomeDetail";
import { SmartHomes } from "./SmartHomes";
import { home, homesConnection, mockClient } from "./testing";

const ws = { id: "ws-1", slug: "shop-co", state: "active" as const };

function renderAt(path: string, client: Client) {
  return render(
    <Provider value={client}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/workspaces/:slug" element={<SmartHomes ws={ws} canManage />} />
          <Route path="/workspaces/:slug/smart-homes/:id" element={<SmartHomeDetail />} />
        </Routes>
      </MemoryRouter>
    </Provider>,
  );
}

beforeEach(async () => {
  await act(() => i18n.changeLanguage("zh-TW"));
});
afterEach(async () => {
  await act(() => i18n.changeLanguage("en"));
});

describe("smart homes in zh-TW", { timeout: 20_000 }, () => {
  it("lists the homes and checks the form in Chinese", async () => {
    const { client, executeMutation } = mockClient({
      WorkspaceSmartHomes: {
        data: {
          workspace: { __typename: "Workspace", id: "ws-1", smartHomes: homesConnection([home("h-1", "Beach house")]) },
        },
      },
    });
    const u = userEvent.setup();
    renderAt("/workspaces/shop-co", client);
    const card = (await screen.findByRole("link", { name: "Beach house" })).closest("li")!;
    expect(within(card).getByText("使用中")).toHaveClass("badge-success");
    expect(card).toHaveTextContent("通道：未連線");
    expect(screen.getByRole("heading", { name: "智慧家庭" })).toBeInTheDocument();

    await u.click(screen.getByRole("button", { name: "新增智慧家庭" }));
    const form = screen.getByRole("form", { name: "新增智慧家庭" });
    const port = within(form).getByRole("textbox", { name: "Home Assistant 連接埠" });
    await u.clear(port);
    await u.click(within(form).getByRole("button", { name: "新增智慧家庭" }));
    expect(within(form).getByText("名稱須為 1 到 100 個字元")).toBeInTheDocument();
    expect(within(form).getByText("連接埠須為 1 到 65535 之間的數字")).toBeInTheDocument();
    expect(within(form).getByRole("button", { name: "取消" })).toBeInTheDocument();
    expect(executeMutation).not.toHaveBeenCalled();
  });

  it("shows a home's page in Chinese", async () => {
    const { client } = mockClient({
      SmartHomeDetail: {
        data: {
          node: {
            ...home("h-1", "Beach house", "active", {
              tunnelStatus: "connected",
              connectorID: "conn-42",
              connectorType: "cloudflared 2025.1.0",
              connectedSince: "2026-12-01T10:05:00Z",
            }),
            workspace: { __typename: "Workspace", id: "ws-1", name: "Shop Co", slug: "shop-co", state: "active" },
          },
        },
      },
    });
    renderAt("/workspaces/shop-co/smart-homes/h-1", client);
    expect(await screen.findByRole("heading", { level: 1, name: "Beach house" })).toBeInTheDocument();
    expect(screen.getByText(/的智慧家庭/)).toHaveTextContent("位於 Shop Co 的智慧家庭");
    expect(screen.getByRole("link", { name: "Shop Co" })).toHaveAttribute("href", "/workspaces/shop-co");
    expect(screen.getByRole("button", { name: "重新整理狀態" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "刪除" })).toBeInTheDocument();
    const facts = screen.getByRole("region", { name: "概覽" });
    expect(within(facts).getByText("網址")).toBeInTheDocument();
    expect(within(facts).getByText("通道名稱")).toBeInTheDocument();
    expect(within(facts).getByText(/已連線：連接器/)).toHaveTextContent("conn-42，cloudflared 2025.1.0，自");
    expect(screen.getByRole("region", { name: "通道權杖" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "顯示權杖" })).toBeInTheDocument();
    const help = screen.getByRole("region", { name: "Home Assistant 設定" });
    expect(help).toHaveTextContent("監聽連接埠 8123");
    expect(help).toHaveTextContent("cloudflared tunnel run --token <token>");
    expect(help).toHaveTextContent("use_x_forwarded_for: true");
  });
});
