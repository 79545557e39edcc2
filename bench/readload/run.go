package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/url"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// runConfig is `readload run`'s flags.
type runConfig struct {
	Woow       string
	AdminURL   string
	Tmp        string
	Duration   time.Duration
	Warm       time.Duration
	Rounds     int
	Conns      []int
	CountReqs  int
	Out        string
	Shape      shape
	CountPages []int
}

// viewers are the two memberships measured.
type viewerSpec struct {
	Label string // "20 ws" or "1000 ws"
	Token string
	WS    int
}

func (c runConfig) viewers() []viewerSpec {
	return []viewerSpec{
		{fmt.Sprintf("%d ws", c.Shape.ViewerFew), tokenFew, c.Shape.ViewerFew},
		{fmt.Sprintf("%d ws", c.Shape.Workspaces), tokenAll, c.Shape.Workspaces},
	}
}

// phase is one measured load phase of one server.
type phase struct {
	Server    string  `json:"server"`
	Viewer    int     `json:"viewerWorkspaces"`
	Conns     int     `json:"conns"`
	Round     int     `json:"round"`
	Requests  int     `json:"requests"`
	Errors    int     `json:"errors"`
	FirstErr  string  `json:"firstError,omitempty"`
	Seconds   float64 `json:"seconds"`
	ReqPerSec float64 `json:"reqPerSec"`
	P50ms     float64 `json:"p50ms"`
	P99ms     float64 `json:"p99ms"`
	SrvCPUms  float64 `json:"serverCPUmsPerReq"`
	PGCPUms   float64 `json:"pgCPUmsPerReq"`
	// PGAllms is the whole PostgreSQL server's CPU per request (every
	// database, every backend, exited ones included; -1: unknown).
	PGAllms   float64 `json:"pgServerCPUmsPerReq"`
	PGBackend int     `json:"pgBackends"`
	PGExited  int     `json:"pgBackendsExited"`
	Same      bool    `json:"answerIdentical"`
}

// count is one statement-counting measurement.
type count struct {
	Server        string  `json:"server"`
	Viewer        int     `json:"viewerWorkspaces"`
	First         int     `json:"first"`
	Requests      int     `json:"requests"`
	Statements    int64   `json:"statements"`
	Background    float64 `json:"backgroundStatementsPerSec"`
	Seconds       float64 `json:"seconds"`
	StmtsPerReq   float64 `json:"statementsPerReq"`
	Identical     bool    `json:"answerIdentical"`
	ByteIdentical bool    `json:"answerByteIdentical"`
}

type results struct {
	Started time.Time `json:"started"`
	Shape   shape     `json:"shape"`
	Counts  []count   `json:"counts"`
	Phases  []phase   `json:"phases"`
}

func runCmd(args []string) error {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	var cfg runConfig
	var conns string
	fs.StringVar(&cfg.Woow, "woow", "", "the server binary")
	fs.StringVar(&cfg.AdminURL, "db", "postgres://postgres@127.0.0.1:5432/test?sslmode=disable", "PostgreSQL URL (a database to connect to while creating the bench's)")
	fs.StringVar(&cfg.Tmp, "tmp", os.TempDir(), "directory for the servers' logs and data")
	fs.DurationVar(&cfg.Duration, "duration", 10*time.Second, "measured time per phase")
	fs.DurationVar(&cfg.Warm, "warm", 2*time.Second, "warm-up per phase")
	fs.IntVar(&cfg.Rounds, "rounds", 2, "rounds (lower bound, then ours) per cell")
	fs.StringVar(&conns, "conns", "16,64", "connection counts")
	fs.IntVar(&cfg.CountReqs, "count-requests", 100, "sequential requests per statement count")
	fs.StringVar(&cfg.Out, "out", "", "also write the raw JSON results here")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if cfg.Woow == "" {
		return errors.New("run: -woow is required")
	}
	for _, s := range strings.Split(conns, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			return fmt.Errorf("run: -conns %q", conns)
		}
		cfg.Conns = append(cfg.Conns, n)
	}
	cfg.Shape = fullShape
	cfg.CountPages = []int{5, 20}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	res, err := run(ctx, cfg)
	if res != nil {
		printReport(os.Stdout, cfg, res)
		if cfg.Out != "" {
			b, _ := json.MarshalIndent(res, "", "  ")
			if werr := os.WriteFile(cfg.Out, append(b, '\n'), 0o644); werr != nil && err == nil {
				err = werr
			}
		}
	}
	return err
}

