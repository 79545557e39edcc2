// The platform settings page (platform admins): the domain of service
// addresses, who may register, the default namespace quota. A setting an
// environment variable of the server fixes shows read-only, naming the
// variable: the server refuses to change it.
import { useState, type FormEvent } from "react";
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
        fromEnvironment {
          setting
          variable
        }
      }
    }
  }
`);

type Settings = PlatformSettingsQuery["platformSettings"];

export function PlatformSettings() {
  const viewer = useSignedInViewer();
  if (!viewer.platformAdmin) {
    return <EmptyState title="For platform admins">Only platform admins change the platform's settings.</EmptyState>;
  }
  return <PlatformSettingsPage />;
}

function PlatformSettingsPage() {
  const [{ data, fetching, error }] = useQuery({ query: PlatformSettingsDocument });
  return (
    <div className="stack settings">
      <PageHeader title="Platform settings" description="What applies to every workspace. Changes take effect on every server within seconds." />
      {!data && fetching ? (
        <Loading label="Loading the settings…" />
      ) : !data ? (
        <ErrorMessage error={error} />
      ) : (
        <SettingsForm settings={data.platformSettings} />
      )}
    </div>
  );
}

function SettingsForm({ settings }: { settings: Settings }) {
  const locked = Object.fromEntries(settings.fromEnvironment.map((e) => [e.setting, e.variable]));
  const [form, setForm] = useState({
    serviceDomain: settings.serviceDomain,
    registration: settings.registration,
    cpu: settings.namespaceQuota.cpu,
    memory: settings.namespaceQuota.memory,
    storage: settings.namespaceQuota.storage,
  });
  const [saved, setSaved] = useState(false);
  const [{ fetching, error }, update] = useMutation(UpdatePlatformSettingsDocument);
  const fields = fieldErrors(error);
  const set = (k: keyof typeof form, v: string) => {
    setSaved(false);
    setForm((f) => ({ ...f, [k]: v }));
  };
  const fixedHint = (key: string, hint: string) => (locked[key] ? `Set by the server's ${locked[key]} environment variable: change it there.` : hint);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (fetching) return;
    const input: Record<string, unknown> = {};
    if (!locked.serviceDomain) input.serviceDomain = form.serviceDomain.trim();
    if (!locked.registration) input.registration = form.registration;
    if (!locked.namespaceQuota) input.namespaceQuota = { cpu: form.cpu.trim(), memory: form.memory.trim(), storage: form.storage.trim() };
    const res = await update({ input });
    if (res.data) setSaved(true);
  };

  return (
    <form className="card stack" onSubmit={submit} noValidate aria-label="Platform settings">
      <Field
        label="Service domain"
        error={fields.serviceDomain}
        hint={fixedHint("serviceDomain", "Services are reached at https://<name>.<this domain>; point a wildcard DNS record at the cluster's ingress.")}
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
      <Field label="Registration" error={fields.registration} hint={fixedHint("registration", "By invitation: only addresses invited to a workspace may open an account.")}>
        {(p) => (
          <select
            {...p}
            className="input"
            value={form.registration}
            disabled={!!locked.registration}
            onChange={(e) => set("registration", e.target.value as RegistrationMode)}
          >
            <option value="open">Anyone may register</option>
            <option value="invitation">By invitation only</option>
          </select>
        )}
      </Field>
      <fieldset className="stack" disabled={!!locked.namespaceQuota}>
        <legend>Workspace quota</legend>
        <p className="muted" style={{ margin: 0 }}>
          {fixedHint("namespaceQuota", "What each workspace's apps may use in all, as Kubernetes quantities; applied at each deploy.")}
        </p>
        <div className="row" style={{ flexWrap: "wrap" }}>
          <Field label="CPU cores" hint="e.g. 16 or 1500m">
            {(p) => <input {...p} className="input" value={form.cpu} maxLength={20} onChange={(e) => set("cpu", e.target.value)} />}
          </Field>
          <Field label="Memory" hint="e.g. 32Gi">
            {(p) => <input {...p} className="input" value={form.memory} maxLength={20} onChange={(e) => set("memory", e.target.value)} />}
          </Field>
          <Field label="Storage" hint="e.g. 200Gi">
            {(p) => <input {...p} className="input" value={form.storage} maxLength={20} onChange={(e) => set("storage", e.target.value)} />}
          </Field>
        </div>
        {fields.namespaceQuota && <span className="error">{fields.namespaceQuota}</span>}
      </fieldset>
      <ErrorMessage message={formError(error, ["serviceDomain", "registration", "namespaceQuota"])} />
      {saved && (
        <div className="alert alert-success" role="status">
          Settings saved.
        </div>
      )}
      <div className="row">
        <Button type="submit" variant="primary" busy={fetching}>
          {fetching ? "Saving…" : "Save settings"}
        </Button>
      </div>
    </form>
  );
}
