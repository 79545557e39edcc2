// Settings: the viewer's profile (name, email, whether the address is
// confirmed, with a way to get a new confirmation link), password, theme,
// the app's language (kept on the account), the apps the viewer has
// connected (OAuth grants) and the OAuth clients the viewer registered.
import { useId, useState, type FormEvent } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMutation } from "urql";
import { graphql } from "../../gql";
import { Button, ErrorMessage, Field, PageHeader, RelativeTime } from "../../components/ui";
import { fieldErrors, formError } from "../../lib/errors";
import { browserLocale, i18n, isLocale, localeNames, locales } from "../../i18n";
import { useSignedInViewer, type Viewer } from "../../lib/session";
import { useTheme, type ThemeChoice } from "../../lib/theme";
import { fieldMessage } from "../auth/AuthCard";
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
        locale
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

export function Settings() {
  const { t } = useTranslation("settings");
  return (
    <div className="stack settings">
      <PageHeader title={t("title")} description={t("description")} />
      <ProfileSection />
      <PasswordSection />
      <ThemeSection />
      <LanguageSection />
      <ConnectedApps />
      <OAuthClients />
      <PlatformAdmin />
    </div>
  );
}

/** Links to the pages of platform admins (the phone's navigation has no room for them). */
function PlatformAdmin() {
  const viewer = useSignedInViewer();
  const { t } = useTranslation("settings");
  if (!viewer.platformAdmin) return null;
  return (
    <section className="card stack" aria-labelledby="settings-admin">
      <h2 id="settings-admin">{t("admin.title")}</h2>
      <p className="muted" style={{ margin: 0 }}>
        <Link to="/admin/ai">{t("admin.ai")}</Link>
        {t("admin.aiHint")}
      </p>
      <p className="muted" style={{ margin: 0 }}>
        <Link to="/admin/settings">{t("admin.settings")}</Link>
        {t("admin.settingsHint")}
      </p>
    </section>
  );
}

