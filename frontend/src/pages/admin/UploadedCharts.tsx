// The chart archives platform admins uploaded (POST /api/charts), with the
// templates that name each. One no template names can be deleted; the
// server refuses the others (CONFLICT, naming the templates), and that
// refusal shows in the dialog.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import { Button, ConfirmDialog, ErrorMessage, Loading, RelativeTime } from "../../components/ui";

const UploadedChartsDocument = graphql(`
  query UploadedCharts {
    uploadedCharts(first: 100) {
      chartRef
      name
      version
      size
      uploadedAt
      templates {
        id
        name
      }
    }
  }
`);

const DeleteUploadedChartDocument = graphql(`
  mutation DeleteUploadedChart($input: DeleteUploadedChartInput!) {
    deleteUploadedChart(input: $input) {
      deletedChartRef
    }
  }
`);

/** "1.2 MiB", "830 KiB": an archive is at most 1 MiB. */
function size(bytes: number, lang: string): string {
  const fmt = (n: number) => n.toLocaleString(lang, { maximumFractionDigits: 1 });
  return bytes >= 1 << 20 ? `${fmt(bytes / (1 << 20))} MiB` : `${fmt(Math.max(bytes / 1024, 0.1))} KiB`;
}

/**
 * The list, asked for afresh each time it shows: an upload is a REST call
 * (in the template form) that the GraphQL cache knows nothing of.
 */
export function UploadedCharts() {
  const { t, i18n } = useTranslation("admin");
  const [{ data, fetching, error }, reload] = useQuery({ query: UploadedChartsDocument, requestPolicy: "network-only" });
  const [del, remove] = useMutation(DeleteUploadedChartDocument);
  const [target, setTarget] = useState<{ chartRef: string; name: string } | null>(null);

  const charts = data?.uploadedCharts ?? [];
  const confirm = async () => {
    if (!target) return;
    const res = await remove({ input: { chartRef: target.chartRef } });
    if (res.data) {
      setTarget(null);
      reload({ requestPolicy: "network-only" });
    }
  };

  return (
    <section className="card stack" aria-labelledby="uploaded-charts">
      <h2 id="uploaded-charts">{t("charts.title")}</h2>
      <p className="muted" style={{ margin: 0 }}>
        {t("charts.description")}
      </p>
      {fetching && !data ? (
        <Loading />
      ) : error ? (
        <ErrorMessage error={error} />
      ) : charts.length === 0 ? (
        <p className="muted" style={{ margin: 0 }}>
          {t("charts.none")}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("charts.chart")}</th>
                <th scope="col">{t("charts.size")}</th>
                <th scope="col">{t("charts.uploaded")}</th>
                <th scope="col">{t("charts.usedBy")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("charts.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {charts.map((c) => (
                <tr key={c.chartRef}>
                  <td>
                    <strong className="break">{c.name}</strong> {c.version}
                    <div className="muted break" style={{ fontSize: "0.85em" }}>
                      <code title={c.chartRef}>{c.chartRef.slice(0, "upload://".length + 12)}…</code>
                    </div>
                  </td>
                  <td>{size(c.size, i18n.resolvedLanguage ?? "en")}</td>
                  <td>
                    <RelativeTime value={c.uploadedAt as string} />
                  </td>
                  <td className="break">{c.templates.length ? c.templates.map((x) => x.name).join(", ") : <span className="muted">{t("charts.unused")}</span>}</td>
                  <td>
                    <Button size="sm" variant="danger" onClick={() => setTarget({ chartRef: c.chartRef, name: `${c.name} ${c.version}` })}>
                      {t("charts.delete")}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={target !== null}
        title={t("charts.confirmTitle", { name: target?.name ?? "" })}
        confirmLabel={t("charts.delete")}
        danger
        busy={del.fetching}
        error={del.error}
        onConfirm={() => void confirm()}
        onClose={() => setTarget(null)}
      >
        <p style={{ margin: 0 }}>{t("charts.confirmBody")}</p>
      </ConfirmDialog>
    </section>
  );
}
