// What the viewer may do in the assistant of a workspace: the server's
// viewerCan… fields, decided by the same rules as the mutations (the server
// decides again on every mutation).

/** Whether the viewer may start threads and write in them. */
export function canChat(ws: { viewerCanChat: boolean }): boolean {
  return ws.viewerCanChat;
}

/** Whether the viewer may delete the thread. */
export function canDeleteThread(thread: { viewerCanDelete: boolean }): boolean {
  return thread.viewerCanDelete;
}

export function assistantPath(slug: string, threadId?: string): string {
  const base = `/workspaces/${encodeURIComponent(slug)}/assistant`;
  return threadId ? `${base}/${encodeURIComponent(threadId)}` : base;
}
