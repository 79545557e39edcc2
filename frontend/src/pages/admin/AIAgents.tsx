// The AI agents section of the AI administration page: who answers in the
// threads (@handle), with which system prompt, provider and model; one may
// be the default (it answers messages that mention nobody in threads with
// auto-reply).
import { useId, useState, type FormEvent } from "react";
import { Trans, useTranslation } from "react-i18next";
import { useMutation } from "urql";
import type { AiAgentFieldsFragment } from "../../gql/graphql";
import { Button, ConfirmDialog, EmptyState, ErrorMessage, Field } from "../../components/ui";
import { fieldErrors, formError } from "../../lib/errors";
import { i18n } from "../../i18n";
import { useCreateOnce } from "../../lib/createOnce";
import { CreateAIAgentDocument, DeleteAIAgentDocument, UpdateAIAgentDocument } from "./documents";
import type { Provider, TestResult } from "./AIProviders";

export type Agent = AiAgentFieldsFragment;

interface Ctx {
  providers: readonly Provider[];
  tests: Record<string, TestResult>;
}

export function AIAgents({ agents, providers, tests }: Ctx & { agents: readonly Agent[] }) {
  const { t } = useTranslation("admin");
  const [adding, setAdding] = useState(false);
  return (
    <section className="stack" aria-labelledby="ai-agents">
      <div className="row">
        <h2 id="ai-agents" style={{ margin: 0 }}>
          {t("agents.title")}
        </h2>
        <div className="spacer" />
        {!adding && (
          <Button size="sm" variant="primary" onClick={() => setAdding(true)}>
            {t("agents.add")}
          </Button>
        )}
      </div>
      <p className="muted">{t("agents.intro")}</p>
      {adding && <AgentForm providers={providers} tests={tests} onDone={() => setAdding(false)} />}
      {agents.length === 0 ? (
        !adding && <EmptyState title={t("agents.emptyTitle")}>{t("agents.emptyBody")}</EmptyState>
      ) : (
        <ul className="stack thread-list">
          {agents.map((a) => (
            <AgentItem key={a.id} a={a} providers={providers} tests={tests} />
          ))}
        </ul>
      )}
    </section>
  );
}

function AgentItem({ a, providers, tests }: Ctx & { a: Agent }) {
  const { t } = useTranslation(["admin", "common"]);
  const [editing, setEditing] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const [{ fetching, error }, remove] = useMutation(DeleteAIAgentDocument);
  const headId = useId();
  const provider = providers.find((p) => p.id === a.providerID);
  if (editing) {
    return (
      <li>
        <AgentForm agent={a} providers={providers} tests={tests} onDone={() => setEditing(false)} />
      </li>
    );
  }
  const label = `${a.displayName} (@${a.handle})`;
  return (
    <li className="card ai-item" aria-labelledby={headId}>
      <div className="ai-item-head">
        <h3 id={headId} className="truncate" title={label}>
          {a.displayName} <span className="muted">@{a.handle}</span>
        </h3>
        {a.isDefault && <span className="badge badge-info">{t("agents.default")}</span>}
        {!a.active && <span className="badge">{t("inactive")}</span>}
      </div>
      <p className="muted ai-facts">
        {provider ? provider.name : t("agents.noProvider")}
        {" · "}
        {a.model ? t("agents.modelFact", { model: a.model }) : t("agents.providerDefaultModel")}
      </p>
      {a.description && <p className="ai-facts">{a.description}</p>}
      <div className="row">
        <Button size="sm" onClick={() => setEditing(true)}>
          {t("common:actions.edit")}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setConfirm(true)}>
          {t("common:actions.delete")}
        </Button>
      </div>
      <ConfirmDialog
        open={confirm}
        title={t("agents.deleteTitle")}
        confirmLabel={t("agents.deleteConfirm")}
        danger
        busy={fetching}
        error={error}
        onClose={() => setConfirm(false)}
        onConfirm={async () => {
          const res = await remove({ input: { id: a.id } });
          if (res.data) setConfirm(false);
        }}
      >
        <p>
          <Trans t={t} i18nKey="agents.deleteBody" values={{ label }} components={{ name: <span className="break" /> }} />
        </p>
      </ConfirmDialog>
    </li>
  );
}

interface AgentFormState {
  handle: string;
  displayName: string;
  systemPrompt: string;
  providerId: string;
  model: string;
  isDefault: boolean;
  active: boolean;
}

/** The form's own checks, in the server's words (assistant.checkAgent); the server checks again. */
export function validateAgent(f: AgentFormState): Record<string, string> {
  const out: Record<string, string> = {};
  const t = i18n.getFixedT(null, "admin");
  if (!/^[a-z][a-z0-9_-]{0,49}$/.test(f.handle.trim().replace(/^@/, ""))) out.handle = t("agents.badHandle");
  if (!f.displayName.trim()) out.displayName = t("agents.enterDisplayName");
  return out;
}

