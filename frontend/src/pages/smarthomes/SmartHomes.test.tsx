import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes } from "react-router";
import { Provider, type Client } from "urql";
import { describe, expect, it } from "vitest";
import { SmartHomes, newestUpdate, validateSmartHome } from "./SmartHomes";
import { badInput, home, homesConnection, mockClient } from "./testing";

const ws = { id: "ws-1", slug: "shop-co", state: "active" as const };

function list(nodes: object[]) {
  return { data: { workspace: { __typename: "Workspace", id: "ws-1", smartHomes: homesConnection(nodes) } } };
}

function renderSection(client: Client, canManage = true) {
  return render(
    <Provider value={client}>
      <MemoryRouter initialEntries={["/workspaces/shop-co"]}>
        <Routes>
          <Route path="/workspaces/:slug" element={<SmartHomes ws={ws} canManage={canManage} />} />
          <Route path="/workspaces/:slug/smart-homes/:id" element={<h1>Home page</h1>} />
        </Routes>
      </MemoryRouter>
    </Provider>,
  );
}

describe("validateSmartHome", () => {
  it("wants a name of 1 to 100 characters without control characters, and a port from 1 to 65535", () => {
    expect(validateSmartHome({ name: "Beach house", haPort: "8123" })).toEqual({});
    expect(validateSmartHome({ name: "  ", haPort: "8123" })).toEqual({ name: "a name has 1 to 100 characters" });
    expect(validateSmartHome({ name: "x".repeat(101), haPort: "1" }).name).toBe("a name has 1 to 100 characters");
    expect(validateSmartHome({ name: "bad\u202Ename", haPort: "1" }).name).toBe("a name cannot hold control characters");
    for (const p of ["", "0", "65536", "80.5", "-1", "http"]) {
      expect(validateSmartHome({ name: "ok", haPort: p }).haPort, p).toBe("a port is a number from 1 to 65535");
    }
    expect(validateSmartHome({ name: "ok", haPort: "65535" })).toEqual({});
  });

  it("takes the newest updatedAt as the stream's starting point", () => {
    expect(newestUpdate([])).toBeUndefined();
    expect(
      newestUpdate([{ updatedAt: "2026-12-01T10:00:00Z" }, { updatedAt: "2026-12-02T10:00:00Z" }, { updatedAt: "2026-11-01T10:00:00Z" }]),
    ).toBe("2026-12-02T10:00:00Z");
  });
});

describe("SmartHomes", { timeout: 20_000 }, () => {
  it("lists the homes with state, tunnel status and host name, and listens for changes", async () => {
    const { client, executeSubscription } = mockClient({
      WorkspaceSmartHomes: list([home("h-1", "Beach house", "active"), home("h-2", "Cabin", "error")]),
    });
    renderSection(client);
    const link = await screen.findByRole("link", { name: "Beach house" });
    expect(link).toHaveAttribute("href", "/workspaces/shop-co/smart-homes/h-1");
    const card = (name: string) => screen.getByRole("link", { name }).closest("li")!;
    expect(within(card("Beach house")).getByText("Active")).toHaveClass("badge-success");
    expect(card("Beach house")).toHaveTextContent("Tunnel: Disconnected");
    expect(card("Beach house")).toHaveTextContent("paas-sm-shop-co-h-1.woowtech.io");
    expect(within(card("Cabin")).getByText("Error")).toHaveClass("badge-danger");
    expect(card("Cabin")).toHaveTextContent("Cloudflare refused the tunnel: name taken");
    expect(executeSubscription).toHaveBeenCalled();
    expect(executeSubscription.mock.calls[0]).toContainEqual(
      expect.objectContaining({ variables: { workspaceId: "ws-1", after: "2026-12-01T10:00:00Z" } }),
    );
  });

  it("offers no form to a member who may not manage", async () => {
    renderSection(mockClient({ WorkspaceSmartHomes: list([]) }).client, false);
    expect(await screen.findByText(/Admins and the owner of this workspace add them/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Add smart home" })).toBeNull();
  });

  it("checks the form before sending it, with the port 8123 by default", async () => {
    const { client, executeMutation } = mockClient({ WorkspaceSmartHomes: list([]) });
    const u = userEvent.setup();
    renderSection(client);
    await u.click(await screen.findByRole("button", { name: "Add smart home" }));
    const form = screen.getByRole("form", { name: "Add smart home" });
    const port = within(form).getByRole("textbox", { name: "Home Assistant port" });
    expect(port).toHaveValue("8123");
    await u.clear(port);
    await u.type(port, "70000");
    await u.click(within(form).getByRole("button", { name: "Add smart home" }));
    const name = within(form).getByRole("textbox", { name: "Name" });
    expect(name).toHaveAttribute("aria-invalid", "true");
    expect(within(form).getByText("a name has 1 to 100 characters")).toBeInTheDocument();
    expect(port).toHaveAttribute("aria-invalid", "true");
    expect(within(form).getByText("a port is a number from 1 to 65535")).toBeInTheDocument();
    expect(executeMutation).not.toHaveBeenCalled();
    // Typing in a field clears its error.
    await u.type(name, "Beach house");
    expect(name).not.toHaveAttribute("aria-invalid");
  });

  it("adds a home and opens its page; a server refusal shows at its field", async () => {
    let calls = 0;
    const { client, executeMutation } = mockClient({
      WorkspaceSmartHomes: list([]),
      CreateSmartHome: () =>
        ++calls === 1
          ? { error: badInput("name", "a name cannot hold control characters") }
          : {
              data: {
                createSmartHome: { __typename: "SmartHomePayload", smartHome: home("h-9", "Beach house", "pending") },
              },
            },
    });
    const u = userEvent.setup();
    renderSection(client);
    await u.click(await screen.findByRole("button", { name: "Add smart home" }));
    const form = screen.getByRole("form", { name: "Add smart home" });
    await u.type(within(form).getByRole("textbox", { name: "Name" }), "  Beach house ");
    const port = within(form).getByRole("textbox", { name: "Home Assistant port" });
    await u.clear(port);
    await u.type(port, "8124");
    await u.click(within(form).getByRole("button", { name: "Add smart home" }));
    expect(await within(form).findByText("a name cannot hold control characters")).toBeInTheDocument();
    expect(executeMutation).toHaveBeenCalledWith(
      expect.objectContaining({
        variables: { input: { workspaceId: "ws-1", name: "Beach house", haPort: 8124, idempotencyKey: expect.stringMatching(/^[0-9a-f]{32}$/) } },
      }),
      expect.anything(),
    );
    await u.click(within(form).getByRole("button", { name: "Add smart home" }));
    expect(await screen.findByRole("heading", { name: "Home page" })).toBeInTheDocument();
  });
});
