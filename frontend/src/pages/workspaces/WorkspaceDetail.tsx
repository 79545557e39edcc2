// One workspace: its header (name, description, the viewer's role, state),
// editing and archiving for those allowed, its services with live states,
// and its smart homes (pages/smarthomes).
import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { useMutation, useQuery, useSubscription } from "urql";
import { graphql } from "../../gql";
import type { WorkspaceDetailPageQuery } from "../../gql/graphql";
import { Button, ConfirmDialog, EmptyState, ErrorMessage, Field, Loading, PageHeader } from "../../components/ui";
import { serving } from "../../components/ServiceState";
import { appError, fieldErrors, formError, sentence } from "../../lib/errors";
import { i18n } from "../../i18n";
import { AppAvatar } from "../marketplace/format";
import { SmartHomes } from "../smarthomes/SmartHomes";
import { RoleBadge, ServiceStateBadge, WorkspaceStateBadge, WorkspaceTabs, useVisitWorkspace } from "./parts";

export const WorkspaceDetailDocument = graphql(`
  query WorkspaceDetailPage($slug: String!) {
    workspace(slug: $slug) {
      id
      name
      slug
      description
      state
      viewerRole
      ...WorkspaceViewerCan
      namespace
      members(first: 0) {
        totalCount
      }
      services(first: 100, where: { stateNEQ: gone }, orderBy: { field: NAME, direction: ASC }) {
        totalCount
        edges {
          node {
            id
            name
            state
            errorMessage
            url
            chartVersion
            helmRevision
            template {
              id
              name
              slug
              icon
            }
          }
        }
      }
    }
  }
`);

// The same fields as the list above, so each event updates the listed service,
// and what the viewer may do to it now (it follows the state), so that the
// cached service the service page shows never pairs a new state with old
// permissions.
export const WorkspaceServicesSubscription = graphql(`
  subscription WorkspaceDetailServices($workspaceId: ID!) {
    workspaceServices(workspaceId: $workspaceId) {
      id
      name
      state
      errorMessage
      url
      chartVersion
      helmRevision
      ...ServiceViewerCan
      template {
        id
        name
        slug
        icon
      }
    }
  }
`);

const UpdateWorkspaceDocument = graphql(`
  mutation WorkspaceDetailUpdate($input: UpdateWorkspaceInput!) {
    updateWorkspace(input: $input) {
      workspace {
        id
        name
        description
      }
    }
  }
`);

const ArchiveWorkspaceDocument = graphql(`
  mutation WorkspaceDetailArchive($input: ArchiveWorkspaceInput!) {
    archiveWorkspace(input: $input) {
      workspace {
        id
        state
        ...WorkspaceViewerCan
      }
    }
  }
`);

type Workspace = NonNullable<WorkspaceDetailPageQuery["workspace"]>;
type Service = NonNullable<NonNullable<NonNullable<Workspace["services"]["edges"]>[number]>["node"]>;

export function WorkspaceDetail() {
  const { t } = useTranslation("workspaces");
  const { slug = "" } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: WorkspaceDetailDocument, variables: { slug } });
  const ws = data?.workspace;
  useVisitWorkspace(ws);

  if (!data && fetching) return <Loading label={t("detail.loading")} />;
  if (!ws) {
    const e = appError(error);
    if (e && e.code !== "NOT_FOUND") return <ErrorMessage error={error} />;
    return <WorkspaceNotFound />;
  }
  return <Detail ws={ws} />;
}

/** Why archiving failed; a refusal in the workspace's state reads as a sentence. */
function archiveMessage(err: Parameters<typeof appError>[0]): string | undefined {
  const e = appError(err);
  if (!e) return undefined;
  return e.code === "CONFLICT"
    ? i18n.t("detail.archiveConflict", { ns: "workspaces", reason: sentence(e.message) })
    : e.message;
}

