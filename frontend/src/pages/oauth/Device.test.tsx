import { describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes } from "react-router";
import { Provider } from "urql";
import { gqlError, mockClient, type Answer } from "../auth/testClient";
import { Device } from "./Device";
import { formatUserCode, normaliseUserCode } from "./userCode";

vi.setConfig({ testTimeout: 20_000 });

vi.mock("../../lib/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/session")>()),
  useSignedInViewer: () => ({ id: "u-1", name: "Ada", email: "ada@example.com", emailVerifiedAt: null, platformAdmin: false }),
}));

const request = {
  data: {
    oauthDeviceRequest: {
      __typename: "OAuthDeviceRequest",
      clientName: "Home Assistant",
      scopes: [{ __typename: "OAuthScope", name: "smarthome:tunnel", description: "Connect your smart homes through their tunnels" }],
    },
  },
};
const approved = { data: { approveOAuthDevice: { __typename: "ApproveOAuthDevicePayload", clientName: "Home Assistant", scopes: ["smarthome:tunnel"] } } };

function renderPage(handler: (name: string, vars: Record<string, unknown>) => Answer, search = "") {
  const calls: [string, Record<string, unknown>][] = [];
  render(
    <Provider
      value={mockClient((name, vars) => {
        calls.push([name, vars]);
        return handler(name, vars);
      })}
    >
      <MemoryRouter initialEntries={[`/device${search}`]}>
        <Routes>
          <Route path="/device" element={<Device />} />
        </Routes>
      </MemoryRouter>
    </Provider>,
  );
  return { calls, u: userEvent.setup({ delay: null }) };
}

describe("user codes", () => {
  it("accepts the code with or without a dash, in any case, and shows it as XXXX-XXXX", () => {
    expect(normaliseUserCode("wdjb-mjht")).toBe("WDJBMJHT");
    expect(normaliseUserCode(" WDJB MJHT x")).toBe("WDJBMJHT");
    expect(formatUserCode("wdjbmjht")).toBe("WDJB-MJHT");
    expect(formatUserCode("wdj")).toBe("WDJ");
    expect(formatUserCode("wdjb")).toBe("WDJB");
    expect(formatUserCode("wdjbm")).toBe("WDJB-M");
  });
});

describe("Device", () => {
  it("prefilled from ?user_code=: Continue shows who asks for what; Approve says to return to the device", async () => {
    const { calls, u } = renderPage((name) => (name === "OAuthDeviceRequest" ? request : approved), "?user_code=wdjbmjht");
    expect(screen.getByLabelText("Code")).toHaveValue("WDJB-MJHT");
    await u.click(screen.getByRole("button", { name: "Continue" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Allow Home Assistant to use your account?" })).toBeInTheDocument();
    expect(screen.getByText("Connect your smart homes through their tunnels")).toBeInTheDocument();
    expect(screen.getByRole("note")).toHaveTextContent("Approve only if your device shows the code WDJB-MJHT");
    await u.click(screen.getByRole("button", { name: "Approve" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Done — return to your device" })).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("Home Assistant is connected to your account");
    expect(calls.filter(([n]) => n === "OAuthDeviceRequest")).toContainEqual(["OAuthDeviceRequest", { userCode: "WDJB-MJHT" }]);
    expect(calls.filter(([n]) => n === "ApproveOAuthDevice")).toEqual([["ApproveOAuthDevice", { input: { userCode: "WDJB-MJHT", approve: true } }]]);
  });

  it("typed with a dash or without, in lower case: formats as it goes; Deny says Denied", async () => {
    const { calls, u } = renderPage((name) => (name === "OAuthDeviceRequest" ? request : approved));
    await u.type(screen.getByLabelText("Code"), "abcd-efgh");
    expect(screen.getByLabelText("Code")).toHaveValue("ABCD-EFGH");
    await u.click(screen.getByRole("button", { name: "Continue" }));
    await u.click(await screen.findByRole("button", { name: "Deny" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Denied" })).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("Home Assistant was not given access.");
    expect(calls.filter(([n]) => n === "ApproveOAuthDevice")).toEqual([["ApproveOAuthDevice", { input: { userCode: "ABCD-EFGH", approve: false } }]]);
  });

  it("a short code: says so at the field without asking the server", async () => {
    const { calls, u } = renderPage(() => request);
    await u.type(screen.getByLabelText("Code"), "abc");
    await u.click(screen.getByRole("button", { name: "Continue" }));
    expect(screen.getByLabelText("Code")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Code")).toHaveAccessibleDescription(/The code has 8 characters/);
    expect(calls).toEqual([]);
  });

  it("NOT_FOUND: no pending request with this code (it may have expired)", async () => {
    const { u } = renderPage(() => ({ errors: [gqlError("not found", "NOT_FOUND")] }) as Answer, "?user_code=WDJB-MJHT");
    await u.click(screen.getByRole("button", { name: "Continue" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("There is no pending request with this code (it may have expired).");
    expect(screen.getByRole("heading", { level: 1, name: "Connect a device" })).toBeInTheDocument();
  });

  it("TOO_MANY_REQUESTS: the server's words", async () => {
    const { u } = renderPage(() => ({ errors: [gqlError("too many codes tried; try again in 1m0s", "TOO_MANY_REQUESTS")] }) as Answer, "?user_code=WDJB-MJHT");
    await u.click(screen.getByRole("button", { name: "Continue" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Too many codes tried; try again in 1m0s.");
  });

  it("a request that expired between Continue and Approve: says so, and offers another code", async () => {
    const { u } = renderPage((name) => (name === "OAuthDeviceRequest" ? request : ({ errors: [gqlError("not found", "NOT_FOUND")] } as Answer)), "?user_code=WDJB-MJHT");
    await u.click(screen.getByRole("button", { name: "Continue" }));
    await u.click(await screen.findByRole("button", { name: "Approve" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("There is no pending request with this code (it may have expired).");
    await u.click(screen.getByRole("button", { name: "Use another code" }));
    expect(screen.getByLabelText("Code")).toHaveValue("");
  });
});
