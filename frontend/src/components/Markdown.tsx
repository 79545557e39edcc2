// Placeholder with the agreed interface; the GraphiQL/Markdown helper implements it.
export function Markdown({ source }: { source: string }) {
  return <p>{source}</p>;
}
