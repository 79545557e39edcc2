// The marketplace: the app templates, by category and search. The filters
// live in the URL (?q=&category=) so that a reload or a shared link keeps them.
import { useEffect, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useQuery } from "urql";
import { graphql } from "../../gql";
import type { MarketplaceTemplatesQuery } from "../../gql/graphql";
import { Button, EmptyState, ErrorMessage, Loading, PageHeader, Spinner } from "../../components/ui";
import { AppAvatar, Tags, categories, categoryLabel, categoryLabels, isCategory, priceLabel, resourcesLabel } from "./format";

export const MarketplaceTemplatesDocument = graphql(`
  query MarketplaceTemplates($category: AppTemplateCategory, $search: String) {
    appTemplates(category: $category, search: $search, first: 100, orderBy: { field: NAME, direction: ASC }) {
      totalCount
      edges {
        node {
          id
          name
          slug
          description
          category
          tags
          icon
          monthlyPrice
          minVcpu
          minRAMGB
          minStorageGB
          active
        }
      }
    }
  }
`);

type Template = NonNullable<NonNullable<NonNullable<MarketplaceTemplatesQuery["appTemplates"]["edges"]>[number]>["node"]>;

const debounceMs = 250;

export function Marketplace() {
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const rawCategory = params.get("category");
  const category = isCategory(rawCategory) ? rawCategory : null;
  const [text, setText] = useState(q);

  // Follow the URL when it changes from outside (back/forward, a link), but
  // not when it catches up with what is being typed.
  const pushed = useRef(q);
  useEffect(() => {
    if (q !== pushed.current) {
      pushed.current = q;
      setText(q);
    }
  }, [q]);

  const update = (next: { q?: string; category?: string | null }) => {
    if (next.q !== undefined) pushed.current = next.q;
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(next)) {
          if (v) p.set(k, v);
          else p.delete(k);
        }
        return p;
      },
      { replace: true },
    );
  };

  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed === q) return;
    const t = setTimeout(() => update({ q: trimmed }), debounceMs);
    return () => clearTimeout(t);
  }, [text, q]);

  const [{ data, fetching, error }] = useQuery({
    query: MarketplaceTemplatesDocument,
    variables: { category, search: q || null },
  });
  const templates = (data?.appTemplates.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const pending = text.trim() !== q;

  const clearSearch = () => {
    setText("");
    update({ q: "" });
  };

  return (
    <div className="stack">
      <PageHeader title="Marketplace" description="Deploy ready-made apps into your workspace." />
      <div className="market-filters stack">
        <div className="market-search field">
          <label htmlFor="market-search" className="visually-hidden">
            Search apps
          </label>
          <input
            id="market-search"
            className="input"
            type="search"
            placeholder="Search apps by name, description or tag"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") update({ q: text.trim() });
            }}
          />
        </div>
        <div className="chips" role="group" aria-label="Category">
          <button type="button" className="chip" aria-pressed={category === null} onClick={() => update({ category: null })}>
            All
          </button>
          {categories.map((c) => (
            <button key={c} type="button" className="chip" aria-pressed={category === c} onClick={() => update({ category: c })}>
              {categoryLabels[c]}
            </button>
          ))}
        </div>
      </div>

      <ErrorMessage error={error} />
      {fetching && !data ? (
        <Loading label="Loading apps…" />
      ) : data && templates.length === 0 ? (
        <NoResults q={q} category={category} onClearSearch={clearSearch} onAllCategories={() => update({ category: null })} />
      ) : (
        <>
          <p className="muted market-count" aria-live="polite">
            {(fetching || pending) && <Spinner label="Searching" />}{" "}
            {data && `${templates.length} ${templates.length === 1 ? "app" : "apps"}`}
            {category && ` in ${categoryLabels[category]}`}
            {q && ` matching “${q}”`}
          </p>
          <ul className="grid app-grid" aria-label="Apps">
            {templates.map((t) => (
              <li key={t.id}>
                <AppCard t={t} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function NoResults({
  q,
  category,
  onClearSearch,
  onAllCategories,
}: {
  q: string;
  category: string | null;
  onClearSearch(): void;
  onAllCategories(): void;
}) {
  if (q) {
    return (
      <EmptyState
        title={`No apps match “${q}”${category ? ` in ${categoryLabel(category)}` : ""}`}
        action={
          <div className="row" style={{ justifyContent: "center" }}>
            <Button onClick={onClearSearch}>Clear the search</Button>
            {category && <Button onClick={onAllCategories}>Show all categories</Button>}
          </div>
        }
      >
        Try another word, or clear the search to see every app.
      </EmptyState>
    );
  }
  if (category) {
    return (
      <EmptyState title={`No apps in ${categoryLabel(category)} yet`} action={<Button onClick={onAllCategories}>Show all apps</Button>}>
        Pick another category.
      </EmptyState>
    );
  }
  return <EmptyState title="No apps yet">A platform admin adds app templates under Settings.</EmptyState>;
}

function AppCard({ t }: { t: Template }) {
  const resources = resourcesLabel(t);
  return (
    <article className="card app-card">
      <div className="app-card-head">
        <AppAvatar name={t.name} seed={t.slug} />
        <div className="app-card-title">
          <h2>
            <Link to={`/marketplace/${encodeURIComponent(t.slug)}`} className="stretched-link">
              {t.name}
            </Link>
          </h2>
          <span className="muted">{categoryLabel(t.category)}</span>
        </div>
        <span className={t.monthlyPrice > 0 ? "badge" : "badge badge-success"}>{priceLabel(t.monthlyPrice)}</span>
      </div>
      <p className="app-card-desc">{t.description}</p>
      {!t.active && <span className="badge badge-warning">Inactive (only platform admins see it)</span>}
      {t.tags.length > 0 && (
        <Tags tags={t.tags} />
      )}
      {resources && <p className="muted app-card-res">Needs at least {resources}</p>}
    </article>
  );
}
