package main

// The viewerCan fields and the mutations they describe are decided by the
// same rules (package policy, and deploy's state machine): for every role,
// in an active and an archived workspace, each field says true exactly
// when its mutation is accepted. A web app that shows what the fields
// allow can then never offer what the server refuses, nor hide what it
// allows.

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

const viewerCanWorkspaceQuery = `query($slug: String!) { workspace(slug: $slug) {
	viewerCanUpdate viewerCanManageMembers viewerCanAdminister viewerCanDeploy viewerCanLeave
	viewerCanChat viewerCanEditProjects } }`

// refused reports whether errs is an authorisation refusal (not a fault
// of the input, which is looked at only once the viewer may act).
func refused(errs []gqlErr) bool {
	switch outcome(errs) {
	case "FORBIDDEN", "NOT_FOUND", "CONFLICT", "UNAUTHENTICATED":
		return true
	}
	return false
}

func TestViewerCanAgreesWithMutations(t *testing.T) {
	charts := t.TempDir()
	env := newTestEnv(t)
	env["WOOW_CHART_DIRS"] = charts
	srv := startServer(t, env)
	base := srv.URL
	writeChart(t, filepath.Join(charts, "e2eapp"))

	root := register(t, base, "root@perm.test", "Root")
	people := map[string]*account{}
	for _, p := range []string{"owner", "admin", "user", "guest"} {
		people[p] = register(t, base, p+"@perm.test", p)
	}
	outsider := register(t, base, "outsider@perm.test", "Outsider")
	data := root.mustDo(t, createTemplateMut, map[string]any{"input": map[string]any{
		"name": "Perm App", "slug": "perm-app", "category": "web", "chartRef": filepath.Join(charts, "e2eapp"),
		"valueSpecs": map[string]any{"required": []any{}, "optional": []any{}},
	}})
	tplID := pick[string](t, data, "createAppTemplate.appTemplate.id")

	newWorkspace := func(name string) (id, slug string) {
		owner := people["owner"]
		data := owner.mustDo(t, createWorkspaceMut, map[string]any{"name": name})
		id, slug = pick[string](t, data, "createWorkspace.workspace.id"), pick[string](t, data, "createWorkspace.workspace.slug")
		for _, p := range []string{"admin", "user", "guest"} {
			join(t, owner, people[p], id, p)
		}
		return id, slug
	}

	// Each field against its mutation, with input that fails once
	// authorised (an empty name, a non-member), so that nothing changes
	// and "accepted" means "refused for its input, not for who asks".
	check := func(t *testing.T, who string, c *account, wsID, slug string) {
		data := c.mustDo(t, viewerCanWorkspaceQuery, map[string]any{"slug": slug})
		mutations := map[string]func() []gqlErr{
			"viewerCanUpdate": func() []gqlErr {
				_, errs := c.do(t, updateWorkspaceMut, map[string]any{"id": wsID, "name": ""})
				return errs
			},
			"viewerCanManageMembers": func() []gqlErr {
				_, errs := c.do(t, updateRoleMutation, map[string]any{"ws": wsID, "user": outsider.id, "role": "user"})
				return errs
			},
			"viewerCanAdminister": func() []gqlErr {
				_, errs := c.do(t, transferOwnershipMut, map[string]any{"ws": wsID, "user": outsider.id})
				return errs
			},
			"viewerCanDeploy": func() []gqlErr {
				_, errs := c.do(t, deployServiceMut, map[string]any{"input": map[string]any{
					"workspaceId": wsID, "templateId": tplID, "name": "", "values": map[string]any{}}})
				return errs
			},
			"viewerCanChat": func() []gqlErr {
				_, errs := c.do(t, createThreadMut, map[string]any{"in": map[string]any{"workspaceId": wsID, "title": strings.Repeat("x", 201)}})
				return errs
			},
			"viewerCanEditProjects": func() []gqlErr {
				_, errs := c.do(t, createProjectMut, map[string]any{"in": map[string]any{"workspaceId": wsID, "name": ""}})
				return errs
			},
		}
		for field, try := range mutations {
			can := pick[bool](t, data, "workspace."+field)
			errs := try()
			if len(errs) == 0 {
				t.Fatalf("%s: the probe of %s changed something", who, field)
			}
			if can == refused(errs) {
				t.Errorf("%s: %s = %v, but its mutation answered %s", who, field, can, outcome(errs))
			}
		}
		// Leaving is the last thing each persona does here.
		can := pick[bool](t, data, "workspace.viewerCanLeave")
		_, errs := c.do(t, leaveWorkspaceMut, map[string]any{"ws": wsID})
		if can != (len(errs) == 0) {
			t.Errorf("%s: viewerCanLeave = %v, but leaveWorkspace answered %s", who, can, outcome(errs))
		}
	}

	wsID, slug := newWorkspace("Active")
	for _, p := range []string{"owner", "admin", "user", "guest"} {
		t.Run("active/"+p, func(t *testing.T) { check(t, p, people[p], wsID, slug) })
	}
	wsID, slug = newWorkspace("Archived")
	people["owner"].mustDo(t, archiveWorkspaceMut, map[string]any{"id": wsID})
	for _, p := range []string{"owner", "admin", "user", "guest"} {
		t.Run("archived/"+p, func(t *testing.T) { check(t, p, people[p], wsID, slug) })
	}

	// A service, walked through its states by an admin; at each settled
	// state every operation the fields deny is refused, and the one taken
	// next is allowed. A guest is told no and refused every time.
	t.Run("service", func(t *testing.T) {
		wsID, _ := newWorkspace("Services")
		admin, guest := people["admin"], people["guest"]
		data := admin.mustDo(t, deployServiceMut, map[string]any{"input": map[string]any{
			"workspaceId": wsID, "templateId": tplID, "name": "Perm", "values": map[string]any{}}})
		svcID := pick[string](t, data, "deployService.service.id")
		ops := map[string]string{
			"viewerCanUpdate": updateServiceMut, "viewerCanStop": stopServiceMut, "viewerCanStart": startServiceMut,
			"viewerCanRollback": rollbackMut, "viewerCanDelete": deleteServiceMut,
		}
		vars := func(field string) map[string]any {
			if field == "viewerCanUpdate" {
				return map[string]any{"input": map[string]any{"id": svcID, "values": map[string]any{}}}
			}
			return map[string]any{"id": svcID}
		}
		const q = `query($id: ID!) { node(id: $id) { ... on Service { state helmRevision viewerCanUpdate viewerCanStop
			viewerCanStart viewerCanRollback viewerCanDelete viewerCanInspect } } }`
		settle := func() json.RawMessage {
			deadline := time.Now().Add(svcE2EWaitForEvent)
			for {
				data := admin.mustDo(t, q, map[string]any{"id": svcID})
				switch pick[string](t, data, "node.state") {
				case "running", "stopped", "error", "gone":
					return data
				}
				if time.Now().After(deadline) {
					t.Fatalf("service still %s", pick[string](t, data, "node.state"))
				}
				time.Sleep(50 * time.Millisecond)
			}
		}
		// What SPEC section 4 allows an admin from each settled state.
		allows := map[string][]string{
			"running": {"viewerCanUpdate", "viewerCanStop", "viewerCanRollback", "viewerCanDelete"},
			"stopped": {"viewerCanUpdate", "viewerCanStart", "viewerCanDelete"},
		}
		for _, next := range []string{"viewerCanStop", "viewerCanStart", "viewerCanUpdate", "viewerCanRollback", "viewerCanDelete"} {
			data := settle()
			state := pick[string](t, data, "node.state")
			if !pick[bool](t, data, "node.viewerCanInspect") {
				t.Errorf("%s: an admin may not inspect", state)
			}
			gdata := guest.mustDo(t, q, map[string]any{"id": svcID})
			for field, mut := range ops {
				if pick[bool](t, gdata, "node."+field) {
					t.Errorf("%s: a guest's %s is true", state, field)
				}
				if _, errs := guest.do(t, mut, vars(field)); !refused(errs) {
					t.Errorf("%s: a guest's %s answered %s", state, field, outcome(errs))
				}
				want := slices.Contains(allows[state], field)
				if field == "viewerCanRollback" && pick[int](t, data, "node.helmRevision") < 2 {
					want = false // nothing earlier to go back to
				}
				if pick[bool](t, data, "node."+field) != want {
					t.Errorf("%s: an admin's %s = %v, want %v", state, field, !want, want)
				}
				if field == next {
					continue
				}
				if can := pick[bool](t, data, "node."+field); !can {
					if _, errs := admin.do(t, mut, vars(field)); !refused(errs) {
						t.Errorf("%s: %s is false, but its mutation answered %s", state, field, outcome(errs))
					}
				}
			}
			if !pick[bool](t, data, "node."+next) {
				t.Fatalf("%s: %s is false, want true", state, next)
			}
			admin.mustDo(t, ops[next], vars(next))
		}
	})
}

// writeChart writes the end-to-end test chart into dir.
func writeChart(t *testing.T, dir string) {
	t.Helper()
	for name, body := range svcChartFiles {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
