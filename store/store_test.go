package store_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	atlas "ariga.io/atlas/sql/migrate"
	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"entgo.io/ent/dialect/sql/schema"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/migrate"
	"github.com/woowtech/woow-paas/ent/user"
	"github.com/woowtech/woow-paas/migrations"
	"github.com/woowtech/woow-paas/store"
	"github.com/woowtech/woow-paas/store/storetest"
	"github.com/woowtech/woow-paas/viewer"
)

// ddl matches a planned statement that would change the schema.
var ddl = regexp.MustCompile(`(?i)^\s*(CREATE|ALTER|DROP)\b`)

// plannedDDL returns the statements ent's auto-migration planner (inspect
// mode: compare the live database with the ent schema) would run on db.
func plannedDDL(t *testing.T, c *ent.Client) []string {
	t.Helper()
	var buf bytes.Buffer
	if err := c.Schema.WriteTo(context.Background(), &buf); err != nil {
		t.Fatalf("planning migration: %v", err)
	}
	var out []string
	for _, stmt := range strings.Split(buf.String(), "\n") {
		if ddl.MatchString(stmt) {
			out = append(out, strings.TrimSpace(stmt))
		}
	}
	return out
}

// TestMigrationsMatchSchema proves the committed migrations give the schema
// the ent code describes: on a freshly migrated database, ent's own
// planner finds nothing to create, alter or drop.
//
// On PostgreSQL the inspect-mode planner compares partial-index predicates
// as text, and PostgreSQL stores `role = 'owner'` as
// `((role)::text = 'owner'::text)`; it therefore always proposes to drop and
// re-create workspacemember_one_owner. Such a statement is tolerated only
// when applying it, in a transaction that is rolled back, leaves the
// catalogue exactly as it was: any real drift changes the catalogue and
// fails the test.
func TestMigrationsMatchSchema(t *testing.T) {
	db := storetest.Open(t)
	if d := drift(t, db); d != "" {
		t.Fatalf("%s: the ent schema differs from the migrated database:\n%s", db.Dialect, d)
	}
}

// drift describes how db differs from the ent schema, "" when it does not.
func drift(t *testing.T, db *store.DB) string {
	t.Helper()
	stmts := plannedDDL(t, db.Client)
	if len(stmts) == 0 {
		return ""
	}
	planned := "ent would run:\n" + strings.Join(stmts, "\n")
	if db.Dialect != "postgres" {
		return planned
	}
	if change := pgEffect(t, db.SQL, stmts); change != "" {
		return planned + "\ncatalogue change:\n" + change
	}
	t.Logf("postgres planner proposes no-op statements (textual predicate comparison):\n%s", strings.Join(stmts, "\n"))
	return ""
}

// TestDriftCheckDetectsDrift shows the planner check can fail: with a
// unique index missing, or with no tables at all, it proposes DDL.
func TestDriftCheckDetectsDrift(t *testing.T) {
	t.Run("missing index", func(t *testing.T) {
		db := storetest.Open(t)
		if _, err := db.SQL.Exec(`DROP INDEX workspacemember_workspace_id_user_id`); err != nil {
			t.Fatal(err)
		}
		d := drift(t, db)
		if !strings.Contains(d, "CREATE UNIQUE INDEX") || !strings.Contains(d, "workspacemember_workspace_id_user_id") {
			t.Fatalf("drift check did not notice the dropped index; got:\n%s", d)
		}
	})
	t.Run("empty database", func(t *testing.T) {
		var c *ent.Client
		if storetest.Dialect() == "postgres" {
			d, err := entsql.Open(dialect.Postgres, storetest.NewPostgresDatabase(t))
			if err != nil {
				t.Fatal(err)
			}
			c = ent.NewClient(ent.Driver(d))
		} else {
			db, err := store.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "empty.db"))
			if err != nil {
				t.Fatal(err)
			}
			c = db.Client
		}
		defer c.Close()
		stmts := plannedDDL(t, c)
		creates := 0
		for _, s := range stmts {
			if strings.HasPrefix(strings.ToUpper(s), "CREATE TABLE") {
				creates++
			}
		}
		if want := len(migrate.Tables); creates < want {
			t.Fatalf("planner proposes %d CREATE TABLE on an empty database, want at least %d", creates, want)
		}
	})
}

