// Pieces the smart home pages share: the fields a home is shown with, its
// state and tunnel status in words, and the Home Assistant setup help.
import { Trans, useTranslation } from "react-i18next";
import { graphql } from "../../gql";
import type { SmartHomeState, SmartHomeTunnelStatus } from "../../gql/graphql";
import { RelativeTime, Spinner } from "../../components/ui";
import { i18n } from "../../i18n";

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

const smartHomeStates: readonly string[] = ["pending", "provisioning", "active", "error", "deleting", "gone"];

/** A state's name in the app's language; a state this app does not know yet shows as the server says it. */
export function smartHomeStateLabel(state: string): string {
  return smartHomeStates.includes(state) ? i18n.t(`states.${state as SmartHomeState}`, { ns: "smarthomes" }) : state;
}

/** The state as a word within a sentence ("the home is pending"). */
export function smartHomeStateInSentence(state: string): string {
  return smartHomeStates.includes(state)
    ? i18n.t(`statesInSentence.${state as SmartHomeState}`, { ns: "smarthomes" })
    : state;
}

export function SmartHomeStateBadge({ state }: { state: string }) {
  // Subscribes the badge to a change of language.
  useTranslation("smarthomes");
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

const tunnelStatuses: readonly string[] = ["connected", "disconnected", "error", "unknown", "deleted"];

export function tunnelStatusLabel(status: string): string {
  return tunnelStatuses.includes(status)
    ? i18n.t(`tunnelStatus.${status as SmartHomeTunnelStatus}`, { ns: "smarthomes" })
    : status;
}

export function TunnelStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation("smarthomes");
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
      <span className="visually-hidden">{t("tunnelStatus.label")}</span>
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
  const { t } = useTranslation("smarthomes");
  switch (home.tunnelStatus) {
    case "connected": {
      // One sentence per combination of what the connector reported.
      const key = home.connectorType
        ? home.connectedSince
          ? "tunnelText.connectedTypeSince"
          : "tunnelText.connectedType"
        : home.connectedSince
          ? "tunnelText.connectedSince"
          : "tunnelText.connected";
      return (
        <Trans
          t={t}
          i18nKey={key}
          values={{ id: home.connectorID || t("tunnelText.unknownConnector"), type: home.connectorType }}
          components={{ code: <code />, when: home.connectedSince ? <RelativeTime value={home.connectedSince} /> : <></> }}
        />
      );
    }
    case "disconnected":
      return <>{t("tunnelText.disconnected")}</>;
    case "error":
      return <>{t("tunnelText.error")}</>;
    case "deleted":
      return <>{t("tunnelText.deleted")}</>;
    default:
      return <>{t("tunnelText.unknown")}</>;
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
  const { t } = useTranslation("smarthomes");
  return (
    <section className="card stack" aria-labelledby="sh-help-h">
      <h2 id="sh-help-h">{t("help.title")}</h2>
      <ol className="stack" style={{ margin: 0, paddingLeft: "1.25rem", gap: "0.5rem" }}>
        <li>
          <Trans t={t} i18nKey="help.connector" components={{ code: <code />, command: <RunCommand /> }} />
        </li>
        <li>
          <Trans
            t={t}
            i18nKey="help.port"
            values={{ port: haPort }}
            components={{ strong: <strong />, code: <code /> }}
          />
        </li>
        <li>
          <Trans t={t} i18nKey="help.config" components={{ code: <code /> }} />
          <pre className="sh-snippet">
            <code>{haConfigSnippet}</code>
          </pre>
          <Trans t={t} i18nKey="help.configWhy" components={{ strong: <strong /> }} />
        </li>
      </ol>
    </section>
  );
}

/** The command, kept out of the translations: its "<token>" would read as a tag there. */
function RunCommand() {
  // i18n-ignore: a command to type as it is
  return <code>cloudflared tunnel run --token &lt;token&gt;</code>;
}
