// The sign-in pages in Traditional Chinese: a signed-out browser in Taiwan
// gets them in zh-TW (i18n initialLocale), so they must read as Chinese,
// local checks and the server's refusals included.
import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes } from "react-router";
import { Provider } from "urql";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { i18n } from "../../i18n";
import { ForgotPassword } from "./ForgotPassword";
import { Login } from "./Login";
import { Register } from "./Register";
import { gqlError, mockClient, type Answer } from "./testClient";

vi.setConfig({ testTimeout: 20_000 });

vi.mock("../../lib/session", () => ({
  useViewer: () => ({ viewer: null, loading: false }),
  useSession: () => ({ reset: vi.fn() }),
}));

function renderAt(url: string, answer: (name: string) => Answer = () => undefined) {
  return render(
    <Provider value={mockClient(answer)}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route path="/login" element={<Login />} />
          <Route path="/register" element={<Register />} />
          <Route path="/forgot-password" element={<ForgotPassword />} />
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

describe("sign-in pages in zh-TW", () => {
  it("shows the sign-in page in Chinese, with its own checks", async () => {
    renderAt("/login");
    expect(screen.getByRole("heading", { level: 1, name: "登入" })).toBeInTheDocument();
    expect(screen.getByText("歡迎回來。登入以管理您的工作區和應用程式。")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "建立帳號" })).toHaveAttribute("href", "/register");
    expect(screen.getByRole("link", { name: "忘記密碼？" })).toBeInTheDocument();
    await userEvent.setup({ delay: null }).click(screen.getByRole("button", { name: "登入" }));
    expect(screen.getByLabelText("電子郵件")).toHaveAccessibleDescription("請輸入您的電子郵件地址");
    expect(screen.getByLabelText("密碼")).toHaveAccessibleDescription("請輸入您的密碼");
  });

  it("says a refused sign-in and a rate limit in Chinese", async () => {
    let limited = false;
    renderAt("/login", () => ({
      errors: [limited ? gqlError("too many failed sign-ins; try again in 4m0s", "TOO_MANY_REQUESTS") : gqlError("must be a valid email address", "BAD_USER_INPUT", "email")],
    }));
    const u = userEvent.setup({ delay: null });
    await u.type(screen.getByLabelText("電子郵件"), "ada@example.com");
    await u.type(screen.getByLabelText("密碼"), "secret-password");
    await u.click(screen.getByRole("button", { name: "登入" }));
    expect(await screen.findByText("請檢查您輸入的內容。（must be a valid email address）")).toBeInTheDocument();
    limited = true;
    await u.click(screen.getByRole("button", { name: "登入" }));
    expect(await screen.findByText("嘗試次數過多，請稍候再試。")).toBeInTheDocument();
  });

  it("shows registration and password reset in Chinese", async () => {
    renderAt("/register");
    expect(screen.getByRole("heading", { level: 1, name: "建立您的帳號" })).toBeInTheDocument();
    expect(screen.getByLabelText("姓名")).toBeInTheDocument();
    expect(screen.getByLabelText("密碼")).toHaveAccessibleDescription("至少 8 個字元。");
    await userEvent.setup({ delay: null }).click(screen.getByRole("button", { name: "建立帳號" }));
    expect(screen.getByLabelText("姓名")).toHaveAccessibleDescription("請輸入您的姓名");
    expect(screen.getByLabelText("密碼")).toHaveAccessibleDescription(/請使用至少 8 個字元/);
  });

  it("shows the forgotten-password page in Chinese", () => {
    renderAt("/forgot-password");
    expect(screen.getByRole("heading", { level: 1, name: "重設您的密碼" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "寄送重設連結" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "登入" })).toHaveAttribute("href", "/login");
  });
});
