// The AI providers section of the AI administration page: OpenAI-compatible
// endpoints (base URL, key, default model). The key is write-only: the page
// shows whether one is set, and an edit leaves it alone unless a new one is
// typed (or "Remove the key" is ticked). Test asks the provider for its
// models, which the agent form then offers.
import { useId, useState, type FormEvent } from "react";
import { Trans, useTranslation } from "react-i18next";
import { useMutation } from "urql";
import type { AiProviderFieldsFragment, TestAiProviderMutation } from "../../gql/graphql";
import { Button, ConfirmDialog, EmptyState, ErrorMessage, Field } from "../../components/ui";
import { fieldErrors, formError, sentence } from "../../lib/errors";
import { i18n } from "../../i18n";
import { useCreateOnce } from "../../lib/createOnce";
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
  const { t } = useTranslation("admin");
  const [adding, setAdding] = useState(false);
  return (
    <section className="stack" aria-labelledby="ai-providers">
      <div className="row">
        <h2 id="ai-providers" style={{ margin: 0 }}>
          {t("providers.title")}
        </h2>
        <div className="spacer" />
        {!adding && (
          <Button size="sm" variant="primary" onClick={() => setAdding(true)}>
            {t("providers.add")}
          </Button>
        )}
      </div>
      <p className="muted">{t("providers.intro")}</p>
      {adding && <ProviderForm onDone={() => setAdding(false)} />}
      {providers.length === 0 ? (
        !adding && <EmptyState title={t("providers.emptyTitle")}>{t("providers.emptyBody")}</EmptyState>
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
  const { t } = useTranslation(["admin", "common"]);
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
        {!p.active && <span className="badge">{t("inactive")}</span>}
        <span className={p.hasApiKey ? "badge badge-success" : "badge"}>{p.hasApiKey ? t("providers.keySet") : t("providers.noKey")}</span>
      </div>
      <p className="muted ai-facts">
        {p.baseURL}
        {p.defaultModel && <> · {t("providers.defaultModelFact", { model: p.defaultModel })}</>}
      </p>
      <div className="row">
        <Button size="sm" busy={testing} onClick={async () => {
          const res = await runTest({ input: { id: p.id } });
          if (res.data) onTested(p.id, res.data.testAIProvider);
        }}>
          {testing ? t("providers.testing") : t("providers.test")}
        </Button>
        <Button size="sm" onClick={() => setEditing(true)}>
          {t("common:actions.edit")}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setConfirm(true)}>
          {t("common:actions.delete")}
        </Button>
      </div>
      <ErrorMessage error={testError} />
      {test && !testing && <TestOutcome result={test} />}
      <ConfirmDialog
        open={confirm}
        title={t("providers.deleteTitle")}
        confirmLabel={t("providers.deleteConfirm")}
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
          <Trans t={t} i18nKey="providers.deleteBody" values={{ name: p.name }} components={{ name: <span className="break" /> }} />
        </p>
      </ConfirmDialog>
    </li>
  );
}

function TestOutcome({ result }: { result: TestResult }) {
  const { t } = useTranslation("admin");
  if (!result.ok) {
    return (
      <div className="alert alert-error" role="status">
        {t("providers.testFailed", { message: sentence(result.message) })}
      </div>
    );
  }
  return (
    <div className="alert alert-success stack" role="status" style={{ gap: "0.4rem" }}>
      <span>{sentence(result.message)}</span>
      {result.models.length > 0 && (
        <ul className="ai-models" aria-label={t("providers.models")}>
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
  const t = i18n.getFixedT(null, "admin");
  if (!f.name.trim()) out.name = t("providers.enterName");
  if (!/^https?:\/\/[^\s/]+/i.test(f.baseUrl.trim())) out.baseUrl = t("providers.enterBaseUrl");
  return out;
}

function ProviderForm({ provider, onDone }: { provider?: Provider; onDone(): void }) {
  const { t } = useTranslation(["admin", "common"]);
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
  const once = useCreateOnce();
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
      await once(async (idempotencyKey) => {
        const res = await create({ input: { ...common, ...(form.apiKey ? { apiKey: form.apiKey } : {}), idempotencyKey } });
        if (res.data) onDone();
        return !!res.data;
      });
    }
  };

  return (
    <form className="card stack" onSubmit={submit} noValidate aria-label={provider ? t("providers.editLabel", { name: provider.name }) : t("providers.add")}>
      <Field label={t("providers.name")} required error={fields.name}>
        {(p) => <input {...p} className="input" value={form.name} maxLength={100} autoComplete="off" onChange={(e) => set("name", e.target.value)} />}
      </Field>
      <Field label={t("providers.baseUrl")} required error={fields.baseUrl} hint={t("providers.baseUrlHint")}>
        {(p) => <input {...p} className="input" type="url" inputMode="url" value={form.baseUrl} autoComplete="off" onChange={(e) => set("baseUrl", e.target.value)} />}
      </Field>
      <Field
        label={t("providers.apiKey")}
        error={fields.apiKey}
        hint={t(provider ? (provider.hasApiKey ? "providers.keyKept" : "providers.noKeyKept") : "providers.keyNew")}
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
          {t("providers.removeKey")}
        </label>
      )}
      <Field label={t("providers.defaultModel")} error={fields.defaultModel} hint={t("providers.defaultModelHint")}>
        {(p) => <input {...p} className="input" value={form.defaultModel} maxLength={200} autoComplete="off" onChange={(e) => set("defaultModel", e.target.value)} />}
      </Field>
      <label className="checkbox">
        <input type="checkbox" checked={form.active} onChange={(e) => set("active", e.target.checked)} />
        {t("active")}
      </label>
      <ErrorMessage message={formError(error, ["name", "baseUrl", "apiKey", "defaultModel"])} />
      <div className="row">
        <Button type="submit" variant="primary" busy={busy}>
          {provider ? (busy ? t("common:actions.saving") : t("providers.save")) : busy ? t("adding") : t("providers.add")}
        </Button>
        <Button onClick={onDone} disabled={busy}>
          {t("common:actions.cancel")}
        </Button>
      </div>
    </form>
  );
}
