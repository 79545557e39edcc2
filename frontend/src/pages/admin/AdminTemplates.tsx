// The templates page (platform admins): every marketplace template,
// inactive ones too; create, edit, activate and deactivate. Value specs
// are edited as rows (one per value), never as raw JSON; the server checks
// them again (package valuespec) and names the field it refuses.
import { useState, type FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import type { AdminTemplatesQuery, AppTemplateCategory, ValueSpecInput, ValueSpecType } from "../../gql/graphql";
import { Button, EmptyState, ErrorMessage, Field, Loading, PageHeader } from "../../components/ui";
import { fieldErrors, formError } from "../../lib/errors";
import { useSignedInViewer } from "../../lib/session";
import { ChartUpload } from "../../components/ChartUpload";

const AdminTemplatesDocument = graphql(`
  query AdminTemplates {
    appTemplates(first: 100) {
      edges {
        node {
          id
          name
          slug
          description
          category
          chartRef
          chartRepoURL
          chartVersion
          defaultPort
          ingressEnabled
          active
          valueSpecs {
            required {
              ...AdminValueSpec
            }
            optional {
              ...AdminValueSpec
            }
          }
        }
      }
    }
  }
  fragment AdminValueSpec on ValueSpec {
    key
    label
    type
    default
    options
    placeholder
    description
    minLength
    maxLength
    pattern
    patternMessage
    min
    max
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

/** One row of the value specs editor: strings as typed, converted on save. */
export type SpecRow = {
  key: string;
  label: string;
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

type SpecLike = { key: string; label: string; type: ValueSpecType; default?: unknown; options?: string[] | null; minLength?: number | null; maxLength?: number | null; pattern?: string | null; patternMessage?: string | null; min?: number | null; max?: number | null };

function toRow(s: SpecLike, required: boolean): SpecRow {
  const str = (v: unknown) => (v === null || v === undefined ? "" : String(v));
  return {
    key: s.key,
    label: s.label,
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
    (r.required ? out.required : out.optional).push(spec);
  }
  return out;
}

export function AdminTemplates() {
  const viewer = useSignedInViewer();
  if (!viewer.platformAdmin) {
    return <EmptyState title="For platform admins">Only platform admins manage the marketplace.</EmptyState>;
  }
  return <AdminTemplatesPage />;
}

function AdminTemplatesPage() {
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
        title="Templates"
        description="The marketplace. An inactive template is hidden from users; services already deployed from it keep it."
        actions={
          <Button variant="primary" onClick={() => setEditing("new")}>
            New template
          </Button>
        }
      />
      <ErrorMessage error={toggle.error} />
      {!data && fetching ? (
        <Loading label="Loading the templates…" />
      ) : !data ? (
        <ErrorMessage error={error} />
      ) : templates.length === 0 ? (
        <EmptyState title="No templates">Add the first one.</EmptyState>
      ) : (
        <div className="card" style={{ overflowX: "auto" }}>
          <table className="table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Category</th>
                <th>Chart</th>
                <th>Status</th>
                <th aria-label="Actions" />
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
                  <td>{t.active ? "Active" : "Inactive"}</td>
                  <td className="row" style={{ justifyContent: "flex-end" }}>
                    <Button size="sm" onClick={() => setEditing(t)}>
                      Edit
                    </Button>
                    <Button size="sm" busy={toggle.fetching} onClick={() => setActive({ input: { id: t.id, active: !t.active } })}>
                      {t.active ? "Deactivate" : "Activate"}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function TemplateForm({ template, onDone }: { template: Template | null; onDone: () => void }) {
  const [form, setForm] = useState({
    name: template?.name ?? "",
    slug: template?.slug ?? "",
    description: template?.description ?? "",
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
      category: form.category,
      chartRef: form.chartRef.trim(),
      chartRepoURL: form.chartRepoURL.trim() || null,
      ...(form.chartVersion.trim() ? { chartVersion: form.chartVersion.trim() } : {}),
      defaultPort: Number(form.defaultPort),
      ingressEnabled: form.ingressEnabled,
      active: form.active,
      valueSpecs: toSpecs(rows),
    };
    const r = template ? await doUpdate({ input: { id: template.id, ...input } }) : await doCreate({ input });
    if (r.data) onDone();
  };

  const text = (k: "name" | "slug" | "description" | "chartRef" | "chartRepoURL" | "chartVersion" | "defaultPort", label: string, hint?: string) => (
    <Field label={label} error={fields[k]} hint={hint}>
      {(p) => <input {...p} className="input" value={form[k]} maxLength={k === "description" ? 500 : 300} onChange={(e) => set(k, e.target.value)} />}
    </Field>
  );

  return (
    <form className="stack" onSubmit={submit} noValidate aria-label="Template">
      <PageHeader title={template ? `Edit ${template.name}` : "New template"} />
      <div className="card stack">
        {text("name", "Name")}
        {text("slug", "Slug", "Lower-case letters, digits and dashes; the marketplace address.")}
        {text("description", "Description")}
        <Field label="Category" error={fields.category}>
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
        {text("chartRef", "Chart", "oci://…, a chart name in the repository below, builtin://container-app, or a local chart path.")}
        {text("chartRepoURL", "Chart repository URL")}
        {text("chartVersion", "Chart version")}
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
        {text("defaultPort", "Port")}
        <label className="row">
          <input type="checkbox" checked={form.ingressEnabled} onChange={(e) => set("ingressEnabled", e.target.checked)} /> Reachable from the internet (ingress)
        </label>
        <label className="row">
          <input type="checkbox" checked={form.active} onChange={(e) => set("active", e.target.checked)} /> Active (shown in the marketplace)
        </label>
      </div>
      <fieldset className="card stack">
        <legend>Values users set</legend>
        {fields.valueSpecs && <span className="error">{fields.valueSpecs}</span>}
        {rows.length === 0 && <p className="muted">No values: users may set any value.</p>}
        {rows.map((r, i) => (
          <div key={i} className="stack" role="group" aria-label={`Value ${i + 1}`} style={{ borderBottom: "1px solid var(--border)", paddingBottom: 8 }}>
            <div className="row" style={{ flexWrap: "wrap" }}>
              <input className="input" aria-label="Key" placeholder="auth.password" value={r.key} maxLength={200} onChange={(e) => setRow(i, { key: e.target.value })} />
              <input className="input" aria-label="Label" placeholder="Label" value={r.label} maxLength={200} onChange={(e) => setRow(i, { label: e.target.value })} />
              <select className="input" aria-label="Type" value={r.type} onChange={(e) => setRow(i, { type: e.target.value as ValueSpecType })}>
                {types.map((t) => (
                  <option key={t} value={t}>
                    {t === "password" ? "password (secret)" : t}
                  </option>
                ))}
              </select>
              <input className="input" aria-label="Default" placeholder="Default" value={r.default} maxLength={1000} onChange={(e) => setRow(i, { default: e.target.value })} />
              <label className="row">
                <input type="checkbox" checked={r.required} onChange={(e) => setRow(i, { required: e.target.checked })} /> Required
              </label>
              <Button size="sm" onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>
                Remove
              </Button>
            </div>
            <div className="row" style={{ flexWrap: "wrap" }}>
              {r.type === "select" && (
                <input className="input" aria-label="Options" placeholder="one, two, three" value={r.options} onChange={(e) => setRow(i, { options: e.target.value })} />
              )}
              {(r.type === "text" || r.type === "password") && (
                <>
                  <input className="input" aria-label="Min length" type="number" min={0} value={r.minLength} onChange={(e) => setRow(i, { minLength: e.target.value })} />
                  <input className="input" aria-label="Max length" type="number" min={0} value={r.maxLength} onChange={(e) => setRow(i, { maxLength: e.target.value })} />
                  <input className="input" aria-label="Pattern" placeholder="^[a-z]+$" value={r.pattern} maxLength={500} onChange={(e) => setRow(i, { pattern: e.target.value })} />
                  <input className="input" aria-label="Pattern message" value={r.patternMessage} maxLength={200} onChange={(e) => setRow(i, { patternMessage: e.target.value })} />
                </>
              )}
              {r.type === "number" && (
                <>
                  <input className="input" aria-label="Min" type="number" value={r.min} onChange={(e) => setRow(i, { min: e.target.value })} />
                  <input className="input" aria-label="Max" type="number" value={r.max} onChange={(e) => setRow(i, { max: e.target.value })} />
                </>
              )}
            </div>
          </div>
        ))}
        <div className="row">
          <Button onClick={() => setRows((rs) => [...rs, emptyRow()])}>Add a value</Button>
        </div>
      </fieldset>
      <ErrorMessage message={formError(res.error, ["name", "slug", "description", "category", "chartRef", "chartRepoURL", "chartVersion", "defaultPort", "valueSpecs"])} />
      <div className="row">
        <Button type="submit" variant="primary" busy={res.fetching}>
          {res.fetching ? "Saving…" : template ? "Save template" : "Create template"}
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}
