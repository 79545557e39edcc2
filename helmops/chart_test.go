package helmops

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestChartFromRepo(t *testing.T) {
	r := newChartRepo(t, [2]string{"0.1.0", "1.0"}, [2]string{"0.2.0", "2.0"})
	cache := t.TempDir()
	e, _ := newDryRun(t, Config{CacheDir: cache})
	ctx := context.Background()

	// Latest: index.yaml, then the newest archive.
	ch, err := e.Chart(ctx, ChartRef{Ref: "webapp", RepoURL: r.srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	if ch.Metadata.Version != "0.2.0" || ch.Metadata.AppVersion != "2.0" {
		t.Fatalf("latest = %s (app %s)", ch.Metadata.Version, ch.Metadata.AppVersion)
	}
	if r.hitsOf("/index.yaml") != 1 || r.hitsOf("/charts/webapp-0.2.0.tgz") != 1 {
		t.Fatalf("hits: %v", r.hits)
	}

	// An exact version: fetched once, then from the cache without a request.
	ref := ChartRef{Ref: "webapp", RepoURL: r.srv.URL, Version: "0.1.0"}
	if ch, err = e.Chart(ctx, ref); err != nil || ch.Metadata.Version != "0.1.0" {
		t.Fatalf("0.1.0: %v, %v", ch, err)
	}
	before := r.total()
	for range 3 {
		if ch, err = e.Chart(ctx, ref); err != nil || ch.Metadata.Version != "0.1.0" {
			t.Fatalf("cached 0.1.0: %v", err)
		}
	}
	if r.total() != before {
		t.Fatalf("cached fetches made %d requests", r.total()-before)
	}
	// The cache survives a new engine (a restart).
	e2, _ := newDryRun(t, Config{CacheDir: cache})
	if _, err := e2.Chart(ctx, ref); err != nil || r.total() != before {
		t.Fatalf("after restart: %v, %d requests", err, r.total()-before)
	}

	// "Latest" must ask the index again, but reuses the cached archive.
	if _, err := e.Chart(ctx, ChartRef{Ref: "webapp", RepoURL: r.srv.URL}); err != nil {
		t.Fatal(err)
	}
	if r.hitsOf("/index.yaml") != 3 || r.hitsOf("/charts/webapp-0.2.0.tgz") != 1 {
		t.Fatalf("hits: %v", r.hits)
	}
	// A constraint resolves through the index.
	if ch, err = e.Chart(ctx, ChartRef{Ref: "webapp", RepoURL: r.srv.URL, Version: "~0.1"}); err != nil || ch.Metadata.Version != "0.1.0" {
		t.Fatalf("~0.1: %v", err)
	}

	// No temporary files are left in the cache.
	entries, _ := os.ReadDir(cache)
	for _, en := range entries {
		if strings.HasPrefix(en.Name(), ".") && en.Name() != ".kube" {
			t.Errorf("left in the cache: %s", en.Name())
		}
	}

	// A damaged cache file is dropped and fetched again.
	if err := os.WriteFile(e.cacheFile(ref, "0.1.0"), []byte("garbage"), 0o600); err != nil {
		t.Fatal(err)
	}
	n := r.hitsOf("/charts/webapp-0.1.0.tgz")
	if ch, err = e.Chart(ctx, ref); err != nil || ch.Metadata.Version != "0.1.0" {
		t.Fatalf("after damage: %v", err)
	}
	if r.hitsOf("/charts/webapp-0.1.0.tgz") != n+1 {
		t.Fatal("damaged cache entry was not fetched again")
	}
}

func TestChartFromRepoConcurrent(t *testing.T) {
	r := newChartRepo(t, [2]string{"0.1.0", "1.0"})
	e, _ := newDryRun(t, Config{})
	ref := ChartRef{Ref: "webapp", RepoURL: r.srv.URL, Version: "0.1.0"}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Go(func() {
			ch, err := e.Chart(context.Background(), ref)
			if err == nil && ch.Metadata.Version != "0.1.0" {
				err = fmt.Errorf("version %s", ch.Metadata.Version)
			}
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if n := r.hitsOf("/charts/webapp-0.1.0.tgz"); n < 1 || n > 8 {
		t.Fatalf("archive fetched %d times", n)
	}
}

func TestChartLocal(t *testing.T) {
	e, _ := newDryRun(t, Config{})
	ctx := context.Background()
	dir := writeChartDir(t, "0.3.0", "3.0")
	ch, err := e.Chart(ctx, ChartRef{Ref: dir})
	if err != nil || ch.Metadata.Version != "0.3.0" || len(ch.Templates) != 4 {
		t.Fatalf("directory: %v, %v", ch, err)
	}
	archive := packageChart(t, "0.4.0", "4.0")
	if ch, err = e.Chart(ctx, ChartRef{Ref: archive}); err != nil || ch.Metadata.Version != "0.4.0" {
		t.Fatalf("archive: %v", err)
	}
	if _, err := e.Chart(ctx, ChartRef{Ref: filepath.Join(t.TempDir(), "nope")}); !errors.Is(err, ErrChartNotFound) {
		t.Fatalf("missing path: %v", err)
	}
	if _, err := e.Chart(ctx, ChartRef{}); !errors.Is(err, ErrChartNotFound) {
		t.Fatalf("empty ref: %v", err)
	}
}

func TestChartErrors(t *testing.T) {
	r := newChartRepo(t, [2]string{"0.1.0", "1.0"})
	ctx := context.Background()

	t.Run("not found", func(t *testing.T) {
		e, _ := newDryRun(t, Config{})
		for _, ref := range []ChartRef{
			{Ref: "other", RepoURL: r.srv.URL},
			{Ref: "webapp", RepoURL: r.srv.URL, Version: "9.9.9"},
			{Ref: "webapp", RepoURL: r.srv.URL + "/no/repo"},
			{Ref: r.srv.URL + "/charts/nope-1.0.0.tgz"},
		} {
			if _, err := e.Chart(ctx, ref); !errors.Is(err, ErrChartNotFound) {
				t.Errorf("%s: err = %v, want ErrChartNotFound", ref, err)
			}
		}
	})

	t.Run("server error", func(t *testing.T) {
		e, _ := newDryRun(t, Config{})
		r.set(func(r *chartRepo) { r.fail = http.StatusInternalServerError })
		defer r.set(func(r *chartRepo) { r.fail = 0 })
		_, err := e.Chart(ctx, ChartRef{Ref: "webapp", RepoURL: r.srv.URL, Version: "0.1.0"})
		if err == nil || errors.Is(err, ErrChartNotFound) || !strings.Contains(err.Error(), "500") {
			t.Fatalf("err = %v", err)
		}
	})

	t.Run("oversized archive", func(t *testing.T) {
		for _, chunked := range []bool{false, true} {
			e, _ := newDryRun(t, Config{MaxChartBytes: 300})
			r.set(func(r *chartRepo) { r.chunked = chunked })
			_, err := e.Chart(ctx, ChartRef{Ref: "webapp", RepoURL: r.srv.URL, Version: "0.1.0"})
			if !errors.Is(err, errTooLarge) {
				t.Errorf("chunked=%v: err = %v, want too large", chunked, err)
			}
		}
		r.set(func(r *chartRepo) { r.chunked = false })
	})

	t.Run("oversized index", func(t *testing.T) {
		e, _ := newDryRun(t, Config{MaxIndexBytes: 100})
		_, err := e.Chart(ctx, ChartRef{Ref: "webapp", RepoURL: r.srv.URL})
		if !errors.Is(err, errTooLarge) {
			t.Fatalf("err = %v, want too large", err)
		}
	})

	t.Run("digest mismatch", func(t *testing.T) {
		e, _ := newDryRun(t, Config{})
		other, err := os.ReadFile(packageChart(t, "0.1.0", "1.0-tampered"))
		if err != nil {
			t.Fatal(err)
		}
		r.set(func(r *chartRepo) { r.override["/charts/webapp-0.1.0.tgz"] = other })
		defer r.set(func(r *chartRepo) { delete(r.override, "/charts/webapp-0.1.0.tgz") })
		if _, err := e.Chart(ctx, ChartRef{Ref: "webapp", RepoURL: r.srv.URL, Version: "0.1.0"}); err == nil || !strings.Contains(err.Error(), "digest") {
			t.Fatalf("err = %v, want a digest mismatch", err)
		}
	})

	t.Run("not a chart", func(t *testing.T) {
		e, _ := newDryRun(t, Config{})
		r.set(func(r *chartRepo) { r.override["/charts/webapp-0.1.0.tgz"] = []byte("not a tarball") })
		defer r.set(func(r *chartRepo) { delete(r.override, "/charts/webapp-0.1.0.tgz") })
		if _, err := e.Chart(ctx, ChartRef{Ref: r.srv.URL + "/charts/webapp-0.1.0.tgz"}); err == nil {
			t.Fatal("a broken archive loaded")
		}
	})

	t.Run("timeout", func(t *testing.T) {
		slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
			select {
			case <-time.After(5 * time.Second):
			case <-req.Context().Done():
			}
		}))
		defer slow.Close()
		e, _ := newDryRun(t, Config{FetchTimeout: 200 * time.Millisecond})
		start := time.Now()
		_, err := e.Chart(ctx, ChartRef{Ref: "webapp", RepoURL: slow.URL})
		if err == nil || time.Since(start) > 3*time.Second {
			t.Fatalf("err = %v after %v", err, time.Since(start))
		}
	})
}

// ociRegistry is the read side of the OCI distribution API, enough for
// Helm's registry client to list tags and pull charts, served on 127.0.0.1
// over plain HTTP.
type ociRegistry struct {
	srv       *httptest.Server
	mu        sync.Mutex
	manifests map[string][]byte // "repo:tag" and "repo@digest"
	blobs     map[string][]byte // digest
	tags      map[string][]string
	hits      int
}

func newOCIRegistry(t testing.TB) *ociRegistry {
	r := &ociRegistry{manifests: map[string][]byte{}, blobs: map[string][]byte{}, tags: map[string][]string{}}
	r.srv = httptest.NewServer(http.HandlerFunc(r.serve))
	t.Cleanup(r.srv.Close)
	return r
}

func digestOf(b []byte) string {
	sum := sha256.Sum256(b)
	return "sha256:" + hex.EncodeToString(sum[:])
}

// push stores the chart archive at path as repo:tag, the way `helm push`
// lays it out (config = chart metadata, one chart layer).
func (r *ociRegistry) push(t testing.TB, repo, tag, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	config := []byte(fmt.Sprintf(`{"name":"webapp","version":%q,"apiVersion":"v2"}`, tag))
	manifest, err := json.Marshal(map[string]any{
		"schemaVersion": 2,
		"mediaType":     "application/vnd.oci.image.manifest.v1+json",
		"config": map[string]any{
			"mediaType": "application/vnd.cncf.helm.config.v1+json",
			"digest":    digestOf(config), "size": len(config),
		},
		"layers": []map[string]any{{
			"mediaType": "application/vnd.cncf.helm.chart.content.v1.tar+gzip",
			"digest":    digestOf(data), "size": len(data),
		}},
	})
	if err != nil {
		t.Fatal(err)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.blobs[digestOf(config)] = config
	r.blobs[digestOf(data)] = data
	r.manifests[repo+":"+tag] = manifest
	r.manifests[repo+"@"+digestOf(manifest)] = manifest
	r.tags[repo] = append(r.tags[repo], tag)
}

func (r *ociRegistry) serve(w http.ResponseWriter, req *http.Request) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.hits++
	p := strings.TrimPrefix(req.URL.Path, "/v2/")
	switch {
	case p == "" || p == "/":
		w.WriteHeader(http.StatusOK)
	case strings.HasSuffix(p, "/tags/list"):
		repo := strings.TrimSuffix(p, "/tags/list")
		tags, ok := r.tags[repo]
		if !ok {
			ociNotFound(w, "NAME_UNKNOWN")
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"name": repo, "tags": tags})
	case strings.Contains(p, "/manifests/"):
		i := strings.LastIndex(p, "/manifests/")
		repo, ref := p[:i], p[i+len("/manifests/"):]
		key := repo + ":" + ref
		if strings.HasPrefix(ref, "sha256:") {
			key = repo + "@" + ref
		}
		m, ok := r.manifests[key]
		if !ok {
			ociNotFound(w, "MANIFEST_UNKNOWN")
			return
		}
		w.Header().Set("Content-Type", "application/vnd.oci.image.manifest.v1+json")
		w.Header().Set("Docker-Content-Digest", digestOf(m))
		w.Header().Set("Content-Length", fmt.Sprint(len(m)))
		if req.Method != http.MethodHead {
			_, _ = w.Write(m)
		}
	case strings.Contains(p, "/blobs/"):
		d := p[strings.LastIndex(p, "/blobs/")+len("/blobs/"):]
		b, ok := r.blobs[d]
		if !ok {
			ociNotFound(w, "BLOB_UNKNOWN")
			return
		}
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Header().Set("Docker-Content-Digest", d)
		w.Header().Set("Content-Length", fmt.Sprint(len(b)))
		if req.Method != http.MethodHead {
			_, _ = w.Write(b)
		}
	default:
		http.NotFound(w, req)
	}
}

