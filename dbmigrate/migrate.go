// Package dbmigrate applies the versioned migration directories that ent and
// Atlas generate (migrations/sqlite, migrations/postgres) to a database, at
// server start-up and from the migrate sub-command, with Atlas's own
// executor (ariga.io/atlas/sql/migrate): Atlas checks the directory against
// atlas.sum, splits each file with its dialect's statement scanner and runs
// the statements.
//
// Around Atlas's executor, Apply runs each file in its own transaction
// together with its row in the schema_migrations table, so a file is applied
// completely or not at all. It refuses to run when an applied file was
// changed or when the database has versions that the directory lacks (the
// database is newer than the binary). Concurrent Apply calls, also from
// several processes or replicas, apply each file once: on PostgreSQL they
// take an advisory lock (Atlas's driver lock), on SQLite each file's
// transaction is BEGIN IMMEDIATE and re-checks the bookkeeping row.
//
// The bookkeeping table is schema_migrations (version, name, SHA-256 of the
// file, time) of earlier releases, not Atlas's atlas_schema_revisions, so
// that the databases they migrated keep working.
package dbmigrate

import (
	"bytes"
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"slices"
	"strings"
	"time"

	"ariga.io/atlas/sql/migrate"
	"ariga.io/atlas/sql/postgres"
	"ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"
)

var (
	// ErrModified reports that a migration file recorded as applied differs
	// from the file in the directory: applied migrations must never be edited.
	ErrModified = errors.New("dbmigrate: applied migration file was changed")
	// ErrUnknownVersion reports that the database has applied versions that
	// the directory lacks: the database is newer than this binary.
	ErrUnknownVersion = errors.New("dbmigrate: database has migrations unknown to this binary")
	// ErrSumMismatch reports that atlas.sum is missing or does not match the
	// directory.
	ErrSumMismatch = errors.New("dbmigrate: atlas.sum mismatch")
)

const (
	// lockName names the PostgreSQL advisory lock held during Apply (Atlas
	// hashes it to the lock key).
	lockName = "woow_migrate"
	// lockWait is how long Apply waits for another process's migration.
	lockWait = 15 * time.Minute
	// table is the bookkeeping table.
	table = "schema_migrations"
)

// createTable creates the bookkeeping table; the SQL is valid on both dialects.
const createTable = `CREATE TABLE IF NOT EXISTS schema_migrations (
	version TEXT PRIMARY KEY,
	name TEXT NOT NULL,
	checksum TEXT NOT NULL,
	applied_at TIMESTAMP NOT NULL
)`

type dialect int

const (
	sqliteDialect dialect = iota + 1
	postgresDialect
)

func parseDialect(s string) (dialect, error) {
	switch s {
	case "sqlite", "sqlite3":
		return sqliteDialect, nil
	case "postgres", "postgresql", "pgx":
		return postgresDialect, nil
	}
	return 0, fmt.Errorf("dbmigrate: unknown dialect %q (want sqlite or postgres)", s)
}

// arg returns the placeholder of the n-th (1-based) query argument.
func (d dialect) arg(n int) string {
	if d == postgresDialect {
		return fmt.Sprintf("$%d", n)
	}
	return "?"
}

// open returns Atlas's driver of the dialect on a connection or transaction.
func (d dialect) open(q schema.ExecQuerier) (migrate.Driver, error) {
	if d == postgresDialect {
		return postgres.Open(q)
	}
	return sqlite.Open(q)
}

