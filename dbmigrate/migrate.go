// Package dbmigrate applies the versioned migration files that ent/Atlas
// generate (migrations/sqlite, migrations/postgres) to a database, at server
// start-up and from the migrate sub-command.
//
// Each file runs in its own transaction together with its row in the
// schema_migrations table, so a file is applied completely or not at all.
// Apply refuses to run when an applied file was changed, when atlas.sum does
// not match the directory, or when the database has versions that the
// directory lacks (the database is newer than the binary). Concurrent Apply
// calls, also from several processes or replicas, apply each file once: on
// PostgreSQL they take a session advisory lock, on SQLite each file's
// transaction is BEGIN IMMEDIATE and re-checks the bookkeeping row.
package dbmigrate

import (
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
)

var (
	// ErrModified reports that a migration file recorded as applied differs
	// from the file in the directory: applied migrations must never be edited.
	ErrModified = errors.New("dbmigrate: applied migration file was changed")
	// ErrUnknownVersion reports that the database has applied versions that
	// the directory lacks: the database is newer than this binary.
	ErrUnknownVersion = errors.New("dbmigrate: database has migrations unknown to this binary")
	// ErrSumMismatch reports that atlas.sum does not match the directory.
	ErrSumMismatch = errors.New("dbmigrate: atlas.sum mismatch")
)

// lockKey is the PostgreSQL advisory lock key held during Apply ("woowmigr").
const lockKey int64 = 0x776f6f776d696772

// createTable creates the bookkeeping table; the SQL is valid on both dialects.
const createTable = `CREATE TABLE IF NOT EXISTS schema_migrations (
	version TEXT PRIMARY KEY,
	name TEXT NOT NULL,
	checksum TEXT NOT NULL,
	applied_at TIMESTAMP NOT NULL
)`

type dialect int

const (
	sqlite dialect = iota + 1
	postgres
)

func parseDialect(s string) (dialect, error) {
	switch s {
	case "sqlite", "sqlite3":
		return sqlite, nil
	case "postgres", "postgresql", "pgx":
		return postgres, nil
	}
	return 0, fmt.Errorf("dbmigrate: unknown dialect %q (want sqlite or postgres)", s)
}

// arg returns the placeholder of the n-th (1-based) query argument.
func (d dialect) arg(n int) string {
	if d == postgres {
		return fmt.Sprintf("$%d", n)
	}
	return "?"
}

// querier is what *sql.Conn and *sql.Tx have in common.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// record is a schema_migrations row.
type record struct{ name, checksum string }

