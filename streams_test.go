package main

// Every stream is a live.Stream: it resumes after a cursor without losing
// what happened in between, and it ends with an error the client reads
// when the subscriber's access ends, whatever the stream.

import (
	"testing"
	"time"
)

const describeMut = `mutation($id: ID!, $d: String) { updateWorkspace(input: {id: $id, description: $d}) { workspace { id } } }`

func TestStreamsResumeAndEndWithAccess(t *testing.T) {
	srv := startServer(t, newTestEnv(t))
	base := srv.URL
	owner := register(t, base, "owner@streams.test", "Olive")
	guest := register(t, base, "guest@streams.test", "Gus")
	wsID := pick[string](t, owner.mustDo(t, createWorkspaceMut, map[string]any{"name": "Streams"}), "createWorkspace.workspace.id")
	join(t, owner, guest, wsID, "guest")

	t.Run("activity resumes after the newest entry read", func(t *testing.T) {
		data := guest.mustDo(t, activityQuery, map[string]any{"ws": wsID, "first": 1})
		newest := pick[string](t, data, "activity.edges.0.node.id")
		// Written after the query and before the subscription: a client
		// without after would never see these.
		for _, d := range []string{"one", "two", "three"} {
			owner.mustDo(t, describeMut, map[string]any{"id": wsID, "d": d})
		}
		ws := mustDialWS(t, base, "guest", wsDial{token: guest.sessionCookie(t), origin: base}, nil)
		defer ws.Close()
		ws.subscribe(t, "a", `subscription($ws: ID!, $after: ID) { activity(workspaceId: $ws, after: $after) { id verb summary actor { name } } }`,
			map[string]any{"ws": wsID, "after": newest})
		for range 3 {
			if e := ws.nextEntry(t, "a", 5*time.Second); e.Verb != "workspace.updated" {
				t.Fatalf("got %+v, want the missed description changes", e)
			}
		}
		owner.mustDo(t, describeMut, map[string]any{"id": wsID, "d": "four"})
		if e := ws.nextEntry(t, "a", 5*time.Second); e.Verb != "workspace.updated" {
			t.Fatalf("got %+v, want the live change", e)
		}
		ws.expectSilence(t, 300*time.Millisecond, "each entry once")
	})

	t.Run("every stream ends with NOT_FOUND when the member is removed", func(t *testing.T) {
		ws := mustDialWS(t, base, "guest", wsDial{token: guest.sessionCookie(t), origin: base}, nil)
		defer ws.Close()
		ws.subscribeActivity(t, "act", wsID)
		ws.subscribe(t, "svc", workspaceSvcSub, map[string]any{"ws": wsID})
		ws.waitLive(t, "act", describer(t, owner.client, wsID, "warm"))

		// A role change asks again, and the answer is still yes.
		owner.mustDo(t, updateRoleMutation, map[string]any{"ws": wsID, "user": guest.id, "role": "user"})
		if e := ws.nextEntry(t, "act", 5*time.Second); e.Verb != "member.role_changed" {
			t.Fatalf("got %+v, want the role change", e)
		}
		ws.expectSilence(t, 300*time.Millisecond, "streams still open after a role change")

		owner.mustDo(t, removeMemberMutation, map[string]any{"ws": wsID, "user": guest.id})
		ended := map[string]bool{}
		for len(ended) < 2 {
			m := ws.recv(t, 5*time.Second)
			switch {
			case m.Type == "complete":
				if !ended[m.ID] {
					t.Fatalf("%s completed without saying why", m.ID)
				}
			case len(opErrors(m)) > 0:
				if got := outcome(opErrors(m)); got != "NOT_FOUND" {
					t.Fatalf("%s ended with %s, want NOT_FOUND", m.ID, got)
				}
				ended[m.ID] = true
			case m.ID == "act":
				if e, err := entryOf(m, "act"); err != nil || e.Verb != "member.removed" {
					t.Fatalf("got %v, want the removal or the end", m)
				}
			default:
				t.Fatalf("unexpected %v", m)
			}
		}
	})
}
