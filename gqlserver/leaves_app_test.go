package gqlserver_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/executor"
	"github.com/vektah/gqlparser/v2"

	"github.com/woowtech/woow-paas/assistant"
	"github.com/woowtech/woow-paas/ent/aimessage"
	"github.com/woowtech/woow-paas/gqlserver"
	"github.com/woowtech/woow-paas/graph"
	"github.com/woowtech/woow-paas/resolvers"
)

// streamRoot answers messageStream with a channel the test fills; the
// rest of the schema is never resolved here.
type streamRoot struct {
	graph.ResolverRoot
	events chan *assistant.Event
}

func (r streamRoot) Subscription() graph.SubscriptionResolver { return streamSubs{events: r.events} }

type streamSubs struct {
	graph.SubscriptionResolver
	events chan *assistant.Event
}

func (s streamSubs) MessageStream(context.Context, int, *int) (<-chan *assistant.Event, error) {
	return s.events, nil
}

// The application's leaf renderers write what gqlgen's executor writes,
// byte for byte: every leaf field of MessageStreamEvent, in every order,
// with and without aliases and __typename, for texts that need escaping
// (quotes, control characters, HTML, U+2028, invalid UTF-8) and every
// status.
func TestLeavesRenderAsTheExecutor(t *testing.T) {
	events := make(chan *assistant.Event, 1)
	es := graph.NewExecutableSchema(graph.Config{Resolvers: streamRoot{events: events}})
	schema := es.Schema()
	exec := executor.New(es)
	leaves := resolvers.Leaves()

	// Every leaf field of the type must render here, or its events would
	// silently take the slow path.
	var fields []string
	for _, f := range schema.Types["MessageStreamEvent"].Fields {
		if k := schema.Types[f.Type.Name()].Kind; f.Type.Elem == nil && (k == "SCALAR" || k == "ENUM") {
			fields = append(fields, f.Name)
			if _, ok := leaves["MessageStreamEvent"](&assistant.Event{}, f.Name); !ok {
				t.Errorf("resolvers.Leaves does not render MessageStreamEvent.%s", f.Name)
			}
		}
	}
	if len(fields) < 4 {
		t.Fatalf("leaf fields %v: the schema changed, update the test", fields)
	}

	texts := []string{"", "plain", `say "hi" \ there`, "<script>alert(1)</script> & more", "line\nbreak\ttab\rcr",
		"\x00\x01\x1f\x7f", "\u2028\u2029", "héllo 世界 🎉", "bad \xff\xfe utf-8", strings.Repeat("long ", 400)}
	statuses := []aimessage.Status{aimessage.StatusStreaming, aimessage.StatusComplete, aimessage.StatusCancelled, aimessage.StatusError}
	rng := rand.New(rand.NewPCG(1, 2))
	renders := 0
	for mask := 1; mask < 1<<len(fields); mask++ {
		for variant := range 4 {
			var sel []string
			for i, f := range fields {
				if mask&(1<<i) == 0 {
					continue
				}
				if variant&1 == 1 {
					f = "a" + f + ": " + f
				}
				sel = append(sel, f)
			}
			rng.Shuffle(len(sel), func(i, j int) { sel[i], sel[j] = sel[j], sel[i] })
			if variant&2 == 2 {
				sel = append(sel, "__typename")
			}
			root := "messageStream"
			if variant == 3 {
				root = "s: messageStream"
			}
			query := fmt.Sprintf(`subscription { %s(threadId: "AQ") { %s } }`, root, strings.Join(sel, " "))
			doc, errList := gqlparser.LoadQuery(schema, query)
			if errList != nil {
				t.Fatalf("%s: %v", query, errList)
			}
			ctx := graphql.StartOperationTrace(context.Background())
			rc, errList := exec.CreateOperationContext(ctx, &graphql.RawParams{Query: query})
			if errList != nil {
				t.Fatalf("%s: %v", query, errList)
			}
			ctx, cancel := context.WithCancel(graphql.WithOperationContext(ctx, rc))
			responses, ctx := exec.DispatchOperation(ctx, rc)
			for _, text := range texts {
				ev := &assistant.Event{MessageID: rng.IntN(1 << 40), Delta: text,
					Status: statuses[rng.IntN(len(statuses))], Reset: rng.IntN(2) == 0}
				events <- ev
				want, err := json.Marshal(responses(ctx))
				if err != nil {
					t.Fatal(err)
				}
				got, ok := gqlserver.RenderLeaves(schema, doc.Operations[0], leaves, ev)
				if !ok {
					t.Fatalf("%s: no leaf rendering for %+v", query, ev)
				}
				if !bytes.Equal(got, want) {
					t.Fatalf("%s, %+v:\n got %s\nwant %s", query, ev, got, want)
				}
				renders++
			}
			cancel()
		}
	}
	t.Logf("%d renderings compared", renders)
}

// What needs the executor keeps it: a resolved field, a directive, a
// fragment, a second root field, an argument on a leaf.
func TestLeavesKeepTheExecutorWhenNeeded(t *testing.T) {
	schema := graph.NewExecutableSchema(graph.Config{}).Schema()
	leaves := resolvers.Leaves()
	ev := &assistant.Event{MessageID: 5, Delta: "x", Status: aimessage.StatusStreaming}
	for _, tc := range []struct {
		name, query string
		want        bool
	}{
		{"leaves only", `subscription { messageStream(threadId: "AQ") { messageId delta status reset } }`, true},
		{"the stored message", `subscription { messageStream(threadId: "AQ") { messageId delta message { id } } }`, false},
		{"a directive", `subscription($t: Boolean!) { messageStream(threadId: "AQ") { messageId delta @include(if: $t) } }`, false},
		{"a directive on the root", `subscription($t: Boolean!) { messageStream(threadId: "AQ") @include(if: $t) { delta } }`, false},
		{"an inline fragment", `subscription { messageStream(threadId: "AQ") { ... on MessageStreamEvent { delta } } }`, false},
		{"a named fragment", `subscription { messageStream(threadId: "AQ") { ...F } } fragment F on MessageStreamEvent { delta }`, false},
		{"a repeated key", `subscription { messageStream(threadId: "AQ") { delta delta } }`, false},
		{"another type", `subscription { activity(workspaceId: "AQ") { id verb } }`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, errList := gqlparser.LoadQuery(schema, tc.query)
			if errList != nil {
				t.Fatalf("invalid test query: %v", errList)
			}
			if _, got := gqlserver.RenderLeaves(schema, doc.Operations[0], leaves, ev); got != tc.want {
				t.Fatalf("rendered without the executor = %v, want %v", got, tc.want)
			}
		})
	}
	// A value the renderer does not know goes to the executor too.
	doc, _ := gqlparser.LoadQuery(schema, `subscription { messageStream(threadId: "AQ") { delta } }`)
	if _, ok := gqlserver.RenderLeaves(schema, doc.Operations[0], leaves, &struct{ Delta string }{"x"}); ok {
		t.Fatal("rendered a value of another type")
	}
}