// pgEffect applies stmts in a transaction that it rolls back and describes
// how the catalogue (columns, indexes, constraints) changed; "" when it did
// not.
func pgEffect(t *testing.T, db *sql.DB, stmts []string) string {
	t.Helper()
	ctx := context.Background()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	before := pgCatalog(t, tx)
	for _, s := range stmts {
		if _, err := tx.ExecContext(ctx, s); err != nil {
			t.Fatalf("applying %q: %v", s, err)
		}
	}
	after := pgCatalog(t, tx)
	var diff []string
	for k, v := range before {
		if after[k] != v {
			diff = append(diff, fmt.Sprintf("- %s: %s\n+ %s: %s", k, v, k, after[k]))
		}
	}
	for k, v := range after {
		if _, ok := before[k]; !ok {
			diff = append(diff, fmt.Sprintf("+ %s: %s", k, v))
		}
	}
	return strings.Join(diff, "\n")
}

func pgCatalog(t *testing.T, tx *sql.Tx) map[string]string {
	t.Helper()
	out := map[string]string{}
	queries := []string{
		`SELECT 'column ' || table_name || '.' || column_name,
		        data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') || ' ' || coalesce(is_identity, '')
		   FROM information_schema.columns WHERE table_schema = 'public'`,
		`SELECT 'index ' || indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'`,
		`SELECT 'constraint ' || conrelid::regclass::text || '.' || conname, pg_get_constraintdef(oid)
		   FROM pg_constraint WHERE connamespace = 'public'::regnamespace`,
	}
	for _, q := range queries {
		rows, err := tx.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var k, v string
			if err := rows.Scan(&k, &v); err != nil {
				t.Fatal(err)
			}
			out[k] = v
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
	}
	return out
}

// TestGenerateFindsNothingNew runs what migrations/gen.go runs (replay the
// committed directory into an empty database, diff with the ent schema,
// normalised by the database) on a copy of the directory: it must not
// write a new migration.
func TestGenerateFindsNothingNew(t *testing.T) {
	if m := generate(t, nil); m != "" {
		t.Fatalf("%s: the ent schema differs from the committed migrations; a new migration would be:\n%s",
			storetest.Dialect(), m)
	}
}

// TestGenerateDetectsDrift shows that check can fail: with the one-owner
// index missing from the migrations, the diff writes a migration adding it.
func TestGenerateDetectsDrift(t *testing.T) {
	m := generate(t, func(sqlText string) string {
		var keep []string
		for _, line := range strings.Split(sqlText, "\n") {
			if !strings.Contains(line, "workspacemember_one_owner") {
				keep = append(keep, line)
			}
		}
		return strings.Join(keep, "\n")
	})
	if !strings.Contains(m, "workspacemember_one_owner") {
		t.Fatalf("diff did not restore the removed index; new migration:\n%s", m)
	}
}

