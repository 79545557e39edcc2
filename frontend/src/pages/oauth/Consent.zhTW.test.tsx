// The consent page in Traditional Chinese: the words of this app are
// Chinese; what the client and the server name (the app, its scopes'
// descriptions, the address) stays as it is.
import { act, render, screen } from "@testing-library/react";
import { MemoryRouter, Route, Routes } from "react-router";
import { Provider } from "urql";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { i18n } from "../../i18n";
import { mockClient } from "../auth/testClient";
import { Consent } from "./Consent";

vi.mock("../../lib/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/session")>()),
  useSignedInViewer: () => ({ id: "u-1", name: "Ada", email: "ada@example.com", emailVerifiedAt: null, platformAdmin: false }),
}));

const query = "?client_id=woow-ha-smart-home&redirect_uri=" + encodeURIComponent("http://ha.local:8123/cb") + "&scope=smarthome:read";

function renderPage(search = query) {
  render(
    <Provider
      value={mockClient(() => ({
        data: {
          oauthConsent: {
            __typename: "OAuthConsent",
            clientId: "woow-ha-smart-home",
            clientName: "Home Assistant",
            scopes: [{ __typename: "OAuthScope", name: "smarthome:read", description: "See your smart homes and their status" }],
            redirectHost: "ha.local:8123",
            registeredRedirect: false,
          },
        },
      }))}
    >
      <MemoryRouter initialEntries={[`/oauth2/authorize${search}`]}>
        <Routes>
          <Route path="/oauth2/authorize" element={<Consent />} />
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

describe("Consent in zh-TW", () => {
  it("asks in Chinese, naming the app, the account and where the browser goes", async () => {
    renderPage();
    expect(await screen.findByRole("heading", { level: 1, name: "要允許 Home Assistant 使用您的帳號嗎？" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 2, name: "Home Assistant 要求：" })).toBeInTheDocument();
    expect(screen.getByText(/目前登入身分/)).toHaveTextContent("目前登入身分：ada@example.com。");
    const note = screen.getByRole("note", { name: "您的瀏覽器接下來前往的地方" });
    expect(note).toHaveTextContent("您做出決定後，瀏覽器會前往 ha.local:8123");
    expect(note).toHaveTextContent("只有在它是您自己的 Home Assistant 時才允許。");
    expect(screen.getByRole("button", { name: "允許" })).toBeEnabled();
    expect(screen.getByRole("button", { name: "拒絕" })).toBeEnabled();
    expect(screen.getByRole("link", { name: "設定" })).toHaveAttribute("href", "/settings");
  });

  it("says an incomplete request in Chinese", () => {
    renderPage("?client_id=x");
    expect(screen.getByRole("heading", { level: 1, name: "這個請求不完整" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "前往您的儀表板" })).toBeInTheDocument();
  });
});
