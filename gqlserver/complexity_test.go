package gqlserver

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/99designs/gqlgen/complexity"
	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

// The schema of gqlgen's own complexity tests, plus a union, __type and
// __schema, to hold ComplexityLimit to gqlgen's numbers.
const complexitySDL = `
interface NameInterface { name: String }
type Item implements NameInterface {
  scalar: String
  name: String
  list(size: Int = 10): [Item]
}
type ExpensiveItem implements NameInterface { name: String }
type Named { name: String }
union NameUnion = Item | Named
type Query {
  scalar: String
  object: Item
  interface: NameInterface
  union: NameUnion
  customObject: Item
  list(size: Int = 10): [Item]
}
`

func complexitySchema() graphql.ExecutableSchema {
	schema := gqlparser.MustLoadSchema(&ast.Source{Name: "complexity.graphqls", Input: complexitySDL})
	return &graphql.ExecutableSchemaMock{
		SchemaFunc: func() *ast.Schema { return schema },
		ComplexityFunc: func(_ context.Context, typeName, field string, child int, args map[string]any) (int, bool) {
			switch typeName + "." + field {
			case "ExpensiveItem.name":
				return 5, true
			case "Query.list", "Item.list":
				return toInt(args["size"]) * child, true
			case "Query.customObject":
				return 1, true
			}
			return 0, false
		},
	}
}

func TestComplexityMatchesGqlgen(t *testing.T) {
	es := complexitySchema()
	for _, tc := range []struct {
		query string
		vars  map[string]any
	}{
		{query: `{ scalar }`},
		{query: `{ scalar scalar }`},
		{query: `{ object { scalar } }`},
		{query: `{ scalar object { scalar } }`},
		{query: `{ ... { scalar } }`},
		{query: `{ ...F } fragment F on Query { scalar }`},
		{query: `{ list { scalar } }`},
		{query: `{ list(size: -100) { scalar } }`},
		{query: `{ interface { name } }`},
		{query: `{ union { ... on Item { scalar list(size: 3) { name } } ... on Named { name } __typename } }`},
		{query: `{ customObject { list { list { name } } } }`},
		{query: `{ __schema { types { name } } scalar }`},
		{query: `{ __type(name: "Item") { name fields { name } } }`},
		{query: `query($n: Int) { list(size: $n) { name ...I } } fragment I on Item { list(size: $n) { scalar } }`, vars: map[string]any{"n": 7}},
		{query: `{ object { ...A ...A ... on Item { ...B } } } fragment A on Item { name ...B } fragment B on Item { list(size: 4) { scalar } }`},
		{query: `{ interface { ...N ... on ExpensiveItem { name } } } fragment N on NameInterface { name }`},
		// Saturation, as gqlgen's "guards against integer overflow".
		{query: `{ a: list(size: 2147483647) { list(size: 2147483647) { list(size: 2) { scalar } } } b: list(size: 2147483647) { list(size: 2147483647) { list(size: 2) { scalar } } } }`},
	} {
		doc, errList := gqlparser.LoadQuery(es.Schema(), tc.query)
		if errList != nil {
			t.Fatalf("%s: %v", tc.query, errList)
		}
		op := doc.Operations[0]
		want := complexity.Calculate(t.Context(), es, op, tc.vars)
		got, cut := newComplexityWalker(t.Context(), es, doc, tc.vars).selections(op.SelectionSet, noLimit)
		if got != want || cut {
			t.Errorf("%s: complexity %d (cut %v), gqlgen says %d", tc.query, got, cut, want)
		}

		// The extension refuses exactly above gqlgen's number.
		for _, limit := range []int{want - 1, want} {
			if limit <= 0 {
				continue
			}
			c := &ComplexityLimit{Max: limit, Log: slog.New(slog.DiscardHandler)}
			if err := c.Validate(es); err != nil {
				t.Fatal(err)
			}
			opCtx := &graphql.OperationContext{Doc: doc, Operation: op, Variables: tc.vars}
			err := c.MutateOperationContext(t.Context(), opCtx)
			if (err != nil) != (want > limit) {
				t.Errorf("%s with limit %d: err = %v", tc.query, limit, err)
			}
			if s, _ := opCtx.Stats.GetExtension(complexityStatsKey).(*extension.ComplexityStats); s == nil || s.ComplexityLimit != limit {
				t.Errorf("%s: stats %+v", tc.query, s)
			}
		}
	}
}

// The root's walk stops once over the limit: the fields after that are not
// priced, and the message says "at least".
func TestComplexityStopsAtLimit(t *testing.T) {
	calls := 0
	schema := gqlparser.MustLoadSchema(&ast.Source{Input: complexitySDL})
	es := &graphql.ExecutableSchemaMock{
		SchemaFunc: func() *ast.Schema { return schema },
		ComplexityFunc: func(context.Context, string, string, int, map[string]any) (int, bool) {
			calls++
			return 0, false
		},
	}
	doc, errList := gqlparser.LoadQuery(schema, `{ s1: scalar s2: scalar s3: scalar s4: scalar s5: scalar }`)
	if errList != nil {
		t.Fatal(errList)
	}
	c := &ComplexityLimit{Max: 2, Log: slog.New(slog.DiscardHandler)}
	_ = c.Validate(es)
	err := c.MutateOperationContext(t.Context(), &graphql.OperationContext{Doc: doc, Operation: doc.Operations[0]})
	if err == nil || err.Message != "operation has complexity of at least 3, which exceeds the limit of 2" {
		t.Fatalf("err = %v", err)
	}
	if calls != 3 {
		t.Fatalf("%d complexity calls, want 3", calls)
	}
}

