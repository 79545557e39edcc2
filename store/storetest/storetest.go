// Package storetest gives tests a fresh, migrated database of the dialect
// the test run is for: SQLite by default, PostgreSQL when WOOW_TEST_DB is
// "postgres" (make test runs the suite both ways). Each PostgreSQL test gets
// its own database on TEST_DATABASE_URL, dropped when the test ends.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"io"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/woowtech/woow-paas/store"
)

// DefaultURL is the local test server this machine runs.
const DefaultURL = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"

// Dialect is the dialect this test run uses.
func Dialect() string {
	if os.Getenv("WOOW_TEST_DB") == "postgres" {
		return "postgres"
	}
	return "sqlite"
}

// Open returns a migrated database for the test, closed at cleanup.
func Open(tb testing.TB) *store.DB {
	tb.Helper()
	ctx := context.Background()
	var (
		db  *store.DB
		err error
	)
	if Dialect() == "postgres" {
		db, err = store.Open(ctx, NewPostgresDatabase(tb), "")
	} else {
		db, err = store.OpenSQLite(ctx, filepath.Join(tb.TempDir(), "test.db"))
	}
	if err != nil {
		tb.Fatalf("opening test database: %v", err)
	}
	tb.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(ctx, slog.New(slog.NewTextHandler(io.Discard, nil))); err != nil {
		tb.Fatalf("migrating test database: %v", err)
	}
	return db
}

// DatabaseURL is a database URL for the test: a new PostgreSQL database on
// PostgreSQL runs, "" (meaning SQLite in the data dir) otherwise.
func DatabaseURL(tb testing.TB) string {
	tb.Helper()
	if Dialect() != "postgres" {
		return ""
	}
	return NewPostgresDatabase(tb)
}

// NewPostgresDatabase creates an empty database on TEST_DATABASE_URL's
// server, drops it (forcing connections closed) at cleanup, and returns its
// URL.
func NewPostgresDatabase(tb testing.TB) string {
	tb.Helper()
	base := os.Getenv("TEST_DATABASE_URL")
	if base == "" {
		base = DefaultURL
	}
	admin, err := sql.Open("postgres", base)
	if err != nil {
		tb.Fatal(err)
	}
	defer admin.Close()
	if err := admin.Ping(); err != nil {
		tb.Fatalf("PostgreSQL at %s does not answer: %v", base, err)
	}
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	name := "woow_test_" + hex.EncodeToString(b)
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		tb.Fatalf("creating %s: %v", name, err)
	}
	tb.Cleanup(func() {
		a, err := sql.Open("postgres", base)
		if err != nil {
			return
		}
		defer a.Close()
		if _, err := a.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); err != nil {
			tb.Errorf("dropping %s: %v", name, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		tb.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}
