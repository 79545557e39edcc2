// The templates page (platform admins): every marketplace template,
// inactive ones too; create, edit, activate and deactivate. Value specs
// are edited as rows (one per value), never as raw JSON; the server checks
// them again (package valuespec) and names the field it refuses.
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import type { AdminTemplatesQuery, AppTemplateCategory, ValueSpecInput, ValueSpecTranslationInput, ValueSpecType } from "../../gql/graphql";
import { Button, EmptyState, ErrorMessage, Field, Loading, PageHeader } from "../../components/ui";
import { fieldErrors, formError } from "../../lib/errors";
import { useSignedInViewer } from "../../lib/session";
import { useCreateOnce } from "../../lib/createOnce";
import { ChartUpload } from "../../components/ChartUpload";
import { UploadedCharts } from "./UploadedCharts";

const AdminTemplatesDocument = graphql(`
  query AdminTemplates {
    appTemplates(first: 100) {
      edges {
        node {
          id
          name
          slug
          description
          fullDescription
          translations {
            locale
            description
            fullDescription
          }
          category
          chartRef
          chartRepoURL
          chartVersion
          defaultPort
          ingressEnabled
          active
          valueSpecs {
            required {
              ...ValueSpecFields
            }
            optional {
              ...ValueSpecFields
            }
          }
        }
      }
    }
  }
`);

const CreateTemplateDocument = graphql(`
  mutation AdminCreateTemplate($input: CreateAppTemplateInput!) {
    createAppTemplate(input: $input) {
      appTemplate {
        id
      }
    }
  }
`);

const UpdateTemplateDocument = graphql(`
  mutation AdminUpdateTemplate($input: UpdateAppTemplateInput!) {
    updateAppTemplate(input: $input) {
      appTemplate {
        id
        active
      }
    }
  }
`);

type Template = NonNullable<NonNullable<NonNullable<AdminTemplatesQuery["appTemplates"]["edges"]>[number]>["node"]>;

const categories: AppTemplateCategory[] = ["ai_llm", "automation", "database", "analytics", "devops", "web", "container"] as AppTemplateCategory[];
const types: ValueSpecType[] = ["text", "password", "number", "boolean", "select"] as ValueSpecType[];

/** The one language a template's words are translated into today (the server's translation.Locales). */
const zh = "zh-TW";

/** One row of the value specs editor: strings as typed, converted on save. */
export type SpecRow = {
  key: string;
  label: string;
  description: string;
  /** Not edited here; kept as it is. */
  placeholder: string;
  /** The zh-TW words (zh.placeholder is kept as it is). */
  zh: { label: string; description: string; placeholder: string; patternMessage: string };
  type: ValueSpecType;
  default: string;
  required: boolean;
  options: string;
  minLength: string;
  maxLength: string;
  pattern: string;
  patternMessage: string;
  min: string;
  max: string;
};

const emptyRow = (): SpecRow => ({
  key: "",
  label: "",
  description: "",
  placeholder: "",
  zh: { label: "", description: "", placeholder: "", patternMessage: "" },
  type: "text" as ValueSpecType,
  default: "",
  required: false,
  options: "",
  minLength: "",
  maxLength: "",
  pattern: "",
  patternMessage: "",
  min: "",
  max: "",
});

type SpecLike = {
  key: string;
  label: string;
  type: ValueSpecType;
  default?: unknown;
  options?: string[] | null;
  placeholder?: string | null;
  description?: string | null;
  minLength?: number | null;
  maxLength?: number | null;
  pattern?: string | null;
  patternMessage?: string | null;
  min?: number | null;
  max?: number | null;
  translations?: ValueSpecTranslationInput[] | null;
};

