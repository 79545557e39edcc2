// Test helpers of the workspace pages: a urql client answering by operation
// name, GraphQL errors as the server sends them, and sample objects.
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

/** The header switcher's query (lib/workspace.tsx), for pages inside WorkspaceProvider. */
export function myWorkspaces(list: { id: string; name: string; slug: string; viewerRole: string }[] = []) {
  return { data: { workspaces: connection("Workspace", list.map((w) => ({ __typename: "Workspace", ...w }))) } };
}
