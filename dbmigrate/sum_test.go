package dbmigrate

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"ariga.io/atlas/sql/migrate"
)

// withSum returns a copy of fsys with the atlas.sum that Atlas computes for
// it, as the migration generator writes it.
func withSum(t *testing.T, fsys fstest.MapFS) fstest.MapFS {
	t.Helper()
	dir := &migrate.MemDir{}
	out := fstest.MapFS{}
	for name, f := range fsys {
		out[name] = f
		if !strings.Contains(name, "/") && strings.HasSuffix(name, ".sql") {
			if err := dir.WriteFile(name, f.Data); err != nil {
				t.Fatal(err)
			}
		}
	}
	sum, err := dir.Checksum()
	if err != nil {
		t.Fatal(err)
	}
	b, err := sum.MarshalText()
	if err != nil {
		t.Fatal(err)
	}
	out[migrate.HashFileName] = &fstest.MapFile{Data: b}
	return out
}

func TestAtlasSumVerification(t *testing.T) {
	base := fstest.MapFS{
		"20261129120000_a.sql": {Data: []byte("CREATE TABLE a (id INTEGER);\n")},
		"20261129130000_b.sql": {Data: []byte("CREATE TABLE b (id INTEGER);\n")},
		"20261129140000_c.sql": {Data: []byte("-- atlas:sum ignore\nCREATE TABLE c (id INTEGER);\n")},
	}
	tests := []struct {
		name   string
		change func(fstest.MapFS)
		want   string // "" for no error
	}{
		{name: "unchanged", change: func(fstest.MapFS) {}},
		{name: "no atlas.sum", change: func(m fstest.MapFS) { delete(m, migrate.HashFileName) }, want: "atlas.sum is missing"},
		{name: "other files are ignored", change: func(m fstest.MapFS) {
			m["README.md"] = &fstest.MapFile{Data: []byte("notes")}
			m["sub/20261129150000_d.sql"] = &fstest.MapFile{Data: []byte("SELECT 1;")}
		}},
		{name: "file edited", change: func(m fstest.MapFS) {
			m["20261129120000_a.sql"] = &fstest.MapFile{Data: []byte("CREATE TABLE a (id INTEGER, x TEXT);\n")}
		}, want: "20261129120000_a.sql was edited"},
		{name: "file added", change: func(m fstest.MapFS) {
			m["20261129150000_d.sql"] = &fstest.MapFile{Data: []byte("SELECT 1;")}
		}, want: "20261129150000_d.sql was added"},
		{name: "file inserted", change: func(m fstest.MapFS) {
			m["20261129125000_x.sql"] = &fstest.MapFile{Data: []byte("SELECT 1;")}
		}, want: "20261129125000_x.sql was added"},
		{name: "file removed", change: func(m fstest.MapFS) { delete(m, "20261129130000_b.sql") }, want: "20261129130000_b.sql was removed"},
		{name: "ignored file edited", change: func(m fstest.MapFS) {
			m["20261129140000_c.sql"] = &fstest.MapFile{Data: []byte("-- atlas:sum ignore\nCREATE TABLE c (id BIGINT);\n")}
		}},
		{name: "entry edited", change: func(m fstest.MapFS) {
			s := string(m[migrate.HashFileName].Data)
			m[migrate.HashFileName] = &fstest.MapFile{Data: []byte(strings.Replace(s, "_b.sql h1:", "_b.sql h1:A", 1))}
		}, want: "atlas.sum is corrupt (checksum mismatch)"},
		{name: "not a sum file", change: func(m fstest.MapFS) {
			m[migrate.HashFileName] = &fstest.MapFile{Data: []byte("hello\nworld\n")}
		}, want: "atlas.sum is corrupt (checksum file format invalid)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := withSum(t, base)
			tt.change(fsys)
			_, _, err := readDir(fsys)
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if !errors.Is(err, ErrSumMismatch) || !strings.Contains(err.Error(), tt.want) ||
				!strings.Contains(err.Error(), "edited by hand") {
				t.Fatalf("err = %v, want ErrSumMismatch with %q", err, tt.want)
			}
		})
	}
}

func TestReadDirNames(t *testing.T) {
	for name, tt := range map[string]struct {
		fsys fstest.MapFS
		want string
	}{
		"no version": {fstest.MapFS{"init.sql": {}}, "init.sql: the name must be <version>_<name>.sql"},
		"duplicate version": {fstest.MapFS{"20261129120000_a.sql": {}, "20261129120000_b.sql": {}},
			"20261129120000_a.sql and 20261129120000_b.sql have the same version"},
	} {
		t.Run(name, func(t *testing.T) {
			_, _, err := readDir(withSum(t, tt.fsys))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
		})
	}
	_, files, err := readDir(withSum(t, fstest.MapFS{"20261129120000.sql": {Data: []byte("x")}, "20261129110000_b_c.sql": {}}))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 || files[0].Version() != "20261129110000" || files[0].Desc() != "b_c" ||
		files[1].Version() != "20261129120000" || files[1].Desc() != "" ||
		files[1].checksum != "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881" {
		t.Errorf("files = %+v", files)
	}
}
