// What an OAuth client asks for, in the server's words, one scope a line.
import { useTranslation } from "react-i18next";

export function ScopeList({ scopes }: { scopes: { name: string; description: string }[] }) {
  const { t } = useTranslation("oauth");
  if (!scopes.length) return <p className="muted">{t("scopes.none")}</p>;
  return (
    <ul className="oauth-scopes">
      {scopes.map((s) => (
        <li key={s.name}>
          <span>{s.description}</span> <code className="muted oauth-scope-name">{s.name}</code>
        </li>
      ))}
    </ul>
  );
}