// countingSchema fails fast where gqlgen's complexity calculation would
// spin for minutes: after maxCalls calls of Complexity it panics (gqlgen's
// handler recovers, and answers 500 INTERNAL).
type countingSchema struct {
	graphql.ExecutableSchema
	calls    atomic.Int64
	maxCalls int64
}

func (s *countingSchema) Complexity(ctx context.Context, typeName, fieldName string, child int, args map[string]any) (int, bool) {
	if s.calls.Add(1) > s.maxCalls {
		panic(fmt.Sprintf("more than %d complexity calls", s.maxCalls))
	}
	return s.ExecutableSchema.Complexity(ctx, typeName, fieldName, child, args)
}

// fragmentBomb is a document of levels fragments, each spreading the next
// twice: 2^levels executed fields from a document of 30 bytes a level.
// extra goes into each fragment next to the spreads; typ is the type the
// fragments are on, and root spreads the first.
func fragmentBomb(levels int, root, typ, extra string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "query Bomb { %s }", root)
	for i := range levels {
		fmt.Fprintf(&b, " fragment F%d on %s { %s ...F%d ...F%d }", i, typ, extra, i+1, i+1)
	}
	fmt.Fprintf(&b, " fragment F%d on %s { __typename }", levels, typ)
	return b.String()
}

// postRecorded runs one POST through h on the calling goroutine.
func postRecorded(h http.Handler, query string) *httptest.ResponseRecorder {
	body, _ := json.Marshal(map[string]any{"query": query})
	r := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(string(body)))
	r.Header.Set("Content-Type", "application/json")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// A small document whose fragments spread each other twice per level is
// refused at once: gqlgen's FixedComplexityLimit re-walked each fragment at
// every spread (2^30 complexity calls here, minutes of CPU).
func TestFragmentBombRefusedCheaply(t *testing.T) {
	for _, tc := range []struct{ name, root, typ, extra string }{
		{"spreads only", "...F0", "Query", ""},
		{"with fields", "...F0", "Query", "__typename"},
		{"under a field", "node { ...F0 }", "Node", "id"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			query := fragmentBomb(30, tc.root, tc.typ, tc.extra)
			if len(query) > 2048 {
				t.Fatalf("document of %d bytes", len(query))
			}
			logs := &logBuffer{}
			es := &countingSchema{ExecutableSchema: newTestSchema(), maxCalls: 100_000}
			h := New(es, Options{Logger: slog.New(slog.NewTextHandler(logs, nil))})
			postRecorded(h, `{ name }`) // warm up: first-use costs are not the bomb's

			var w *httptest.ResponseRecorder
			cpu := onThread(t, func() { w = postRecorded(h, query) })

			var resp gqlResponse
			if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil {
				t.Fatalf("%d %s", w.Code, w.Body)
			}
			resp.raw = w.Body.String()
			wantRequestError(t, w.Code, resp, codeComplexityLimit, "")
			t.Logf("%d bytes refused with %s of CPU, %d complexity calls", len(query), cpu, es.calls.Load())
			if cpu > 50*time.Millisecond {
				t.Errorf("refusal cost %s of CPU", cpu)
			}
			if n := es.calls.Load(); n > 1000 {
				t.Errorf("%d complexity calls", n)
			}
			log := logs.String()
			if !strings.Contains(log, "operation=Bomb") || !strings.Contains(log, "code="+codeComplexityLimit) ||
				!strings.Contains(log, "limit=5000") || strings.Contains(log, "fragment F") {
				t.Errorf("log: %s", log)
			}
		})
	}
}

// onThread runs f on a goroutine locked to its OS thread and returns the CPU
// time that thread spent in f.
func onThread(tb testing.TB, f func()) time.Duration {
	tb.Helper()
	var cpu time.Duration
	var panicked any
	done := make(chan struct{})
	go func() {
		defer close(done)
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		defer func() { panicked = recover() }()
		start := threadCPU(tb)
		f()
		cpu = threadCPU(tb) - start
	}()
	<-done
	if panicked != nil {
		tb.Fatalf("panic: %v", panicked)
	}
	return cpu
}

