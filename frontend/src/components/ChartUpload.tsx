// Uploads a Helm chart archive (.tgz) for a template's chart (platform
// admins; SPEC section 4): POST /api/charts with the file as the body. On
// success it shows the chartRef to put in the template (and hands it to
// onUploaded); otherwise the server's reason in words. The server checks
// everything (size, gzip, Helm's loader); the size check here only spares
// a pointless upload.
import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import i18n from "../i18n";
import { Button, Field } from "./ui";

/** The server's limit on an archive, compressed (helmops.MaxUploadBytes). */
export const MAX_CHART_BYTES = 1 << 20;

/** What POST /api/charts answers on success. */
export interface UploadedChart {
  chartRef: string;
  name: string;
  version: string;
  size: number;
}

/** Sends the archive; resolves to the uploaded chart or rejects with the server's message. */
export async function uploadChart(file: Blob, fetcher: typeof fetch = fetch): Promise<UploadedChart> {
  let res: Response;
  try {
    res = await fetcher("/api/charts", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/gzip" },
      body: file,
    });
  } catch {
    throw new Error(i18n.t("catalog:upload.unreachable"));
  }
  const body: unknown = await res.json().catch(() => null);
  if (res.ok && body && typeof (body as UploadedChart).chartRef === "string") return body as UploadedChart;
  const msg = (body as { errors?: { message?: string }[] } | null)?.errors?.[0]?.message;
  throw new Error(msg || i18n.t("catalog:upload.failed", { status: res.status }));
}

export function ChartUpload({ onUploaded, fetcher }: { onUploaded?(c: UploadedChart): void; fetcher?: typeof fetch }) {
  const { t } = useTranslation("catalog");
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<UploadedChart>();

  const submit = async () => {
    if (!file) return;
    setError(undefined);
    setDone(undefined);
    if (file.size > MAX_CHART_BYTES) {
      setError(t("upload.tooLarge", { kib: MAX_CHART_BYTES >> 10 }));
      return;
    }
    setBusy(true);
    try {
      const c = await uploadChart(file, fetcher);
      setDone(c);
      onUploaded?.(c);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="stack chart-upload">
      <Field label={t("upload.label")} error={error} hint={t("upload.hint")}>
        {(p) => (
          <input
            {...p}
            type="file"
            accept=".tgz,.tar.gz,application/gzip"
            disabled={busy}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setError(undefined);
              setDone(undefined);
            }}
          />
        )}
      </Field>
      <div>
        <Button variant="primary" busy={busy} disabled={!file} onClick={submit}>
          {t("upload.submit")}
        </Button>
      </div>
      {done && (
        <div className="alert" role="status">
          <Trans
            t={t}
            i18nKey="upload.done"
            values={{ name: done.name, version: done.version, ref: done.chartRef }}
            components={{ code: <code /> }}
          />
        </div>
      )}
    </div>
  );
}
