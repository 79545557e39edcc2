// Placeholder: replaced by the page's implementation.
export function ServiceDetail() {
  return <p>ServiceDetail</p>;
}
