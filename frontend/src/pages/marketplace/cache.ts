import type { UpdatesConfig } from "@urql/exchange-graphcache";

// Cache updates of the marketplace pages (see lib/cache.ts): a deploy adds a
// service to its workspace, so the workspace's service lists and the
// dashboard's figures are fetched again when next shown.
export const marketplaceUpdates: UpdatesConfig = {
  Mutation: {
    deployService(_result, args, cache) {
      const input = (args as { input?: { workspaceId?: string } }).input;
      if (input?.workspaceId) {
        const ws = { __typename: "Workspace", id: input.workspaceId };
        for (const f of cache.inspectFields(ws)) {
          if (f.fieldName === "services") cache.invalidate(ws, f.fieldName, f.arguments ?? undefined);
        }
      }
      for (const f of cache.inspectFields("Query")) {
        if (f.fieldName === "dashboard") cache.invalidate("Query", f.fieldName, f.arguments ?? undefined);
      }
    },
  },
};
