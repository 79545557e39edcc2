// What the viewer may do in the assistant of a workspace. The schema has no
// viewerCan… fields for threads yet, so these read the viewer's role the way
// the server's rules state it (SPEC section 3: guests read, members from
// user up chat; a thread is deleted by its author or a workspace admin);
// the server decides again on every mutation.
import type { Role, WorkspaceState } from "../../gql/graphql";
import { atLeast } from "../workspaces/roles";

interface Ws {
  state: WorkspaceState;
  viewerRole: Role;
}

/** Whether the viewer may start threads and write in them. */
export function canChat(ws: Ws): boolean {
  return ws.state === "active" && atLeast(ws.viewerRole, "user");
}

/** Whether the viewer may delete the thread. */
export function canDeleteThread(ws: Ws, thread: { createdBy?: { id: string } | null }, viewerId: string): boolean {
  return canChat(ws) && (thread.createdBy?.id === viewerId || atLeast(ws.viewerRole, "admin"));
}

export function assistantPath(slug: string, threadId?: string): string {
  const base = `/workspaces/${encodeURIComponent(slug)}/assistant`;
  return threadId ? `${base}/${encodeURIComponent(threadId)}` : base;
}
