// The workspace the user works in: chosen in the header's switcher, set by
// visiting a workspace's pages, remembered across reloads. Marketplace
// deploys go into it.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { useQuery } from "urql";
import { graphql } from "../gql";
import type { MyWorkspacesQuery } from "../gql/graphql";

export const MyWorkspacesDocument = graphql(`
  query MyWorkspaces {
    workspaces(first: 100, where: { state: active }, orderBy: { field: NAME, direction: ASC }) {
      totalCount
      edges {
        node {
          id
          name
          slug
          viewerRole
          viewerCanDeploy
        }
      }
    }
  }
`);

export type WorkspaceSummary = NonNullable<
  NonNullable<NonNullable<MyWorkspacesQuery["workspaces"]["edges"]>[number]>["node"]
>;

interface Current {
  workspaces: WorkspaceSummary[];
  loading: boolean;
  current: WorkspaceSummary | null;
  select(slug: string): void;
}

const key = "woow.workspace";
const Ctx = createContext<Current | null>(null);

export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const [{ data, fetching }] = useQuery({ query: MyWorkspacesDocument });
  const [slug, setSlug] = useState<string | null>(() => {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  });
  const workspaces = useMemo(
    () => (data?.workspaces.edges ?? []).flatMap((e) => (e?.node ? [e.node] : [])),
    [data],
  );
  const select = useCallback((s: string) => {
    try {
      localStorage.setItem(key, s);
    } catch {
      // Private mode: remembered for this page only.
    }
    setSlug(s);
  }, []);
  const current = workspaces.find((w) => w.slug === slug) ?? workspaces[0] ?? null;
  const value = useMemo(
    () => ({ workspaces, loading: fetching && !data, current, select }),
    [workspaces, fetching, data, current, select],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useWorkspaces(): Current {
  const c = useContext(Ctx);
  if (!c) throw new Error("useWorkspaces outside WorkspaceProvider");
  return c;
}
