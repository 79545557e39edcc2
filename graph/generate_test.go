package graph_test

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestGeneratedCodeIsCurrent regenerates the ent client, the ent GraphQL
// schema, gqlgen's executable schema and the SQLite migration directory in
// a copy of the module, and fails when anything differs from what is
// committed: generated code must never be edited by hand or forgotten.
func TestGeneratedCodeIsCurrent(t *testing.T) {
	if testing.Short() {
		t.Skip("regeneration takes a while")
	}
	if os.Getenv("WOOW_TEST_DB") == "postgres" {
		t.Skip("dialect-independent: runs in the SQLite pass")
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	work := t.TempDir()
	copyTree(t, root, work)

	for _, args := range [][]string{
		{"run", "-mod=mod", "./ent/entc.go"},
		{"run", "-mod=mod", "./graph/gqlgen"},
		{"run", "-mod=mod", "./migrations/gen.go", "-sqlite-only", "check"},
	} {
		cmd := exec.Command("go", args...)
		cmd.Dir = work
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}

	for _, dir := range []string{"ent", "graph", "resolvers", "migrations", "schema.graphqls", "gqlgen.yml", "go.mod"} {
		compareTrees(t, filepath.Join(root, dir), filepath.Join(work, dir))
	}
}

func skip(rel string) bool {
	return rel == ".git" || strings.HasPrefix(rel, ".git/") ||
		strings.Contains(rel, "node_modules") || rel == "data" || strings.HasPrefix(rel, "data/") ||
		rel == "woow"
}

func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if skip(rel) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// compareTrees reports every file that was added, removed or changed.
func compareTrees(t *testing.T, want, got string) {
	t.Helper()
	files := func(root string) map[string][]byte {
		m := map[string][]byte{}
		_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			if strings.HasSuffix(rel, "_test.go") {
				return nil
			}
			b, err := os.ReadFile(p)
			m[rel] = b
			return err
		})
		return m
	}
	w, g := files(want), files(got)
	for name, wb := range w {
		gb, ok := g[name]
		switch {
		case !ok:
			t.Errorf("%s: regeneration removes it", filepath.Join(want, name))
		case !bytes.Equal(wb, gb):
			t.Errorf("%s: regeneration changes it (run make generate and commit)", filepath.Join(want, name))
		}
	}
	for name := range g {
		if _, ok := w[name]; !ok {
			t.Errorf("%s: regeneration adds it (run make generate and commit)", filepath.Join(want, name))
		}
	}
}
