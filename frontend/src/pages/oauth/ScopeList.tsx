// What an OAuth client asks for, in the server's words, one scope a line.
export function ScopeList({ scopes }: { scopes: { name: string; description: string }[] }) {
  if (!scopes.length) return <p className="muted">Nothing beyond knowing who you are.</p>;
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
