package main

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"helm.sh/helm/v3/pkg/chart/loader"
	"helm.sh/helm/v3/pkg/chartutil"
	"helm.sh/helm/v3/pkg/repo"

	"github.com/woowtech/woow-paas/store/storetest"
)

// TestThreeReplicas runs three server processes on one PostgreSQL
// database behind a round-robin proxy, as a Deployment with three
// replicas behind a Service does: a session works on every replica, a
// subscription on one hears changes made through the others, each job
// runs once, and a replica SIGKILLed in the middle of a deploy loses
// nothing: another replica runs the job again and the service runs.
func TestThreeReplicas(t *testing.T) {
	if storetest.Dialect() != "postgres" {
		t.Skip("replicas share PostgreSQL; SQLite is one server")
	}
	if _, err := os.Stat("/proc/net/tcp"); err != nil {
		t.Skip("finds the replica that fetches a chart through /proc (Linux)")
	}
	charts := newGatedRepo(t, "1.0.0", "2.0.0")
	dbURL := storetest.NewPostgresDatabase(t)
	key := make([]byte, 32)
	for i := range key {
		key[i] = byte(i * 5)
	}
	bin := buildWoow(t)
	var replicas []*process
	for i := range 3 {
		p, err := startProcess(t, bin, fmt.Sprintf("replica %d", i), map[string]string{
			"WOOW_ADDR":       "127.0.0.1:0",
			"DATABASE_URL":    dbURL,
			"WOOW_DATA_DIR":   t.TempDir(), // its own chart cache
			"WOOW_SECRET_KEY": hex.EncodeToString(key),
			// A dead replica's job runs elsewhere after 12 s (and River's
			// rescuer, every 30 s) instead of 7 minutes.
			"WOOW_JOB_TIMEOUT":      "10s",
			"WOOW_JOB_RESCUE_AFTER": "12s",
		})
		if err != nil {
			t.Fatal(err)
		}
		replicas = append(replicas, p)
	}
	lb := newRoundRobin(t, replicas)

	// Sessions live in the database: one opened through any replica works
	// on each of them.
	alice := register(t, lb.URL(), "alice@x.io", "Alice") // the platform admin
	bob := register(t, lb.URL(), "bob@x.io", "Bob")
	w := pick[string](t, alice.mustDo(t, createWorkspaceMut, map[string]any{"name": "Replicated"}), "createWorkspace.workspace.id")
	join(t, alice, bob, w, "admin")
	for i, p := range replicas {
		c := newClient(t, p.URL, fmt.Sprintf("alice on replica %d", i))
		c.setSessionCookie(t, alice.sessionCookie(t))
		if got := pick[string](t, c.mustDo(t, viewerQuery, nil), "viewer.email"); got != "alice@x.io" {
			t.Errorf("replica %d: viewer %q with the session opened through the proxy", i, got)
		}
	}

	// A subscription through the proxy (on one replica) hears renames
	// made through each of the three.
	sub := mustDialWS(t, lb.URL(), "bob through the proxy", wsDial{}, map[string]any{"authorization": "Bearer " + bob.sessionCookie(t)})
	subOn := lb.last()
	sub.subscribeActivity(t, "1", w)
	sub.waitLive(t, "1", describer(t, alice.client, w, "warm-up"))
	sub.drain(t, "1")
	heardFrom := map[int]bool{}
	for i := range 3 {
		name := fmt.Sprintf("Replicated %d", i)
		alice.mustDo(t, updateWorkspaceMut, map[string]any{"id": w, "name": name})
		heardFrom[lb.last()] = true
		if e := sub.nextEntry(t, "1", 5*time.Second); !strings.HasSuffix(e.Summary, " to "+name) {
			t.Errorf("subscription on replica %d, rename through replica %d: got %q", subOn, lb.last(), e.Summary)
		}
	}
	if len(heardFrom) != 3 {
		t.Errorf("the renames went through replicas %v, want all three", heardFrom)
	}
	sub.expectSilence(t, 300*time.Millisecond, "each entry once")

	// Deploys through the proxy: every job runs once, on some replica.
	template := func(slug, version string) string {
		return pick[string](t, alice.mustDo(t, createTemplateMut, map[string]any{"input": map[string]any{
			"name": "Replicated " + slug, "slug": slug, "category": "web",
			"chartRef": "replapp", "chartRepoURL": charts.URL(), "chartVersion": version,
			"valueSpecs": map[string]any{"required": []any{}, "optional": []any{}},
		}}), "createAppTemplate.appTemplate.id")
	}
	deploy := func(tpl, name string) string {
		return pick[string](t, bob.mustDo(t, deployServiceMut, map[string]any{"input": map[string]any{
			"workspaceId": w, "templateId": tpl, "name": name, "values": map[string]any{}}}), "deployService.service.id")
	}
	running := func(id string, d time.Duration) {
		t.Helper()
		deadline := time.Now().Add(d)
		for {
			data := bob.mustDo(t, serviceQuery, map[string]any{"id": id})
			switch st := pick[string](t, data, "node.state"); st {
			case "running":
				return
			case "error":
				t.Fatalf("service %s failed: %s", id, pick[string](t, data, "node.errorMessage"))
			}
			if time.Now().After(deadline) {
				t.Fatalf("service %s not running after %s", id, d)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	v1 := template("repl-one", "1.0.0")
	var ids []string
	for i := range 6 {
		ids = append(ids, deploy(v1, fmt.Sprintf("app-%d", i)))
	}
	for _, id := range ids {
		running(id, 60*time.Second)
	}
	db, err := sql.Open("postgres", dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	type jobRun struct {
		state            string
		attempt, runners int
	}
	jobs := func() map[int64]jobRun {
		t.Helper()
		rows, err := db.Query(`SELECT id, state, attempt, cardinality(attempted_by) FROM river_job WHERE kind = 'service_op'`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		out := map[int64]jobRun{}
		for rows.Next() {
			var id int64
			var r jobRun
			if err := rows.Scan(&id, &r.state, &r.attempt, &r.runners); err != nil {
				t.Fatal(err)
			}
			out[id] = r
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		return out
	}
	// River records a job's completion in batches, after the service runs.
	settledJobs := func() map[int64]jobRun {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for {
			all, busy := jobs(), false
			for _, r := range all {
				busy = busy || r.state == "running"
			}
			if !busy || time.Now().After(deadline) {
				return all
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	before := settledJobs()
	if len(before) != len(ids) {
		t.Errorf("%d deploy jobs for %d deploys", len(before), len(ids))
	}
	for id, r := range before {
		if r != (jobRun{"completed", 1, 1}) {
			t.Errorf("job %d: %+v, want completed by one attempt on one replica", id, r)
		}
	}

	// SIGKILL the replica that is fetching a new chart in the middle of a
	// deploy. Another replica runs the job again and the service runs.
	v2 := template("repl-two", "2.0.0")
	charts.hold("/charts/replapp-2.0.0.tgz")
	victim := deploy(v2, "victim")
	var port int
	select {
	case port = <-charts.asked:
	case <-time.After(30 * time.Second):
		t.Fatal("no replica fetched the chart within 30 s")
	}
	killed := replicaOwning(t, replicas, port)
	lb.down(killed)
	if err := replicas[killed].cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-replicas[killed].exited
	charts.release()
	killedAt := time.Now()
	running(victim, 150*time.Second)
	t.Logf("replica %d killed mid-deploy; the service ran %s later", killed, time.Since(killedAt).Round(time.Second))
	var rescued []jobRun
	for id, r := range settledJobs() {
		if _, ok := before[id]; !ok {
			rescued = append(rescued, r)
		}
	}
	if len(rescued) != 1 || rescued[0] != (jobRun{"completed", 2, 2}) {
		t.Errorf("the killed deploy's job: %+v, want one job completed by its second attempt, on another replica", rescued)
	}
	data := bob.mustDo(t, serviceQuery, map[string]any{"id": victim})
	if n := pick[int](t, data, "node.revisions.totalCount"); n != 1 {
		t.Errorf("the rescued service has %d revisions, want 1: %s", n, data)
	}
}

// roundRobin is a reverse proxy that sends each request (a WebSocket
// upgrade included) to the next live replica in turn.
type roundRobin struct {
	srv *httptest.Server

	mu       sync.Mutex
	targets  []*url.URL
	dead     map[int]bool
	next     int
	lastUsed int
}

func newRoundRobin(t *testing.T, replicas []*process) *roundRobin {
	t.Helper()
	lb := &roundRobin{dead: map[int]bool{}}
	for _, p := range replicas {
		u, err := url.Parse(p.URL)
		if err != nil {
			t.Fatal(err)
		}
		lb.targets = append(lb.targets, u)
	}
	lb.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		target := lb.pick()
		(&httputil.ReverseProxy{Rewrite: func(pr *httputil.ProxyRequest) {
			pr.SetURL(target)
			pr.Out.Host = pr.In.Host // the address clients use, as behind a Service
		}}).ServeHTTP(w, r)
	}))
	t.Cleanup(lb.srv.Close)
	return lb
}

func (lb *roundRobin) URL() string { return lb.srv.URL }

func (lb *roundRobin) pick() *url.URL {
	lb.mu.Lock()
	defer lb.mu.Unlock()
	for {
		i := lb.next
		lb.next = (lb.next + 1) % len(lb.targets)
		if !lb.dead[i] {
			lb.lastUsed = i
			return lb.targets[i]
		}
	}
}

// last is the replica that served the latest request.
func (lb *roundRobin) last() int {
	lb.mu.Lock()
	defer lb.mu.Unlock()
	return lb.lastUsed
}

// down takes replica i out of the rotation, as a failed readiness probe
// does.
func (lb *roundRobin) down(i int) {
	lb.mu.Lock()
	defer lb.mu.Unlock()
	lb.dead[i] = true
}

// gatedRepo is a Helm chart repository on 127.0.0.1 that can hold the
// download of one archive until released, telling the test the client
// port of each held request.
type gatedRepo struct {
	srv   *httptest.Server
	files map[string][]byte
	asked chan int

	mu     sync.Mutex
	held   string
	opened chan struct{}
}

func newGatedRepo(t *testing.T, versions ...string) *gatedRepo {
	t.Helper()
	g := &gatedRepo{files: map[string][]byte{}, asked: make(chan int, 8), opened: make(chan struct{})}
	g.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := g.files[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		g.mu.Lock()
		held, opened := g.held == r.URL.Path, g.opened
		g.mu.Unlock()
		if held {
			_, p, _ := net.SplitHostPort(r.RemoteAddr)
			port, _ := strconv.Atoi(p)
			select {
			case g.asked <- port:
			default:
			}
			select {
			case <-opened:
			case <-r.Context().Done():
				return
			}
		}
		_, _ = w.Write(body)
	}))
	t.Cleanup(g.srv.Close)
	t.Cleanup(g.release) // before the server closes (cleanups run last first)
	idx := repo.NewIndexFile()
	for _, v := range versions {
		dir := filepath.Join(t.TempDir(), "replapp")
		for name, body := range map[string]string{
			"Chart.yaml":  "apiVersion: v2\nname: replapp\nversion: " + v + "\nappVersion: \"" + v + "\"\n",
			"values.yaml": "replicaCount: 1\n",
			"templates/deployment.yaml": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}
spec:
  replicas: {{ .Values.replicaCount }}
  selector:
    matchLabels: {app: {{ .Release.Name }}}
  template:
    metadata:
      labels: {app: {{ .Release.Name }}}
    spec:
      containers:
        - name: app
          image: nginx:1.27
`,
		} {
			if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		ch, err := loader.LoadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		path, err := chartutil.Save(ch, t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		if err := idx.MustAdd(ch.Metadata, filepath.Base(path), g.srv.URL+"/charts", hex.EncodeToString(sum[:])); err != nil {
			t.Fatal(err)
		}
		g.files["/charts/"+filepath.Base(path)] = data
	}
	out := filepath.Join(t.TempDir(), "index.yaml")
	if err := idx.WriteFile(out, 0o644); err != nil {
		t.Fatal(err)
	}
	index, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	g.files["/index.yaml"] = index
	return g
}

func (g *gatedRepo) URL() string { return g.srv.URL }

// hold makes downloads of path wait for release.
func (g *gatedRepo) hold(path string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.held, g.opened = path, make(chan struct{})
}

// release lets held downloads (and later ones) through.
func (g *gatedRepo) release() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.held != "" {
		g.held = ""
		close(g.opened)
	}
}

// replicaOwning returns which of the processes holds the TCP connection
// whose local port is port (on loopback, the port identifies it): its
// socket's inode from /proc/net/tcp, then the process with a file
// descriptor on that socket.
func replicaOwning(t *testing.T, procs []*process, port int) int {
	t.Helper()
	inode := ""
	for _, table := range []string{"/proc/net/tcp", "/proc/net/tcp6"} {
		data, err := os.ReadFile(table)
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(data), "\n")[1:] {
			f := strings.Fields(line)
			if len(f) < 10 {
				continue
			}
			_, hexPort, _ := strings.Cut(f[1], ":") // local_address
			if n, err := strconv.ParseUint(hexPort, 16, 16); err == nil && int(n) == port && f[9] != "0" {
				inode = f[9]
			}
		}
	}
	if inode == "" {
		t.Fatalf("no socket with local port %d in /proc/net/tcp", port)
	}
	want := "socket:[" + inode + "]"
	for i, p := range procs {
		dir := fmt.Sprintf("/proc/%d/fd", p.cmd.Process.Pid)
		fds, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, fd := range fds {
			if link, err := os.Readlink(filepath.Join(dir, fd.Name())); err == nil && link == want {
				return i
			}
		}
	}
	t.Fatalf("no replica holds the socket of port %d (%s)", port, want)
	return -1
}
