import { afterEach, describe, expect, it, vi } from "vitest";
import { act, render, screen, within } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { Provider } from "urql";
import { makeSubject, type Subject } from "wonka";
import type { ExecutionResult } from "urql";
import { WorkspaceProvider } from "../../lib/workspace";
import { i18n } from "../../i18n";
import { mockClient, type Answer } from "../auth/testClient";
import { Dashboard } from "./Dashboard";
import { mergeActivity, type ActivityEntry } from "./activity";

// Typing runs real events; a busy machine needs more than the default 5 s.
vi.setConfig({ testTimeout: 20_000 });

vi.mock("../../lib/session", () => ({
  useSignedInViewer: () => ({ id: "VXNlcjox", name: "Ada", email: "ada@example.com", platformAdmin: false }),
}));

const acme = { __typename: "Workspace", id: "V3M6MQ", name: "Acme", slug: "acme" };
const lab = { __typename: "Workspace", id: "V3M6Mg", name: "Lab", slug: "lab" };
const ada = { __typename: "User", id: "VXNlcjox", name: "Ada" };

function event(id: string, summary: string, createdAt: string, workspace = acme): ActivityEntry & { __typename: "ActivityEvent" } {
  return {
    __typename: "ActivityEvent",
    id,
    verb: "service.running",
    summary,
    params: null,
    createdAt,
    actor: ada,
    workspace,
  } as never;
}

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

function dashboard(over: Record<string, unknown> = {}) {
  return {
    __typename: "Dashboard",
    workspaces: 2,
    members: 3,
    servicesByState: [
      { __typename: "StateCount", state: "error", count: 1 },
      { __typename: "StateCount", state: "running", count: 2 },
    ],
    smartHomesByTunnelStatus: [],
    openTasks: 4,
    recentActivity: {
      __typename: "ActivityEventConnection",
      edges: [
        { __typename: "ActivityEventEdge", node: event("a2", "Ada deployed n8n", minutesAgo(5)) },
        { __typename: "ActivityEventEdge", node: event("a1", "Ada created the workspace Acme", minutesAgo(60)) },
      ],
    },
    ...over,
  };
}

function setup(opts: { dash?: Record<string, unknown>; workspaces?: object[]; mode?: string; invitations?: object[] } = {}) {
  const subjects = new Map<string, Subject<ExecutionResult>>();
  const seen: string[] = [];
  const client = mockClient((name, vars): Answer => {
    seen.push(name);
    switch (name) {
      case "DashboardStats":
        return { data: { dashboard: opts.dash ?? dashboard() } };
      case "DashboardCluster":
        return { data: { cluster: { __typename: "Cluster", mode: opts.mode ?? "dry-run", reachable: true } } };
      case "MyWorkspaces": {
        const list = opts.workspaces ?? [
          { ...acme, viewerRole: "owner" },
          { ...lab, viewerRole: "user" },
        ];
        return {
          data: {
            workspaces: {
              __typename: "WorkspaceConnection",
              totalCount: list.length,
              edges: list.map((node) => ({ __typename: "WorkspaceEdge", node })),
            },
          },
        };
      }
      case "ViewerPendingInvitations":
        return { data: { viewer: { __typename: "User", id: "VXNlcjox", pendingInvitations: opts.invitations ?? [] } } };
      case "DashboardActivity": {
        const s = makeSubject<ExecutionResult>();
        subjects.set(vars.workspaceId as string, s);
        return s.source;
      }
    }
    throw new Error(`unexpected operation ${name}`);
  });
  render(
    <Provider value={client}>
      <MemoryRouter>
        <WorkspaceProvider>
          <Dashboard />
        </WorkspaceProvider>
      </MemoryRouter>
    </Provider>,
  );
  return { subjects, seen };
}

