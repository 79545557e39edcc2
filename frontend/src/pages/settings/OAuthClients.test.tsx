import { describe, expect, it, vi } from "vitest";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { Provider } from "urql";
import { cachedClient, errorResult, type Handler } from "../oauth/testing";
import { OAuthClients } from "./OAuthClients";

vi.setConfig({ testTimeout: 20_000 });

type C = { __typename: "OAuthClient"; id: string; clientId: string; name: string; public: boolean; redirectUris: string[]; allowedScopes: string[]; createdAt: string };
const client = (id: string, name: string, pub = false): C => ({
  __typename: "OAuthClient",
  id,
  clientId: `cid-${id}`,
  name,
  public: pub,
  redirectUris: ["https://app.example/cb"],
  allowedScopes: ["read"],
  createdAt: "2026-12-01T10:00:00Z",
});
const list = (cs: C[]) => ({
  data: { oauthClients: { __typename: "OAuthClientConnection", edges: cs.map((node) => ({ __typename: "OAuthClientEdge", node })) } },
});

function renderSection(handler: Handler) {
  const c = cachedClient(handler);
  render(
    <Provider value={c.client}>
      <MemoryRouter>
        <OAuthClients />
      </MemoryRouter>
    </Provider>,
  );
  return { ...c, u: userEvent.setup({ delay: null }) };
}

