package main

import (
	"fmt"
	"io"
	"math"
	"slices"
)

// cell is the median of a server's rounds in one (viewer, conns) cell.
type cell struct {
	reqPerSec, p50, p99, srv, pg, pgAll float64
	errors                              int
	same                                bool
	rounds                              int
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func cellOf(ps []phase, server string, viewer, conns int) (cell, bool) {
	var rps, p50, p99, srv, pg, pgAll []float64
	c := cell{same: true}
	for _, p := range ps {
		if p.Server != server || p.Viewer != viewer || p.Conns != conns {
			continue
		}
		rps, p50, p99 = append(rps, p.ReqPerSec), append(p50, p.P50ms), append(p99, p.P99ms)
		srv, pg, pgAll = append(srv, p.SrvCPUms), append(pg, p.PGCPUms), append(pgAll, p.PGAllms)
		c.errors += p.Errors
		c.same = c.same && p.Same
		c.rounds++
	}
	if c.rounds == 0 {
		return c, false
	}
	c.reqPerSec, c.p50, c.p99, c.srv, c.pg, c.pgAll = median(rps), median(p50), median(p99), median(srv), median(pg), median(pgAll)
	return c, true
}

func stmtsOf(cs []count, server string, viewer, first int) (float64, bool) {
	for _, c := range cs {
		if c.Server == server && c.Viewer == viewer && c.First == first {
			return c.StmtsPerReq, true
		}
	}
	return 0, false
}

// printReport prints the table of medians, the ratios ours/lower bound,
// the statement counts by page size and a PASS/MISS line per target.
func printReport(w io.Writer, cfg runConfig, res *results) {
	fmt.Fprintf(w, "\nwoow read path: %d users, %d workspaces x %d members x %d services; medians of %d rounds of %v (+%v warm-up)\n",
		res.Shape.Users, res.Shape.Workspaces, res.Shape.MembersPer, res.Shape.ServicesPer, cfg.Rounds, cfg.Duration, cfg.Warm)
	fmt.Fprintf(w, "%-8s %5s %-10s %8s %8s %8s %8s %8s %8s %8s %6s %6s %5s\n",
		"viewer", "conns", "server", "req/s", "p50 ms", "p99 ms", "srv ms", "pg ms", "cpu ms", "pgAll ms", "stmts", "errors", "same")
	type ratio struct{ rps, cpu float64 }
	var ratios []ratio
	for _, v := range cfg.viewers() {
		for _, n := range cfg.Conns {
			lb, ok1 := cellOf(res.Phases, "lowerbound", v.WS, n)
			ours, ok2 := cellOf(res.Phases, "ours", v.WS, n)
			for _, x := range []struct {
				name string
				c    cell
				ok   bool
			}{{"lowerbound", lb, ok1}, {"ours", ours, ok2}} {
				if !x.ok {
					continue
				}
				st, _ := stmtsOf(res.Counts, x.name, v.WS, 20)
				fmt.Fprintf(w, "%-8s %5d %-10s %8.0f %8.2f %8.2f %8.3f %8.3f %8.3f %8.3f %6.2f %6d %5v\n",
					v.Label, n, x.name, x.c.reqPerSec, x.c.p50, x.c.p99, x.c.srv, x.c.pg, x.c.srv+x.c.pg, x.c.pgAll, st, x.c.errors, x.c.same)
			}
			if ok1 && ok2 && lb.reqPerSec > 0 && lb.srv+lb.pg > 0 {
				r := ratio{ours.reqPerSec / lb.reqPerSec, (ours.srv + ours.pg) / (lb.srv + lb.pg)}
				ratios = append(ratios, r)
				fmt.Fprintf(w, "%-8s %5d %-10s %7.3fx %8s %8s %8s %8s %7.2fx\n", v.Label, n, "ours/lb", r.rps, "", "", "", "", r.cpu)
			}
		}
	}

	fmt.Fprintf(w, "\nstatements per request (%d sequential requests through the counting proxy, background subtracted):\n", cfg.CountReqs)
	fmt.Fprintf(w, "%-10s %-8s", "server", "viewer")
	for _, f := range cfg.CountPages {
		fmt.Fprintf(w, " %9s", fmt.Sprintf("first:%d", f))
	}
	fmt.Fprintln(w)
	maxStmts, constant := 0.0, true
	for _, server := range []string{"lowerbound", "ours"} {
		for _, v := range cfg.viewers() {
			fmt.Fprintf(w, "%-10s %-8s", server, v.Label)
			var prev float64
			for i, f := range cfg.CountPages {
				st, ok := stmtsOf(res.Counts, server, v.WS, f)
				if !ok {
					fmt.Fprintf(w, " %9s", "-")
					continue
				}
				fmt.Fprintf(w, " %9.2f", st)
				if server == "ours" {
					maxStmts = max(maxStmts, st)
					if i > 0 && st > prev+0.5 {
						constant = false
					}
				}
				prev = st
			}
			fmt.Fprintln(w)
		}
	}

	for _, c := range res.Counts {
		if c.Server == "ours" && c.First == 20 {
			fmt.Fprintf(w, "answer of ours for the viewer of %d: identical as JSON: %v, byte for byte: %v\n", c.Viewer, c.Identical, c.ByteIdentical)
		}
	}

	fmt.Fprintln(w, "\ntargets (informational):")
	minRPS, maxCPU := 1e9, 0.0
	for _, r := range ratios {
		minRPS, maxCPU = min(minRPS, r.rps), max(maxCPU, r.cpu)
	}
	if len(ratios) == 0 {
		minRPS = 0
	}
	fmt.Fprintf(w, "  %s req/s at least 0.7x the lower bound's in every cell (lowest %.3fx)\n", passMiss(len(ratios) > 0 && minRPS >= 0.7), minRPS)
	fmt.Fprintf(w, "  %s server+PostgreSQL CPU per request at most 1.4x (highest %.2fx)\n", passMiss(len(ratios) > 0 && maxCPU <= 1.4), maxCPU)
	// A request runs a whole number of statements; the fraction is what
	// the subtraction of the background (River's pollers, bursty) leaves.
	fmt.Fprintf(w, "  %s statements per request constant in page size and at most 5 (highest %.2f)\n", passMiss(constant && math.Round(maxStmts) <= 5 && maxStmts > 0), maxStmts)
}

func passMiss(ok bool) string {
	if ok {
		return "PASS"
	}
	return "MISS"
}
