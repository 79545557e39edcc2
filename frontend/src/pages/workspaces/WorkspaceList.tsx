// The viewer's workspaces, active first and archived after, and creating one.
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQuery } from "urql";
import { graphql } from "../../gql";
import type { WorkspaceListPageQuery } from "../../gql/graphql";
import { Button, EmptyState, ErrorMessage, Loading, PageHeader } from "../../components/ui";
import { CreateWorkspaceDialog } from "./CreateWorkspace";
import { RoleBadge } from "./parts";
import { PendingInvitations } from "../invitations/PendingInvitations";

export const WorkspaceListDocument = graphql(`
  query WorkspaceListPage {
    workspaces(first: 100, orderBy: { field: NAME, direction: ASC }) {
      totalCount
      edges {
        node {
          id
          name
          slug
          description
          state
          viewerRole
          members(first: 0) {
            totalCount
          }
          services(first: 0, where: { stateNEQ: gone }) {
            totalCount
          }
        }
      }
    }
  }
`);

type Row = NonNullable<NonNullable<NonNullable<WorkspaceListPageQuery["workspaces"]["edges"]>[number]>["node"]>;

export function WorkspaceList() {
  const { t } = useTranslation("workspaces");
  const [{ data, fetching, error }] = useQuery({ query: WorkspaceListDocument });
  const [creating, setCreating] = useState(false);

  const { active, archived } = useMemo(() => {
    const all = (data?.workspaces.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
    return { active: all.filter((w) => w.state === "active"), archived: all.filter((w) => w.state === "archived") };
  }, [data]);

  const newButton = (
    <Button variant="primary" onClick={() => setCreating(true)}>
      {t("list.new")}
    </Button>
  );

  let body;
  if (!data && fetching) body = <Loading label={t("list.loading")} />;
  else if (!data && error) body = <ErrorMessage error={error} />;
  else if (active.length === 0 && archived.length === 0)
    body = (
      <EmptyState
        title={t("list.firstTitle")}
        action={
          <Button variant="primary" onClick={() => setCreating(true)}>
            {t("list.createFirst")}
          </Button>
        }
      >
        {t("list.firstBody")}
      </EmptyState>
    );
  else
    body = (
      <div className="stack">
        {error && <ErrorMessage error={error} />}
        {active.length > 0 ? (
          <section aria-labelledby="ws-active" className="stack">
            <h2 id="ws-active" className="visually-hidden">
              {t("list.activeHeading")}
            </h2>
            <ul className="grid ws-cards">
              {active.map((w) => (
                <WorkspaceCard key={w.id} w={w} />
              ))}
            </ul>
          </section>
        ) : (
          <EmptyState title={t("list.noActiveTitle")} action={newButton}>
            {t("list.noActiveBody")}
          </EmptyState>
        )}
        {archived.length > 0 && (
          <section aria-labelledby="ws-archived" className="stack">
            <div>
              <h2 id="ws-archived">{t("list.archivedHeading")}</h2>
              <p className="muted">{t("list.archivedNote")}</p>
            </div>
            <ul className="grid ws-cards">
              {archived.map((w) => (
                <WorkspaceCard key={w.id} w={w} />
              ))}
            </ul>
          </section>
        )}
      </div>
    );

  return (
    <>
      <PageHeader
        title={t("list.title")}
        description={t("list.description")}
        actions={active.length > 0 ? newButton : undefined}
      />
      <div className="stack">
        <PendingInvitations />
        {body}
      </div>
      <CreateWorkspaceDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}

function WorkspaceCard({ w }: { w: Row }) {
  const { t } = useTranslation("workspaces");
  return (
    <li className="card ws-card">
      <div className="ws-card-head">
        <h3>
          <Link to={`/workspaces/${encodeURIComponent(w.slug)}`}>{w.name}</Link>
        </h3>
        <div className="row" style={{ gap: "0.3rem" }}>
          {w.state === "archived" && <span className="badge">{t("state.archived")}</span>}
          <RoleBadge role={w.viewerRole} you />
        </div>
      </div>
      {w.description ? (
        <p className="ws-desc" title={w.description}>
          {w.description}
        </p>
      ) : (
        <p className="muted ws-desc">{t("list.noDescription")}</p>
      )}
      <p className="muted ws-meta">
        {t("count.services", { count: w.services.totalCount })} · {t("count.members", { count: w.members.totalCount })}
      </p>
    </li>
  );
}
