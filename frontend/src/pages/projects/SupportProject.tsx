// On a service's page: a link to its support project, or "Create support
// project" when it has none (for those who may create projects).
import { Trans, useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { Link, useNavigate } from "react-router";
import { graphql } from "../../gql";
import { Button, ErrorMessage } from "../../components/ui";
import { useCreateOnce } from "../../lib/createOnce";
import { CreateProjectDocument, projectPath } from "./Projects";

const ServiceSupportProjectDocument = graphql(`
  query ServiceSupportProject($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Service {
        name
        supportProject {
          id
          name
        }
        workspace {
          id
          viewerRole
          viewerCanEditProjects
          state
        }
      }
    }
  }
`);

export function SupportProject({ serviceId }: { serviceId: string }) {
  const [{ data }] = useQuery({ query: ServiceSupportProjectDocument, variables: { id: serviceId } });
  const [{ fetching, error }, create] = useMutation(CreateProjectDocument);
  const once = useCreateOnce();
  const navigate = useNavigate();
  const { t } = useTranslation("projects");
  const service = data?.node?.__typename === "Service" ? data.node : null;
  if (!service) return null;
  const project = service.supportProject;
  const canCreate = service.workspace.viewerCanEditProjects;
  if (!project && !canCreate) return null;

  const start = () =>
    void once(async (idempotencyKey) => {
      const res = await create({
        input: { workspaceId: service.workspace.id, serviceId, name: t("support.projectName", { service: service.name }), idempotencyKey },
      });
      const p = res.data?.createProject.project;
      if (p) navigate(projectPath(p.id));
      return !!p;
    });

  return (
    <section className="card stack" aria-labelledby="svc-support-h">
      <h2 id="svc-support-h" style={{ margin: 0 }}>
        {t("support.heading")}
      </h2>
      {project ? (
        <p style={{ margin: 0, overflowWrap: "anywhere" }}>
          <Trans
            t={t}
            i18nKey="support.onBoard"
            values={{ name: project.name }}
            components={{ project: <Link to={projectPath(project.id)} /> }}
          />
        </p>
      ) : (
        <>
          <p className="muted" style={{ margin: 0 }}>
            {t("support.intro")}
          </p>
          <ErrorMessage error={error} />
          <div>
            <Button busy={fetching} onClick={start}>
              {t("support.create")}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
