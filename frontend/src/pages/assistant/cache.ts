import type { Cache, UpdatesConfig } from "@urql/exchange-graphcache";

// Cache updates of the assistant pages and of the AI administration (see
// lib/cache.ts). Threads, agents and providers are Nodes, updated in place
// by each payload; the lists that gain or lose one are read again. The
// messages of a thread are not kept here: the chat holds them (stream.ts).

function invalidateThreads(cache: Cache, workspaceId: unknown) {
  if (typeof workspaceId !== "string") return;
  const ws = cache.keyOfEntity({ __typename: "Workspace", id: workspaceId });
  if (!ws) return;
  for (const f of cache.inspectFields(ws)) {
    if (f.fieldName === "threads") cache.invalidate(ws, f.fieldName, f.arguments ?? undefined);
  }
}

function deleted(cache: Cache, typename: string, result: unknown, field: string) {
  const id = (result as Record<string, { deletedId?: string } | null | undefined>)[field]?.deletedId;
  if (id) cache.invalidate({ __typename: typename, id });
}

export const assistantUpdates: UpdatesConfig = {
  Mutation: {
    createThread(_result, args, cache) {
      invalidateThreads(cache, (args as { input?: { workspaceId?: unknown } }).input?.workspaceId);
    },
    deleteThread(result, _args, cache) {
      deleted(cache, "AIThread", result, "deleteThread");
    },
    createAIProvider(_result, _args, cache) {
      cache.invalidate("Query", "aiProviders");
    },
    deleteAIProvider(result, _args, cache) {
      deleted(cache, "AIProvider", result, "deleteAIProvider");
      cache.invalidate("Query", "aiProviders");
      // Agents of a deleted provider lose it.
      cache.invalidate("Query", "aiAgents");
    },
    // Making one agent the default unmakes another: the list is read again.
    createAIAgent(_result, _args, cache) {
      cache.invalidate("Query", "aiAgents");
    },
    updateAIAgent(_result, _args, cache) {
      cache.invalidate("Query", "aiAgents");
    },
    deleteAIAgent(result, _args, cache) {
      deleted(cache, "AIAgent", result, "deleteAIAgent");
      cache.invalidate("Query", "aiAgents");
    },
  },
};
