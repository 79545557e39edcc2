import { beforeEach, describe, expect, it, vi } from "vitest";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { Provider, type Operation } from "urql";
import { gqlError, mockClient, type Answer } from "../auth/testClient";
import { print } from "graphql";
import { Settings } from "./Settings";

// Typing runs real events; a busy machine needs more than the default 5 s.
vi.setConfig({ testTimeout: 20_000 });

const session = vi.hoisted(() => ({ emailVerifiedAt: null as string | null }));
vi.mock("../../lib/session", () => ({
  useSignedInViewer: () => ({
    id: "VXNlcjox",
    name: "Ada",
    email: "ada@example.com",
    emailVerifiedAt: session.emailVerifiedAt,
    platformAdmin: false,
  }),
}));

/** The OAuth sections' lists (tested in ConnectedApps.test and OAuthClients.test): empty here. */
const oauthLists: Record<string, Answer> = {
  SettingsOAuthGrants: { data: { node: { __typename: "User", id: "VXNlcjox", oauthGrants: [] } } },
  SettingsOAuthClients: { data: { oauthClients: { __typename: "OAuthClientConnection", edges: [] } } },
};

function renderSettings(answer: (name: string, vars: Record<string, unknown>, op: Operation) => Answer) {
  const client = mockClient((name, vars, op) => (name in oauthLists ? oauthLists[name] : answer(name, vars, op)));
  render(
    <Provider value={client}>
      <MemoryRouter>
        <Settings />
      </MemoryRouter>
    </Provider>,
  );
  return userEvent.setup({ delay: null });
}

const passwordForm = () => screen.getByRole("heading", { name: "Password" }).closest("section")!;

beforeEach(() => {
  session.emailVerifiedAt = null;
  localStorage.clear();
  delete document.documentElement.dataset.theme;
});

describe("Settings: password", () => {
  it("catches a mismatched confirmation before asking the server", async () => {
    const handler = vi.fn((): Answer => undefined);
    const u = renderSettings(handler);
    const form = within(passwordForm());
    await u.type(form.getByLabelText("Current password"), "old password");
    await u.type(form.getByLabelText("New password"), "new password 1");
    await u.type(form.getByLabelText("Confirm new password"), "new password 2");
    await u.click(form.getByRole("button", { name: "Change password" }));

    const confirm = form.getByLabelText("Confirm new password");
    expect(confirm).toHaveAttribute("aria-invalid", "true");
    expect(confirm).toHaveAccessibleDescription("The passwords do not match");
    expect(form.getByLabelText("New password")).not.toHaveAttribute("aria-invalid");
    expect(handler).not.toHaveBeenCalled();
  });

  it("shows a wrong current password at its field", async () => {
    const u = renderSettings(() => ({ errors: [gqlError("the current password is wrong", "BAD_USER_INPUT", "currentPassword")] }) as Answer);
    const form = within(passwordForm());
    await u.type(form.getByLabelText("Current password"), "not it at all");
    await u.type(form.getByLabelText("New password"), "new password 1");
    await u.type(form.getByLabelText("Confirm new password"), "new password 1");
    await u.click(form.getByRole("button", { name: "Change password" }));
    expect(await form.findByText("The current password is wrong")).toBeInTheDocument();
    expect(form.getByLabelText("Current password")).toHaveAttribute("aria-invalid", "true");
  });

  it("changes the password, says other sessions were signed out and clears the form", async () => {
    const calls: unknown[] = [];
    const u = renderSettings((name, vars) => {
      calls.push([name, vars]);
      return { data: { changePassword: { __typename: "ChangePasswordPayload", ok: true } } };
    });
    const form = within(passwordForm());
    await u.type(form.getByLabelText("Current password"), "old password");
    await u.type(form.getByLabelText("New password"), "new password 1");
    await u.type(form.getByLabelText("Confirm new password"), "new password 1");
    await u.click(form.getByRole("button", { name: "Change password" }));
    expect(await form.findByText("Password changed; other sessions were signed out.")).toBeInTheDocument();
    expect(calls).toEqual([["SettingsChangePassword", { input: { currentPassword: "old password", newPassword: "new password 1" } }]]);
    expect(form.getByLabelText("Current password")).toHaveValue("");
    expect(form.getByLabelText("Confirm new password")).toHaveValue("");
  });
});

