package main

// The web app's main pages cost a constant number of SQL statements: a
// workspace with ten services and ten members reads no more than one with
// two of each. The count is the server's own (store.CountStatements, in
// the request log), so it includes the session lookup and the privacy
// checks.

import (
	"bufio"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The pages' queries, as the web app sends them (frontend/src), plus the
// resolved service fields a page may add (values, viewerCan*).
const (
	stmtWorkspacePage = `query WorkspaceDetailPage($slug: String!) {
  workspace(slug: $slug) {
    id name slug description state viewerRole ...WorkspaceViewerCan namespace
    members(first: 0) { totalCount }
    services(first: 100, where: { stateNEQ: gone }, orderBy: { field: NAME, direction: ASC }) {
      totalCount
      edges { node {
        id name state errorMessage url values chartVersion helmRevision ...ServiceViewerCan
        template { id name slug icon }
      } }
    }
  }
}
fragment WorkspaceViewerCan on Workspace { viewerCanUpdate viewerCanManageMembers viewerCanAdminister viewerCanDeploy viewerCanLeave }
fragment ServiceViewerCan on Service { viewerCanUpdate viewerCanStop viewerCanStart viewerCanRollback viewerCanDelete viewerCanInspect }`

	// Without the template edge: url and values find the template alone.
	stmtServicesNoTemplate = `query($slug: String!) { workspace(slug: $slug) {
  services(first: 100) { edges { node { id url values } } } } }`

	stmtTeamPage = `query TeamPage($slug: String!) {
  workspace(slug: $slug) {
    id name slug state viewerRole ...WorkspaceViewerCan
    members(first: 100) { totalCount edges { node { id role invitedAt createdAt user { id name email } } } }
    pendingInvitations { id email role status expiresAt createdAt }
  }
}
fragment WorkspaceViewerCan on Workspace { viewerCanUpdate viewerCanManageMembers viewerCanAdminister viewerCanDeploy viewerCanLeave }`

	stmtDashboard = `query DashboardStats {
  dashboard {
    workspaces members servicesByState { state count } smartHomesByTunnelStatus { state count } openTasks
    recentActivity(first: 20) { edges { node { ...DashboardActivityEntry } } }
  }
}
fragment DashboardActivityEntry on ActivityEvent { id verb summary createdAt actor { id name } workspace { id name slug } }`

	stmtActivityFeed = `query($ws: ID!) { activity(workspaceId: $ws, first: 50) {
  edges { node { id verb summary createdAt actor { id name } workspace { id name slug } } } } }`

	stmtWorkspaceList = `query WorkspaceListPage {
  workspaces(first: 100, orderBy: { field: NAME, direction: ASC }) {
    totalCount
    edges { node { id name slug description state viewerRole members(first: 0) { totalCount } services(first: 0, where: { stateNEQ: gone }) { totalCount } } }
  }
}`

	stmtMyWorkspaces = `query MyWorkspaces {
  workspaces(first: 100, where: { state: active }, orderBy: { field: NAME, direction: ASC }) {
    totalCount edges { node { id name slug viewerRole viewerCanDeploy } }
  }
}`
)

// requestStatements returns the statement counts of the server's logged
// /query requests, in order.
func requestStatements(t *testing.T, log *syncBuffer) []int64 {
	t.Helper()
	var out []int64
	sc := bufio.NewScanner(strings.NewReader(log.String()))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var l struct {
			Msg        string `json:"msg"`
			Path       string `json:"path"`
			Statements *int64 `json:"statements"`
		}
		if json.Unmarshal(sc.Bytes(), &l) != nil || l.Msg != "request" || l.Path != "/query" || l.Statements == nil {
			continue
		}
		out = append(out, *l.Statements)
	}
	return out
}

// statementsOf runs query as c and returns the statements it cost.
func statementsOf(t *testing.T, srv *testServer, c *client, query string, vars map[string]any) int64 {
	t.Helper()
	before := len(requestStatements(t, srv.Log))
	c.mustDo(t, query, vars)
	// The log line follows the response.
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if got := requestStatements(t, srv.Log); len(got) > before {
			return got[before]
		}
	}
	t.Fatal("the request was not logged")
	return 0
}

