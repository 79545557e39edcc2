// A service's state as words and colour, the same on every page: green
// running, red error, a spinner while a job works through it, grey stopped.
import { useTranslation } from "react-i18next";
import type { ServiceState } from "../gql/graphql";
import { i18n } from "../i18n";
import { Spinner } from "./ui";

/** States a background job is working through. */
export const transitional: ServiceState[] = [
  "pending",
  "deploying",
  "initializing",
  "upgrading",
  "stopping",
  "starting",
  "deleting",
];

export function isTransitional(state: string): boolean {
  return (transitional as string[]).includes(state);
}

/**
 * States in which the app answers at its address: only then is the address
 * a link (a service that never deployed, failed or stopped shows it as text).
 */
export function serving(state: string): boolean {
  return state === "running" || state === "upgrading";
}

// Keys, translated when asked for (the language may change meanwhile).
const labels = {
  pending: "state.pending",
  deploying: "state.deploying",
  initializing: "state.initializing",
  running: "state.running",
  upgrading: "state.upgrading",
  stopping: "state.stopping",
  stopped: "state.stopped",
  starting: "state.starting",
  deleting: "state.deleting",
  gone: "state.gone",
  error: "state.error",
} as const satisfies Record<ServiceState, string>;

/** The state in the app's language; a state this build does not know, as the server says it. */
export function stateLabel(state: string): string {
  const key = labels[state as ServiceState];
  return key ? i18n.t(key, { ns: "services" }) : state;
}

export function stateClass(state: string): string {
  if (state === "running") return "badge badge-success";
  if (state === "error") return "badge badge-danger";
  if (isTransitional(state)) return "badge badge-info";
  return "badge";
}

export function ServiceStateBadge({ state }: { state: string }) {
  // Subscribed, so that the badge re-renders when the language changes.
  useTranslation("services");
  return (
    <span className={stateClass(state)} data-testid="state-badge">
      {isTransitional(state) && <Spinner label={`${stateLabel(state)}…`} />}
      {stateLabel(state)}
    </span>
  );
}
