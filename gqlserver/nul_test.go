package gqlserver

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/woowtech/woow-paas/errs"
)

// A schema with the shapes of ours: input objects, entgql-style where
// filters, lists and a Map scalar.
const nulSDL = `
scalar Map
input NameInput { name: String!  tags: [String!]  child: NameInput  values: Map }
input WhereInput { nameContains: String  and: [WhereInput!] }
type Query {
  echo(msg: String!): String!
  things(where: WhereInput, ids: [ID!]): Int!
  configure(values: Map): Int!
}
type Mutation { create(input: NameInput!): Int! }
type Subscription { echoes(msg: String!): String! }
`

// nulSchema answers every operation with {} and counts how often it ran.
func nulSchema(execs *atomic.Int32) graphql.ExecutableSchema {
	schema := gqlparser.MustLoadSchema(&ast.Source{Name: "nul.graphqls", Input: nulSDL})
	return &graphql.ExecutableSchemaMock{
		SchemaFunc:     func() *ast.Schema { return schema },
		ComplexityFunc: func(context.Context, string, string, int, map[string]any) (int, bool) { return 0, false },
		ExecFunc: func(context.Context) graphql.ResponseHandler {
			execs.Add(1)
			return graphql.OneShot(&graphql.Response{Data: json.RawMessage(`{}`)})
		},
	}
}

var nulCases = []struct {
	name  string
	query string
	vars  map[string]any
	field string // "": accepted
}{
	{"clean literal", `{ echo(msg: "a b") things(where: {nameContains: "x"}, ids: ["1"]) configure(values: {a: {b: "c"}}) }`, nil, ""},
	{"clean variables", `mutation($i: NameInput!) { create(input: $i) }`, map[string]any{"i": map[string]any{"name": "n", "tags": []any{"t"}, "values": map[string]any{"k": []any{"v", 1.5, nil}}}}, ""},
	{"literal escape", `{ echo(msg: "a\u0000b") }`, nil, "msg"},
	{"braced escape", `{ echo(msg: "a\u{0}b") }`, nil, "msg"},
	{"variable", `query($m: String!) { echo(msg: $m) }`, map[string]any{"m": "a\x00b"}, "msg"},
	{"variable in a fragment", `query Q($m: String!) { ...F } fragment F on Query { echo(msg: $m) }`, map[string]any{"m": "\x00"}, "msg"},
	{"nested input field", `mutation { create(input: {name: "x", child: {name: "a\u0000"}}) }`, nil, "input.child.name"},
	{"nested input field, variable", `mutation($i: NameInput!) { create(input: $i) }`, map[string]any{"i": map[string]any{"name": "ok", "child": map[string]any{"name": "x\x00"}}}, "input.child.name"},
	{"variable inside a literal object", `mutation($n: String!) { create(input: {name: $n}) }`, map[string]any{"n": "\x00"}, "input.name"},
	{"where filter", `{ things(where: {nameContains: "\u0000"}) }`, nil, "where.nameContains"},
	{"where filter list", `{ things(where: {and: [{nameContains: "ok"}, {nameContains: "b\u0000"}]}) }`, nil, "where.and.1.nameContains"},
	{"list element", `{ things(ids: ["1", "2\u0000"]) }`, nil, "ids.1"},
	{"list element, variable", `query($ids: [ID!]) { things(ids: $ids) }`, map[string]any{"ids": []any{"1", "\x00"}}, "ids.1"},
	{"list from one value", `query($ids: [ID!]) { things(ids: $ids) }`, map[string]any{"ids": "\x00"}, "ids.0"},
	{"input list", `mutation($i: NameInput!) { create(input: $i) }`, map[string]any{"i": map[string]any{"name": "n", "tags": []any{"a", "b\x00"}}}, "input.tags.1"},
	{"map value", `{ configure(values: {auth: {password: "p\u0000"}}) }`, nil, "values.auth.password"},
	{"map value, variable", `query($v: Map) { configure(values: $v) }`, map[string]any{"v": map[string]any{"auth": map[string]any{"password": "p\x00"}}}, "values.auth.password"},
	{"map key", `query($v: Map) { configure(values: $v) }`, map[string]any{"v": map[string]any{"auth": map[string]any{"pass\x00word": "p"}}}, "values.auth"},
	{"map list", `query($v: Map) { configure(values: $v) }`, map[string]any{"v": map[string]any{"list": []any{"a", "\x00"}}}, "values.list.1"},
	{"map in input", `mutation { create(input: {name: "n", values: {env: [{k: "\u0000"}]}}) }`, nil, "input.values.env.0.k"},
	{"second field", `{ echo(msg: "fine") e2: echo(msg: "\u0000") }`, nil, "msg"},
	{"inline fragment", `{ ... on Query { things(ids: ["\u0000"]) } }`, nil, "ids.0"},
}

// A string holding U+0000 never reaches a resolver (PostgreSQL would
// answer "invalid byte sequence", an internal error): it is refused with
// BAD_USER_INPUT and the argument path.
func TestNULRefused(t *testing.T) {
	var execs atomic.Int32
	h := New(nulSchema(&execs), Options{Logger: slog.New(slog.DiscardHandler)})
	for _, tc := range nulCases {
		t.Run(tc.name, func(t *testing.T) {
			execs.Store(0)
			body, _ := json.Marshal(map[string]any{"query": tc.query, "variables": tc.vars})
			r := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(string(body)))
			r.Header.Set("Content-Type", "application/json")
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)

			var resp gqlResponse
			if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil {
				t.Fatalf("%d %q", w.Code, w.Body)
			}
			resp.raw = w.Body.String()
			if tc.field == "" {
				if w.Code != http.StatusOK || len(resp.Errors) != 0 || execs.Load() != 1 {
					t.Fatalf("refused: %d %s", w.Code, resp.raw)
				}
				return
			}
			wantError(t, w.Code, resp, http.StatusOK, string(errs.Invalid), nulMessage)
			if f := resp.Errors[0].Extensions["field"]; f != tc.field {
				t.Errorf("field = %v, want %s", f, tc.field)
			}
			if resp.hasData() || execs.Load() != 0 {
				t.Errorf("executed: %s", resp.raw)
			}
		})
	}
}

// The check belongs to the executor, so WebSocket operations get it too.
func TestNULRefusedOverWebSocket(t *testing.T) {
	var execs atomic.Int32
	ts := httptest.NewServer(New(nulSchema(&execs), Options{Logger: slog.New(slog.DiscardHandler)}))
	t.Cleanup(ts.Close)
	c := mustDial(t, ts, nil)
	send(t, c, map[string]any{"type": "connection_init"})
	expect(t, c, "connection_ack", "", "")
	for id, q := range map[string]string{
		"s": `subscription($m: String!) { echoes(msg: $m) }`,
		"m": `mutation($m: String!) { create(input: {name: $m}) }`,
	} {
		send(t, c, map[string]any{"type": "subscribe", "id": id, "payload": map[string]any{
			"query": q, "variables": map[string]any{"m": "x\x00"},
		}})
		m := read(t, c)
		if m.ID != id || !strings.Contains(string(m.Payload), `"code":"BAD_USER_INPUT"`) || !strings.Contains(string(m.Payload), nulMessage) {
			t.Fatalf("%s: %s %s", id, m.Type, m.Payload)
		}
		expect(t, c, "complete", id, "")
	}
	if n := execs.Load(); n != 0 {
		t.Fatalf("executed %d times", n)
	}
}