// querier is what *sql.Conn and *sql.Tx have in common.
type querier interface {
	schema.ExecQuerier
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Apply applies, in version order, every migration file in dir (the *.sql
// files at its root, named <version>_<name>.sql, with their atlas.sum) that
// is not yet recorded in the database, and returns the versions it applied.
// dialect is "sqlite" or "postgres" (ent's "sqlite3" is accepted too). log
// receives one record per applied version, without SQL; nil discards.
//
// Before applying anything Apply checks the whole directory: atlas.sum must
// match the files (ErrSumMismatch), applied files must be unchanged
// (ErrModified), every applied version must have its file
// (ErrUnknownVersion) and every pending file must scan into statements. A
// failing file is rolled back completely; the error names the file and the
// failing statement, and the versions applied before it are returned with
// the error.
//
// On PostgreSQL Apply waits up to 15 minutes for another process's Apply.
// On SQLite, each file's transaction switches foreign-key enforcement off
// (as Atlas does: its table rebuilds would otherwise cascade deletes, and
// PRAGMA foreign_keys is a no-op inside a transaction) and Atlas's commit
// refuses a file that leaves new foreign-key violations. A connection
// without a busy timeout gets one (30 s) while Apply runs, so that
// concurrent processes wait for each other's file transaction instead of
// failing; a file that runs longer than the busy timeout makes the waiting
// process fail with "database is locked" (it can simply be started again).
func Apply(ctx context.Context, db *sql.DB, dialect string, dir fs.FS, log *slog.Logger) ([]string, error) {
	d, err := parseDialect(dialect)
	if err != nil {
		return nil, err
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	adir, files, err := readDir(dir)
	if err != nil {
		return nil, err
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("dbmigrate: %w", err)
	}
	s := &session{conn: conn, dialect: d, dir: adir, log: log}
	defer s.close(ctx)
	if err := s.setUp(ctx); err != nil {
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, createTable); err != nil {
		return nil, fmt.Errorf("dbmigrate: create %s: %w", table, err)
	}
	done, err := readApplied(ctx, conn)
	if err != nil {
		return nil, err
	}
	pending, err := check(files, done)
	if err != nil {
		return nil, err
	}
	// Scan every pending file first, so that a file that cannot be scanned
	// stops Apply before it changes anything.
	stmts := make([][]*migrate.Stmt, len(pending))
	for i, m := range pending {
		if stmts[i], err = migrate.FileStmtDecls(s.drv, m); err != nil {
			return nil, fmt.Errorf("dbmigrate: migration %s: %w", m.Name(), err)
		}
	}
	var applied []string
	for i, m := range pending {
		start := time.Now()
		ok, err := s.applyFile(ctx, m, stmts[i])
		if err != nil {
			return applied, err
		}
		if !ok {
			log.DebugContext(ctx, "migration already applied by another process", "version", m.Version())
			continue
		}
		applied = append(applied, m.Version())
		log.InfoContext(ctx, "applied migration", "version", m.Version(), "name", m.Desc(),
			"statements", len(stmts[i]), "duration", time.Since(start).Round(time.Millisecond))
	}
	if len(applied) == 0 {
		log.DebugContext(ctx, "database schema is up to date", "files", len(files))
	}
	return applied, nil
}

// readApplied returns the recorded checksum and name of each applied version.
func readApplied(ctx context.Context, q querier) (map[string]record, error) {
	rows, err := q.QueryContext(ctx, `SELECT version, name, checksum FROM `+table)
	if err != nil {
		return nil, fmt.Errorf("dbmigrate: read %s: %w", table, err)
	}
	defer rows.Close()
	done := map[string]record{}
	for rows.Next() {
		var v string
		var r record
		if err := rows.Scan(&v, &r.name, &r.checksum); err != nil {
			return nil, fmt.Errorf("dbmigrate: read %s: %w", table, err)
		}
		done[v] = r
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("dbmigrate: read %s: %w", table, err)
	}
	return done, nil
}

// record is a schema_migrations row.
type record struct{ name, checksum string }

// check compares the directory with the applied versions and returns the
// pending files, in version order.
func check(files []migration, done map[string]record) ([]migration, error) {
	var errs []error
	known := make(map[string]bool, len(files))
	var pending []migration
	for _, m := range files {
		known[m.Version()] = true
		r, ok := done[m.Version()]
		switch {
		case !ok:
			pending = append(pending, m)
		case r.checksum != m.checksum:
			errs = append(errs, modified(m, r.checksum))
		}
	}
	var unknown []string
	for v, r := range done {
		if !known[v] {
			unknown = append(unknown, v+"_"+r.name)
		}
	}
	if len(unknown) > 0 {
		slices.Sort(unknown)
		errs = append([]error{fmt.Errorf("%w: %s; the database is newer than this binary: run a newer release",
			ErrUnknownVersion, strings.Join(unknown, ", "))}, errs...)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return pending, nil
}

func modified(m migration, recorded string) error {
	return fmt.Errorf("%w: %s (applied with sha256 %s, the file now has %s); add a new migration instead of editing an applied one",
		ErrModified, m.Name(), recorded, m.checksum)
}

// session is one Apply on a dedicated connection.
type session struct {
	conn    *sql.Conn
	dialect dialect
	dir     migrate.Dir
	log     *slog.Logger
	drv     migrate.Driver // Atlas's driver on conn

	unlock  schema.UnlockFunc // PostgreSQL: releases the advisory lock
	fk      bool              // SQLite: foreign keys were on
	busySet bool              // SQLite: set busy_timeout
	bad     bool              // the connection's state is unknown: discard it
}

// setUp takes the PostgreSQL advisory lock, or prepares the SQLite
// connection.
func (s *session) setUp(ctx context.Context) error {
	var err error
	if s.drv, err = s.dialect.open(s.conn); err != nil {
		return fmt.Errorf("dbmigrate: %w", err)
	}
	if s.dialect == postgresDialect {
		s.unlock, err = s.drv.Lock(ctx, lockName, 0)
		if errors.Is(err, schema.ErrLocked) {
			s.log.InfoContext(ctx, "waiting for another process to finish migrating")
			s.unlock, err = s.drv.Lock(ctx, lockName, lockWait)
		}
		if err != nil {
			s.bad = true // the lock may be held: never return this connection to the pool
			return fmt.Errorf("dbmigrate: take the migration lock: %w", err)
		}
		return nil
	}
	var timeout int
	if err := s.conn.QueryRowContext(ctx, `PRAGMA busy_timeout`).Scan(&timeout); err != nil {
		return fmt.Errorf("dbmigrate: read busy_timeout: %w", err)
	}
	if timeout == 0 {
		if _, err := s.conn.ExecContext(ctx, `PRAGMA busy_timeout = 30000`); err != nil {
			return fmt.Errorf("dbmigrate: set busy_timeout: %w", err)
		}
		s.busySet = true
	}
	if err := s.conn.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&s.fk); err != nil {
		return fmt.Errorf("dbmigrate: read foreign_keys: %w", err)
	}
	return nil
}

// close restores the connection and returns it to the pool, or discards it if
// its state is unknown (a held lock, foreign keys off, an open transaction).
func (s *session) close(ctx context.Context) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if s.unlock != nil && s.unlock() != nil {
		s.bad = true
	}
	if s.fk {
		var on bool
		if err := s.conn.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&on); err != nil || !on {
			s.bad = true
		}
	}
	if s.busySet {
		if _, err := s.conn.ExecContext(ctx, `PRAGMA busy_timeout = 0`); err != nil {
			s.bad = true
		}
	}
	if s.bad {
		s.log.WarnContext(ctx, "discarding the migration connection after a failed clean-up")
		_ = s.conn.Raw(func(any) error { return driver.ErrBadConn })
	}
	_ = s.conn.Close()
}

// txn is one file's transaction on the session's connection.
type txn struct {
	q                querier
	commit, rollback func() error
}

func (s *session) begin(ctx context.Context) (*txn, error) {
	if s.dialect == postgresDialect {
		tx, err := s.conn.BeginTx(ctx, nil)
		if err != nil {
			return nil, err
		}
		return &txn{q: tx, commit: tx.Commit, rollback: tx.Rollback}, nil
	}
	// As Atlas's sqlite.OpenTx, on the session's connection and with BEGIN
	// IMMEDIATE, which database/sql cannot ask for: it takes the write lock
	// at once, so that concurrent processes queue (busy_timeout) instead of
	// failing to upgrade a read transaction.
	if s.fk {
		if _, err := s.conn.ExecContext(ctx, `PRAGMA foreign_keys = off`); err != nil {
			return nil, err
		}
	}
	// The clean-up must run even when ctx is cancelled.
	bg := context.WithoutCancel(ctx)
	if _, err := s.conn.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
		if s.fk {
			_, _ = s.conn.ExecContext(bg, `PRAGMA foreign_keys = on`) // close checks it
		}
		return nil, err
	}
	tx := immediateTx{conn: s.conn, ctx: bg}
	rollback := sqlite.RollbackFunc(bg, s.conn, tx, s.fk)
	commit, err := sqlite.CommitFunc(bg, s.conn, tx, s.fk)
	if err != nil {
		return nil, errors.Join(err, rollback())
	}
	return &txn{q: s.conn, commit: commit, rollback: rollback}, nil
}

