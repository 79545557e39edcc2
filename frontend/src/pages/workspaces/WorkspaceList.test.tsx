import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes, useParams } from "react-router";
import { Provider, type Client } from "urql";
import { beforeEach, describe, expect, it } from "vitest";
import { WorkspaceProvider } from "../../lib/workspace";
import { WorkspaceList } from "./WorkspaceList";
import { connection, gqlError, mockClient, myWorkspaces, type Answers } from "./testing";

function row(id: string, name: string, state: string, viewerRole: string, services: number, members: number) {
  return {
    __typename: "Workspace",
    id,
    name,
    slug: name.toLowerCase().replace(/\s+/g, "-"),
    description: `${name} things`,
    state,
    viewerRole,
    members: { __typename: "WorkspaceMemberConnection", totalCount: members },
    services: { __typename: "ServiceConnection", totalCount: services },
  };
}

function Opened() {
  return <h1>Opened {useParams().slug}</h1>;
}

function renderList(client: Client) {
  return render(
    <Provider value={client}>
      <MemoryRouter initialEntries={["/workspaces"]}>
        <WorkspaceProvider>
          <Routes>
            <Route path="/workspaces" element={<WorkspaceList />} />
            <Route path="/workspaces/:slug" element={<Opened />} />
          </Routes>
        </WorkspaceProvider>
      </MemoryRouter>
    </Provider>,
  );
}

const listOf = (...rows: object[]) => ({ data: { workspaces: connection("Workspace", rows) } });

beforeEach(() => localStorage.clear());

describe("WorkspaceList", { timeout: 20_000 }, () => {
  it("lists active workspaces first, archived ones after and marked, with role and counts", async () => {
    const { client } = mockClient({
      MyWorkspaces: myWorkspaces(),
      WorkspaceListPage: listOf(
        row("1", "Alpha", "archived", "owner", 0, 1),
        row("2", "Beta", "active", "guest", 3, 4),
        row("3", "Gamma", "active", "admin", 1, 1),
      ),
    });
    renderList(client);
    const links = await screen.findAllByRole("link");
    expect(links.map((l) => l.textContent)).toEqual(["Beta", "Gamma", "Alpha"]);
    const archived = screen.getByRole("region", { name: "Archived" });
    expect(within(archived).getByRole("link", { name: "Alpha" })).toBeInTheDocument();
    expect(within(screen.getByRole("link", { name: "Alpha" }).closest("li")!).getByText("Archived")).toBeInTheDocument();
    expect(within(screen.getByRole("link", { name: "Beta" }).closest("li")!).queryByText("Archived")).toBeNull();
    const beta = screen.getByRole("link", { name: "Beta" }).closest("li")!;
    expect(within(beta).getByText("Guest")).toBeInTheDocument();
    expect(within(beta).getByText("3 services · 4 members")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Gamma" }).closest("li")!).toHaveTextContent("1 service · 1 member");
  });

  it("offers to create the first workspace when there is none", async () => {
    const { client } = mockClient({ MyWorkspaces: myWorkspaces(), WorkspaceListPage: listOf() });
    renderList(client);
    expect(await screen.findByRole("heading", { name: "Create your first workspace" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Create a workspace" })).toBeInTheDocument();
  });

  it("shows the server's field error at the field, then creates, selects and opens the workspace", async () => {
    let calls = 0;
    const answers: Answers = {
      MyWorkspaces: myWorkspaces(),
      WorkspaceListPage: listOf(row("2", "Beta", "active", "owner", 0, 1)),
      WorkspaceListCreate: (vars) => {
        calls++;
        const input = vars.input as { name: string; description?: string };
        if (calls === 1) return { error: gqlError("BAD_USER_INPUT", "a name has at most 100 characters", "name") };
        return {
          data: {
            createWorkspace: {
              __typename: "WorkspacePayload",
              workspace: {
                __typename: "Workspace",
                id: "9",
                name: input.name,
                slug: "new-place",
                description: input.description ?? "",
                state: "active",
                viewerRole: "owner",
              },
            },
          },
        };
      },
    };
    const { client, executeMutation } = mockClient(answers);
    const user = userEvent.setup();
    renderList(client);
    await user.click(await screen.findByRole("button", { name: "New workspace" }));
    const dialog = screen.getByRole("dialog", { name: "New workspace" });
    const name = within(dialog).getByRole("textbox", { name: "Name" });
    await user.type(name, "New place");
    await user.type(within(dialog).getByRole("textbox", { name: "Description" }), "Our things");
    await user.click(within(dialog).getByRole("button", { name: "Create workspace" }));

    expect(await within(dialog).findByText("a name has at most 100 characters")).toBeInTheDocument();
    expect(name).toHaveAttribute("aria-invalid", "true");
    expect(name).toHaveAccessibleDescription(expect.stringContaining("a name has at most 100 characters"));

    await user.click(within(dialog).getByRole("button", { name: "Create workspace" }));
    expect(await screen.findByRole("heading", { name: "Opened new-place" })).toBeInTheDocument();
    expect(localStorage.getItem("woow.workspace")).toBe("new-place");
    expect(executeMutation).toHaveBeenLastCalledWith(
      expect.objectContaining({
        variables: { input: { name: "New place", description: "Our things", idempotencyKey: expect.stringMatching(/^[0-9a-f]{32}$/) } },
      }),
      expect.anything(),
    );
    // The retry after the refusal is the same request: the same key (a
    // double click or a lost answer makes one workspace).
    const keys = executeMutation.mock.calls
      .map((c: unknown[]) => (c[0] as { variables?: { input?: { idempotencyKey?: string } } }).variables?.input?.idempotencyKey)
      .filter(Boolean);
    expect(keys.length).toBe(2);
    expect(keys[0]).toBe(keys[1]);
  });
});
