package gqlserver

import (
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

// sharedSDL has every shape sharedOperation meets: marked and unmarked
// fields, a type marked as a whole, an unmarked edge to a type whose fields
// are marked, lists, an interface and a union whose objects disagree.
const sharedSDL = `
directive @shared on FIELD_DEFINITION | OBJECT
interface Node { id: ID! }
interface Entry { id: ID! text: String! }
type Query { ok: Boolean }
type Event implements Node {
  id: ID! @shared
  title: String! @shared
  viewerCanEdit: Boolean!
  author: Author @shared
  owner: User
  tags: [Tag!]! @shared
}
type Author @shared { name: String! bio: String! }
type User implements Node { id: ID! @shared name: String! @shared email: String! }
type Tag { name: String! @shared viewerFollows: Boolean! }
type Note implements Entry & Node { id: ID! @shared text: String! @shared }
type Alert implements Entry & Node { id: ID! @shared text: String! }
union Item = Note | Alert
type Subscription {
  events(tag: String): Event!
  entries: Entry!
  items: Item!
  count: Int!
}
`

func TestSharedOperation(t *testing.T) {
	schema := gqlparser.MustLoadSchema(&ast.Source{Name: "shared.graphqls", Input: sharedSDL})
	for _, tc := range []struct {
		name, query string
		want        bool
	}{
		{"marked fields", `subscription { events { id title } }`, true},
		{"one unmarked field", `subscription { events { id title viewerCanEdit } }`, false},
		{"aliases", `subscription { e: events(tag: "x") { i: id t: title } }`, true},
		{"an unmarked field under a marked one's alias", `subscription { events { title: viewerCanEdit } }`, false},
		{"__typename", `subscription { events { __typename id } }`, true},
		{"a scalar stream", `subscription { count }`, true},
		{"a fragment", `subscription { events { ...F } } fragment F on Event { id title }`, true},
		{"an unmarked field in a fragment", `subscription { events { id ...F } } fragment F on Event { viewerCanEdit }`, false},
		{"in a fragment of a fragment", `subscription { events { ...F } }
			fragment F on Event { id ...G } fragment G on Event { title viewerCanEdit }`, false},
		{"an inline fragment", `subscription { events { ... { id } ... on Event { title } } }`, true},
		{"an unmarked field in an inline fragment", `subscription { events { id ... on Event { viewerCanEdit } } }`, false},
		{"skipped, still counted", `subscription($no: Boolean!) { events { id viewerCanEdit @skip(if: $no) } }`, false},
		{"included, still counted", `subscription($no: Boolean!) { events { id ... @include(if: $no) { viewerCanEdit } } }`, false},
		{"fragments on the root", `subscription { ...R } fragment R on Subscription { events { id } }`, true},
		{"fragments on the root, unmarked below", `subscription { ... on Subscription { events { viewerCanEdit } } }`, false},
		{"a type marked as a whole", `subscription { events { author { name bio } } }`, true},
		{"a list of marked fields", `subscription { events { tags { name } } }`, true},
		{"an unmarked field in a list", `subscription { events { tags { name viewerFollows } } }`, false},
		{"an unmarked edge to marked fields", `subscription { events { owner { id name } } }`, false},
		{"deep inside fragments and objects", `subscription { events { id author { name } tags { ...T } } }
			fragment T on Tag { name ... on Tag { viewerFollows } }`, false},
		{"an interface marked on every object", `subscription { entries { __typename id } }`, true},
		{"an interface field one object does not mark", `subscription { entries { id text } }`, false},
		{"an object of the interface that marks it", `subscription { entries { ... on Note { text } } }`, true},
		{"an object of the interface that does not", `subscription { entries { ... on Alert { text } } }`, false},
		{"another interface", `subscription { entries { ... on Node { id } } }`, true},
		{"a union", `subscription { items { __typename ... on Note { id text } ... on Alert { id } } }`, true},
		{"a union member's unmarked field", `subscription { items { ... on Alert { text } } }`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, errList := gqlparser.LoadQuery(schema, tc.query)
			if errList != nil {
				t.Fatalf("invalid test query: %v", errList)
			}
			if got := sharedOperation(schema, doc, doc.Operations[0]); got != tc.want {
				t.Fatalf("sharedOperation = %v, want %v", got, tc.want)
			}
		})
	}

	t.Run("queries and mutations are not streams", func(t *testing.T) {
		doc, errList := gqlparser.LoadQuery(schema, `query { ok }`)
		if errList != nil {
			t.Fatal(errList)
		}
		if sharedOperation(schema, doc, doc.Operations[0]) {
			t.Fatal("a query is shared")
		}
	})
	t.Run("the operation asked for among several", func(t *testing.T) {
		doc, errList := gqlparser.LoadQuery(schema, `subscription A { events { id } } subscription B { events { viewerCanEdit } }`)
		if errList != nil {
			t.Fatal(errList)
		}
		if !sharedOperation(schema, doc, doc.Operations.ForName("A")) || sharedOperation(schema, doc, doc.Operations.ForName("B")) {
			t.Fatal("want A shared, B not")
		}
	})
	t.Run("a fragment the document lacks", func(t *testing.T) {
		// Validation refuses it; the walk must not take it for shared.
		doc, errList := gqlparser.LoadQuery(schema, `subscription { events { ...F } } fragment F on Event { id }`)
		if errList != nil {
			t.Fatal(errList)
		}
		doc.Fragments = nil
		if sharedOperation(schema, doc, doc.Operations[0]) {
			t.Fatal("shared without the fragment")
		}
	})
	t.Run("a schema without the marker", func(t *testing.T) {
		plain := gqlparser.MustLoadSchema(&ast.Source{Input: `type Query { ok: Boolean } type E { id: ID! } type Subscription { e: E! }`})
		doc, errList := gqlparser.LoadQuery(plain, `subscription { e { id } }`)
		if errList != nil {
			t.Fatal(errList)
		}
		if sharedOperation(plain, doc, doc.Operations[0]) {
			t.Fatal("shared with nothing marked")
		}
	})
}
