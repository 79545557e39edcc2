// Test helpers of the smart home pages: a home as the server answers it.
export { mockClient, gqlError, badInput, opName } from "../../test/mockClient";

export function home(id: string, name: string, state = "active", more: Record<string, unknown> = {}) {
  return {
    __typename: "SmartHome",
    id,
    name,
    state,
    errorMessage: state === "error" ? "Cloudflare refused the tunnel: name taken" : "",
    tunnelID: state === "pending" ? "" : "c1a2b3c4-0000-4000-8000-000000000001",
    tunnelName: "woow-sm-0f3c",
    tunnelRoute: state === "active" ? `https://paas-sm-shop-co-${id}.woowtech.io` : "",
    tunnelStatus: state === "active" ? "disconnected" : "unknown",
    connectorID: "",
    connectorType: "",
    connectedSince: null,
    haPort: 8123,
    subdomain: `paas-sm-shop-co-${id}.woowtech.io`,
    deployedAt: state === "active" ? "2026-12-01T10:00:00Z" : null,
    createdAt: "2026-12-01T09:59:00Z",
    updatedAt: "2026-12-01T10:00:00Z",
    viewerCanManage: true,
    ...more,
  };
}

export function homesConnection(nodes: object[]) {
  return {
    __typename: "SmartHomeConnection",
    totalCount: nodes.length,
    edges: nodes.map((node) => ({ __typename: "SmartHomeEdge", node })),
  };
}