function toRow(s: SpecLike, required: boolean): SpecRow {
  const str = (v: unknown) => (v === null || v === undefined ? "" : String(v));
  const t = s.translations?.find((x) => x.locale === zh);
  return {
    key: s.key,
    label: s.label,
    description: str(s.description),
    placeholder: str(s.placeholder),
    zh: { label: str(t?.label), description: str(t?.description), placeholder: str(t?.placeholder), patternMessage: str(t?.patternMessage) },
    type: s.type,
    default: str(s.default),
    required,
    options: (s.options ?? []).join(", "),
    minLength: str(s.minLength),
    maxLength: str(s.maxLength),
    pattern: str(s.pattern),
    patternMessage: str(s.patternMessage),
    min: str(s.min),
    max: str(s.max),
  };
}

/** The rows as the API's ValueSpecsInput. */
export function toSpecs(rows: SpecRow[]): { required: ValueSpecInput[]; optional: ValueSpecInput[] } {
  const out = { required: [] as ValueSpecInput[], optional: [] as ValueSpecInput[] };
  for (const r of rows) {
    if (!r.key.trim()) continue;
    const spec: ValueSpecInput = { key: r.key.trim(), label: r.label.trim() || r.key.trim(), type: r.type };
    if (r.description.trim()) spec.description = r.description.trim();
    if (r.placeholder) spec.placeholder = r.placeholder;
    if (r.default !== "") {
      spec.default = r.type === "number" ? Number(r.default) : r.type === "boolean" ? r.default === "true" : r.default;
    }
    if (r.type === "select") spec.options = r.options.split(",").map((o) => o.trim()).filter(Boolean);
    if (r.type === "text" || r.type === "password") {
      if (r.minLength !== "") spec.minLength = Number(r.minLength);
      if (r.maxLength !== "") spec.maxLength = Number(r.maxLength);
      if (r.pattern !== "") {
        spec.pattern = r.pattern;
        spec.patternMessage = r.patternMessage;
      }
    }
    if (r.type === "number") {
      if (r.min !== "") spec.min = Number(r.min);
      if (r.max !== "") spec.max = Number(r.max);
    }
    const t: ValueSpecTranslationInput = { locale: zh };
    if (r.zh.label.trim()) t.label = r.zh.label.trim();
    if (r.zh.description.trim()) t.description = r.zh.description.trim();
    if (r.zh.placeholder) t.placeholder = r.zh.placeholder;
    // A translated pattern message only goes with the pattern (the server refuses it alone).
    if (spec.pattern && r.zh.patternMessage.trim()) t.patternMessage = r.zh.patternMessage.trim();
    if (Object.keys(t).length > 1) spec.translations = [t];
    (r.required ? out.required : out.optional).push(spec);
  }
  return out;
}

export function AdminTemplates() {
  const { t } = useTranslation("catalog");
  const viewer = useSignedInViewer();
  if (!viewer.platformAdmin) {
    return <EmptyState title={t("admin.forAdmins")}>{t("admin.forAdminsHint")}</EmptyState>;
  }
  return <AdminTemplatesPage />;
}