export function WorkspaceNotFound() {
  const { t } = useTranslation("workspaces");
  return (
    <EmptyState
      title={t("notFound.title")}
      action={
        <Link to="/workspaces" className="btn btn-primary">
          {t("notFound.action")}
        </Link>
      }
    >
      {t("notFound.body")}
    </EmptyState>
  );
}

function Detail({ ws }: { ws: Workspace }) {
  const { t } = useTranslation(["workspaces", "common"]);
  const [editing, setEditing] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const [archiveOp, archive] = useMutation(ArchiveWorkspaceDocument);
  const [archiveFailed, setArchiveFailed] = useState(false);
  // What another page sends along when it lands here (a service deleted).
  const notice = (useLocation().state as { notice?: unknown } | null)?.notice;
  // Archiving needs every service stopped (or gone); the server decides,
  // this only says so before asking.
  const running = (ws.services.edges ?? []).flatMap((e) =>
    e?.node && e.node.state !== "stopped" && e.node.state !== "gone" ? [e.node] : [],
  );

  return (
    <div className="stack ws-page">
      <PageHeader
        title={ws.name}
        description={
          <>
            <span className="row" style={{ gap: "0.4rem" }}>
              <RoleBadge role={ws.viewerRole} you />
              <WorkspaceStateBadge state={ws.state} />
              <span>{t("count.members", { count: ws.members.totalCount })}</span>
            </span>
            {ws.description && !editing && <span className="ws-description">{ws.description}</span>}
          </>
        }
        actions={
          <>
            {ws.viewerCanUpdate && !editing && <Button onClick={() => setEditing(true)}>{t("common:actions.edit")}</Button>}
            {ws.viewerCanAdminister && (
              <Button
                variant="danger"
                onClick={() => {
                  setArchiveFailed(false);
                  setArchiving(true);
                }}
              >
                {t("detail.archive")}
              </Button>
            )}
          </>
        }
      />
      {typeof notice === "string" && (
        <p className="alert alert-success" role="status" style={{ margin: 0 }}>
          {notice}
        </p>
      )}
      {ws.state === "archived" && (
        <div className="alert alert-info" role="note">
          {t("detail.archivedNote")}
        </div>
      )}
      {editing && <EditWorkspace ws={ws} onDone={() => setEditing(false)} />}
      <WorkspaceTabs slug={ws.slug} />
      <Services ws={ws} canDeploy={ws.viewerCanDeploy} />
      <SmartHomes ws={ws} canManage={ws.viewerCanDeploy} />
      <ConfirmDialog
        open={archiving}
        title={t("detail.archiveTitle", { name: ws.name })}
        confirmLabel={t("detail.archiveConfirm")}
        danger
        busy={archiveOp.fetching}
        errorMessage={archiveFailed ? archiveMessage(archiveOp.error) : undefined}
        onClose={() => setArchiving(false)}
        onConfirm={async () => {
          setArchiveFailed(false);
          const res = await archive({ input: { id: ws.id } });
          if (res.data) setArchiving(false);
          else setArchiveFailed(true);
        }}
      >
        <p>{t("detail.archiveBody", { name: ws.name })}</p>
        <p>{t("detail.archiveStopFirst")}</p>
        {running.length > 0 && (
          <div className="alert alert-warning" role="note">
            {t("detail.running", { count: running.length, names: running.map((s) => s.name).join(", ") })}
          </div>
        )}
      </ConfirmDialog>
    </div>
  );
}