// BenchmarkFragmentBomb prices the 30-level fragment bomb (whole request:
// parse, validation, the limits and the refusal), and compares the
// complexity calculation with gqlgen's on a 16-level bomb (gqlgen's grows
// as 2^levels; at 30 it takes minutes).
func BenchmarkFragmentBomb(b *testing.B) {
	b.Run("request/levels=30", func(b *testing.B) {
		h := New(unrecorded{newTestSchema()}, Options{QueryCacheSize: -1, Logger: slog.New(slog.DiscardHandler)})
		query := fragmentBomb(30, "...F0", "Query", "__typename")
		for b.Loop() {
			if w := postRecorded(h, query); w.Code != http.StatusOK {
				b.Fatalf("%d %s", w.Code, w.Body)
			}
		}
	})
	for _, levels := range []int{16, 30} {
		es := unrecorded{newTestSchema()}
		doc, errList := gqlparser.LoadQuery(es.Schema(), fragmentBomb(levels, "...F0", "Query", "__typename"))
		if errList != nil {
			b.Fatal(errList)
		}
		op := doc.Operations[0]
		b.Run(fmt.Sprintf("complexity/levels=%d/ours", levels), func(b *testing.B) {
			for b.Loop() {
				newComplexityWalker(b.Context(), es, doc, nil).selections(op.SelectionSet, noLimit)
			}
		})
		if levels <= 16 {
			b.Run(fmt.Sprintf("complexity/levels=%d/gqlgen", levels), func(b *testing.B) {
				for b.Loop() {
					complexity.Calculate(b.Context(), es, op, nil)
				}
			})
		}
	}
}

// unrecorded prices every field at the default without recording the call,
// as ExecutableSchemaMock would (a benchmark of gqlgen's calculation makes
// millions).
type unrecorded struct{ graphql.ExecutableSchema }

func (unrecorded) Complexity(context.Context, string, string, int, map[string]any) (int, bool) {
	return 0, false
}

// TestWideDocumentsRefusedCheaply: validation compares the fields of a
// selection set pairwise, so a document that is merely wide (the same
// field thousands of times, or one field with thousands of different
// arguments) must be refused before it, cheaply, and with few errors.
func TestWideDocumentsRefusedCheaply(t *testing.T) {
	repeat := func(n int, f func(i int) string) string {
		var b strings.Builder
		b.WriteString("query Wide {")
		for i := range n {
			b.WriteString(" " + f(i))
		}
		b.WriteString(" }")
		return b.String()
	}
	for _, tc := range []struct {
		name, query string
		code        string
	}{
		{"one field 14000 times", repeat(14000, func(int) string { return "name" }), CodeFieldLimit},
		{"1200 conflicting arguments", repeat(1200, func(i int) string { return fmt.Sprintf("echo(msg: %q)", fmt.Sprint(i)) }), CodeFieldLimit},
		{"wide inside a field", "query Wide { node { " + strings.Repeat("name ", 5000) + "} }", CodeFieldLimit},
		// Under the field limit, conflicts are still reported, a few.
		{"150 conflicting arguments", repeat(150, func(i int) string { return fmt.Sprintf("echo(msg: %q)", fmt.Sprint(i)) }), "GRAPHQL_VALIDATION_FAILED"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			logs := &logBuffer{}
			h := New(newTestSchema(), Options{Logger: slog.New(slog.NewTextHandler(logs, nil))})
			postRecorded(h, `{ name }`)
			var w *httptest.ResponseRecorder
			cpu := onThread(t, func() { w = postRecorded(h, tc.query) })
			var resp gqlResponse
			if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil {
				t.Fatalf("%d %.300s", w.Code, w.Body)
			}
			resp.raw = w.Body.String()
			if w.Code != http.StatusOK || len(resp.Errors) == 0 || resp.Errors[0].Extensions["code"] != tc.code || hasDataEntry(resp.raw) {
				t.Fatalf("%d %.300s, want 200 %s without data", w.Code, resp.raw, tc.code)
			}
			t.Logf("%d bytes refused with %s of CPU, %d errors, %d bytes answered", len(tc.query), cpu, len(resp.Errors), w.Body.Len())
			if cpu > 50*time.Millisecond {
				t.Errorf("refusal cost %s of CPU", cpu)
			}
			if len(resp.Errors) > maxErrorsPerRule {
				t.Errorf("%d errors in the answer", len(resp.Errors))
			}
			if tc.code == CodeFieldLimit && !strings.Contains(logs.String(), "code="+CodeFieldLimit) {
				t.Errorf("refusal not logged: %s", logs)
			}
		})
	}
	// The usual documents pass: GraphiQL's introspection query, the SPA's.
	h := New(newTestSchema(), Options{Introspection: true})
	if w := postRecorded(h, introspectionQuery); w.Code != http.StatusOK {
		t.Fatalf("introspection: %d %.300s", w.Code, w.Body)
	}
}

// introspectionQuery is graphql-js's getIntrospectionQuery(), what
// GraphiQL and codegen send.
const introspectionQuery = `query IntrospectionQuery {
  __schema {
    queryType { name }
    mutationType { name }
    subscriptionType { name }
    types { ...FullType }
    directives { name description locations args { ...InputValue } }
  }
}
fragment FullType on __Type {
  kind name description
  fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
  inputFields { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type {
  kind name
  ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
}`
