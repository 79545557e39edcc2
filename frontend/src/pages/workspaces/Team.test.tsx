import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes } from "react-router";
import { Provider, type Client } from "urql";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { WorkspaceProvider } from "../../lib/workspace";
import { Team } from "./Team";
import { connection, gqlError, member, mockClient, myWorkspaces, user, viewer, type Answers } from "./testing";

vi.mock("../../lib/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/session")>()),
  useSignedInViewer: () => viewer,
}));

const me = { __typename: "User", id: viewer.id, name: viewer.name, email: viewer.email };
const olive = user("u-olive", "Olive");
const adam = user("u-adam", "Adam");
const gus = user("u-gus", "Gus");

function team(viewerRole: string, opts: { state?: string; members?: object[]; invitations?: object[] } = {}) {
  const members = opts.members ?? [
    member(viewerRole === "owner" ? me : olive, "owner"),
    ...(viewerRole === "owner" ? [] : [member(me, viewerRole)]),
    member(adam, "admin"),
    member(gus, "guest"),
  ];
  return {
    data: {
      workspace: {
        __typename: "Workspace",
        id: "ws-1",
        name: "Shop Co",
        slug: "shop-co",
        state: opts.state ?? "active",
        viewerRole,
        members: connection("WorkspaceMember", members),
        invitations: connection("Invitation", opts.invitations ?? []),
      },
    },
  };
}

function renderTeam(client: Client) {
  return render(
    <Provider value={client}>
      <MemoryRouter initialEntries={["/workspaces/shop-co/team"]}>
        <WorkspaceProvider>
          <Routes>
            <Route path="/workspaces/:slug/team" element={<Team />} />
            <Route path="/workspaces" element={<h1>All workspaces</h1>} />
          </Routes>
        </WorkspaceProvider>
      </MemoryRouter>
    </Provider>,
  );
}

function answers(page: Answers[string], more: Answers = {}): Answers {
  return { MyWorkspaces: myWorkspaces(), TeamPage: page, ...more };
}

beforeEach(() => localStorage.clear());

