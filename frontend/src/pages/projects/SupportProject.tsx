// On a service's page: a link to its support project, or "Create support
// project" when it has none (for those who may create projects).
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
  const service = data?.node?.__typename === "Service" ? data.node : null;
  if (!service) return null;
  const project = service.supportProject;
  const canCreate = service.workspace.viewerCanEditProjects;
  if (!project && !canCreate) return null;

  const start = () =>
    void once(async (idempotencyKey) => {
      const res = await create({
        input: { workspaceId: service.workspace.id, serviceId, name: `${service.name} support`, idempotencyKey },
      });
      const p = res.data?.createProject.project;
      if (p) navigate(projectPath(p.id));
      return !!p;
    });

  return (
    <section className="card stack" aria-labelledby="svc-support-h">
      <h2 id="svc-support-h" style={{ margin: 0 }}>
        Support project
      </h2>
      {project ? (
        <p style={{ margin: 0, overflowWrap: "anywhere" }}>
          Tasks for this service are on the board <Link to={projectPath(project.id)}>{project.name}</Link>.
        </p>
      ) : (
        <>
          <p className="muted" style={{ margin: 0 }}>
            Keep this service's tasks on a board of their own.
          </p>
          <ErrorMessage error={error} />
          <div>
            <Button busy={fetching} onClick={start}>
              Create support project
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
