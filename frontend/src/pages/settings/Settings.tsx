// Placeholder: replaced by the page's implementation.
export function Settings() {
  return <p>Settings</p>;
}
