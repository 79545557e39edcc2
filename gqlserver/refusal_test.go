package gqlserver

import (
	"context"
	"log/slog"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/woowtech/woow-paas/errs"
)

// wantRefusalLogged checks the Warn line of one refusal: the operation's
// name, the code, the limit and the measured value, and nothing of the
// document or the variables.
func wantRefusalLogged(tb testing.TB, log, operation, code, limit, value string, secrets ...string) {
	tb.Helper()
	var line string
	for l := range strings.SplitSeq(log, "\n") {
		if strings.Contains(l, "operation refused by a limit") && strings.Contains(l, "code="+code) {
			line = l
		}
	}
	if line == "" {
		tb.Fatalf("no refusal logged with code %s: %s", code, log)
	}
	for _, want := range []string{"level=WARN", "operation=" + operation + " ", "limit=" + limit + " ", "value=" + value} {
		if !strings.Contains(line+" ", want) {
			tb.Errorf("%q missing from %s", want, line)
		}
	}
	for _, s := range secrets {
		if strings.Contains(log, s) {
			tb.Errorf("log holds %q: %s", s, log)
		}
	}
}

// Every limit logs its refusals at Warn, so an operator can tell a client
// that hits a limit from one that hammers it.
func TestRefusalsLogged(t *testing.T) {
	for _, tc := range []struct {
		name          string
		opts          Options
		query         string
		code          string
		limit, value  string
		operationName string
	}{
		{"depth", Options{MaxDepth: 2}, `query Deep($pw: String!) { echo(msg: $pw) node { child { id } } }`, CodeDepthLimit, "2", "3", "Deep"},
		{"aliases", Options{MaxAliases: 1}, `query Aliased($pw: String!) { a: echo(msg: $pw) b: name }`, CodeAliasLimit, "1", "2", "Aliased"},
		{"complexity", Options{MaxComplexity: 10}, `query Heavy($pw: String!) { echo(msg: $pw) heavy(n: 50) }`, codeComplexityLimit, "10", "51", "Heavy"},
		{"tokens", Options{ParserTokenLimit: 10}, `query Long($pw: String!) { echo(msg: $pw) name name name }`, errcode.ParseFailed, "10", "11", "Long"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ts, logs := newTestServer(t, tc.opts)
			status, r := post(t, ts, map[string]any{
				"query": tc.query, "operationName": tc.operationName,
				"variables": map[string]any{"pw": "hunter2-variable"},
			})
			wantRequestError(t, status, r, tc.code, "")
			wantRefusalLogged(t, logs.String(), tc.operationName, tc.code, tc.limit, tc.value, "hunter2", "echo(msg")
		})
	}

	t.Run("page size", func(t *testing.T) {
		logs := &logBuffer{}
		p := PageSize{Max: 100, Log: slog.New(slog.NewTextHandler(logs, nil))}
		op := &ast.OperationDefinition{Name: "Projects", Operation: ast.Query}
		ctx := graphql.WithOperationContext(context.Background(), &graphql.OperationContext{Operation: op, OperationName: "Projects"})
		first := 500
		ctx = graphql.WithFieldContext(ctx, &graphql.FieldContext{
			Field: graphql.CollectedField{Field: &ast.Field{Name: "projects"}},
			Args:  map[string]any{"first": &first, "last": (*int)(nil)},
		})
		_, err := p.InterceptField(ctx, func(context.Context) (any, error) { return nil, nil })
		if !errs.Is(err, errs.Invalid) {
			t.Fatalf("err = %v", err)
		}
		wantRefusalLogged(t, logs.String(), "Projects", string(errs.Invalid), "100", "500")
		if !strings.Contains(logs.String(), "field=projects") || !strings.Contains(logs.String(), "argument=first") {
			t.Fatalf("log: %s", logs)
		}
	})

	t.Run("subscriptions", func(t *testing.T) {
		ts, logs := newTestServer(t, Options{MaxSubscriptionsPerConn: 1})
		c := mustDial(t, ts, nil)
		send(t, c, map[string]any{"type": "connection_init"})
		expect(t, c, "connection_ack", "", "")
		subscribe(t, c, "1", `subscription Forever { forever }`)
		expect(t, c, "next", "1", `{"data":{"forever":0}}`)
		subscribe(t, c, "2", `subscription Forever { forever }`)
		if m := read(t, c); !strings.Contains(string(m.Payload), codeTooManyRequests) {
			t.Fatalf("second subscription: %s %s", m.Type, m.Payload)
		}
		wantRefusalLogged(t, logs.String(), "Forever", codeTooManyRequests, "1", "2")
	})

	t.Run("accepted operations are not logged", func(t *testing.T) {
		ts, logs := newTestServer(t, Options{})
		status, r := query(t, ts, `query Fine { name }`)
		wantData(t, status, r, `{"name":"test"}`)
		if strings.Contains(logs.String(), "refused") {
			t.Fatalf("log: %s", logs)
		}
	})
}
