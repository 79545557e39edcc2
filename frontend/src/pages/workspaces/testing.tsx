// Test helpers of the workspace pages: a urql client answering by operation
// name, GraphQL errors as the server sends them, and sample objects.
import type { WorkspaceViewerCanFragment } from "../../gql/graphql";

export { mockClient, opName, gqlError, type Answer, type Answers } from "../../test/mockClient";

export const viewer = { __typename: "User", id: "u-me", name: "Me Myself", email: "me@x.io", platformAdmin: false };

export function user(id: string, name: string) {
  return { __typename: "User", id, name, email: `${name.toLowerCase()}@x.io` };
}

export function member(u: ReturnType<typeof user>, role: string) {
  return {
    __typename: "WorkspaceMember",
    id: `m-${u.id}`,
    role,
    invitedAt: role === "owner" ? null : "2026-11-01T10:00:00Z",
    createdAt: "2026-11-01T10:00:00Z",
    user: u,
  };
}

export function connection(typename: string, nodes: object[]) {
  return {
    __typename: `${typename}Connection`,
    totalCount: nodes.length,
    edges: nodes.map((node) => ({ __typename: `${typename}Edge`, node })),
  };
}

/**
 * A workspace's viewerCan* fields as the server answers them for a role in a
 * workspace of that state (rule/permission.go): the pages take them as they
 * come, so a test can also answer what no role would, to show that.
 */
export function workspaceCan(role: string, state = "active"): WorkspaceViewerCanFragment {
  const active = state === "active";
  const admin = role === "admin" || role === "owner";
  return {
    viewerCanUpdate: active && admin,
    viewerCanManageMembers: active && admin,
    viewerCanAdminister: active && role === "owner",
    viewerCanDeploy: active && admin,
    viewerCanLeave: role !== "owner",
  };
}

/** The header switcher's query (lib/workspace.tsx), for pages inside WorkspaceProvider. */
export function myWorkspaces(list: { id: string; name: string; slug: string; viewerRole: string }[] = []) {
  return {
    data: {
      workspaces: connection(
        "Workspace",
        list.map((w) => ({
          __typename: "Workspace",
          viewerCanDeploy: workspaceCan(w.viewerRole).viewerCanDeploy,
          ...w,
        })),
      ),
    },
  };
}
