// The marketplace: the app templates, by category and search. The filters
// live in the URL (?q=&category=) so that a reload or a shared link keeps them.
import { useEffect, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { graphql } from "../../gql";
import type { MarketplaceTemplatesQuery } from "../../gql/graphql";
import { Button, EmptyState, ErrorMessage, Loading, PageHeader, Spinner } from "../../components/ui";
import i18n from "../../i18n";
import { localized } from "../../lib/localized";
import { AppAvatar, Tags, categories, categoryLabel, isCategory, priceLabel, resourcesLabel } from "./format";

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
          translations {
            locale
            description
          }
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
  const { t } = useTranslation("catalog");
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
      <PageHeader title={t("marketplace.title")} description={t("marketplace.description")} />
      <div className="market-filters stack">
        <div className="market-search field">
          <label htmlFor="market-search" className="visually-hidden">
            {t("marketplace.search")}
          </label>
          <input
            id="market-search"
            className="input"
            type="search"
            placeholder={t("marketplace.searchPlaceholder")}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") update({ q: text.trim() });
            }}
          />
        </div>
        <div className="chips" role="group" aria-label={t("marketplace.category")}>
          <button type="button" className="chip" aria-pressed={category === null} onClick={() => update({ category: null })}>
            {t("marketplace.all")}
          </button>
          {categories.map((c) => (
            <button key={c} type="button" className="chip" aria-pressed={category === c} onClick={() => update({ category: c })}>
              {categoryLabel(c)}
            </button>
          ))}
        </div>
      </div>

      <ErrorMessage error={error} />
      {fetching && !data ? (
        <Loading label={t("marketplace.loading")} />
      ) : data && templates.length === 0 ? (
        <NoResults q={q} category={category} onClearSearch={clearSearch} onAllCategories={() => update({ category: null })} />
      ) : (
        <>
          <p className="muted market-count" aria-live="polite">
            {(fetching || pending) && <Spinner label={t("marketplace.searching")} />}{" "}
            {data && countLabel(templates.length, category, q)}
          </p>
          <ul className="grid app-grid" aria-label={t("marketplace.apps")}>
            {templates.map((tpl) => (
              <li key={tpl.id}>
                <AppCard t={tpl} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** "3 apps in Databases matching “post”", the parts that apply. */
function countLabel(count: number, category: string | null, q: string): string {
  const c = category ? categoryLabel(category) : "";
  if (category && q) return i18n.t("catalog:marketplace.countInMatching", { count, category: c, q });
  if (category) return i18n.t("catalog:marketplace.countIn", { count, category: c });
  if (q) return i18n.t("catalog:marketplace.countMatching", { count, q });
  return i18n.t("catalog:marketplace.count", { count });
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
  const { t } = useTranslation("catalog");
  if (q) {
    return (
      <EmptyState
        title={
          category
            ? t("marketplace.noMatchIn", { q, category: categoryLabel(category) })
            : t("marketplace.noMatch", { q })
        }
        action={
          <div className="row" style={{ justifyContent: "center" }}>
            <Button onClick={onClearSearch}>{t("marketplace.clearSearch")}</Button>
            {category && <Button onClick={onAllCategories}>{t("marketplace.allCategories")}</Button>}
          </div>
        }
      >
        {t("marketplace.tryAnother")}
      </EmptyState>
    );
  }
  if (category) {
    return (
      <EmptyState
        title={t("marketplace.noneIn", { category: categoryLabel(category) })}
        action={<Button onClick={onAllCategories}>{t("marketplace.allApps")}</Button>}
      >
        {t("marketplace.pickAnother")}
      </EmptyState>
    );
  }
  return <EmptyState title={t("marketplace.none")}>{t("marketplace.noneHint")}</EmptyState>;
}

function AppCard({ t }: { t: Template }) {
  const { t: tr } = useTranslation("catalog");
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
      <p className="app-card-desc">{localized(t, "description")}</p>
      {!t.active && <span className="badge badge-warning">{tr("marketplace.inactive")}</span>}
      {t.tags.length > 0 && (
        <Tags tags={t.tags} />
      )}
      {resources && <p className="muted app-card-res">{tr("marketplace.needs", { resources })}</p>}
    </article>
  );
}
