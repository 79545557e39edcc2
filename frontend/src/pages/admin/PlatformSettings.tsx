// The platform settings page (platform admins): the domain of service
// addresses, who may register, the default namespace quota, e-mail and the
// Cloudflare credentials of smart home tunnels. A setting an environment
// variable of the server fixes shows read-only, naming the variable: the
// server refuses to change it. Secrets (the SMTP URL, the Cloudflare
// token) are write-only: the page shows whether one is set and can replace
// or clear it, never show it.
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import type { PlatformSettingsQuery, RegistrationMode } from "../../gql/graphql";
import { Button, EmptyState, ErrorMessage, Field, Loading, PageHeader } from "../../components/ui";
import { fieldErrors, formError } from "../../lib/errors";
import { useSignedInViewer } from "../../lib/session";

const PlatformSettingsDocument = graphql(`
  query PlatformSettings {
    platformSettings {
      serviceDomain
      registration
      namespaceQuota {
        cpu
        memory
        storage
      }
      smtpUrl {
        set
      }
      mailFrom
      cloudflareApiToken {
        set
      }
      cloudflareAccountId
      cloudflareZoneId
      fromEnvironment {
        setting
        variable
      }
    }
  }
`);

const UpdatePlatformSettingsDocument = graphql(`
  mutation UpdatePlatformSettings($input: UpdatePlatformSettingsInput!) {
    updatePlatformSettings(input: $input) {
      settings {
        serviceDomain
        registration
        namespaceQuota {
          cpu
          memory
          storage
        }
        smtpUrl {
          set
        }
        mailFrom
        cloudflareApiToken {
          set
        }
        cloudflareAccountId
        cloudflareZoneId
        fromEnvironment {
          setting
          variable
        }
      }
    }
  }
`);

type Settings = PlatformSettingsQuery["platformSettings"];

/** What the form does with a secret: keep it, replace it, clear it. */
type SecretChange = { mode: "keep" } | { mode: "replace"; value: string } | { mode: "clear" };

const keep: SecretChange = { mode: "keep" };

/** The plain-text settings the form sends when changed. */
const textKeys = ["mailFrom", "cloudflareAccountId", "cloudflareZoneId"] as const;

/** The secret settings. */
const secretKeys = ["smtpUrl", "cloudflareApiToken"] as const;

export function PlatformSettings() {
  const viewer = useSignedInViewer();
  const { t } = useTranslation("admin");
  if (!viewer.platformAdmin) {
    return <EmptyState title={t("forAdmins")}>{t("platform.onlyAdmins")}</EmptyState>;
  }
  return <PlatformSettingsPage />;
}

function PlatformSettingsPage() {
  const { t } = useTranslation("admin");
  const [{ data, fetching, error }] = useQuery({ query: PlatformSettingsDocument });
  return (
    <div className="stack settings">
      <PageHeader title={t("platform.title")} description={t("platform.description")} />
      {!data && fetching ? (
        <Loading label={t("platform.loading")} />
      ) : !data ? (
        <ErrorMessage error={error} />
      ) : (
        <SettingsForm settings={data.platformSettings} />
      )}
    </div>
  );
}

function SettingsForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation(["admin", "common"]);
  const locked = Object.fromEntries(settings.fromEnvironment.map((e) => [e.setting, e.variable]));
  const [form, setForm] = useState({
    serviceDomain: settings.serviceDomain,
    registration: settings.registration,
    cpu: settings.namespaceQuota.cpu,
    memory: settings.namespaceQuota.memory,
    storage: settings.namespaceQuota.storage,
    mailFrom: settings.mailFrom,
    cloudflareAccountId: settings.cloudflareAccountId,
    cloudflareZoneId: settings.cloudflareZoneId,
  });
  // What the server last said: what the text fields started from, and
  // whether each secret is set.
  const [current, setCurrent] = useState(settings);
  const [secrets, setSecrets] = useState<Record<(typeof secretKeys)[number], SecretChange>>({ smtpUrl: keep, cloudflareApiToken: keep });
  const [saved, setSaved] = useState(false);
  const [{ fetching, error }, update] = useMutation(UpdatePlatformSettingsDocument);
  const fields = fieldErrors(error);
  const set = (k: keyof typeof form, v: string) => {
    setSaved(false);
    setForm((f) => ({ ...f, [k]: v }));
  };
  const fixedHint = (key: string, hint: string) => (locked[key] ? t("platform.fixedBy", { variable: locked[key] }) : hint);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (fetching) return;
    const input: Record<string, unknown> = {};
    if (!locked.serviceDomain) input.serviceDomain = form.serviceDomain.trim();
    if (!locked.registration) input.registration = form.registration;
    if (!locked.namespaceQuota) input.namespaceQuota = { cpu: form.cpu.trim(), memory: form.memory.trim(), storage: form.storage.trim() };
    // Only what changed: an empty string clears a setting.
    for (const k of textKeys) {
      if (!locked[k] && form[k].trim() !== current[k]) input[k] = form[k].trim();
    }
    for (const k of secretKeys) {
      const c = secrets[k];
      if (locked[k] || c.mode === "keep") continue;
      if (c.mode === "clear") input[k] = "";
      else if (c.value.trim() !== "") input[k] = c.value.trim();
    }
    const res = await update({ input });
    const next = res.data?.updatePlatformSettings.settings;
    if (next) {
      setCurrent(next);
      setSecrets({ smtpUrl: keep, cloudflareApiToken: keep });
      setSaved(true);
    }
  };
  const setSecret = (k: (typeof secretKeys)[number], c: SecretChange) => {
    setSaved(false);
    setSecrets((s) => ({ ...s, [k]: c }));
  };

  return (
    <form className="card stack" onSubmit={submit} noValidate aria-label={t("platform.title")}>
      <Field
        label={t("platform.serviceDomain")}
        error={fields.serviceDomain}
        hint={fixedHint("serviceDomain", t("platform.serviceDomainHint"))}
      >
        {(p) => (
          <input
            {...p}
            className="input"
            value={form.serviceDomain}
            maxLength={200}
            autoComplete="off"
            disabled={!!locked.serviceDomain}
            onChange={(e) => set("serviceDomain", e.target.value)}
          />
        )}
      </Field>
      <Field label={t("platform.registration")} error={fields.registration} hint={fixedHint("registration", t("platform.registrationHint"))}>
        {(p) => (
          <select
            {...p}
            className="input"
            value={form.registration}
            disabled={!!locked.registration}
            onChange={(e) => set("registration", e.target.value as RegistrationMode)}
          >
            <option value="open">{t("platform.registrationOpen")}</option>
            <option value="invitation">{t("platform.registrationInvitation")}</option>
          </select>
        )}
      </Field>
      <fieldset className="stack" disabled={!!locked.namespaceQuota}>
        <legend>{t("platform.quota")}</legend>
        <p className="muted" style={{ margin: 0 }}>
          {fixedHint("namespaceQuota", t("platform.quotaHint"))}
        </p>
        <div className="row" style={{ flexWrap: "wrap" }}>
          <Field label={t("platform.cpu")} hint={t("platform.cpuHint")}>
            {(p) => <input {...p} className="input" value={form.cpu} maxLength={20} onChange={(e) => set("cpu", e.target.value)} />}
          </Field>
          <Field label={t("platform.memory")} hint={t("platform.memoryHint")}>
            {(p) => <input {...p} className="input" value={form.memory} maxLength={20} onChange={(e) => set("memory", e.target.value)} />}
          </Field>
          <Field label={t("platform.storage")} hint={t("platform.storageHint")}>
            {(p) => <input {...p} className="input" value={form.storage} maxLength={20} onChange={(e) => set("storage", e.target.value)} />}
          </Field>
        </div>
        {fields.namespaceQuota && <span className="error">{fields.namespaceQuota}</span>}
      </fieldset>
      <fieldset className="stack">
        <legend>{t("platform.email")}</legend>
        <p className="muted" style={{ margin: 0 }}>
          {t("platform.emailIntro")}
        </p>
        <SecretField
          label={t("platform.smtpUrl")}
          isSet={current.smtpUrl.set}
          variable={locked.smtpUrl}
          change={secrets.smtpUrl}
          onChange={(c) => setSecret("smtpUrl", c)}
          error={fields.smtpUrl}
          hint={t("platform.smtpUrlHint")}
          // i18n-ignore: an example address, the same in every language
          placeholder="smtp://user:password@mail.example.com:587"
          maxLength={2000}
        />
        <Field label={t("platform.mailFrom")} error={fields.mailFrom} hint={fixedHint("mailFrom", t("platform.mailFromHint"))}>
          {(p) => (
            <input
              {...p}
              className="input"
              value={form.mailFrom}
              maxLength={320}
              autoComplete="off"
              disabled={!!locked.mailFrom}
              onChange={(e) => set("mailFrom", e.target.value)}
            />
          )}
        </Field>
      </fieldset>
      <fieldset className="stack">
        <legend>{t("platform.cloudflare")}</legend>
        <p className="muted" style={{ margin: 0 }}>
          {t("platform.cloudflareIntro")}
        </p>
        <SecretField
          label={t("platform.cloudflareToken")}
          isSet={current.cloudflareApiToken.set}
          variable={locked.cloudflareApiToken}
          change={secrets.cloudflareApiToken}
          onChange={(c) => setSecret("cloudflareApiToken", c)}
          error={fields.cloudflareApiToken}
          hint={t("platform.cloudflareTokenHint")}
          maxLength={200}
        />
        {(["cloudflareAccountId", "cloudflareZoneId"] as const).map((k) => (
          <Field
            key={k}
            label={k === "cloudflareAccountId" ? t("platform.accountId") : t("platform.zoneId")}
            error={fields[k]}
            hint={fixedHint(k, t("platform.cloudflareIdHint"))}
          >
            {(p) => (
              <input
                {...p}
                className="input"
                value={form[k]}
                maxLength={32}
                autoComplete="off"
                spellCheck={false}
                disabled={!!locked[k]}
                onChange={(e) => set(k, e.target.value)}
              />
            )}
          </Field>
        ))}
      </fieldset>
      <ErrorMessage
        message={formError(error, [
          "serviceDomain",
          "registration",
          "namespaceQuota",
          "smtpUrl",
          "mailFrom",
          "cloudflareApiToken",
          "cloudflareAccountId",
          "cloudflareZoneId",
        ])}
      />
      {saved && (
        <div className="alert alert-success" role="status">
          {t("platform.saved")}
        </div>
      )}
      <div className="row">
        <Button type="submit" variant="primary" busy={fetching}>
          {fetching ? t("common:actions.saving") : t("platform.save")}
        </Button>
      </div>
    </form>
  );
}

