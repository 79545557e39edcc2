// Manifest: the rendered Kubernetes manifests of the current revision,
// Secret data redacted by the server. Workspace admins and owners only.
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
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ServiceManifestDocument,
    variables: { serviceId: service.id },
    requestPolicy: "network-only",
  });
  if (fetching && !data) return <Loading label="Rendering the manifest…" />;
  if (error) {
    if (appError(error)?.code === "NOT_FOUND") {
      return (
        <EmptyState title="No manifest yet">
          The manifest appears once the release has been rendered by a deploy.
        </EmptyState>
      );
    }
    return <ErrorMessage error={error} />;
  }
  return (
    <section className="card stack" aria-labelledby="svc-manifest-h">
      <div className="row">
        <h2 id="svc-manifest-h" style={{ margin: 0 }}>
          Manifest of revision {service.helmRevision}
        </h2>
        <span className="spacer" />
        <Button size="sm" busy={fetching} onClick={() => reexecute({ requestPolicy: "network-only" })}>
          Reload
        </Button>
      </div>
      <p className="muted">
        Rendered Kubernetes objects; the data of Secrets and the service's passwords are redacted.
      </p>
      <pre className="log svc-manifest" tabIndex={0} aria-label="Rendered manifest">
        {data?.serviceManifest || "(empty)"}
      </pre>
    </section>
  );
}