// run does the whole benchmark in a database of its own, dropped at the
// end (also when ctx is cancelled: Ctrl-C).
func run(ctx context.Context, cfg runConfig) (*results, error) {
	db, err := createDB(ctx, cfg.AdminURL)
	if err != nil {
		return nil, err
	}
	logf("database %s", db.Name)
	defer func() {
		if err := db.drop(); err != nil {
			logf("dropping %s: %v", db.Name, err)
		}
	}()
	if err := prepareDB(ctx, db.DSN, cfg.Shape); err != nil {
		return nil, err
	}
	res := &results{Started: time.Now().UTC(), Shape: cfg.Shape}

	refs, err := countPhase(ctx, cfg, db, res)
	if err != nil {
		return res, err
	}
	var failed error
	for _, v := range cfg.viewers() {
		for _, n := range cfg.Conns {
			for round := 1; round <= cfg.Rounds; round++ {
				for _, server := range []string{"lowerbound", "ours"} {
					p, err := loadPhase(ctx, cfg, db, server, v, n, round, refs[v.WS])
					if err != nil {
						return res, err
					}
					res.Phases = append(res.Phases, p)
					if p.Errors > 0 || !p.Same {
						failed = errors.New("some phases had errors or answers that differ (see the table)")
					}
				}
			}
		}
	}
	return res, failed
}

// prepareDB creates our schema with the server's migrations and seeds it.
func prepareDB(ctx context.Context, dsn string, sh shape) error {
	if err := migrate(ctx, dsn); err != nil {
		return fmt.Errorf("migrating: %w", err)
	}
	sdb, err := sql.Open("postgres", dsn)
	if err != nil {
		return err
	}
	defer sdb.Close()
	return seed(ctx, sdb, sh)
}

func startServer(ctx context.Context, cfg runConfig, server, dsn, label string) (*child, error) {
	if server == "ours" {
		return startOurs(ctx, cfg.Woow, dsn, cfg.Tmp, label)
	}
	return startLowerBound(ctx, dsn, cfg.Tmp, label)
}

// countPhase starts each server with its database connections through the
// counting proxy and, for each viewer and page size, measures statements
// per request over sequential requests, less the background rate (River's
// pollers in ours) measured over a second of idleness just before. It
// returns the lower bound's answers at the benchmark's page size, the
// reference of every later comparison, and checks ours against them.
func countPhase(ctx context.Context, cfg runConfig, db *benchDB, res *results) (map[int][]byte, error) {
	u, _ := url.Parse(db.DSN)
	proxy, err := startProxy(u.Host)
	if err != nil {
		return nil, err
	}
	defer proxy.Close()
	refs := map[int][]byte{}
	var mismatch error
	for _, server := range []string{"lowerbound", "ours"} {
		c, err := startServer(ctx, cfg, server, withHostPort(db.DSN, proxy.Addr()), "count")
		if err != nil {
			return nil, err
		}
		for _, v := range cfg.viewers() {
			for _, first := range cfg.CountPages {
				cl := newClient(c.Addr, v.Token, benchQuery(first), 1)
				var answer []byte
				for range 5 { // warm-up: prepared statements, caches
					if answer, err = cl.do(ctx); err != nil {
						c.stop()
						return nil, fmt.Errorf("%s, viewer of %d, first %d: %w", server, v.WS, first, err)
					}
				}
				b0 := proxy.Statements()
				idle := time.Now()
				sleep(ctx, time.Second)
				bg := float64(proxy.Statements()-b0) / time.Since(idle).Seconds()
				s0, t0 := proxy.Statements(), time.Now()
				for range cfg.CountReqs {
					if _, err := cl.do(ctx); err != nil {
						c.stop()
						return nil, fmt.Errorf("%s, viewer of %d, first %d: %w", server, v.WS, first, err)
					}
				}
				secs := time.Since(t0).Seconds()
				n := proxy.Statements() - s0
				k := count{Server: server, Viewer: v.WS, First: first, Requests: cfg.CountReqs, Statements: n,
					Background: bg, Seconds: secs,
					StmtsPerReq: (float64(n) - bg*secs) / float64(cfg.CountReqs)}
				if first == 20 {
					if server == "lowerbound" {
						refs[v.WS] = answer
					}
					k.Identical = sameAnswer(refs[v.WS], answer)
					k.ByteIdentical = string(trimNL(refs[v.WS])) == string(trimNL(answer))
					if !k.Identical {
						mismatch = fmt.Errorf("%s's answer for the viewer of %d differs from the lower bound's:\n%.600s\n---\n%.600s",
							server, v.WS, answer, refs[v.WS])
					}
				}
				res.Counts = append(res.Counts, k)
				logf("count %s viewer=%d first=%d: %.2f statements/request (background %.1f/s)",
					server, v.WS, first, k.StmtsPerReq, bg)
			}
		}
		cl := c
		cl.stop()
	}
	return refs, mismatch
}

