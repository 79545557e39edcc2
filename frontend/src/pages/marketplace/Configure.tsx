// Configure and deploy one marketplace app: what it is, what it needs, and a
// form generated from its value specs. A deploy returns at once (the service
// pending); the service page then shows its live deploy log.
import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import type { ConfigureTemplateQuery } from "../../gql/graphql";
import { Markdown } from "../../components/Markdown";
import { Button, EmptyState, ErrorMessage, Field, Loading, PageHeader } from "../../components/ui";
import { initialValues, ValuesForm, valuesErrors, type Spec } from "../../components/ValuesForm";
import { fieldErrors, formError } from "../../lib/errors";
import { useWorkspaces } from "../../lib/workspace";
import { AppAvatar, Tags, categoryLabel, priceLabel, resourcesLabel } from "./format";
import { useCreateOnce } from "../../lib/createOnce";

export const ConfigureTemplateDocument = graphql(`
  query ConfigureTemplate($slug: String!) {
    appTemplate(slug: $slug) {
      id
      name
      slug
      description
      fullDescription
      category
      tags
      icon
      monthlyPrice
      documentationURL
      chartRef
      chartRepoURL
      chartVersion
      defaultPort
      minVcpu
      minRAMGB
      minStorageGB
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
`);

export const ConfigureClusterDocument = graphql(`
  query ConfigureCluster {
    cluster {
      mode
    }
  }
`);

export const ConfigureDeployDocument = graphql(`
  mutation ConfigureDeploy($input: DeployServiceInput!) {
    deployService(input: $input) {
      service {
        id
        name
        state
        workspaceID
      }
    }
  }
`);

type Template = NonNullable<ConfigureTemplateQuery["appTemplate"]>;

export function Configure() {
  const { slug = "" } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: ConfigureTemplateDocument, variables: { slug } });
  const [{ data: clusterData }] = useQuery({ query: ConfigureClusterDocument });

  if (fetching && !data) return <Loading label="Loading the app…" />;
  if (!data) return <ErrorMessage error={error} />;
  const t = data.appTemplate;
  if (!t) {
    return (
      <div className="stack">
        <BackLink />
        <PageHeader title="App not found" description={`There is no app “${slug}” in the marketplace.`} />
        <p>
          <Link to="/marketplace" className="btn btn-primary">
            Browse the marketplace
          </Link>
        </p>
      </div>
    );
  }
  const resources = resourcesLabel(t);
  return (
    <div className="stack">
      <BackLink />
      <div className="configure-head">
        <AppAvatar name={t.name} seed={t.slug} size="lg" />
        <div className="configure-title">
          <h1>{t.name}</h1>
          <p className="muted">{t.description}</p>
          <div className="row">
            <span className="badge badge-info">{categoryLabel(t.category)}</span>
            <span className={t.monthlyPrice > 0 ? "badge" : "badge badge-success"}>{priceLabel(t.monthlyPrice)}</span>
            {!t.active && <span className="badge badge-warning">Inactive</span>}
          </div>
        </div>
      </div>
      {clusterData?.cluster.mode === "dry-run" && (
        <div className="alert alert-info" role="note">
          <strong>Dry-run mode:</strong> the chart is rendered and the release recorded, nothing is deployed to a cluster.
        </div>
      )}
      <div className="configure-layout">
        <section className="card configure-deploy" aria-labelledby="deploy-heading">
          <h2 id="deploy-heading">Deploy {t.name}</h2>
          {t.active ? (
            <DeployForm t={t} />
          ) : (
            <p className="alert alert-warning">This app is inactive: it cannot be deployed until a platform admin activates it.</p>
          )}
        </section>
        <section className="configure-about stack" aria-labelledby="about-heading">
          <h2 id="about-heading">About</h2>
          {t.fullDescription ? <Markdown source={t.fullDescription} /> : <p>{t.description}</p>}
          <h3>Details</h3>
          <dl className="details-list">
            <dt>Chart</dt>
            <dd>
              <code className="break">{t.chartRef}</code>{" "}
              <span className="muted">{t.chartVersion ? `version ${t.chartVersion}` : "latest version"}</span>
              {t.chartRepoURL && (
                <>
                  <br />
                  <span className="muted">from </span>
                  <code className="break">{t.chartRepoURL}</code>
                </>
              )}
            </dd>
            <dt>Requirements</dt>
            <dd>{resources ? `At least ${resources}` : "No minimum"}</dd>
            {t.defaultPort > 0 && (
              <>
                <dt>Port</dt>
                <dd>{t.defaultPort}</dd>
              </>
            )}
            {t.tags.length > 0 && (
              <>
                <dt>Tags</dt>
                <dd>
                  <Tags tags={t.tags} />
                </dd>
              </>
            )}
            {t.documentationURL && (
              <>
                <dt>Documentation</dt>
                <dd>
                  <a href={t.documentationURL} target="_blank" rel="noopener noreferrer" className="break">
                    {t.documentationURL}
                    <span className="visually-hidden"> (opens in a new tab)</span>
                  </a>
                </dd>
              </>
            )}
          </dl>
        </section>
      </div>
    </div>
  );
}

