package dbmigrate

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	_ "github.com/lib/pq"
	_ "modernc.org/sqlite"
)

// testDB is a fresh, empty database of one dialect.
type testDB struct {
	dialect string
	driver  string
	dsn     string
}

// open opens a new *sql.DB to the database, closed when the test ends.
func (d testDB) open(tb testing.TB) *sql.DB {
	tb.Helper()
	db, err := sql.Open(d.driver, d.dsn)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// newSQLite returns a new SQLite file database in the test's temp dir,
// opened with the server's pragmas.
func newSQLite(tb testing.TB) testDB {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "test.db")
	return testDB{
		dialect: "sqlite",
		driver:  "sqlite",
		dsn:     "file:" + path + "?_pragma=foreign_keys(1)&_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)",
	}
}

// newPostgres creates a database woow_test_<random> on the server of
// TEST_DATABASE_URL and drops it when the test ends. It skips the test if the
// server does not answer, unless CI=true.
func newPostgres(tb testing.TB) testDB {
	tb.Helper()
	admin := os.Getenv("TEST_DATABASE_URL")
	if admin == "" {
		admin = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
	}
	u, err := url.Parse(admin)
	if err != nil {
		tb.Fatalf("TEST_DATABASE_URL: %v", err)
	}
	db, err := sql.Open("postgres", admin)
	if err != nil {
		tb.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		if os.Getenv("CI") == "true" {
			tb.Fatalf("PostgreSQL at %s does not answer: %v", u.Redacted(), err)
		}
		tb.Skipf("PostgreSQL at %s does not answer: %v", u.Redacted(), err)
	}
	b := make([]byte, 8)
	rand.Read(b)
	name := "woow_test_" + hex.EncodeToString(b)
	if _, err := db.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		db.Close()
		tb.Fatalf("create database: %v", err)
	}
	tb.Cleanup(func() {
		defer db.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := db.ExecContext(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			tb.Errorf("drop database %s: %v", name, err)
		}
	})
	u.Path = "/" + name
	return testDB{dialect: "postgres", driver: "postgres", dsn: u.String()}
}

// eachDialect runs f as a subtest on a fresh SQLite and a fresh PostgreSQL
// database.
func eachDialect(t *testing.T, f func(t *testing.T, tdb testDB)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { f(t, newSQLite(t)) })
	t.Run("postgres", func(t *testing.T) { f(t, newPostgres(t)) })
}

// tableExists reports whether the table exists.
func tableExists(tb testing.TB, db *sql.DB, dialect, table string) bool {
	tb.Helper()
	q := `SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?)`
	if dialect == "postgres" {
		q = `SELECT to_regclass($1) IS NOT NULL`
	}
	var ok bool
	if err := db.QueryRow(q, table).Scan(&ok); err != nil {
		tb.Fatal(err)
	}
	return ok
}

// appliedRows returns the versions recorded in schema_migrations, in order.
func appliedRows(tb testing.TB, db *sql.DB) []string {
	tb.Helper()
	rows, err := db.Query(`SELECT version FROM schema_migrations ORDER BY version`)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	var vs []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			tb.Fatal(err)
		}
		vs = append(vs, v)
	}
	if err := rows.Err(); err != nil {
		tb.Fatal(err)
	}
	return vs
}

func queryInt(tb testing.TB, db *sql.DB, q string) int {
	tb.Helper()
	var n int
	if err := db.QueryRow(q).Scan(&n); err != nil {
		tb.Fatalf("%s: %v", q, err)
	}
	return n
}