function ProfileSection() {
  const viewer = useSignedInViewer();
  const { t } = useTranslation(["settings", "common"]);
  const [{ fetching, error }, update] = useMutation(UpdateProfileMutation);
  const [name, setName] = useState(viewer.name);
  const [email, setEmail] = useState(viewer.email);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<"idle" | "saved" | "unchanged" | "failed">("idle");

  const server = status === "failed" ? fieldErrors(error) : {};
  const errors = {
    name: local.name ?? fieldMessage(t("profile.name"), server.name),
    email: local.email ?? fieldMessage(t("profile.email"), server.email),
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const check: Record<string, string> = {};
    if (!name.trim()) check.name = t("profile.enterName");
    if (!email.trim()) check.email = t("profile.enterEmail");
    else if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) check.email = t("profile.validEmail");
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
      <h2 id="settings-profile">{t("profile.title")}</h2>
      <form className="stack" onSubmit={submit} noValidate>
        {status === "failed" && <ErrorMessage message={formError(error, ["name", "email"])} />}
        <Field label={t("profile.name")} error={errors.name}>
          {(p) => (
            <input {...p} className="input" name="name" autoComplete="name" value={name} onChange={(e) => { setName(e.target.value); setStatus("idle"); }} />
          )}
        </Field>
        <Field label={t("profile.email")} error={errors.email} hint={t("profile.emailHint")}>
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
            {fetching ? t("common:actions.saving") : t("profile.save")}
          </Button>
          <span role="status" className="settings-status">
            {status === "saved" && <span className="badge badge-success">{t("profile.saved")}</span>}
            {status === "unchanged" && <span className="muted">{t("profile.unchanged")}</span>}
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
  const { t } = useTranslation("settings");
  return (
    <div className="stack settings-email-confirm" role="group" aria-labelledby={id}>
      <h3 id={id}>{t("confirmation.title")}</h3>
      {viewer.emailVerifiedAt ? (
        <p className="settings-email-state">
          <span className="badge badge-success">{t("confirmation.confirmed")}</span>{" "}
          <span>
            <Trans
              t={t}
              i18nKey="confirmation.confirmedBody"
              values={{ email: viewer.email }}
              components={{ addr: <span className="break" />, when: <RelativeTime value={viewer.emailVerifiedAt} /> }}
            />
          </span>
        </p>
      ) : (
        <>
          <p className="settings-email-state">
            <span className="badge badge-warning">{t("confirmation.notConfirmed")}</span>{" "}
            <span>
              <Trans
                t={t}
                i18nKey="confirmation.notConfirmedBody"
                values={{ email: viewer.email }}
                components={{ addr: <span className="break" /> }}
              />
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
  const t = i18n.getFixedT(null, "settings");
  if (!v.currentPassword) out.currentPassword = t("password.enterCurrent");
  if (!v.newPassword) out.newPassword = t("password.enterNew");
  else if ([...v.newPassword].length < minPassword) out.newPassword = t("password.tooShort", { count: minPassword });
  if (!v.confirm) out.confirm = t("password.enterAgain");
  else if (v.newPassword && v.confirm !== v.newPassword) out.confirm = t("password.mismatch");
  return out;
}

function PasswordSection() {
  const { t } = useTranslation("settings");
  const [{ fetching, error }, change] = useMutation(ChangePasswordMutation);
  const [values, setValues] = useState<PasswordFields>(emptyPasswords);
  const [local, setLocal] = useState<Partial<Record<keyof PasswordFields, string>>>({});
  const [status, setStatus] = useState<"idle" | "changed" | "failed">("idle");

  const server = status === "failed" ? fieldErrors(error) : {};
  const errors = {
    currentPassword: local.currentPassword ?? fieldMessage(t("password.current"), server.currentPassword),
    newPassword: local.newPassword ?? fieldMessage(t("password.new"), server.newPassword),
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
      <h2 id="settings-password">{t("password.title")}</h2>
      <form className="stack" onSubmit={submit} noValidate>
        {status === "failed" && <ErrorMessage message={formError(error, ["currentPassword", "newPassword"])} />}
        <Field label={t("password.current")} error={errors.currentPassword}>
          {input("currentPassword", "current-password")}
        </Field>
        <Field label={t("password.new")} error={errors.newPassword} hint={t("password.newHint", { count: minPassword })}>
          {input("newPassword", "new-password")}
        </Field>
        <Field label={t("password.confirm")} error={errors.confirm}>
          {input("confirm", "new-password")}
        </Field>
        <div className="row">
          <Button type="submit" variant="primary" busy={fetching}>
            {fetching ? t("password.changing") : t("password.change")}
          </Button>
        </div>
        <div role="status">
          {status === "changed" && (
            <p className="alert alert-success" style={{ margin: 0 }}>
              {t("password.changed")}
            </p>
          )}
        </div>
      </form>
    </section>
  );
}

const themes: readonly ThemeChoice[] = ["system", "light", "dark"];

function ThemeSection() {
  const [theme, setTheme] = useTheme();
  const name = useId();
  const { t } = useTranslation("settings");
  return (
    <section className="card" aria-labelledby="settings-theme">
      <h2 id="settings-theme">{t("appearance.title")}</h2>
      <fieldset className="theme-choice">
        <legend>{t("appearance.theme")}</legend>
        {themes.map((value) => (
          <label key={value} className="theme-option">
            <input type="radio" name={name} value={value} checked={theme === value} onChange={() => setTheme(value)} />
            <span>
              <span className="theme-option-label">{t(`appearance.${value}`)}</span>
              <span className="muted theme-option-hint">{t(`appearance.${value}Hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}

/**
 * The app's language, kept on the account (User.locale): English,
 * Traditional Chinese, or "" to follow the browser. The app switches as
 * soon as the server has it (the session applies the viewer's locale).
 */
function LanguageSection() {
  const viewer = useSignedInViewer();
  const { t } = useTranslation("settings");
  const [{ fetching, error }, update] = useMutation(UpdateProfileMutation);
  const [saved, setSaved] = useState(false);
  const id = useId();
  const browser = browserLocale(navigator.languages ?? [navigator.language]);
  const current = isLocale(viewer.locale) ? viewer.locale : "";

  const choose = async (locale: string) => {
    setSaved(false);
    const res = await update({ input: { locale } });
    if (res.data?.updateProfile.user) setSaved(true);
  };

  return (
    <section className="card stack" aria-labelledby="settings-language">
      <h2 id="settings-language">{t("language.title")}</h2>
      <div className="stack" style={{ gap: "0.35rem" }}>
        <label htmlFor={id}>{t("language.label")}</label>
        <div className="row">
          <select id={id} className="input" style={{ maxWidth: "20rem" }} value={current} disabled={fetching} onChange={(e) => void choose(e.target.value)}>
            <option value="">{t("language.browser", { name: localeNames[browser] })}</option>
            {locales.map((l) => (
              <option key={l} value={l} lang={l}>
                {localeNames[l]}
              </option>
            ))}
          </select>
          <span role="status" className="settings-status">
            {saved && <span className="badge badge-success">{t("language.saved")}</span>}
          </span>
        </div>
        <p className="muted" style={{ margin: 0 }}>
          {t("language.hint")}
        </p>
      </div>
      <ErrorMessage message={formError(error)} />
    </section>
  );
}
