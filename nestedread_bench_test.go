package main

// BenchmarkNestedRead measures the CPU and allocations of one nested read
// through the real HTTP handler (session middleware, gqlserver, resolvers,
// ent over SQLite): 20 workspaces x (10 members with their user + 5
// services), about 1,600 fields, all loaded by ent's eager loading. It is
// gqlgen's per-field executor path that dominates it.
//
//	go test -run '^$' -bench NestedRead -benchmem -cpu 2 -count 5 .

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/role"
	"github.com/woowtech/woow-paas/store/storetest"
	"github.com/woowtech/woow-paas/viewer"
)

const nestedReadQuery = `query { workspaces(first: 20) { edges { node { name slug
	members(first: 10) { edges { node { role user { email name } } } }
	services { edges { node { name state } } } } } } }`

func BenchmarkNestedRead(b *testing.B) {
	const nWorkspaces, nMembers, nServices = 20, 10, 5
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	env := testEnv{
		"WOOW_DATA_DIR":   b.TempDir(),
		"DATABASE_URL":    storetest.DatabaseURL(b),
		"WOOW_PUBLIC_URL": "http://127.0.0.1",
	}
	cfg, err := loadConfig(env.getenv)
	if err != nil {
		b.Fatal(err)
	}
	log := slog.New(slog.NewJSONHandler(io.Discard, nil))
	box, err := openSecretBox(cfg)
	if err != nil {
		b.Fatal(err)
	}
	db, err := openStore(ctx, cfg, log)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	cat, err := seedCatalog(ctx, cfg, db, log)
	if err != nil {
		b.Fatal(err)
	}
	bus, err := newBus(ctx, cfg, db, log)
	if err != nil {
		b.Fatal(err)
	}
	defer bus.Close()
	svc, err := startServices(ctx, ctx, cfg, db, bus, box, cat, log)
	if err != nil {
		b.Fatal(err)
	}
	defer svc.close()
	ts := httptest.NewServer(newHandler(ctx, cfg, db, svc, log))
	defer ts.Close()

	gql := func(c *http.Client, query string, vars map[string]any) []byte {
		body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
		resp, err := c.Post(ts.URL+"/query", "application/json", bytes.NewReader(body))
		if err != nil {
			b.Fatal(err)
		}
		defer resp.Body.Close()
		out, err := io.ReadAll(resp.Body)
		if err != nil || resp.StatusCode != http.StatusOK || bytes.Contains(out, []byte(`"errors"`)) {
			b.Fatalf("status %d, err %v: %s", resp.StatusCode, err, out)
		}
		return out
	}
	signUp := func(email string) *http.Client {
		jar, _ := cookiejar.New(nil)
		c := &http.Client{Jar: jar}
		gql(c, registerMutation, map[string]any{"input": map[string]any{
			"email": email, "password": testPassword, "name": "Bench"}})
		return c
	}
	signUp("admin@bench.test") // the first account is platform admin: not the viewer
	c := signUp("viewer@bench.test")

	// The rest is seeded directly, as the platform.
	sys := viewer.System(ctx)
	cl := db.Client
	me := cl.User.Query().AllX(sys)
	var viewerID int
	for _, u := range me {
		if u.Email == "viewer@bench.test" {
			viewerID = u.ID
		}
	}
	tmpl := cl.AppTemplate.Query().FirstX(sys)
	others := make([]*ent.UserCreate, nWorkspaces*(nMembers-1))
	for i := range others {
		others[i] = cl.User.Create().SetEmail(fmt.Sprintf("m%d@bench.test", i)).
			SetName(fmt.Sprintf("Member %d", i)).SetPasswordHash("x")
	}
	users := cl.User.CreateBulk(others...).SaveX(sys)
	for w := range nWorkspaces {
		ws := cl.Workspace.Create().SetName(fmt.Sprintf("Workspace %d", w)).
			SetSlug(fmt.Sprintf("ws-%d", w)).SetOwnerID(viewerID).SaveX(sys)
		members := []*ent.WorkspaceMemberCreate{
			cl.WorkspaceMember.Create().SetWorkspaceID(ws.ID).SetUserID(viewerID).SetRole(role.Owner),
		}
		for m := range nMembers - 1 {
			members = append(members, cl.WorkspaceMember.Create().SetWorkspaceID(ws.ID).
				SetUserID(users[w*(nMembers-1)+m].ID).SetRole(role.User))
		}
		cl.WorkspaceMember.CreateBulk(members...).ExecX(sys)
		services := make([]*ent.ServiceCreate, nServices)
		for s := range services {
			name := fmt.Sprintf("svc-%d-%d", w, s)
			services[s] = cl.Service.Create().SetWorkspaceID(ws.ID).SetTemplateID(tmpl.ID).
				SetName(name).SetSubdomain(name).SetReleaseName(name).SetNamespace("ns-" + name)
		}
		cl.Service.CreateBulk(services...).ExecX(sys)
	}

	out := gql(c, nestedReadQuery, nil)
	if n := strings.Count(string(out), `"email"`); n != nWorkspaces*nMembers {
		b.Fatalf("%d member emails in the answer, want %d:\n%.2000s", n, nWorkspaces*nMembers, out)
	}
	if n := strings.Count(string(out), `"state"`); n != nWorkspaces*nServices {
		b.Fatalf("%d service states in the answer, want %d:\n%.2000s", n, nWorkspaces*nServices, out)
	}

	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		gql(c, nestedReadQuery, nil)
	}
}
