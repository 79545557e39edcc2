// A workspace's projects (/workspaces/:slug/projects): the list (name,
// description, the service it supports), a form that starts one, and delete
// for workspace admins.
import { useState, type FormEvent } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link, Navigate, useNavigate, useParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import { Button, ConfirmDialog, EmptyState, ErrorMessage, Field, Loading, PageHeader } from "../../components/ui";
import { fieldErrors, formError } from "../../lib/errors";
import { useCreateOnce } from "../../lib/createOnce";
import { useWorkspaces } from "../../lib/workspace";
import { WorkspaceTabs, useVisitWorkspace } from "../workspaces/parts";

export const WorkspaceProjectsDocument = graphql(`
  query WorkspaceProjects($slug: String!) {
    workspace(slug: $slug) {
      id
      name
      slug
      state
      viewerRole
      viewerCanEditProjects
      viewerCanAdminister
      services(first: 100) {
        edges {
          node {
            id
            name
          }
        }
      }
      projects(first: 100, orderBy: { field: NAME, direction: ASC }) {
        totalCount
        edges {
          node {
            id
            name
            description
            viewerCanEdit
            service {
              id
              name
            }
          }
        }
      }
    }
  }
`);

export const CreateProjectDocument = graphql(`
  mutation CreateProject($input: CreateProjectInput!) {
    createProject(input: $input) {
      project {
        id
        name
      }
    }
  }
`);

const DeleteProjectDocument = graphql(`
  mutation DeleteProject($input: DeleteProjectInput!) {
    deleteProject(input: $input) {
      deletedId
    }
  }
`);

export function projectPath(id: string): string {
  return `/projects/${encodeURIComponent(id)}`;
}

/** /projects: the current workspace's projects. */
export function ProjectsHome() {
  const { current, loading } = useWorkspaces();
  if (loading) return <Loading />;
  if (!current) return <Navigate to="/workspaces" replace />;
  return <Navigate to={`/workspaces/${encodeURIComponent(current.slug)}/projects`} replace />;
}

export function Projects() {
  const { slug = "" } = useParams();
  const [{ data, fetching, error }, reload] = useQuery({ query: WorkspaceProjectsDocument, variables: { slug } });
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<{ id: string; name: string } | null>(null);
  const { t } = useTranslation(["projects", "common"]);
  const ws = data?.workspace;
  useVisitWorkspace(ws);
  if (!data && fetching) return <Loading label={t("list.loading")} />;
  if (!ws) return <ErrorMessage error={error} message={error ? undefined : t("list.notFound")} />;
  const projects = (ws.projects.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const canCreate = ws.viewerCanEditProjects;
  const services = (ws.services.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const refresh = () => reload({ requestPolicy: "network-only" });

  return (
    <div className="stack ws-page">
      <PageHeader
        title={ws.name}
        actions={
          canCreate &&
          !creating && (
            <Button variant="primary" onClick={() => setCreating(true)}>
              {t("list.newProject")}
            </Button>
          )
        }
      />
      <WorkspaceTabs slug={ws.slug} />
      <section className="stack" aria-labelledby="projects-h">
        <h2 id="projects-h" style={{ margin: 0 }}>
          {t("list.heading")}
        </h2>
        {creating && <CreateProject workspaceId={ws.id} services={services} onClose={() => setCreating(false)} />}
        {projects.length === 0 ? (
          !creating && (
            <EmptyState title={t("list.emptyTitle")}>
              {canCreate ? t("list.emptyEditor") : t("list.emptyReader")}
            </EmptyState>
          )
        ) : (
          <ul className="grid ws-cards">
            {projects.map((p) => (
              <li key={p.id} className="card ws-card stack" style={{ gap: "0.5rem" }}>
                <div className="ws-card-head">
                  <h3 style={{ minWidth: 0, overflowWrap: "anywhere" }}>
                    <Link to={projectPath(p.id)}>{p.name}</Link>
                  </h3>
                  {ws.viewerCanAdminister && (
                    <Button size="sm" variant="ghost" aria-label={t("list.deleteLabel", { name: p.name })} onClick={() => setDeleting(p)}>
                      {t("common:actions.delete")}
                    </Button>
                  )}
                </div>
                {p.description && <p className="muted" style={{ margin: 0, overflowWrap: "anywhere" }}>{p.description}</p>}
                {p.service && (
                  <p className="muted ws-meta" style={{ margin: 0 }}>
                    <Trans
                      t={t}
                      i18nKey="list.supports"
                      values={{ name: p.service.name }}
                      components={{ service: <Link to={`/services/${encodeURIComponent(p.service.id)}`} /> }}
                    />
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {deleting && <DeleteProject project={deleting} onClose={() => setDeleting(null)} onDeleted={refresh} />}
    </div>
  );
}

function CreateProject({
  workspaceId,
  services,
  onClose,
}: {
  workspaceId: string;
  services: { id: string; name: string }[];
  onClose: () => void;
}) {
  const navigate = useNavigate();
  const { t } = useTranslation(["projects", "common"]);
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [serviceId, setServiceId] = useState("");
  const [nameError, setNameError] = useState("");
  const [{ fetching, error }, create] = useMutation(CreateProjectDocument);
  const once = useCreateOnce();
  const server = fieldErrors(error);
  const other = formError(error, ["name", "description", "serviceId"]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = name.trim();
    if (!n || [...n].length > 200) {
      setNameError(t("create.nameInvalid"));
      return;
    }
    void once(async (idempotencyKey) => {
      const res = await create({
        input: { workspaceId, name: n, description: description.trim(), serviceId: serviceId || null, idempotencyKey },
      });
      const p = res.data?.createProject.project;
      if (p) navigate(projectPath(p.id));
      return !!p;
    });
  };

  return (
    <form className="card stack" aria-label={t("create.form")} onSubmit={submit} noValidate>
      <Field label={t("create.name")} required error={nameError || server.name}>
        {(p) => (
          <input
            {...p}
            className="input"
            value={name}
            maxLength={200}
            onChange={(e) => {
              setName(e.target.value);
              setNameError("");
            }}
          />
        )}
      </Field>
      <Field label={t("create.description")} error={server.description}>
        {(p) => <textarea {...p} className="input" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />}
      </Field>
      <Field label={t("create.service")} hint={t("create.serviceHint")} error={server.serviceId}>
        {(p) => (
          <select {...p} className="input" value={serviceId} onChange={(e) => setServiceId(e.target.value)}>
            <option value="">{t("create.none")}</option>
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ErrorMessage message={other ?? undefined} />
      <div className="row" style={{ justifyContent: "flex-end" }}>
        <Button onClick={onClose} disabled={fetching}>
          {t("common:actions.cancel")}
        </Button>
        <Button type="submit" variant="primary" busy={fetching}>
          {t("create.submit")}
        </Button>
      </div>
    </form>
  );
}

function DeleteProject({
  project,
  onClose,
  onDeleted,
}: {
  project: { id: string; name: string };
  onClose: () => void;
  onDeleted: () => void;
}) {
  const [{ fetching, error }, del] = useMutation(DeleteProjectDocument);
  const { t } = useTranslation("projects");
  return (
    <ConfirmDialog
      open
      title={t("delete.title", { name: project.name })}
      confirmLabel={t("delete.confirm")}
      danger
      busy={fetching}
      error={error}
      onClose={onClose}
      onConfirm={async () => {
        const res = await del({ input: { id: project.id } });
        if (res.data) {
          onDeleted();
          onClose();
        }
      }}
    >
      <p>{t("delete.body")}</p>
    </ConfirmDialog>
  );
}
