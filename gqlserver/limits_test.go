package gqlserver

import (
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

func parse(tb testing.TB, q string) *ast.QueryDocument {
	tb.Helper()
	doc, err := parser.ParseQuery(&ast.Source{Input: q})
	if err != nil {
		tb.Fatal(err)
	}
	return doc
}

func TestWalker(t *testing.T) {
	for _, tc := range []struct {
		query          string
		depth, aliases int
	}{
		{`{ a }`, 1, 0},
		{`{ a b { c } }`, 2, 0},
		{`{ x: a y: b { z: c c } }`, 2, 3},
		{`{ a: a }`, 1, 0},
		{`{ ... on Q { a { b } } }`, 2, 0},
		{`{ a { ...F } b { ...F } } fragment F on T { x: f { g } }`, 3, 2},
		{`{ ...F } fragment F on T { ...G } fragment G on T { a { b { c } } }`, 3, 0},
		// Cycles are rejected by validation; the walker must not loop.
		{`{ ...F } fragment F on T { a ...G } fragment G on T { b { x: c } ...F }`, 2, 1},
		// An unknown fragment counts as empty.
		{`{ a { ...Missing } }`, 1, 0},
	} {
		doc := parse(t, tc.query)
		w := newWalker(doc)
		if d := w.depth(doc.Operations[0].SelectionSet); d != tc.depth {
			t.Errorf("%s: depth %d, want %d", tc.query, d, tc.depth)
		}
		if n := newWalker(doc).aliases(doc.Operations[0].SelectionSet); n != tc.aliases {
			t.Errorf("%s: aliases %d, want %d", tc.query, n, tc.aliases)
		}
	}
}

// Each fragment spreads the next one twice: 2^80 executed aliases from a
// small document. The walker must answer at once, and saturate rather than
// overflow.
func TestWalkerFragmentBomb(t *testing.T) {
	const levels = 80
	var b strings.Builder
	b.WriteString(`{ ...F0 }`)
	for i := range levels {
		fmt.Fprintf(&b, " fragment F%d on T { x: a ...F%d ...F%d }", i, i+1, i+1)
	}
	fmt.Fprintf(&b, " fragment F%d on T { y: b }", levels)
	doc := parse(t, b.String())

	start := time.Now()
	n := newWalker(doc).aliases(doc.Operations[0].SelectionSet)
	d := newWalker(doc).depth(doc.Operations[0].SelectionSet)
	if elapsed := time.Since(start); elapsed > time.Second {
		t.Fatalf("took %s", elapsed)
	}
	if n != saturation {
		t.Fatalf("aliases = %d, want saturation %d", n, saturation)
	}
	if d != 1 {
		t.Fatalf("depth = %d", d)
	}

	err := AliasLimit{Max: 30, Log: slog.New(slog.DiscardHandler)}.MutateOperationContext(t.Context(), &graphql.OperationContext{Doc: doc, Operation: doc.Operations[0]})
	if err == nil || presentedCode(t, err) != CodeAliasLimit {
		t.Fatalf("err = %v", err)
	}
}

func TestLimitValidate(t *testing.T) {
	if (DepthLimit{}).Validate(nil) == nil || (AliasLimit{Max: -1}).Validate(nil) == nil {
		t.Fatal("non-positive limits accepted")
	}
	if (DepthLimit{Max: 1}).Validate(nil) != nil || (AliasLimit{Max: 1}).Validate(nil) != nil {
		t.Fatal("positive limits refused")
	}
}
