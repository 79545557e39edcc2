// The service page against a small fake server: a real urql client with the
// app's graphcache config, answered by an exchange that reads and changes
// `db` like the API would, and a subject standing in for the live stream.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes, useLocation } from "react-router";
import { Client, Provider, getOperationName, makeResult, type Exchange, type Operation } from "urql";
import { cacheExchange } from "@urql/exchange-graphcache";
import { filter, fromValue, makeSubject, map, mergeMap, pipe, type Subject } from "wonka";
import type { ReactNode } from "react";
import type { ServiceViewerCanFragment } from "../../gql/graphql";
import { cacheConfig } from "../../lib/cache";
import { i18n } from "../../i18n";
import { ServiceDetail } from "./ServiceDetail";
import { diffValues, MASK, submittedValues } from "./diff";

// A plain form for the specs, so these tests do not depend on ValuesForm's look.
vi.mock("../../components/ValuesForm", () => ({
  // The fixture's specs state no rules.
  valuesErrors: () => ({}),
  ValuesForm: (p: {
    required: { key: string; label: string; type: string }[];
    optional: { key: string; label: string; type: string }[];
    values: Record<string, unknown>;
    onChange: (v: Record<string, unknown>) => void;
    errors?: Record<string, string>;
  }) => (
    <div>
      {[...p.required, ...p.optional].map((s) => (
        <label key={s.key}>
          {s.label}
          <input
            type={s.type === "password" ? "password" : "text"}
            value={String(p.values[s.key] ?? "")}
            onChange={(e) => p.onChange({ ...p.values, [s.key]: e.target.value })}
          />
          {p.errors?.[`values.${s.key}`] && <span>{p.errors[`values.${s.key}`]}</span>}
        </label>
      ))}
    </div>
  ),
}));


const spec = (key: string, label: string, type: string) => ({
  __typename: "ValueSpec",
  key,
  label,
  type,
  default: null,
  options: null,
  placeholder: null,
  description: null,
  minLength: null,
  maxLength: null,
  pattern: null,
  patternMessage: null,
  min: null,
  max: null,
  translations: [],
});

type Db = ReturnType<typeof fixture>;

function event(id: string, state: string, message: string, level = "info", at = "2026-01-01T10:00:00Z") {
  return { __typename: "ServiceEvent", id, createdAt: at, state, level, message };
}

function fixture(state = "running", role = "admin") {
  return {
    mode: "cluster",
    service: {
      __typename: "Service",
      id: "S1",
      name: "my-db",
      state,
      errorMessage: state === "error" ? "helm: chart not found" : "",
      errorDetail: null as string | null,
      url: "https://paas-cs-1.example.test",
      chartVersion: "1.2.0",
      helmRevision: 2,
      deployedAt: "2026-01-01T10:00:00Z",
      lastUpgradedAt: null as string | null,
      releaseName: "svc-abcd1234",
      namespace: "paas-ws-12345678",
      values: { "db.user": "admin", "db.password": MASK } as Record<string, unknown>,
      createdAt: "2026-01-01T09:59:00Z",
      workspace: { __typename: "Workspace", id: "W1", name: "Acme", slug: "acme", state: "active", viewerRole: role },
      template: {
        __typename: "AppTemplate",
        id: "T1",
        name: "PostgreSQL",
        slug: "postgresql",
        chartRef: "oci://registry.example/postgresql",
        chartVersion: "1.2.0",
        valueSpecs: {
          __typename: "ValueSpecs",
          required: [spec("db.user", "Database user", "text")],
          optional: [spec("db.password", "Database password", "password")],
        },
      },
      revisions: {
        __typename: "ServiceRevisionConnection",
        totalCount: 2,
        edges: [2, 1].map((n) => ({
          __typename: "ServiceRevisionEdge",
          node: {
            __typename: "ServiceRevision",
            id: `R${n}`,
            revision: n,
            chartVersion: "1.2.0",
            appVersion: "16.1",
            status: n === 2 ? "deployed" : "superseded",
            description: n === 2 ? "Upgrade complete" : "Install complete",
            createdAt: "2026-01-01T10:00:00Z",
          },
        })),
      },
      events: {
        __typename: "ServiceEventConnection",
        totalCount: 2,
        edges: [event("E1", "pending", "Deploy queued"), event("E2", "running", "Running (revision 1)")].map(
          (node) => ({
            __typename: "ServiceEventEdge",
            node,
          }),
        ),
      },
    },
    calls: [] as { name: string; variables: Record<string, unknown> }[],
    /** Mutation name → a refusal to answer with instead. */
    refuse: {} as Record<string, { message: string; code: string; field?: string }>,
    /** viewerCan* answers that override the rules below, to show the page follows the server. */
    can: {} as Partial<ServiceViewerCanFragment>,
  };
}