describe("Settings: profile", () => {
  it("saves only what changed and says so", async () => {
    const calls: unknown[] = [];
    const u = renderSettings((name, vars) => {
      calls.push([name, vars]);
      return { data: { updateProfile: { __typename: "ProfilePayload", user: { __typename: "User", id: "VXNlcjox", name: "Ada Lovelace", email: "ada@example.com" } } } };
    });
    const form = within(screen.getByRole("heading", { name: "Profile" }).closest("section")!);
    expect(form.getByLabelText("Email")).toHaveValue("ada@example.com");
    await u.clear(form.getByLabelText("Name"));
    await u.type(form.getByLabelText("Name"), "Ada Lovelace");
    await u.click(form.getByRole("button", { name: "Save profile" }));
    expect(await form.findByText("Saved")).toBeInTheDocument();
    expect(calls).toEqual([["SettingsUpdateProfile", { input: { name: "Ada Lovelace" } }]]);
  });

  it("shows a taken email at the email field", async () => {
    const u = renderSettings(() => ({ errors: [gqlError("an account with this email already exists", "BAD_USER_INPUT", "email")] }) as Answer);
    const form = within(screen.getByRole("heading", { name: "Profile" }).closest("section")!);
    await u.clear(form.getByLabelText("Email"));
    await u.type(form.getByLabelText("Email"), "bob@example.com");
    await u.click(form.getByRole("button", { name: "Save profile" }));
    expect(await form.findByText("An account with this email already exists")).toBeInTheDocument();
    expect(form.getByLabelText("Email")).toHaveAttribute("aria-invalid", "true");
    expect(form.queryByText("Saved")).not.toBeInTheDocument();
  });
});

describe("Settings: email confirmation", () => {
  const group = () => within(screen.getByRole("group", { name: "Email confirmation" }));

  it("an unconfirmed address: says what confirming brings, and sends a link on request", async () => {
    const calls: string[] = [];
    const u = renderSettings((name) => {
      calls.push(name);
      return { data: { requestEmailVerification: { __typename: "RequestEmailVerificationPayload", ok: true } } };
    });
    expect(group().getByText("Not confirmed")).toBeInTheDocument();
    expect(screen.getByRole("group", { name: "Email confirmation" })).toHaveTextContent(
      "Confirm ada@example.com with the link we e-mail to it, and invitations sent to it show on your dashboard. Until then, they reach you through the links their senders share.",
    );
    await u.click(group().getByRole("button", { name: "Send a confirmation link" }));
    expect(await group().findByText(/We sent a link to ada@example\.com\. Open it within a day/)).toBeInTheDocument();
    expect(calls).toEqual(["RequestEmailVerification"]);
  });

  it("a server without e-mail: shows its answer plainly", async () => {
    const u = renderSettings(() => ({ errors: [gqlError("e-mail is not set up on this server; ask its administrator", "CONFLICT")] }) as Answer);
    await u.click(group().getByRole("button", { name: "Send a confirmation link" }));
    const alert = await group().findByRole("alert");
    expect(alert).toHaveTextContent("E-mail is not set up on this server; ask its administrator.");
    expect(group().queryByText(/We sent a link/)).toBeNull();
  });

  it("too many requests: says to wait", async () => {
    const u = renderSettings(() => ({ errors: [gqlError("too many e-mails asked for; try again in 1m0s", "TOO_MANY_REQUESTS")] }) as Answer);
    await u.click(group().getByRole("button", { name: "Send a confirmation link" }));
    expect(await group().findByRole("alert")).toHaveTextContent("Too many e-mails asked for; try again in 1m0s.");
  });

  it("a confirmed address: says so, nothing to send", () => {
    session.emailVerifiedAt = "2026-11-01T10:00:00Z";
    renderSettings(() => undefined);
    expect(group().getByText("Confirmed")).toBeInTheDocument();
    expect(screen.getByRole("group", { name: "Email confirmation" })).toHaveTextContent("invitations sent to it show on your dashboard");
    expect(group().queryByRole("button")).toBeNull();
  });

  it("a new address comes back unconfirmed: the profile's answer carries emailVerifiedAt for the cache", async () => {
    const queries: string[] = [];
    const u = renderSettings((_name, _vars, op) => {
      queries.push(print(op.query));
      return {
        data: {
          updateProfile: {
            __typename: "ProfilePayload",
            user: { __typename: "User", id: "VXNlcjox", name: "Ada", email: "ada@new.example", emailVerifiedAt: null },
          },
        },
      };
    });
    const form = within(screen.getByRole("heading", { name: "Profile" }).closest("section")!);
    await u.clear(form.getByLabelText("Email"));
    await u.type(form.getByLabelText("Email"), "ada@new.example");
    await u.click(form.getByRole("button", { name: "Save profile" }));
    expect(await form.findByText("Saved")).toBeInTheDocument();
    expect(queries[0]).toMatch(/updateProfile[\s\S]*emailVerifiedAt/);
  });
});

describe("Settings: theme", () => {
  it("switches between system, light and dark", async () => {
    const u = renderSettings(() => undefined);
    const group = screen.getByRole("group", { name: "Theme" });
    expect(within(group).getByRole("radio", { name: /System/ })).toBeChecked();
    await u.click(within(group).getByRole("radio", { name: /Dark/ }));
    expect(document.documentElement.dataset.theme).toBe("dark");
    expect(localStorage.getItem("woow.theme")).toBe("dark");
    await u.click(within(group).getByRole("radio", { name: /System/ }));
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });
});
