// Configure and deploy one marketplace app: what it is, what it needs, and a
// form generated from its value specs. A deploy returns at once (the service
// pending); the service page then shows its live deploy log.
import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import type { ConfigureTemplateQuery } from "../../gql/graphql";
import { Markdown } from "../../components/Markdown";
import { Button, EmptyState, ErrorMessage, Field, Loading, PageHeader } from "../../components/ui";
import { initialValues, ValuesForm, valuesErrors, type Spec } from "../../components/ValuesForm";
import { fieldErrors, formError } from "../../lib/errors";
import { localized } from "../../lib/localized";
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
      translations {
        locale
        description
        fullDescription
      }
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
  const { t: tr } = useTranslation("catalog");
  const { slug = "" } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: ConfigureTemplateDocument, variables: { slug } });
  const [{ data: clusterData }] = useQuery({ query: ConfigureClusterDocument });

  if (fetching && !data) return <Loading label={tr("configure.loading")} />;
  if (!data) return <ErrorMessage error={error} />;
  const t = data.appTemplate;
  if (!t) {
    return (
      <div className="stack">
        <BackLink />
        <PageHeader title={tr("configure.notFound")} description={tr("configure.notFoundDescription", { slug })} />
        <p>
          <Link to="/marketplace" className="btn btn-primary">
            {tr("configure.browse")}
          </Link>
        </p>
      </div>
    );
  }
  const resources = resourcesLabel(t);
  const description = localized(t, "description");
  const fullDescription = localized(t, "fullDescription");
  return (
    <div className="stack">
      <BackLink />
      <div className="configure-head">
        <AppAvatar name={t.name} seed={t.slug} size="lg" />
        <div className="configure-title">
          <h1>{t.name}</h1>
          <p className="muted">{description}</p>
          <div className="row">
            <span className="badge badge-info">{categoryLabel(t.category)}</span>
            <span className={t.monthlyPrice > 0 ? "badge" : "badge badge-success"}>{priceLabel(t.monthlyPrice)}</span>
            {!t.active && <span className="badge badge-warning">{tr("configure.inactive")}</span>}
          </div>
        </div>
      </div>
      {clusterData?.cluster.mode === "dry-run" && (
        <div className="alert alert-info" role="note">
          <Trans t={tr} i18nKey="configure.dryRun" components={{ strong: <strong /> }} />
        </div>
      )}
      <div className="configure-layout">
        <section className="card configure-deploy" aria-labelledby="deploy-heading">
          <h2 id="deploy-heading">{tr("configure.deployHeading", { name: t.name })}</h2>
          {t.active ? (
            <DeployForm t={t} />
          ) : (
            <p className="alert alert-warning">{tr("configure.inactiveHint")}</p>
          )}
        </section>
        <section className="configure-about stack" aria-labelledby="about-heading">
          <h2 id="about-heading">{tr("configure.about")}</h2>
          {fullDescription ? <Markdown source={fullDescription} /> : <p>{description}</p>}
          <h3>{tr("configure.details")}</h3>
          <dl className="details-list">
            <dt>{tr("configure.chart")}</dt>
            <dd>
              <code className="break">{t.chartRef}</code>{" "}
              <span className="muted">{t.chartVersion ? tr("configure.version", { version: t.chartVersion }) : tr("configure.latestVersion")}</span>
              {t.chartRepoURL && (
                <>
                  <br />
                  <span className="muted">{tr("configure.from")} </span>
                  <code className="break">{t.chartRepoURL}</code>
                </>
              )}
            </dd>
            <dt>{tr("configure.requirements")}</dt>
            <dd>{resources ? tr("configure.atLeast", { resources }) : tr("configure.noMinimum")}</dd>
            {t.defaultPort > 0 && (
              <>
                <dt>{tr("configure.port")}</dt>
                <dd>{t.defaultPort}</dd>
              </>
            )}
            {t.tags.length > 0 && (
              <>
                <dt>{tr("tags")}</dt>
                <dd>
                  <Tags tags={t.tags} />
                </dd>
              </>
            )}
            {t.documentationURL && (
              <>
                <dt>{tr("configure.documentation")}</dt>
                <dd>
                  <a href={t.documentationURL} target="_blank" rel="noopener noreferrer" className="break">
                    {t.documentationURL}
                    <span className="visually-hidden"> {tr("configure.newTab")}</span>
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
  const { t } = useTranslation("catalog");
  return (
    <p className="back-link">
      <Link to="/marketplace">{t("configure.back")}</Link>
    </p>
  );
}

function DeployForm({ t }: { t: Template }) {
  const { t: tr } = useTranslation("catalog");
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

  if (loading) return <Loading label={tr("configure.loadingWorkspaces")} />;
  if (workspaces.length === 0) {
    return (
      <EmptyState
        title={tr("configure.workspaceFirst")}
        action={
          <Link to="/workspaces" className="btn btn-primary">
            {tr("configure.createWorkspace")}
          </Link>
        }
      >
        {tr("configure.workspaceFirstHint")}
      </EmptyState>
    );
  }
  if (deployable.length === 0) {
    return (
      <p className="alert alert-info">
        <Trans t={tr} i18nKey="configure.notAllowed" components={{ a: <Link to="/workspaces" /> }} />
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
      <Field label={tr("configure.serviceName")} required error={errs.name} hint={tr("configure.serviceNameHint")}>
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
        label={tr("configure.workspace")}
        error={errs.workspaceId}
        hint={deployable.length < workspaces.length ? tr("configure.workspaceHint") : undefined}
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
          {fetching ? tr("configure.deploying") : tr("configure.deploy", { name: t.name })}
        </Button>
      </div>
    </form>
  );
}
