import { beforeEach, describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes } from "react-router";
import { Provider } from "urql";
import { Login } from "./Login";
import { ResetPassword } from "./ResetPassword";
import { gqlError, mockClient, type Answer } from "./testClient";

vi.setConfig({ testTimeout: 20_000 });

const session = vi.hoisted(() => ({ reset: vi.fn() }));
vi.mock("../../lib/session", () => ({
  useViewer: () => ({ viewer: null, loading: false }),
  useSession: () => ({ reset: session.reset }),
}));

function renderReset(answer: (name: string, vars: Record<string, unknown>) => Answer, hash = "#token=tok-9") {
  return render(
    <Provider value={mockClient(answer)}>
      <MemoryRouter initialEntries={[{ pathname: "/reset-password", hash }]}>
        <Routes>
          <Route path="/login" element={<Login />} />
          <Route path="/reset-password" element={<ResetPassword />} />
          <Route path="/forgot-password" element={<h1>Forgot page</h1>} />
        </Routes>
      </MemoryRouter>
    </Provider>,
  );
}

async function fill(newPassword: string, confirm = newPassword) {
  const u = userEvent.setup({ delay: null });
  if (newPassword) await u.type(screen.getByLabelText("New password"), newPassword);
  if (confirm) await u.type(screen.getByLabelText("Confirm new password"), confirm);
  await u.click(screen.getByRole("button", { name: "Set new password" }));
  return u;
}

beforeEach(() => session.reset.mockClear());

describe("ResetPassword", () => {
  it("sets the new password with the link's token, ends the session and asks to sign in again", async () => {
    const calls: Record<string, unknown>[] = [];
    renderReset((name, vars) => {
      expect(name).toBe("ResetPassword");
      calls.push(vars);
      return { data: { resetPassword: { __typename: "ResetPasswordPayload", ok: true } } };
    });
    await fill("a new long password");
    expect(await screen.findByRole("heading", { name: "Sign in" })).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("Password changed; sign in with your new password.");
    expect(calls).toEqual([{ input: { token: "tok-9", newPassword: "a new long password" } }]);
    expect(session.reset).toHaveBeenCalledTimes(1);
  });

  it("checks length and the confirmation before asking the server", async () => {
    const handler = vi.fn((): Answer => undefined);
    renderReset(handler);
    await fill("short", "shorter");
    expect(screen.getByLabelText("New password")).toHaveAccessibleDescription(/Use at least 8 characters/);
    const u = userEvent.setup({ delay: null });
    await u.clear(screen.getByLabelText("New password"));
    await u.clear(screen.getByLabelText("Confirm new password"));
    await fill("long enough password", "long enough passwort");
    expect(screen.getByLabelText("Confirm new password")).toHaveAccessibleDescription("The passwords do not match");
    expect(handler).not.toHaveBeenCalled();
  });

  it("says when the link no longer works, with a way to ask for a new one", async () => {
    renderReset(() => ({
      errors: [gqlError("this reset link is not valid any more; ask for a new one", "BAD_USER_INPUT", "token")],
    }) as Answer);
    await fill("a new long password");
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("This reset link is not valid any more; ask for a new one.");
    expect(screen.getAllByRole("link", { name: "Ask for a new link" })[0]).toHaveAttribute("href", "/forgot-password");
    expect(session.reset).not.toHaveBeenCalled();
  });

  it("puts a refused password at its field", async () => {
    renderReset(() => ({ errors: [gqlError("must be at most 1024 bytes", "BAD_USER_INPUT", "newPassword")] }) as Answer);
    await fill("a new long password");
    expect(await screen.findByText("New password must be at most 1024 bytes")).toBeInTheDocument();
    expect(screen.getByLabelText("New password")).toHaveAttribute("aria-invalid", "true");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("says what to do when the address has no token", () => {
    renderReset(() => undefined, "");
    expect(screen.getByRole("alert")).toHaveTextContent("This page opens from the link in a password reset e-mail");
    expect(screen.queryByLabelText("New password")).toBeNull();
  });
});