function AgentForm({ agent, providers, tests, onDone }: Ctx & { agent?: Agent; onDone(): void }) {
  const { t } = useTranslation(["admin", "common"]);
  const [form, setForm] = useState<AgentFormState>({
    handle: agent?.handle ?? "",
    displayName: agent?.displayName ?? "",
    systemPrompt: agent?.systemPrompt ?? "",
    providerId: agent?.providerID ?? providers[0]?.id ?? "",
    model: agent?.model ?? "",
    isDefault: agent?.isDefault ?? false,
    active: agent?.active ?? true,
  });
  const [checked, setChecked] = useState<Record<string, string>>({});
  const [{ fetching: creating, error: createError }, create] = useMutation(CreateAIAgentDocument);
  const [{ fetching: updating, error: updateError }, update] = useMutation(UpdateAIAgentDocument);
  const error = agent ? updateError : createError;
  const busy = creating || updating;
  const once = useCreateOnce();
  const fields = { ...fieldErrors(error), ...checked };
  const set = <K extends keyof AgentFormState>(k: K, v: AgentFormState[K]) => setForm((f) => ({ ...f, [k]: v }));
  const listId = useId();
  const provider = providers.find((p) => p.id === form.providerId);
  const models = (form.providerId && tests[form.providerId]?.models) || [];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const problems = validateAgent(form);
    setChecked(problems);
    if (Object.keys(problems).length) return;
    const input = {
      handle: form.handle.trim().replace(/^@/, ""),
      displayName: form.displayName.trim(),
      systemPrompt: form.systemPrompt,
      model: form.model.trim(),
      isDefault: form.isDefault,
      active: form.active,
      ...(form.providerId ? { providerId: form.providerId } : {}),
    };
    if (agent) {
      const res = await update({ input: { id: agent.id, ...input } });
      if (res.data) onDone();
      return;
    }
    await once(async (idempotencyKey) => {
      const res = await create({ input: { ...input, idempotencyKey } });
      if (res.data) onDone();
      return !!res.data;
    });
  };

  const modelHint =
    models.length > 0
      ? t("agents.modelsOffered", { count: models.length })
      : !provider
        ? t("agents.emptyModel")
        : provider.defaultModel
          ? t("agents.emptyModelNamed", { model: provider.defaultModel })
          : t("agents.emptyModelTest");

  return (
    <form className="card stack" onSubmit={submit} noValidate aria-label={agent ? t("agents.editLabel", { handle: agent.handle }) : t("agents.add")}>
      <Field label={t("agents.handle")} required error={fields.handle} hint={t("agents.handleHint")}>
        {(p) => <input {...p} className="input" value={form.handle} maxLength={51} autoComplete="off" autoCapitalize="none" spellCheck={false} onChange={(e) => set("handle", e.target.value)} />}
      </Field>
      <Field label={t("agents.displayName")} required error={fields.displayName}>
        {(p) => <input {...p} className="input" value={form.displayName} maxLength={100} autoComplete="off" onChange={(e) => set("displayName", e.target.value)} />}
      </Field>
      <Field label={t("agents.systemPrompt")} error={fields.systemPrompt} hint={t("agents.systemPromptHint")}>
        {(p) => <textarea {...p} className="input" rows={5} value={form.systemPrompt} maxLength={20000} onChange={(e) => set("systemPrompt", e.target.value)} />}
      </Field>
      <Field label={t("agents.provider")} error={fields.providerId}>
        {(p) => (
          <select {...p} className="input" value={form.providerId} onChange={(e) => set("providerId", e.target.value)}>
            <option value="">{t("agents.noneOption")}</option>
            {providers.map((pr) => (
              <option key={pr.id} value={pr.id}>
                {pr.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t("agents.model")} error={fields.model} hint={modelHint}>
        {(p) => (
          <>
            <input {...p} className="input" list={models.length ? listId : undefined} value={form.model} maxLength={200} autoComplete="off" onChange={(e) => set("model", e.target.value)} />
            {models.length > 0 && (
              <datalist id={listId}>
                {models.map((m) => (
                  <option key={m} value={m} />
                ))}
              </datalist>
            )}
          </>
        )}
      </Field>
      <label className="checkbox">
        <input type="checkbox" checked={form.isDefault} onChange={(e) => set("isDefault", e.target.checked)} />
        {t("agents.isDefault")}
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={form.active} onChange={(e) => set("active", e.target.checked)} />
        {t("active")}
      </label>
      <ErrorMessage message={formError(error, ["handle", "displayName", "systemPrompt", "providerId", "model"])} />
      <div className="row">
        <Button type="submit" variant="primary" busy={busy}>
          {agent ? (busy ? t("common:actions.saving") : t("agents.save")) : busy ? t("adding") : t("agents.add")}
        </Button>
        <Button onClick={onDone} disabled={busy}>
          {t("common:actions.cancel")}
        </Button>
      </div>
    </form>
  );
}
