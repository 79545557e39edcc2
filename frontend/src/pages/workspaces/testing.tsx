// Test helpers of the workspace pages: a urql client answering by operation
// name, GraphQL errors as the server sends them, and sample objects.
import { vi } from "vitest";
import { fromValue, never } from "wonka";
import { CombinedError, type Client, type GraphQLRequest } from "urql";
import { Kind, type OperationDefinitionNode } from "graphql";

export type Answer = { data?: unknown; error?: CombinedError } | "pending";
export type Answers = Record<string, Answer | ((variables: Record<string, unknown>) => Answer)>;

export function opName(req: GraphQLRequest): string {
  const def = req.query.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return def?.name?.value ?? "";
}

/** A client whose every operation is answered from `answers` by operation name (unknown ones never answer). */
export function mockClient(answers: Answers) {
  const answer = (req: GraphQLRequest) => {
    const a = answers[opName(req)];
    const res = typeof a === "function" ? a((req.variables ?? {}) as Record<string, unknown>) : a;
    if (!res || res === "pending") return never;
    return fromValue({ ...res, stale: false, hasNext: false });
  };
  const executeQuery = vi.fn(answer);
  const executeMutation = vi.fn(answer);
  const executeSubscription = vi.fn((_req: GraphQLRequest) => never);
  const client = { executeQuery, executeMutation, executeSubscription } as unknown as Client;
  return { client, executeQuery, executeMutation, executeSubscription };
}

export function gqlError(code: string, message: string, field?: string): CombinedError {
  return new CombinedError({ graphQLErrors: [{ message, extensions: field ? { code, field } : { code } }] });
}

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

// jsdom has <dialog> but not showModal/close: open it the plain way.
if (typeof HTMLDialogElement !== "undefined" && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
    if (!this.open) return;
    this.open = false;
    this.dispatchEvent(new Event("close"));
  };
}
