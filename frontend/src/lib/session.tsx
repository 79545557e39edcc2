// The signed-in account and the GraphQL client that belongs to it.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { Provider, useQuery } from "urql";
import { useLocation, useNavigate } from "react-router";
import { createAppClient, type AppClient } from "./client";
import { graphql } from "../gql";
import type { ViewerQuery } from "../gql/graphql";
import { applyLocale } from "../i18n";

export const ViewerDocument = graphql(`
  query Viewer {
    viewer {
      id
      name
      email
      # null until the account follows the link e-mailed to its address
      emailVerifiedAt
      platformAdmin
      # the app's language: en, zh-TW, or "" to follow the browser
      locale
    }
  }
`);

export type Viewer = NonNullable<ViewerQuery["viewer"]>;

interface Session {
  /** Call after sign-in or sign-out: a new client, an empty cache. */
  reset(): void;
}

const SessionContext = createContext<Session | null>(null);
const ViewerContext = createContext<{ viewer: Viewer | null; loading: boolean }>({ viewer: null, loading: true });

/** Pages for the signed out (or either), where an ended session sends nobody to sign in. */
const publicPaths = ["/login", "/register", "/forgot-password", "/reset-password", "/verify-email"];

/** Where sign-in sends you back to. */
export function loginPath(next: string): string {
  return next && next !== "/" && !next.startsWith("/login") ? `/login?next=${encodeURIComponent(next)}` : "/login";
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  const location = useLocation();
  const here = useRef("/");
  here.current = location.pathname + location.search;

  const expired = useRef<() => boolean>(() => false);
  // Only the current client may end the session, once: a replaced one's
  // socket can still report the close of the session it belonged to, and
  // one ended session is often reported twice (the socket's close, then
  // each subscription's error).
  const current = useRef<AppClient | null>(null);
  const make = useCallback(() => {
    let ended = false;
    const app: AppClient = createAppClient(() => {
      if (ended || current.current !== app) return;
      ended = expired.current();
    });
    return app;
  }, []);
  const [app, setApp] = useState<AppClient>(make);
  useEffect(() => {
    current.current = app;
    return () => app.dispose();
  }, [app]);

  // Each client gets a fresh tree under it: a query's state (useQuery keeps
  // the last data when its client changes) must not carry the previous
  // account's viewer, or its "signed out", into the new session.
  const [generation, setGeneration] = useState(0);
  const reset = useCallback(() => {
    setApp(make());
    setGeneration((g) => g + 1);
  }, [make]);
  // The session ended on the server (expired, signed out elsewhere, the
  // password changed): start clean and come back here after signing in.
  expired.current = () => {
    if (publicPaths.some((p) => here.current.startsWith(p))) return false;
    reset();
    navigate(loginPath(here.current), { replace: true });
    return true;
  };

  const session = useMemo(() => ({ reset }), [reset]);
  return (
    <SessionContext.Provider value={session}>
      <Provider value={app.client}>
        <ViewerLoader key={generation}>{children}</ViewerLoader>
      </Provider>
    </SessionContext.Provider>
  );
}

function ViewerLoader({ children }: { children: ReactNode }) {
  const [{ data, fetching }] = useQuery({ query: ViewerDocument, requestPolicy: "cache-and-network" });
  const value = useMemo(() => ({ viewer: data?.viewer ?? null, loading: fetching && !data }), [data, fetching]);
  // The account's language wins over the browser's; signed out, the last
  // account's choice on this browser stays until another signs in.
  const locale = data?.viewer ? data.viewer.locale : undefined;
  useEffect(() => {
    if (locale !== undefined) applyLocale(locale);
  }, [locale]);
  return <ViewerContext.Provider value={value}>{children}</ViewerContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error("useSession outside SessionProvider");
  return s;
}

/** The signed-in account; null when signed out. */
export function useViewer() {
  return useContext(ViewerContext);
}

/** The viewer inside the signed-in part of the app (RequireViewer guarantees it). */
export function useSignedInViewer(): Viewer {
  const { viewer } = useContext(ViewerContext);
  if (!viewer) throw new Error("useSignedInViewer outside RequireViewer");
  return viewer;
}
