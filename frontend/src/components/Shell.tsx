// The signed-in app's frame: sidebar (wide screens), header with the
// workspace switcher and the user menu, bottom navigation (narrow screens).
import { useEffect, useId, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from "react";
import { NavLink, Outlet, useNavigate } from "react-router";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { graphql } from "../gql";
import { useSession, useSignedInViewer } from "../lib/session";
import { useTheme, type ThemeChoice } from "../lib/theme";
import { useWorkspaces } from "../lib/workspace";
import { Icon, type IconName } from "./Icon";

const LogoutDocument = graphql(`
  mutation Logout {
    logout {
      ok
    }
  }
`);

const nav = [
  { to: "/", label: "nav.dashboard", icon: "dashboard", end: true },
  { to: "/workspaces", label: "nav.workspaces", icon: "workspaces" },
  { to: "/marketplace", label: "nav.marketplace", icon: "marketplace" },
  { to: "/settings", label: "nav.settings", icon: "settings" },
] as const satisfies readonly { to: string; label: string; icon: IconName; end?: boolean }[];

export function Shell() {
  const { t } = useTranslation();
  return (
    <div className="shell">
      <aside className="sidebar" aria-label={t("nav.main")}>
        <NavLink to="/" className="brand">
          {t("brand")}
        </NavLink>
        <nav className="stack" style={{ gap: "0.15rem" }}>
          {nav.map((n) => (
            <NavLink key={n.to} to={n.to} end={"end" in n && n.end} className="nav-link">
              <Icon name={n.icon} /> {t(n.label)}
            </NavLink>
          ))}
          <AdminNav />
          <a className="nav-link" href="/graphiql">
            <Icon name="explorer" /> {t("nav.apiExplorer")}
          </a>
        </nav>
      </aside>
      <div className="main-col">
        <Header />
        <main className="content" id="main">
          <Outlet />
        </main>
      </div>
      <nav className="bottom-nav" aria-label={t("nav.main")}>
        {nav.map((n) => (
          <NavLink key={n.to} to={n.to} end={"end" in n && n.end}>
            <Icon name={n.icon} />
            <span>{t(n.label)}</span>
          </NavLink>
        ))}
      </nav>
    </div>
  );
}

/** Pages for platform admins only. */
function AdminNav() {
  const viewer = useSignedInViewer();
  const { t } = useTranslation();
  if (!viewer.platformAdmin) return null;
  return (
    <>
      <NavLink to="/admin/ai" className="nav-link">
        <Icon name="assistant" /> {t("nav.aiAssistant")}
      </NavLink>
      <NavLink to="/admin/templates" className="nav-link">
        <Icon name="marketplace" /> {t("nav.templates")}
      </NavLink>
      <NavLink to="/admin/users" className="nav-link">
        <Icon name="user" /> {t("nav.users")}
      </NavLink>
      <NavLink to="/admin/settings" className="nav-link">
        <Icon name="settings" /> {t("nav.platformSettings")}
      </NavLink>
    </>
  );
}

function Header() {
  const { workspaces, current, select } = useWorkspaces();
  const navigate = useNavigate();
  const { t } = useTranslation();
  return (
    <header className="header">
      {workspaces.length > 0 ? (
        <label className="row" style={{ gap: "0.4rem", minWidth: 0 }}>
          <span className="visually-hidden">{t("header.currentWorkspace")}</span>
          <select
            className="input"
            style={{ maxWidth: "min(240px, 55vw)" }}
            title={current?.name}
            value={current?.slug ?? ""}
            onChange={(e) => {
              select(e.target.value);
              navigate(`/workspaces/${e.target.value}`);
            }}
          >
            {workspaces.map((w) => (
              <option key={w.id} value={w.slug}>
                {w.name}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <NavLink to="/workspaces" className="btn btn-sm">
          {t("header.createWorkspace")}
        </NavLink>
      )}
      <div className="spacer" />
      <UserMenu />
    </header>
  );
}

function UserMenu() {
  const viewer = useSignedInViewer();
  const { reset } = useSession();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [theme, setTheme] = useTheme();
  const [{ fetching }, logout] = useMutation(LogoutDocument);
  const menuId = useId();
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);

  // A menu button's keyboard contract: opening focuses the first item, the
  // arrow keys move between items, Escape closes and returns focus.
  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (open) listRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open]);
  const onMenuKey = (e: ReactKeyboardEvent<HTMLUListElement>) => {
    const items = Array.from(e.currentTarget.querySelectorAll<HTMLElement>('[role="menuitem"]:not(:disabled)'));
    const i = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const next = e.key === "ArrowDown" ? (i + 1) % items.length : (i - 1 + items.length) % items.length;
      items[next]?.focus();
    } else if (e.key === "Home" || e.key === "End") {
      e.preventDefault();
      items[e.key === "Home" ? 0 : items.length - 1]?.focus();
    } else if (e.key === "Escape") {
      setOpen(false);
      ref.current?.querySelector<HTMLElement>("button[aria-haspopup]")?.focus();
    }
  };

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === "Escape" : !ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  const signOut = async () => {
    await logout({});
    reset();
    navigate("/login", { replace: true });
  };
  const next: Record<ThemeChoice, ThemeChoice> = { system: "light", light: "dark", dark: "system" };

  return (
    <div className="menu" ref={ref}>
      <button
        type="button"
        className="btn btn-ghost"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}
      >
        <Icon name="user" /> <span className="hide-narrow">{viewer.name}</span>
      </button>
      {open && (
        <ul className="menu-list" id={menuId} role="menu" ref={listRef} onKeyDown={onMenuKey}>
          <li role="none" className="muted" style={{ padding: "0.4rem 0.6rem", fontSize: "0.88em" }}>
            {viewer.email}
          </li>
          <li role="none">
            <button role="menuitem" type="button" onClick={() => { setOpen(false); navigate("/settings"); }}>
              {t("userMenu.profile")}
            </button>
          </li>
          <li role="none">
            <button role="menuitem" type="button" onClick={() => setTheme(next[theme])}>
              {t("userMenu.theme", { current: t(`theme.${theme}`), next: t(`theme.${next[theme]}`) })}
            </button>
          </li>
          <li role="none">
            <button role="menuitem" type="button" onClick={signOut} disabled={fetching}>
              {fetching ? t("userMenu.signingOut") : t("userMenu.signOut")}
            </button>
          </li>
        </ul>
      )}
    </div>
  );
}
