// The AI providers section of the AI administration page: OpenAI-compatible
// endpoints (base URL, key, default model). The key is write-only: the page
// shows whether one is set, and an edit leaves it alone unless a new one is
// typed (or "Remove the key" is ticked). Test asks the provider for its
// models, which the agent form then offers.
import { useId, useState, type FormEvent } from "react";
import { useMutation } from "urql";
import type { AiProviderFieldsFragment, TestAiProviderMutation } from "../../gql/graphql";
import { Button, ConfirmDialog, EmptyState, ErrorMessage, Field } from "../../components/ui";
import { fieldErrors, formError, sentence } from "../../lib/errors";
import { CreateAIProviderDocument, DeleteAIProviderDocument, TestAIProviderDocument, UpdateAIProviderDocument } from "./documents";

export type Provider = AiProviderFieldsFragment;
export type TestResult = TestAiProviderMutation["testAIProvider"];

export function AIProviders({
  providers,
  tests,
  onTested,
}: {
  providers: readonly Provider[];
  tests: Record<string, TestResult>;
  onTested(id: string, result: TestResult): void;
}) {
  const [adding, setAdding] = useState(false);
  return (
    <section className="stack" aria-labelledby="ai-providers">
      <div className="row">
        <h2 id="ai-providers" style={{ margin: 0 }}>
          AI providers
        </h2>
        <div className="spacer" />
        {!adding && (
          <Button size="sm" variant="primary" onClick={() => setAdding(true)}>
            Add provider
          </Button>
        )}
      </div>
      <p className="muted">Any OpenAI-compatible API: a base URL, an API key and the model agents use unless they name another.</p>
      {adding && <ProviderForm onDone={() => setAdding(false)} />}
      {providers.length === 0 ? (
        !adding && <EmptyState title="No providers yet">Add one so that agents can answer.</EmptyState>
      ) : (
        <ul className="stack thread-list">
          {providers.map((p) => (
            <ProviderItem key={p.id} p={p} test={tests[p.id]} onTested={onTested} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ProviderItem({ p, test, onTested }: { p: Provider; test?: TestResult; onTested(id: string, r: TestResult): void }) {
  const [editing, setEditing] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const [{ fetching: testing, error: testError }, runTest] = useMutation(TestAIProviderDocument);
  const [{ fetching: deleting, error: deleteError }, remove] = useMutation(DeleteAIProviderDocument);
  const headId = useId();

  if (editing) return <li><ProviderForm provider={p} onDone={() => setEditing(false)} /></li>;
  return (
    <li className="card ai-item" aria-labelledby={headId}>
      <div className="ai-item-head">
        <h3 id={headId} className="truncate" title={p.name}>
          {p.name}
        </h3>
        {!p.active && <span className="badge">Inactive</span>}
        <span className={p.hasApiKey ? "badge badge-success" : "badge"}>{p.hasApiKey ? "Key set" : "No key"}</span>
      </div>
      <p className="muted ai-facts">
        {p.baseURL}
        {p.defaultModel && <> · default model {p.defaultModel}</>}
      </p>
      <div className="row">
        <Button size="sm" busy={testing} onClick={async () => {
          const res = await runTest({ input: { id: p.id } });
          if (res.data) onTested(p.id, res.data.testAIProvider);
        }}>
          {testing ? "Testing…" : "Test"}
        </Button>
        <Button size="sm" onClick={() => setEditing(true)}>
          Edit
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setConfirm(true)}>
          Delete
        </Button>
      </div>
      <ErrorMessage error={testError} />
      {test && !testing && <TestOutcome result={test} />}
      <ConfirmDialog
        open={confirm}
        title="Delete this provider?"
        confirmLabel="Delete provider"
        danger
        busy={deleting}
        error={deleteError}
        onClose={() => setConfirm(false)}
        onConfirm={async () => {
          const res = await remove({ input: { id: p.id } });
          if (res.data) setConfirm(false);
        }}
      >
        <p>
          Agents that use “<span className="break">{p.name}</span>” stop answering until they get another provider.
        </p>
      </ConfirmDialog>
    </li>
  );
}

function TestOutcome({ result }: { result: TestResult }) {
  if (!result.ok) {
    return (
      <div className="alert alert-error" role="status">
        The test failed: {sentence(result.message)}
      </div>
    );
  }
  return (
    <div className="alert alert-success stack" role="status" style={{ gap: "0.4rem" }}>
      <span>{sentence(result.message)}</span>
      {result.models.length > 0 && (
        <ul className="ai-models" aria-label="Models">
          {result.models.map((m) => (
            <li key={m} className="tag">
              {m}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface ProviderFormState {
  name: string;
  baseUrl: string;
  apiKey: string;
  removeKey: boolean;
  defaultModel: string;
  active: boolean;
}

/** The form's own checks; the server checks again, in its words. */
export function validateProvider(f: ProviderFormState): Record<string, string> {
  const out: Record<string, string> = {};
  if (!f.name.trim()) out.name = "Enter a name.";
  if (!/^https?:\/\/[^\s/]+/i.test(f.baseUrl.trim())) out.baseUrl = "Enter the API's base URL, like https://api.openai.com/v1.";
  return out;
}

function ProviderForm({ provider, onDone }: { provider?: Provider; onDone(): void }) {
  const [form, setForm] = useState<ProviderFormState>({
    name: provider?.name ?? "",
    baseUrl: provider?.baseURL ?? "",
    apiKey: "",
    removeKey: false,
    defaultModel: provider?.defaultModel ?? "",
    active: provider?.active ?? true,
  });
  const [checked, setChecked] = useState<Record<string, string>>({});
  const [{ fetching: creating, error: createError }, create] = useMutation(CreateAIProviderDocument);
  const [{ fetching: updating, error: updateError }, update] = useMutation(UpdateAIProviderDocument);
  const error = provider ? updateError : createError;
  const busy = creating || updating;
  const fields = { ...fieldErrors(error), ...checked };
  const set = <K extends keyof ProviderFormState>(k: K, v: ProviderFormState[K]) => setForm((f) => ({ ...f, [k]: v }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const problems = validateProvider(form);
    setChecked(problems);
    if (Object.keys(problems).length) return;
    const common = { name: form.name.trim(), baseUrl: form.baseUrl.trim(), defaultModel: form.defaultModel.trim(), active: form.active };
    if (provider) {
      // No key typed: the key stays as it is (the field is omitted).
      const apiKey = form.removeKey ? "" : form.apiKey ? form.apiKey : undefined;
      const res = await update({ input: { id: provider.id, ...common, ...(apiKey !== undefined ? { apiKey } : {}) } });
      if (res.data) onDone();
    } else {
      const res = await create({ input: { ...common, ...(form.apiKey ? { apiKey: form.apiKey } : {}) } });
      if (res.data) onDone();
    }
  };

  return (
    <form className="card stack" onSubmit={submit} noValidate aria-label={provider ? `Edit provider ${provider.name}` : "Add provider"}>
      <Field label="Name" required error={fields.name}>
        {(p) => <input {...p} className="input" value={form.name} maxLength={100} autoComplete="off" onChange={(e) => set("name", e.target.value)} />}
      </Field>
      <Field label="Base URL" required error={fields.baseUrl} hint="For example https://api.openai.com/v1; a URL without a path gets /v1.">
        {(p) => <input {...p} className="input" type="url" inputMode="url" value={form.baseUrl} autoComplete="off" onChange={(e) => set("baseUrl", e.target.value)} />}
      </Field>
      <Field
        label="API key"
        error={fields.apiKey}
        hint={
          provider
            ? provider.hasApiKey
              ? "A key is set and never shown. Leave empty to keep it."
              : "No key is set. Leave empty to keep it so."
            : "Stored encrypted and never shown again. Leave empty if the API needs none."
        }
      >
        {(p) => (
          <input
            {...p}
            className="input"
            type="password"
            value={form.apiKey}
            autoComplete="new-password"
            disabled={form.removeKey}
            onChange={(e) => set("apiKey", e.target.value)}
          />
        )}
      </Field>
      {provider?.hasApiKey && (
        <label className="checkbox">
          <input type="checkbox" checked={form.removeKey} onChange={(e) => set("removeKey", e.target.checked)} />
          Remove the key
        </label>
      )}
      <Field label="Default model" error={fields.defaultModel} hint="The model agents use unless they name another, e.g. gpt-4o-mini.">
        {(p) => <input {...p} className="input" value={form.defaultModel} maxLength={200} autoComplete="off" onChange={(e) => set("defaultModel", e.target.value)} />}
      </Field>
      <label className="checkbox">
        <input type="checkbox" checked={form.active} onChange={(e) => set("active", e.target.checked)} />
        Active
      </label>
      <ErrorMessage message={formError(error, ["name", "baseUrl", "apiKey", "defaultModel"])} />
      <div className="row">
        <Button type="submit" variant="primary" busy={busy}>
          {provider ? (busy ? "Saving…" : "Save provider") : busy ? "Adding…" : "Add provider"}
        </Button>
        <Button onClick={onDone} disabled={busy}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
