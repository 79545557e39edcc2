import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes, useLocation } from "react-router";
import { Provider } from "urql";
import { afterEach, describe, expect, it } from "vitest";
import i18n from "../../i18n";
import { Marketplace } from "./Marketplace";
import { mockClient, opName } from "./testing";

const postgres = {
  __typename: "AppTemplate",
  id: "t1",
  name: "PostgreSQL",
  slug: "postgresql",
  description: "The relational database.",
  category: "database",
  tags: ["sql", "relational"],
  icon: "database",
  monthlyPrice: 0,
  minVcpu: 0.5,
  minRAMGB: 1,
  minStorageGB: 8,
  active: true,
};
const n8n = { ...postgres, id: "t2", name: "n8n", slug: "n8n", description: "Workflows.", category: "automation", tags: ["workflow"], monthlyPrice: 9.5 };

function connection(nodes: object[]) {
  return {
    appTemplates: {
      __typename: "AppTemplateConnection",
      totalCount: nodes.length,
      edges: nodes.map((node) => ({ __typename: "AppTemplateEdge", node })),
    },
  };
}

function Location() {
  const l = useLocation();
  return <output data-testid="location">{l.pathname + l.search}</output>;
}

function setup(url = "/marketplace", answer = (v: Record<string, unknown>) => ({ data: connection(v.search === "zzz" ? [] : [postgres, n8n]) })) {
  const m = mockClient({ MarketplaceTemplates: answer });
  render(
    <Provider value={m.client}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route path="/marketplace" element={<Marketplace />} />
        </Routes>
        <Location />
      </MemoryRouter>
    </Provider>,
  );
  const vars = () => m.executeQuery.mock.calls.filter(([r]) => opName(r) === "MarketplaceTemplates").map(([r]) => r.variables);
  return { ...m, vars };
}

describe("Marketplace", { timeout: 20_000 }, () => {
  it("lists the apps as cards linking to their configure page", async () => {
    setup();
    const list = await screen.findByRole("list", { name: "Apps" });
    const cards = within(list).getAllByRole("listitem").filter((li) => li.parentElement === list);
    expect(cards).toHaveLength(2);
    const pg = within(cards[0]);
    expect(pg.getByRole("link", { name: "PostgreSQL" })).toHaveAttribute("href", "/marketplace/postgresql");
    expect(pg.getByText("The relational database.")).toBeInTheDocument();
    expect(pg.getByText("Databases")).toBeInTheDocument();
    expect(pg.getByText("Free")).toBeInTheDocument();
    expect(pg.getByText("sql")).toBeInTheDocument();
    expect(pg.getByText("Needs at least 0.5 vCPU · 1 GB RAM · 8 GB storage")).toBeInTheDocument();
    expect(within(cards[1]).getByText("$9.50 / month")).toBeInTheDocument();
  });

  it("filters by category: the query variables and the URL follow", async () => {
    const { vars } = setup();
    await screen.findByRole("list", { name: "Apps" });
    expect(vars().at(-1)).toEqual({ category: null, search: null });
    const group = screen.getByRole("group", { name: "Category" });
    expect(within(group).getByRole("button", { name: "All" })).toHaveAttribute("aria-pressed", "true");
    await userEvent.click(within(group).getByRole("button", { name: "Automation" }));
    await waitFor(() => expect(vars().at(-1)).toEqual({ category: "automation", search: null }));
    await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent("/marketplace?category=automation"));
    expect(within(group).getByRole("button", { name: "Automation" })).toHaveAttribute("aria-pressed", "true");
  });

  it("searches after a pause, keeping the search in the URL", async () => {
    const { vars } = setup("/marketplace?category=database");
    await screen.findByRole("list", { name: "Apps" });
    expect(vars().at(-1)).toEqual({ category: "database", search: null });
    await userEvent.type(screen.getByRole("searchbox", { name: "Search apps" }), "post");
    // Debounced: one query for the whole word, not one per key.
    await waitFor(() => expect(vars().at(-1)).toEqual({ category: "database", search: "post" }));
    expect(vars().filter((v) => v?.search === "p" || v?.search === "po")).toHaveLength(0);
    // Navigations render in a transition: the URL shows once it is committed.
    await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent("/marketplace?category=database&q=post"));
  });

  it("reads its filters from the URL", async () => {
    const { vars } = setup("/marketplace?q=redis&category=web");
    await screen.findByRole("list", { name: "Apps" });
    expect(vars().at(-1)).toEqual({ category: "web", search: "redis" });
    expect(screen.getByRole("searchbox", { name: "Search apps" })).toHaveValue("redis");
    expect(screen.getByRole("button", { name: "Web apps" })).toHaveAttribute("aria-pressed", "true");
  });

  it("says when nothing matches and clears the search", async () => {
    const { vars } = setup("/marketplace?q=zzz");
    expect(await screen.findByRole("heading", { name: "No apps match “zzz”" })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Clear the search" }));
    await waitFor(() => expect(vars().at(-1)).toEqual({ category: null, search: null }));
    expect(await screen.findByRole("list", { name: "Apps" })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent(/^\/marketplace$/));
    expect(screen.getByRole("searchbox", { name: "Search apps" })).toHaveValue("");
  });

  it("shows progress while loading", () => {
    setup("/marketplace", () => "pending" as never);
    expect(screen.getByRole("status", { name: "Loading apps…" })).toBeInTheDocument();
  });
});

describe("Marketplace in two languages", { timeout: 20_000 }, () => {
  const translated = [
    { ...postgres, translations: [{ __typename: "TemplateTranslation", locale: "zh-TW", description: "關聯式資料庫。" }] },
    n8n,
  ];
  afterEach(() => act(() => i18n.changeLanguage("en")));

  it("shows the Chinese description and words in zh-TW, English where untranslated", async () => {
    await act(() => i18n.changeLanguage("zh-TW"));
    setup("/marketplace", () => ({ data: connection(translated) }));
    expect(await screen.findByText("關聯式資料庫。")).toBeInTheDocument();
    expect(screen.getByText("Workflows.")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "應用市集" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "資料庫" })).toBeInTheDocument();
    expect(screen.getByText("免費")).toBeInTheDocument();
  });

  it("shows the English description in English", async () => {
    setup("/marketplace", () => ({ data: connection(translated) }));
    expect(await screen.findByText("The relational database.")).toBeInTheDocument();
  });
});
