// A service's state as words and colour, the same on every page: green
// running, red error, a spinner while a job works through it, grey stopped.
import type { ServiceState } from "../gql/graphql";
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

const labels: Record<ServiceState, string> = {
  pending: "Pending",
  deploying: "Deploying",
  initializing: "Initializing",
  running: "Running",
  upgrading: "Upgrading",
  stopping: "Stopping",
  stopped: "Stopped",
  starting: "Starting",
  deleting: "Deleting",
  gone: "Deleted",
  error: "Error",
};

export function stateLabel(state: string): string {
  return labels[state as ServiceState] ?? state;
}

export function stateClass(state: string): string {
  if (state === "running") return "badge badge-success";
  if (state === "error") return "badge badge-danger";
  if (isTransitional(state)) return "badge badge-info";
  return "badge";
}

export function ServiceStateBadge({ state }: { state: string }) {
  return (
    <span className={stateClass(state)} data-testid="state-badge">
      {isTransitional(state) && <Spinner label={`${stateLabel(state)}…`} />}
      {stateLabel(state)}
    </span>
  );
}