func ociNotFound(w http.ResponseWriter, code string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusNotFound)
	fmt.Fprintf(w, `{"errors":[{"code":%q,"message":"not found"}]}`, code)
}

func (r *ociRegistry) requests() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.hits
}

func TestChartFromOCI(t *testing.T) {
	reg := newOCIRegistry(t)
	reg.push(t, "charts/webapp", "0.1.0", packageChart(t, "0.1.0", "1.0"))
	reg.push(t, "charts/webapp", "0.2.0", packageChart(t, "0.2.0", "2.0"))
	host := strings.TrimPrefix(reg.srv.URL, "http://")
	ref := "oci://" + host + "/charts/webapp"
	e, _ := newDryRun(t, Config{RegistryPlainHTTP: true})
	ctx := context.Background()

	ch, err := e.Chart(ctx, ChartRef{Ref: ref})
	if err != nil {
		t.Fatal(err)
	}
	if ch.Metadata.Version != "0.2.0" {
		t.Fatalf("latest = %s", ch.Metadata.Version)
	}
	if ch, err = e.Chart(ctx, ChartRef{Ref: ref, Version: "0.1.0"}); err != nil || ch.Metadata.Version != "0.1.0" {
		t.Fatalf("0.1.0: %v", err)
	}
	n := reg.requests()
	if ch, err = e.Chart(ctx, ChartRef{Ref: ref, Version: "0.1.0"}); err != nil || ch.Metadata.AppVersion != "1.0" {
		t.Fatalf("cached 0.1.0: %v", err)
	}
	if reg.requests() != n {
		t.Fatalf("cached pull made %d requests", reg.requests()-n)
	}

	for _, bad := range []ChartRef{
		{Ref: ref, Version: "9.9.9"},
		{Ref: ref, Version: "^3"},
		{Ref: "oci://" + host + "/charts/other"},
	} {
		if _, err := e.Chart(ctx, bad); !errors.Is(err, ErrChartNotFound) {
			t.Errorf("%s: err = %v, want ErrChartNotFound", bad, err)
		}
	}

	if _, err := e.Chart(ctx, ChartRef{Ref: ref + ":0.1.0"}); err == nil || !strings.Contains(err.Error(), "ChartRef.Version") {
		t.Errorf("tag in the reference: %v", err)
	}

	// Size limit on OCI blobs.
	small, _ := newDryRun(t, Config{RegistryPlainHTTP: true, MaxChartBytes: 300})
	if _, err := small.Chart(ctx, ChartRef{Ref: ref, Version: "0.2.0"}); !errors.Is(err, errTooLarge) {
		t.Fatalf("oversized OCI chart: %v", err)
	}
}

func TestChartFromOCIRefused(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close() // nothing listens there now
	e, _ := newDryRun(t, Config{FetchTimeout: 2 * time.Second})
	for _, v := range []string{"", "1.0.0"} {
		_, err := e.Chart(context.Background(), ChartRef{Ref: "oci://" + addr + "/charts/webapp", Version: v})
		if err == nil || errors.Is(err, ErrChartNotFound) || !strings.Contains(err.Error(), "refused") {
			t.Errorf("version %q: err = %v, want connection refused", v, err)
		}
	}
}
