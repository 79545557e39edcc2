// Shared bits of the marketplace pages: category names, prices, resources and
// the app avatar (a coloured initial: no icon font is available offline).
import type { AppTemplateCategory } from "../../gql/graphql";

export const categoryLabels: Record<AppTemplateCategory, string> = {
  ai_llm: "AI & LLM",
  automation: "Automation",
  database: "Databases",
  analytics: "Analytics",
  devops: "DevOps",
  web: "Web apps",
  container: "Containers",
};

export const categories = Object.keys(categoryLabels) as AppTemplateCategory[];

export function isCategory(s: string | null | undefined): s is AppTemplateCategory {
  return !!s && s in categoryLabels;
}

export function categoryLabel(c: string): string {
  return isCategory(c) ? categoryLabels[c] : c;
}

const money = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const wholeMoney = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });

/** "Free" or "$9.50 / month". */
export function priceLabel(monthly: number): string {
  if (!(monthly > 0)) return "Free";
  return `${(Number.isInteger(monthly) ? wholeMoney : money).format(monthly)} / month`;
}

const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(n * 10 === Math.round(n * 10) ? 1 : 2));

/** "0.5 vCPU · 1 GB RAM · 5 GB storage", leaving out what is zero. */
export function resourcesLabel(t: { minVcpu: number; minRAMGB: number; minStorageGB: number }): string {
  const parts: string[] = [];
  if (t.minVcpu > 0) parts.push(`${num(t.minVcpu)} vCPU`);
  if (t.minRAMGB > 0) parts.push(`${num(t.minRAMGB)} GB RAM`);
  if (t.minStorageGB > 0) parts.push(`${num(t.minStorageGB)} GB storage`);
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
  return (
    <ul className="tags" aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag} className="tag">
          {tag}
        </li>
      ))}
    </ul>
  );
}