/** The service's viewerCan* fields as the server answers them now: by role and state (deploy/states.go). */
function viewerCan(db: Db): ServiceViewerCanFragment {
  const { state, workspace } = db.service;
  const admin = workspace.viewerRole === "admin" || workspace.viewerRole === "owner";
  const operate = admin && workspace.state === "active";
  return {
    viewerCanUpdate: operate && ["running", "error", "stopped"].includes(state),
    viewerCanStop: operate && state === "running",
    viewerCanStart: operate && state === "stopped",
    viewerCanRollback: operate && ["running", "error"].includes(state),
    viewerCanDelete: operate && ["pending", "running", "stopped", "error"].includes(state),
    viewerCanInspect: admin,
    ...db.can,
  };
}

function answer(db: Db, op: Operation): unknown {
  const name = getOperationName(op.query) ?? "";
  const v = op.variables as Record<string, unknown> & { input?: Record<string, unknown> };
  const svc = db.service;
  // The service as it is now, with what the viewer may do to it now.
  const now = () => ({ ...svc, ...viewerCan(db) });
  const payload = () => ({ __typename: "ServicePayload", service: now() });
  switch (name) {
    case "ServiceDetail":
      return { cluster: { __typename: "Cluster", mode: db.mode }, node: v.id === "S1" ? now() : null };
    case "ServiceDetailState":
      return { node: now() };
    case "ServiceDetailValuesDiff":
      return {
        serviceValuesDiff: [
          { __typename: "ValueChange", key: "db.user", kind: "changed", old: "admin", new: "root", secret: false },
          { __typename: "ValueChange", key: "db.password", kind: "changed", old: null, new: null, secret: true },
        ],
      };
    case "ServiceDetailManifest":
      return { serviceManifest: "kind: Deployment" };
    case "ServiceDetailStop":
      svc.state = "stopping";
      return { stopService: payload() };
    case "ServiceDetailStart":
      svc.state = "starting";
      return { startService: payload() };
    case "ServiceDetailDelete":
      svc.state = "deleting";
      return { deleteService: payload() };
    case "ServiceDetailRollback":
      svc.state = "upgrading";
      return { rollbackService: payload() };
    case "ServiceDetailRetry":
    case "ServiceDetailUpdate":
      svc.state = "upgrading";
      return { updateService: payload() };
    case "ServiceSupportProject":
      return { node: { ...now(), supportProject: null } };
  }
  throw new Error(`unexpected operation ${name}`);
}

