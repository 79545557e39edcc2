// Command readload is the read-path benchmark (bench/read.sh, `make
// bench-read`): our server against a hand-written lower bound on the same
// PostgreSQL data. It is not a test.
//
//	readload run -woow PATH [-db URL] [flags]   the whole benchmark
//	readload serve-lowerbound -dsn URL          the lower-bound server
//	readload prepare -dsn URL [-small]          migrate and seed a database
//
// run creates a database of its own, migrates it with the server's
// migrations, seeds it by SQL (seed.go), counts statements per request
// through a wire-protocol proxy (pgproxy.go), then loads each server in
// turn, each a child process started for its phase (procs.go), with N
// keep-alive connections (load.go), reading the CPU of the server process
// and of the database's PostgreSQL backends from /proc (cpu.go). It
// prints the table (report.go) and drops the database.
package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"os"
	"time"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: readload run|serve-lowerbound|prepare [flags]")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "run":
		err = runCmd(os.Args[2:])
	case "serve-lowerbound":
		err = serveLowerBoundCmd(os.Args[2:])
	case "prepare":
		err = prepareCmd(os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "readload:", err)
		os.Exit(1)
	}
}

// prepareCmd migrates and seeds an existing, empty database (for looking
// at the data or profiling a server by hand).
func prepareCmd(args []string) error {
	fs := flag.NewFlagSet("prepare", flag.ContinueOnError)
	dsn := fs.String("dsn", "", "PostgreSQL URL of an empty database")
	small := fs.Bool("small", false, "the test's small shape instead of the issue's")
	if err := fs.Parse(args); err != nil {
		return err
	}
	sh := fullShape
	if *small {
		sh = smallShape
	}
	ctx := context.Background()
	if err := migrate(ctx, *dsn); err != nil {
		return err
	}
	db, err := sql.Open("postgres", *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	return seed(ctx, db, sh)
}

// smallShape is the test's.
var smallShape = shape{Users: 50, Workspaces: 10, MembersPer: 10, ServicesPer: 5, ViewerFew: 2}

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "readload %s: %s\n", time.Now().Format("15:04:05"), fmt.Sprintf(format, args...))
}
