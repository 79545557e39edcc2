import { describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes } from "react-router";
import { Provider } from "urql";
import { ForgotPassword } from "./ForgotPassword";
import { Login } from "./Login";
import { gqlError, mockClient, type Answer } from "./testClient";

vi.setConfig({ testTimeout: 20_000 });

vi.mock("../../lib/session", () => ({
  useViewer: () => ({ viewer: null, loading: false }),
  useSession: () => ({ reset: vi.fn() }),
}));

function renderForgot(answer: (name: string, vars: Record<string, unknown>) => Answer, url = "/forgot-password") {
  return render(
    <Provider value={mockClient(answer)}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route path="/login" element={<Login />} />
          <Route path="/forgot-password" element={<ForgotPassword />} />
        </Routes>
      </MemoryRouter>
    </Provider>,
  );
}

describe("ForgotPassword", () => {
  it("is linked from the sign-in page, keeping the typed address", async () => {
    renderForgot(() => undefined, "/login");
    const u = userEvent.setup({ delay: null });
    await u.type(screen.getByLabelText("Email"), "ada@example.com");
    await u.click(screen.getByRole("link", { name: "Forgot your password?" }));
    expect(await screen.findByRole("heading", { name: "Reset your password" })).toBeInTheDocument();
    expect(screen.getByLabelText("Email")).toHaveValue("ada@example.com");
  });

  it("asks for a link and says the same whether or not an account has the address", async () => {
    const calls: Record<string, unknown>[] = [];
    renderForgot((name, vars) => {
      expect(name).toBe("ForgotPasswordRequest");
      calls.push(vars);
      return { data: { requestPasswordReset: { __typename: "RequestPasswordResetPayload", ok: true } } };
    });
    const u = userEvent.setup({ delay: null });
    await u.type(screen.getByLabelText("Email"), " ada@example.com ");
    await u.click(screen.getByRole("button", { name: "Send reset link" }));
    expect(await screen.findByRole("status")).toHaveTextContent(
      "If an account has this address (ada@example.com), we sent a link to it; it works for an hour.",
    );
    expect(calls).toEqual([{ input: { email: "ada@example.com" } }]);
    expect(screen.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/login");
  });

  it("says when the server has no e-mail set up", async () => {
    renderForgot(() => ({
      errors: [gqlError("password reset by e-mail is not set up on this server; ask its administrator", "CONFLICT")],
    }) as Answer);
    const u = userEvent.setup({ delay: null });
    await u.type(screen.getByLabelText("Email"), "ada@example.com");
    await u.click(screen.getByRole("button", { name: "Send reset link" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Password reset by e-mail is not set up on this server; ask its administrator",
    );
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("shows a rate limit and an invalid address where they belong", async () => {
    let n = 0;
    renderForgot(() =>
      ++n === 1
        ? ({ errors: [gqlError("must be a valid email address", "BAD_USER_INPUT", "email")] } as Answer)
        : ({ errors: [gqlError("too many reset requests; try again in 9m0s", "TOO_MANY_REQUESTS")] } as Answer),
    );
    const u = userEvent.setup({ delay: null });
    await u.type(screen.getByLabelText("Email"), "ada");
    await u.click(screen.getByRole("button", { name: "Send reset link" }));
    expect(await screen.findByText("Email must be a valid email address")).toBeInTheDocument();
    expect(screen.getByLabelText("Email")).toHaveAttribute("aria-invalid", "true");
    await u.click(screen.getByRole("button", { name: "Send reset link" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Too many reset requests; try again in 9m0s.");
  });

  it("asks for the address before asking the server", async () => {
    const handler = vi.fn((): Answer => undefined);
    renderForgot(handler);
    await userEvent.setup({ delay: null }).click(screen.getByRole("button", { name: "Send reset link" }));
    expect(screen.getByLabelText("Email")).toHaveAccessibleDescription("Enter the email address of your account");
    expect(handler).not.toHaveBeenCalled();
  });
});