function setup(db: Db, path = "/services/S1") {
  const live: Subject<unknown> = makeSubject();
  const fake: Exchange = () => (ops$) =>
    pipe(
      ops$,
      filter((op) => op.kind !== "teardown"),
      mergeMap((op) => {
        const name = getOperationName(op.query) ?? "";
        db.calls.push({ name, variables: op.variables as Record<string, unknown> });
        if (op.kind === "subscription")
          return pipe(
            live.source,
            map((data) => makeResult(op, { data: data as Record<string, unknown> })),
          );
        const no = db.refuse[name];
        if (no) {
          return fromValue(
            makeResult(op, {
              errors: [{ message: no.message, extensions: { code: no.code, field: no.field } }],
            } as never),
          );
        }
        // A copy: the cache must not share objects with the fake server.
        return fromValue(makeResult(op, { data: structuredClone(answer(db, op)) as Record<string, unknown> }));
      }),
    );
  const client = new Client({
    url: "/query",
    exchanges: [cacheExchange(cacheConfig), fake],
    requestPolicy: "cache-first",
  });
  const wrap = (ui: ReactNode) => (
    <Provider value={client}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/services/:id/*" element={ui} />
          <Route path="/workspaces/:slug" element={<WorkspaceStub />} />
        </Routes>
      </MemoryRouter>
    </Provider>
  );
  const user = userEvent.setup();
  const view = render(wrap(<ServiceDetail />));
  /** The stream sends an event (the server loads the service as it is now). */
  const send = (e: ReturnType<typeof event>) =>
    act(() => {
      const s = db.service;
      live.next({
        serviceEvents: {
          ...e,
          service: {
            __typename: "Service",
            id: s.id,
            state: s.state,
            errorMessage: s.errorMessage,
            errorDetail: s.errorDetail,
            helmRevision: s.helmRevision,
            chartVersion: s.chartVersion,
            deployedAt: s.deployedAt,
            lastUpgradedAt: s.lastUpgradedAt,
            ...viewerCan(db),
          },
        },
      });
    });
  return { user, view, send };
}

/** The workspace page's stand-in: it shows the notice a page sends along. */
function WorkspaceStub() {
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  return (
    <>
      <p>Workspace page</p>
      {notice && <p role="status">{notice}</p>}
    </>
  );
}

const badge = () => screen.getByTestId("state-badge");
const called = (db: Db, name: string) => db.calls.filter((c) => c.name === name);

describe("ServiceDetail", () => {
  beforeEach(() => vi.useRealTimers());

  it("shows the state and offers what an admin may do when running", async () => {
    const db = fixture("running", "admin");
    setup(db);
    expect(await screen.findByRole("heading", { level: 1, name: "my-db" })).toBeInTheDocument();
    expect(badge()).toHaveTextContent("Running");
    expect(screen.getByRole("button", { name: "Stop" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Delete" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Start" })).not.toBeInTheDocument();
    expect(screen.getByRole("tab", { name: "Manifest" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Acme" })).toHaveAttribute("href", "/workspaces/acme");
    expect(screen.getByRole("link", { name: "https://paas-cs-1.example.test" })).toBeInTheDocument();
  });

  it("has keyboard-operable tabs that are links to the sections", async () => {
    const { user } = setup(fixture("running", "admin"));
    const overview = await screen.findByRole("tab", { name: "Overview" });
    expect(overview).toHaveAttribute("aria-selected", "true");
    expect(screen.getByRole("tab", { name: "Revisions" })).toHaveAttribute("href", "/services/S1/revisions");
    overview.focus();
    await user.keyboard("{ArrowRight}");
    const config = screen.getByRole("tab", { name: "Configuration" });
    await waitFor(() => expect(config).toHaveAttribute("aria-selected", "true"));
    expect(config).toHaveFocus();
    expect(screen.getByRole("tabpanel")).toHaveTextContent("Current values");
    await user.keyboard("{End}");
    await waitFor(() => expect(screen.getByRole("tab", { name: "Manifest" })).toHaveAttribute("aria-selected", "true"));
    expect(await screen.findByText("kind: Deployment")).toBeInTheDocument();
  });

  it("offers Start, not Stop, when stopped", async () => {
    setup(fixture("stopped", "owner"));
    await screen.findByRole("heading", { level: 1 });
    expect(badge()).toHaveTextContent("Stopped");
    expect(screen.getByRole("button", { name: "Start" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Stop" })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Delete" })).toBeInTheDocument();
  });

  it.each(["user", "guest"])("offers no operations to a %s", async (role) => {
    setup(fixture("running", role));
    await screen.findByRole("heading", { level: 1 });
    for (const name of ["Stop", "Start", "Delete", "Retry"]) {
      expect(screen.queryByRole("button", { name })).not.toBeInTheDocument();
    }
    expect(screen.queryByRole("link", { name: "Manifest" })).not.toBeInTheDocument();
  });

  it("shows a spinner in a transitional state and offers nothing the server refuses", async () => {
    setup(fixture("deploying", "admin"));
    await screen.findByRole("heading", { level: 1 });
    expect(badge()).toHaveTextContent("Deploying");
    expect(within(badge()).getByRole("status", { name: "Deploying…" })).toBeInTheDocument();
    for (const name of ["Stop", "Start", "Delete"]) {
      expect(screen.queryByRole("button", { name })).not.toBeInTheDocument();
    }
  });

  it("shows the error prominently with Retry and Delete", async () => {
    const db = fixture("error", "admin");
    const { user } = setup(db);
    await screen.findByRole("heading", { level: 1 });
    expect(badge()).toHaveTextContent("Error");
    expect(screen.getAllByRole("alert").some((a) => a.textContent?.includes("helm: chart not found"))).toBe(true);
    expect(screen.queryByRole("button", { name: "Stop" })).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Retry" }));
    expect(called(db, "ServiceDetailRetry")[0].variables).toEqual({ input: { id: "S1" } });
    await waitFor(() => expect(badge()).toHaveTextContent("Upgrading"));
  });

  it("says what can be done about a failure, the raw detail one click away, and links no address that does not answer", async () => {
    const db = fixture("error", "admin");
    db.service.errorMessage = "could not fetch the chart from charts.example.com: the host name does not resolve";
    db.service.errorDetail = "Get https://charts.example.com/index.yaml: dial tcp: lookup charts.example.com on 10.96.0.10:53: no such host";
    const { user } = setup(db);
    await screen.findByRole("heading", { level: 1 });
    const alert = screen.getAllByRole("alert").find((a) => a.textContent?.includes("could not fetch the chart"))!;
    expect(alert).toHaveTextContent(/You can retry it or change the configuration, roll back to an earlier revision or delete the service\./);
    const detail = within(alert).getByText("Technical detail");
    expect(within(alert).getByText(/10\.96\.0\.10:53/)).not.toBeVisible();
    await user.click(detail);
    expect(within(alert).getByText(/10\.96\.0\.10:53/)).toBeVisible();
    expect(screen.queryByRole("link", { name: "https://paas-cs-1.example.test" })).not.toBeInTheDocument();
    expect(screen.getByText("(answers once the service runs)")).toBeInTheDocument();
  });

  it("links the address of a running service", async () => {
    setup(fixture("running", "admin"));
    expect(await screen.findByRole("link", { name: "https://paas-cs-1.example.test" })).toBeInTheDocument();
  });

  it("asks before stopping, then stops the service and shows the new state", async () => {
    const db = fixture("running", "admin");
    const { user } = setup(db);
    await user.click(await screen.findByRole("button", { name: "Stop" }));
    const dialog = await screen.findByRole("dialog", { name: "Stop my-db?" });
    expect(dialog).toHaveTextContent(/scaled to zero/);
    expect(called(db, "ServiceDetailStop")).toHaveLength(0);
    await user.click(within(dialog).getByRole("button", { name: "Stop service" }));
    await waitFor(() => expect(called(db, "ServiceDetailStop")).toHaveLength(1));
    expect(called(db, "ServiceDetailStop")[0].variables).toEqual({ input: { id: "S1" } });
    await waitFor(() => expect(badge()).toHaveTextContent("Stopping"));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Stop" })).not.toBeInTheDocument();
  });

  it("does not stop when the confirmation is cancelled", async () => {
    const db = fixture("running", "admin");
    const { user } = setup(db);
    await user.click(await screen.findByRole("button", { name: "Stop" }));
    const dialog = await screen.findByRole("dialog", { name: "Stop my-db?" });
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(called(db, "ServiceDetailStop")).toHaveLength(0);
    expect(badge()).toHaveTextContent("Running");
  });

  it("shows a CONFLICT refusal as the server words it", async () => {
    const db = fixture("running", "admin");
    db.refuse.ServiceDetailStop = { message: "cannot stop a service that is upgrading", code: "CONFLICT" };
    const { user } = setup(db);
    await user.click(await screen.findByRole("button", { name: "Stop" }));
    const dialog = await screen.findByRole("dialog", { name: "Stop my-db?" });
    await user.click(within(dialog).getByRole("button", { name: "Stop service" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("cannot stop a service that is upgrading");
  });

  it("announces dry-run mode", async () => {
    const db = fixture();
    db.mode = "dry-run";
    setup(db);
    expect(await screen.findByText(/Dry-run mode: nothing is deployed to a cluster/)).toBeInTheDocument();
  });

  it("says when the service does not exist, with a way back", async () => {
    setup(fixture(), "/services/NOPE");
    expect(await screen.findByRole("heading", { name: "Service not found" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Back to your workspaces" })).toBeInTheDocument();
  });

  it("appends live events to the log once each, and the badge follows them", async () => {
    const db = fixture("running", "admin");
    const { user, send } = setup(db, "/services/S1/log");
    const log = await screen.findByRole("log", { name: "Deploy log" });
    expect(within(log).getAllByRole("listitem")).toHaveLength(2);
    expect(log).toHaveAttribute("aria-live", "polite");

    db.service.state = "upgrading";
    send(event("E3", "upgrading", "Upgrade queued", "info", "2026-01-01T10:01:00Z"));
    send(event("E3", "upgrading", "Upgrade queued", "info", "2026-01-01T10:01:00Z"));
    send(event("E2", "running", "Running (revision 1)")); // already loaded
    await waitFor(() => expect(badge()).toHaveTextContent("Upgrading"));
    db.service.state = "error";
    db.service.errorMessage = "helm: timed out";
    send(event("E4", "error", "helm: timed out", "error", "2026-01-01T10:02:00Z"));

    await waitFor(() => expect(within(log).getAllByRole("listitem")).toHaveLength(4));
    const items = within(log)
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(items[2]).toContain("Upgrade queued");
    expect(items[3]).toMatch(/ERROR.*helm: timed out/);
    await waitFor(() => expect(badge()).toHaveTextContent("Error"));
    // The page reloads once the operation settled, and the line stays single.
    await waitFor(() => expect(called(db, "ServiceDetail").length).toBeGreaterThan(1));
    expect(within(log).getAllByText("helm: timed out")).toHaveLength(1);
    await user.click(screen.getByRole("tab", { name: "Overview" }));
    expect(await screen.findByRole("heading", { name: "Latest log" })).toBeInTheDocument();
    expect(within(screen.getByRole("log")).getAllByRole("listitem")).toHaveLength(4);
  });

  it("shows a diff before upgrading: changed keys, passwords hidden", async () => {
    const db = fixture("running", "admin");
    const { user } = setup(db, "/services/S1/configuration");
    await screen.findByRole("button", { name: "Review changes" });
    const userField = screen.getByLabelText("Database user");
    expect(userField).toHaveValue("admin");
    // The masked password is not put into the form.
    expect(screen.getByLabelText("Database password")).toHaveValue("");
    await user.clear(userField);
    await user.type(userField, "root");
    await user.type(screen.getByLabelText("Database password"), "s3cret-pw");
    await user.click(screen.getByRole("button", { name: "Review changes" }));

    const dialog = await screen.findByRole("dialog", { name: "Upgrade with these changes?" });
    const changes = within(dialog).getByRole("list", { name: "Changed values" });
    const items = within(changes).getAllByRole("listitem");
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent(/changed\s*Database password/);
    expect(items[0]).toHaveTextContent("changed (hidden)");
    expect(items[1]).toHaveTextContent(/Database user.*admin.*→.*root/);
    expect(dialog).not.toHaveTextContent("s3cret-pw");
    expect(called(db, "ServiceDetailUpdate")).toHaveLength(0);

    await user.click(within(dialog).getByRole("button", { name: "Upgrade" }));
    await waitFor(() => expect(called(db, "ServiceDetailUpdate")).toHaveLength(1));
    expect(called(db, "ServiceDetailUpdate")[0].variables).toEqual({
      input: { id: "S1", values: { "db.user": "root", "db.password": "s3cret-pw" } },
    });
    expect(await screen.findByText(/Upgrade queued/)).toBeInTheDocument();
    await waitFor(() => expect(badge()).toHaveTextContent("Upgrading"));
  });

  it("puts the server's field errors at the field", async () => {
    const db = fixture("running", "admin");
    db.refuse.ServiceDetailUpdate = { message: "must not be empty", code: "BAD_USER_INPUT", field: "values.db.user" };
    const { user } = setup(db, "/services/S1/configuration");
    await screen.findByRole("button", { name: "Review changes" });
    await user.clear(screen.getByLabelText("Database user"));
    await user.click(screen.getByRole("button", { name: "Review changes" }));
    const dialog = await screen.findByRole("dialog");
    await user.click(within(dialog).getByRole("button", { name: "Upgrade" }));
    expect(await screen.findByText("must not be empty")).toBeInTheDocument();
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("rolls back to a revision after showing the values diff", async () => {
    const db = fixture("running", "admin");
    const { user } = setup(db, "/services/S1/revisions");
    const table = await screen.findByRole("table");
    const rows = within(table).getAllByRole("row");
    expect(within(rows[1]).getAllByRole("cell")[0]).toHaveTextContent(/^2$/);
    expect(rows[1]).toHaveTextContent("current");
    expect(rows[2]).not.toHaveTextContent("current");
    expect(within(rows[1]).queryByRole("button")).not.toBeInTheDocument();
    await user.click(within(rows[2]).getByRole("button", { name: "Roll back to revision 1" }));

    const dialog = await screen.findByRole("dialog", { name: "Roll back to revision 1?" });
    expect(await within(dialog).findByText("changed (hidden)")).toBeInTheDocument();
    expect(within(dialog).getByText("root")).toBeInTheDocument();
    expect(called(db, "ServiceDetailValuesDiff")[0].variables).toEqual({ serviceId: "S1", from: 2, to: 1 });

    await user.click(within(dialog).getByRole("button", { name: "Roll back" }));
    await waitFor(() => expect(called(db, "ServiceDetailRollback")).toHaveLength(1));
    expect(called(db, "ServiceDetailRollback")[0].variables).toEqual({ input: { id: "S1", revision: 1 } });
    expect(await screen.findByText(/Rollback to revision 1 queued/)).toBeInTheDocument();
  });

  it("offers no configuration form to a user", async () => {
    setup(fixture("running", "user"), "/services/S1/configuration");
    expect(await screen.findByRole("heading", { name: "Current values" })).toBeInTheDocument();
    expect(screen.getByText("admin")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Review changes" })).not.toBeInTheDocument();
    expect(screen.getByText(/Only workspace admins and owners/)).toBeInTheDocument();
  });

  it("does not offer rollback when the service is stopped", async () => {
    setup(fixture("stopped", "admin"), "/services/S1/revisions");
    await screen.findByRole("table");
    expect(screen.queryByRole("button", { name: /Roll back/ })).not.toBeInTheDocument();
  });

  it("deletes after the name is typed, then goes to the workspace once gone, which says it was deleted", async () => {
    const db = fixture("running", "owner");
    const { user, send } = setup(db);
    await user.click(await screen.findByRole("button", { name: "Delete" }));
    const dialog = await screen.findByRole("dialog", { name: "Delete my-db?" });
    const confirm = within(dialog).getByRole("button", { name: "Delete service" });
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByLabelText("Type my-db to confirm"), "my-d");
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByLabelText("Type my-db to confirm"), "b");
    expect(confirm).toBeEnabled();
    await user.click(confirm);
    await waitFor(() => expect(called(db, "ServiceDetailDelete")).toHaveLength(1));
    await waitFor(() => expect(badge()).toHaveTextContent("Deleting"));

    db.service.state = "gone";
    send(event("E9", "gone", "Deleted", "info", "2026-01-01T10:05:00Z"));
    expect(await screen.findByText("Workspace page")).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("my-db was deleted: its release is uninstalled.");
  });

  it("shows the manifest to admins", async () => {
    setup(fixture("running", "admin"), "/services/S1/manifest");
    expect(await screen.findByText("kind: Deployment")).toBeInTheDocument();
  });

  it("offers what the server allows, whatever the role: a guest it lets stop and inspect", async () => {
    const db = fixture("running", "guest");
    db.can = { viewerCanStop: true, viewerCanInspect: true, viewerCanRollback: true };
    const { user } = setup(db);
    expect(await screen.findByRole("button", { name: "Stop" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Delete" })).not.toBeInTheDocument();
    expect(screen.getByRole("tab", { name: "Manifest" })).toBeInTheDocument();
    await user.click(screen.getByRole("tab", { name: "Revisions" }));
    expect(await screen.findByRole("button", { name: "Roll back to revision 1" })).toBeInTheDocument();
  });

  it("offers nothing the server refuses, whatever the role: an admin it lets do nothing", async () => {
    const db = fixture("running", "admin");
    db.can = {
      viewerCanUpdate: false,
      viewerCanStop: false,
      viewerCanStart: false,
      viewerCanRollback: false,
      viewerCanDelete: false,
      viewerCanInspect: false,
    };
    const { user } = setup(db);
    await screen.findByRole("heading", { level: 1 });
    for (const name of ["Stop", "Start", "Delete", "Retry"]) {
      expect(screen.queryByRole("button", { name })).not.toBeInTheDocument();
    }
    expect(screen.queryByRole("tab", { name: "Manifest" })).not.toBeInTheDocument();
    await user.click(screen.getByRole("tab", { name: "Configuration" }));
    expect(await screen.findByRole("heading", { name: "Current values" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Review changes" })).not.toBeInTheDocument();
    await user.click(screen.getByRole("tab", { name: "Revisions" }));
    await screen.findByRole("table");
    expect(screen.queryByRole("button", { name: /Roll back/ })).not.toBeInTheDocument();
  });

  it("offers an admin no changes in an archived workspace, and says why", async () => {
    const db = fixture("stopped", "owner");
    db.service.workspace.state = "archived";
    setup(db, "/services/S1/configuration");
    expect(await screen.findByText("Acme is archived: this service no longer changes.")).toBeInTheDocument();
    for (const name of ["Start", "Delete"]) {
      expect(screen.queryByRole("button", { name })).not.toBeInTheDocument();
    }
    expect(screen.queryByRole("button", { name: "Review changes" })).not.toBeInTheDocument();
    expect(screen.queryByText(/can be changed when/)).not.toBeInTheDocument();
    expect(screen.getByRole("tab", { name: "Manifest" })).toBeInTheDocument();
  });

  it("follows the permissions a live event brings, also when the state stays", async () => {
    const db = fixture("running", "admin");
    const { send } = setup(db);
    expect(await screen.findByRole("button", { name: "Stop" })).toBeInTheDocument();
    // Someone else stopped it: the event's service says what the viewer may do now.
    db.service.state = "stopped";
    send(event("E5", "stopped", "Stopped", "info", "2026-01-01T10:03:00Z"));
    expect(await screen.findByRole("button", { name: "Start" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Stop" })).not.toBeInTheDocument();
    await waitFor(() => expect(called(db, "ServiceDetail")).toHaveLength(2)); // reloaded once settled
    // The viewer's role changed: no new state (so no reload), the event alone tells.
    db.can = { viewerCanStart: false, viewerCanDelete: false };
    send(event("E6", "stopped", "Still stopped", "info", "2026-01-01T10:04:00Z"));
    await waitFor(() => expect(screen.queryByRole("button", { name: "Start" })).not.toBeInTheDocument());
    expect(screen.queryByRole("button", { name: "Delete" })).not.toBeInTheDocument();
    expect(called(db, "ServiceDetail")).toHaveLength(2);
  });
});

describe("ServiceDetail in Traditional Chinese", () => {
  beforeEach(async () => {
    vi.useRealTimers();
    await act(() => i18n.changeLanguage("zh-TW"));
  });
  afterEach(async () => {
    await act(() => i18n.changeLanguage("en"));
  });

  it("shows the header, tabs, overview and state in Chinese", async () => {
    setup(fixture("running", "admin"));
    expect(await screen.findByRole("heading", { level: 1, name: "my-db" })).toBeInTheDocument();
    expect(badge()).toHaveTextContent("執行中");
    expect(screen.getByRole("button", { name: "停止" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "刪除" })).toBeInTheDocument();
    const tabs = within(screen.getByRole("tablist", { name: "服務分頁" })).getAllByRole("tab");
    expect(tabs.map((t) => t.textContent)).toEqual(["總覽", "設定", "版本紀錄", "日誌", "資源清單"]);
    expect(screen.getByText(/PostgreSQL，位於/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Acme" })).toHaveAttribute("href", "/workspaces/acme");
    expect(screen.getByRole("heading", { name: "總覽" })).toBeInTheDocument();
    expect(screen.getByText("命名空間")).toBeInTheDocument();
    expect(screen.getByText("從未升級")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "完整日誌" })).toBeInTheDocument();
  });

  it("says what can be done about a failure in one Chinese sentence", async () => {
    setup(fixture("error", "admin"));
    await screen.findByRole("heading", { level: 1 });
    expect(badge()).toHaveTextContent("錯誤");
    const alert = screen.getAllByRole("alert").find((a) => a.textContent?.includes("helm: chart not found"))!;
    expect(alert).toHaveTextContent("上一個操作失敗：helm: chart not found");
    expect(alert).toHaveTextContent("您可以重試、變更設定、回復到較早的版本，或刪除此服務。");
    expect(screen.getByRole("button", { name: "重試" })).toBeInTheDocument();
  });

  it("asks before stopping in Chinese", async () => {
    const { user } = setup(fixture("running", "admin"));
    await user.click(await screen.findByRole("button", { name: "停止" }));
    const dialog = screen.getByRole("dialog", { name: "要停止 my-db 嗎？" });
    expect(within(dialog).getByText(/應用程式將不再於其網址回應/)).toBeInTheDocument();
    expect(within(dialog).getByRole("button", { name: "停止服務" })).toBeInTheDocument();
  });

  it("shows the configuration in Chinese", async () => {
    setup(fixture("running", "admin"), "/services/S1/configuration");
    expect(await screen.findByRole("heading", { name: "目前的值" })).toBeInTheDocument();
    expect(screen.getByRole("columnheader", { name: "設定項目" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "變更設定" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "檢視變更" })).toBeInTheDocument();
  });

  it("shows the revisions in Chinese", async () => {
    setup(fixture("running", "admin"), "/services/S1/revisions");
    expect(await screen.findByRole("heading", { name: "版本紀錄" })).toBeInTheDocument();
    expect(screen.getByText("已部署")).toBeInTheDocument();
    expect(screen.getByText("已被取代")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "回復到版本 1" })).toHaveTextContent("回復到此版本");
  });

  it("shows the deploy log in Chinese", async () => {
    setup(fixture("running", "admin"), "/services/S1/log");
    expect(await screen.findByRole("heading", { name: "部署日誌" })).toBeInTheDocument();
    const log = screen.getByRole("log", { name: "部署日誌" });
    expect(within(log).getAllByText("資訊")).toHaveLength(2);
    expect(within(log).getByText("[執行中]")).toBeInTheDocument();
  });
});

describe("values diff", () => {
  const pw = new Set(["p"]);
  it("lists added, removed and changed keys and never a password's value", () => {
    const current = { a: 1, b: "x", p: MASK, gone: true };
    const submitted = submittedValues(current, { a: "2", b: "x", p: "new-secret", c: "y" }, pw);
    const d = diffValues(current, submitted, pw);
    expect(d.map((c) => `${c.kind}:${c.key}`)).toEqual(["changed:a", "added:c", "removed:gone", "changed:p"]);
    expect(JSON.stringify(d)).not.toContain("new-secret");
  });
  it("keeps an empty password (no change, not sent)", () => {
    const current = { p: MASK };
    const submitted = submittedValues(current, { p: "" }, pw);
    expect(submitted).toEqual({});
    expect(diffValues(current, submitted, pw)).toEqual([]);
  });
  it("compares numbers by value", () => {
    expect(diffValues({ n: 3 }, { n: "3" }, new Set())).toEqual([]);
  });
});
