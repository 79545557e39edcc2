// The first tab's query when the explorer has nothing saved yet.
export const defaultQuery = `# Woow PaaS GraphQL explorer
#
# Requests run as you, with your Woow PaaS session
# (sign in to Woow PaaS first, or viewer is null).
# Run: Ctrl+Enter (⌘+Enter). Complete: Ctrl+Space.
# Schema: the Docs button on the left.

query ExplorerViewer {
  viewer {
    id
    name
    email
  }
  workspaces(first: 5) {
    edges {
      node {
        id
        name
        slug
      }
    }
  }
}

# Subscriptions stream over a WebSocket. To try one,
# paste this into a new tab (+), put in a workspace id
# from the result above and run it; then change that
# workspace (e.g. rename it) and watch events arrive.
#
# subscription ExplorerActivity {
#   activity(workspaceId: "<workspace id>") {
#     id
#     verb
#     summary
#     createdAt
#   }
# }
`;
