import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { Provider } from "urql";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { i18n } from "../../i18n";
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
  smtpUrl: { __typename: "SecretSetting", set: true },
  mailFrom: "Woow <noreply@woow.test>",
  cloudflareApiToken: { __typename: "SecretSetting", set: false },
  cloudflareAccountId: "",
  cloudflareZoneId: "",
  fromEnvironment: [{ __typename: "EnvironmentSetting", setting: "serviceDomain", variable: "WOOW_DOMAIN" }],
};

function setup(
  update: object = { data: { updatePlatformSettings: { __typename: "UpdatePlatformSettingsPayload", settings } } },
  current: object = settings,
) {
  const mc = mockClient({ PlatformSettings: { data: { platformSettings: current } }, UpdatePlatformSettings: update });
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

  it("shows secrets only as set or not, and replaces or clears them", async () => {
    const user = userEvent.setup();
    const after = { ...settings, smtpUrl: { __typename: "SecretSetting", set: false }, cloudflareApiToken: { __typename: "SecretSetting", set: true } };
    const { mutation } = setup({ data: { updatePlatformSettings: { __typename: "UpdatePlatformSettingsPayload", settings: after } } });
    const smtp = await screen.findByRole("group", { name: "SMTP server URL" });
    expect(smtp).toHaveTextContent("Set");
    expect(screen.getByRole("group", { name: "Cloudflare API token" })).toHaveTextContent("Not set");
    expect(document.body).not.toHaveTextContent(/smtp:\/\//);
    // Clear the SMTP URL; set the token, typed into a password input.
    await user.click(screen.getByRole("button", { name: "Clear SMTP server URL" }));
    expect(smtp).toHaveTextContent("Will be cleared when you save.");
    await user.click(screen.getByRole("button", { name: "Set Cloudflare API token" }));
    const token = screen.getByLabelText("Cloudflare API token");
    expect(token).toHaveAttribute("type", "password");
    await user.type(token, "cf-secret-token");
    await user.type(screen.getByLabelText("Account ID"), "0123456789abcdef0123456789abcdef");
    await user.click(screen.getByRole("button", { name: "Save settings" }));
    expect(mutation()).toEqual({
      input: {
        registration: "open",
        namespaceQuota: { cpu: "16", memory: "32Gi", storage: "200Gi" },
        smtpUrl: "",
        cloudflareApiToken: "cf-secret-token",
        cloudflareAccountId: "0123456789abcdef0123456789abcdef",
      },
    });
    // After saving: the new state, the token no longer in the page.
    expect(await screen.findByText("Settings saved.")).toBeInTheDocument();
    expect(screen.getByRole("group", { name: "Cloudflare API token" })).toHaveTextContent("Set");
    expect(screen.getByRole("group", { name: "SMTP server URL" })).toHaveTextContent("Not set");
    expect(screen.queryByDisplayValue("cf-secret-token")).not.toBeInTheDocument();
  });

  it("shows env-fixed secrets read-only with their variable", async () => {
    const fixed = {
      ...settings,
      fromEnvironment: [
        { __typename: "EnvironmentSetting", setting: "smtpUrl", variable: "WOOW_SMTP_URL" },
        { __typename: "EnvironmentSetting", setting: "cloudflareZoneId", variable: "WOOW_CLOUDFLARE_ZONE_ID" },
      ],
    };
    const user = userEvent.setup();
    const { mutation } = setup(undefined, fixed);
    const smtp = await screen.findByRole("group", { name: "SMTP server URL" });
    expect(smtp).toHaveTextContent("Set by the server's WOOW_SMTP_URL environment variable");
    expect(screen.queryByRole("button", { name: /SMTP server URL/ })).not.toBeInTheDocument();
    expect(screen.getByLabelText("Zone ID")).toBeDisabled();
    expect(screen.getByText(/WOOW_CLOUDFLARE_ZONE_ID environment variable/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Save settings" }));
    expect(mutation()?.input).not.toHaveProperty("smtpUrl");
    expect(mutation()?.input).not.toHaveProperty("cloudflareZoneId");
  });
});

describe("PlatformSettings in Traditional Chinese", { timeout: 20_000 }, () => {
  beforeEach(() => act(() => i18n.changeLanguage("zh-TW")));
  afterEach(() => act(() => i18n.changeLanguage("en")));

  it("shows the settings, the secrets and the saved notice in zh-TW", async () => {
    const user = userEvent.setup();
    setup();
    expect(screen.getByRole("heading", { name: "平台設定" })).toBeInTheDocument();
    expect(await screen.findByLabelText("服務網域")).toBeDisabled();
    expect(screen.getByText("由伺服器的 WOOW_DOMAIN 環境變數設定：請在該處變更。")).toBeInTheDocument();
    expect(screen.getByRole("option", { name: "僅限邀請" })).toBeInTheDocument();
    expect(screen.getByLabelText("CPU 核心數")).toHaveValue("16");
    expect(screen.getByRole("group", { name: "SMTP 伺服器 URL" })).toHaveTextContent("已設定");
    expect(screen.getByRole("group", { name: "Cloudflare API 權杖" })).toHaveTextContent("未設定");
    await user.click(screen.getByRole("button", { name: "清除 SMTP 伺服器 URL" }));
    expect(screen.getByRole("group", { name: "SMTP 伺服器 URL" })).toHaveTextContent("儲存後將會清除。");
    expect(screen.getByRole("button", { name: "復原" })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "儲存設定" }));
    expect(await screen.findByText("設定已儲存。")).toBeInTheDocument();
  });
});
