// Placeholder: replaced by the page's implementation.
export function Marketplace() {
  return <p>Marketplace</p>;
}
