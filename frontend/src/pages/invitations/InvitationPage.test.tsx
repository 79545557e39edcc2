import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes, useLocation } from "react-router";
import { Provider, type Client } from "urql";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { InvitationPage } from "./InvitationPage";
import { gqlError, mockClient, pending, type Answers } from "./testing";

const session = vi.hoisted(() => ({
  viewer: null as null | { id: string; name: string; email: string; emailVerifiedAt?: string | null; platformAdmin: boolean },
  reset: vi.fn(),
}));
vi.mock("../../lib/session", () => ({
  useViewer: () => ({ viewer: session.viewer, loading: false }),
  useSession: () => ({ reset: session.reset }),
}));

const me = { id: "u-me", name: "Me Myself", email: "me@x.io", platformAdmin: false };
const stored = "woow.invitationToken";

function Where() {
  const l = useLocation();
  return <p data-testid="where">{l.pathname + l.search + l.hash}</p>;
}

function renderPage(client: Client, entry: string | { pathname: string; hash: string }) {
  return render(
    <Provider value={client}>
      <MemoryRouter initialEntries={[entry]}>
        <Routes>
          <Route path="/invitation" element={<InvitationPage />} />
          <Route path="/login" element={<h1>Sign-in page</h1>} />
          <Route path="/register" element={<h1>Register page</h1>} />
          <Route path="/workspaces/:slug" element={<h1>Workspace page</h1>} />
          <Route path="/" element={<h1>Dashboard</h1>} />
        </Routes>
        <Where />
      </MemoryRouter>
    </Provider>,
  );
}

const withToken = { pathname: "/invitation", hash: "#token=tok-1" };
const shopCo = pending("p-1", "Shop Co", { role: "admin", email: "new@x.io" });

function answers(more: Answers = {}): Answers {
  return { InvitationByToken: { data: { invitationByToken: shopCo } }, ...more };
}

beforeEach(() => {
  sessionStorage.clear();
  session.viewer = null;
  session.reset.mockClear();
});

