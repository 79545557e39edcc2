// Test helper for the auth, dashboard and settings component tests: a real
// urql Client whose only exchange answers each operation from a handler, so
// the pages run their real hooks (queries, mutations, subscriptions).
import { Client, getOperationName, makeResult, type Exchange, type ExecutionResult, type Operation } from "urql";
import { filter, fromValue, map, mergeMap, pipe, takeUntil, type Source } from "wonka";

export type Answer = ExecutionResult | Source<ExecutionResult> | undefined;

/** A GraphQL error the way the server sends it. */
export function gqlError(message: string, code: string, field?: string) {
  return { message, extensions: field ? { code, field } : { code } };
}

export function mockClient(handler: (name: string, variables: Record<string, unknown>, op: Operation) => Answer) {
  const exchange: Exchange = () => (ops$) => {
    const teardowns$ = pipe(
      ops$,
      filter((op) => op.kind === "teardown"),
    );
    return pipe(
      ops$,
      filter((op) => op.kind !== "teardown"),
      mergeMap((op) => {
        const answer = handler(getOperationName(op.query) ?? "", (op.variables ?? {}) as Record<string, unknown>, op);
        const source: Source<ExecutionResult> = typeof answer === "function" ? answer : fromValue(answer ?? { data: null });
        return pipe(
          source,
          map((r) => makeResult(op, r)),
          takeUntil(pipe(teardowns$, filter((t) => t.key === op.key))),
        );
      }),
    );
  };
  return new Client({ url: "/query", exchanges: [exchange] });
}
