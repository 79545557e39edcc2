// An invitation in Traditional Chinese: the link is often the first page of
// Woow PaaS a new user sees, signed out, in the browser's language.
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactElement } from "react";
import { MemoryRouter, Route, Routes } from "react-router";
import { Provider, type Client } from "urql";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { i18n } from "../../i18n";
import { InvitationPage } from "./InvitationPage";
import { PendingInvitations } from "./PendingInvitations";
import { mockClient, pending } from "./testing";

const session = vi.hoisted(() => ({
  viewer: null as null | { id: string; name: string; email: string; emailVerifiedAt?: string | null; platformAdmin: boolean },
}));
vi.mock("../../lib/session", () => ({
  useViewer: () => ({ viewer: session.viewer, loading: false }),
  useSession: () => ({ reset: vi.fn() }),
}));

const shopCo = pending("p-1", "Shop Co", { role: "admin", email: "new@x.io" });

function renderAt(client: Client, element: ReactElement) {
  return render(
    <Provider value={client}>
      <MemoryRouter initialEntries={[{ pathname: "/invitation", hash: "#token=tok-1" }]}>
        <Routes>
          <Route path="/invitation" element={element} />
        </Routes>
      </MemoryRouter>
    </Provider>,
  );
}

beforeEach(async () => {
  sessionStorage.clear();
  session.viewer = null;
  await act(() => i18n.changeLanguage("zh-TW"));
});
afterEach(async () => {
  await act(() => i18n.changeLanguage("en"));
});

describe("invitations in zh-TW", { timeout: 20_000 }, () => {
  it("shows the invitation to the signed out in Chinese", async () => {
    renderAt(mockClient({ InvitationByToken: { data: { invitationByToken: shopCo } } }).client, <InvitationPage />);
    expect(await screen.findByRole("heading", { level: 1, name: "加入 Shop Co" })).toBeInTheDocument();
    expect(screen.getByText(/Olive 邀請您加入 Woow PaaS 上的工作區/)).toHaveTextContent("Olive 邀請您加入 Woow PaaS 上的工作區 Shop Co。");
    const facts = screen.getAllByRole("definition")[0].closest("dl")!;
    expect(facts).toHaveTextContent("工作區Shop Co");
    expect(facts).toHaveTextContent("您的角色管理員");
    expect(facts).toHaveTextContent("邀請人Olive");
    expect(screen.getByRole("link", { name: "登入" })).toHaveAttribute("href", "/login?next=%2Finvitation");
    expect(screen.getByRole("link", { name: "建立帳號" })).toHaveAttribute("href", "/register?next=%2Finvitation");
  });

  it("signed in: accept or decline, in Chinese", async () => {
    session.viewer = { id: "u-me", name: "Me Myself", email: "new@x.io", emailVerifiedAt: null, platformAdmin: false };
    renderAt(mockClient({ InvitationByToken: { data: { invitationByToken: shopCo } } }).client, <InvitationPage />);
    expect(await screen.findByRole("button", { name: "接受" })).toBeEnabled();
    expect(screen.getByText("目前登入身分：Me Myself（new@x.io）。")).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole("button", { name: "婉拒" }));
    const dialog = await screen.findByRole("dialog", { name: "要婉拒加入 Shop Co 的邀請嗎？" });
    expect(within(dialog).getByRole("button", { name: "婉拒邀請" })).toBeInTheDocument();
    expect(within(dialog).getByRole("button", { name: "保留" })).toBeInTheDocument();
  });

  it("lists the pending invitations in Chinese", async () => {
    const list = [pending("p-1", "Shop Co"), pending("p-2", "Lab", { invitedBy: null, role: "guest" })];
    renderAt(mockClient({ ViewerPendingInvitations: { data: { viewer: { __typename: "User", id: "u-me", pendingInvitations: list } } } }).client, <PendingInvitations />);
    expect(await screen.findByRole("heading", { name: "您受邀加入 2 個工作區" })).toBeInTheDocument();
    expect(screen.getByText(/有人 邀請您成為/)).toHaveTextContent(/^有人 邀請您成為訪客 · .*到期$/);
    expect(screen.getByRole("button", { name: "接受加入 Shop Co 的邀請" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "婉拒加入 Lab 的邀請" })).toBeInTheDocument();
  });
});