// Apply applies, in version order, every migration file in dir (the *.sql
// files at its root, named <version>_<name>.sql) that is not yet recorded in
// the database, and returns the versions it applied. dialect is "sqlite" or
// "postgres" (ent's "sqlite3" is accepted too). log receives one record per
// applied version, without SQL; nil discards.
//
// Before applying anything Apply checks the whole directory: atlas.sum, if
// present, must match the files (ErrSumMismatch), applied files must be
// unchanged (ErrModified) and every applied version must have its file
// (ErrUnknownVersion). A failing file is rolled back completely; the error
// names the file and the failing statement, and the versions applied before
// it are returned with the error.
//
// On SQLite, foreign-key enforcement is switched off on Apply's connection
// while it runs (as Atlas does: Atlas's table rebuilds would otherwise
// cascade deletes, and PRAGMA foreign_keys is a no-op inside a transaction),
// and each file must leave no new foreign-key violations, checked with
// PRAGMA foreign_key_check before its commit. A connection without a busy
// timeout gets one (30 s) while Apply runs, so that concurrent processes wait
// for each other's file transaction instead of failing; a file that runs
// longer than the busy timeout makes the waiting process fail with
// "database is locked" (it can simply be started again).
func Apply(ctx context.Context, db *sql.DB, dialect string, dir fs.FS, log *slog.Logger) ([]string, error) {
	d, err := parseDialect(dialect)
	if err != nil {
		return nil, err
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	files, err := readDir(dir)
	if err != nil {
		return nil, err
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("dbmigrate: %w", err)
	}
	s := &session{conn: conn, dialect: d, log: log}
	defer s.close(ctx)
	if err := s.setUp(ctx); err != nil {
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, createTable); err != nil {
		return nil, fmt.Errorf("dbmigrate: create schema_migrations: %w", err)
	}
	done, err := readApplied(ctx, conn)
	if err != nil {
		return nil, err
	}
	pending, err := check(files, done)
	if err != nil {
		return nil, err
	}
	// Split every pending file first, so that a file that cannot be split
	// stops Apply before it changes anything.
	stmts := make([][]statement, len(pending))
	for i, m := range pending {
		if stmts[i], err = splitStatements(string(m.data), d == postgres); err != nil {
			return nil, fmt.Errorf("dbmigrate: migration %s: %w", m.file, err)
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
			log.DebugContext(ctx, "migration already applied by another process", "version", m.version)
			continue
		}
		applied = append(applied, m.version)
		log.InfoContext(ctx, "applied migration", "version", m.version, "name", m.name(),
			"statements", len(stmts[i]), "duration", time.Since(start).Round(time.Millisecond))
	}
	if len(applied) == 0 {
		log.DebugContext(ctx, "database schema is up to date", "files", len(files))
	}
	return applied, nil
}

// Status lists the versions recorded in the database and the versions of dir
// that are not, both in version order. It changes nothing, takes no lock and
// returns the errors Apply would return before applying anything
// (ErrSumMismatch, ErrModified, ErrUnknownVersion).
func Status(ctx context.Context, db *sql.DB, dialect string, dir fs.FS) (applied, pending []string, err error) {
	d, err := parseDialect(dialect)
	if err != nil {
		return nil, nil, err
	}
	files, err := readDir(dir)
	if err != nil {
		return nil, nil, err
	}
	var exists bool
	q := `SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations')`
	if d == postgres {
		q = `SELECT to_regclass('schema_migrations') IS NOT NULL`
	}
	if err := db.QueryRowContext(ctx, q).Scan(&exists); err != nil {
		return nil, nil, fmt.Errorf("dbmigrate: look for schema_migrations: %w", err)
	}
	done := map[string]record{}
	if exists {
		if done, err = readApplied(ctx, db); err != nil {
			return nil, nil, err
		}
	}
	todo, err := check(files, done)
	if err != nil {
		return nil, nil, err
	}
	for v := range done {
		applied = append(applied, v)
	}
	slices.Sort(applied)
	for _, m := range todo {
		pending = append(pending, m.version)
	}
	return applied, pending, nil
}

func readApplied(ctx context.Context, q querier) (map[string]record, error) {
	rows, err := q.QueryContext(ctx, `SELECT version, name, checksum FROM schema_migrations`)
	if err != nil {
		return nil, fmt.Errorf("dbmigrate: read schema_migrations: %w", err)
	}
	defer rows.Close()
	done := map[string]record{}
	for rows.Next() {
		var v string
		var r record
		if err := rows.Scan(&v, &r.name, &r.checksum); err != nil {
			return nil, fmt.Errorf("dbmigrate: read schema_migrations: %w", err)
		}
		done[v] = r
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("dbmigrate: read schema_migrations: %w", err)
	}
	return done, nil
}

// check compares the directory with the applied versions and returns the
// pending files, in version order.
func check(files []migration, done map[string]record) ([]migration, error) {
	var errs []error
	known := make(map[string]bool, len(files))
	var pending []migration
	for _, m := range files {
		known[m.version] = true
		r, ok := done[m.version]
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
		ErrModified, m.file, recorded, m.checksum)
}

// session is one Apply on a dedicated connection.
type session struct {
	conn    *sql.Conn
	dialect dialect
	log     *slog.Logger

	locked  bool // PostgreSQL: holds the advisory lock
	fkOff   bool // SQLite: switched foreign_keys off
	busySet bool // SQLite: set busy_timeout
	bad     bool // the connection's state is unknown: discard it
}

// setUp takes the PostgreSQL advisory lock, or prepares the SQLite
// connection.
func (s *session) setUp(ctx context.Context) error {
	if s.dialect == postgres {
		var ok bool
		if err := s.conn.QueryRowContext(ctx, `SELECT pg_try_advisory_lock($1)`, lockKey).Scan(&ok); err != nil {
			s.bad = true
			return fmt.Errorf("dbmigrate: take the migration lock: %w", err)
		}
		if !ok {
			s.log.InfoContext(ctx, "waiting for another process to finish migrating")
			if _, err := s.conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, lockKey); err != nil {
				s.bad = true // the lock may be held: never return this connection to the pool
				return fmt.Errorf("dbmigrate: wait for the migration lock: %w", err)
			}
		}
		s.locked = true
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
	var fk bool
	if err := s.conn.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&fk); err != nil {
		return fmt.Errorf("dbmigrate: read foreign_keys: %w", err)
	}
	if fk {
		if _, err := s.conn.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
			return fmt.Errorf("dbmigrate: switch foreign_keys off: %w", err)
		}
		s.fkOff = true
	}
	return nil
}