describe("Settings: OAuth clients", () => {
  it("no clients: an empty state with the way to register one", async () => {
    renderSection(() => list([]));
    const empty = (await screen.findByRole("heading", { name: "No OAuth clients" })).parentElement!;
    expect(within(empty).getByRole("button", { name: "Register a client" })).toBeInTheDocument();
  });

  it("registers a client: the secret once with a copy button and a warning, and the list loads again", async () => {
    let clients: C[] = [];
    const { u, calls, count } = renderSection((name, vars) => {
      if (name === "SettingsOAuthClients") return list(clients);
      if (name === "CreateOAuthClient") {
        const c = { ...client("n-1", "My app"), redirectUris: ["https://app.example/cb", "http://127.0.0.1:9000/cb"], allowedScopes: ["read", "smarthome:read"] };
        clients = [c];
        void vars;
        return { data: { createOAuthClient: { __typename: "OAuthClientPayload", client: c, clientSecret: "s3cret-once" } } };
      }
    });
    await u.click((await screen.findAllByRole("button", { name: "Register a client" }))[0]);
    const form = within(screen.getByRole("form", { name: "Register an OAuth client" }));
    await u.type(form.getByLabelText("Name"), "My app");
    await u.type(form.getByLabelText("Redirect URIs"), "https://app.example/cb\n\n  http://127.0.0.1:9000/cb  ");
    await u.click(form.getByRole("checkbox", { name: /^read/ }));
    await u.click(form.getByRole("checkbox", { name: /^smarthome:read/ }));
    await u.click(form.getByRole("button", { name: "Register client" }));

    const secret = await screen.findByRole("group", { name: "Client secret of My app" });
    expect(within(secret).getByLabelText("Client secret")).toHaveValue("s3cret-once");
    expect(secret).toHaveTextContent("Copy this secret now: it will not be shown again.");
    await u.click(within(secret).getByRole("button", { name: "Copy secret" }));
    expect(await within(secret).findByText("Copied to the clipboard.")).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe("s3cret-once");
    expect(screen.getByText(/Its client ID is/)).toHaveTextContent("cid-n-1");
    expect(calls.filter(([n]) => n === "CreateOAuthClient")).toEqual([
      ["CreateOAuthClient", { input: { name: "My app", redirectUris: ["https://app.example/cb", "http://127.0.0.1:9000/cb"], scopes: ["read", "smarthome:read"], public: false, idempotencyKey: expect.stringMatching(/^[0-9a-f]{32}$/) } }],
    ]);
    await vi.waitFor(() => expect(screen.getByRole("list", { name: "OAuth clients" })).toHaveTextContent("My app"));
    expect(count("SettingsOAuthClients")).toBeGreaterThanOrEqual(2);

    await u.click(within(secret).getByRole("button", { name: "I have copied it" }));
    expect(screen.queryByDisplayValue("s3cret-once")).toBeNull();
  });

  it("a public client: says it has no secret", async () => {
    const { u } = renderSection((name) =>
      name === "CreateOAuthClient"
        ? { data: { createOAuthClient: { __typename: "OAuthClientPayload", client: client("p-1", "CLI", true), clientSecret: null } } }
        : list([]),
    );
    await u.click((await screen.findAllByRole("button", { name: "Register a client" }))[0]);
    await u.type(screen.getByLabelText("Name"), "CLI");
    await u.click(screen.getByRole("checkbox", { name: /^read/ }));
    await u.click(screen.getByRole("checkbox", { name: /^Public client/ }));
    await u.click(screen.getByRole("button", { name: "Register client" }));
    expect(await screen.findByText("A public client has no secret: it signs in with PKCE (S256).")).toBeInTheDocument();
  });

  it("a repeated registration (same key, the first answer lost): the client without its secret, and how to get one", async () => {
    const { u } = renderSection((name) =>
      name === "CreateOAuthClient"
        ? { data: { createOAuthClient: { __typename: "OAuthClientPayload", client: client("c-1", "Web"), clientSecret: null } } }
        : list([]),
    );
    await u.click((await screen.findAllByRole("button", { name: "Register a client" }))[0]);
    await u.type(screen.getByLabelText("Name"), "Web");
    await u.click(screen.getByRole("checkbox", { name: /^read/ }));
    await u.click(screen.getByRole("button", { name: "Register client" }));
    expect(await screen.findByText(/its secret is shown only once\. To get a secret, rotate it below\./)).toBeInTheDocument();
    expect(screen.queryByText(/A public client has no secret/)).toBeNull();
  });

  it("checks the name and scopes first; a server field error shows at its field", async () => {
    const { u, calls } = renderSection((name) =>
      name === "CreateOAuthClient" ? errorResult("must be https, or http on a loopback host", "BAD_USER_INPUT", "redirectUris.0") : list([]),
    );
    await u.click((await screen.findAllByRole("button", { name: "Register a client" }))[0]);
    await u.click(screen.getByRole("button", { name: "Register client" }));
    expect(screen.getByLabelText("Name")).toHaveAccessibleDescription(/Enter a name people will recognise/);
    expect(screen.getByText("Choose at least one scope")).toBeInTheDocument();
    expect(calls.filter(([n]) => n === "CreateOAuthClient")).toEqual([]);

    await u.type(screen.getByLabelText("Name"), "X");
    await u.type(screen.getByLabelText("Redirect URIs"), "http://evil.example/cb");
    await u.click(screen.getByRole("checkbox", { name: /^write/ }));
    await u.click(screen.getByRole("button", { name: "Register client" }));
    expect(await screen.findByText("Must be https, or http on a loopback host.")).toBeInTheDocument();
    expect(screen.getByLabelText("Redirect URIs")).toHaveAttribute("aria-invalid", "true");
  });

  it("rotates a confidential client's secret after confirming, and shows the new one once; public clients have no rotation", async () => {
    const { u, calls } = renderSection((name) =>
      name === "RotateOAuthClientSecret"
        ? { data: { rotateOAuthClientSecret: { __typename: "OAuthClientPayload", client: { __typename: "OAuthClient", id: "c-1" }, clientSecret: "new-s3cret" } } }
        : list([client("c-1", "Grafana"), client("c-2", "CLI", true)]),
    );
    await u.click(await screen.findByRole("button", { name: "Rotate the secret of Grafana" }));
    expect(screen.queryByRole("button", { name: "Rotate the secret of CLI" })).toBeNull();
    const dialog = screen.getByRole("dialog", { name: "Rotate the secret of Grafana?" });
    await u.click(within(dialog).getByRole("button", { name: "Rotate secret" }));
    const secret = await screen.findByRole("group", { name: "Client secret of Grafana" });
    expect(within(secret).getByLabelText("Client secret")).toHaveValue("new-s3cret");
    expect(calls.filter(([n]) => n === "RotateOAuthClientSecret")).toEqual([["RotateOAuthClientSecret", { input: { id: "c-1" } }]]);
  });

  it("deletes a client after confirming; the list loads again without it", async () => {
    let clients = [client("c-1", "Grafana"), client("c-2", "CLI", true)];
    const { u, calls } = renderSection((name, vars) => {
      if (name === "DeleteOAuthClient") {
        const id = (vars as { input: { id: string } }).input.id;
        clients = clients.filter((c) => c.id !== id);
        return { data: { deleteOAuthClient: { __typename: "DeleteOAuthClientPayload", deletedId: id } } };
      }
      return list(clients);
    });
    await u.click(await screen.findByRole("button", { name: "Delete CLI" }));
    await u.click(within(screen.getByRole("dialog", { name: "Delete CLI?" })).getByRole("button", { name: "Delete client" }));
    await vi.waitFor(() => expect(screen.queryByRole("button", { name: "Delete CLI" })).toBeNull());
    expect(screen.getByRole("list", { name: "OAuth clients" })).toHaveTextContent("Grafana");
    expect(calls.filter(([n]) => n === "DeleteOAuthClient")).toEqual([["DeleteOAuthClient", { input: { id: "c-2" } }]]);
  });
});