describe("InvitationPage", { timeout: 20_000 }, () => {
  it("shows the invitation to the signed out, with sign-in and register that come back here without the token", async () => {
    const { client, executeQuery } = mockClient(answers());
    renderPage(client, withToken);
    expect(await screen.findByRole("heading", { level: 1, name: "Join Shop Co" })).toBeInTheDocument();
    expect(screen.getByText(/Olive invited you to the workspace/)).toBeInTheDocument();
    const facts = screen.getAllByRole("definition")[0].closest("dl")!;
    expect(facts).toHaveTextContent("WorkspaceShop Co");
    expect(facts).toHaveTextContent("Your roleAdmin");
    expect(facts).toHaveTextContent("Invited byOlive");
    expect(facts).toHaveTextContent("Sent tonew@x.io");
    // The token goes in the GraphQL variables, and waits in this tab for the way back.
    expect(executeQuery).toHaveBeenCalledWith(
      expect.objectContaining({ variables: { token: "tok-1" } }),
      expect.anything(),
    );
    expect(sessionStorage.getItem(stored)).toBe("tok-1");
    const signIn = screen.getByRole("link", { name: "Sign in" });
    const register = screen.getByRole("link", { name: "Create an account" });
    expect(signIn).toHaveAttribute("href", "/login?next=%2Finvitation");
    expect(register).toHaveAttribute("href", "/register?next=%2Finvitation");
    expect(screen.queryByRole("button", { name: "Accept" })).toBeNull();
    await userEvent.setup().click(register);
    expect(await screen.findByRole("heading", { name: "Register page" })).toBeInTheDocument();
    expect(screen.getByTestId("where")).toHaveTextContent("/register?next=%2Finvitation");
    expect(screen.getByTestId("where")).not.toHaveTextContent("tok-1");
  });

  it("after signing in (no token in the address), accepts with the remembered token and opens the workspace", async () => {
    sessionStorage.setItem(stored, "tok-1");
    session.viewer = me;
    const { client, executeMutation } = mockClient(
      answers({
        AcceptInvitation: {
          data: {
            acceptInvitation: {
              __typename: "AcceptInvitationPayload",
              member: {
                __typename: "WorkspaceMember",
                id: "m-1",
                role: "admin",
                workspace: { __typename: "Workspace", id: "w-shop-co", slug: "shop-co", name: "Shop Co" },
              },
            },
          },
        },
      }),
    );
    const u = userEvent.setup();
    renderPage(client, "/invitation");
    await screen.findByRole("heading", { level: 1, name: "Join Shop Co" });
    // Sent to another address than the account's: said plainly.
    expect(screen.getByText(/Signed in as Me Myself \(me@x.io\)/)).toHaveTextContent(
      "The invitation was sent to new@x.io: accepting adds this account to Shop Co.",
    );
    await u.click(screen.getByRole("button", { name: "Accept" }));
    expect(await screen.findByRole("heading", { name: "Workspace page" })).toBeInTheDocument();
    expect(screen.getByTestId("where")).toHaveTextContent("/workspaces/shop-co");
    expect(executeMutation).toHaveBeenCalledWith(
      expect.objectContaining({ variables: { input: { token: "tok-1" } } }),
      expect.anything(),
    );
    expect(sessionStorage.getItem(stored)).toBeNull();
  });

  it("signed in: the link is how the invitation reaches an unconfirmed address; a confirmed one finds it on the dashboard too", async () => {
    session.viewer = { ...me, email: "new@x.io", emailVerifiedAt: null };
    const first = renderPage(mockClient(answers()).client, withToken);
    await screen.findByRole("heading", { level: 1, name: "Join Shop Co" });
    expect(screen.getByRole("link", { name: "Not now: go to your dashboard" }).closest("p")).toHaveTextContent(
      "(keep this link to answer later: it works until it expires)",
    );
    first.unmount();

    session.viewer = { ...me, email: "new@x.io", emailVerifiedAt: "2026-11-01T10:00:00Z" };
    renderPage(mockClient(answers()).client, withToken);
    await screen.findByRole("heading", { level: 1, name: "Join Shop Co" });
    expect(screen.getByRole("link", { name: "Not now: go to your dashboard" }).closest("p")).toHaveTextContent(
      "(the invitation waits there too, until it expires)",
    );
  });

  it("says so when the viewer is already a member, with a link to the workspace", async () => {
    session.viewer = { ...me, email: "new@x.io" };
    const { client } = mockClient(answers({ AcceptInvitation: { error: gqlError("CONFLICT", "you are already a member of Shop Co") } }));
    const u = userEvent.setup();
    renderPage(client, withToken);
    await u.click(await screen.findByRole("button", { name: "Accept" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("You are already a member of Shop Co.");
    expect(within(alert).getByRole("link", { name: "Open Shop Co" })).toHaveAttribute("href", "/workspaces/shop-co");
    expect(screen.queryByText(/accepting adds this account/)).toBeNull();
  });

  it("tells a member of the workspace (its inviter, say) that the invitation is for someone else", async () => {
    session.viewer = me;
    const { client, executeMutation } = mockClient(
      answers({
        MyWorkspaces: {
          data: {
            workspaces: {
              __typename: "WorkspaceConnection",
              totalCount: 1,
              edges: [
                {
                  __typename: "WorkspaceEdge",
                  node: { __typename: "Workspace", id: "w-shop-co", name: "Shop Co", slug: "shop-co", viewerRole: "owner" },
                },
              ],
            },
          },
        },
      }),
    );
    renderPage(client, withToken);
    expect(await screen.findByRole("status")).toHaveTextContent("You (me@x.io) are already a member of Shop Co");
    expect(screen.getByRole("link", { name: "Open Shop Co" })).toHaveAttribute("href", "/workspaces/shop-co");
    expect(screen.queryByRole("button", { name: "Accept" })).toBeNull();
    expect(executeMutation).not.toHaveBeenCalled();
  });

  it("declines after a confirmation", async () => {
    session.viewer = me;
    const { client, executeMutation } = mockClient(
      answers({ DeclineInvitation: { data: { declineInvitation: { __typename: "DeclineInvitationPayload", invitationId: "p-1" } } } }),
    );
    const u = userEvent.setup();
    renderPage(client, withToken);
    await u.click(await screen.findByRole("button", { name: "Decline" }));
    const dialog = screen.getByRole("dialog", { name: "Decline the invitation to Shop Co?" });
    await u.click(within(dialog).getByRole("button", { name: "Decline invitation" }));
    expect(await screen.findByRole("heading", { name: "Invitation declined" })).toBeInTheDocument();
    expect(executeMutation).toHaveBeenCalledWith(
      expect.objectContaining({ variables: { input: { token: "tok-1" } } }),
      expect.anything(),
    );
    expect(sessionStorage.getItem(stored)).toBeNull();
  });

  it("says clearly when the link is used, cancelled or expired", async () => {
    sessionStorage.setItem(stored, "old");
    const { client } = mockClient({ InvitationByToken: { data: { invitationByToken: null } } });
    renderPage(client, withToken);
    expect(await screen.findByRole("heading", { name: "This invitation link does not work any more" })).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent("already used, the invitation was cancelled, or it has expired");
    expect(sessionStorage.getItem(stored)).toBeNull();
  });

  it("says what to do when the address has no token", async () => {
    const { client, executeQuery } = mockClient(answers());
    renderPage(client, "/invitation");
    expect(await screen.findByRole("heading", { name: "Open your invitation link" })).toBeInTheDocument();
    expect(executeQuery).not.toHaveBeenCalled();
  });
});
