import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes } from "react-router";
import { Provider, type Client } from "urql";
import { beforeEach, describe, expect, it } from "vitest";
import { WorkspaceProvider } from "../../lib/workspace";
import { WorkspaceDetail } from "./WorkspaceDetail";
import type { WorkspaceViewerCanFragment } from "../../gql/graphql";
import { connection, gqlError, mockClient, myWorkspaces, workspaceCan, type Answers } from "./testing";

function service(id: string, name: string, state: string, url: string | null = null) {
  return {
    __typename: "Service",
    id,
    name,
    state,
    errorMessage: state === "error" ? "the chart could not be pulled" : "",
    url,
    chartVersion: "1.2.0",
    helmRevision: 2,
    template: { __typename: "AppTemplate", id: "t-1", name: "n8n", slug: "n8n", icon: "account_tree" },
  };
}

function detail(viewerRole: string, opts: { state?: string; services?: object[]; can?: Partial<WorkspaceViewerCanFragment> } = {}) {
  return {
    data: {
      workspace: {
        __typename: "Workspace",
        id: "ws-1",
        name: "Shop Co",
        slug: "shop-co",
        description: "Our shop's apps",
        state: opts.state ?? "active",
        viewerRole,
        ...workspaceCan(viewerRole, opts.state),
        ...opts.can,
        namespace: "paas-ws-12345678",
        members: { __typename: "WorkspaceMemberConnection", totalCount: 3 },
        services: connection("Service", opts.services ?? []),
      },
    },
  };
}

function renderDetail(client: Client, state?: unknown) {
  return render(
    <Provider value={client}>
      <MemoryRouter initialEntries={[{ pathname: "/workspaces/shop-co", state }]}>
        <WorkspaceProvider>
          <Routes>
            <Route path="/workspaces/:slug" element={<WorkspaceDetail />} />
          </Routes>
        </WorkspaceProvider>
      </MemoryRouter>
    </Provider>,
  );
}

const answers = (page: Answers[string], more: Answers = {}): Answers => ({
  MyWorkspaces: myWorkspaces([{ id: "ws-1", name: "Shop Co", slug: "shop-co", viewerRole: "owner" }]),
  WorkspaceDetailPage: page,
  ...more,
});

beforeEach(() => localStorage.clear());