func TestServicePagesStatementsConstant(t *testing.T) {
	charts := t.TempDir()
	env := newTestEnv(t)
	env["WOOW_CHART_DIRS"] = charts
	env["WOOW_LOG_LEVEL"] = "debug"
	srv := startServer(t, env)
	base := srv.URL
	writeChart(t, filepath.Join(charts, "e2eapp"))

	root := register(t, base, "root@stmt.test", "Root")
	owner := register(t, base, "owner@stmt.test", "Olive")
	var tpls []string
	for i, ingress := range []bool{true, false} {
		data := root.mustDo(t, createTemplateMut, map[string]any{"input": map[string]any{
			"name": fmt.Sprintf("Stmt App %d", i), "slug": fmt.Sprintf("stmt-app-%d", i), "category": "web",
			"chartRef": filepath.Join(charts, "e2eapp"), "ingressEnabled": ingress,
			"valueSpecs": map[string]any{"required": []any{}, "optional": []any{}},
		}})
		tpls = append(tpls, pick[string](t, data, "createAppTemplate.appTemplate.id"))
	}

	// A workspace of n members (admins, each deploying one service, so
	// that the feed has n actors) and n services.
	seed := func(name string, n int) (id, slug string) {
		data := owner.mustDo(t, createWorkspaceMut, map[string]any{"name": name})
		id, slug = pick[string](t, data, "createWorkspace.workspace.id"), pick[string](t, data, "createWorkspace.workspace.slug")
		for i := range n {
			m := register(t, base, fmt.Sprintf("m%d-%s@stmt.test", i, slug), fmt.Sprintf("Member %d of %s", i, name))
			join(t, owner, m, id, "admin")
			m.mustDo(t, deployServiceMut, map[string]any{"input": map[string]any{
				"workspaceId": id, "templateId": tpls[i%len(tpls)], "name": fmt.Sprintf("svc-%d", i), "values": map[string]any{}}})
		}
		return id, slug
	}

	type page struct {
		name  string
		query string
		vars  func(id, slug string) map[string]any
	}
	bySlug := func(_, slug string) map[string]any { return map[string]any{"slug": slug} }
	pages := []page{
		{"workspace page", stmtWorkspacePage, bySlug},
		{"services without their template", stmtServicesNoTemplate, bySlug},
		{"team page", stmtTeamPage, bySlug},
		{"dashboard", stmtDashboard, func(string, string) map[string]any { return nil }},
		{"activity feed", stmtActivityFeed, func(id, _ string) map[string]any { return map[string]any{"ws": id} }},
		{"workspace list", stmtWorkspaceList, func(string, string) map[string]any { return nil }},
		{"my workspaces", stmtMyWorkspaces, func(string, string) map[string]any { return nil }},
	}
	measure := func(id, slug string) map[string]int64 {
		out := map[string]int64{}
		for _, p := range pages {
			// The least of three: fields resolved concurrently may both
			// miss policy's Memo and read the same standing twice.
			for i := range 3 {
				n := statementsOf(t, srv, owner.client, p.query, p.vars(id, slug))
				if i == 0 || n < out[p.name] {
					out[p.name] = n
				}
			}
		}
		return out
	}
	small := measure(seed("Small", 2))
	// The lists of workspaces: eight more (and Big) for the second count.
	for i := range 8 {
		owner.mustDo(t, createWorkspaceMut, map[string]any{"name": fmt.Sprintf("Empty %d", i)})
	}
	big := measure(seed("Big", 10))
	for _, p := range pages {
		t.Logf("%-32s small: %3d statements, big: %3d", p.name, small[p.name], big[p.name])
		if big[p.name] > small[p.name] {
			t.Errorf("%s: %d statements with 10 services, members and more workspaces, %d with 2: a statement per object", p.name, big[p.name], small[p.name])
		}
	}
}
