package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// testAdminURL is the PostgreSQL the test creates its database on. It
// skips without one, unless CI=true.
func testAdminURL(t *testing.T) string {
	t.Helper()
	admin := os.Getenv("TEST_DATABASE_URL")
	if admin == "" {
		admin = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
	}
	db, err := sql.Open("postgres", admin)
	if err == nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		err = db.PingContext(ctx)
		cancel()
		db.Close()
	}
	if err != nil {
		u, _ := url.Parse(admin)
		if os.Getenv("CI") == "true" {
			t.Fatalf("PostgreSQL at %s does not answer: %v", u.Redacted(), err)
		}
		t.Skipf("PostgreSQL at %s does not answer: %v", u.Redacted(), err)
	}
	return admin
}

// TestAnswersAndStatementCounts seeds the small shape and checks that the
// lower bound and the real server (the binary, built here) give the same
// answers for both viewers and page sizes, that an unknown token is
// refused by both, and that the proxy counts the lower bound's one
// statement per request and a simple query.
func TestAnswersAndStatementCounts(t *testing.T) {
	admin := testAdminURL(t)
	// Built before the clock starts: on a cold build cache, with other
	// packages' tests compiling beside it, the build alone can take
	// minutes.
	woow := serverBinary(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	db, err := createDB(ctx, admin)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := db.drop(); err != nil {
			t.Errorf("drop %s: %v", db.Name, err)
		}
	})
	if err := prepareDB(ctx, db.DSN, smallShape); err != nil {
		t.Fatal(err)
	}

	tmp := t.TempDir()
	// The lower bound in-process; ours as a child, through the proxy.
	u, _ := url.Parse(db.DSN)
	proxy, err := startProxy(u.Host)
	if err != nil {
		t.Fatal(err)
	}
	defer proxy.Close()
	lb, err := newLowerBound(ctx, withHostPort(db.DSN, proxy.Addr()))
	if err != nil {
		t.Fatal(err)
	}
	defer lb.db.Close()
	lbAddr := serveTest(t, lb)
	ours, err := startOurs(ctx, woow, db.DSN, tmp, "test")
	if err != nil {
		t.Fatal(err)
	}
	defer ours.stop()

	for _, v := range []struct {
		token string
		ws    int
	}{{tokenFew, smallShape.ViewerFew}, {tokenAll, smallShape.Workspaces}} {
		for _, first := range []int{2, 20} {
			q := benchQuery(first)
			n0 := proxy.Statements()
			want, err := newClient(lbAddr, v.token, q, 1).do(ctx)
			if err != nil {
				t.Fatalf("lower bound: %v", err)
			}
			if n := proxy.Statements() - n0; n != 1 {
				t.Errorf("lower bound: %d statements counted for one request, want 1", n)
			}
			got, err := newClient(ours.Addr, v.token, q, 1).do(ctx)
			if err != nil {
				t.Fatalf("ours: %v", err)
			}
			if !sameAnswer(want, got) {
				t.Errorf("viewer of %d, first %d: answers differ\nlower bound: %s\nours:        %s", v.ws, first, want, got)
			}
			if wantN := min(first, v.ws); countEdges(t, want) != wantN {
				t.Errorf("viewer of %d, first %d: %d workspaces, want %d: %s", v.ws, first, countEdges(t, want), wantN, want)
			}
		}
	}
	bad := "benchnobodyAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
	if _, err := newClient(lbAddr, bad, benchQuery(20), 1).do(ctx); err == nil {
		t.Error("lower bound: an unknown token was accepted")
	}
	if _, err := newClient(ours.Addr, bad, benchQuery(20), 1).do(ctx); err == nil {
		t.Error("ours: an unknown token was accepted")
	}

	// A simple query ('Q') counts once too.
	pdb, err := sql.Open("postgres", withHostPort(db.DSN, proxy.Addr()))
	if err != nil {
		t.Fatal(err)
	}
	defer pdb.Close()
	pdb.SetMaxOpenConns(1)
	if err := pdb.PingContext(ctx); err != nil {
		t.Fatal(err)
	}
	n0 := proxy.Statements()
	if _, err := pdb.ExecContext(ctx, "SELECT 1"); err != nil {
		t.Fatal(err)
	}
	if n := proxy.Statements() - n0; n != 1 {
		t.Errorf("simple query: %d statements counted, want 1", n)
	}
}

// serverBinary is WOOW_BIN when set, else the server built from this
// tree into the user's cache directory: go build does not relink an
// up-to-date binary there, so only the first run (or one after a change)
// pays the link, about a minute on two shared cores.
func serverBinary(t *testing.T) string {
	t.Helper()
	if bin := os.Getenv("WOOW_BIN"); bin != "" {
		return bin
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	woow := filepath.Join(dir, "woow-benchread", "woow")
	// Without -trimpath: the build then shares the cache of every other
	// build of the module.
	build := exec.Command("go", "build", "-o", woow, "../..")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the server: %v\n%s", err, out)
	}
	return woow
}

func serveTest(t *testing.T, h *lowerBound) string {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.Listener.Addr().String()
}

func countEdges(t *testing.T, answer []byte) int {
	t.Helper()
	var v struct {
		Data struct {
			Workspaces struct {
				Edges []any `json:"edges"`
			} `json:"workspaces"`
		} `json:"data"`
	}
	if err := json.Unmarshal(answer, &v); err != nil {
		t.Fatal(err)
	}
	return len(v.Data.Workspaces.Edges)
}
