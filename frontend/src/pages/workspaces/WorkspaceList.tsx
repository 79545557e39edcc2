// Placeholder: replaced by the page's implementation.
export function WorkspaceList() {
  return <p>WorkspaceList</p>;
}
