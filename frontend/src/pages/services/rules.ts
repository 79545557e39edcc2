// What the service page may offer is the server's to say: each Service
// carries viewerCan* fields, decided by the rules of the mutations (the
// viewer's role and the service's state). They change with the state, so
// everything that brings a new state (the mutations' payloads, the live
// events, the poll while a job runs) selects them too: ...ServiceViewerCan.
import { graphql } from "../../gql";
import type { ServiceState } from "../../gql/graphql";

export { isTransitional, stateClass, stateLabel, transitional } from "../../components/ServiceState";

export const ServiceViewerCanFragment = graphql(`
  fragment ServiceViewerCan on Service {
    viewerCanUpdate
    viewerCanStop
    viewerCanStart
    viewerCanRollback
    viewerCanDelete
    viewerCanInspect
  }
`);

/** States where an operation has ended: the page reloads what it changed. */
export const settled: ServiceState[] = ["running", "stopped", "error", "gone"];
