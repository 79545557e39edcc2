// Manifest: the rendered Kubernetes manifests of the current revision,
// Secret data redacted by the server. Workspace admins and owners only.
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { graphql } from "../../gql";
import { Button, EmptyState, ErrorMessage, Loading } from "../../components/ui";
import { appError } from "../../lib/errors";
import type { ServiceData } from "./ServiceDetail";

export const ServiceManifestDocument = graphql(`
  query ServiceDetailManifest($serviceId: ID!) {
    serviceManifest(serviceId: $serviceId)
  }
`);

export function ServiceManifest({ service }: { service: ServiceData }) {
  const { t } = useTranslation("services");
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ServiceManifestDocument,
    variables: { serviceId: service.id },
    requestPolicy: "network-only",
  });
  if (fetching && !data) return <Loading label={t("manifest.loading")} />;
  if (error) {
    if (appError(error)?.code === "NOT_FOUND") {
      return (
        <EmptyState title={t("manifest.empty.title")}>{t("manifest.empty.body")}</EmptyState>
      );
    }
    return <ErrorMessage error={error} />;
  }
  return (
    <section className="card stack" aria-labelledby="svc-manifest-h">
      <div className="row">
        <h2 id="svc-manifest-h" style={{ margin: 0 }}>
          {t("manifest.title", { revision: service.helmRevision })}
        </h2>
        <span className="spacer" />
        <Button size="sm" busy={fetching} onClick={() => reexecute({ requestPolicy: "network-only" })}>
          {t("manifest.reload")}
        </Button>
      </div>
      <p className="muted">{t("manifest.intro")}</p>
      <pre className="log svc-manifest" tabIndex={0} aria-label={t("manifest.label")}>
        {data?.serviceManifest || t("manifest.blank")}
      </pre>
    </section>
  );
}
