// Package store opens the database (embedded SQLite by default, PostgreSQL
// when a URL is given), applies the versioned migrations and builds the ent
// client on it.
package store

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	_ "github.com/lib/pq"  // PostgreSQL driver "postgres"
	_ "modernc.org/sqlite" // SQLite driver "sqlite", pure Go

	"github.com/woowtech/woow-paas/dbmigrate"
	"github.com/woowtech/woow-paas/ent"
	_ "github.com/woowtech/woow-paas/ent/runtime" // privacy policies and hooks
	"github.com/woowtech/woow-paas/migrations"
	"github.com/woowtech/woow-paas/policy"
)

// DB is an open database with its ent client.
type DB struct {
	SQL *sql.DB
	// Dialect is "sqlite" or "postgres", as the migrations name them.
	Dialect string
	Client  *ent.Client

	// url is the PostgreSQL connection URL ("" on SQLite): the job
	// runner opens its LISTEN connection with it. It may hold a password:
	// never log it.
	url string

	configure []func(*ent.Client)

	// localLocks are WithLock's locks on SQLite, one-slot channels by key:
	// the replicas that share a SQLite file share this process (several
	// services on one DB in tests), so an in-process lock is the lock.
	localMu    sync.Mutex
	localLocks map[int64]chan struct{}
}

// Open connects to databaseURL when it is a postgres:// URL, otherwise to
// the SQLite file woow.db in dataDir (created with mode 0700). It does not
// migrate: call Migrate.
func Open(ctx context.Context, databaseURL, dataDir string) (*DB, error) {
	if databaseURL != "" {
		u, err := url.Parse(databaseURL)
		if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
			return nil, fmt.Errorf("DATABASE_URL must be a postgres:// URL")
		}
		return open(ctx, "postgres", dialect.Postgres, databaseURL, 20)
	}
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return nil, fmt.Errorf("creating data directory: %w", err)
	}
	return OpenSQLite(ctx, filepath.Join(dataDir, "woow.db"))
}

// OpenSQLite opens (creating it if needed) the SQLite database file at path
// with WAL, a busy timeout, foreign keys on, and write transactions that
// take the write lock at BEGIN (so two writers queue instead of failing).
func OpenSQLite(ctx context.Context, path string) (*DB, error) {
	dsn := "file:" + path + "?" + strings.Join([]string{
		"_pragma=foreign_keys(1)",
		"_pragma=busy_timeout(10000)",
		"_pragma=journal_mode(WAL)",
		"_pragma=synchronous(NORMAL)",
		"_txlock=immediate",
	}, "&")
	return open(ctx, "sqlite", dialect.SQLite, dsn, 8)
}

// PostgresURL is the URL the database was opened with, "" on SQLite.
func (db *DB) PostgresURL() string { return db.url }

func open(ctx context.Context, driver, d, dsn string, maxConns int) (*DB, error) {
	db, err := sql.Open(driver, dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(maxConns)
	// database/sql keeps 2 idle connections by default: under load every
	// other query would open a connection (a new PostgreSQL backend) and
	// close it after. Keep the pool whole; idle ones still close after
	// ConnMaxIdleTime.
	db.SetMaxIdleConns(maxConns)
	db.SetConnMaxIdleTime(5 * time.Minute)
	pctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := db.PingContext(pctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("connecting to the %s database: %w", driver, err)
	}
	var drv dialect.Driver = entsql.OpenDB(d, db)
	if d == dialect.Postgres {
		if drv, err = newCachingDriver(d, db); err != nil {
			db.Close()
			return nil, err
		}
	}
	out := &DB{
		SQL:     db,
		Dialect: driver,
		Client:  ent.NewClient(ent.Driver(countingDriver{drv})),
	}
	if driver == "postgres" {
		out.url = dsn
	}
	out.Use(installTextRules)
	// Edge loads of rows just authorised are not filtered again: the
	// tenancy rules of package policy need to know which queries those
	// are (policy/scope.go).
	out.Use(func(c *ent.Client) { c.Intercept(policy.EdgeScope()) })
	return out, nil
}

// Migrate applies the pending migrations and returns their versions.
func (db *DB) Migrate(ctx context.Context, log *slog.Logger) ([]string, error) {
	dir, err := migrations.Dir(db.Dialect)
	if err != nil {
		return nil, err
	}
	return dbmigrate.Apply(ctx, db.SQL, db.Dialect, dir, log)
}

// Ping tells whether the database answers.
func (db *DB) Ping(ctx context.Context) error { return db.SQL.PingContext(ctx) }

// Close closes the client and the pool.
func (db *DB) Close() error { return db.Client.Close() }

// WithLock runs fn while holding a lock named by key, so replicas starting
// together do one-time work (seeding, migrations of libraries) one after
// the other: a PostgreSQL advisory lock, or on SQLite, whose replicas are
// in one process, a lock in db. Waiting ends with ctx.
func (db *DB) WithLock(ctx context.Context, key int64, fn func() error) error {
	if db.Dialect != "postgres" {
		lock := db.localLock(key)
		select {
		case lock <- struct{}{}:
		case <-ctx.Done():
			return fmt.Errorf("taking lock %d: %w", key, ctx.Err())
		}
		defer func() { <-lock }()
		return fn()
	}
	conn, err := db.SQL.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, key); err != nil {
		return fmt.Errorf("taking lock %d: %w", key, err)
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, key)
	return fn()
}

// localLock is the SQLite lock of key. The keys are a few constants, so
// the map stays small.
func (db *DB) localLock(key int64) chan struct{} {
	db.localMu.Lock()
	defer db.localMu.Unlock()
	if db.localLocks == nil {
		db.localLocks = map[int64]chan struct{}{}
	}
	l, ok := db.localLocks[key]
	if !ok {
		l = make(chan struct{}, 1)
		db.localLocks[key] = l
	}
	return l
}

// Lock keys of one-time start-up work.
const (
	LockSeed int64 = 0x776f6f770001 // "woow" 1
	LockJobs int64 = 0x776f6f770002
)
