import { describe, expect, it, vi } from "vitest";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { Provider } from "urql";
import { cachedClient, errorResult, type Handler } from "../oauth/testing";
import { ConnectedApps } from "./ConnectedApps";

vi.mock("../../lib/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/session")>()),
  useSignedInViewer: () => ({ id: "u-1", name: "Ada", email: "ada@example.com", emailVerifiedAt: null, platformAdmin: false }),
}));

vi.setConfig({ testTimeout: 20_000 });

const grant = (clientId: string, clientName: string, lastUsedAt: string | null = null) => ({
  __typename: "OAuthGrant",
  clientId,
  clientName,
  scopes: ["workspace:read", "smarthome:read"],
  grantedAt: "2026-12-01T10:00:00Z",
  lastUsedAt,
});

function renderSection(handler: Handler) {
  const c = cachedClient(handler);
  render(
    <Provider value={c.client}>
      <MemoryRouter>
        <ConnectedApps />
      </MemoryRouter>
    </Provider>,
  );
  return { ...c, u: userEvent.setup({ delay: null }) };
}

describe("Settings: Connected apps", () => {
  it("no grants: an empty state that says what shows here", async () => {
    renderSection(() => ({ data: { node: { __typename: "User", id: "u-1", oauthGrants: [] } } }));
    expect(await screen.findByRole("heading", { name: "No connected apps" })).toBeInTheDocument();
  });

  it("lists the grants; Revoke asks first, then the list loads again without it", async () => {
    let grants = [grant("woow-ha-smart-home", "Home Assistant", "2026-12-02T10:00:00Z"), grant("c-2", "Grafana")];
    const { u, calls, count } = renderSection((name, vars) => {
      if (name === "SettingsOAuthGrants") return { data: { node: { __typename: "User", id: "u-1", oauthGrants: grants } } };
      if (name === "RevokeOAuthGrant") {
        const id = (vars as { input: { clientId: string } }).input.clientId;
        grants = grants.filter((g) => g.clientId !== id);
        return { data: { revokeOAuthGrant: { __typename: "RevokeOAuthGrantPayload", clientId: id } } };
      }
    });
    const list = await screen.findByRole("list", { name: "Connected apps" });
    expect(within(list).getAllByRole("listitem")).toHaveLength(2);
    expect(within(list).getByText("Grafana").closest("li")).toHaveTextContent("not used yet");
    await u.click(screen.getByRole("button", { name: "Revoke Home Assistant" }));
    const dialog = screen.getByRole("dialog", { name: "Revoke access for Home Assistant?" });
    await u.click(within(dialog).getByRole("button", { name: "Revoke access" }));
    expect(await screen.findByText("Access for Home Assistant was revoked.")).toBeInTheDocument();
    await vi.waitFor(() => expect(within(screen.getByRole("list", { name: "Connected apps" })).getAllByRole("listitem")).toHaveLength(1));
    expect(screen.queryByRole("button", { name: "Revoke Home Assistant" })).toBeNull();
    expect(calls.filter(([n]) => n === "RevokeOAuthGrant")).toEqual([["RevokeOAuthGrant", { input: { clientId: "woow-ha-smart-home" } }]]);
    expect(count("SettingsOAuthGrants")).toBeGreaterThanOrEqual(2);
    expect(dialog).not.toHaveAttribute("open");
  });

  it("grants that cannot be read: the error, in this section only", async () => {
    renderSection(() => errorResult("boom", "INTERNAL"));
    expect(await screen.findByRole("alert")).toHaveTextContent("Something went wrong on our side. Please try again.");
  });

  it("a refused revoke: the error in the dialog, the list unchanged", async () => {
    const { u } = renderSection((name) =>
      name === "SettingsOAuthGrants"
        ? { data: { node: { __typename: "User", id: "u-1", oauthGrants: [grant("c-2", "Grafana")] } } }
        : errorResult("not found", "NOT_FOUND"),
    );
    await u.click(await screen.findByRole("button", { name: "Revoke Grafana" }));
    const dialog = screen.getByRole("dialog", { name: "Revoke access for Grafana?" });
    await u.click(within(dialog).getByRole("button", { name: "Revoke access" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("not found");
    expect(screen.getByRole("list", { name: "Connected apps" })).toHaveTextContent("Grafana");
  });
});
