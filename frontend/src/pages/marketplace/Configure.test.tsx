import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes, useParams } from "react-router";
import { CombinedError, Provider } from "urql";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import i18n from "../../i18n";
import { WorkspaceProvider } from "../../lib/workspace";
import { Configure } from "./Configure";
import { badInput, mockClient, type Answers } from "./testing";

const spec = (s: object) => ({
  __typename: "ValueSpec",
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
  ...s,
});

const template = {
  __typename: "AppTemplate",
  id: "tpl-1",
  name: "n8n",
  slug: "n8n",
  description: "Workflow automation.",
  fullDescription: "**n8n** connects apps.",
  category: "automation",
  tags: ["workflow"],
  icon: "account_tree",
  monthlyPrice: 0,
  documentationURL: "https://docs.n8n.io",
  chartRef: "oci://charts/n8n",
  chartRepoURL: "",
  chartVersion: "1.2.3",
  defaultPort: 5678,
  minVcpu: 0.5,
  minRAMGB: 1,
  minStorageGB: 0,
  active: true,
  valueSpecs: {
    __typename: "ValueSpecs",
    required: [
      spec({ key: "_init.owner_email", label: "Owner email", type: "text" }),
      spec({ key: "_init.owner_password", label: "Owner password", type: "password" }),
    ],
    optional: [
      spec({ key: "replicas", label: "Replicas", type: "number", default: 1 }),
      spec({ key: "metrics", label: "Metrics", type: "boolean", default: false }),
    ],
  },
};

// viewerCanDeploy as the server answers for the role, unless a test says otherwise.
const ws = (id: string, name: string, viewerRole: string, viewerCanDeploy = viewerRole === "admin" || viewerRole === "owner") => ({
  __typename: "Workspace",
  id,
  name,
  slug: name.toLowerCase(),
  viewerRole,
  viewerCanDeploy,
});

function workspaces(list: object[]) {
  return {
    workspaces: {
      __typename: "WorkspaceConnection",
      totalCount: list.length,
      edges: list.map((node) => ({ __typename: "WorkspaceEdge", node })),
    },
  };
}

function ServicePage() {
  return <h1>Service {useParams().id}</h1>;
}

function setup(over: Answers = {}) {
  const m = mockClient({
    ConfigureTemplate: { data: { appTemplate: template } },
    ConfigureCluster: { data: { cluster: { __typename: "Cluster", mode: "dry-run" } } },
    MyWorkspaces: { data: workspaces([ws("w1", "Acme", "owner"), ws("w2", "Guests", "guest"), ws("w3", "Lab", "admin")]) },
    ConfigureDeploy: { data: { deployService: { __typename: "ServicePayload", service: { __typename: "Service", id: "svc-9", name: "x", state: "pending", workspaceID: "w1" } } } },
    ...over,
  });
  render(
    <Provider value={m.client}>
      <WorkspaceProvider>
        <MemoryRouter initialEntries={["/marketplace/n8n"]}>
          <Routes>
            <Route path="/marketplace/:slug" element={<Configure />} />
            <Route path="/services/:id" element={<ServicePage />} />
          </Routes>
        </MemoryRouter>
      </WorkspaceProvider>
    </Provider>,
  );
  return m;
}

beforeEach(() => localStorage.clear());

