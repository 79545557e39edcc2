import { StrictMode } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes } from "react-router";
import { Provider } from "urql";
import { VerifyEmail } from "./VerifyEmail";
import { gqlError, mockClient, type Answer } from "./testClient";

vi.setConfig({ testTimeout: 20_000 });

type V = { id: string; name: string; email: string; emailVerifiedAt: string | null; platformAdmin: boolean };
const session = vi.hoisted(() => ({ viewer: null as V | null }));
vi.mock("../../lib/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/session")>()),
  useViewer: () => ({ viewer: session.viewer, loading: false }),
}));

const me: V = { id: "u-me", name: "Me", email: "me@x.io", emailVerifiedAt: null, platformAdmin: false };

const ok = { data: { verifyEmail: { __typename: "VerifyEmailPayload", ok: true } } };
const invalid = { errors: [gqlError("this verification link is not valid any more; ask for a new one", "BAD_USER_INPUT", "token")] } as Answer;
const sent = { data: { requestEmailVerification: { __typename: "RequestEmailVerificationPayload", ok: true } } };

function renderPage(answer: (name: string, vars: Record<string, unknown>) => Answer, hash = "#token=tok-7") {
  const calls: [string, Record<string, unknown>][] = [];
  render(
    <StrictMode>
      <Provider
        value={mockClient((name, vars) => {
          calls.push([name, vars]);
          return answer(name, vars);
        })}
      >
        <MemoryRouter initialEntries={[{ pathname: "/verify-email", hash }]}>
          <Routes>
            <Route path="/verify-email" element={<VerifyEmail />} />
            <Route path="/login" element={<h1>Sign-in page</h1>} />
            <Route path="/" element={<h1>Dashboard</h1>} />
          </Routes>
        </MemoryRouter>
      </Provider>
    </StrictMode>,
  );
  return calls;
}

beforeEach(() => {
  session.viewer = null;
});

describe("VerifyEmail", () => {
  it("confirms the address at once, once, with the token in the GraphQL variables, and says so", async () => {
    const calls = renderPage(() => ok);
    expect(await screen.findByRole("heading", { level: 1, name: "Address confirmed" })).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("Your address is confirmed; invitations sent to it now show in the app.");
    // React runs the effect twice in StrictMode: the link works once, so it is sent once.
    expect(calls).toEqual([["VerifyEmail", { input: { token: "tok-7" } }]]);
    expect(screen.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/login");
  });

  it("signed in: back to the dashboard after confirming", async () => {
    session.viewer = me;
    renderPage(() => ok);
    expect(await screen.findByRole("heading", { level: 1, name: "Address confirmed" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Go to your dashboard" })).toHaveAttribute("href", "/");
  });

  it("a link that no longer works says so; signed out, sign in to ask for a new one in Settings", async () => {
    renderPage(() => invalid);
    expect(await screen.findByRole("heading", { level: 1, name: "This confirmation link does not work" })).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent(
      "This link is not valid any more: it was used already, it expired (links work for a day), or the account's address changed after it was sent.",
    );
    expect(screen.getByRole("link", { name: "Sign in to ask for a new link" })).toHaveAttribute("href", "/login?next=%2Fsettings");
    expect(screen.queryByRole("button", { name: "Send a new link" })).toBeNull();
  });

  it("a link that no longer works, signed in: sends a new link to the account's address", async () => {
    session.viewer = me;
    const calls = renderPage((name) => (name === "VerifyEmail" ? invalid : sent));
    const button = await screen.findByRole("button", { name: "Send a new link" });
    expect(screen.getByText(/We can send a new link to me@x\.io/)).toBeInTheDocument();
    await userEvent.setup({ delay: null }).click(button);
    expect(await screen.findByText(/We sent a link to me@x\.io\. Open it within a day/)).toBeInTheDocument();
    expect(calls.map(([n]) => n)).toEqual(["VerifyEmail", "RequestEmailVerification"]);
  });

  it("a server without e-mail cannot send a new link, and says so plainly", async () => {
    session.viewer = me;
    renderPage((name) =>
      name === "VerifyEmail" ? invalid : ({ errors: [gqlError("e-mail is not set up on this server; ask its administrator", "CONFLICT")] } as Answer),
    );
    await userEvent.setup({ delay: null }).click(await screen.findByRole("button", { name: "Send a new link" }));
    const alerts = await screen.findAllByRole("alert");
    expect(alerts.at(-1)).toHaveTextContent("E-mail is not set up on this server; ask its administrator.");
    expect(alerts.at(-1)).toHaveTextContent("Invitations still reach you through the links their senders share with you.");
    expect(screen.queryByText(/We sent a link/)).toBeNull();
  });

  it("a link that no longer works, for an account confirmed already: nothing more to do", async () => {
    session.viewer = { ...me, emailVerifiedAt: "2026-11-01T10:00:00Z" };
    renderPage(() => invalid);
    expect(await screen.findByText(/is confirmed already: there is nothing more to do/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Send a new link" })).toBeNull();
  });

  it("too many attempts: says so, and tries the same link again on request", async () => {
    let n = 0;
    const calls = renderPage(() => (++n === 1 ? ({ errors: [gqlError("too many attempts; try again in 30s", "TOO_MANY_REQUESTS")] } as Answer) : ok));
    expect(await screen.findByRole("alert")).toHaveTextContent("Too many attempts; try again in 30s.");
    await userEvent.setup({ delay: null }).click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Address confirmed" })).toBeInTheDocument();
    expect(calls).toEqual([
      ["VerifyEmail", { input: { token: "tok-7" } }],
      ["VerifyEmail", { input: { token: "tok-7" } }],
    ]);
  });

  it("says what to do when the address has no token, and asks the server nothing", () => {
    const calls = renderPage(() => ok, "");
    expect(screen.getByRole("heading", { level: 1, name: "Confirm your address" })).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent("This page opens from the link in a confirmation e-mail");
    expect(calls).toEqual([]);
  });
});
