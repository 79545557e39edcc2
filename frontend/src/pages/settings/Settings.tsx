// Settings: the viewer's profile (name, email, whether the address is
// confirmed, with a way to get a new confirmation link), password, theme,
// the apps the viewer has connected (OAuth grants) and the OAuth clients
// the viewer registered.
import { useId, useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useMutation } from "urql";
import { graphql } from "../../gql";
import { Button, ErrorMessage, Field, PageHeader, RelativeTime } from "../../components/ui";
import { fieldErrors, formError } from "../../lib/errors";
import { useSignedInViewer, type Viewer } from "../../lib/session";
import { useTheme, type ThemeChoice } from "../../lib/theme";
import { SendConfirmationLink } from "../auth/emailConfirmation";
import { ConnectedApps } from "./ConnectedApps";
import { OAuthClients } from "./OAuthClients";

const UpdateProfileMutation = graphql(`
  mutation SettingsUpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      user {
        id
        name
        email
        # A new address is not confirmed: the server clears it.
        emailVerifiedAt
      }
    }
  }
`);

const ChangePasswordMutation = graphql(`
  mutation SettingsChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      ok
    }
  }
`);

const minPassword = 8;

/** Server messages are phrases ("is required", "wrong password"): make them read well under a field. */
function fieldMessage(label: string, msg: string | undefined): string | undefined {
  if (!msg) return undefined;
  if (/^(is|must|has|cannot|can't|should)\b/.test(msg)) return `${label} ${msg}`;
  return msg[0].toUpperCase() + msg.slice(1);
}

export function Settings() {
  return (
    <div className="stack settings">
      <PageHeader title="Settings" description="Your profile, your password, how the app looks, and the apps connected to your account." />
      <ProfileSection />
      <PasswordSection />
      <ThemeSection />
      <ConnectedApps />
      <OAuthClients />
      <PlatformAdmin />
    </div>
  );
}

/** Links to the pages of platform admins (the phone's navigation has no room for them). */
function PlatformAdmin() {
  const viewer = useSignedInViewer();
  if (!viewer.platformAdmin) return null;
  return (
    <section className="card stack" aria-labelledby="settings-admin">
      <h2 id="settings-admin">Platform administration</h2>
      <p className="muted" style={{ margin: 0 }}>
        <Link to="/admin/ai">AI providers and agents</Link>: the endpoints and the agents members call on in threads.
      </p>
      <p className="muted" style={{ margin: 0 }}>
        <Link to="/admin/settings">Platform settings</Link>: the service domain, who may register, the workspace quota.
      </p>
    </section>
  );
}

function ProfileSection() {
  const viewer = useSignedInViewer();
  const [{ fetching, error }, update] = useMutation(UpdateProfileMutation);
  const [name, setName] = useState(viewer.name);
  const [email, setEmail] = useState(viewer.email);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<"idle" | "saved" | "unchanged" | "failed">("idle");

  const server = status === "failed" ? fieldErrors(error) : {};
  const errors = {
    name: local.name ?? fieldMessage("Name", server.name),
    email: local.email ?? fieldMessage("Email", server.email),
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const check: Record<string, string> = {};
    if (!name.trim()) check.name = "Enter your name";
    if (!email.trim()) check.email = "Enter your email address";
    else if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) check.email = "Enter a valid email address, like you@example.com";
    setLocal(check);
    if (Object.keys(check).length > 0) {
      setStatus("idle");
      return;
    }
    const input: { name?: string; email?: string } = {};
    if (name.trim() !== viewer.name) input.name = name.trim();
    if (email.trim().toLowerCase() !== viewer.email.toLowerCase()) input.email = email.trim();
    if (!input.name && !input.email) {
      setStatus("unchanged");
      return;
    }
    setStatus("idle");
    const res = await update({ input });
    if (res.data?.updateProfile.user) {
      // The cache updates the viewer (a normalised User), so the header shows the new name.
      setName(res.data.updateProfile.user.name);
      setEmail(res.data.updateProfile.user.email);
      setStatus("saved");
    } else {
      setStatus("failed");
    }
  };

  return (
    <section className="card" aria-labelledby="settings-profile">
      <h2 id="settings-profile">Profile</h2>
      <form className="stack" onSubmit={submit} noValidate>
        {status === "failed" && <ErrorMessage message={formError(error, ["name", "email"])} />}
        <Field label="Name" error={errors.name}>
          {(p) => (
            <input {...p} className="input" name="name" autoComplete="name" value={name} onChange={(e) => { setName(e.target.value); setStatus("idle"); }} />
          )}
        </Field>
        <Field label="Email" error={errors.email} hint="You sign in with this address.">
          {(p) => (
            <input
              {...p}
              className="input"
              type="email"
              name="email"
              autoComplete="email"
              inputMode="email"
              value={email}
              onChange={(e) => { setEmail(e.target.value); setStatus("idle"); }}
            />
          )}
        </Field>
        <div className="row">
          <Button type="submit" variant="primary" busy={fetching}>
            {fetching ? "Saving…" : "Save profile"}
          </Button>
          <span role="status" className="settings-status">
            {status === "saved" && <span className="badge badge-success">Saved</span>}
            {status === "unchanged" && <span className="muted">Nothing changed.</span>}
          </span>
        </div>
      </form>
      <EmailConfirmation viewer={viewer} />
    </section>
  );
}

/**
 * Whether the account's address is confirmed. Only a confirmed address
 * lists the invitations sent to it on the dashboard; until then they reach
 * the account through their links, so this informs rather than insists.
 */
function EmailConfirmation({ viewer }: { viewer: Viewer }) {
  const id = useId();
  return (
    <div className="stack settings-email-confirm" role="group" aria-labelledby={id}>
      <h3 id={id}>Email confirmation</h3>
      {viewer.emailVerifiedAt ? (
        <p className="settings-email-state">
          <span className="badge badge-success">Confirmed</span>{" "}
          <span>
            <span className="break">{viewer.email}</span> is confirmed (<RelativeTime value={viewer.emailVerifiedAt} />):
            invitations sent to it show on your dashboard.
          </span>
        </p>
      ) : (
        <>
          <p className="settings-email-state">
            <span className="badge badge-warning">Not confirmed</span>{" "}
            <span>
              Confirm <span className="break">{viewer.email}</span> with the link we e-mail to it, and invitations sent to
              it show on your dashboard. Until then, they reach you through the links their senders share.
            </span>
          </p>
          <SendConfirmationLink email={viewer.email} />
        </>
      )}
    </div>
  );
}

type PasswordFields = { currentPassword: string; newPassword: string; confirm: string };
const emptyPasswords: PasswordFields = { currentPassword: "", newPassword: "", confirm: "" };

/** The checks made before asking the server: all filled in, long enough, the same twice. */
export function checkPasswords(v: PasswordFields): Partial<Record<keyof PasswordFields, string>> {
  const out: Partial<Record<keyof PasswordFields, string>> = {};
  if (!v.currentPassword) out.currentPassword = "Enter your current password";
  if (!v.newPassword) out.newPassword = "Enter a new password";
  else if ([...v.newPassword].length < minPassword) out.newPassword = `Use at least ${minPassword} characters`;
  if (!v.confirm) out.confirm = "Enter the new password again";
  else if (v.newPassword && v.confirm !== v.newPassword) out.confirm = "The passwords do not match";
  return out;
}

function PasswordSection() {
  const [{ fetching, error }, change] = useMutation(ChangePasswordMutation);
  const [values, setValues] = useState<PasswordFields>(emptyPasswords);
  const [local, setLocal] = useState<Partial<Record<keyof PasswordFields, string>>>({});
  const [status, setStatus] = useState<"idle" | "changed" | "failed">("idle");

  const server = status === "failed" ? fieldErrors(error) : {};
  const errors = {
    currentPassword: local.currentPassword ?? fieldMessage("Current password", server.currentPassword),
    newPassword: local.newPassword ?? fieldMessage("New password", server.newPassword),
    confirm: local.confirm,
  };
  const set = (k: keyof PasswordFields) => (e: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [k]: e.target.value }));
    if (status === "changed") setStatus("idle");
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const check = checkPasswords(values);
    setLocal(check);
    if (Object.keys(check).length > 0) {
      setStatus("idle");
      return;
    }
    setStatus("idle");
    const res = await change({ input: { currentPassword: values.currentPassword, newPassword: values.newPassword } });
    if (res.data?.changePassword.ok) {
      setValues(emptyPasswords);
      setStatus("changed");
    } else {
      setStatus("failed");
    }
  };

  const input = (k: keyof PasswordFields, autoComplete: string) => (p: object) => (
    <input {...p} className="input" type="password" name={k} autoComplete={autoComplete} value={values[k]} onChange={set(k)} />
  );

  return (
    <section className="card" aria-labelledby="settings-password">
      <h2 id="settings-password">Password</h2>
      <form className="stack" onSubmit={submit} noValidate>
        {status === "failed" && <ErrorMessage message={formError(error, ["currentPassword", "newPassword"])} />}
        <Field label="Current password" error={errors.currentPassword}>
          {input("currentPassword", "current-password")}
        </Field>
        <Field label="New password" error={errors.newPassword} hint={`At least ${minPassword} characters.`}>
          {input("newPassword", "new-password")}
        </Field>
        <Field label="Confirm new password" error={errors.confirm}>
          {input("confirm", "new-password")}
        </Field>
        <div className="row">
          <Button type="submit" variant="primary" busy={fetching}>
            {fetching ? "Changing…" : "Change password"}
          </Button>
        </div>
        <div role="status">
          {status === "changed" && <p className="alert alert-success" style={{ margin: 0 }}>Password changed; other sessions were signed out.</p>}
        </div>
      </form>
    </section>
  );
}

const themes: { value: ThemeChoice; label: string; hint: string }[] = [
  { value: "system", label: "System", hint: "Follows your device's light or dark setting" },
  { value: "light", label: "Light", hint: "Always light" },
  { value: "dark", label: "Dark", hint: "Always dark" },
];

function ThemeSection() {
  const [theme, setTheme] = useTheme();
  const name = useId();
  return (
    <section className="card" aria-labelledby="settings-theme">
      <h2 id="settings-theme">Appearance</h2>
      <fieldset className="theme-choice">
        <legend>Theme</legend>
        {themes.map((t) => (
          <label key={t.value} className="theme-option">
            <input type="radio" name={name} value={t.value} checked={theme === t.value} onChange={() => setTheme(t.value)} />
            <span>
              <span className="theme-option-label">{t.label}</span>
              <span className="muted theme-option-hint">{t.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}
