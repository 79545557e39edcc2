import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes } from "react-router";
import { Provider, type Client } from "urql";
import { describe, expect, it } from "vitest";
import { SmartHomeDetail } from "./SmartHomeDetail";
import { gqlError, home, mockClient, opName } from "./testing";

const TOKEN = "eyJhIjoiYWNjb3VudCIsInQiOiJ0dW5uZWwiLCJzIjoic2VjcmV0In0=";

function page(state = "active", more: Record<string, unknown> = {}) {
  return {
    data: {
      node: {
        ...home("h-1", "Beach house", state, more),
        workspace: { __typename: "Workspace", id: "ws-1", name: "Shop Co", slug: "shop-co", state: "active" },
      },
    },
  };
}

function renderPage(client: Client) {
  return render(
    <Provider value={client}>
      <MemoryRouter initialEntries={["/workspaces/shop-co/smart-homes/h-1"]}>
        <Routes>
          <Route path="/workspaces/:slug/smart-homes/:id" element={<SmartHomeDetail />} />
        </Routes>
      </MemoryRouter>
    </Provider>,
  );
}

const tokenAnswer = { data: { node: { __typename: "SmartHome", id: "h-1", tunnelToken: TOKEN } } };

describe("SmartHomeDetail", { timeout: 20_000 }, () => {
  it("reads the token only when Reveal token is pressed, then shows it masked with a copy button", async () => {
    const { client, executeQuery } = mockClient({ SmartHomeDetail: page(), SmartHomeTunnelToken: tokenAnswer });
    const u = userEvent.setup();
    renderPage(client);
    expect(await screen.findByRole("heading", { level: 1, name: "Beach house" })).toBeInTheDocument();
    const asked = () => executeQuery.mock.calls.filter(([req]) => opName(req) === "SmartHomeTunnelToken");
    // No query before the click asks for the token, and the page's own does not select it.
    expect(asked()).toHaveLength(0);
    for (const [req] of executeQuery.mock.calls) {
      expect(req.query.loc?.source.body ?? "").not.toContain("tunnelToken");
    }
    expect(screen.queryByText(TOKEN)).toBeNull();

    await u.click(screen.getByRole("button", { name: "Reveal token" }));
    expect(asked()).toHaveLength(1);
    expect(asked()[0][0].variables).toEqual({ id: "h-1" });
    const field = await screen.findByLabelText("Tunnel token", { selector: "input" });
    expect(field).toHaveValue(TOKEN);
    expect(field).toHaveAttribute("type", "password");
    expect(field).toHaveAttribute("readonly");
    expect(screen.getByRole("button", { name: "Copy token" })).toBeInTheDocument();
    await u.click(screen.getByRole("button", { name: "Show" }));
    expect(field).toHaveAttribute("type", "text");
  });

  it("offers no token to a member who may not manage, nor retry or delete", async () => {
    const { client, executeQuery } = mockClient({ SmartHomeDetail: page("active", { viewerCanManage: false }) });
    renderPage(client);
    expect(await screen.findByRole("heading", { level: 1, name: "Beach house" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Reveal token" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Delete" })).toBeNull();
    expect(screen.getByRole("button", { name: "Refresh status" })).toBeInTheDocument();
    expect(executeQuery.mock.calls.some(([req]) => opName(req) === "SmartHomeTunnelToken")).toBe(false);
  });

  it("shows a refusal to read the token readably", async () => {
    const { client } = mockClient({
      SmartHomeDetail: page(),
      SmartHomeTunnelToken: { error: gqlError("FORBIDDEN", "only workspace owners and admins can read the tunnel token") },
    });
    const u = userEvent.setup();
    renderPage(client);
    await u.click(await screen.findByRole("button", { name: "Reveal token" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("only workspace owners and admins can read the tunnel token");
  });

  it("links the host name when active, shows the connector, and the Home Assistant setup", async () => {
    const { client } = mockClient({
      SmartHomeDetail: page("active", {
        tunnelStatus: "connected",
        connectorID: "conn-42",
        connectorType: "cloudflared 2025.1.0 (linux_amd64)",
        connectedSince: "2026-12-01T10:05:00Z",
      }),
    });
    renderPage(client);
    const link = await screen.findByRole("link", { name: /paas-sm-shop-co-h-1\.woowtech\.io/ });
    expect(link).toHaveAttribute("href", "https://paas-sm-shop-co-h-1.woowtech.io");
    expect(screen.getByText(/Connected: connector/)).toHaveTextContent("conn-42, cloudflared 2025.1.0 (linux_amd64), since");
    const help = screen.getByRole("region", { name: "Home Assistant setup" });
    expect(help).toHaveTextContent("use_x_forwarded_for: true");
    expect(help).toHaveTextContent("- ::1");
    expect(help).toHaveTextContent("400: Bad Request");
    expect(help).toHaveTextContent("port 8123");
    expect(screen.queryByRole("button", { name: "Retry" })).toBeNull();
  });

  it("in error: the reason, Retry, and no link", async () => {
    const { client, executeMutation } = mockClient({
      SmartHomeDetail: page("error"),
      SmartHomeRetry: {
        data: { retrySmartHome: { __typename: "SmartHomePayload", smartHome: home("h-1", "Beach house", "pending") } },
      },
    });
    const u = userEvent.setup();
    renderPage(client);
    expect(await screen.findByRole("alert")).toHaveTextContent("Cloudflare refused the tunnel: name taken");
    expect(screen.queryByRole("link", { name: /woowtech\.io/ })).toBeNull();
    await u.click(screen.getByRole("button", { name: "Retry" }));
    expect(executeMutation).toHaveBeenCalledWith(
      expect.objectContaining({ variables: { input: { id: "h-1" } } }),
      expect.anything(),
    );
  });

  it("deletes after a confirmation", async () => {
    const { client, executeMutation } = mockClient({
      SmartHomeDetail: page(),
      SmartHomeDelete: {
        data: { deleteSmartHome: { __typename: "SmartHomePayload", smartHome: home("h-1", "Beach house", "deleting") } },
      },
    });
    const u = userEvent.setup();
    renderPage(client);
    await u.click(await screen.findByRole("button", { name: "Delete" }));
    expect(executeMutation).not.toHaveBeenCalled();
    const dialog = screen.getByRole("dialog", { name: "Delete Beach house?" });
    expect(dialog).toHaveTextContent("paas-sm-shop-co-h-1.woowtech.io");
    await u.click(within(dialog).getByRole("button", { name: "Delete smart home" }));
    expect(executeMutation).toHaveBeenCalledWith(
      expect.objectContaining({ variables: { input: { id: "h-1" } } }),
      expect.anything(),
    );
  });

  it("says when the home is deleted", async () => {
    renderPage(mockClient({ SmartHomeDetail: page("gone", { tunnelStatus: "deleted" }) }).client);
    expect(await screen.findByText(/This smart home was deleted/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Delete" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Refresh status" })).toBeNull();
  });
});
