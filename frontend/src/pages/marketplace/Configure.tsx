// Placeholder: replaced by the page's implementation.
export function Configure() {
  return <p>Configure</p>;
}
