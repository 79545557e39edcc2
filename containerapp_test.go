package main

// The built-in Container app (SPEC section 4) end to end on the real
// server in dry-run mode, offline: the seeded template deploys from the
// chart in the binary, its secret environment values go into a Secret the
// Deployment references, and are neither stored in clear nor returned.

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/woowtech/woow-paas/store"
	"github.com/woowtech/woow-paas/store/storetest"
)

const containerAppSecret = "tok-Zq8vW3xLm2Kp"

func TestContainerAppDryRun(t *testing.T) {
	// No chart directory and no repository: the chart is in the binary.
	env := newTestEnv(t)
	srv := startServer(t, env)
	base := srv.URL
	register(t, base, "root@x.io", "Root") // the platform admin
	owner := register(t, base, "owner@x.io", "Olive")
	guest := register(t, base, "guest@x.io", "Gus")
	wsID := pick[string](t, owner.mustDo(t, createWorkspaceMut, map[string]any{"name": "Apps"}), "createWorkspace.workspace.id")
	join(t, owner, guest, wsID, "guest")

	// The seeded template, visible to a member; its env spec typed env.
	data := owner.mustDo(t, `{ appTemplates(search: "container") { edges { node { id slug chartRef
		valueSpecs { required { key type } optional { key type } } } } } }`, nil)
	var tpls struct {
		AppTemplates struct {
			Edges []struct {
				Node struct {
					ID, Slug, ChartRef string
					ValueSpecs         json.RawMessage
				}
			}
		}
	}
	if err := json.Unmarshal(data, &tpls); err != nil || len(tpls.AppTemplates.Edges) != 1 {
		t.Fatalf("container app template: %s (%v)", data, err)
	}
	tpl := tpls.AppTemplates.Edges[0].Node
	if tpl.Slug != "container-app" || tpl.ChartRef != "builtin://container-app" || !strings.Contains(string(tpl.ValueSpecs), `{"key":"env","type":"env"}`) {
		t.Fatalf("template %+v", tpl)
	}

	deploy := func(values map[string]any) map[string]any {
		return map[string]any{"input": map[string]any{"workspaceId": wsID, "templateId": tpl.ID, "name": "Web", "values": values}}
	}
	envVars := []any{
		map[string]any{"name": "MODE", "value": "production"},
		map[string]any{"name": "API_TOKEN", "value": containerAppSecret, "secret": true},
	}
	// Refusals name the key, in words; a guest may not deploy at all
	// (before its values are looked at).
	guest.expectErr(t, "FORBIDDEN", "", deployServiceMut, deploy(map[string]any{"image": "nginx", "env": "x"}))
	for _, c := range []struct {
		values map[string]any
		field  string
		msg    string
	}{
		{map[string]any{"env": envVars}, "values.image", "Image is required"},
		{map[string]any{"image": "nginx; rm -rf /"}, "values.image", "must be an image reference"},
		{map[string]any{"image": "nginx", "env": []any{map[string]any{"name": "BAD-NAME", "value": "1"}}}, "values.env", `"BAD-NAME" is not a valid name`},
		{map[string]any{"image": "nginx", "resources.limits.memory": "lots"}, "values.resources.limits.memory", "must be a memory quantity"},
		{map[string]any{"image": "nginx", "port": 70000}, "values.port", "must be at most 65535"},
	} {
		_, errs := owner.do(t, deployServiceMut, deploy(c.values))
		if requireErr(t, errs, "BAD_USER_INPUT", c.field); len(errs) > 0 && !strings.Contains(errs[0].Message, c.msg) {
			t.Errorf("values %v: error %q, want %q", c.values, errs[0].Message, c.msg)
		}
	}

	var responses []string // every answer the owner (not a platform admin) got
	ownerDo := func(query string, vars map[string]any) json.RawMessage {
		t.Helper()
		data := owner.mustDo(t, query, vars)
		responses = append(responses, string(data))
		return data
	}
	data = ownerDo(deployServiceMut, deploy(map[string]any{
		"image": "ghcr.io/woow/app:1.2", "port": 3000, "replicas": 2, "env": envVars,
		"resources.limits.memory": "512Mi", "volume.enabled": true, "volume.size": "2Gi",
	}))
	svcID := pick[string](t, data, "deployService.service.id")
	waitState(t, owner, svcID, "running")

	data = ownerDo(serviceQuery, map[string]any{"id": svcID})
	shown := fmt.Sprint(pick[map[string]any](t, data, "node.values")["env"])
	port := func() float64 {
		t.Helper()
		return pick[float64](t, owner.mustDo(t, `query($id: ID!) { node(id: $id) { ... on Service { internalPort } } }`, map[string]any{"id": svcID}), "node.internalPort")
	}
	// The service's port is the container's, not the template's default.
	if p := port(); p != 3000 {
		t.Errorf("internalPort %v, want the container's 3000", p)
	}
	if !strings.Contains(shown, "production") || !strings.Contains(shown, "••••••••") {
		t.Errorf("env shown as %s: want the plain value and the secret masked", shown)
	}
	m := pick[string](t, ownerDo(manifestQuery, map[string]any{"id": svcID}), "serviceManifest")
	for _, want := range []string{`image: "ghcr.io/woow/app:1.2"`, "kind: Secret", "secretKeyRef", "kind: PersistentVolumeClaim",
		"containerPort: 3000", "replicas: 2", "memory: 512Mi", "kind: Ingress"} {
		if !strings.Contains(m, want) {
			t.Errorf("manifest lacks %q:\n%s", want, m)
		}
	}

	// An update that sends back the masked secret keeps it.
	values := pick[map[string]any](t, data, "node.values")
	values["replicas"] = 3
	values["port"] = 9090
	ownerDo(updateServiceMut, map[string]any{"input": map[string]any{"id": svcID, "values": values}})
	waitState(t, owner, svcID, "running")
	if p := port(); p != 9090 {
		t.Errorf("internalPort after the upgrade %v, want 9090", p)
	}
	data = ownerDo(serviceQuery, map[string]any{"id": svcID})
	if fmt.Sprint(pick[map[string]any](t, data, "node.values")["env"]) != shown {
		t.Errorf("env after the update: %s", data)
	}
	m = pick[string](t, ownerDo(manifestQuery, map[string]any{"id": svcID}), "serviceManifest")
	if !strings.Contains(m, "replicas: 3") || !strings.Contains(m, "kind: Secret") || !strings.Contains(m, "containerPort: 9090") {
		t.Errorf("manifest after the update:\n%s", m)
	}
	ownerDo(valuesDiffQuery, map[string]any{"id": svcID, "from": 1, "to": 2})
	// A rollback takes the port of the revision it returns to.
	ownerDo(rollbackMut, map[string]any{"id": svcID, "rev": 1})
	waitState(t, owner, svcID, "running")
	if p := port(); p != 3000 {
		t.Errorf("internalPort after the rollback %v, want 3000", p)
	}
	ownerDo(`query($id: ID!) { node(id: $id) { ... on Service { events(first: 50) { edges { node { message } } } } } }`, map[string]any{"id": svcID})

	for _, r := range responses {
		if leaks(r) {
			t.Errorf("a response to the owner holds the secret: %s", r)
		}
	}
	srv.stop()
	if leaks(srv.Log.String()) {
		t.Error("the server log holds the secret")
	}
	dbLeaks(t, env)
}

