import { beforeEach, describe, expect, it, vi } from "vitest";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes } from "react-router";
import { Provider } from "urql";
import { gqlError, mockClient, type Answer } from "../auth/testClient";
import { Consent, browser } from "./Consent";

vi.setConfig({ testTimeout: 20_000 });

vi.mock("../../lib/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/session")>()),
  useSignedInViewer: () => ({ id: "u-1", name: "Ada", email: "ada@example.com", emailVerifiedAt: null, platformAdmin: false }),
}));

const query =
  "?response_type=code&client_id=woow-ha-smart-home&redirect_uri=" +
  encodeURIComponent("http://ha.local:8123/auth/external/woow/callback") +
  "&scope=" +
  encodeURIComponent("workspace:read smarthome:read") +
  "&state=st-1&code_challenge=ch-1&code_challenge_method=S256";

const want = {
  clientId: "woow-ha-smart-home",
  redirectUri: "http://ha.local:8123/auth/external/woow/callback",
  scope: "workspace:read smarthome:read",
  state: "st-1",
  codeChallenge: "ch-1",
  codeChallengeMethod: "S256",
};

function consent(registeredRedirect = false) {
  return {
    data: {
      oauthConsent: {
        __typename: "OAuthConsent",
        clientId: "woow-ha-smart-home",
        clientName: "Home Assistant",
        scopes: [
          { __typename: "OAuthScope", name: "workspace:read", description: "See the workspaces you belong to" },
          { __typename: "OAuthScope", name: "smarthome:read", description: "See your smart homes and their status" },
        ],
        redirectHost: "ha.local:8123",
        registeredRedirect,
      },
    },
  };
}

function renderPage(handler: (name: string, vars: Record<string, unknown>) => Answer, search = query) {
  const calls: [string, Record<string, unknown>][] = [];
  render(
    <Provider
      value={mockClient((name, vars) => {
        calls.push([name, vars]);
        return handler(name, vars);
      })}
    >
      <MemoryRouter initialEntries={[`/oauth2/authorize${search}`]}>
        <Routes>
          <Route path="/oauth2/authorize" element={<Consent />} />
        </Routes>
      </MemoryRouter>
    </Provider>,
  );
  return { calls, u: userEvent.setup({ delay: null }) };
}

let go: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  go = vi.spyOn(browser, "go").mockImplementation(() => {});
});

describe("Consent", () => {
  it("shows who asks, for what, and plainly where the browser goes; warns when the address was entered in the app", async () => {
    const { calls } = renderPage(() => consent(false));
    expect(await screen.findByRole("heading", { level: 1, name: "Allow Home Assistant to use your account?" })).toBeInTheDocument();
    expect(screen.getByText("See the workspaces you belong to")).toBeInTheDocument();
    expect(screen.getByText("See your smart homes and their status")).toBeInTheDocument();
    const note = screen.getByRole("note", { name: "Where your browser goes next" });
    expect(note).toHaveTextContent("After you decide, your browser goes to ha.local:8123");
    expect(note).toHaveTextContent("This is the address entered in the app. Approve only if it is your own Home Assistant.");
    expect(screen.getByText(/Signed in as/)).toHaveTextContent("Signed in as ada@example.com.");
    expect(new Set(calls.map((c) => JSON.stringify(c)))).toEqual(new Set([JSON.stringify(["OAuthConsent", { input: want }])]));
  });

  it("a registered redirect: no caution", async () => {
    renderPage(() => consent(true));
    const note = await screen.findByRole("note", { name: "Where your browser goes next" });
    expect(note).toHaveTextContent("After you decide, your browser goes to ha.local:8123");
    expect(note).not.toHaveTextContent("entered in the app");
  });

  it("Approve sends the request with approve: true and follows the server's redirect", async () => {
    const to = "http://ha.local:8123/auth/external/woow/callback?code=c-1&state=st-1";
    const { calls, u } = renderPage((name) => (name === "OAuthConsent" ? consent() : { data: { authorizeOAuthClient: { __typename: "AuthorizeOAuthClientPayload", redirectTo: to } } }));
    await u.click(await screen.findByRole("button", { name: "Approve" }));
    await vi.waitFor(() => expect(go).toHaveBeenCalledWith(to));
    expect(calls.filter(([n]) => n === "AuthorizeOAuthClient")).toEqual([["AuthorizeOAuthClient", { input: { ...want, approve: true } }]]);
    expect(screen.getByRole("status")).toHaveTextContent("Going to ha.local:8123…");
    expect(screen.getByRole("button", { name: "Deny" })).toBeDisabled();
  });

  it("Deny sends approve: false and follows the redirect with the refusal", async () => {
    const to = "http://ha.local:8123/auth/external/woow/callback?error=access_denied&state=st-1";
    const { calls, u } = renderPage((name) => (name === "OAuthConsent" ? consent() : { data: { authorizeOAuthClient: { __typename: "AuthorizeOAuthClientPayload", redirectTo: to } } }));
    await u.click(await screen.findByRole("button", { name: "Deny" }));
    await vi.waitFor(() => expect(go).toHaveBeenCalledWith(to));
    expect(calls.filter(([n]) => n === "AuthorizeOAuthClient")).toEqual([["AuthorizeOAuthClient", { input: { ...want, approve: false } }]]);
  });

  it("leaves out the parameters the request does not have", async () => {
    const { calls } = renderPage(() => consent(), "?client_id=c-9&redirect_uri=https%3A%2F%2Fapp.example%2Fcb");
    await screen.findByRole("heading", { level: 1, name: /Allow/ });
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every(([n, v]) => n === "OAuthConsent" && JSON.stringify(v) === JSON.stringify({ input: { clientId: "c-9", redirectUri: "https://app.example/cb" } }))).toBe(true);
  });

  it("a request the server refuses: its reason, no buttons", async () => {
    renderPage(() => ({ errors: [gqlError("scope smarthome:admin is not allowed for this client", "BAD_USER_INPUT", "scope")] }) as Answer);
    expect(await screen.findByRole("heading", { level: 1, name: "This request cannot be approved" })).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent("Scope smarthome:admin is not allowed for this client.");
    expect(screen.queryByRole("button", { name: "Approve" })).toBeNull();
  });

  it("a refused answer: the error, and the buttons work again", async () => {
    const { u } = renderPage((name) => (name === "OAuthConsent" ? consent() : ({ errors: [gqlError("this request has expired; start again", "BAD_USER_INPUT")] } as Answer)));
    await u.click(await screen.findByRole("button", { name: "Approve" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("This request has expired; start again.");
    expect(go).not.toHaveBeenCalled();
    expect(screen.getByRole("button", { name: "Approve" })).toBeEnabled();
  });

  it("a link without client_id or redirect_uri: says so without asking the server", () => {
    const { calls } = renderPage(() => consent(), "?client_id=x");
    expect(screen.getByRole("heading", { level: 1, name: "This request is incomplete" })).toBeInTheDocument();
    expect(within(screen.getByRole("alert")).getByText(/no client_id or redirect_uri/)).toBeInTheDocument();
    expect(calls).toEqual([]);
  });
});
