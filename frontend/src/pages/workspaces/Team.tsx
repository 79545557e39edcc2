// Placeholder: replaced by the page's implementation.
export function Team() {
  return <p>Team</p>;
}