// loadPhase starts one server, loads it with n connections for the
// warm-up and the measured duration, and stops it.
func loadPhase(ctx context.Context, cfg runConfig, db *benchDB, server string, v viewerSpec, n, round int, ref []byte) (phase, error) {
	label := fmt.Sprintf("%d-%d-%d", v.WS, n, round)
	c, err := startServer(ctx, cfg, server, db.DSN, label)
	if err != nil {
		return phase{}, err
	}
	defer c.stop()
	p := phase{Server: server, Viewer: v.WS, Conns: n, Round: round}
	// The answer first (also a warm-up request).
	first, err := newClient(c.Addr, v.Token, benchQuery(20), 1).do(ctx)
	if err != nil {
		return p, fmt.Errorf("%s, viewer of %d: %w", server, v.WS, err)
	}
	p.Same = sameAnswer(ref, first)
	var srv0, srv1 time.Duration
	var pg *pgSampler
	var pgr pgCPU
	lr := runLoad(ctx, c.Addr, v.Token, benchQuery(20), n, cfg.Warm, cfg.Duration,
		func() {
			srv0, _ = procCPU(c.Pid())
			pg = startPGSampler(db.Name, 100*time.Millisecond)
		},
		func() {
			srv1, _ = procCPU(c.Pid())
			pgr = pg.finish()
		})
	if err := c.alive(); err != nil {
		return p, err
	}
	if ctx.Err() != nil {
		return p, ctx.Err()
	}
	p.Requests, p.Errors, p.FirstErr = lr.Requests, lr.Errors, lr.FirstErr
	p.Seconds = lr.Elapsed.Seconds()
	if p.Requests > 0 {
		p.ReqPerSec = float64(p.Requests) / p.Seconds
		p.P50ms = ms(lr.quantile(0.50))
		p.P99ms = ms(lr.quantile(0.99))
		p.SrvCPUms = ms(srv1-srv0) / float64(p.Requests)
		p.PGCPUms = ms(pgr.CPU) / float64(p.Requests)
		p.PGAllms = -1
		if pgr.Cluster >= 0 {
			p.PGAllms = ms(pgr.Cluster) / float64(p.Requests)
		}
	}
	p.PGBackend, p.PGExited = pgr.Backends, pgr.Exited
	logf("%-10s viewer=%-4d conns=%-2d round %d: %6.0f req/s p50 %.1f ms p99 %.1f ms, CPU/req server %.2f ms PG %.2f ms (%d backends, %d exited; whole PG server %.2f ms), %d errors%s",
		server, v.WS, n, round, p.ReqPerSec, p.P50ms, p.P99ms, p.SrvCPUms, p.PGCPUms, pgr.Backends, pgr.Exited, p.PGAllms, p.Errors,
		map[bool]string{true: "", false: ", ANSWER DIFFERS"}[p.Same])
	return p, nil
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func sleep(ctx context.Context, d time.Duration) {
	select {
	case <-ctx.Done():
	case <-time.After(d):
	}
}

// sameAnswer compares two answers as JSON values (decoded to any and
// re-encoded: object keys sorted, numbers and whitespace normalised).
func sameAnswer(a, b []byte) bool {
	ca, err1 := canonical(a)
	cb, err2 := canonical(b)
	return err1 == nil && err2 == nil && string(ca) == string(cb)
}

func canonical(b []byte) ([]byte, error) {
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return nil, err
	}
	return json.Marshal(v)
}

func trimNL(b []byte) []byte { return []byte(strings.TrimRight(string(b), "\n")) }