// generate copies the committed migrations of this run's dialect (passing
// each .sql file through edit when it is not nil), diffs them with the ent
// schema the way migrations/gen.go does and returns the new migration it
// writes, "" when none.
func generate(t *testing.T, edit func(string) string) string {
	t.Helper()
	d := storetest.Dialect()
	src, err := migrations.Dir(d)
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	if err := os.CopyFS(tmp, src); err != nil {
		t.Fatal(err)
	}
	dir, err := atlas.NewLocalDir(tmp)
	if err != nil {
		t.Fatal(err)
	}
	before, err := fs.Glob(os.DirFS(tmp), "*.sql")
	if err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		for _, f := range before {
			p := filepath.Join(tmp, f)
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(edit(string(b))), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		sum, err := dir.Checksum()
		if err != nil {
			t.Fatal(err)
		}
		if err := atlas.WriteSumFile(dir, sum); err != nil {
			t.Fatal(err)
		}
	}
	var drv *entsql.Driver
	if d == "postgres" {
		drv, err = entsql.Open(dialect.Postgres, storetest.NewPostgresDatabase(t))
	} else {
		var sdb *sql.DB
		sdb, err = sql.Open("sqlite", "file:"+filepath.Join(t.TempDir(), "dev.db")+"?_pragma=foreign_keys(1)")
		drv = entsql.OpenDB(dialect.SQLite, sdb)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer drv.Close()
	err = migrate.NewSchema(drv).NamedDiff(context.Background(), "drift",
		schema.WithDir(dir),
		schema.WithMigrationMode(schema.ModeReplay),
		schema.WithDialect(d),
		schema.WithFormatter(atlas.DefaultFormatter),
		schema.WithDropColumn(true),
		schema.WithDropIndex(true),
	)
	if err != nil {
		t.Fatalf("diff: %v", err)
	}
	after, err := fs.Glob(os.DirFS(tmp), "*drift.sql")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range after {
		b, err := os.ReadFile(filepath.Join(tmp, f))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return strings.Join(out, "\n")
}

// countUsers counts users bypassing privacy.
func countUsers(t *testing.T, c *ent.Client) int {
	t.Helper()
	n, err := c.User.Query().Count(viewer.System(context.Background()))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func createUser(ctx context.Context, tx *ent.Tx, email string) error {
	return tx.User.Create().SetEmail(email).SetName("x").SetPasswordHash("h").Exec(ctx)
}

func TestWithTx(t *testing.T) {
	db := storetest.Open(t)
	ctx := viewer.System(context.Background())

	t.Run("commits on nil", func(t *testing.T) {
		err := store.WithTx(ctx, db.Client, func(tx *ent.Tx) error {
			return createUser(ctx, tx, "commit@example.com")
		})
		if err != nil {
			t.Fatal(err)
		}
		ok, err := db.Client.User.Query().Where(user.Email("commit@example.com")).Exist(ctx)
		if err != nil || !ok {
			t.Fatalf("committed user missing: exist=%v err=%v", ok, err)
		}
	})

	t.Run("rolls back on error", func(t *testing.T) {
		before := countUsers(t, db.Client)
		boom := errors.New("boom")
		err := store.WithTx(ctx, db.Client, func(tx *ent.Tx) error {
			if err := createUser(ctx, tx, "rollback@example.com"); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatalf("WithTx = %v, want the fn's error", err)
		}
		if got := countUsers(t, db.Client); got != before {
			t.Errorf("users after rollback = %d, want %d", got, before)
		}
	})

	t.Run("rolls back and re-panics on panic", func(t *testing.T) {
		before := countUsers(t, db.Client)
		var recovered any
		func() {
			defer func() { recovered = recover() }()
			_ = store.WithTx(ctx, db.Client, func(tx *ent.Tx) error {
				if err := createUser(ctx, tx, "panic@example.com"); err != nil {
					t.Errorf("create: %v", err)
				}
				panic("kaboom")
			})
			t.Error("WithTx returned instead of re-panicking")
		}()
		if recovered != "kaboom" {
			t.Fatalf("recovered %v, want the original panic value", recovered)
		}
		if got := countUsers(t, db.Client); got != before {
			t.Errorf("users after panic = %d, want %d", got, before)
		}
		// The connection went back to the pool usable: on SQLite a leaked
		// write transaction would block this one until the busy timeout.
		err := store.WithTx(ctx, db.Client, func(tx *ent.Tx) error {
			return createUser(ctx, tx, "after-panic@example.com")
		})
		if err != nil {
			t.Fatalf("transaction after panic: %v", err)
		}
	})

	t.Run("commit failure is reported", func(t *testing.T) {
		err := store.WithTx(ctx, db.Client, func(tx *ent.Tx) error {
			return tx.Commit() // fn commits itself: WithTx's commit then fails
		})
		if err == nil {
			t.Fatal("WithTx after an early commit = nil, want the commit error")
		}
	})
}

// TestWithLock: callers of one key take turns, also on SQLite, where the
// replicas sharing a file are in one process (several services on one DB
// in tests); another key is not held up; a caller gives up waiting when
// its context ends.
func TestWithLock(t *testing.T) {
	db := storetest.Open(t)
	ctx := context.Background()
	const key, other int64 = 0x776f6f77ff01, 0x776f6f77ff02

	var (
		active, most atomic.Int32
		wg           sync.WaitGroup
	)
	for range 4 {
		wg.Go(func() {
			for range 5 {
				err := db.WithLock(ctx, key, func() error {
					n := active.Add(1)
					if n > most.Load() {
						most.Store(n)
					}
					time.Sleep(2 * time.Millisecond)
					active.Add(-1)
					return nil
				})
				if err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	if m := most.Load(); m != 1 {
		t.Errorf("%d holders of one lock at once, want 1", m)
	}

	err := db.WithLock(ctx, key, func() error {
		if err := db.WithLock(ctx, other, func() error { return nil }); err != nil {
			return fmt.Errorf("another key: %w", err)
		}
		short, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
		defer cancel()
		ran := false
		err := db.WithLock(short, key, func() error { ran = true; return nil })
		if err == nil || ran {
			return fmt.Errorf("a held lock was taken again (ran %v, err %v)", ran, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := errors.New("from fn")
	if err := db.WithLock(ctx, key, func() error { return want }); err != want {
		t.Errorf("WithLock returned %v, want fn's error", err)
	}
}
