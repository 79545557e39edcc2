// Shared bits of the marketplace pages: category names, prices, resources and
// the app avatar (a coloured initial: no icon font is available offline).
import { useTranslation } from "react-i18next";
import type { AppTemplateCategory } from "../../gql/graphql";
import i18n from "../../i18n";

export const categories: AppTemplateCategory[] = ["ai_llm", "automation", "database", "analytics", "devops", "web", "container"];

export function isCategory(s: string | null | undefined): s is AppTemplateCategory {
  return !!s && (categories as string[]).includes(s);
}

/** A category's name in the app's language; an unknown one as it is. */
export function categoryLabel(c: string): string {
  return isCategory(c) ? i18n.t(`catalog:categories.${c}`) : c;
}

/** "Free" or "$9.50 / month", the number written in the app's language. */
export function priceLabel(monthly: number): string {
  if (!(monthly > 0)) return i18n.t("catalog:price.free");
  const price = new Intl.NumberFormat(i18n.resolvedLanguage, {
    style: "currency",
    currency: "USD",
    maximumFractionDigits: Number.isInteger(monthly) ? 0 : 2,
  }).format(monthly);
  return i18n.t("catalog:price.perMonth", { price });
}

const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(n * 10 === Math.round(n * 10) ? 1 : 2));

/** "0.5 vCPU · 1 GB RAM · 5 GB storage", leaving out what is zero. */
export function resourcesLabel(t: { minVcpu: number; minRAMGB: number; minStorageGB: number }): string {
  const parts: string[] = [];
  if (t.minVcpu > 0) parts.push(i18n.t("catalog:resources.vcpu", { n: num(t.minVcpu) }));
  if (t.minRAMGB > 0) parts.push(i18n.t("catalog:resources.ram", { n: num(t.minRAMGB) }));
  if (t.minStorageGB > 0) parts.push(i18n.t("catalog:resources.storage", { n: num(t.minStorageGB) }));
  return parts.join(" · ");
}

const tones = ["primary", "success", "warning", "info", "danger"] as const;

function hash(s: string): number {
  // FNV-1a: spreads short, similar names over the tones.
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** A coloured initial standing in for the template's icon (decorative). */
export function AppAvatar({ name, seed, size = "md" }: { name: string; seed?: string; size?: "md" | "lg" }) {
  const tone = tones[hash(seed || name) % tones.length];
  const letter = (name.trim()[0] ?? "?").toUpperCase();
  return (
    <span className={`app-avatar app-avatar-${tone}${size === "lg" ? " app-avatar-lg" : ""}`} aria-hidden="true">
      {letter}
    </span>
  );
}

/** An app's tags as a list of chips. */
export function Tags({ tags }: { tags: string[] }) {
  const { t } = useTranslation("catalog");
  return (
    <ul className="tags" aria-label={t("tags")}>
      {tags.map((tag) => (
        <li key={tag} className="tag">
          {tag}
        </li>
      ))}
    </ul>
  );
}