/**
 * A write-only setting: whether it is set, and Replace or Clear. The value
 * is typed into a password input and never shown back.
 */
function SecretField(props: {
  label: string;
  isSet: boolean;
  variable?: string;
  change: SecretChange;
  onChange: (c: SecretChange) => void;
  error?: string;
  hint: string;
  placeholder?: string;
  maxLength: number;
}) {
  const { label, isSet, variable, change, onChange, error, hint, placeholder, maxLength } = props;
  const { t } = useTranslation(["admin", "common"]);
  const status = variable
    ? t("platform.fixedBy", { variable })
    : change.mode === "clear"
      ? t("platform.secret.willClear")
      : isSet
        ? t("platform.secret.set")
        : t("platform.secret.notSet");
  if (change.mode === "replace") {
    return (
      <Field label={label} error={error} hint={t("platform.secret.storedHint", { hint })}>
        {(p) => (
          <div className="row">
            <input
              {...p}
              className="input"
              type="password"
              autoComplete="new-password"
              value={change.value}
              maxLength={maxLength}
              placeholder={placeholder}
              onChange={(e) => onChange({ mode: "replace", value: e.target.value })}
            />
            <Button size="sm" onClick={() => onChange(keep)}>
              {t("common:actions.cancel")}
            </Button>
          </div>
        )}
      </Field>
    );
  }
  return (
    <div className="field" role="group" aria-label={label}>
      <span className="label">{label}</span>
      <div className="row">
        <span className={isSet && change.mode !== "clear" ? "badge badge-success" : "badge"}>{status}</span>
        {!variable && change.mode === "keep" && (
          <>
            <Button size="sm" onClick={() => onChange({ mode: "replace", value: "" })} aria-label={t(isSet ? "platform.secret.replaceLabel" : "platform.secret.setLabel", { label })}>
              {isSet ? t("platform.secret.replace") : t("platform.secret.setAction")}
            </Button>
            {isSet && (
              <Button size="sm" variant="danger" onClick={() => onChange({ mode: "clear" })} aria-label={t("platform.secret.clearLabel", { label })}>
                {t("platform.secret.clear")}
              </Button>
            )}
          </>
        )}
        {change.mode === "clear" && (
          <Button size="sm" onClick={() => onChange(keep)}>
            {t("platform.secret.undo")}
          </Button>
        )}
      </div>
      {error && <span className="error">{error}</span>}
    </div>
  );
}
