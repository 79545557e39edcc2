// What the service page may offer, mirroring the server (deploy/states.go and
// SPEC section 3): which operation may start from which state, and that only
// workspace admins and owners operate services.
import type { Role, ServiceState } from "../../gql/graphql";

export type Op = "upgrade" | "stop" | "start" | "rollback" | "delete";

const from: Record<Op, ServiceState[]> = {
  upgrade: ["running", "error", "stopped"],
  stop: ["running"],
  start: ["stopped"],
  rollback: ["running", "error"],
  delete: ["pending", "running", "stopped", "error"],
};

/** States a background job is working through (the badge shows a spinner). */
export const transitional: ServiceState[] = [
  "pending",
  "deploying",
  "initializing",
  "upgrading",
  "stopping",
  "starting",
  "deleting",
];

/** States where an operation has ended: the page reloads what it changed. */
export const settled: ServiceState[] = ["running", "stopped", "error", "gone"];

export function canOperate(role: Role | null | undefined): boolean {
  return role === "admin" || role === "owner";
}

/** Whether the viewer may start op on a service in state. */
export function allowed(op: Op, state: ServiceState, role: Role | null | undefined): boolean {
  return canOperate(role) && from[op].includes(state);
}

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