function AdminTemplatesPage() {
  const { t: tr } = useTranslation(["catalog", "common"]);
  const [{ data, fetching, error }, refetch] = useQuery({ query: AdminTemplatesDocument });
  const [editing, setEditing] = useState<Template | "new" | null>(null);
  const [toggle, setActive] = useMutation(UpdateTemplateDocument);
  const templates = (data?.appTemplates.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  if (editing) {
    return (
      <TemplateForm
        template={editing === "new" ? null : editing}
        onDone={() => {
          setEditing(null);
          refetch({ requestPolicy: "network-only" });
        }}
      />
    );
  }
  return (
    <div className="stack">
      <PageHeader
        title={tr("admin.title")}
        description={tr("admin.description")}
        actions={
          <Button variant="primary" onClick={() => setEditing("new")}>
            {tr("admin.new")}
          </Button>
        }
      />
      <ErrorMessage error={toggle.error} />
      {!data && fetching ? (
        <Loading label={tr("admin.loading")} />
      ) : !data ? (
        <ErrorMessage error={error} />
      ) : templates.length === 0 ? (
        <EmptyState title={tr("admin.none")}>{tr("admin.noneHint")}</EmptyState>
      ) : (
        <div className="card" style={{ overflowX: "auto" }}>
          <table className="table">
            <thead>
              <tr>
                <th>{tr("admin.name")}</th>
                <th>{tr("admin.category")}</th>
                <th>{tr("admin.chart")}</th>
                <th>{tr("admin.status")}</th>
                <th aria-label={tr("admin.actions")} />
              </tr>
            </thead>
            <tbody>
              {templates.map((t) => (
                <tr key={t.id}>
                  <td>{t.name}</td>
                  <td>{t.category}</td>
                  <td>
                    <code>{t.chartRef}</code> {t.chartVersion}
                  </td>
                  <td>{t.active ? tr("admin.active") : tr("admin.inactive")}</td>
                  <td className="row" style={{ justifyContent: "flex-end" }}>
                    <Button size="sm" onClick={() => setEditing(t)}>
                      {tr("admin.edit")}
                    </Button>
                    <Button size="sm" busy={toggle.fetching} onClick={() => setActive({ input: { id: t.id, active: !t.active } })}>
                      {t.active ? tr("admin.deactivate") : tr("admin.activate")}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <UploadedCharts />
    </div>
  );
}

function TemplateForm({ template, onDone }: { template: Template | null; onDone: () => void }) {
  const { t: tr } = useTranslation(["catalog", "common"]);
  const zhText = template?.translations?.find((x) => x.locale === zh);
  const [form, setForm] = useState({
    name: template?.name ?? "",
    slug: template?.slug ?? "",
    description: template?.description ?? "",
    fullDescription: template?.fullDescription ?? "",
    zhDescription: zhText?.description ?? "",
    zhFullDescription: zhText?.fullDescription ?? "",
    category: (template?.category ?? "container") as AppTemplateCategory,
    chartRef: template?.chartRef ?? "",
    chartRepoURL: template?.chartRepoURL ?? "",
    chartVersion: template?.chartVersion ?? "",
    defaultPort: String(template?.defaultPort ?? 80),
    ingressEnabled: template?.ingressEnabled ?? true,
    active: template?.active ?? true,
  });
  const [rows, setRows] = useState<SpecRow[]>(() =>
    template ? [...template.valueSpecs.required.map((s) => toRow(s as SpecLike, true)), ...template.valueSpecs.optional.map((s) => toRow(s as SpecLike, false))] : [],
  );
  const [create, doCreate] = useMutation(CreateTemplateDocument);
  const [update, doUpdate] = useMutation(UpdateTemplateDocument);
  const res = template ? update : create;
  const once = useCreateOnce();
  const fields = fieldErrors(res.error);
  const set = <K extends keyof typeof form>(k: K, v: (typeof form)[K]) => setForm((f) => ({ ...f, [k]: v }));
  const setRow = (i: number, patch: Partial<SpecRow>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (res.fetching) return;
    const input = {
      name: form.name.trim(),
      slug: form.slug.trim(),
      description: form.description,
      fullDescription: form.fullDescription,
      translations:
        form.zhDescription.trim() || form.zhFullDescription.trim()
          ? [{ locale: zh, description: form.zhDescription.trim(), fullDescription: form.zhFullDescription.trim() }]
          : [],
      category: form.category,
      chartRef: form.chartRef.trim(),
      chartRepoURL: form.chartRepoURL.trim() || null,
      ...(form.chartVersion.trim() ? { chartVersion: form.chartVersion.trim() } : {}),
      defaultPort: Number(form.defaultPort),
      ingressEnabled: form.ingressEnabled,
      active: form.active,
      valueSpecs: toSpecs(rows),
    };
    if (template) {
      const r = await doUpdate({ input: { id: template.id, ...input } });
      if (r.data) onDone();
      return;
    }
    await once(async (idempotencyKey) => {
      const r = await doCreate({ input: { ...input, idempotencyKey } });
      if (r.data) onDone();
      return !!r.data;
    });
  };

  const text = (
    k: "name" | "slug" | "description" | "zhDescription" | "chartRef" | "chartRepoURL" | "chartVersion" | "defaultPort",
    label: string,
    hint?: string,
  ) => (
    <Field label={label} error={fields[k]} hint={hint}>
      {(p) => (
        <input {...p} className="input" value={form[k]} maxLength={k.endsWith("escription") ? 500 : 300} onChange={(e) => set(k, e.target.value)} />
      )}
    </Field>
  );
  const markdown = (k: "fullDescription" | "zhFullDescription", label: string) => (
    <Field label={label} error={k === "fullDescription" ? fields.fullDescription : undefined}>
      {(p) => <textarea {...p} className="input" rows={4} value={form[k]} onChange={(e) => set(k, e.target.value)} />}
    </Field>
  );

  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={tr("admin.form")}>
      <PageHeader title={template ? tr("admin.editTitle", { name: template.name }) : tr("admin.new")} />
      <div className="card stack">
        {text("name", tr("admin.name"))}
        {text("slug", tr("admin.slug"), tr("admin.slugHint"))}
        {text("description", tr("admin.templateDescription"))}
        {text("zhDescription", tr("admin.zhDescription"))}
        {markdown("fullDescription", tr("admin.fullDescription"))}
        {markdown("zhFullDescription", tr("admin.zhFullDescription"))}
        {fields.translations && <span className="error">{fields.translations}</span>}
        <Field label={tr("admin.category")} error={fields.category}>
          {(p) => (
            <select {...p} className="input" value={form.category} onChange={(e) => set("category", e.target.value as AppTemplateCategory)}>
              {categories.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          )}
        </Field>
        {text("chartRef", tr("admin.chart"), tr("admin.chartHint"))}
        {text("chartRepoURL", tr("admin.chartRepoURL"))}
        {text("chartVersion", tr("admin.chartVersion"))}
        {/* An uploaded archive is stored by the platform and named by
            its digest (upload://…): it replaces the chart reference, and a
            repository URL or version no longer applies. */}
        <ChartUpload
          onUploaded={(c) => {
            set("chartRef", c.chartRef);
            set("chartRepoURL", "");
            set("chartVersion", "");
          }}
        />
        {text("defaultPort", tr("admin.port"))}
        <label className="row">
          <input type="checkbox" checked={form.ingressEnabled} onChange={(e) => set("ingressEnabled", e.target.checked)} /> {tr("admin.ingress")}
        </label>
        <label className="row">
          <input type="checkbox" checked={form.active} onChange={(e) => set("active", e.target.checked)} /> {tr("admin.activeShown")}
        </label>
      </div>
      <fieldset className="card stack">
        <legend>{tr("admin.values")}</legend>
        {fields.valueSpecs && <span className="error">{fields.valueSpecs}</span>}
        {rows.length === 0 && <p className="muted">{tr("admin.noValues")}</p>}
        {rows.map((r, i) => (
          <div
            key={i}
            className="stack"
            role="group"
            aria-label={tr("admin.value", { n: i + 1 })}
            style={{ borderBottom: "1px solid var(--border)", paddingBottom: 8 }}
          >
            <div className="row" style={{ flexWrap: "wrap" }}>
              {/* i18n-ignore: an example key, not words */}
              <input className="input" aria-label={tr("admin.key")} placeholder="auth.password" value={r.key} maxLength={200} onChange={(e) => setRow(i, { key: e.target.value })} />
              <input className="input" aria-label={tr("admin.label")} placeholder={tr("admin.label")} value={r.label} maxLength={200} onChange={(e) => setRow(i, { label: e.target.value })} />
              <select className="input" aria-label={tr("admin.type")} value={r.type} onChange={(e) => setRow(i, { type: e.target.value as ValueSpecType })}>
                {types.map((t) => (
                  <option key={t} value={t}>
                    {t === "password" ? tr("admin.passwordType") : t}
                  </option>
                ))}
              </select>
              <input className="input" aria-label={tr("admin.default")} placeholder={tr("admin.default")} value={r.default} maxLength={1000} onChange={(e) => setRow(i, { default: e.target.value })} />
              <label className="row">
                <input type="checkbox" checked={r.required} onChange={(e) => setRow(i, { required: e.target.checked })} /> {tr("admin.required")}
              </label>
              <Button size="sm" onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>
                {tr("admin.remove")}
              </Button>
            </div>
            <div className="row" style={{ flexWrap: "wrap" }}>
              <input className="input" aria-label={tr("admin.hint")} placeholder={tr("admin.hint")} value={r.description} maxLength={1000} onChange={(e) => setRow(i, { description: e.target.value })} />
              <input
                className="input"
                aria-label={tr("admin.zhLabel")}
                placeholder={tr("admin.zhLabel")}
                value={r.zh.label}
                maxLength={200}
                onChange={(e) => setRow(i, { zh: { ...r.zh, label: e.target.value } })}
              />
              <input
                className="input"
                aria-label={tr("admin.zhHint")}
                placeholder={tr("admin.zhHint")}
                value={r.zh.description}
                maxLength={1000}
                onChange={(e) => setRow(i, { zh: { ...r.zh, description: e.target.value } })}
              />
            </div>
            <div className="row" style={{ flexWrap: "wrap" }}>
              {r.type === "select" && (
                <input className="input" aria-label={tr("admin.options")} placeholder={tr("admin.optionsPlaceholder")} value={r.options} onChange={(e) => setRow(i, { options: e.target.value })} />
              )}
              {(r.type === "text" || r.type === "password") && (
                <>
                  <input className="input" aria-label={tr("admin.minLength")} type="number" min={0} value={r.minLength} onChange={(e) => setRow(i, { minLength: e.target.value })} />
                  <input className="input" aria-label={tr("admin.maxLength")} type="number" min={0} value={r.maxLength} onChange={(e) => setRow(i, { maxLength: e.target.value })} />
                  {/* i18n-ignore: an example expression */}
                  <input className="input" aria-label={tr("admin.pattern")} placeholder="^[a-z]+$" value={r.pattern} maxLength={500} onChange={(e) => setRow(i, { pattern: e.target.value })} />
                  <input className="input" aria-label={tr("admin.patternMessage")} value={r.patternMessage} maxLength={200} onChange={(e) => setRow(i, { patternMessage: e.target.value })} />
                  <input
                    className="input"
                    aria-label={tr("admin.zhPatternMessage")}
                    value={r.zh.patternMessage}
                    maxLength={200}
                    onChange={(e) => setRow(i, { zh: { ...r.zh, patternMessage: e.target.value } })}
                  />
                </>
              )}
              {r.type === "number" && (
                <>
                  <input className="input" aria-label={tr("admin.min")} type="number" value={r.min} onChange={(e) => setRow(i, { min: e.target.value })} />
                  <input className="input" aria-label={tr("admin.max")} type="number" value={r.max} onChange={(e) => setRow(i, { max: e.target.value })} />
                </>
              )}
            </div>
          </div>
        ))}
        <div className="row">
          <Button onClick={() => setRows((rs) => [...rs, emptyRow()])}>{tr("admin.addValue")}</Button>
        </div>
      </fieldset>
      <ErrorMessage
        message={formError(res.error, [
          "name",
          "slug",
          "description",
          "fullDescription",
          "translations",
          "category",
          "chartRef",
          "chartRepoURL",
          "chartVersion",
          "defaultPort",
          "valueSpecs",
        ])}
      />
      <div className="row">
        <Button type="submit" variant="primary" busy={res.fetching}>
          {res.fetching ? tr("admin.saving") : template ? tr("admin.save") : tr("admin.create")}
        </Button>
        <Button onClick={onDone}>{tr("common:actions.cancel")}</Button>
      </div>
    </form>
  );
}
