// What the service page may offer, mirroring the server (deploy/states.go and
// SPEC section 3): which operation may start from which state, and that only
// workspace admins and owners operate services.
import type { Role, ServiceState } from "../../gql/graphql";

export { isTransitional, stateClass, stateLabel, transitional } from "../../components/ServiceState";

export type Op = "upgrade" | "stop" | "start" | "rollback" | "delete";

const from: Record<Op, ServiceState[]> = {
  upgrade: ["running", "error", "stopped"],
  stop: ["running"],
  start: ["stopped"],
  rollback: ["running", "error"],
  delete: ["pending", "running", "stopped", "error"],
};

/** States where an operation has ended: the page reloads what it changed. */
export const settled: ServiceState[] = ["running", "stopped", "error", "gone"];

export function canOperate(role: Role | null | undefined): boolean {
  return role === "admin" || role === "owner";
}

/** Whether the viewer may start op on a service in state. */
export function allowed(op: Op, state: ServiceState, role: Role | null | undefined): boolean {
  return canOperate(role) && from[op].includes(state);
}
