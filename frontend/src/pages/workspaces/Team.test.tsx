import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes } from "react-router";
import { Provider, type Client } from "urql";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { WorkspaceProvider } from "../../lib/workspace";
import { Team } from "./Team";
import { print } from "graphql";
import type { WorkspaceViewerCanFragment } from "../../gql/graphql";
import { connection, gqlError, member, mockClient, myWorkspaces, opName, user, viewer, workspaceCan, type Answers } from "./testing";

vi.mock("../../lib/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/session")>()),
  useSignedInViewer: () => viewer,
}));

const me = { __typename: "User", id: viewer.id, name: viewer.name, email: viewer.email };
const olive = user("u-olive", "Olive");
const adam = user("u-adam", "Adam");
const gus = user("u-gus", "Gus");

function invitation(id: string, email: string, role: string, over: { status?: string; expiresAt?: string } = {}) {
  return {
    __typename: "Invitation",
    id,
    email,
    role,
    status: over.status ?? "pending",
    expiresAt: over.expiresAt ?? "2099-01-01T00:00:00Z",
    createdAt: "2026-11-01T00:00:00Z",
  };
}

function team(
  viewerRole: string,
  opts: { state?: string; members?: object[]; invitations?: object[]; can?: Partial<WorkspaceViewerCanFragment> } = {},
) {
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
        ...workspaceCan(viewerRole, opts.state),
        ...opts.can,
        members: connection("WorkspaceMember", members),
        pendingInvitations: opts.invitations ?? [],
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

  it("offers what the server allows, not what the role suggests", async () => {
    const first = renderTeam(
      mockClient(answers(team("guest", { can: { viewerCanManageMembers: true, viewerCanLeave: false } }))).client,
    );
    expect(await screen.findByRole("heading", { name: "Invite someone" })).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "Role of Adam" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Leave Shop Co" })).toBeNull();
    first.unmount();

    renderTeam(
      mockClient(answers(team("owner", { can: { viewerCanManageMembers: false, viewerCanAdminister: false } }))).client,
    );
    expect(await screen.findByRole("heading", { name: /^Members/ })).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Invite someone" })).toBeNull();
    expect(screen.queryAllByRole("combobox", { name: /^Role of/ })).toHaveLength(0);
    expect(screen.queryByRole("heading", { name: "Transfer ownership" })).toBeNull();
  });

  it("offers no write controls in an archived workspace", async () => {
    renderTeam(mockClient(answers(team("owner", { state: "archived" }))).client);
    expect(await screen.findByText(/archived and read-only/)).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Invite someone" })).toBeNull();
    expect(screen.queryByRole("heading", { name: "Transfer ownership" })).toBeNull();
    expect(screen.queryAllByRole("combobox", { name: /^Role of/ })).toHaveLength(0);
  });

  it("invites: shows the link to share, says they join only after accepting, and a conflict readably", async () => {
    let n = 0;
    const { client, executeMutation } = mockClient(
      answers(team("owner"), {
        TeamInvite: (vars) => {
          const input = vars.input as { email: string; role: string };
          n++;
          if (n === 1)
            return {
              data: {
                inviteMember: {
                  __typename: "InviteMemberPayload",
                  invitation: invitation("inv-1", input.email, input.role, { expiresAt: "2026-12-29T10:00:00Z" }),
                  link: "http://woow.test/invitation#token=tok-1",
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
    const status = await screen.findByRole("status");
    expect(status).toHaveTextContent("Invitation ready for zoe@x.io, as admin. They join only after accepting it.");
    expect(status).toHaveTextContent("Share this link with them: it works once, until");
    // Only a confirmed address lists its invitations: the link is the way in otherwise.
    expect(screen.getByText(/If they have an account with this address and have confirmed it, they also find/)).toBeInTheDocument();
    expect(email).toHaveValue("");
    expect(executeMutation).toHaveBeenCalledWith(
      expect.objectContaining({ variables: { input: { workspaceId: "ws-1", email: "zoe@x.io", role: "admin", idempotencyKey: expect.stringMatching(/^[0-9a-f]{32}$/) } } }),
      expect.anything(),
    );

    // The link, in full and copied at a click.
    const link = screen.getByRole("textbox", { name: "Invitation link for zoe@x.io" });
    expect(link).toHaveValue("http://woow.test/invitation#token=tok-1");
    expect(link).toHaveAttribute("readonly");
    await u.click(screen.getByRole("button", { name: "Copy link" }));
    expect(await screen.findByText("Copied to the clipboard.")).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe("http://woow.test/invitation#token=tok-1");

    await u.type(email, "olive@x.io");
    await u.click(screen.getByRole("button", { name: "Invite" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("olive@x.io is already a member");
    expect(screen.queryByRole("textbox", { name: /^Invitation link/ })).toBeNull();
  });

  it("sends an invitation again with the same key after a lost answer, and says the link went with the first", async () => {
    let n = 0;
    const { client, executeMutation } = mockClient(
      answers(team("owner"), {
        TeamInvite: (vars) => {
          const input = vars.input as { email: string; role: string };
          if (++n === 1) return { error: gqlError("INTERNAL_SERVER_ERROR", "the connection was lost") };
          // The server made the invitation the first time: the same key answers with it, without a link.
          return {
            data: {
              inviteMember: { __typename: "InviteMemberPayload", invitation: invitation("inv-1", input.email, input.role), link: null },
            },
          };
        },
      }),
    );
    const u = userEvent.setup();
    renderTeam(client);
    await u.type(await screen.findByRole("textbox", { name: "Email" }), "zoe@x.io");
    await u.click(screen.getByRole("button", { name: "Invite" }));
    await u.click(screen.getByRole("button", { name: "Invite" }));
    expect(await screen.findByRole("status")).toHaveTextContent(
      "The invitation for zoe@x.io was already made by an earlier try whose answer did not arrive (no second e-mail was sent).",
    );
    expect(screen.queryByText(/You cancelled the invitation/)).toBeNull();
    expect(screen.queryByRole("textbox", { name: /^Invitation link/ })).toBeNull();
    const keys = executeMutation.mock.calls
      .filter(([req]) => opName(req) === "TeamInvite")
      .map(([req]) => (req.variables as { input: { idempotencyKey: string } }).input.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
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

  it("lists the server's pending invitations to admins, in its order, with their role, status and expiry", async () => {
    const invs = [
      invitation("inv-3", "later@x.io", "user"),
      invitation("inv-2", "old@x.io", "guest", { status: "expired", expiresAt: "2026-01-01T00:00:00Z" }),
      // Still "pending" in the answer, but its time has passed since: shown as expired.
      invitation("inv-1", "stale@x.io", "admin", { expiresAt: new Date(Date.now() - 60_000).toISOString() }),
    ];
    const { client, executeQuery } = mockClient(answers(team("admin", { invitations: invs })));
    renderTeam(client);
    const section = await screen.findByRole("region", { name: /Pending invitations/ });
    expect(section).toHaveTextContent("Pending invitations (3)");
    const rows = within(section).getAllByRole("listitem");
    expect(rows).toHaveLength(3);
    // The list is the workspace's pendingInvitations: no filter in the query.
    const teamQuery = executeQuery.mock.calls.map(([req]) => req).find((req) => opName(req) === "TeamPage")!;
    expect(print(teamQuery.query)).toMatch(/pendingInvitations \{/);
    expect(print(teamQuery.query)).not.toMatch(/where:/);
    expect(rows[0]).toHaveTextContent("later@x.io");
    expect(rows[0]).toHaveTextContent("Status: Pending");
    expect(rows[0]).toHaveTextContent("User");
    expect(rows[0]).toHaveTextContent(/Invited .* · expires /);
    expect(within(rows[0]).getByRole("button", { name: "New link for later@x.io" })).toBeInTheDocument();
    expect(within(rows[0]).getByRole("button", { name: "Cancel the invitation to later@x.io" })).toBeInTheDocument();
    // An expired one is sent again (renewed) or removed.
    expect(rows[1]).toHaveTextContent("Status: Expired");
    expect(rows[1]).toHaveTextContent(/Invited .* · expired /);
    expect(within(rows[1]).queryByRole("button", { name: /New link/ })).toBeNull();
    expect(within(rows[1]).getByRole("button", { name: "Invite old@x.io again" })).toBeInTheDocument();
    expect(within(rows[1]).getByRole("button", { name: "Remove the expired invitation to old@x.io" })).toBeInTheDocument();
    expect(rows[2]).toHaveTextContent("Status: Expired");
    expect(within(rows[2]).getByRole("button", { name: "Invite stale@x.io again" })).toBeInTheDocument();
  });

  it("says so when no invitation waits for an answer", async () => {
    renderTeam(mockClient(answers(team("owner"))).client);
    const section = await screen.findByRole("region", { name: /Pending invitations/ });
    expect(section).toHaveTextContent("Pending invitations (0)");
    expect(section).toHaveTextContent("No pending invitations. Invite someone above: they join once they accept.");
  });

  it("shows no invitations to a member below admin", async () => {
    renderTeam(mockClient(answers(team("user", { invitations: [invitation("inv-1", "later@x.io", "user")] }))).client);
    await screen.findByRole("heading", { name: /^Members/ });
    expect(screen.queryByRole("heading", { name: /Pending invitations/ })).toBeNull();
    expect(screen.queryByText("later@x.io")).toBeNull();
  });

  it("makes a new link for a pending invitation and shows it to copy", async () => {
    const { client, executeMutation } = mockClient(
      answers(team("owner", { invitations: [invitation("inv-1", "later@x.io", "user")] }), {
        TeamInvitationLink: {
          data: {
            createInvitationLink: {
              __typename: "InvitationLinkPayload",
              invitation: { __typename: "Invitation", id: "inv-1", status: "pending", expiresAt: "2099-01-08T00:00:00Z" },
              link: "http://woow.test/invitation#token=tok-2",
            },
          },
        },
      }),
    );
    const u = userEvent.setup();
    renderTeam(client);
    await u.click(await screen.findByRole("button", { name: "New link for later@x.io" }));
    expect(await screen.findByRole("textbox", { name: "Invitation link for later@x.io" })).toHaveValue(
      "http://woow.test/invitation#token=tok-2",
    );
    expect(screen.getByText(/the previous one no longer works/)).toBeInTheDocument();
    expect(executeMutation).toHaveBeenCalledWith(
      expect.objectContaining({ variables: { input: { id: "inv-1", idempotencyKey: expect.stringMatching(/^[0-9a-f]{32}$/) } } }),
      expect.anything(),
    );
  });

  it("removes an expired invitation after a confirmation that says it has expired", async () => {
    const { client, executeMutation } = mockClient(
      answers(team("admin", { invitations: [invitation("inv-1", "old@x.io", "guest", { status: "expired", expiresAt: "2026-01-01T00:00:00Z" })] }), {
        TeamCancelInvitation: {
          data: {
            cancelInvitation: {
              __typename: "InvitationPayload",
              invitation: { __typename: "Invitation", id: "inv-1", status: "cancelled", workspace: { __typename: "Workspace", id: "ws-1" } },
            },
          },
        },
      }),
    );
    const u = userEvent.setup();
    renderTeam(client);
    await u.click(await screen.findByRole("button", { name: "Remove the expired invitation to old@x.io" }));
    const dialog = screen.getByRole("dialog", { name: "Remove the expired invitation to old@x.io?" });
    expect(dialog).toHaveTextContent("It has expired already: cancelling removes it from this list.");
    await u.click(within(dialog).getByRole("button", { name: "Remove invitation" }));
    expect(executeMutation).toHaveBeenCalledWith(
      expect.objectContaining({ variables: { input: { id: "inv-1" } } }),
      expect.anything(),
    );
    await vi.waitFor(() => expect(dialog).not.toHaveAttribute("open"));
  });

  it("sends an expired invitation again and shows the new link", async () => {
    const { client, executeMutation } = mockClient(
      answers(team("admin", { invitations: [invitation("inv-1", "old@x.io", "guest", { status: "expired" })] }), {
        TeamInvite: {
          data: {
            inviteMember: {
              __typename: "InviteMemberPayload",
              invitation: invitation("inv-1", "old@x.io", "guest"),
              link: "http://woow.test/invitation#token=tok-3",
            },
          },
        },
      }),
    );
    const u = userEvent.setup();
    renderTeam(client);
    await u.click(await screen.findByRole("button", { name: "Invite old@x.io again" }));
    expect(executeMutation).toHaveBeenCalledWith(
      expect.objectContaining({ variables: { input: { workspaceId: "ws-1", email: "old@x.io", role: "guest", idempotencyKey: expect.stringMatching(/^[0-9a-f]{32}$/) } } }),
      expect.anything(),
    );
    expect(await screen.findByRole("textbox", { name: "Invitation link for old@x.io" })).toHaveValue(
      "http://woow.test/invitation#token=tok-3",
    );
  });

  it("keeps the invite result's link current: a new link from the list replaces it, a cancel removes it", async () => {
    const { client } = mockClient(
      answers(team("admin", { invitations: [invitation("inv-1", "zoe@x.io", "user")] }), {
        TeamInvite: {
          data: {
            inviteMember: {
              __typename: "InviteMemberPayload",
              invitation: invitation("inv-1", "zoe@x.io", "user"),
              link: "http://woow.test/invitation#token=first",
            },
          },
        },
        TeamInvitationLink: {
          data: {
            createInvitationLink: {
              __typename: "InvitationLinkPayload",
              invitation: { __typename: "Invitation", id: "inv-1", status: "pending", expiresAt: "2099-01-08T00:00:00Z" },
              link: "http://woow.test/invitation#token=second",
            },
          },
        },
        TeamCancelInvitation: {
          data: {
            cancelInvitation: {
              __typename: "InvitationPayload",
              invitation: { __typename: "Invitation", id: "inv-1", status: "cancelled", workspace: { __typename: "Workspace", id: "ws-1" } },
            },
          },
        },
      }),
    );
    const u = userEvent.setup();
    renderTeam(client);
    await u.type(await screen.findByRole("textbox", { name: "Email" }), "zoe@x.io");
    await u.click(screen.getByRole("button", { name: "Invite" }));
    const form = screen.getByRole("region", { name: "Invite someone" });
    expect(await within(form).findByRole("textbox", { name: "Invitation link for zoe@x.io" })).toHaveValue(
      "http://woow.test/invitation#token=first",
    );
    await u.click(screen.getByRole("button", { name: "New link for zoe@x.io" }));
    await vi.waitFor(() =>
      expect(within(form).getByRole("textbox", { name: "Invitation link for zoe@x.io" })).toHaveValue(
        "http://woow.test/invitation#token=second",
      ),
    );
    await u.click(screen.getByRole("button", { name: "Cancel the invitation to zoe@x.io" }));
    await u.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Cancel invitation" }));
    expect(await within(form).findByText("You cancelled the invitation for zoe@x.io: its link no longer works.")).toBeInTheDocument();
    expect(within(form).queryByRole("textbox", { name: /^Invitation link/ })).toBeNull();
  });

  it("cancels an invitation after a confirmation, and shows a refusal readably", async () => {
    let n = 0;
    const { client, executeMutation } = mockClient(
      answers(team("owner", { invitations: [invitation("inv-1", "later@x.io", "user"), invitation("inv-2", "gone@x.io", "user")] }), {
        TeamCancelInvitation: (vars) => {
          n++;
          const id = (vars.input as { id: string }).id;
          if (id === "inv-2") return { error: gqlError("CONFLICT", "the invitation is accepted") };
          return {
            data: {
              cancelInvitation: {
                __typename: "InvitationPayload",
                invitation: { __typename: "Invitation", id, status: "cancelled", workspace: { __typename: "Workspace", id: "ws-1" } },
              },
            },
          };
        },
      }),
    );
    const u = userEvent.setup();
    renderTeam(client);
    await u.click(await screen.findByRole("button", { name: "Cancel the invitation to later@x.io" }));
    let dialog = screen.getByRole("dialog", { name: "Cancel the invitation to later@x.io?" });
    expect(dialog).toHaveTextContent("Its link stops working");
    // "Keep it" closes without cancelling.
    await u.click(within(dialog).getByRole("button", { name: "Keep it" }));
    expect(n).toBe(0);

    await u.click(screen.getByRole("button", { name: "Cancel the invitation to later@x.io" }));
    dialog = screen.getByRole("dialog", { name: "Cancel the invitation to later@x.io?" });
    await u.click(within(dialog).getByRole("button", { name: "Cancel invitation" }));
    expect(executeMutation).toHaveBeenCalledWith(
      expect.objectContaining({ variables: { input: { id: "inv-1" } } }),
      expect.anything(),
    );
    await vi.waitFor(() => expect(dialog).not.toHaveAttribute("open"));

    await u.click(screen.getByRole("button", { name: "Cancel the invitation to gone@x.io" }));
    dialog = screen.getByRole("dialog", { name: "Cancel the invitation to gone@x.io?" });
    await u.click(within(dialog).getByRole("button", { name: "Cancel invitation" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("The invitation is accepted.");
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
