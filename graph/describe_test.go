package graph_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/woowtech/woow-paas/graph"
)

// TestSchemaIsDescribed fails on every type, field, argument, input field,
// enum value and directive of the served schema that has no description:
// GraphiQL's docs and other clients' tooling show them, and a public API
// explains itself (ent fields through .Comment, the rest in
// schema.graphqls; what entgql generates gets its words in ent/entc.go).
// Introspection types and GraphQL's own scalars and directives are the
// specification's.
func TestSchemaIsDescribed(t *testing.T) {
	s := graph.NewExecutableSchema(graph.Config{}).Schema()
	missing := undescribed(s)
	for _, m := range missing {
		t.Errorf("no description: %s", m)
	}
	if len(missing) > 0 {
		t.Logf("%d schema elements without a description", len(missing))
	}
}

// builtin lists what the GraphQL specification defines.
var builtin = map[string]bool{
	"Int": true, "Float": true, "String": true, "Boolean": true, "ID": true,
	"skip": true, "include": true, "deprecated": true, "specifiedBy": true, "oneOf": true, "defer": true,
}

// undescribed names every element of s without a description, sorted.
func undescribed(s *ast.Schema) []string {
	var out []string
	blank := func(d string) bool { return strings.TrimSpace(d) == "" }
	args := func(owner string, list ast.ArgumentDefinitionList) {
		for _, a := range list {
			if blank(a.Description) {
				out = append(out, fmt.Sprintf("argument %s(%s:) (%s)", owner, a.Name, source(a.Position)))
			}
		}
	}
	for name, def := range s.Types {
		if def.BuiltIn || builtin[name] || strings.HasPrefix(name, "__") {
			continue
		}
		if blank(def.Description) {
			out = append(out, fmt.Sprintf("%s %s (%s)", strings.ToLower(string(def.Kind)), name, source(def.Position)))
		}
		for _, f := range def.Fields {
			if strings.HasPrefix(f.Name, "__") {
				continue
			}
			what := "field"
			if def.Kind == ast.InputObject {
				what = "input field"
			}
			if blank(f.Description) {
				out = append(out, fmt.Sprintf("%s %s.%s (%s)", what, name, f.Name, source(f.Position)))
			}
			args(name+"."+f.Name, f.Arguments)
		}
		for _, v := range def.EnumValues {
			if blank(v.Description) {
				out = append(out, fmt.Sprintf("enum value %s.%s (%s)", name, v.Name, source(v.Position)))
			}
		}
	}
	for name, d := range s.Directives {
		if builtin[name] || d.Position == nil || d.Position.Src == nil || d.Position.Src.BuiltIn {
			continue
		}
		if blank(d.Description) {
			out = append(out, "directive @"+name)
		}
		args("@"+name, d.Arguments)
	}
	slices.Sort(out)
	return out
}

// source names the file that declares an element: schema.graphqls, or
// graph/ent.graphqls, whose words come from the ent schemas (ent/schema:
// .Comment on fields and edges, schema.Comment on types) and ent/entc.go.
func source(p *ast.Position) string {
	if p == nil || p.Src == nil {
		return "?"
	}
	return strings.TrimPrefix(p.Src.Name, "../")
}

// TestUndescribedFindsEveryKind: the check names each kind of element it
// promises to, and nothing the specification defines.
func TestUndescribedFindsEveryKind(t *testing.T) {
	s, err := gqlparser.LoadSchema(&ast.Source{Name: "t.graphqls", Input: `
"described" directive @d("described" a: Int, b: Int) on FIELD_DEFINITION
directive @e on FIELD_DEFINITION
scalar S
"described" type Query { "described" f("described" x: Int, y: Int): S g: E }
enum E { "described" A B }
input I { "described" a: Int b: Int }
"described" interface N { id: ID }
`})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"argument @d(b:) (t.graphqls)",
		"argument Query.f(y:) (t.graphqls)",
		"directive @e",
		"enum E (t.graphqls)",
		"enum value E.B (t.graphqls)",
		"field N.id (t.graphqls)",
		"field Query.g (t.graphqls)",
		"input field I.b (t.graphqls)",
		"input_object I (t.graphqls)",
		"scalar S (t.graphqls)",
	}
	if got := undescribed(s); !slices.Equal(got, want) {
		t.Errorf("undescribed =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
