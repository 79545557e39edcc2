// The OAuth pages need a signed-in viewer: signed out, they go to sign-in
// with `next` naming the whole URL, query string included.
import { describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { Provider } from "urql";
import { mockClient } from "../auth/testClient";
import { App } from "../../App";

vi.mock("../../lib/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/session")>()),
  useViewer: () => ({ viewer: null, loading: false }),
  useSession: () => ({ reset() {} }),
}));

function renderAt(path: string) {
  render(
    <Provider value={mockClient(() => undefined)}>
      <MemoryRouter initialEntries={[path]}>
        <App />
      </MemoryRouter>
    </Provider>,
  );
}

describe("OAuth routes, signed out", () => {
  it("/oauth2/authorize goes to sign-in and comes back to the full URL", async () => {
    const url = "/oauth2/authorize?response_type=code&client_id=woow-ha-smart-home&redirect_uri=http%3A%2F%2Fha.local%2Fauth%2Fexternal%2Fwoow%2Fcallback&scope=workspace%3Aread+smarthome%3Aread&state=s-1&code_challenge=abc&code_challenge_method=S256";
    renderAt(url);
    expect(await screen.findByRole("heading", { level: 1, name: "Sign in" })).toBeInTheDocument();
    expect(screen.getByText("Sign in to continue where you were.")).toBeInTheDocument();
    // The register link keeps the same `next`.
    expect(screen.getByRole("link", { name: "Create an account" })).toHaveAttribute("href", `/register?next=${encodeURIComponent(url)}`);
  });

  it("/device?user_code=… goes to sign-in and comes back with the code", async () => {
    renderAt("/device?user_code=WDJB-MJHT");
    expect(await screen.findByRole("heading", { level: 1, name: "Sign in" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Create an account" })).toHaveAttribute("href", `/register?next=${encodeURIComponent("/device?user_code=WDJB-MJHT")}`);
  });
});
