package dbmigrate

import (
	"reflect"
	"strings"
	"testing"
)

func TestSplitStatements(t *testing.T) {
	type stmt = statement
	tests := []struct {
		name     string
		postgres bool
		src      string
		want     []stmt
	}{
		{
			name: "atlas output",
			src: "-- Create \"a\" table\nCREATE TABLE `a` (`id` integer NOT NULL);\n" +
				"-- Create \"b\" table\nCREATE TABLE `b` (\n  `id` integer\n);\n",
			want: []stmt{{"CREATE TABLE `a` (`id` integer NOT NULL)", 2}, {"CREATE TABLE `b` (\n  `id` integer\n)", 4}},
		},
		{
			name: "no statements",
			src:  "-- only a comment; with a semicolon\n\n/* and; a block */\n;\n ;",
		},
		{
			name: "last statement without delimiter",
			src:  "SELECT 1;\nSELECT 2 -- end\n",
			want: []stmt{{"SELECT 1", 1}, {"SELECT 2 -- end", 2}},
		},
		{
			name: "semicolon in string",
			src:  "INSERT INTO t VALUES ('a;b');SELECT 2;",
			want: []stmt{{"INSERT INTO t VALUES ('a;b')", 1}, {"SELECT 2", 1}},
		},
		{
			name: "doubled quote escape",
			src:  "INSERT INTO t VALUES ('it''s; fine', '''');\nSELECT ';''';",
			want: []stmt{{"INSERT INTO t VALUES ('it''s; fine', '''')", 1}, {"SELECT ';'''", 2}},
		},
		{
			name: "comment markers in strings",
			src:  "INSERT INTO t VALUES ('-- no comment; here', '/* nor; here */');\nSELECT 1;",
			want: []stmt{{"INSERT INTO t VALUES ('-- no comment; here', '/* nor; here */')", 1}, {"SELECT 1", 2}},
		},
		{
			name: "semicolons in comments",
			src:  "-- drop; everything\nSELECT 1 /* a; b */ + 2; -- trailing; comment\n/* x;\ny; */ SELECT 3;",
			want: []stmt{{"SELECT 1 /* a; b */ + 2", 2}, {"SELECT 3", 4}},
		},
		{
			name: "comment inside statement",
			src:  "SELECT 1, -- one; really\n 2;",
			want: []stmt{{"SELECT 1, -- one; really\n 2", 1}},
		},
		{
			name: "quoted identifiers",
			src:  "CREATE TABLE \"we;ird\" (\"a\"\"; b\" int);\nCREATE TABLE `x;y` ([c;d] int);",
			want: []stmt{{"CREATE TABLE \"we;ird\" (\"a\"\"; b\" int)", 1}, {"CREATE TABLE `x;y` ([c;d] int)", 2}},
		},
		{
			name: "semicolon in parentheses",
			src:  "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2));\nSELECT 1;",
			want: []stmt{{"CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2))", 1}, {"SELECT 1", 2}},
		},
		{
			name: "sqlite trigger body",
			src: "CREATE TRIGGER t AFTER INSERT ON a BEGIN\n  UPDATE a SET x = 1;\n  SELECT CASE WHEN 1 THEN 'a;' END;\nEND;\n" +
				"CREATE TEMP TRIGGER IF NOT EXISTS u BEFORE DELETE ON a BEGIN SELECT 1; end;\nSELECT 2;",
			want: []stmt{
				{"CREATE TRIGGER t AFTER INSERT ON a BEGIN\n  UPDATE a SET x = 1;\n  SELECT CASE WHEN 1 THEN 'a;' END;\nEND", 1},
				{"CREATE TEMP TRIGGER IF NOT EXISTS u BEFORE DELETE ON a BEGIN SELECT 1; end", 5},
				{"SELECT 2", 6},
			},
		},
		{
			name: "sqlite: BEGIN outside a trigger is a statement",
			src:  "BEGIN;\nSELECT 1;\nCOMMIT;",
			want: []stmt{{"BEGIN", 1}, {"SELECT 1", 2}, {"COMMIT", 3}},
		},
		{
			name: "sqlite block comments do not nest",
			src:  "/* a /* b */ SELECT 1;",
			want: []stmt{{"SELECT 1", 1}},
		},
		{
			name:     "postgres dollar quotes",
			postgres: true,
			src: "CREATE FUNCTION f() RETURNS trigger AS $fn$\nBEGIN\n  NEW.x := 'a;b'; -- c;\n  RETURN NEW;\nEND;\n$fn$ LANGUAGE plpgsql;\n" +
				"SELECT $$a;$$, $x$ $$; $x$;\nSELECT $1, a$b;",
			want: []stmt{
				{"CREATE FUNCTION f() RETURNS trigger AS $fn$\nBEGIN\n  NEW.x := 'a;b'; -- c;\n  RETURN NEW;\nEND;\n$fn$ LANGUAGE plpgsql", 1},
				{"SELECT $$a;$$, $x$ $$; $x$", 7},
				{"SELECT $1, a$b", 8},
			},
		},
		{
			name: "sqlite: no dollar quotes",
			src:  "SELECT $a;SELECT $a;",
			want: []stmt{{"SELECT $a", 1}, {"SELECT $a", 1}},
		},
		{
			name:     "postgres escape strings",
			postgres: true,
			src:      "SELECT E'it\\'s; \\\\', e'\\';', 'plain\\';\nSELECT x'1';",
			want:     []stmt{{"SELECT E'it\\'s; \\\\', e'\\';', 'plain\\'", 1}, {"SELECT x'1'", 2}},
		},
		{
			name:     "postgres: a word ending in E is no escape prefix",
			postgres: true,
			src:      "SELECT 1 AS note, NAME'x\\';SELECT 2;",
			want:     []stmt{{"SELECT 1 AS note, NAME'x\\'", 1}, {"SELECT 2", 1}},
		},
		{
			name:     "postgres nested block comments",
			postgres: true,
			src:      "/* a /* b; */ c; */ SELECT 1;",
			want:     []stmt{{"SELECT 1", 1}},
		},
		{
			name:     "postgres BEGIN ATOMIC",
			postgres: true,
			src: "CREATE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT a + b;\n  SELECT CASE WHEN a > 0 THEN 1 END;\nEND;\n" +
				"BEGIN;\nSELECT 1;",
			want: []stmt{
				{"CREATE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT a + b;\n  SELECT CASE WHEN a > 0 THEN 1 END;\nEND", 1},
				{"BEGIN", 6},
				{"SELECT 1", 7},
			},
		},
		{
			name: "atlas delimiter directive",
			src:  "-- atlas:delimiter //\nCREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1; END//\nSELECT ';' //\n",
			want: []stmt{{"CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1; END", 2}, {"SELECT ';'", 3}},
		},
		{
			name: "atlas delimiter directive with escapes",
			src:  "-- atlas:delimiter \\n\\n\nSELECT 1;\nSELECT 2;\n\nSELECT 3;",
			want: []stmt{{"SELECT 1;\nSELECT 2;", 2}, {"SELECT 3;", 5}},
		},
		{
			name: "CRLF line endings",
			src:  "-- c\r\nSELECT 1;\r\nSELECT\r\n 2;\r\n",
			want: []stmt{{"SELECT 1", 2}, {"SELECT\r\n 2", 3}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := splitStatements(tt.src, tt.postgres)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %#v\nwant %#v", got, tt.want)
			}
		})
	}
}