// close restores the connection and returns it to the pool, or discards it if
// its state is unknown (a held lock, foreign keys off, an open transaction).
func (s *session) close(ctx context.Context) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if s.locked {
		var ok bool
		if err := s.conn.QueryRowContext(ctx, `SELECT pg_advisory_unlock($1)`, lockKey).Scan(&ok); err != nil || !ok {
			s.bad = true
		}
	}
	if s.fkOff {
		if _, err := s.conn.ExecContext(ctx, `PRAGMA foreign_keys = ON`); err != nil {
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

// txn is a transaction on the session's connection.
type txn struct {
	q        querier
	commit   func() error
	rollback func()
}

func (s *session) begin(ctx context.Context) (*txn, error) {
	if s.dialect == postgres {
		tx, err := s.conn.BeginTx(ctx, nil)
		if err != nil {
			return nil, err
		}
		return &txn{q: tx, commit: tx.Commit, rollback: func() {
			if err := tx.Rollback(); err != nil && !errors.Is(err, sql.ErrTxDone) {
				s.bad = true
			}
		}}, nil
	}
	// database/sql cannot start an IMMEDIATE transaction: manage it by hand
	// on the dedicated connection. IMMEDIATE takes the write lock at once, so
	// that concurrent processes queue (busy_timeout) instead of failing to
	// upgrade a read transaction.
	if _, err := s.conn.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
		return nil, err
	}
	rollback := func() {
		if _, err := s.conn.ExecContext(context.WithoutCancel(ctx), `ROLLBACK`); err != nil {
			s.bad = true
		}
	}
	return &txn{q: s.conn, rollback: rollback, commit: func() error {
		if _, err := s.conn.ExecContext(ctx, `COMMIT`); err != nil {
			rollback()
			return err
		}
		return nil
	}}, nil
}

// applyFile runs one migration file and records it, in one transaction. It
// reports false if another process recorded the version first.
func (s *session) applyFile(ctx context.Context, m migration, stmts []statement) (bool, error) {
	tx, err := s.begin(ctx)
	if err != nil {
		return false, fmt.Errorf("dbmigrate: migration %s: begin: %w", m.file, err)
	}
	committed := false
	defer func() {
		if !committed {
			tx.rollback()
		}
	}()
	// Another process may have applied the file since the check (SQLite has
	// no lock for the whole Apply).
	var recorded string
	err = tx.q.QueryRowContext(ctx, `SELECT checksum FROM schema_migrations WHERE version = `+s.dialect.arg(1), m.version).Scan(&recorded)
	switch {
	case err == nil && recorded == m.checksum:
		return false, nil
	case err == nil:
		return false, modified(m, recorded)
	case !errors.Is(err, sql.ErrNoRows):
		return false, fmt.Errorf("dbmigrate: read schema_migrations: %w", err)
	}
	var before map[string]bool
	if s.fkOff {
		if before, err = fkViolations(ctx, tx.q); err != nil {
			return false, fmt.Errorf("dbmigrate: migration %s: %w", m.file, err)
		}
	}
	for i, st := range stmts {
		if _, err := tx.q.ExecContext(ctx, st.text); err != nil {
			return false, fmt.Errorf("dbmigrate: migration %s failed at statement %d (line %d): %s: %w",
				m.file, i+1, st.line, abbreviate(st.text), err)
		}
	}
	if s.fkOff {
		after, err := fkViolations(ctx, tx.q)
		if err != nil {
			return false, fmt.Errorf("dbmigrate: migration %s: %w", m.file, err)
		}
		var added []string
		for v := range after {
			if !before[v] {
				added = append(added, v)
			}
		}
		if len(added) > 0 {
			slices.Sort(added)
			if len(added) > 5 {
				added = append(added[:5], fmt.Sprintf("and %d more", len(added)-5))
			}
			return false, fmt.Errorf("dbmigrate: migration %s leaves foreign key violations: %s", m.file, strings.Join(added, "; "))
		}
	}
	var at any = time.Now().UTC()
	if s.dialect == sqlite {
		at = time.Now().UTC().Format("2006-01-02 15:04:05.000") // SQLite's own format
	}
	a := s.dialect.arg
	if _, err := tx.q.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (`+
		a(1)+`, `+a(2)+`, `+a(3)+`, `+a(4)+`)`, m.version, m.name(), m.checksum, at); err != nil {
		return false, fmt.Errorf("dbmigrate: migration %s: record it: %w", m.file, err)
	}
	if err := tx.commit(); err != nil {
		committed = true // commit rolls back itself on failure
		return false, fmt.Errorf("dbmigrate: migration %s: commit: %w", m.file, err)
	}
	committed = true
	return true, nil
}

// fkViolations returns SQLite's foreign-key violations as
// "table row R references parent" strings.
func fkViolations(ctx context.Context, q querier) (map[string]bool, error) {
	rows, err := q.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		return nil, fmt.Errorf("check foreign keys: %w", err)
	}
	defer rows.Close()
	vs := map[string]bool{}
	for rows.Next() {
		var table, parent string
		var rowid sql.NullInt64
		var fkid int
		if err := rows.Scan(&table, &rowid, &parent, &fkid); err != nil {
			return nil, fmt.Errorf("check foreign keys: %w", err)
		}
		row := "?"
		if rowid.Valid {
			row = fmt.Sprint(rowid.Int64)
		}
		vs[fmt.Sprintf("%s row %s references a missing %s (foreign key %d)", table, row, parent, fkid)] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("check foreign keys: %w", err)
	}
	return vs, nil
}

// abbreviate puts a statement on one line, shortened for an error message.
func abbreviate(stmt string) string {
	s := strings.Join(strings.Fields(stmt), " ")
	if r := []rune(s); len(r) > 300 {
		s = string(r[:300]) + "…"
	}
	return s
}
