// Configuration: the values the user set (passwords masked by the server),
// and an edit form that shows what changes before upgrading.
import { useMemo, useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { useMutation, type CombinedError } from "urql";
import { graphql } from "../../gql";
import { ValuesForm, valuesErrors, type Spec } from "../../components/ValuesForm";
import { Button, ConfirmDialog, ErrorMessage, Field } from "../../components/ui";
import { fieldErrors, formError } from "../../lib/errors";
import { atLeast } from "../workspaces/roles";
import { diffValues, editableValues, showValue, submittedValues, type ValueDiff } from "./diff";
import type { ServiceData } from "./ServiceDetail";

const UpdateServiceDocument = graphql(`
  mutation ServiceDetailUpdate($input: UpdateServiceInput!) {
    updateService(input: $input) {
      service {
        id
        state
        errorMessage
        chartVersion
        values
        ...ServiceViewerCan
      }
    }
  }
`);

export function ServiceConfiguration({ service }: { service: ServiceData }) {
  const { t } = useTranslation("services");
  const specs = service.template.valueSpecs;
  const all = useMemo(() => [...specs.required, ...specs.optional] as Spec[], [specs]);
  const labels = useMemo(() => new Map(all.map((s) => [s.key, s.label])), [all]);
  const passwords = useMemo(() => new Set(all.filter((s) => s.type === "password").map((s) => s.key)), [all]);
  const current = service.values;
  const keys = Object.keys(current).sort();
  const mayEdit = service.viewerCanUpdate;
  // Wording only: why the form is not offered.
  const admin = atLeast(service.workspace.viewerRole, "admin");
  const archived = service.workspace.state === "archived";
  const [queued, setQueued] = useState(false);
  // A new form when the stored values change (an upgrade or rollback ended).
  const formKey = JSON.stringify([current, service.chartVersion]);

  return (
    <div className="stack">
      <section className="card stack" aria-labelledby="svc-values-h">
        <h2 id="svc-values-h">{t("config.current")}</h2>
        {keys.length === 0 ? (
          <p className="muted">{t("config.noValues")}</p>
        ) : (
          <div className="table-wrap svc-table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("config.setting")}</th>
                  <th scope="col">{t("config.value")}</th>
                </tr>
              </thead>
              <tbody>
                {keys.map((k) => (
                  <tr key={k}>
                    <td>
                      {labels.get(k) ?? k}
                      {labels.has(k) && (
                        <div className="muted svc-key">
                          <code>{k}</code>
                        </div>
                      )}
                    </td>
                    <td className="svc-value">
                      {passwords.has(k) ? (
                        <span aria-label={t("config.hiddenPassword")}>{showValue(current[k])}</span>
                      ) : (
                        <code>{showValue(current[k])}</code>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {!mayEdit && !archived && !admin && (
          <p className="muted">{t("config.adminsOnly")}</p>
        )}
        {!mayEdit && !archived && admin && (
          <p className="muted">{t("config.notNow")}</p>
        )}
        {queued && (
          <div className="alert alert-success" role="status">
            {t("config.queued")}
          </div>
        )}
      </section>
      {mayEdit && (
        <EditForm
          key={formKey}
          service={service}
          required={specs.required as Spec[]}
          optional={specs.optional as Spec[]}
          passwords={passwords}
          labels={labels}
          onQueued={() => setQueued(true)}
        />
      )}
    </div>
  );
}

function EditForm({
  service,
  required,
  optional,
  passwords,
  labels,
  onQueued,
}: {
  service: ServiceData;
  required: Spec[];
  optional: Spec[];
  passwords: Set<string>;
  labels: Map<string, string>;
  onQueued: () => void;
}) {
  const { t } = useTranslation("services");
  const current = service.values;
  const [values, setValues] = useState<Record<string, unknown>>(() => editableValues(current));
  const [chartVersion, setChartVersion] = useState(service.chartVersion);
  const noSpecs = required.length === 0 && optional.length === 0;
  const [json, setJson] = useState(() => JSON.stringify(editableValues(current), null, 2));
  const [jsonError, setJsonError] = useState<string>();
  const [review, setReview] = useState<{
    values: Record<string, unknown>;
    changes: ValueDiff[];
    chart: boolean;
  } | null>(null);
  const [res, update] = useMutation(UpdateServiceDocument);
  const [error, setError] = useState<CombinedError | null>(null);
  // A review held back because a value breaks its spec's rules: show them all.
  const [rulesShown, setRulesShown] = useState(false);
  const errors = fieldErrors(error);
  const fields = Object.keys(errors);
  const valueErrors = Object.fromEntries(Object.entries(errors).filter(([k]) => k.startsWith("values")));

  const prepare = () => {
    let edited = values;
    if (!noSpecs && Object.keys(valuesErrors([...required, ...optional], values)).length > 0) {
      setRulesShown(true);
      return;
    }
    if (noSpecs) {
      try {
        const parsed: unknown = JSON.parse(json || "{}");
        if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
        edited = parsed as Record<string, unknown>;
        setJsonError(undefined);
      } catch {
        setJsonError(t("config.jsonError"));
        return;
      }
    }
    const submitted = submittedValues(current, edited, passwords);
    setError(null);
    setReview({
      values: submitted,
      changes: diffValues(current, submitted, passwords),
      chart: chartVersion.trim() !== service.chartVersion,
    });
  };

  const confirm = async () => {
    if (!review) return;
    const input: { id: string; values: Record<string, unknown>; chartVersion?: string } = {
      id: service.id,
      values: review.values,
    };
    if (review.chart) input.chartVersion = chartVersion.trim();
    const r = await update({ input });
    if (r.error) {
      setError(r.error);
      // Field errors belong at the fields: back to the form.
      if (Object.keys(fieldErrors(r.error)).length > 0) setReview(null);
      return;
    }
    setReview(null);
    onQueued();
  };

  const nothing = review && review.changes.length === 0 && !review.chart;
  return (
    <section className="card stack" aria-labelledby="svc-edit-h">
      <h2 id="svc-edit-h">{t("config.edit.title")}</h2>
      <p className="muted">{t("config.edit.intro")}</p>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          prepare();
        }}
      >
        {noSpecs ? (
          <Field
            label={t("config.edit.json")}
            hint={t("config.edit.jsonHint")}
            error={jsonError ?? valueErrors.values}
          >
            {(f) => (
              <textarea
                {...f}
                className="input"
                rows={8}
                value={json}
                spellCheck={false}
                onChange={(e) => setJson(e.target.value)}
              />
            )}
          </Field>
        ) : (
          <ValuesForm
            required={required}
            optional={optional}
            values={values}
            onChange={setValues}
            errors={valueErrors}
            disabled={res.fetching}
            editing
            showRuleErrors={rulesShown}
            advancedOpen={optional.some((o) => o.key in current)}
          />
        )}
        <Field
          label={t("overview.chartVersion")}
          hint={
            service.template.chartVersion
              ? t("config.edit.chartHintVersion", { version: service.template.chartVersion })
              : t("config.edit.chartHint")
          }
          error={errors.chartVersion}
        >
          {(f) => (
            <input {...f} className="input" value={chartVersion} onChange={(e) => setChartVersion(e.target.value)} />
          )}
        </Field>
        {!review && <ErrorMessage message={formError(error, fields)} />}
        <div className="row">
          <Button type="submit" variant="primary">
            {t("config.edit.review")}
          </Button>
        </div>
      </form>
      <ConfirmDialog
        open={!!review}
        title={t("config.upgrade.title")}
        confirmLabel={nothing ? t("config.upgrade.anyway") : t("config.upgrade.confirm")}
        busy={res.fetching}
        error={review ? error : null}
        onConfirm={confirm}
        onClose={() => setReview(null)}
      >
        {review && <ChangeList changes={review.changes} labels={labels} />}
        {review?.chart && (
          <p>
            <Trans
              t={t}
              i18nKey="config.upgrade.chart"
              values={{
                from: service.chartVersion || t("overview.latest"),
                to: chartVersion.trim() || t("config.upgrade.templateDefault"),
              }}
              components={{ code: <code /> }}
            />
          </p>
        )}
        {nothing && <p className="muted">{t("config.upgrade.nothing")}</p>}
      </ConfirmDialog>
    </section>
  );
}

const kindLabel = { added: "diff.added", removed: "diff.removed", changed: "diff.changed" } as const;
const hiddenLabel = { added: "diff.addedHidden", removed: "diff.removedHidden", changed: "diff.changedHidden" } as const;
type Kind = keyof typeof kindLabel;
const isKind = (k: string): k is Kind => k in kindLabel;

/** A values diff: key, what happened, old → new; secrets as "changed (hidden)". */
export function ChangeList({
  changes,
  labels,
}: {
  changes: { key: string; kind: string; old?: unknown; new?: unknown; secret: boolean }[];
  labels?: Map<string, string>;
}) {
  const { t } = useTranslation("services");
  if (changes.length === 0) return null;
  return (
    <ul className="svc-diff" aria-label={t("diff.label")}>
      {changes.map((c) => (
        <li key={c.key} className={`svc-diff-${c.kind}`}>
          <span className="svc-diff-kind">{isKind(c.kind) ? t(kindLabel[c.kind]) : c.kind}</span>{" "}
          <strong>{labels?.get(c.key) ?? c.key}</strong>
          {labels?.has(c.key) && <code className="muted"> {c.key}</code>}
          <div className="svc-diff-values">
            {c.secret ? (
              <span className="muted">{t(hiddenLabel[isKind(c.kind) ? c.kind : "changed"])}</span>
            ) : c.kind === "added" ? (
              <code>{showValue(c.new)}</code>
            ) : c.kind === "removed" ? (
              <del>
                <code>{showValue(c.old)}</code>
              </del>
            ) : (
              <>
                <del>
                  <code>{showValue(c.old)}</code>
                </del>{" "}
                → <code>{showValue(c.new)}</code>
              </>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
