//go:build ignore

// gen.go writes a new versioned migration for each SQL dialect: it replays
// the existing files into an empty development database and diffs the result
// with the ent schema. Run from the module root:
//
//	go run -mod=mod ./migrations/gen.go <name>
//
// The PostgreSQL development database is created on DEV_DATABASE_URL
// (default: the local server) and dropped afterwards.
package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"flag"
	"fmt"
	"log"
	"net/url"
	"os"

	atlas "ariga.io/atlas/sql/migrate"
	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"entgo.io/ent/dialect/sql/schema"
	_ "github.com/lib/pq"
	_ "modernc.org/sqlite"

	"github.com/woowtech/woow-paas/ent/migrate"
)

func main() {
	sqliteOnly := flag.Bool("sqlite-only", false, "write only the SQLite migration (no PostgreSQL server needed)")
	flag.Parse()
	if flag.NArg() != 1 {
		log.Fatal("usage: go run ./migrations/gen.go [-sqlite-only] <name>")
	}
	name := flag.Arg(0)
	ctx := context.Background()

	db, err := sql.Open("sqlite", "file:dev?mode=memory&_pragma=foreign_keys(1)")
	if err != nil {
		log.Fatal(err)
	}
	db.SetMaxOpenConns(1) // one in-memory database
	if err := diff(ctx, db, dialect.SQLite, "migrations/sqlite", name); err != nil {
		log.Fatalf("sqlite: %v", err)
	}

	if *sqliteOnly {
		return
	}
	base := os.Getenv("DEV_DATABASE_URL")
	if base == "" {
		base = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
	}
	admin, err := sql.Open("postgres", base)
	if err != nil {
		log.Fatal(err)
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	dev := "woow_dev_" + hex.EncodeToString(b)
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+dev); err != nil {
		log.Fatalf("postgres: %v", err)
	}
	defer admin.ExecContext(ctx, "DROP DATABASE IF EXISTS "+dev+" WITH (FORCE)")
	u, _ := url.Parse(base)
	u.Path = "/" + dev
	pg, err := sql.Open("postgres", u.String())
	if err != nil {
		log.Fatal(err)
	}
	err = diff(ctx, pg, dialect.Postgres, "migrations/postgres", name)
	pg.Close()
	if err != nil {
		log.Printf("postgres: %v", err)
		return
	}
}

func diff(ctx context.Context, db *sql.DB, d, path, name string) error {
	dir, err := atlas.NewLocalDir(path)
	if err != nil {
		return err
	}
	err = migrate.NewSchema(entsql.OpenDB(d, db)).NamedDiff(ctx, name,
		schema.WithDir(dir),
		schema.WithMigrationMode(schema.ModeReplay),
		schema.WithDialect(d),
		schema.WithFormatter(atlas.DefaultFormatter),
		schema.WithDropColumn(true),
		schema.WithDropIndex(true),
	)
	if err != nil {
		return fmt.Errorf("diff: %w", err)
	}
	return nil
}
