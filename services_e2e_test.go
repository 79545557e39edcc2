package main

// End to end over HTTP: marketplace services on the real server in dry-run
// mode (no kubeconfig), with a chart the test writes to disk, watched over a
// real graphql-transport-ws WebSocket.

import (
	"encoding/json"
	"fmt"
	"maps"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The test chart: a Deployment and a StatefulSet, a Secret with the
// password, an optional Ingress, and a template that takes a moment to
// render (a long empty loop), so that a deploy is still in progress when
// the test has subscribed to its events.
var svcChartFiles = map[string]string{
	"Chart.yaml": `apiVersion: v2
name: e2eapp
version: 1.0.0
appVersion: "1.0"
`,
	"values.yaml": `replicaCount: 1
auth:
  password: ""
tier: small
ingress:
  enabled: false
  hostname: ""
`,
	"templates/slow.yaml": `{{- range until 4000 }}{{ range until 4000 }}{{ end }}{{ end }}`,
	"templates/deployment.yaml": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}-web
spec:
  replicas: {{ .Values.replicaCount }}
  selector:
    matchLabels:
      app: {{ .Release.Name }}
  template:
    metadata:
      labels:
        app: {{ .Release.Name }}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          env:
            - name: TIER
              value: {{ .Values.tier | quote }}
`,
	"templates/statefulset.yaml": `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: {{ .Release.Name }}-db
spec:
  serviceName: {{ .Release.Name }}-db
  replicas: 2
  selector:
    matchLabels:
      app: {{ .Release.Name }}-db
  template:
    metadata:
      labels:
        app: {{ .Release.Name }}-db
    spec:
      containers:
        - name: db
          image: postgres:17
`,
	"templates/secret.yaml": `apiVersion: v1
kind: Secret
metadata:
  name: {{ .Release.Name }}-auth
stringData:
  password: {{ .Values.auth.password | quote }}
`,
	"templates/ingress.yaml": `{{- if .Values.ingress.enabled }}
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: {{ .Release.Name }}
spec:
  rules:
    - host: {{ .Values.ingress.hostname | quote }}
{{- end }}
`,
}

const (
	createTemplateMut = `mutation($input: CreateAppTemplateInput!) { createAppTemplate(input: $input) { appTemplate { id slug chartRef } } }`
	deployServiceMut  = `mutation($input: DeployServiceInput!) { deployService(input: $input) { service { id state name values } } }`
	updateServiceMut  = `mutation($input: UpdateServiceInput!) { updateService(input: $input) { service { id state } } }`
	stopServiceMut    = `mutation($id: ID!) { stopService(input: {id: $id}) { service { id state } } }`
	startServiceMut   = `mutation($id: ID!) { startService(input: {id: $id}) { service { id state } } }`
	rollbackMut       = `mutation($id: ID!, $rev: Int) { rollbackService(input: {id: $id, revision: $rev}) { service { id state } } }`
	deleteServiceMut  = `mutation($id: ID!) { deleteService(input: {id: $id}) { service { id state } } }`
	serviceQuery      = `query($id: ID!) { node(id: $id) { ... on Service { id state errorMessage helmRevision values url
		revisions(orderBy: {field: REVISION, direction: ASC}) { totalCount edges { node { revision status description valuesSnapshot } } } } } }`
	clusterQuery       = `{ cluster { mode reachable } }`
	manifestQuery      = `query($id: ID!, $rev: Int) { serviceManifest(serviceId: $id, revision: $rev) }`
	valuesDiffQuery    = `query($id: ID!, $from: Int!, $to: Int!) { serviceValuesDiff(serviceId: $id, from: $from, to: $to) { key kind old new secret } }`
	serviceEventsSub   = `subscription($id: ID!) { serviceEvents(serviceId: $id) { id serviceID state level message } }`
	workspaceSvcSub    = `subscription($ws: ID!) { workspaceServices(workspaceId: $ws) { id state } }`
	svcE2EPassword     = "e2e-Secret-Pass-1"
	svcE2ENewPassword  = "e2e-Secret-Pass-2"
	svcE2EWaitForEvent = 60 * time.Second
)

// svcEvent is a ServiceEvent as serviceEventsSub selects it.
type svcEvent struct {
	ID        string `json:"id"`
	ServiceID string `json:"serviceID"`
	State     string `json:"state"`
	Level     string `json:"level"`
	Message   string `json:"message"`
}

// svcNext decodes a "next" message of subscription id carrying field.
func svcNext[T any](t *testing.T, m wsMsg, id, field string) T {
	t.Helper()
	if m.Type != "next" || m.ID != id {
		t.Fatalf("got %v, want next/%s", m, id)
	}
	var p struct {
		Data   map[string]json.RawMessage `json:"data"`
		Errors []gqlErr                   `json:"errors"`
	}
	if err := json.Unmarshal(m.Payload, &p); err != nil || len(p.Errors) > 0 {
		t.Fatalf("next/%s: %v %v", id, err, p.Errors)
	}
	var v T
	if err := json.Unmarshal(p.Data[field], &v); err != nil {
		t.Fatalf("next/%s: %s: %v", id, p.Data[field], err)
	}
	return v
}

// svcStreams reads one WebSocket carrying two subscriptions: a service's
// events and its workspace's services.
type svcStreams struct {
	t        *testing.T
	ws       *wsClient
	eventsID string
	// events and states are everything received so far.
	events []svcEvent
	states []string
}

// until reads until an event in state arrives (after those already read)
// and returns the events read meanwhile. An error event fails the test
// unless state is "error".
func (s *svcStreams) until(state string) []svcEvent {
	s.t.Helper()
	var got []svcEvent
	deadline := time.Now().Add(svcE2EWaitForEvent)
	for {
		m, ok, timedOut := s.ws.tryRecv(time.Until(deadline))
		if timedOut || !ok {
			s.t.Fatalf("no %s event within %s (connection ended: %v); got %+v", state, svcE2EWaitForEvent, !ok, got)
		}
		if m.ID != s.eventsID {
			s.states = append(s.states, svcNext[struct{ State string }](s.t, m, "ws", "workspaceServices").State)
			continue
		}
		e := svcNext[svcEvent](s.t, m, s.eventsID, "serviceEvents")
		got = append(got, e)
		s.events = append(s.events, e)
		if e.Level == "error" && state != "error" {
			s.t.Fatalf("error event %q while waiting for %s", e.Message, state)
		}
		if e.State == state {
			return got
		}
	}
}

// statesOf folds repeated states.
func statesOf(evs []svcEvent) []string {
	var out []string
	for _, e := range evs {
		if len(out) == 0 || out[len(out)-1] != e.State {
			out = append(out, e.State)
		}
	}
	return out
}

func TestServicesEndToEnd(t *testing.T) {
	charts := t.TempDir()
	env := newTestEnv(t)
	env["WOOW_CHART_DIRS"] = charts // local charts only from there
	srv := startServer(t, env)
	base := srv.URL

	chartDir := filepath.Join(charts, "e2eapp")
	writeChart(t, chartDir)

	root := register(t, base, "root@x.io", "Root") // the platform admin
	owner := register(t, base, "owner@x.io", "Olive")
	guest := register(t, base, "guest@x.io", "Gus")
	outsider := register(t, base, "eve@x.io", "Eve")
	data := owner.mustDo(t, createWorkspaceMut, map[string]any{"name": "Shop Co"})
	wsID := pick[string](t, data, "createWorkspace.workspace.id")
	join(t, owner, guest, wsID, "guest")
	outsider.mustDo(t, createWorkspaceMut, map[string]any{"name": "Evil"})

	// The platform admin adds the app; nobody else may.
	tplInput := map[string]any{
		"name": "E2E App", "slug": "e2e-app", "category": "web", "chartRef": chartDir,
		"defaultValues":  map[string]any{"replicaCount": 2},
		"ingressEnabled": true,
		"valueSpecs": map[string]any{
			"required": []any{map[string]any{"key": "auth.password", "label": "Password", "type": "password",
				"minLength": 8, "pattern": ".*[0-9].*", "patternMessage": "must contain a digit"}},
			"optional": []any{
				map[string]any{"key": "replicaCount", "label": "Replicas", "type": "number", "min": 1, "max": 5},
				map[string]any{"key": "tier", "label": "Tier", "type": "select", "options": []string{"small", "large"}, "default": "small"},
			},
		},
	}
	owner.expectErr(t, "FORBIDDEN", "", createTemplateMut, map[string]any{"input": tplInput})
	// A pattern needs the words a user reads when it does not match.
	noMessage := maps.Clone(tplInput)
	noMessage["slug"] = "e2e-no-message"
	noMessage["valueSpecs"] = map[string]any{"required": []any{map[string]any{"key": "pw", "label": "Password", "type": "password", "pattern": ".*[0-9].*"}}, "optional": []any{}}
	if _, errs := root.do(t, createTemplateMut, map[string]any{"input": noMessage}); len(errs) == 0 || !strings.Contains(errs[0].Message, "needs a patternMessage") {
		t.Errorf("a pattern without a message: errors %v", errs)
	} else {
		requireErr(t, errs, "BAD_USER_INPUT", "valueSpecs")
	}
	data = root.mustDo(t, createTemplateMut, map[string]any{"input": tplInput})
	tplID := pick[string](t, data, "createAppTemplate.appTemplate.id")
	data = owner.mustDo(t, `query($id: ID!) { node(id: $id) { ... on AppTemplate { valueSpecs {
		required { minLength maxLength pattern patternMessage } optional { key min max } } } } }`, map[string]any{"id": tplID})
	if got := string(data); !strings.Contains(got, `"minLength":8,"maxLength":null,"pattern":".*[0-9].*","patternMessage":"must contain a digit"`) ||
		!strings.Contains(got, `{"key":"replicaCount","min":1,"max":5}`) {
		t.Errorf("the template's rules read back as %s", got)
	}

	data = owner.mustDo(t, clusterQuery, nil)
	if mode, reachable := pick[string](t, data, "cluster.mode"), pick[bool](t, data, "cluster.reachable"); mode != "dry-run" || !reachable {
		t.Errorf("cluster = %s / %v, want dry-run / true", mode, reachable)
	}

	// The browser's WebSocket: session cookie and the server's Origin.
	ws := mustDialWS(t, base, "owner (cookie)", wsDial{token: owner.sessionCookie(t), origin: base}, nil)
	ws.subscribe(t, "ws", workspaceSvcSub, map[string]any{"ws": wsID})

	// Refusals: roles, then values, each naming the key.
	deploy := func(values map[string]any) map[string]any {
		return map[string]any{"input": map[string]any{"workspaceId": wsID, "templateId": tplID, "name": "Shop", "values": values}}
	}
	good := map[string]any{"auth.password": svcE2EPassword, "replicaCount": 3}
	guest.expectErr(t, "FORBIDDEN", "", deployServiceMut, deploy(good))
	outsider.expectErr(t, "NOT_FOUND", "", deployServiceMut, deploy(good))
	root.expectErr(t, "NOT_FOUND", "", deployServiceMut, deploy(good))
	for field, values := range map[string]map[string]any{
		"values.nosuch":        {"auth.password": svcE2EPassword, "nosuch": 1},
		"values.auth.password": {"replicaCount": 3},
		"values.replicaCount":  {"auth.password": svcE2EPassword, "replicaCount": "three"},
		"values.tier":          {"auth.password": svcE2EPassword, "tier": "huge"},
	} {
		owner.expectErr(t, "BAD_USER_INPUT", field, deployServiceMut, deploy(values))
	}
	// The spec's rules, in words.
	for _, c := range []struct {
		values map[string]any
		field  string
		msg    string
	}{
		{map[string]any{"auth.password": "weak"}, "values.auth.password", "must be at least 8 characters"},
		{map[string]any{"auth.password": "no-digits-here"}, "values.auth.password", "must contain a digit"},
		{map[string]any{"auth.password": svcE2EPassword, "replicaCount": 6}, "values.replicaCount", "must be at most 5"},
	} {
		_, errs := owner.do(t, deployServiceMut, deploy(c.values))
		if requireErr(t, errs, "BAD_USER_INPUT", c.field); len(errs) > 0 && !strings.Contains(errs[0].Message, c.msg) {
			t.Errorf("values %v: error %q, want %q", c.values, errs[0].Message, c.msg)
		}
	}

	// Deploy, and watch it over the WebSocket until it runs.
	data = owner.mustDo(t, deployServiceMut, deploy(good))
	svcID := pick[string](t, data, "deployService.service.id")
	if st := pick[string](t, data, "deployService.service.state"); st != "pending" && st != "deploying" {
		t.Errorf("deployService returned state %s", st)
	}
	if v := pick[map[string]any](t, data, "deployService.service.values"); v["auth.password"] == svcE2EPassword || v["auth.password"] == nil {
		t.Errorf("deployService returned values %v: the password must be masked", v)
	}
	ws.subscribe(t, "ev", serviceEventsSub, map[string]any{"id": svcID})
	s := &svcStreams{t: t, ws: ws, eventsID: "ev"}
	started := time.Now()
	got := s.until("running")
	t.Logf("deploy: %v in %s", statesOf(got), time.Since(started))
	if st := statesOf(got); st[len(st)-1] != "running" || len(st) > 2 || (len(st) == 2 && st[0] != "deploying") {
		t.Errorf("deploy events: %v, want [deploying running] or [running]", st)
	}
	if last := got[len(got)-1]; !strings.Contains(last.Message, "dry-run") || last.ServiceID != svcID {
		t.Errorf("last event %+v: want this service's, saying dry-run mode", last)
	}

	data = owner.mustDo(t, serviceQuery, map[string]any{"id": svcID})
	if rev, url := pick[int](t, data, "node.helmRevision"), pick[string](t, data, "node.url"); rev != 1 || !strings.HasPrefix(url, "https://paas-cs-") {
		t.Errorf("after deploy: revision %d url %q", rev, url)
	}
	if v := pick[map[string]any](t, data, "node.values"); v["auth.password"] != "••••••••" || fmt.Sprint(v["replicaCount"]) != "3" {
		t.Errorf("values %v: want the password masked and replicaCount 3", v)
	}
	if body := string(data); strings.Contains(body, svcE2EPassword) {
		t.Errorf("the service query returns the password: %s", body)
	}
	m := pick[string](t, owner.mustDo(t, manifestQuery, map[string]any{"id": svcID}), "serviceManifest")
	if !strings.Contains(m, "kind: StatefulSet") || !strings.Contains(m, "kind: Ingress") || strings.Contains(m, svcE2EPassword) {
		t.Errorf("manifest without the workloads, or with the password:\n%s", m)
	}
	guest.expectErr(t, "FORBIDDEN", "", manifestQuery, map[string]any{"id": svcID})
	outsider.expectErr(t, "NOT_FOUND", "", manifestQuery, map[string]any{"id": svcID})

	// Guests and outsiders operate nothing; outsiders see nothing.
	guest.expectErr(t, "FORBIDDEN", "", stopServiceMut, map[string]any{"id": svcID})
	guest.expectErr(t, "FORBIDDEN", "", deleteServiceMut, map[string]any{"id": svcID})
	outsider.expectErr(t, "NOT_FOUND", "", stopServiceMut, map[string]any{"id": svcID})
	if d := guest.mustDo(t, serviceQuery, map[string]any{"id": svcID}); pick[string](t, d, "node.state") != "running" {
		t.Errorf("the guest reads %s", d)
	}
	if d, errs := outsider.do(t, serviceQuery, map[string]any{"id": svcID}); len(errs) == 0 && !isNull(t, d, "node") {
		t.Errorf("the outsider reads the service: %s", d)
	}
	eve := mustDialWS(t, base, "eve", wsDial{token: outsider.sessionCookie(t), origin: base}, nil)
	eve.subscribe(t, "x", serviceEventsSub, map[string]any{"id": svcID})
	if errs := opErrors(eve.recv(t, 10*time.Second)); len(errs) == 0 || errs[0].Extensions.Code != "NOT_FOUND" {
		t.Errorf("the outsider's subscription: %v, want NOT_FOUND", errs)
	}

	// Upgrade (a new password, a value error first), stop, start,
	// rollback, delete: each watched to its end.
	owner.expectErr(t, "BAD_USER_INPUT", "values.tier", updateServiceMut,
		map[string]any{"input": map[string]any{"id": svcID, "values": map[string]any{"tier": 3}}})
	owner.mustDo(t, updateServiceMut, map[string]any{"input": map[string]any{"id": svcID,
		"values": map[string]any{"replicaCount": 4, "tier": "large", "auth.password": svcE2ENewPassword}}})
	if st := statesOf(s.until("running")); strings.Join(st, ",") != "upgrading,running" {
		t.Errorf("upgrade events: %v", st)
	}
	diff := owner.mustDo(t, valuesDiffQuery, map[string]any{"id": svcID, "from": 1, "to": 2})
	if body := string(diff); strings.Contains(body, "e2e-Secret") ||
		!strings.Contains(body, `{"key":"auth.password","kind":"changed","old":null,"new":null,"secret":true}`) ||
		!strings.Contains(body, `{"key":"replicaCount","kind":"changed","old":3,"new":4,"secret":false}`) ||
		!strings.Contains(body, `{"key":"tier","kind":"added","old":null,"new":"large","secret":false}`) {
		t.Errorf("values diff 1 -> 2: %s", body)
	}

	guest.expectErr(t, "FORBIDDEN", "", startServiceMut, map[string]any{"id": svcID})
	owner.expectErr(t, "CONFLICT", "", startServiceMut, map[string]any{"id": svcID})
	owner.mustDo(t, stopServiceMut, map[string]any{"id": svcID})
	if st := statesOf(s.until("stopped")); strings.Join(st, ",") != "stopping,stopped" {
		t.Errorf("stop events: %v", st)
	}
	owner.expectErr(t, "CONFLICT", "", stopServiceMut, map[string]any{"id": svcID})
	owner.mustDo(t, startServiceMut, map[string]any{"id": svcID})
	if st := statesOf(s.until("running")); strings.Join(st, ",") != "starting,running" {
		t.Errorf("start events: %v", st)
	}
	owner.mustDo(t, rollbackMut, map[string]any{"id": svcID}) // to the previous revision
	if st := statesOf(s.until("running")); strings.Join(st, ",") != "upgrading,running" {
		t.Errorf("rollback events: %v", st)
	}
	data = owner.mustDo(t, serviceQuery, map[string]any{"id": svcID})
	if rev := pick[int](t, data, "node.helmRevision"); rev != 3 {
		t.Errorf("after the rollback: revision %d, want 3", rev)
	}
	if n := pick[int](t, data, "node.revisions.totalCount"); n != 3 {
		t.Errorf("%d revisions, want 3", n)
	}
	if d := pick[string](t, data, "node.revisions.edges.2.node.description"); d != "Rollback to 1" {
		t.Errorf("revision 3: %q", d)
	}
	if v := pick[map[string]any](t, data, "node.values"); fmt.Sprint(v["replicaCount"]) != "3" || v["tier"] != nil {
		t.Errorf("values after the rollback to 1: %v", v)
	}
	owner.mustDo(t, rollbackMut, map[string]any{"id": svcID, "rev": 2})
	s.until("running")

	// An archived workspace cannot operate its services, so archiving one
	// whose services run is refused (they would run on with nobody able
	// to stop them).
	owner.expectErr(t, "CONFLICT", "", archiveWorkspaceMut, map[string]any{"id": wsID})

	owner.mustDo(t, deleteServiceMut, map[string]any{"id": svcID})
	if st := statesOf(s.until("gone")); strings.Join(st, ",") != "deleting,gone" {
		t.Errorf("delete events: %v", st)
	}
	owner.expectErr(t, "CONFLICT", "", deleteServiceMut, map[string]any{"id": svcID})

	// The workspace stream saw the service through it all, in order. It
	// carries the service as it is when the change is delivered, so a
	// quick state may be skipped, but never one out of order.
	for len(s.states) == 0 || s.states[len(s.states)-1] != "gone" {
		m := ws.recv(t, 10*time.Second)
		s.states = append(s.states, svcNext[struct{ State string }](t, m, "ws", "workspaceServices").State)
	}
	want := []string{"pending", "deploying", "running", "upgrading", "running", "stopping", "stopped", "starting", "running", "upgrading", "running", "upgrading", "running", "deleting", "gone"}
	var folded []string
	for _, st := range s.states {
		if len(folded) == 0 || folded[len(folded)-1] != st {
			folded = append(folded, st)
		}
	}
	if !subsequence(folded, want) || folded[len(folded)-1] != "gone" {
		t.Errorf("workspaceServices states %v, want them in the order of %v", folded, want)
	}

	// With nothing running, it archives.
	data = owner.mustDo(t, archiveWorkspaceMut, map[string]any{"id": wsID})
	if got := pick[string](t, data, "archiveWorkspace.workspace.state"); got != "archived" {
		t.Errorf("state after archiving %q", got)
	}
}

// subsequence reports whether sub is want with some elements left out.
func subsequence(sub, want []string) bool {
	i := 0
	for _, w := range want {
		if i < len(sub) && sub[i] == w {
			i++
		}
	}
	return i == len(sub)
}
