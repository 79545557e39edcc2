import { describe, expect, it, vi, beforeEach } from "vitest";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes } from "react-router";
import { Provider } from "urql";
import { Register } from "./Register";
import { gqlError, mockClient, type Answer } from "./testClient";

// Typing runs real events; a busy machine needs more than the default 5 s.
vi.setConfig({ testTimeout: 20_000 });

const session = vi.hoisted(() => ({ reset: vi.fn() }));
vi.mock("../../lib/session", () => ({
  useViewer: () => ({ viewer: null, loading: false }),
  useSession: () => ({ reset: session.reset }),
}));

function renderRegister(answer: (name: string, vars: Record<string, unknown>) => Answer, url = "/register") {
  const client = mockClient(answer);
  return render(
    <Provider value={client}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route path="/register" element={<Register />} />
          <Route path="/" element={<p>Dashboard page</p>} />
        </Routes>
      </MemoryRouter>
    </Provider>,
  );
}

beforeEach(() => session.reset.mockClear());

describe("Register", () => {
  it("shows what is missing or too short at each field, without asking the server", async () => {
    const handler = vi.fn((): Answer => undefined);
    renderRegister(handler);
    const u = userEvent.setup({ delay: null });
    await u.type(screen.getByLabelText("Email"), "ada-at-example");
    await u.type(screen.getByLabelText("Password"), "short");
    await u.click(screen.getByRole("button", { name: "Create account" }));

    expect(screen.getByLabelText("Name")).toHaveAccessibleDescription("Enter your name");
    expect(screen.getByLabelText("Email")).toHaveAccessibleDescription("Enter a valid email address, like you@example.com");
    expect(screen.getByLabelText("Password")).toHaveAccessibleDescription(/Use at least 8 characters/);
    for (const label of ["Name", "Email", "Password"]) expect(screen.getByLabelText(label)).toHaveAttribute("aria-invalid", "true");
    expect(handler).not.toHaveBeenCalled();
  });

  it("shows the server's field errors at name, email and password", async () => {
    const errors = [
      gqlError("a name has at most 200 characters", "BAD_USER_INPUT", "name"),
      gqlError("an account with this email already exists", "BAD_USER_INPUT", "email"),
      gqlError("must be at most 1024 bytes", "BAD_USER_INPUT", "password"),
    ];
    renderRegister(() => ({ errors }) as Answer);
    const u = userEvent.setup({ delay: null });
    await u.type(screen.getByLabelText("Name"), "Ada");
    await u.type(screen.getByLabelText("Email"), "ada@example.com");
    await u.type(screen.getByLabelText("Password"), "long enough");
    await u.click(screen.getByRole("button", { name: "Create account" }));

    expect(await screen.findByText("An account with this email already exists")).toBeInTheDocument();
    expect(screen.getByLabelText("Name")).toHaveAccessibleDescription("A name has at most 200 characters");
    expect(screen.getByLabelText("Email")).toHaveAccessibleDescription("An account with this email already exists");
    expect(screen.getByLabelText("Password")).toHaveAccessibleDescription(/Password must be at most 1024 bytes/);
    // All three belong to fields: no form-level alert repeats them.
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(session.reset).not.toHaveBeenCalled();
  });

  it("shows a refusal that names no field above the form", async () => {
    renderRegister(() => ({ errors: [gqlError("registration is closed", "FORBIDDEN")] }) as Answer);
    const u = userEvent.setup({ delay: null });
    await u.type(screen.getByLabelText("Name"), "Ada");
    await u.type(screen.getByLabelText("Email"), "ada@example.com");
    await u.type(screen.getByLabelText("Password"), "long enough");
    await u.click(screen.getByRole("button", { name: "Create account" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Registration is closed");
  });

  it("creates the account, resets the session and goes to the dashboard", async () => {
    const calls: Record<string, unknown>[] = [];
    renderRegister((_n, vars) => {
      calls.push(vars);
      return { data: { register: { __typename: "AuthPayload", user: { __typename: "User", id: "1", name: "Ada", email: "ada@example.com", platformAdmin: true } } } };
    });
    const u = userEvent.setup({ delay: null });
    await u.type(screen.getByLabelText("Name"), "  Ada ");
    await u.type(screen.getByLabelText("Email"), "ada@example.com");
    await u.type(screen.getByLabelText("Password"), "long enough");
    await u.click(screen.getByRole("button", { name: "Create account" }));
    expect(await screen.findByText("Dashboard page")).toBeInTheDocument();
    expect(calls).toEqual([{ input: { name: "Ada", email: "ada@example.com", password: "long enough" } }]);
    expect(session.reset).toHaveBeenCalledTimes(1);
  });
});
