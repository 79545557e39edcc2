package dbmigrate

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"
)

const (
	v1 = "20261129120000"
	v2 = "20261129130000"
	v3 = "20261129140000"
	v4 = "20261129150000"
)

func sqlFile(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }

// threeFiles is a directory whose files depend on each other's order.
func threeFiles() fstest.MapFS {
	return fstest.MapFS{
		v3 + "_seed.sql": sqlFile("-- Seed; with a comment\nINSERT INTO users (id, name, email) VALUES (1, 'a;b', 'a@example.com');\n" +
			"INSERT INTO notes (id, user_id, body) VALUES (1, 1, '-- not a comment; really');\n"),
		v1 + "_users.sql": sqlFile("-- Create \"users\" table\nCREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n"),
		v2 + "_notes.sql": sqlFile("ALTER TABLE users ADD COLUMN email TEXT;\n" +
			"CREATE TABLE notes (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id), body TEXT);\n"),
	}
}

func ctxT(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	t.Cleanup(cancel)
	return ctx
}

func TestApplyInOrderAndRecords(t *testing.T) {
	eachDialect(t, func(t *testing.T, tdb testDB) {
		ctx, db := ctxT(t), tdb.open(t)
		dir := threeFiles()
		var logs bytes.Buffer
		log := slog.New(slog.NewJSONHandler(&logs, nil))

		got, err := Apply(ctx, db, tdb.dialect, withSum(t, dir), log)
		if err != nil {
			t.Fatal(err)
		}
		if want := []string{v1, v2, v3}; !slices.Equal(got, want) {
			t.Fatalf("applied %v, want %v", got, want)
		}
		if n := queryInt(t, db, `SELECT count(*) FROM notes WHERE body = '-- not a comment; really'`); n != 1 {
			t.Errorf("notes = %d", n)
		}
		rows, err := db.QueryContext(ctx, `SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var recorded []string
		for rows.Next() {
			var version, name, checksum string
			var at any
			if err := rows.Scan(&version, &name, &checksum, &at); err != nil {
				t.Fatal(err)
			}
			file := version + "_" + name + ".sql"
			sum := sha256.Sum256(dir[file].Data)
			if checksum != hex.EncodeToString(sum[:]) {
				t.Errorf("%s: checksum %s", file, checksum)
			}
			if at == nil {
				t.Errorf("%s: no applied_at", file)
			}
			recorded = append(recorded, file)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		if want := []string{v1 + "_users.sql", v2 + "_notes.sql", v3 + "_seed.sql"}; !slices.Equal(recorded, want) {
			t.Errorf("recorded %v, want %v", recorded, want)
		}
		for _, v := range []string{v1, v2, v3} {
			if !strings.Contains(logs.String(), `"msg":"applied migration","version":"`+v+`"`) {
				t.Errorf("no log for %s in %s", v, logs.String())
			}
		}
		if strings.Contains(logs.String(), "INSERT") || strings.Contains(logs.String(), "CREATE") {
			t.Errorf("SQL in the log: %s", logs.String())
		}

		// A second Apply is a no-op.
		got, err = Apply(ctx, db, tdb.dialect, withSum(t, dir), nil)
		if err != nil || len(got) != 0 {
			t.Fatalf("second Apply = %v, %v", got, err)
		}
		if n := queryInt(t, db, `SELECT count(*) FROM users`); n != 1 {
			t.Errorf("users = %d after the second Apply", n)
		}

		// A new file is pending, then applied alone.
		dir[v4+"_more.sql"] = sqlFile("INSERT INTO users (id, name) VALUES (2, 'b');")
		got, err = Apply(ctx, db, tdb.dialect, withSum(t, dir), nil)
		if err != nil || !slices.Equal(got, []string{v4}) {
			t.Fatalf("Apply = %v, %v", got, err)
		}
		if vs := appliedRows(t, db); !slices.Equal(vs, []string{v1, v2, v3, v4}) {
			t.Errorf("recorded %v", vs)
		}
	})
}

func TestApplyFailingFileRollsBack(t *testing.T) {
	eachDialect(t, func(t *testing.T, tdb testDB) {
		ctx, db := ctxT(t), tdb.open(t)
		dir := fstest.MapFS{
			v1 + "_a.sql": sqlFile("CREATE TABLE a (id INTEGER PRIMARY KEY);\n"),
			v2 + "_b.sql": sqlFile("CREATE TABLE b (id INTEGER PRIMARY KEY);\n" +
				"INSERT INTO b (id) VALUES (1);\n" +
				"-- the next statement fails\n" +
				"INSERT INTO missing_table (id)\n  VALUES (1);\n"),
			v3 + "_c.sql": sqlFile("CREATE TABLE c (id INTEGER PRIMARY KEY);\n"),
		}
		got, err := Apply(ctx, db, tdb.dialect, withSum(t, dir), nil)
		if err == nil {
			t.Fatal("Apply succeeded")
		}
		for _, want := range []string{v2 + "_b.sql", "statement 3 (line 4)", "INSERT INTO missing_table (id) VALUES (1)", "missing_table"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("error %q does not contain %q", err, want)
			}
		}
		if !slices.Equal(got, []string{v1}) {
			t.Errorf("applied %v, want [%s]", got, v1)
		}
		if !tableExists(t, db, tdb.dialect, "a") || tableExists(t, db, tdb.dialect, "b") || tableExists(t, db, tdb.dialect, "c") {
			t.Error("want table a only")
		}
		if vs := appliedRows(t, db); !slices.Equal(vs, []string{v1}) {
			t.Errorf("recorded %v", vs)
		}

		// The failed file was never recorded, so it may be fixed.
		dir[v2+"_b.sql"] = sqlFile("CREATE TABLE b (id INTEGER PRIMARY KEY);\n")
		got, err = Apply(ctx, db, tdb.dialect, withSum(t, dir), nil)
		if err != nil || !slices.Equal(got, []string{v2, v3}) {
			t.Fatalf("Apply after the fix = %v, %v", got, err)
		}
	})
}

func TestApplyRefusesChangedFile(t *testing.T) {
	eachDialect(t, func(t *testing.T, tdb testDB) {
		ctx, db := ctxT(t), tdb.open(t)
		dir := threeFiles()
		if _, err := Apply(ctx, db, tdb.dialect, withSum(t, dir), nil); err != nil {
			t.Fatal(err)
		}
		// Edited and re-hashed, so that atlas.sum matches.
		dir[v2+"_notes.sql"] = sqlFile(string(dir[v2+"_notes.sql"].Data) + "-- edited\n")
		dir[v4+"_more.sql"] = sqlFile("CREATE TABLE more (id INTEGER);")
		got, err := Apply(ctx, db, tdb.dialect, withSum(t, dir), nil)
		if !errors.Is(err, ErrModified) || !strings.Contains(err.Error(), v2+"_notes.sql") {
			t.Fatalf("Apply = %v, %v; want ErrModified naming the file", got, err)
		}
		if len(got) != 0 || tableExists(t, db, tdb.dialect, "more") {
			t.Error("Apply applied a pending file despite the changed one")
		}
	})
}

func TestApplyRefusesUnknownVersion(t *testing.T) {
	eachDialect(t, func(t *testing.T, tdb testDB) {
		ctx, db := ctxT(t), tdb.open(t)
		dir := threeFiles()
		if _, err := Apply(ctx, db, tdb.dialect, withSum(t, dir), nil); err != nil {
			t.Fatal(err)
		}
		// An older binary knows only the first file, and one of its own.
		old := withSum(t, fstest.MapFS{
			v1 + "_users.sql":          dir[v1+"_users.sql"],
			"20261129125000_other.sql": sqlFile("CREATE TABLE other (id INTEGER);"),
		})
		got, err := Apply(ctx, db, tdb.dialect, old, nil)
		if !errors.Is(err, ErrUnknownVersion) || !strings.Contains(err.Error(), v2+"_notes, "+v3+"_seed") ||
			!strings.Contains(err.Error(), "newer than this binary") {
			t.Fatalf("Apply = %v, %v; want ErrUnknownVersion naming %s and %s", got, err, v2, v3)
		}
		if len(got) != 0 || tableExists(t, db, tdb.dialect, "other") {
			t.Error("Apply applied a file to a database newer than its directory")
		}
	})
}

func TestApplyChecksAtlasSum(t *testing.T) {
	eachDialect(t, func(t *testing.T, tdb testDB) {
		ctx, db := ctxT(t), tdb.open(t)
		dir := withSum(t, threeFiles())
		dir[v2+"_notes.sql"] = sqlFile("CREATE TABLE notes (id INTEGER);")
		got, err := Apply(ctx, db, tdb.dialect, dir, nil)
		if !errors.Is(err, ErrSumMismatch) || !strings.Contains(err.Error(), v2+"_notes.sql was edited") {
			t.Fatalf("Apply = %v, %v; want ErrSumMismatch", got, err)
		}
		if _, err := Apply(ctx, db, tdb.dialect, threeFiles(), nil); !errors.Is(err, ErrSumMismatch) ||
			!strings.Contains(err.Error(), "atlas.sum is missing") {
			t.Fatalf("Apply without atlas.sum = %v; want ErrSumMismatch", err)
		}
		if tableExists(t, db, tdb.dialect, "users") {
			t.Error("Apply applied files of a directory edited by hand")
		}
		if _, err := Apply(ctx, db, tdb.dialect, withSum(t, threeFiles()), nil); err != nil {
			t.Fatalf("Apply with a valid atlas.sum: %v", err)
		}
	})
}

// TestApplyConcurrent starts several Apply calls at once, each with its own
// *sql.DB as separate replicas would: each file must run exactly once.
func TestApplyConcurrent(t *testing.T) {
	eachDialect(t, func(t *testing.T, tdb testDB) {
		ctx := ctxT(t)
		// The second file is slow, so the callers overlap; every file
		// inserts a row into runs, which has no key: a file that ran twice
		// would leave two rows.
		slow := "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 300000) INSERT INTO big (x) SELECT x FROM n;"
		if tdb.dialect == "postgres" {
			slow = "SELECT pg_sleep(0.5);"
		}
		dir := withSum(t, fstest.MapFS{
			v1 + "_runs.sql": sqlFile("CREATE TABLE runs (version TEXT NOT NULL);\nCREATE TABLE big (x INTEGER);\nINSERT INTO runs VALUES ('" + v1 + "');"),
			v2 + "_slow.sql": sqlFile(slow + "\nINSERT INTO runs VALUES ('" + v2 + "');"),
			v3 + "_last.sql": sqlFile("INSERT INTO runs VALUES ('" + v3 + "');"),
		})
		const callers = 4
		var (
			wg      sync.WaitGroup
			mu      sync.Mutex
			applied []string
			start   = make(chan struct{})
		)
		for i := range callers {
			db := tdb.open(t)
			if err := db.PingContext(ctx); err != nil {
				t.Fatal(err)
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				got, err := Apply(ctx, db, tdb.dialect, dir, nil)
				if err != nil {
					t.Errorf("caller %d: %v", i, err)
				}
				mu.Lock()
				applied = append(applied, got...)
				mu.Unlock()
			}()
		}
		close(start)
		wg.Wait()
		slices.Sort(applied)
		if want := []string{v1, v2, v3}; !slices.Equal(applied, want) {
			t.Errorf("applied %v in all, want each of %v once", applied, want)
		}
		db := tdb.open(t)
		for _, v := range []string{v1, v2, v3} {
			if n := queryInt(t, db, "SELECT count(*) FROM runs WHERE version = '"+v+"'"); n != 1 {
				t.Errorf("%s ran %d times", v, n)
			}
		}
		if vs := appliedRows(t, db); !slices.Equal(vs, []string{v1, v2, v3}) {
			t.Errorf("recorded %v", vs)
		}
	})
}

// TestApplyAtlasDirs applies the Atlas-generated directories under testdata,
// with their atlas.sum.
func TestApplyAtlasDirs(t *testing.T) {
	eachDialect(t, func(t *testing.T, tdb testDB) {
		ctx, db := ctxT(t), tdb.open(t)
		dir := os.DirFS(filepath.Join("testdata", tdb.dialect))
		names, err := fs.Glob(dir, "*.sql")
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, n := range names {
			want = append(want, n[:14])
		}
		got, err := Apply(ctx, db, tdb.dialect, dir, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("applied %v, want %v", got, want)
		}
		titles := func() []string {
			rows, err := db.QueryContext(ctx, `SELECT title FROM posts ORDER BY id`)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			var ts []string
			for rows.Next() {
				var s string
				if err := rows.Scan(&s); err != nil {
					t.Fatal(err)
				}
				ts = append(ts, s)
			}
			return ts
		}
		var wantTitles []string
		switch tdb.dialect {
		case "sqlite":
			// The users table was rebuilt (Atlas drops and renames it):
			// with foreign keys enforced, dropping it would have deleted
			// every post by cascade.
			wantTitles = []string{"first; post", "second /* post */", "third", "padded", "untitled; empty"}
			if n := queryInt(t, db, `SELECT count(*) FROM users WHERE nickname IS NULL`); n != 2 {
				t.Errorf("users = %d", n)
			}
		case "postgres":
			wantTitles = []string{"first; post", "-- not a comment", "untitled; empty"}
			if n := queryInt(t, db, `SELECT add_ints(2, 3)`); n != 5 {
				t.Errorf("add_ints(2, 3) = %d", n)
			}
			var name string
			if err := db.QueryRowContext(ctx, `SELECT name FROM users WHERE id = 2`).Scan(&name); err != nil || name != "back\\slash; tab\t" {
				t.Errorf("name = %q, %v", name, err)
			}
		}
		if ts := titles(); !reflect.DeepEqual(ts, wantTitles) {
			t.Errorf("titles = %q, want %q", ts, wantTitles)
		}
		if got, err := Apply(ctx, db, tdb.dialect, dir, nil); err != nil || len(got) != 0 {
			t.Errorf("second Apply = %v, %v", got, err)
		}
	})
}

// TestSQLiteForeignKeys checks that Apply switches foreign keys off only
// while it runs, and still refuses a file that leaves violations.
func TestSQLiteForeignKeys(t *testing.T) {
	tdb := newSQLite(t)
	ctx, db := ctxT(t), tdb.open(t)
	db.SetMaxOpenConns(1) // Apply's connection is the one checked below
	dir := fstest.MapFS{
		v1 + "_init.sql": sqlFile("CREATE TABLE parent (id INTEGER PRIMARY KEY);\n" +
			"CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent (id));\n" +
			"INSERT INTO parent VALUES (1);\nINSERT INTO child VALUES (1, 1);\n"),
		v2 + "_orphan.sql": sqlFile("INSERT INTO child VALUES (2, 42);\n"),
	}
	got, err := Apply(ctx, db, tdb.dialect, withSum(t, dir), nil)
	if err == nil || !strings.Contains(err.Error(), v2+"_orphan.sql: commit: sql/sqlite: foreign key mismatch: [{tbl:child ref:parent row:2") {
		t.Fatalf("Apply = %v, %v; want a foreign key violation", got, err)
	}
	if !slices.Equal(got, []string{v1}) || queryInt(t, db, `SELECT count(*) FROM child`) != 1 {
		t.Errorf("applied %v; the orphan must be rolled back", got)
	}
	if on := queryInt(t, db, `PRAGMA foreign_keys`); on != 1 {
		t.Errorf("foreign_keys = %d after Apply, want it restored", on)
	}
	if ms := queryInt(t, db, `PRAGMA busy_timeout`); ms != 10000 {
		t.Errorf("busy_timeout = %d after Apply, want the DSN's", ms)
	}
}

func TestSQLiteBusyTimeoutRestored(t *testing.T) {
	db := testDB{driver: "sqlite", dsn: "file:" + filepath.Join(t.TempDir(), "x.db")}.open(t)
	db.SetMaxOpenConns(1)
	if _, err := Apply(ctxT(t), db, "sqlite3", withSum(t, threeFiles()), nil); err != nil {
		t.Fatal(err)
	}
	if ms := queryInt(t, db, `PRAGMA busy_timeout`); ms != 0 {
		t.Errorf("busy_timeout = %d after Apply, want 0 as before", ms)
	}
}

func TestUnknownDialect(t *testing.T) {
	if _, err := Apply(t.Context(), nil, "mysql", threeFiles(), nil); err == nil || !strings.Contains(err.Error(), `unknown dialect "mysql"`) {
		t.Errorf("Apply err = %v", err)
	}
}
