package main

import (
	"slices"
	"testing"

	"github.com/woowtech/woow-paas/activity/activitytest"
)

// TestActivityParams: the feed over GraphQL carries each entry's params,
// and they say its summary in its verb's English sentence, for the
// entries of the board and the assistant (whose domains have no tests of
// their own package) and of the workspace and its members.
func TestActivityParams(t *testing.T) {
	b := newBoard(t)
	c := b.c
	task := b.task(t, c.bob, b.todo, "Fix the printer", nil)
	c.bob.mustDo(t, deleteTaskMut, map[string]any{"id": task})
	c.owner.mustDo(t, `mutation($id: ID!) { deleteProject(input: {id: $id}) { deletedId } }`, map[string]any{"id": b.other})
	c.bob.mustDo(t, deleteThreadMut, map[string]any{"id": c.quiet})

	data := c.owner.mustDo(t, `query($ws: ID!) { activity(workspaceId: $ws, first: 50) { edges { node { verb summary params } } } }`,
		map[string]any{"ws": c.ws})
	var verbs []string
	for _, e := range pick[[]struct {
		Node struct {
			Verb, Summary string
			Params        map[string]string
		}
	}](t, data, "activity.edges") {
		n := e.Node
		if got, ok := activitytest.English(n.Verb, n.Params); !ok || got != n.Summary {
			t.Errorf("%s with params %s says %q, the summary %q", n.Verb, activitytest.Format(n.Params), got, n.Summary)
		}
		verbs = append(verbs, n.Verb)
	}
	for _, v := range []string{"workspace.created", "member.invited", "member.joined", "project.created", "project.deleted",
		"task.created", "task.deleted", "thread.created", "thread.deleted"} {
		if !slices.Contains(verbs, v) {
			t.Errorf("no %s entry in the feed: %v", v, verbs)
		}
	}
}
