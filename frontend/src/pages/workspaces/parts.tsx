// Pieces the workspace pages share: what the viewer may do, badges, the tabs
// of a workspace, the "this is your current workspace now" effect.
import { useEffect } from "react";
import { NavLink } from "react-router";
import { graphql } from "../../gql";
import type { Role, WorkspaceState } from "../../gql/graphql";
import { useWorkspaces } from "../../lib/workspace";
import { roleLabel } from "./roles";

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
  const cls =
    role === "owner"
      ? "badge badge-info"
      : role === "admin"
        ? "badge badge-warning"
        : "badge";
  return (
    <span className={cls}>
      {you && <span className="visually-hidden">Your role: </span>}
      {roleLabel[role]}
    </span>
  );
}

export function WorkspaceStateBadge({ state }: { state: WorkspaceState }) {
  return state === "archived" ? (
    <span className="badge">Archived</span>
  ) : (
    <span className="badge badge-success">Active</span>
  );
}

export { ServiceStateBadge } from "../../components/ServiceState";

/** The tabs of a workspace's pages. */
export function WorkspaceTabs({ slug }: { slug: string }) {
  const base = `/workspaces/${encodeURIComponent(slug)}`;
  return (
    <nav className="tabs" aria-label="Workspace sections">
      <NavLink to={base} end>
        Services
      </NavLink>
      <NavLink to={`${base}/team`} end>
        Team
      </NavLink>
      <NavLink to={`${base}/assistant`}>Assistant</NavLink>
      <NavLink to={`${base}/projects`} end>
        Projects
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
