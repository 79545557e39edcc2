// Test helpers of the invitation pages: the mock client (answers by
// operation name) and sample invitations as the invitee sees them.
export { mockClient, gqlError, type Answers } from "../../test/mockClient";

export function pending(id: string, workspace: string, over: { role?: string; invitedBy?: string | null; email?: string } = {}) {
  const slug = workspace.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return {
    __typename: "PendingInvitation",
    id,
    role: over.role ?? "user",
    email: over.email ?? "me@x.io",
    invitedBy: over.invitedBy === undefined ? "Olive" : over.invitedBy,
    expiresAt: new Date(Date.now() + 6 * 86_400_000).toISOString(),
    workspace: { __typename: "InvitedWorkspace", id: `w-${slug}`, name: workspace, slug },
  };
}
