import { describe, expect, it, vi, beforeEach } from "vitest";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes } from "react-router";
import { Provider } from "urql";
import { Login } from "./Login";
import { Register } from "./Register";
import { gqlError, mockClient, type Answer } from "./testClient";
import { safeNext } from "./next";

// Typing runs real events; a busy machine needs more than the default 5 s.
vi.setConfig({ testTimeout: 20_000 });

const session = vi.hoisted(() => ({
  viewer: null as null | { id: string; name: string; email: string; platformAdmin: boolean },
  loading: false,
  reset: vi.fn(),
}));

vi.mock("../../lib/session", () => ({
  useViewer: () => ({ viewer: session.viewer, loading: session.loading }),
  useSession: () => ({ reset: session.reset }),
}));

const user = { __typename: "User", id: "VXNlcjox", name: "Ada", email: "ada@example.com", platformAdmin: false };

function renderLogin(url: string, answer: (name: string, vars: Record<string, unknown>) => Answer) {
  const client = mockClient(answer);
  return render(
    <Provider value={client}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route path="/login" element={<Login />} />
          <Route path="/register" element={<Register />} />
          <Route path="/" element={<p>Dashboard page</p>} />
          <Route path="/workspaces/:slug" element={<p>Workspace page</p>} />
        </Routes>
      </MemoryRouter>
    </Provider>,
  );
}

beforeEach(() => {
  session.viewer = null;
  session.loading = false;
  session.reset.mockClear();
});

describe("Login", () => {
  it("shows a BAD_USER_INPUT error at its field and keeps the user on the form", async () => {
    const calls: Record<string, unknown>[] = [];
    renderLogin("/login", (name, vars) => {
      calls.push(vars);
      expect(name).toBe("LoginSignIn");
      return { errors: [gqlError("must be a valid email address", "BAD_USER_INPUT", "email")] } as Answer;
    });
    const u = userEvent.setup({ delay: null });
    await u.type(screen.getByLabelText("Email"), "not-an-email");
    await u.type(screen.getByLabelText("Password"), "secret-password");
    await u.click(screen.getByRole("button", { name: "Sign in" }));

    const email = screen.getByLabelText("Email");
    expect(await screen.findByText("Email must be a valid email address")).toBeInTheDocument();
    expect(email).toHaveAttribute("aria-invalid", "true");
    expect(email).toHaveAccessibleDescription("Email must be a valid email address");
    expect(screen.getByLabelText("Password")).not.toHaveAttribute("aria-invalid");
    expect(calls).toEqual([{ input: { email: "not-an-email", password: "secret-password" } }]);
    expect(session.reset).not.toHaveBeenCalled();
  });

  it("shows a wrong password as a form error", async () => {
    renderLogin("/login", () => ({ errors: [gqlError("wrong email or password", "UNAUTHENTICATED")] }) as Answer);
    const u = userEvent.setup({ delay: null });
    await u.type(screen.getByLabelText("Email"), "ada@example.com");
    await u.type(screen.getByLabelText("Password"), "nope-nope");
    await u.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Wrong email or password");
  });

  it("checks for empty fields before asking the server", async () => {
    const handler = vi.fn((): Answer => ({ data: null }));
    renderLogin("/login", handler);
    await userEvent.setup({ delay: null }).click(screen.getByRole("button", { name: "Sign in" }));
    expect(screen.getByLabelText("Email")).toHaveAccessibleDescription("Enter your email address");
    expect(screen.getByLabelText("Password")).toHaveAccessibleDescription("Enter your password");
    expect(handler).not.toHaveBeenCalled();
  });

  it("signs in, starts a new session client and goes to `next`", async () => {
    renderLogin("/login?next=%2Fworkspaces%2Facme%3Ftab%3Dservices", () => ({ data: { login: { __typename: "AuthPayload", user } } }));
    expect(screen.getByText("Sign in to continue where you were.")).toBeInTheDocument();
    const u = userEvent.setup({ delay: null });
    await u.type(screen.getByLabelText("Email"), "ada@example.com");
    await u.type(screen.getByLabelText("Password"), "correct horse");
    await u.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByText("Workspace page")).toBeInTheDocument();
    expect(session.reset).toHaveBeenCalledTimes(1);
  });

  it("ignores a `next` that leaves the app", async () => {
    renderLogin("/login?next=%2F%2Fevil.example%2Fx", () => ({ data: { login: { __typename: "AuthPayload", user } } }));
    const u = userEvent.setup({ delay: null });
    await u.type(screen.getByLabelText("Email"), "ada@example.com");
    await u.type(screen.getByLabelText("Password"), "correct horse");
    await u.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByText("Dashboard page")).toBeInTheDocument();
  });

  it("sends a signed-in visitor on", () => {
    session.viewer = user;
    renderLogin("/login?next=%2Fworkspaces%2Facme", () => undefined);
    expect(screen.getByText("Workspace page")).toBeInTheDocument();
  });

  it("links to registration, keeping `next`", async () => {
    renderLogin("/login?next=%2Fworkspaces%2Facme", () => undefined);
    await userEvent.setup({ delay: null }).click(screen.getByRole("link", { name: "Create an account" }));
    expect(await screen.findByRole("heading", { name: "Create your account" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/login?next=%2Fworkspaces%2Facme");
  });
});

describe("safeNext", () => {
  it.each([
    [null, "/"],
    ["", "/"],
    ["/workspaces/acme?x=1#y", "/workspaces/acme?x=1#y"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["https://evil.example/", "/"],
    ["javascript:alert(1)", "/"],
    ["/login?next=/x", "/"],
    ["/register", "/"],
    ["/a\nb", "/"],
  ])("%s → %s", (input, want) => {
    expect(safeNext(input)).toBe(want);
  });
});
