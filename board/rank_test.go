package board

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestBetween(t *testing.T) {
	for _, c := range [][2]string{{"", ""}, {"", "1"}, {"z", ""}, {"a", "b"}, {"a", "a1"}, {"a0i", "a1"}, {"", "0001"}, {"zzz", ""}, {"az", "b"}, {"a", "az"}} {
		k := Between(c[0], c[1])
		if k <= c[0] || (c[1] != "" && k >= c[1]) || k[len(k)-1] == '0' {
			t.Errorf("Between(%q, %q) = %q", c[0], c[1], k)
		}
	}
}

// TestRanksFollowAModel puts keys at random places, as moves do, and
// checks the order against a plain list.
func TestRanksFollowAModel(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var model []int   // item ids in order
	var keys []string // their keys, in the same order
	longest := 0
	for id := range 3000 {
		p := r.IntN(len(model) + 1)
		if r.IntN(3) == 0 { // the worst case: always at the top
			p = 0
		}
		lo, hi := "", ""
		if p > 0 {
			lo = keys[p-1]
		}
		if p < len(keys) {
			hi = keys[p]
		}
		k := Between(lo, hi)
		if k <= lo || (hi != "" && k >= hi) {
			t.Fatalf("Between(%q, %q) = %q", lo, hi, k)
		}
		if len(k) > MaxRankLen {
			keys = Spread(len(keys))
			p2 := p
			lo, hi = "", ""
			if p2 > 0 {
				lo = keys[p2-1]
			}
			if p2 < len(keys) {
				hi = keys[p2]
			}
			k = Between(lo, hi)
		}
		longest = max(longest, len(k))
		model = slices.Insert(model, p, id)
		keys = slices.Insert(keys, p, k)
		if !slices.IsSorted(keys) {
			t.Fatalf("keys out of order after inserting %q at %d", k, p)
		}
	}
	if longest > MaxRankLen+1 {
		t.Errorf("a key of %d bytes", longest)
	}
	s := Spread(1000)
	if !slices.IsSorted(s) || len(slices.Compact(slices.Clone(s))) != 1000 {
		t.Error("Spread: keys not increasing")
	}
}
