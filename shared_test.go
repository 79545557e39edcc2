package main

// Renderings are shared between subscribers only when the selection is
// all @shared: two viewers with different rights who subscribe with the
// same operation and variables each get their own answer.

import (
	"path/filepath"
	"testing"
	"time"
)

func TestSharedRenderingsFollowRights(t *testing.T) {
	charts := t.TempDir()
	env := newTestEnv(t)
	env["WOOW_CHART_DIRS"] = charts
	srv := startServer(t, env)
	base := srv.URL
	writeChart(t, filepath.Join(charts, "e2eapp"))

	root := register(t, base, "root@shared.test", "Root")
	owner := register(t, base, "owner@shared.test", "Olive")
	guest := register(t, base, "guest@shared.test", "Gus")
	data := root.mustDo(t, createTemplateMut, map[string]any{"input": map[string]any{
		"name": "Shared App", "slug": "shared-app", "category": "web", "chartRef": filepath.Join(charts, "e2eapp"),
		"valueSpecs": map[string]any{"required": []any{}, "optional": []any{}},
	}})
	tplID := pick[string](t, data, "createAppTemplate.appTemplate.id")
	wsID := pick[string](t, owner.mustDo(t, createWorkspaceMut, map[string]any{"name": "Shared"}), "createWorkspace.workspace.id")
	join(t, owner, guest, wsID, "guest")

	// The same text and variables for both; "after" replays what changed
	// since, so nothing is missed before the streams are live.
	const personal = `subscription($ws: ID!, $after: Time) { workspaceServices(workspaceId: $ws, after: $after) {
		id name state viewerCanInspect viewerCanDelete viewerCanStop } }`
	const plain = `subscription($ws: ID!, $after: Time) { workspaceServices(workspaceId: $ws, after: $after) { id name state } }`
	vars := map[string]any{"ws": wsID, "after": "2000-01-01T00:00:00Z"}
	streams := map[string]*wsClient{}
	for name, a := range map[string]*account{"owner": owner, "guest": guest} {
		ws := mustDialWS(t, base, name, wsDial{token: a.sessionCookie(t), origin: base}, nil)
		defer ws.Close()
		ws.subscribe(t, "personal", personal, vars)
		ws.subscribe(t, "plain", plain, vars)
		streams[name] = ws
	}

	data = owner.mustDo(t, deployServiceMut, map[string]any{"input": map[string]any{
		"workspaceId": wsID, "templateId": tplID, "name": "Shared", "values": map[string]any{}}})
	svcID := pick[string](t, data, "deployService.service.id")

	// What each may do, asked over HTTP: the streams must say the same.
	const canQuery = `query($id: ID!) { node(id: $id) { ... on Service { viewerCanInspect } } }`
	if !pick[bool](t, owner.mustDo(t, canQuery, map[string]any{"id": svcID}), "node.viewerCanInspect") ||
		pick[bool](t, guest.mustDo(t, canQuery, map[string]any{"id": svcID}), "node.viewerCanInspect") {
		t.Fatal("want the owner, not the guest, to inspect services: the test needs viewers whose rights differ")
	}

	type svc struct {
		ID, Name, State                                  string
		ViewerCanInspect, ViewerCanDelete, ViewerCanStop *bool
	}
	for name, ws := range streams {
		// Until both streams of this viewer have shown the service running.
		running := map[string]bool{}
		deadline := time.Now().Add(svcE2EWaitForEvent)
		for !running["personal"] || !running["plain"] {
			m, ok, timedOut := ws.tryRecv(time.Until(deadline))
			if !ok || timedOut {
				t.Fatalf("%s: no running service within %s (running: %v)", name, svcE2EWaitForEvent, running)
			}
			s := svcNext[svc](t, m, m.ID, "workspaceServices")
			if s.ID != svcID || s.Name != "Shared" {
				t.Fatalf("%s: %s: got %+v", name, m.ID, s)
			}
			if s.State == "running" {
				running[m.ID] = true
			}
			switch m.ID {
			case "plain":
				if s.ViewerCanInspect != nil {
					t.Fatalf("%s: plain: %s: fields it did not select", name, m.Payload)
				}
			case "personal":
				if s.ViewerCanInspect == nil || s.ViewerCanDelete == nil || s.ViewerCanStop == nil {
					t.Fatalf("%s: personal: %s", name, m.Payload)
				}
				if name == "guest" && (*s.ViewerCanInspect || *s.ViewerCanDelete || *s.ViewerCanStop) {
					t.Fatalf("guest got %s: the owner's rights", m.Payload)
				}
				if name == "owner" && !*s.ViewerCanInspect {
					t.Fatalf("owner got %s: the guest's rights", m.Payload)
				}
			default:
				t.Fatalf("%s: unexpected %v", name, m)
			}
		}
	}
}
