// Pieces the smart home pages share: the fields a home is shown with, its
// state and tunnel status in words, and the Home Assistant setup help.
import { graphql } from "../../gql";
import type { SmartHomeState, SmartHomeTunnelStatus } from "../../gql/graphql";
import { RelativeTime, Spinner } from "../../components/ui";

/**
 * What the list, the page and the live stream select of a home, so each
 * event updates every view of it (graphcache normalises by id). Never the
 * tunnel token: that is read on request only (SmartHomeDetail).
 */
export const SmartHomeFieldsFragment = graphql(`
  fragment SmartHomeFields on SmartHome {
    id
    name
    state
    errorMessage
    tunnelID
    tunnelName
    tunnelRoute
    tunnelStatus
    connectorID
    connectorType
    connectedSince
    haPort
    subdomain
    deployedAt
    createdAt
    updatedAt
    viewerCanManage
  }
`);

/** States a background job is working through. */
export const busyStates: SmartHomeState[] = ["pending", "provisioning", "deleting"];

export function isBusy(state: string): boolean {
  return (busyStates as string[]).includes(state);
}

const stateLabels: Record<SmartHomeState, string> = {
  pending: "Pending",
  provisioning: "Provisioning",
  active: "Active",
  error: "Error",
  deleting: "Deleting",
  gone: "Deleted",
};

export function smartHomeStateLabel(state: string): string {
  return stateLabels[state as SmartHomeState] ?? state;
}

export function SmartHomeStateBadge({ state }: { state: string }) {
  const cls =
    state === "active"
      ? "badge badge-success"
      : state === "error"
        ? "badge badge-danger"
        : isBusy(state)
          ? "badge badge-info"
          : "badge";
  return (
    <span className={cls} data-testid="state-badge">
      {isBusy(state) && <Spinner label={`${smartHomeStateLabel(state)}…`} />}
      {smartHomeStateLabel(state)}
    </span>
  );
}

const tunnelLabels: Record<SmartHomeTunnelStatus, string> = {
  connected: "Connected",
  disconnected: "Disconnected",
  error: "Error",
  unknown: "Unknown",
  deleted: "Deleted",
};

export function tunnelStatusLabel(status: string): string {
  return tunnelLabels[status as SmartHomeTunnelStatus] ?? status;
}

export function TunnelStatusBadge({ status }: { status: string }) {
  const cls =
    status === "connected"
      ? "badge badge-success"
      : status === "error"
        ? "badge badge-danger"
        : status === "disconnected"
          ? "badge badge-warning"
          : "badge";
  return (
    <span className={cls}>
      <span className="visually-hidden">Tunnel: </span>
      {tunnelStatusLabel(status)}
    </span>
  );
}

/** The tunnel's status in a sentence: who is connected and since when, or why not. */
export function TunnelStatusText({
  home,
}: {
  home: { tunnelStatus: string; connectorID: string; connectorType: string; connectedSince?: string | null };
}) {
  switch (home.tunnelStatus) {
    case "connected":
      return (
        <>
          Connected: connector <code>{home.connectorID || "unknown"}</code>
          {home.connectorType && <>, {home.connectorType}</>}
          {home.connectedSince && (
            <>
              , since <RelativeTime value={home.connectedSince} />
            </>
          )}
          .
        </>
      );
    case "disconnected":
      return <>Disconnected: no connector is running for this tunnel. Start cloudflared in Home Assistant with the token.</>;
    case "error":
      return <>Error: Cloudflare reports the tunnel as unhealthy.</>;
    case "deleted":
      return <>Deleted: the tunnel no longer exists on Cloudflare.</>;
    default:
      return <>Unknown: the status has not been read from Cloudflare yet. Refresh it to check.</>;
  }
}

export const haConfigSnippet = `http:
  use_x_forwarded_for: true
  trusted_proxies:
    - 127.0.0.1        # cloudflared run by the integration
    - ::1
    - 172.30.33.0/24   # the Cloudflared add-on's network
`;

/** How to connect Home Assistant to the home's tunnel. */
export function HomeAssistantHelp({ haPort }: { haPort: number }) {
  return (
    <section className="card stack" aria-labelledby="sh-help-h">
      <h2 id="sh-help-h">Home Assistant setup</h2>
      <ol className="stack" style={{ margin: 0, paddingLeft: "1.25rem", gap: "0.5rem" }}>
        <li>
          Install the Woow PaaS integration in Home Assistant and sign in with your Woow PaaS account: it fetches the
          tunnel token and runs the connector. Or run <code>cloudflared</code> (for example the Cloudflared add-on) with
          the tunnel token: <code>cloudflared tunnel run --token &lt;token&gt;</code>.
        </li>
        <li>
          Home Assistant must listen on port <strong>{haPort}</strong> on the machine that runs the connector: the
          tunnel sends requests to <code>http://localhost:{haPort}</code>.
        </li>
        <li>
          Add this to <code>configuration.yaml</code> and restart Home Assistant:
          <pre className="sh-snippet">
            <code>{haConfigSnippet}</code>
          </pre>
          Without it Home Assistant answers <strong>"400: Bad Request"</strong> through the tunnel: requests arrive
          from the local connector with forwarded headers, which Home Assistant refuses from a proxy it does not trust.
          This is the most common error with the Cloudflared add-on.
        </li>
      </ol>
    </section>
  );
}
