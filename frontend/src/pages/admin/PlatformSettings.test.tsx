import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { Provider } from "urql";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { badInput, mockClient, opName } from "../../test/mockClient";
import { PlatformSettings } from "./PlatformSettings";

const session = vi.hoisted(() => ({ platformAdmin: true }));
vi.mock("../../lib/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/session")>()),
  useSignedInViewer: () => ({ id: "u-1", name: "Ada", email: "ada@x.io", emailVerifiedAt: null, platformAdmin: session.platformAdmin }),
}));

const settings = {
  __typename: "PlatformSettings",
  serviceDomain: "woowtech.io",
  registration: "open",
  namespaceQuota: { __typename: "NamespaceQuota", cpu: "16", memory: "32Gi", storage: "200Gi" },
  fromEnvironment: [{ __typename: "EnvironmentSetting", setting: "serviceDomain", variable: "WOOW_DOMAIN" }],
};

function setup(update: object = { data: { updatePlatformSettings: { __typename: "UpdatePlatformSettingsPayload", settings } } }) {
  const mc = mockClient({ PlatformSettings: { data: { platformSettings: settings } }, UpdatePlatformSettings: update });
  render(
    <Provider value={mc.client}>
      <MemoryRouter>
        <PlatformSettings />
      </MemoryRouter>
    </Provider>,
  );
  const mutation = () => mc.executeMutation.mock.calls.map((c) => c[0]).filter((r) => opName(r) === "UpdatePlatformSettings").at(-1)?.variables;
  return { mutation };
}

beforeEach(() => {
  session.platformAdmin = true;
});

describe("PlatformSettings", { timeout: 20_000 }, () => {
  it("is for platform admins only", () => {
    session.platformAdmin = false;
    setup();
    expect(screen.getByText("For platform admins")).toBeInTheDocument();
  });

  it("shows a setting the environment fixes read-only and sends only the others", async () => {
    const user = userEvent.setup();
    const { mutation } = setup();
    const domain = await screen.findByLabelText("Service domain");
    expect(domain).toBeDisabled();
    expect(screen.getByText(/Set by the server's WOOW_DOMAIN environment variable/)).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText("Registration"), "invitation");
    await user.clear(screen.getByLabelText("CPU cores"));
    await user.type(screen.getByLabelText("CPU cores"), "8");
    await user.click(screen.getByRole("button", { name: "Save settings" }));
    expect(mutation()).toEqual({ input: { registration: "invitation", namespaceQuota: { cpu: "8", memory: "32Gi", storage: "200Gi" } } });
    expect(await screen.findByText("Settings saved.")).toBeInTheDocument();
  });

  it("shows the server's refusal by the field it names", async () => {
    const user = userEvent.setup();
    setup({ error: badInput("namespaceQuota", 'limits.cpu: "lots" is not a positive quantity') });
    await user.click(await screen.findByRole("button", { name: "Save settings" }));
    expect(await screen.findByText(/is not a positive quantity/)).toBeInTheDocument();
  });
});
