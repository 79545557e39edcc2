// Placeholder: replaced by the page's implementation.
export function Dashboard() {
  return <p>Dashboard</p>;
}