describe("WorkspaceDetail", { timeout: 20_000 }, () => {
  it("says what the page before did: a service deleted", async () => {
    const { client } = mockClient(answers(detail("owner")));
    renderDetail(client, { notice: "my-db was deleted: its release is uninstalled." });
    expect(await screen.findByRole("heading", { level: 1, name: "Shop Co" })).toBeInTheDocument();
    expect(screen.getByText("my-db was deleted: its release is uninstalled.")).toHaveAttribute("role", "status");
  });

  it("shows no notice when none was sent", async () => {
    const { client } = mockClient(answers(detail("owner")));
    renderDetail(client);
    expect(await screen.findByRole("heading", { level: 1, name: "Shop Co" })).toBeInTheDocument();
    expect(screen.queryByText(/was deleted/)).not.toBeInTheDocument();
  });

  it("shows the owner edit and archive, and makes the workspace the current one", async () => {
    const { client, executeSubscription } = mockClient(answers(detail("owner")));
    renderDetail(client);
    expect(await screen.findByRole("heading", { level: 1, name: "Shop Co" })).toBeInTheDocument();
    expect(screen.getByText("Our shop's apps")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Edit" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Archive" })).toBeInTheDocument();
    expect(localStorage.getItem("woow.workspace")).toBe("shop-co");
    // Live states: the page listens to the workspace's services.
    expect(executeSubscription).toHaveBeenCalled();
    expect(executeSubscription.mock.calls[0]).toContainEqual(expect.objectContaining({ variables: { workspaceId: "ws-1" } }));
  });

  it("lets an admin edit but not archive, and a user neither", async () => {
    const first = renderDetail(mockClient(answers(detail("admin"))).client);
    expect(await screen.findByRole("button", { name: "Edit" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Archive" })).toBeNull();
    first.unmount();

    renderDetail(mockClient(answers(detail("user"))).client);
    expect(await screen.findByRole("heading", { level: 1, name: "Shop Co" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Edit" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Archive" })).toBeNull();
    expect(screen.getByText(/Admins and the owner of this workspace deploy them/)).toBeInTheDocument();
  });

  it("offers what the server allows, not what the role suggests", async () => {
    const first = renderDetail(
      mockClient(answers(detail("guest", { can: { viewerCanUpdate: true, viewerCanAdminister: true, viewerCanDeploy: true } })))
        .client,
    );
    expect(await screen.findByRole("button", { name: "Edit" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Archive" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Browse the marketplace" })).toBeInTheDocument();
    first.unmount();

    renderDetail(
      mockClient(answers(detail("owner", { can: { viewerCanUpdate: false, viewerCanAdminister: false, viewerCanDeploy: false } })))
        .client,
    );
    expect(await screen.findByRole("heading", { level: 1, name: "Shop Co" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Edit" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Archive" })).toBeNull();
    expect(screen.queryByRole("link", { name: "Browse the marketplace" })).toBeNull();
  });

  it("says an archived workspace is read-only and offers no changes", async () => {
    renderDetail(mockClient(answers(detail("owner", { state: "archived" }))).client);
    expect(await screen.findByText(/archived and read-only/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Edit" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Archive" })).toBeNull();
    expect(localStorage.getItem("woow.workspace")).toBeNull();
  });

  it("lists services with their state in words, linked to their pages", async () => {
    renderDetail(
      mockClient(
        answers(
          detail("admin", {
            services: [
              service("s-1", "automations", "running", "https://paas-cs-1.woowtech.io"),
              service("s-2", "broken", "error"),
              service("s-3", "coming", "deploying"),
              service("s-4", "old", "gone"),
            ],
          }),
        ),
      ).client,
    );
    const link = await screen.findByRole("link", { name: "automations" });
    expect(link).toHaveAttribute("href", "/services/s-1");
    const card = (name: string) => screen.getByRole("link", { name }).closest("li")!;
    expect(within(card("automations")).getByText("Running")).toHaveClass("badge-success");
    expect(within(card("automations")).getByRole("link", { name: /paas-cs-1\.woowtech\.io/ })).toHaveAttribute(
      "href",
      "https://paas-cs-1.woowtech.io",
    );
    expect(card("automations")).toHaveTextContent("Chart 1.2.0 · revision 2");
    expect(within(card("broken")).getByText("Error")).toHaveClass("badge-danger");
    expect(card("broken")).toHaveTextContent("the chart could not be pulled");
    expect(within(card("coming")).getByText("Deploying")).toHaveClass("badge-info");
    expect(screen.queryByRole("link", { name: "old" })).toBeNull();
  });

  it("links a service's address only while the app answers there", async () => {
    renderDetail(
      mockClient(
        answers(
          detail("admin", {
            services: [
              service("s-1", "live", "running", "https://paas-live.woowtech.io"),
              service("s-2", "updating", "upgrading", "https://paas-updating.woowtech.io"),
              { ...service("s-3", "fresh", "pending", "https://paas-fresh.woowtech.io"), helmRevision: 0 },
              { ...service("s-4", "failed", "error", "https://paas-failed.woowtech.io"), helmRevision: 0 },
              service("s-5", "resting", "stopped", "https://paas-resting.woowtech.io"),
            ],
          }),
        ),
      ).client,
    );
    await screen.findByRole("link", { name: "live" });
    const card = (name: string) => screen.getByRole("link", { name }).closest("li")!;
    expect(within(card("live")).getByRole("link", { name: /paas-live\.woowtech\.io/ })).toHaveAttribute(
      "href",
      "https://paas-live.woowtech.io",
    );
    expect(within(card("updating")).getByRole("link", { name: /paas-updating\.woowtech\.io/ })).toHaveAttribute(
      "href",
      "https://paas-updating.woowtech.io",
    );
    for (const name of ["fresh", "failed", "resting"]) {
      // The card's only link is the service's page; its address is text.
      expect(within(card(name)).getAllByRole("link")).toHaveLength(1);
      expect(card(name)).toHaveTextContent(`paas-${name}.woowtech.io (answers once the service runs)`);
    }
  });

  it("points to the marketplace when there are no services", async () => {
    renderDetail(mockClient(answers(detail("owner"))).client);
    expect(await screen.findByRole("heading", { name: "No services yet" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Browse the marketplace" })).toHaveAttribute("href", "/marketplace");
  });

  it("shows a not-found state for an unknown workspace", async () => {
    renderDetail(
      mockClient(answers({ data: { workspace: null }, error: gqlError("NOT_FOUND", "not found") })).client,
    );
    expect(await screen.findByRole("heading", { name: "Workspace not found" })).toBeInTheDocument();
  });

  it("archives after confirmation", async () => {
    const { client, executeMutation } = mockClient(
      answers(detail("owner"), {
        WorkspaceDetailArchive: {
          data: { archiveWorkspace: { __typename: "WorkspacePayload", workspace: { __typename: "Workspace", id: "ws-1", state: "archived" } } },
        },
      }),
    );
    const u = userEvent.setup();
    renderDetail(client);
    await u.click(await screen.findByRole("button", { name: "Archive" }));
    const dialog = screen.getByRole("dialog", { name: "Archive Shop Co?" });
    await u.click(within(dialog).getByRole("button", { name: "Archive workspace" }));
    expect(executeMutation).toHaveBeenCalledWith(
      expect.objectContaining({ variables: { input: { id: "ws-1" } } }),
      expect.anything(),
    );
  });

  it("says what archiving does, warns of services not stopped, and shows the server's refusal readably", async () => {
    const { client } = mockClient(
      answers(detail("owner", { services: [service("s-1", "shop", "running"), service("s-2", "blog", "stopped")] }), {
        WorkspaceDetailArchive: {
          error: gqlError("CONFLICT", "stop or delete the workspace's services first (1 not stopped)"),
        },
      }),
    );
    const u = userEvent.setup();
    renderDetail(client);
    await u.click(await screen.findByRole("button", { name: "Archive" }));
    const dialog = screen.getByRole("dialog", { name: "Archive Shop Co?" });
    expect(dialog).toHaveTextContent("Archiving makes Shop Co read-only");
    expect(dialog).toHaveTextContent("no new members");
    expect(dialog).toHaveTextContent("Its services must be stopped or deleted first.");
    expect(within(dialog).getByRole("note")).toHaveTextContent("1 service is not stopped yet: shop. Stop or delete it first.");
    await u.click(within(dialog).getByRole("button", { name: "Archive workspace" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent(
      "This workspace cannot be archived yet. Stop or delete the workspace's services first (1 not stopped).",
    );
    expect(dialog).toHaveAttribute("open");
  });

  it("shows a rename error at the name field", async () => {
    const { client } = mockClient(
      answers(detail("admin"), { WorkspaceDetailUpdate: { error: gqlError("BAD_USER_INPUT", "enter a name", "name") } }),
    );
    const u = userEvent.setup();
    renderDetail(client);
    await u.click(await screen.findByRole("button", { name: "Edit" }));
    const name = screen.getByRole("textbox", { name: "Name" });
    await u.clear(name);
    await u.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("enter a name")).toBeInTheDocument();
    expect(name).toHaveAttribute("aria-invalid", "true");
  });
});