function EditWorkspace({ ws, onDone }: { ws: Workspace; onDone: () => void }) {
  const { t } = useTranslation(["workspaces", "common"]);
  const [name, setName] = useState(ws.name);
  const [description, setDescription] = useState(ws.description);
  const [{ fetching, error }, update] = useMutation(UpdateWorkspaceDocument);
  const fields = fieldErrors(error);
  const other = formError(error, ["name", "description"]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const res = await update({ input: { id: ws.id, name, description } });
    if (res.data) onDone();
  };

  return (
    <form className="card stack" onSubmit={submit} noValidate aria-label={t("form.editLabel")}>
      <Field label={t("form.name")} required error={fields.name} hint={t("form.editNameHint")}>
        {(p) => <input {...p} className="input" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label={t("form.description")} error={fields.description}>
        {(p) => (
          <textarea
            {...p}
            className="input"
            rows={3}
            value={description}
            maxLength={2000}
            onChange={(e) => setDescription(e.target.value)}
          />
        )}
      </Field>
      <ErrorMessage message={other} />
      <div className="row">
        <Button type="submit" variant="primary" busy={fetching}>
          {fetching ? t("common:actions.saving") : t("common:actions.save")}
        </Button>
        <Button onClick={onDone} disabled={fetching}>
          {t("common:actions.cancel")}
        </Button>
      </div>
    </form>
  );
}

function Services({ ws, canDeploy }: { ws: Workspace; canDeploy: boolean }) {
  const { t } = useTranslation("workspaces");
  // Live states: each event updates its service in the cache; a service this
  // list does not hold yet makes it load again (pages/workspaces/cache.ts).
  const [sub] = useSubscription({
    query: WorkspaceServicesSubscription,
    variables: { workspaceId: ws.id },
    pause: ws.state !== "active",
  });
  const services = useMemo(
    () => (ws.services.edges ?? []).flatMap((e) => (e?.node && e.node.state !== "gone" ? [e.node] : [])),
    [ws.services.edges],
  );

  return (
    <section aria-labelledby="ws-services" className="stack">
      <div className="row">
        <h2 id="ws-services" style={{ margin: 0 }}>
          {t("services.heading")}
        </h2>
        <div className="spacer" />
        {canDeploy && services.length > 0 && (
          <Link to="/marketplace" className="btn btn-sm">
            {t("services.deploy")}
          </Link>
        )}
      </div>
      {sub.error && appError(sub.error)?.code !== "UNAUTHENTICATED" && (
        <p className="muted" role="status">
          {t("services.paused", { reason: appError(sub.error)?.message })}
        </p>
      )}
      {services.length === 0 ? (
        <EmptyState
          title={t("services.emptyTitle")}
          action={
            canDeploy ? (
              <Link to="/marketplace" className="btn btn-primary">
                {t("services.browse")}
              </Link>
            ) : undefined
          }
        >
          {canDeploy
            ? t("services.emptyCanDeploy")
            : ws.state === "archived"
              ? t("services.emptyArchived")
              : t("services.emptyMember")}
        </EmptyState>
      ) : (
        <ul className="grid ws-cards">
          {services.map((s) => (
            <ServiceCard key={s.id} s={s} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ServiceCard({ s }: { s: Service }) {
  const { t } = useTranslation(["workspaces", "services"]);
  return (
    <li className="card ws-card">
      <div className="ws-service-head">
        <AppAvatar name={s.template.name} seed={s.template.icon || s.template.slug} />
        <div className="ws-service-title">
          <h3>
            <Link to={`/services/${encodeURIComponent(s.id)}`}>{s.name}</Link>
          </h3>
          <span className="muted">{s.template.name}</span>
        </div>
        <ServiceStateBadge state={s.state} />
      </div>
      {s.state === "error" && s.errorMessage && <p className="ws-service-error" title={s.errorMessage}>{s.errorMessage}</p>}
      {s.url &&
        (serving(s.state) ? (
          <a className="ws-url" href={s.url} target="_blank" rel="noopener noreferrer">
            {s.url.replace(/^https?:\/\//, "")}
            <span className="visually-hidden"> {t("services.newTab")}</span>
          </a>
        ) : (
          <span className="ws-url muted">
            {s.url.replace(/^https?:\/\//, "")} {t("services:overview.answersOnceRunning")}
          </span>
        ))}
      <p className="muted ws-meta">
        {s.helmRevision > 0
          ? t("services.revision", { version: s.chartVersion, revision: s.helmRevision })
          : t("services.notDeployed")}
      </p>
    </li>
  );
}
