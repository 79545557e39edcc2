package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"time"

	_ "github.com/lib/pq"
)

// benchDB is a database created for one run on the server of an admin URL.
type benchDB struct {
	Name  string
	DSN   string // the database's own URL
	admin *sql.DB
}

// createDB creates woow_benchread_<random> on the server of adminURL,
// which must be on 127.0.0.1 or localhost.
func createDB(ctx context.Context, adminURL string) (*benchDB, error) {
	u, err := url.Parse(adminURL)
	if err != nil {
		return nil, fmt.Errorf("database URL: %w", err)
	}
	if h := u.Hostname(); h != "127.0.0.1" && h != "localhost" {
		return nil, fmt.Errorf("refusing a database on %q: the bench runs on 127.0.0.1 only", h)
	}
	admin, err := sql.Open("postgres", adminURL)
	if err != nil {
		return nil, err
	}
	b := make([]byte, 6)
	rand.Read(b)
	name := "woow_benchread_" + hex.EncodeToString(b)
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		admin.Close()
		return nil, fmt.Errorf("create database: %w", err)
	}
	u.Path = "/" + name
	return &benchDB{Name: name, DSN: u.String(), admin: admin}, nil
}

// drop drops the database (closing what is still connected).
func (d *benchDB) drop() error {
	defer d.admin.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, err := d.admin.ExecContext(ctx, "DROP DATABASE IF EXISTS "+d.Name+" WITH (FORCE)")
	return err
}

// withHostPort returns dsn with its host and port replaced (the counting
// proxy's address).
func withHostPort(dsn, hostport string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return dsn
	}
	u.Host = hostport
	return u.String()
}