func TestSplitStatementsErrors(t *testing.T) {
	tests := []struct {
		name     string
		postgres bool
		src      string
		want     string
	}{
		{name: "unclosed string", src: "SELECT 1;\nSELECT 'abc;", want: "line 2: unclosed quote '"},
		{name: "unclosed identifier", src: "SELECT \"abc;", want: `line 1: unclosed quote "`},
		{name: "unclosed block comment", src: "SELECT 1;\n\n/* abc;", want: "line 3: unclosed block comment"},
		{name: "unclosed nested comment", postgres: true, src: "/* a /* b */ SELECT 1;", want: "line 1: unclosed block comment"},
		{name: "unclosed dollar quote", postgres: true, src: "SELECT $f$ abc; $g$;", want: "line 1: unclosed dollar-quoted string $f$"},
		{name: "unclosed parenthesis", src: "SELECT (1;\nSELECT 2;", want: "line 1: unclosed '('"},
		{name: "unexpected parenthesis", src: "SELECT 1);", want: "line 1: unexpected ')'"},
		{name: "trigger without END", src: "CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1;", want: "line 1: BEGIN without END"},
		{name: "empty delimiter", src: "-- atlas:delimiter\nSELECT 1;", want: "empty atlas:delimiter"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := splitStatements(tt.src, tt.postgres)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
		})
	}
}