describe("Configure", { timeout: 20_000 }, () => {
  it("shows the app, its chart and requirements, and says when it is a dry run", async () => {
    setup();
    expect(await screen.findByRole("heading", { level: 1, name: "n8n" })).toBeInTheDocument();
    expect(screen.getByText("Workflow automation.")).toBeInTheDocument();
    expect(screen.getByText("oci://charts/n8n")).toBeInTheDocument();
    expect(screen.getByText("version 1.2.3")).toBeInTheDocument();
    expect(screen.getByText("At least 0.5 vCPU · 1 GB RAM")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: /docs\.n8n\.io/ })).toHaveAttribute("href", "https://docs.n8n.io");
    expect(screen.getByRole("note")).toHaveTextContent(
      "Dry-run mode: the chart is rendered and the release recorded, nothing is deployed to a cluster.",
    );
  });

  it("offers only the workspaces where the viewer may deploy, the current one first", async () => {
    localStorage.setItem("woow.workspace", "lab");
    setup();
    const select = await screen.findByRole("combobox", { name: "Workspace" });
    expect(within(select).getAllByRole("option").map((o) => o.textContent)).toEqual(["Acme", "Lab"]);
    expect(select).toHaveValue("w3");
    expect(screen.getByLabelText(/^Service name/)).toHaveValue("n8n");
  });

  it("submits deployService with the typed values and opens the service", async () => {
    const m = setup();
    const name = await screen.findByLabelText(/^Service name/);
    await userEvent.clear(name);
    await userEvent.type(name, "automations");
    await userEvent.type(screen.getByLabelText(/^Owner email/), "me@example.com");
    await userEvent.type(screen.getByLabelText(/^Owner password/), "correct horse");
    await userEvent.click(screen.getByText(/Advanced settings/));
    const replicas = screen.getByLabelText("Replicas");
    await userEvent.clear(replicas);
    await userEvent.type(replicas, "2");
    await userEvent.click(screen.getByLabelText("Metrics"));
    await userEvent.click(screen.getByRole("button", { name: "Deploy n8n" }));
    await waitFor(() => expect(m.executeMutation).toHaveBeenCalledTimes(1));
    expect(m.executeMutation.mock.calls[0][0].variables).toEqual({
      input: {
        workspaceId: "w1",
        templateId: "tpl-1",
        name: "automations",
        values: { "_init.owner_email": "me@example.com", "_init.owner_password": "correct horse", replicas: 2, metrics: true },
        idempotencyKey: expect.stringMatching(/^[0-9a-f]{32}$/),
      },
    });
    expect(await screen.findByRole("heading", { name: "Service svc-9" })).toBeInTheDocument();
  });

  it("shows a server error on a value at its field and takes the focus there", async () => {
    const m = setup({ ConfigureDeploy: { error: badInput("values._init.owner_email", "Owner email is required") } });
    await userEvent.click(await screen.findByRole("button", { name: "Deploy n8n" }));
    const email = await screen.findByLabelText(/^Owner email/);
    await waitFor(() => expect(email).toHaveAttribute("aria-invalid", "true"));
    expect(email).toHaveAccessibleDescription("Owner email is required");
    expect(email).toHaveFocus();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(m.executeMutation).toHaveBeenCalledTimes(1);
  });

  it("holds the deploy back while a value breaks its spec's rules, in the server's words", async () => {
    const ruled = {
      ...template,
      valueSpecs: {
        ...template.valueSpecs,
        required: [
          template.valueSpecs.required[0],
          spec({
            key: "_init.owner_password",
            label: "Owner password",
            type: "password",
            minLength: 8,
            pattern: ".*[a-z].*[0-9].*|.*[0-9].*[a-z].*",
            patternMessage: "must contain a letter and a digit",
          }),
        ],
      },
    };
    const m = setup({ ConfigureTemplate: { data: { appTemplate: ruled } } });
    await userEvent.type(await screen.findByLabelText(/^Owner email/), "me@example.com");
    const pw = screen.getByLabelText(/^Owner password/);
    await userEvent.type(pw, "weak");
    await userEvent.click(screen.getByRole("button", { name: "Deploy n8n" }));
    await waitFor(() => expect(pw).toHaveAccessibleDescription("must be at least 8 characters"));
    expect(pw).toHaveFocus();
    expect(m.executeMutation).not.toHaveBeenCalled();
    await userEvent.type(pw, "password");
    expect(pw).toHaveAccessibleDescription("must contain a letter and a digit");
    await userEvent.type(pw, "1");
    await userEvent.click(screen.getByRole("button", { name: "Deploy n8n" }));
    await waitFor(() => expect(m.executeMutation).toHaveBeenCalledTimes(1));
  });

  it("puts a name error at the name", async () => {
    setup({
      ConfigureDeploy: {
        error: new CombinedError({
          graphQLErrors: [
            { message: "a name has 1 to 100 characters", extensions: { code: "BAD_USER_INPUT", field: "name" } },
          ],
        }),
      },
    });
    await userEvent.click(await screen.findByRole("button", { name: "Deploy n8n" }));
    await waitFor(() => expect(screen.getByLabelText(/^Service name/)).toHaveAccessibleDescription(/a name has 1 to 100 characters/));
  });

  it("shows a refusal that names no field above the form", async () => {
    setup({
      ConfigureDeploy: {
        error: new CombinedError({ graphQLErrors: [{ message: "only workspace admins and owners operate services", extensions: { code: "FORBIDDEN" } }] }),
      },
    });
    await userEvent.click(await screen.findByRole("button", { name: "Deploy n8n" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("only workspace admins and owners operate services");
  });

  it("shows progress on the button while the deploy runs", async () => {
    setup({ ConfigureDeploy: "pending" });
    await userEvent.click(await screen.findByRole("button", { name: "Deploy n8n" }));
    const busy = await screen.findByRole("button", { name: /Deploying/ });
    expect(busy).toHaveAttribute("aria-busy", "true");
    expect(busy).toBeDisabled();
  });

  it("asks for a workspace first when the viewer has none", async () => {
    setup({ MyWorkspaces: { data: workspaces([]) } });
    expect(await screen.findByRole("heading", { name: "Create a workspace first" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Create a workspace" })).toHaveAttribute("href", "/workspaces");
    expect(screen.queryByRole("button", { name: /Deploy/ })).toBeNull();
  });

  it("offers no deploy form to a guest", async () => {
    setup({ MyWorkspaces: { data: workspaces([ws("w2", "Guests", "guest")]) } });
    expect(await screen.findByText(/Only workspace admins and owners deploy apps/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Deploy/ })).toBeNull();
  });

  it("offers the workspaces the server lets the viewer deploy in, whatever the role", async () => {
    setup({ MyWorkspaces: { data: workspaces([ws("w1", "Acme", "owner", false), ws("w2", "Guests", "guest", true)]) } });
    const select = await screen.findByRole("combobox", { name: "Workspace" });
    expect(within(select).getAllByRole("option").map((o) => o.textContent)).toEqual(["Guests"]);
    expect(select).toHaveValue("w2");
  });

  it("says when the app does not exist", async () => {
    setup({ ConfigureTemplate: { data: { appTemplate: null } } });
    expect(await screen.findByRole("heading", { name: "App not found" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Browse the marketplace" })).toHaveAttribute("href", "/marketplace");
  });
});

describe("Configure in two languages", { timeout: 20_000 }, () => {
  const translated = {
    ...template,
    translations: [{ __typename: "TemplateTranslation", locale: "zh-TW", description: "工作流程自動化。", fullDescription: "**n8n** 串接應用程式。" }],
    valueSpecs: {
      ...template.valueSpecs,
      required: [
        spec({
          key: "_init.owner_email",
          label: "Owner email",
          type: "text",
          description: "The admin's sign-in email",
          translations: [
            { __typename: "ValueSpecTranslation", locale: "zh-TW", label: "擁有者電子郵件", description: "管理員登入用的電子郵件", placeholder: "", patternMessage: "" },
          ],
        }),
      ],
    },
  };
  afterEach(() => act(() => i18n.changeLanguage("en")));

  it("shows a spec's Chinese label and hint, and the Chinese description, in zh-TW", async () => {
    await act(() => i18n.changeLanguage("zh-TW"));
    setup({ ConfigureTemplate: { data: { appTemplate: translated } } });
    expect(await screen.findByRole("textbox", { name: "擁有者電子郵件" })).toHaveAccessibleDescription("管理員登入用的電子郵件");
    expect(screen.getByText("工作流程自動化。")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "關於" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "部署 n8n" })).toBeInTheDocument();
  });

  it("shows the English label and hint in English", async () => {
    setup({ ConfigureTemplate: { data: { appTemplate: translated } } });
    expect(await screen.findByRole("textbox", { name: "Owner email" })).toHaveAccessibleDescription("The admin's sign-in email");
    expect(screen.getByText("Workflow automation.")).toBeInTheDocument();
  });
});