function BackLink() {
  return (
    <p className="back-link">
      <Link to="/marketplace">← Marketplace</Link>
    </p>
  );
}

function DeployForm({ t }: { t: Template }) {
  const { workspaces, current, loading } = useWorkspaces();
  const deployable = useMemo(() => workspaces.filter((w) => w.viewerCanDeploy), [workspaces]);
  const required = t.valueSpecs.required as Spec[];
  const optional = t.valueSpecs.optional as Spec[];
  const [name, setName] = useState(t.slug);
  const [workspaceId, setWorkspaceId] = useState<string>("");
  const [values, setValues] = useState<Record<string, unknown>>(() => initialValues(required, optional));
  const [{ fetching, error }, deploy] = useMutation(ConfigureDeployDocument);
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const once = useCreateOnce();
  // Submits held back because a value breaks its spec's rules: each shows them all and takes the keyboard there.
  const [heldBack, setHeldBack] = useState(0);

  // The chosen workspace, else the current one if the viewer may deploy there, else the first that allows it.
  const wsId =
    (deployable.some((w) => w.id === workspaceId) && workspaceId) ||
    (current?.viewerCanDeploy ? current.id : deployable[0]?.id) ||
    "";

  const fields = ["name", "workspaceId", ...[...required, ...optional].map((s) => `values.${s.key}`)];
  const errs = fieldErrors(error);
  const topError = formError(error, fields);

  // After a refusal, take the keyboard to the first field in error.
  useEffect(() => {
    if (!error) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error]);
  useEffect(() => {
    if (heldBack > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [heldBack]);

  if (loading) return <Loading label="Loading your workspaces…" />;
  if (workspaces.length === 0) {
    return (
      <EmptyState title="Create a workspace first" action={<Link to="/workspaces" className="btn btn-primary">Create a workspace</Link>}>
        Apps are deployed into a workspace.
      </EmptyState>
    );
  }
  if (deployable.length === 0) {
    return (
      <p className="alert alert-info">
        Only workspace admins and owners deploy apps, and you are neither in any of your workspaces. Ask a workspace owner to
        make you an admin, or <Link to="/workspaces">create a workspace</Link> of your own.
      </p>
    );
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (Object.keys(valuesErrors([...required, ...optional], values)).length > 0) {
      setHeldBack((n) => n + 1);
      return;
    }
    void once(async (idempotencyKey) => {
      const res = await deploy({ input: { workspaceId: wsId, templateId: t.id, name: name.trim(), values, idempotencyKey } });
      const id = res.data?.deployService.service.id;
      if (!id) return false;
      navigate(`/services/${encodeURIComponent(id)}`);
      return true;
    });
  };

  return (
    <form ref={formRef} className="stack" onSubmit={submit} noValidate aria-describedby={topError ? "deploy-error" : undefined}>
      {topError && (
        <div className="alert alert-error" role="alert" id="deploy-error">
          {topError}
        </div>
      )}
      <Field label="Service name" required error={errs.name} hint="How this service is called in your workspace.">
        {(p) => (
          <input
            {...p}
            className="input"
            value={name}
            maxLength={100}
            autoComplete="off"
            disabled={fetching}
            onChange={(e) => setName(e.target.value)}
          />
        )}
      </Field>
      <Field
        label="Workspace"
        error={errs.workspaceId}
        hint={deployable.length < workspaces.length ? "Only workspaces where you are an admin or owner are listed." : undefined}
      >
        {(p) => (
          <select {...p} className="input" value={wsId} disabled={fetching} onChange={(e) => setWorkspaceId(e.target.value)}>
            {deployable.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ValuesForm required={required} optional={optional} values={values} onChange={setValues} errors={errs} disabled={fetching} showRuleErrors={heldBack > 0} />
      <div className="row">
        <Button type="submit" variant="primary" busy={fetching}>
          {fetching ? "Deploying…" : `Deploy ${t.name}`}
        </Button>
      </div>
    </form>
  );
}
