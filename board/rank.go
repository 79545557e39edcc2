// Package board runs support projects and their Kanban boards (SPEC
// section 8): projects, their ordered stages, the tasks in them, and the
// projectBoard stream every viewer of a board follows.
//
// A stage's tasks are ordered by rank, then id. A rank is a key between
// its neighbours' keys (Between), so that a move writes the moved task
// only. Keys grow when tasks are put again and again between the same
// two; past MaxRankLen the stage's keys are written afresh, evenly
// spaced, in the move's transaction (rebalance), which is rare.
package board

import (
	"strings"
)

// digits are the rank alphabet, in byte order.
const digits = "0123456789abcdefghijklmnopqrstuvwxyz"

// MaxRankLen is the longest key before a stage is rebalanced.
const MaxRankLen = 48

func digit(c byte) int { return strings.IndexByte(digits, c) }

// Between returns a key strictly between a and b in byte order; "" for a
// means no lower bound, for b no upper bound. Keys never end in '0', so
// that one can always be put below another.
func Between(a, b string) string {
	if b != "" {
		// The common prefix (a read as padded with '0') is kept.
		n := 0
		for n < len(b) {
			ca := byte('0')
			if n < len(a) {
				ca = a[n]
			}
			if ca != b[n] {
				break
			}
			n++
		}
		if n > 0 {
			rest := ""
			if n < len(a) {
				rest = a[n:]
			}
			return b[:n] + Between(rest, b[n:])
		}
	}
	da, db := 0, len(digits)
	if a != "" {
		da = digit(a[0])
	}
	if b != "" {
		db = digit(b[0])
	}
	if db-da > 1 {
		return string(digits[(da+db)/2])
	}
	if b != "" && len(b) > 1 {
		return b[:1]
	}
	rest := ""
	if len(a) > 1 {
		rest = a[1:]
	}
	return string(digits[da]) + Between(rest, "")
}

// Spread returns n keys, increasing, evenly spaced: a stage's keys
// written afresh.
func Spread(n int) []string {
	const width = 6 // 36^6 ≈ 2.2e9 places
	space := 1
	for range width {
		space *= len(digits)
	}
	step := space / (n + 1)
	out := make([]string, n)
	for i := range out {
		v := (i + 1) * step
		b := make([]byte, width)
		for k := width - 1; k >= 0; k-- {
			b[k] = digits[v%len(digits)]
			v /= len(digits)
		}
		out[i] = strings.TrimRight(string(b), "0")
	}
	return out
}
