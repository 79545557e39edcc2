// Test helpers of the marketplace pages: a urql client answering by operation
// name, and the pages inside a router.
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

export function mockClient(answers: Answers) {
  const answer = (req: GraphQLRequest) => {
    const a = answers[opName(req)];
    const res = typeof a === "function" ? a((req.variables ?? {}) as Record<string, unknown>) : a;
    if (!res || res === "pending") return never;
    return fromValue({ ...res, stale: false, hasNext: false });
  };
  const executeQuery = vi.fn(answer);
  const executeMutation = vi.fn(answer);
  const client = { executeQuery, executeMutation, executeSubscription: vi.fn(() => never) } as unknown as Client;
  return { client, executeQuery, executeMutation };
}

export function badInput(field: string, message: string): CombinedError {
  return new CombinedError({ graphQLErrors: [{ message, extensions: { code: "BAD_USER_INPUT", field } }] });
}