describe("Team", { timeout: 20_000 }, () => {
  it("gives the owner every control: invite, roles (not the owner's), remove, transfer; no leave", async () => {
    renderTeam(mockClient(answers(team("owner"))).client);
    expect(await screen.findByRole("heading", { name: "Invite someone" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Transfer ownership" })).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Leave the workspace" })).toBeNull();
    // The owner's own row has a badge, not a select; the others have selects.
    expect(screen.queryByRole("combobox", { name: `Role of ${viewer.name}` })).toBeNull();
    const adamRole = screen.getByRole("combobox", { name: "Role of Adam" });
    expect(within(adamRole).getAllByRole("option").map((o) => o.textContent)).toEqual(["Guest", "User", "Admin"]);
    expect(screen.getByRole("button", { name: "Remove Gus" })).toBeInTheDocument();
    // Ownership goes to another member only.
    const newOwner = screen.getByRole("combobox", { name: "New owner" });
    expect(within(newOwner).getAllByRole("option").map((o) => o.textContent)).toEqual([
      "Choose a member…",
      "Adam (adam@x.io)",
      "Gus (gus@x.io)",
    ]);
  });

  it("lets an admin invite and manage members but not the owner, and not transfer", async () => {
    renderTeam(mockClient(answers(team("admin"))).client);
    expect(await screen.findByRole("heading", { name: "Invite someone" })).toBeInTheDocument();
    expect(screen.queryByRole("combobox", { name: "Role of Olive" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Remove Olive" })).toBeNull();
    expect(screen.getByRole("combobox", { name: "Role of Gus" })).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Transfer ownership" })).toBeNull();
    expect(screen.getByRole("button", { name: "Leave Shop Co" })).toBeInTheDocument();
    const role = screen.getByRole("combobox", { name: "Role" });
    expect(within(role).queryByRole("option", { name: "Owner" })).toBeNull();
  });

  it("shows a user the team without any management controls, and lets them leave", async () => {
    const { client, executeMutation } = mockClient(
      answers(team("user"), {
        TeamLeave: { data: { leaveWorkspace: { __typename: "LeaveWorkspacePayload", workspaceId: "ws-1" } } },
      }),
    );
    const u = userEvent.setup();
    renderTeam(client);
    expect(await screen.findByRole("heading", { name: /^Members/ })).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Invite someone" })).toBeNull();
    expect(screen.queryByRole("textbox", { name: "Email" })).toBeNull();
    expect(screen.queryAllByRole("combobox", { name: /^Role of/ })).toHaveLength(0);
    expect(screen.queryAllByRole("button", { name: /^Remove/ })).toHaveLength(0);
    expect(screen.queryByRole("heading", { name: "Transfer ownership" })).toBeNull();
    expect(screen.getByText("Adam").closest("li")).toHaveTextContent("Admin");

    await u.click(screen.getByRole("button", { name: "Leave Shop Co" }));
    const dialog = screen.getByRole("dialog", { name: "Leave Shop Co?" });
    await u.click(within(dialog).getByRole("button", { name: "Leave workspace" }));
    expect(await screen.findByRole("heading", { name: "All workspaces" })).toBeInTheDocument();
    expect(executeMutation).toHaveBeenCalledWith(
      expect.objectContaining({ variables: { input: { workspaceId: "ws-1" } } }),
      expect.anything(),
    );
  });

  it("offers no write controls in an archived workspace", async () => {
    renderTeam(mockClient(answers(team("owner", { state: "archived" }))).client);
    expect(await screen.findByText(/archived and read-only/)).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Invite someone" })).toBeNull();
    expect(screen.queryByRole("heading", { name: "Transfer ownership" })).toBeNull();
    expect(screen.queryAllByRole("combobox", { name: /^Role of/ })).toHaveLength(0);
  });

  it("tells whether the invited email joined at once or got an invitation, and shows a conflict readably", async () => {
    let n = 0;
    const { client } = mockClient(
      answers(team("owner"), {
        TeamInvite: (vars) => {
          const input = vars.input as { email: string; role: string };
          n++;
          if (n === 1)
            return {
              data: {
                inviteMember: {
                  __typename: "InviteMemberPayload",
                  invitation: null,
                  member: { ...member({ __typename: "User", id: "u-zoe", name: "Zoe", email: input.email }, input.role) },
                },
              },
            };
          if (n === 2)
            return {
              data: {
                inviteMember: {
                  __typename: "InviteMemberPayload",
                  member: null,
                  invitation: {
                    __typename: "Invitation",
                    id: "inv-1",
                    email: input.email,
                    role: input.role,
                    expiresAt: "2026-12-29T10:00:00Z",
                    createdAt: "2026-11-29T10:00:00Z",
                  },
                },
              },
            };
          return { error: gqlError("CONFLICT", `${input.email} is already a member`) };
        },
      }),
    );
    const u = userEvent.setup();
    renderTeam(client);
    const email = await screen.findByRole("textbox", { name: "Email" });

    await u.type(email, "zoe@x.io");
    await u.selectOptions(screen.getByRole("combobox", { name: "Role" }), "admin");
    await u.click(screen.getByRole("button", { name: "Invite" }));
    expect(await screen.findByRole("status")).toHaveTextContent(
      "Zoe (zoe@x.io) already has an account and is now a member, as admin.",
    );
    expect(email).toHaveValue("");

    await u.type(email, "new@x.io");
    await u.click(screen.getByRole("button", { name: "Invite" }));
    expect(await screen.findByText(/No account uses new@x.io yet, so an invitation was recorded/)).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("they join as admin when they register with that address");

    await u.type(email, "zoe@x.io");
    await u.click(screen.getByRole("button", { name: "Invite" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("zoe@x.io is already a member");
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("puts an invalid email error at the email field", async () => {
    const { client } = mockClient(
      answers(team("admin"), {
        TeamInvite: { error: gqlError("BAD_USER_INPUT", "must be a valid email address", "email") },
      }),
    );
    const u = userEvent.setup();
    renderTeam(client);
    const email = await screen.findByRole("textbox", { name: "Email" });
    await u.type(email, "nope");
    await u.click(screen.getByRole("button", { name: "Invite" }));
    expect(await screen.findByText("must be a valid email address")).toBeInTheDocument();
    expect(email).toHaveAttribute("aria-invalid", "true");
  });

  it("lists pending invitations", async () => {
    const inv = {
      __typename: "Invitation",
      id: "inv-1",
      email: "later@x.io",
      role: "user",
      expiresAt: "2099-01-01T00:00:00Z",
      createdAt: "2026-11-01T00:00:00Z",
    };
    renderTeam(mockClient(answers(team("guest", { invitations: [inv] }))).client);
    const section = await screen.findByRole("region", { name: /Pending invitations/ });
    expect(within(section).getByText("later@x.io").closest("li")).toHaveTextContent("User");
  });

  it("transfers ownership after a confirmation that says the owner becomes admin", async () => {
    const { client, executeMutation } = mockClient(
      answers(team("owner"), {
        TeamTransferOwnership: { error: gqlError("FORBIDDEN", "this needs the owner role or higher in the workspace") },
      }),
    );
    const u = userEvent.setup();
    renderTeam(client);
    await u.selectOptions(await screen.findByRole("combobox", { name: "New owner" }), "u-adam");
    await u.click(screen.getByRole("button", { name: "Transfer ownership…" }));
    const dialog = screen.getByRole("dialog", { name: "Make Adam the owner?" });
    expect(dialog).toHaveTextContent("You become an admin");
    await u.click(within(dialog).getByRole("button", { name: "Transfer ownership" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("this needs the owner role");
    expect(executeMutation).toHaveBeenCalledWith(
      expect.objectContaining({ variables: { input: { workspaceId: "ws-1", userId: "u-adam" } } }),
      expect.anything(),
    );
  });
});