// waitState polls the service until it reaches state (error fails).
func waitState(t *testing.T, c *account, id, state string) {
	t.Helper()
	deadline := time.Now().Add(90 * time.Second)
	for {
		data := c.mustDo(t, serviceQuery, map[string]any{"id": id})
		st := pick[string](t, data, "node.state")
		if st == state {
			return
		}
		if st == "error" || time.Now().After(deadline) {
			t.Fatalf("service %s: %s, want %s", id, data, state)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// leaks reports whether s holds the secret, as written or base64-encoded.
func leaks(s string) bool {
	b := []byte(containerAppSecret)
	for _, f := range []string{containerAppSecret, base64.StdEncoding.EncodeToString(b), base64.RawStdEncoding.EncodeToString(b)} {
		if strings.Contains(s, f) {
			return true
		}
	}
	return false
}

// dbLeaks reads every column of every table and fails if one holds the
// secret: as written, base64-encoded, or inside a base64 gzip body (how
// Helm encodes a release record).
func dbLeaks(t *testing.T, env testEnv) {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, env["DATABASE_URL"], env["WOOW_DATA_DIR"])
	if err != nil {
		t.Fatal(err)
	}
	defer db.SQL.Close()
	q := `SELECT name FROM sqlite_master WHERE type = 'table'`
	if storetest.Dialect() == "postgres" {
		q = `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()`
	}
	rows, err := db.SQL.QueryContext(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, n)
	}
	rows.Close()
	if len(tables) < 10 {
		t.Fatalf("tables %v", tables)
	}
	cells := 0
	for _, table := range tables {
		rows, err := db.SQL.QueryContext(ctx, `SELECT * FROM "`+table+`"`)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			for i, v := range vals {
				var s string
				switch v := v.(type) {
				case string:
					s = v
				case []byte:
					s = string(v)
				default:
					continue
				}
				cells++
				if leaks(s) || leaks(gunzipBase64(s)) {
					t.Errorf("table %s column %s holds the secret", table, cols[i])
				}
			}
		}
		rows.Close()
	}
	if cells == 0 {
		t.Fatal("no text read from the database")
	}
}

// gunzipBase64 decodes s if it is base64 of gzip data, else "".
func gunzipBase64(s string) string {
	b, err := base64.StdEncoding.DecodeString(strings.TrimSpace(s))
	if err != nil || !bytes.HasPrefix(b, []byte{0x1f, 0x8b}) {
		return ""
	}
	r, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return ""
	}
	out, _ := io.ReadAll(r)
	return string(out)
}
