// A urql client for component tests: every operation is answered from a
// table by operation name (unknown ones never answer), and GraphQL errors
// shaped as the server sends them.
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

export function badInput(field: string, message: string): CombinedError {
  return gqlError("BAD_USER_INPUT", message, field);
}
