// Placeholder: replaced by the page's implementation.
export function WorkspaceDetail() {
  return <p>WorkspaceDetail</p>;
}
