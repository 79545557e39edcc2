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

// streamRoot answers messageStream with a channel the test fills, and the
// event's stored message with the application's own resolver (on the
// pieces of an answer it reads nothing); the rest of the schema is never
// resolved here.
type streamRoot struct {
	graph.ResolverRoot
	events chan *assistant.Event
}

func (r streamRoot) Subscription() graph.SubscriptionResolver { return streamSubs{events: r.events} }

func (streamRoot) MessageStreamEvent() graph.MessageStreamEventResolver {
	return (&resolvers.Resolver{Assistant: &assistant.Service{}}).MessageStreamEvent()
}

type streamSubs struct {
	graph.SubscriptionResolver
	events chan *assistant.Event
}

func (s streamSubs) MessageStream(context.Context, int, *int) (<-chan *assistant.Event, error) {
	return s.events, nil
}

// The web app's own subscriptions to a thread (the assistant's page and a
// task's chat), as the SPA sends them.
const (
	spaMessageStream = `subscription MessageStream($threadId: ID!, $after: ID) {
  messageStream(threadId: $threadId, after: $after) {
    messageId delta status reset
    message { ...ChatMessageFields }
  }
}
fragment ChatMessageFields on AIMessage {
  id role status content error createdAt
  authorUser { id name }
  authorAgent { id handle displayName avatarColor }
}`
	spaBoardMessageStream = `subscription BoardMessageStream($threadId: ID!, $after: ID) {
  messageStream(threadId: $threadId, after: $after) {
    messageId delta status reset
    message { ...BoardChatMessage }
  }
}
fragment BoardChatMessage on AIMessage {
  id role content status error
  authorUser { name }
  authorAgent { handle displayName }
}`
)

// The application's renderers write what gqlgen's executor writes, byte
// for byte: every field of MessageStreamEvent (the stored message as null
// on the pieces of an answer), in every order, with and without aliases
// and __typename, and the web app's own subscriptions, for texts that
// need escaping (quotes, control characters, HTML, U+2028, invalid UTF-8)
// and every status.
func TestLeavesRenderAsTheExecutor(t *testing.T) {
	events := make(chan *assistant.Event, 1)
	es := graph.NewExecutableSchema(graph.Config{Resolvers: streamRoot{events: events}})
	schema := es.Schema()
	exec := executor.New(es)
	leaves := resolvers.Leaves()

	// Every field of the type must render here for a piece of an answer,
	// or its events would silently take the slow path.
	var fields, selects []string
	for _, f := range schema.Types["MessageStreamEvent"].Fields {
		sel := f.Name
		if k := schema.Types[f.Type.Name()].Kind; k == "OBJECT" {
			sel += " { id content }"
		}
		fields, selects = append(fields, f.Name), append(selects, sel)
		if _, ok := leaves["MessageStreamEvent"](&assistant.Event{Status: aimessage.StatusStreaming}, f.Name); !ok {
			t.Errorf("resolvers.Leaves does not render MessageStreamEvent.%s", f.Name)
		}
	}
	if len(fields) < 5 {
		t.Fatalf("fields %v: the schema changed, update the test", fields)
	}
	var queries []string

	texts := []string{"", "plain", `say "hi" \ there`, "<script>alert(1)</script> & more", "line\nbreak\ttab\rcr",
		"\x00\x01\x1f\x7f", "\u2028\u2029", "héllo 世界 🎉", "bad \xff\xfe utf-8", strings.Repeat("long ", 400)}
	statuses := []aimessage.Status{aimessage.StatusStreaming, aimessage.StatusComplete, aimessage.StatusCancelled, aimessage.StatusError}
	rng := rand.New(rand.NewPCG(1, 2))
	renders := 0
	for mask := 1; mask < 1<<len(fields); mask++ {
		for variant := range 4 {
			var sel []string
			for i, f := range selects {
				if mask&(1<<i) == 0 {
					continue
				}
				if variant&1 == 1 {
					f = "a" + fields[i] + ": " + f
				}
				sel = append(sel, f)
			}
			if variant&2 == 2 {
				sel = append(sel, "__typename")
			}
			rng.Shuffle(len(sel), func(i, j int) { sel[i], sel[j] = sel[j], sel[i] })
			root := "messageStream"
			if variant == 3 {
				root = "s: messageStream"
			}
			queries = append(queries, fmt.Sprintf(`subscription { %s(threadId: "AQ") { %s } }`, root, strings.Join(sel, " ")))
		}
	}
	queries = append(queries, spaMessageStream, spaBoardMessageStream)
	for _, query := range queries {
		func() {
			doc, errList := gqlparser.LoadQuery(schema, query)
			if errList != nil {
				t.Fatalf("%s: %v", query, errList)
			}
			ctx := graphql.StartOperationTrace(context.Background())
			rc, errList := exec.CreateOperationContext(ctx, &graphql.RawParams{Query: query, Variables: map[string]any{"threadId": "AQ"}})
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
		}()
	}
	t.Logf("%d renderings compared", renders)
}

// What needs the executor keeps it: a directive, a fragment on the event,
// a repeated key, another type; and, with the web app's subscriptions, an
// event that carries the stored message (its resolver reads it).
func TestLeavesKeepTheExecutorWhenNeeded(t *testing.T) {
	schema := graph.NewExecutableSchema(graph.Config{}).Schema()
	leaves := resolvers.Leaves()
	piece := &assistant.Event{MessageID: 5, Delta: "x", Status: aimessage.StatusStreaming}
	stored := &assistant.Event{MessageID: 5, Delta: "x", Status: aimessage.StatusComplete, Stored: true}
	for _, tc := range []struct {
		name, query string
		ev          *assistant.Event
		want        bool
	}{
		{"leaves only", `subscription { messageStream(threadId: "AQ") { messageId delta status reset } }`, piece, true},
		{"the stored message, on a piece", `subscription { messageStream(threadId: "AQ") { messageId delta message { id } } }`, piece, true},
		{"the stored message, on a stored event", `subscription { messageStream(threadId: "AQ") { messageId delta message { id } } }`, stored, false},
		{"the web app's, on a piece", spaMessageStream, piece, true},
		{"the web app's, on a stored event", spaMessageStream, stored, false},
		{"a task chat's, on a stored event", spaBoardMessageStream, stored, false},
		{"a directive", `subscription($t: Boolean!) { messageStream(threadId: "AQ") { messageId delta @include(if: $t) } }`, piece, false},
		{"a directive on the stored message", `subscription($t: Boolean!) { messageStream(threadId: "AQ") { delta message @include(if: $t) { id } } }`, piece, false},
		{"a directive on the root", `subscription($t: Boolean!) { messageStream(threadId: "AQ") @include(if: $t) { delta } }`, piece, false},
		{"an inline fragment", `subscription { messageStream(threadId: "AQ") { ... on MessageStreamEvent { delta } } }`, piece, false},
		{"a named fragment", `subscription { messageStream(threadId: "AQ") { ...F } } fragment F on MessageStreamEvent { delta }`, piece, false},
		{"a repeated key", `subscription { messageStream(threadId: "AQ") { delta delta } }`, piece, false},
		{"another type", `subscription { activity(workspaceId: "AQ") { id verb } }`, piece, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, errList := gqlparser.LoadQuery(schema, tc.query)
			if errList != nil {
				t.Fatalf("invalid test query: %v", errList)
			}
			if _, got := gqlserver.RenderLeaves(schema, doc.Operations[0], leaves, tc.ev); got != tc.want {
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