// immediateTx ends an SQLite transaction begun by hand on a connection.
type immediateTx struct {
	conn *sql.Conn
	ctx  context.Context
}

func (t immediateTx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return t.conn.ExecContext(ctx, query, args...)
}

func (t immediateTx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return t.conn.QueryContext(ctx, query, args...)
}

func (t immediateTx) Commit() error {
	if _, err := t.conn.ExecContext(t.ctx, `COMMIT`); err != nil {
		return errors.Join(err, t.Rollback()) // a failed COMMIT leaves the transaction open
	}
	return nil
}

func (t immediateTx) Rollback() error {
	_, err := t.conn.ExecContext(t.ctx, `ROLLBACK`)
	return err
}

// applyFile runs one migration file with Atlas's executor and records it, in
// one transaction. It reports false if another process recorded the version
// first.
func (s *session) applyFile(ctx context.Context, m migration, stmts []*migrate.Stmt) (bool, error) {
	tx, err := s.begin(ctx)
	if err != nil {
		return false, fmt.Errorf("dbmigrate: migration %s: begin: %w", m.Name(), err)
	}
	ended := false
	defer func() {
		if !ended {
			if err := tx.rollback(); err != nil && !errors.Is(err, sql.ErrTxDone) {
				s.bad = true
			}
		}
	}()
	// Another process may have applied the file since the check (SQLite has
	// no lock for the whole Apply).
	var recorded string
	err = tx.q.QueryRowContext(ctx, `SELECT checksum FROM `+table+` WHERE version = `+s.dialect.arg(1), m.Version()).Scan(&recorded)
	switch {
	case err == nil && recorded == m.checksum:
		return false, nil
	case err == nil:
		return false, modified(m, recorded)
	case !errors.Is(err, sql.ErrNoRows):
		return false, fmt.Errorf("dbmigrate: read %s: %w", table, err)
	}
	drv, err := s.dialect.open(tx.q)
	if err != nil {
		return false, fmt.Errorf("dbmigrate: migration %s: %w", m.Name(), err)
	}
	ex, err := migrate.NewExecutor(drv, s.dir, fileRevision{})
	if err != nil {
		return false, fmt.Errorf("dbmigrate: %w", err)
	}
	if err := ex.Execute(ctx, m.File); err != nil {
		var se *migrate.StmtExecError
		if !errors.As(err, &se) {
			return false, fmt.Errorf("dbmigrate: migration %s: %w", m.Name(), err)
		}
		i := slices.IndexFunc(stmts, func(st *migrate.Stmt) bool { return st.Pos == se.Stmt.Pos })
		line := 1 + bytes.Count(m.Bytes()[:min(se.Stmt.Pos, len(m.Bytes()))], []byte("\n"))
		return false, fmt.Errorf("dbmigrate: migration %s failed at statement %d (line %d): %s: %w",
			m.Name(), i+1, line, abbreviate(se.Stmt.Text), se.Err)
	}
	var at any = time.Now().UTC()
	if s.dialect == sqliteDialect {
		at = time.Now().UTC().Format("2006-01-02 15:04:05.000") // SQLite's own format
	}
	a := s.dialect.arg
	if _, err := tx.q.ExecContext(ctx, `INSERT INTO `+table+` (version, name, checksum, applied_at) VALUES (`+
		a(1)+`, `+a(2)+`, `+a(3)+`, `+a(4)+`)`, m.Version(), m.Desc(), m.checksum, at); err != nil {
		return false, fmt.Errorf("dbmigrate: migration %s: record it: %w", m.Name(), err)
	}
	ended = true // a failed commit rolls back itself
	if err := tx.commit(); err != nil {
		return false, fmt.Errorf("dbmigrate: migration %s: commit: %w", m.Name(), err)
	}
	return true, nil
}

// fileRevision is the revision store Atlas's executor reports one file's
// progress to. Nothing is stored: applyFile checked, in the file's
// transaction, that the version is not recorded, and records it in the same
// transaction once the executor is done.
type fileRevision struct{}

func (fileRevision) Ident() *migrate.TableIdent { return &migrate.TableIdent{Name: table} }

func (fileRevision) ReadRevisions(context.Context) ([]*migrate.Revision, error) { return nil, nil }

func (fileRevision) ReadRevision(context.Context, string) (*migrate.Revision, error) {
	return nil, migrate.ErrRevisionNotExist
}

func (fileRevision) WriteRevision(context.Context, *migrate.Revision) error { return nil }

func (fileRevision) DeleteRevision(context.Context, string) error {
	return errors.New("dbmigrate: revisions are never deleted")
}

// abbreviate puts a statement on one line, shortened for an error message.
func abbreviate(stmt string) string {
	s := strings.Join(strings.Fields(stmt), " ")
	if r := []rune(s); len(r) > 300 {
		s = string(r[:300]) + "…"
	}
	return s
}
