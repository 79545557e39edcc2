package helmops

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"helm.sh/helm/v3/pkg/chart/loader"
	"helm.sh/helm/v3/pkg/chartutil"
	"helm.sh/helm/v3/pkg/repo"

	"github.com/woowtech/woow-paas/store/storetest"
)

// Test chart: a Deployment, a Service, an optional Ingress and a
// StatefulSet, with values the tests check in the rendered manifests.
const (
	chartYAML = `apiVersion: v2
name: webapp
description: A test web application
version: %s
appVersion: "%s"
kubeVersion: ">=1.25.0-0"
`
	valuesYAML = `replicaCount: 2
image:
  repository: nginx
  tag: "1.27"
ingress:
  enabled: false
  host: ""
db: {}
`
	deploymentYAML = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}-web
  labels:
    app.kubernetes.io/instance: {{ .Release.Name }}
spec:
  replicas: {{ .Values.replicaCount }}
  selector:
    matchLabels:
      app.kubernetes.io/instance: {{ .Release.Name }}
  template:
    metadata:
      labels:
        app.kubernetes.io/instance: {{ .Release.Name }}
    spec:
      containers:
        - name: web
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
`
	serviceYAML = `apiVersion: v1
kind: Service
metadata:
  name: {{ .Release.Name }}-web
spec:
  selector:
    app.kubernetes.io/instance: {{ .Release.Name }}
  ports:
    - port: 80
`
	ingressYAML = `{{- if .Values.ingress.enabled }}
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: {{ .Release.Name }}-web
spec:
  rules:
    - host: {{ .Values.ingress.host | quote }}
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: {{ .Release.Name }}-web
                port:
                  number: 80
{{- end }}
`
	statefulSetYAML = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: {{ .Release.Name }}-db
spec:
  serviceName: {{ .Release.Name }}-db
  {{- with .Values.db.replicas }}
  replicas: {{ . }}
  {{- end }}
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
        - name: db
          image: postgres:17
`
)

// writeChartDir writes the test chart at version/appVersion into a new
// directory and returns it.
func writeChartDir(t testing.TB, version, appVersion string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "webapp")
	files := map[string]string{
		"Chart.yaml":                 fmt.Sprintf(chartYAML, version, appVersion),
		"values.yaml":                valuesYAML,
		"templates/deployment.yaml":  deploymentYAML,
		"templates/service.yaml":     serviceYAML,
		"templates/ingress.yaml":     ingressYAML,
		"templates/statefulset.yaml": statefulSetYAML,
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// packageChart packages the test chart at version with Helm's chartutil
// and returns the archive's path.
func packageChart(t testing.TB, version, appVersion string) string {
	t.Helper()
	ch, err := loader.LoadDir(writeChartDir(t, version, appVersion))
	if err != nil {
		t.Fatal(err)
	}
	path, err := chartutil.Save(ch, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// chartRepo is a chart repository served by the test on 127.0.0.1: an
// index.yaml generated with Helm's repo.IndexFile and the archives. It
// counts requests per path and can be told to fail.
type chartRepo struct {
	srv *httptest.Server

	mu       sync.Mutex
	files    map[string][]byte // path -> body
	hits     map[string]int
	fail     int  // when set, every request answers this status
	chunked  bool // serve without Content-Length
	override map[string][]byte
}

func newChartRepo(t testing.TB, versions ...[2]string) *chartRepo {
	t.Helper()
	r := &chartRepo{files: map[string][]byte{}, hits: map[string]int{}, override: map[string][]byte{}}
	r.srv = httptest.NewServer(http.HandlerFunc(r.serve))
	t.Cleanup(r.srv.Close)
	idx := repo.NewIndexFile()
	for _, v := range versions {
		path := packageChart(t, v[0], v[1])
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		ch, err := loader.LoadArchive(strings.NewReader(string(data)))
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		name := filepath.Base(path)
		if err := idx.MustAdd(ch.Metadata, name, r.srv.URL+"/charts", hex.EncodeToString(sum[:])); err != nil {
			t.Fatal(err)
		}
		r.files["/charts/"+name] = data
	}
	idx.SortEntries()
	indexPath := filepath.Join(t.TempDir(), "index.yaml")
	if err := idx.WriteFile(indexPath, 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(indexPath)
	if err != nil {
		t.Fatal(err)
	}
	r.files["/index.yaml"] = b
	return r
}

func (r *chartRepo) serve(w http.ResponseWriter, req *http.Request) {
	r.mu.Lock()
	r.hits[req.URL.Path]++
	fail, chunked := r.fail, r.chunked
	body, ok := r.override[req.URL.Path]
	if !ok {
		body, ok = r.files[req.URL.Path]
	}
	r.mu.Unlock()
	switch {
	case fail != 0:
		http.Error(w, http.StatusText(fail), fail)
	case !ok:
		http.NotFound(w, req)
	case chunked:
		// Write in two flushed parts: no Content-Length.
		half := len(body) / 2
		_, _ = w.Write(body[:half])
		w.(http.Flusher).Flush()
		_, _ = w.Write(body[half:])
	default:
		w.Header().Set("Content-Length", fmt.Sprint(len(body)))
		_, _ = w.Write(body)
	}
}

func (r *chartRepo) total() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, c := range r.hits {
		n += c
	}
	return n
}

func (r *chartRepo) hitsOf(path string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.hits[path]
}

func (r *chartRepo) set(f func(r *chartRepo)) {
	r.mu.Lock()
	defer r.mu.Unlock()
	f(r)
}

// testLog is a logger that prints through t.Log when -v is given.
func testLog(t testing.TB) *slog.Logger {
	if !testing.Verbose() {
		return slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	return slog.New(slog.NewTextHandler(tWriter{t}, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

type tWriter struct{ t testing.TB }

func (w tWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// testChartDirs allows local charts in every directory t.TempDir returns
// (they share one parent per test): where writeChartDir and packageChart
// put the test charts.
func testChartDirs(t testing.TB) []string {
	t.Helper()
	return []string{filepath.Dir(t.TempDir())}
}

// newDryRun returns a dry-run engine over a fresh migrated database, and
// the store. Local charts load from the test's temporary directories
// unless cfg says otherwise.
func newDryRun(t testing.TB, cfg Config) (*Engine, *ReleaseStore) {
	t.Helper()
	db := storetest.Open(t)
	st := NewReleaseStore(db.Client, nil)
	cfg.Releases = st
	if cfg.CacheDir == "" {
		cfg.CacheDir = t.TempDir()
	}
	if cfg.ChartDirs == nil {
		cfg.ChartDirs = testChartDirs(t)
	}
	e, err := New(cfg, testLog(t))
	if err != nil {
		t.Fatal(err)
	}
	return e, st
}
