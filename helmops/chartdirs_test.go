package helmops

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	kubefake "helm.sh/helm/v3/pkg/kube/fake"
)

// chartTree is a layout of allowed and forbidden places on disk:
//
//	<root>/charts/webapp          a chart (allowed)
//	<root>/charts-evil/webapp     a chart beside, sharing the name's prefix
//	<root>/outside/webapp         a chart elsewhere
//	<root>/outside/secret.txt     a file no chart may read
type chartTree struct {
	root, charts, evil, outside string
}

func newChartTree(t *testing.T) chartTree {
	t.Helper()
	root := t.TempDir()
	c := chartTree{
		root:    root,
		charts:  filepath.Join(root, "charts"),
		evil:    filepath.Join(root, "charts-evil"),
		outside: filepath.Join(root, "outside"),
	}
	for _, d := range []string{c.charts, c.evil, c.outside} {
		copyDir(t, writeChartDir(t, "0.1.0", "1.0"), filepath.Join(d, "webapp"))
	}
	if err := os.WriteFile(filepath.Join(c.outside, "secret.txt"), []byte("top secret"), 0o600); err != nil {
		t.Fatal(err)
	}
	return c
}

// copyDir copies a directory tree of regular files.
func copyDir(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

func TestLocalChartPath(t *testing.T) {
	c := newChartTree(t)
	allowed := []string{c.charts}
	inside := filepath.Join(c.charts, "webapp")

	// A link inside the chart directories to a chart elsewhere, and a
	// chart directory that holds a link to a file elsewhere.
	symlink(t, filepath.Join(c.outside, "webapp"), filepath.Join(c.charts, "escape"))
	leaky := filepath.Join(c.charts, "leaky")
	copyDir(t, inside, leaky)
	symlink(t, filepath.Join(c.outside, "secret.txt"), filepath.Join(leaky, "templates", "secret.txt"))
	// A link that stays inside is fine, and so is a chart directory
	// listed through a link.
	symlink(t, inside, filepath.Join(c.charts, "alias"))
	linkedDirs := filepath.Join(c.root, "linked-charts")
	symlink(t, c.charts, linkedDirs)

	cwd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	relInside, err := filepath.Rel(cwd, inside)
	if err != nil {
		t.Fatal(err)
	}

	for _, tc := range []struct {
		name string
		dirs []string
		path string
		want string // the resolved path, or "" for an error
		err  error
	}{
		{"inside", allowed, inside, inside, nil},
		{"relative path", allowed, relInside, inside, nil},
		{"the directory itself", []string{inside}, inside, inside, nil},
		{"trailing separator and dots", allowed, c.charts + "/./webapp/", inside, nil},
		{"outside", allowed, filepath.Join(c.outside, "webapp"), "", ErrLocalChartRefused},
		{"dot-dot out", allowed, filepath.Join(c.charts, "..", "outside", "webapp"), "", ErrLocalChartRefused},
		{"dot-dot out and back", allowed, c.charts + "/../charts/webapp", inside, nil},
		{"prefix trick", allowed, filepath.Join(c.evil, "webapp"), "", ErrLocalChartRefused},
		{"symlink escaping", allowed, filepath.Join(c.charts, "escape"), "", ErrLocalChartRefused},
		// ".." is resolved before the links (as filepath.Clean does),
		// and what is loaded is the path checked: charts/secret.txt.
		{"dot-dot after a symlink", allowed, c.charts + "/escape/../secret.txt", "", ErrChartNotFound},
		{"symlink inside the chart escaping", allowed, leaky, "", ErrLocalChartRefused},
		{"symlink staying inside", allowed, filepath.Join(c.charts, "alias"), inside, nil},
		{"allowed directory through a symlink", []string{linkedDirs}, inside, inside, nil},
		{"chart through a symlinked allowed directory", allowed, filepath.Join(linkedDirs, "webapp"), inside, nil},
		{"missing inside", allowed, filepath.Join(c.charts, "nope"), "", ErrChartNotFound},
		{"missing outside", allowed, filepath.Join(c.outside, "nope"), "", ErrLocalChartRefused},
		{"empty list", nil, inside, "", ErrLocalChartRefused},
		{"missing allowed directory", []string{filepath.Join(c.root, "gone")}, inside, "", ErrLocalChartRefused},
		{"several directories", []string{filepath.Join(c.root, "gone"), c.outside}, filepath.Join(c.outside, "webapp"), filepath.Join(c.outside, "webapp"), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := LocalChartPath(tc.dirs, tc.path)
			if tc.err != nil {
				if !errors.Is(err, tc.err) || got != "" {
					t.Fatalf("LocalChartPath(%q) = %q, %v; want %v", tc.path, got, err, tc.err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("LocalChartPath(%q) = %q, %v; want %q", tc.path, got, err, tc.want)
			}
		})
	}
}

// TestChartLocalRefused: the engine loads no local chart outside its
// chart directories, whatever a template says (defense in depth: the
// catalogue checks too, but a template may predate the rule).
func TestChartLocalRefused(t *testing.T) {
	c := newChartTree(t)
	ctx := context.Background()
	e, _ := newDryRun(t, Config{ChartDirs: []string{c.charts}})
	if _, err := e.Chart(ctx, ChartRef{Ref: filepath.Join(c.charts, "webapp")}); err != nil {
		t.Fatalf("inside: %v", err)
	}
	for _, ref := range []string{
		filepath.Join(c.outside, "webapp"),
		filepath.Join(c.evil, "webapp"),
		filepath.Join(c.charts, "..", "outside", "webapp"),
	} {
		if _, err := e.Chart(ctx, ChartRef{Ref: ref}); !errors.Is(err, ErrLocalChartRefused) {
			t.Errorf("Chart(%s): %v, want ErrLocalChartRefused", ref, err)
		}
		if _, err := e.Install(ctx, "apps", "web", ChartRef{Ref: ref}, nil); !errors.Is(err, ErrLocalChartRefused) {
			t.Errorf("Install(%s): %v, want ErrLocalChartRefused", ref, err)
		}
	}
	off, _ := newDryRun(t, Config{ChartDirs: []string{}})
	if _, err := off.Chart(ctx, ChartRef{Ref: filepath.Join(c.charts, "webapp")}); !errors.Is(err, ErrLocalChartRefused) ||
		!strings.Contains(err.Error(), "disabled") {
		t.Errorf("with no chart directories: %v", err)
	}
}

func TestChartRefIsLocal(t *testing.T) {
	for ref, want := range map[ChartRef]bool{
		{Ref: "/srv/charts/app"}:                     true,
		{Ref: "./charts/app"}:                        true,
		{Ref: "app.tgz"}:                             true,
		{Ref: "app", RepoURL: "https://charts.x.io"}: false,
		{Ref: "oci://registry.x.io/charts/app"}:      false,
		{Ref: "https://x.io/app-1.0.0.tgz"}:          false,
		{Ref: "http://x.io/app-1.0.0.tgz"}:           false,
		{}:                                           false,
	} {
		if got := ref.IsLocal(); got != want {
			t.Errorf("%+v.IsLocal() = %v, want %v", ref, got, want)
		}
	}
}

func TestSplitChartDirs(t *testing.T) {
	sep := string(os.PathListSeparator)
	got := SplitChartDirs("/a" + sep + sep + "/b,c" + sep)
	if len(got) != 2 || got[0] != "/a" || got[1] != "/b,c" {
		t.Fatalf("SplitChartDirs = %q", got)
	}
	if got := SplitChartDirs(""); len(got) != 0 {
		t.Fatalf("SplitChartDirs(\"\") = %q", got)
	}
}

// lockedBuffer is a log destination safe for concurrent writes.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestRedactionAndRendered: Helm's log lines about an operation pass
// through the context's redaction (Helm logs the errors, which may quote
// values); Rendered returns a revision's manifest with its values, the
// chart's defaults coalesced.
func TestRedactionAndRendered(t *testing.T) {
	const secret = "hunter2-hunter2"
	ctx := context.Background()
	failing := &kubefake.FailingKubeClient{
		PrintingKubeClient: kubefake.PrintingKubeClient{Out: io.Discard},
		DummyResources:     notFoundResources(),
		CreateError:        errors.New(`Deployment "web" is invalid: env[0].value: Invalid value: "` + secret + `"`),
		WaitError:          errors.New(`timed out with "` + secret + `"`),
	}
	var logs lockedBuffer
	_, st := newDryRun(t, Config{KubeClient: failing})
	e, err := New(Config{CacheDir: t.TempDir(), Releases: st, KubeClient: failing, ChartDirs: testChartDirs(t)},
		slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})))
	if err != nil {
		t.Fatal(err)
	}
	ref := ChartRef{Ref: writeChartDir(t, "0.1.0", "1.0")}
	rctx := WithRedaction(ctx, func(s string) string { return strings.ReplaceAll(s, secret, "<gone>") })
	if _, err := e.Install(rctx, "apps", "web", ref, map[string]any{"image": map[string]any{"tag": "9.9"}}); err == nil {
		t.Fatal("the install did not fail")
	}
	if _, err := e.Upgrade(rctx, "apps", "web", ref, map[string]any{"replicaCount": 5}); err == nil {
		t.Fatal("the upgrade did not fail")
	}
	out := logs.String()
	if strings.Contains(out, secret) || !strings.Contains(out, "<gone>") {
		t.Errorf("Helm's log lines are not redacted:\n%s", out)
	}

	r, err := e.Rendered(ctx, "apps", "web", 1)
	if err != nil {
		t.Fatal(err)
	}
	if r.Revision != 1 || !strings.Contains(r.Manifest, `image: "nginx:9.9"`) {
		t.Errorf("revision %d manifest:\n%s", r.Revision, r.Manifest)
	}
	if tag := r.Values["image"].(map[string]any)["tag"]; tag != "9.9" || len(r.Values) != 1 {
		t.Errorf("values %v", r.Values)
	}
	if repo := r.Computed["image"].(map[string]any)["repository"]; repo != "nginx" || r.Computed["replicaCount"] != float64(2) {
		t.Errorf("computed values %v", r.Computed)
	}
	if newest, err := e.Rendered(ctx, "apps", "web", 0); err != nil || newest.Revision != 2 || newest.Computed["replicaCount"] != float64(5) {
		t.Errorf("newest: %+v, %v", newest, err)
	}
	if _, err := e.Rendered(ctx, "apps", "web", 7); !errors.Is(err, ErrReleaseNotFound) {
		t.Errorf("a missing revision: %v", err)
	}
}