describe("Dashboard", () => {
  it("shows the figures, the dry-run banner and the feed", async () => {
    setup();
    const services = (await screen.findByRole("heading", { name: "Services" })).closest("li")!;
    expect(within(services).getByText("3")).toBeInTheDocument();
    const byState = within(services).getByRole("list", { name: "Services by state" });
    expect(within(byState).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["2 running", "1 error"]);
    expect(within(screen.getByRole("heading", { name: "Workspaces" }).closest("li")!).getByText("2")).toBeInTheDocument();
    expect(within(screen.getByRole("heading", { name: "Members" }).closest("li")!).getByText("3")).toBeInTheDocument();
    expect(within(screen.getByRole("heading", { name: "Open tasks" }).closest("li")!).getByText("4")).toBeInTheDocument();
    expect(
      screen.getByText(/charts are rendered and releases recorded, nothing is deployed to a cluster/),
    ).toHaveTextContent("Dry-run mode: charts are rendered and releases recorded, nothing is deployed to a cluster.");

    const feed = screen.getByRole("list", { name: "Activity, newest first" });
    const items = within(feed).getAllByRole("listitem");
    expect(items.map((li) => li.querySelector(".activity-summary")!.textContent)).toEqual([
      "Ada deployed n8n",
      "Ada created the workspace Acme",
    ]);
    expect(within(items[0]).getByRole("link", { name: "Acme" })).toHaveAttribute("href", "/workspaces/acme");
    expect(within(items[0]).getByText("5 minutes ago")).toBeInTheDocument();
  });

  it("subscribes to every workspace and prepends new events without reloading", async () => {
    const { subjects } = setup();
    await screen.findByRole("list", { name: "Activity, newest first" });
    expect([...subjects.keys()].sort()).toEqual([acme.id, lab.id].sort());
    expect(screen.getByText("Live").closest("[role=status]")).toBeInTheDocument();

    act(() => subjects.get(lab.id)!.next({ data: { activity: event("a3", "Ada deployed Grafana", minutesAgo(0), lab) } }));
    const feed = screen.getByRole("list", { name: "Activity, newest first" });
    let items = within(feed).getAllByRole("listitem");
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent("Ada deployed Grafana");
    expect(items[0]).toHaveTextContent("New");
    expect(within(items[0]).getByRole("link", { name: "Lab" })).toHaveAttribute("href", "/workspaces/lab");

    // The same event again (a reconnect replays it) and an older one from the query: shown once each.
    act(() => {
      subjects.get(lab.id)!.next({ data: { activity: event("a3", "Ada deployed Grafana", minutesAgo(0), lab) } });
      subjects.get(acme.id)!.next({ data: { activity: event("a2", "Ada deployed n8n", minutesAgo(5)) } });
      subjects.get(acme.id)!.next({ data: { activity: event("a4", "Bob joined Acme", minutesAgo(0)) } });
    });
    items = within(feed).getAllByRole("listitem");
    expect(items.map((li) => li.querySelector(".activity-summary")!.firstChild!.textContent)).toEqual([
      "Bob joined Acme",
      "Ada deployed Grafana",
      "Ada deployed n8n",
      "Ada created the workspace Acme",
    ]);
  });

  it("tells a new account how to start", async () => {
    setup({
      workspaces: [],
      dash: dashboard({ workspaces: 0, members: 1, servicesByState: [], recentActivity: { __typename: "ActivityEventConnection", edges: [] } }),
    });
    expect(await screen.findByRole("heading", { name: "Get started" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Create a workspace" })).toHaveAttribute("href", "/workspaces");
    expect(screen.getByRole("link", { name: "Browse the marketplace" })).toHaveAttribute("href", "/marketplace");
    expect(screen.getByText("None deployed yet")).toBeInTheDocument();
    expect(screen.queryByText("Live")).not.toBeInTheDocument();
  });

  it("shows the invitations waiting for the viewer above the figures", async () => {
    setup({
      workspaces: [],
      invitations: [
        {
          __typename: "PendingInvitation",
          id: "inv-1",
          role: "admin",
          email: "ada@example.com",
          invitedBy: "Bob",
          expiresAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
          workspace: { __typename: "InvitedWorkspace", id: "V3M6Mw", name: "Bob's Lab", slug: "bobs-lab" },
        },
      ],
    });
    const section = await screen.findByRole("region", { name: "You are invited to a workspace" });
    expect(section).toHaveTextContent("Bob's Lab");
    expect(section).toHaveTextContent("Bob invited you as admin");
    expect(within(section).getByRole("button", { name: "Accept the invitation to Bob's Lab" })).toBeInTheDocument();
    expect(within(section).getByRole("button", { name: "Decline the invitation to Bob's Lab" })).toBeInTheDocument();
  });

  it("says nothing about dry-run on a real cluster", async () => {
    setup({ mode: "cluster" });
    await screen.findByRole("list", { name: "Activity, newest first" });
    expect(screen.queryByText(/Dry-run mode/)).not.toBeInTheDocument();
  });
});

describe("Dashboard in Traditional Chinese", () => {
  afterEach(async () => {
    await act(() => i18n.changeLanguage("en"));
  });

  it("shows the figures, the banner and the feed's sentences in Chinese", async () => {
    await act(() => i18n.changeLanguage("zh-TW"));
    const { subjects } = setup({
      dash: dashboard({
        recentActivity: {
          __typename: "ActivityEventConnection",
          edges: [
            {
              __typename: "ActivityEventEdge",
              node: {
                ...event("a1", "n8n is being deployed from n8n", minutesAgo(5)),
                verb: "service.deployed",
                params: { name: "n8n", template: "n8n" },
              },
            },
          ],
        },
      }),
    });
    expect(await screen.findByRole("heading", { level: 1, name: "儀表板" })).toBeInTheDocument();
    expect(screen.getByText("Ada，您好。以下是您的工作區中正在發生的事。")).toBeInTheDocument();
    const services = screen.getByRole("heading", { name: "服務" }).closest("li")!;
    const byState = within(services).getByRole("list", { name: "各狀態的服務" });
    expect(within(byState).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["2 個執行中", "1 個錯誤"]);
    expect(screen.getByRole("heading", { name: "未完成的任務" })).toBeInTheDocument();
    expect(screen.getByText(/只會算繪 chart 並記錄 release/)).toHaveTextContent("模擬模式：只會算繪 chart 並記錄 release，不會部署到任何叢集。");
    expect(screen.getByRole("heading", { name: "最近動態" })).toBeInTheDocument();
    expect(screen.getByText("即時")).toBeInTheDocument();

    const feed = screen.getByRole("list", { name: "動態，最新的在前" });
    expect(within(feed).getByText("正在從 n8n 部署 n8n")).toBeInTheDocument();

    act(() =>
      subjects.get(acme.id)!.next({
        data: {
          activity: {
            ...event("a2", "Bob joined as admin", minutesAgo(0)),
            verb: "member.joined",
            params: { actor: "Bob", role: "admin" },
          },
        },
      }),
    );
    const first = within(feed).getAllByRole("listitem")[0];
    expect(first.querySelector(".activity-summary")).toHaveTextContent("Bob 以管理員身分加入新");
    expect(within(first).getByText("新")).toBeInTheDocument();
  });

  it("tells a new account how to start, in Chinese", async () => {
    await act(() => i18n.changeLanguage("zh-TW"));
    setup({
      workspaces: [],
      dash: dashboard({ workspaces: 0, members: 1, servicesByState: [], recentActivity: { __typename: "ActivityEventConnection", edges: [] } }),
    });
    expect(await screen.findByRole("heading", { name: "開始使用" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "建立工作區" })).toHaveAttribute("href", "/workspaces");
    expect(screen.getByRole("link", { name: "瀏覽應用市集" })).toHaveAttribute("href", "/marketplace");
    expect(screen.getByText("尚未部署任何服務")).toBeInTheDocument();
  });
});

describe("mergeActivity", () => {
  it("keeps each event once, newest first, up to the limit", () => {
    const a = event("1", "one", "2026-01-01T10:00:00Z");
    const b = event("2", "two", "2026-01-01T11:00:00Z");
    const c = event("3", "three", "2026-01-01T12:00:00Z");
    expect(mergeActivity([c, b], [b, a]).map((e) => e.id)).toEqual(["3", "2", "1"]);
    expect(mergeActivity([c], [b, a], 2).map((e) => e.id)).toEqual(["3", "2"]);
  });
});
