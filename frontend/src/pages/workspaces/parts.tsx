// Pieces the workspace pages share: what the viewer may do, badges, the tabs
// of a workspace, the "this is your current workspace now" effect.
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { graphql } from "../../gql";
import type { Role, WorkspaceState } from "../../gql/graphql";
import { useWorkspaces } from "../../lib/workspace";

/**
 * What the viewer may do in a workspace, as the server decides it (role and
 * state: all false once archived, but leaving). The pages offer exactly
 * this; payloads that change the state or the viewer's role select it too.
 */
export const WorkspaceViewerCanFragment = graphql(`
  fragment WorkspaceViewerCan on Workspace {
    viewerCanUpdate
    viewerCanManageMembers
    viewerCanAdminister
    viewerCanDeploy
    viewerCanLeave
  }
`);

export function RoleBadge({ role, you }: { role: Role; you?: boolean }) {
  const { t } = useTranslation("workspaces");
  const cls =
    role === "owner"
      ? "badge badge-info"
      : role === "admin"
        ? "badge badge-warning"
        : "badge";
  return (
    <span className={cls}>
      {you && <span className="visually-hidden">{t("yourRole")}</span>}
      {t(`roles.${role}`)}
    </span>
  );
}

export function WorkspaceStateBadge({ state }: { state: WorkspaceState }) {
  const { t } = useTranslation("workspaces");
  return state === "archived" ? (
    <span className="badge">{t("state.archived")}</span>
  ) : (
    <span className="badge badge-success">{t("state.active")}</span>
  );
}

export { ServiceStateBadge } from "../../components/ServiceState";

/** The tabs of a workspace's pages. */
export function WorkspaceTabs({ slug }: { slug: string }) {
  const { t } = useTranslation("workspaces");
  const base = `/workspaces/${encodeURIComponent(slug)}`;
  return (
    <nav className="tabs" aria-label={t("tabs.label")}>
      <NavLink to={base} end>
        {t("tabs.services")}
      </NavLink>
      <NavLink to={`${base}/team`} end>
        {t("tabs.team")}
      </NavLink>
      <NavLink to={`${base}/assistant`}>{t("tabs.assistant")}</NavLink>
      <NavLink to={`${base}/projects`} end>
        {t("tabs.projects")}
      </NavLink>
    </nav>
  );
}

/** Visiting an active workspace's pages makes it the current workspace. */
export function useVisitWorkspace(
  ws: { slug: string; state: WorkspaceState } | null | undefined,
) {
  const { select } = useWorkspaces();
  const slug = ws?.state === "active" ? ws.slug : null;
  useEffect(() => {
    if (slug) select(slug);
  }, [slug, select]);
}
