package gqlserver

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

// waitSchema's queries and mutations wait until their context ends (or for
// wait, which no test should reach) and answer what their context looked
// like then: {"err": ctx.Err() or "", "deadline": whether it had one}; ended
// receives ctx.Err() of each. A subscription answers at once whether its
// context has a deadline.
func waitSchema(wait time.Duration, ended chan<- error) graphql.ExecutableSchema {
	schema := gqlparser.MustLoadSchema(&ast.Source{Input: `
type Query { wait: String! }
type Mutation { wait: String! }
type Subscription { wait: String! }
`})
	return &graphql.ExecutableSchemaMock{
		SchemaFunc:     func() *ast.Schema { return schema },
		ComplexityFunc: func(context.Context, string, string, int, map[string]any) (int, bool) { return 0, false },
		ExecFunc: func(context.Context) graphql.ResponseHandler {
			done := false
			return func(ctx context.Context) *graphql.Response {
				if done {
					return nil
				}
				done = true
				_, deadline := ctx.Deadline()
				if graphql.GetOperationContext(ctx).Operation.Operation == ast.Subscription {
					b, _ := json.Marshal(map[string]any{"wait": map[string]any{"deadline": deadline}})
					return &graphql.Response{Data: b}
				}
				select {
				case <-ctx.Done():
				case <-time.After(wait):
				}
				if ended != nil {
					ended <- ctx.Err()
				}
				msg := ""
				if ctx.Err() != nil {
					msg = ctx.Err().Error()
				}
				b, _ := json.Marshal(map[string]any{"wait": map[string]any{"err": msg, "deadline": deadline}})
				return &graphql.Response{Data: b}
			}
		},
	}
}

// A query or mutation that outlives Options.OperationTimeout has its context
// ended; the operation is logged (by name).
func TestOperationTimeout(t *testing.T) {
	logs := &logBuffer{}
	h := New(waitSchema(3*time.Second, nil), Options{
		OperationTimeout: 50 * time.Millisecond,
		Logger:           slog.New(slog.NewTextHandler(logs, nil)),
	})
	for _, q := range []string{`query Slow { wait }`, `mutation SlowMutation { wait }`} {
		start := time.Now()
		w := postRecorded(h, q)
		if d := time.Since(start); d > time.Second {
			t.Fatalf("%s took %s", q, d)
		}
		if !strings.Contains(w.Body.String(), `"err":"context deadline exceeded"`) {
			t.Fatalf("%s: %d %s", q, w.Code, w.Body)
		}
	}
	log := logs.String()
	if !strings.Contains(log, "ran out of time") || !strings.Contains(log, "operation=Slow ") || !strings.Contains(log, "operation=SlowMutation") {
		t.Fatalf("log: %s", log)
	}
}

// Subscriptions are long-lived: they get no deadline.
func TestOperationTimeoutSparesSubscriptions(t *testing.T) {
	ts := httptest.NewServer(New(waitSchema(3*time.Second, nil), Options{OperationTimeout: 50 * time.Millisecond, Logger: slog.New(slog.DiscardHandler)}))
	t.Cleanup(ts.Close)
	c := mustDial(t, ts, nil)
	send(t, c, map[string]any{"type": "connection_init"})
	expect(t, c, "connection_ack", "", "")
	subscribe(t, c, "s", `subscription { wait }`)
	expect(t, c, "next", "s", `{"data":{"wait":{"deadline":false}}}`)
	expect(t, c, "complete", "s", "")

	// A query over the same socket has its budget.
	subscribe(t, c, "q", `{ wait }`)
	expect(t, c, "next", "q", `{"data":{"wait":{"deadline":true,"err":"context deadline exceeded"}}}`)
	expect(t, c, "complete", "q", "")
}

// An operation whose client went away stops: the context OperationTimeout
// gives it derives from the request's.
func TestOperationStopsWithClient(t *testing.T) {
	ended := make(chan error, 1)
	ts := httptest.NewServer(New(waitSchema(10*time.Second, ended), Options{OperationTimeout: time.Minute, Logger: slog.New(slog.DiscardHandler)}))
	t.Cleanup(ts.Close)

	ctx, cancel := context.WithTimeout(t.Context(), 100*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, ts.URL, strings.NewReader(`{"query":"{ wait }"}`))
	req.Header.Set("Content-Type", "application/json")
	if resp, err := http.DefaultClient.Do(req); err == nil {
		resp.Body.Close()
		t.Fatalf("request completed: %d", resp.StatusCode)
	}
	select {
	case err := <-ended:
		if err != context.Canceled {
			t.Fatalf("operation ended with %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("operation still running after its client left")
	}
}

func TestOperationTimeoutValidate(t *testing.T) {
	if (OperationTimeout{}).Validate(nil) == nil {
		t.Fatal("zero timeout accepted")
	}
}
