// Test helpers of the OAuth pages and Settings sections: a client with the
// app's real cache (lib/cache.ts) in front of a fake server that answers
// by operation name a moment later, as a server does; so a test sees the
// lists load again after a mutation, as the app does.
import { Client, makeResult, type Exchange, type ExecutionResult, type Operation } from "urql";
import { cacheExchange } from "@urql/exchange-graphcache";
import { delay, filter, fromValue, mergeMap, pipe } from "wonka";
import { cacheConfig } from "../../lib/cache";
import { opName } from "../../test/mockClient";

export type Handler = (name: string, variables: Record<string, unknown>, op: Operation) => ExecutionResult | undefined;

export function cachedClient(handler: Handler) {
  const calls: [string, Record<string, unknown>][] = [];
  const fake: Exchange = () => (ops$) =>
    pipe(
      ops$,
      filter((op) => op.kind !== "teardown"),
      mergeMap((op) => {
        const name = opName(op);
        const vars = (op.variables ?? {}) as Record<string, unknown>;
        calls.push([name, vars]);
        return pipe(fromValue(makeResult(op, handler(name, vars, op) ?? { data: null })), delay(1));
      }),
    );
  const client = new Client({ url: "/query", exchanges: [cacheExchange(cacheConfig), fake] });
  return { client, calls, count: (name: string) => calls.filter(([c]) => c === name).length };
}

/** A GraphQL error response the way the server sends one. */
export function errorResult(message: string, code: string, field?: string): ExecutionResult {
  return { data: null, errors: [{ message, extensions: field ? { code, field } : { code } }] } as unknown as ExecutionResult;
}
