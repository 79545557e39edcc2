import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes } from "react-router";
import { Provider, type Client } from "urql";
import { describe, expect, it } from "vitest";
import { PendingInvitations } from "./PendingInvitations";
import { gqlError, mockClient, pending } from "./testing";

function renderPending(client: Client) {
  return render(
    <Provider value={client}>
      <MemoryRouter initialEntries={["/"]}>
        <Routes>
          <Route
            path="/"
            element={
              <main>
                <h1>Dashboard</h1>
                <PendingInvitations />
              </main>
            }
          />
          <Route path="/workspaces/:slug" element={<h1>Workspace page</h1>} />
        </Routes>
      </MemoryRouter>
    </Provider>,
  );
}

const viewerWith = (list: object[]) => ({ data: { viewer: { __typename: "User", id: "u-me", pendingInvitations: list } } });

describe("PendingInvitations", { timeout: 20_000 }, () => {
  it("shows nothing when no invitation waits", async () => {
    const { client, executeQuery } = mockClient({ ViewerPendingInvitations: viewerWith([]) });
    renderPending(client);
    await screen.findByRole("heading", { name: "Dashboard" });
    expect(executeQuery).toHaveBeenCalled();
    expect(screen.queryByRole("region")).toBeNull();
  });

  it("lists each invitation with who sent it, the role and the expiry", async () => {
    const { client } = mockClient({
      ViewerPendingInvitations: viewerWith([pending("p-1", "Shop Co", { role: "admin" }), pending("p-2", "Lab", { invitedBy: null })]),
    });
    renderPending(client);
    const section = await screen.findByRole("region", { name: "You are invited to 2 workspaces" });
    const items = within(section).getAllByRole("listitem");
    expect(items[0]).toHaveTextContent("Shop Co");
    expect(items[0]).toHaveTextContent("Olive invited you as admin");
    expect(items[0]).toHaveTextContent("expires in 6 days");
    expect(items[1]).toHaveTextContent("Someone invited you as user");
  });

  it("accepts: joins and opens the workspace", async () => {
    const { client, executeMutation } = mockClient({
      ViewerPendingInvitations: viewerWith([pending("p-1", "Shop Co")]),
      AcceptInvitation: {
        data: {
          acceptInvitation: {
            __typename: "AcceptInvitationPayload",
            member: {
              __typename: "WorkspaceMember",
              id: "m-1",
              role: "user",
              workspace: { __typename: "Workspace", id: "w-shop-co", slug: "shop-co", name: "Shop Co" },
            },
          },
        },
      },
    });
    const u = userEvent.setup();
    renderPending(client);
    await u.click(await screen.findByRole("button", { name: "Accept the invitation to Shop Co" }));
    expect(await screen.findByRole("heading", { name: "Workspace page" })).toBeInTheDocument();
    expect(executeMutation).toHaveBeenCalledWith(
      expect.objectContaining({ variables: { input: { id: "p-1" } } }),
      expect.anything(),
    );
  });

  it("shows why accepting failed, readably, and stays", async () => {
    const { client } = mockClient({
      ViewerPendingInvitations: viewerWith([pending("p-1", "Shop Co")]),
      AcceptInvitation: { error: gqlError("NOT_FOUND", "this invitation is not valid any more: it was answered, withdrawn or has expired") },
    });
    const u = userEvent.setup();
    renderPending(client);
    await u.click(await screen.findByRole("button", { name: "Accept the invitation to Shop Co" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "This invitation is not valid any more: it was answered, withdrawn or has expired.",
    );
    expect(screen.getByRole("heading", { name: "Dashboard" })).toBeInTheDocument();
  });

  it("declines after a confirmation that says it cannot be taken back", async () => {
    const { client, executeMutation } = mockClient({
      ViewerPendingInvitations: viewerWith([pending("p-1", "Shop Co")]),
      DeclineInvitation: { data: { declineInvitation: { __typename: "DeclineInvitationPayload", invitationId: "p-1" } } },
    });
    const u = userEvent.setup();
    renderPending(client);
    await u.click(await screen.findByRole("button", { name: "Decline the invitation to Shop Co" }));
    const dialog = screen.getByRole("dialog", { name: "Decline the invitation to Shop Co?" });
    expect(dialog).toHaveTextContent("cannot be accepted afterwards");
    await u.click(within(dialog).getByRole("button", { name: "Decline invitation" }));
    expect(executeMutation).toHaveBeenCalledWith(
      expect.objectContaining({ variables: { input: { id: "p-1" } } }),
      expect.anything(),
    );
  });
});
