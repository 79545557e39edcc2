//go:build ignore

// entc.go generates the ent client and the ent part of the GraphQL schema
// (graph/ent.graphqls). Run it from the module root through `make generate`:
// entgql compares schema paths as text.
package main

import (
	"encoding/json"
	"fmt"
	"log"
	"strings"

	"entgo.io/contrib/entgql"
	"entgo.io/ent/entc"
	"entgo.io/ent/entc/gen"
	"github.com/vektah/gqlparser/v2/ast"
)

func main() {
	ex, err := entgql.NewExtension(
		entgql.WithConfigPath("./gqlgen.yml"),
		entgql.WithSchemaGenerator(),
		entgql.WithSchemaPath("./graph/ent.graphqls"),
		entgql.WithWhereInputs(true),
		entgql.WithNodeDescriptor(true),
		entgql.WithSchemaHook(updateInputs, sharedIDs, describe),
	)
	if err != nil {
		log.Fatalf("creating entgql extension: %v", err)
	}
	err = entc.Generate("./ent/schema", &gen.Config{
		Features: []gen.Feature{
			gen.FeaturePrivacy,
			gen.FeatureEntQL,
			gen.FeatureIntercept,
			gen.FeatureVersionedMigration,
			gen.FeatureGlobalID,
			gen.FeatureLock,
			gen.FeatureModifier,
		},
	}, entc.Extensions(ex), entc.TemplateFiles("./ent/template/update_input_id.tmpl"))
	if err != nil {
		log.Fatalf("running ent codegen: %v", err)
	}
}

// sharedIDs marks the id of every node @shared (schema.graphqls): a row's
// global id is the same for every viewer who may read it. (The other
// @shared fields are marked in the ent schemas; the id is implicit there,
// and declaring it changes the generated client.)
func sharedIDs(g *gen.Graph, s *ast.Schema) error {
	for _, n := range g.Nodes {
		def := s.Types[n.Name]
		if def == nil {
			continue
		}
		if id := def.Fields.ForName("id"); id != nil && id.Directives.ForName("shared") == nil {
			id.Directives = append(id.Directives, &ast.Directive{Name: "shared"})
		}
	}
	return nil
}

// updateInputs puts the id of the node to change first in every generated
// Update<T>Input, as in the hand-written inputs: a mutation takes one
// input (ent/template/update_input_id.tmpl adds the Go field). It drops
// the append<Field> inputs of list fields: entgql v0.7.0's Mutate appends
// the <Field> input instead (ent/contrib#639, open), and setting the whole
// list is enough.
func updateInputs(g *gen.Graph, s *ast.Schema) error {
	for _, n := range g.Nodes {
		def := s.Types["Update"+n.Name+"Input"]
		if def == nil {
			continue
		}
		fields := ast.FieldList{{
			Name:        "id",
			Type:        ast.NonNullNamedType("ID", nil),
			Description: "The " + n.Name + " to update.",
		}}
		for _, f := range def.Fields {
			if !strings.HasPrefix(f.Name, "append") {
				fields = append(fields, f)
			}
		}
		def.Fields = fields
	}
	return nil
}

// describe gives words to what entgql generates without any (graph's
// TestSchemaIsDescribed fails on a schema element without a description):
//
//   - an entity type: its schema.Comment (ent has no other type comment);
//   - the values of an enum field: its enumValues annotation
//     (ent/schema/describe.go), and the enum the field's comment;
//   - the implicit id of every node, the values of <T>OrderField, the
//     predicates of <T>WhereInput, the clear<Field> inputs of updates and
//     entgql's own directives: generated words, from the field's name.
//
// Fields and edges get theirs from .Comment, which entgql copies.
func describe(g *gen.Graph, s *ast.Schema) error {
	for _, n := range g.Nodes {
		def := s.Types[n.Name]
		if def == nil {
			continue
		}
		if def.Description == "" {
			text, err := nodeComment(n)
			if err != nil {
				return err
			}
			if text == "" {
				return fmt.Errorf("ent schema %s: no schema.Comment to describe the GraphQL type", n.Name)
			}
			def.Description = text
		}
		if id := def.Fields.ForName("id"); id != nil && id.Description == "" {
			id.Description = "The " + n.Name + "'s global ID, the same for every viewer: node(id:) and the mutations take it."
		}
		for _, f := range n.Fields {
			if err := describeEnum(s, def, f); err != nil {
				return fmt.Errorf("ent schema %s.%s: %w", n.Name, f.Name, err)
			}
		}
		if order := s.Types[n.Name+"OrderField"]; order != nil {
			for _, v := range order.EnumValues {
				if v.Description == "" {
					v.Description = "Orders by " + lowerCamel(v.Name) + "."
				}
			}
		}
		for _, e := range n.Edges {
			// entgql builds a connection field anew, without the edge's
			// comment.
			for _, name := range gqlNames(e.Name, e.Annotations) {
				if f := def.Fields.ForName(name); f != nil && f.Description == "" {
					f.Description = e.Comment()
				}
			}
		}
		if where := s.Types[n.Name+"WhereInput"]; where != nil {
			known := map[string]bool{"id": true}
			for _, f := range def.Fields {
				known[f.Name] = true
			}
			for _, f := range n.Fields {
				known[lowerCamel(f.Name)] = true
			}
			describeWhere(where, known)
		}
		if upd := s.Types["Update"+n.Name+"Input"]; upd != nil {
			for _, f := range upd.Fields {
				if rest, ok := strings.CutPrefix(f.Name, "clear"); ok && f.Description == "" {
					f.Description = "Sets " + lowerFirst(rest) + " to null (takes precedence over a value given for it)."
				}
			}
		}
	}
	if q := s.Types["Query"]; q != nil && q.Description == "" {
		q.Description = "The root of every read. A row the viewer may not read does not exist: it is null, or missing from a list."
	}
	for name, text := range map[string]string{
		"Time": "An instant, as an RFC 3339 string; the server writes UTC.",
		"Map":  "A JSON object.",
	} {
		if t := s.Types[name]; t != nil && strings.HasPrefix(t.Description, "The builtin ") {
			t.Description = text
		}
	}
	for name, text := range map[string]string{
		"goField": "gqlgen's code generation: how a field maps to Go. Without effect on clients.",
		"goModel": "gqlgen's code generation: the Go type of a GraphQL type. Without effect on clients.",
	} {
		d := s.Directives[name]
		if d == nil {
			continue
		}
		d.Description = text
		for _, a := range d.Arguments {
			a.Description = "For gqlgen's code generation only."
		}
	}
	return nil
}

// gqlNames are the GraphQL names of an edge: its entgql.MapsTo names, or
// its name in lower camel case.
func gqlNames(name string, annotations gen.Annotations) []string {
	var ant struct{ Mapping []string }
	if raw, ok := annotations["EntGQL"]; ok {
		if b, err := json.Marshal(raw); err == nil {
			_ = json.Unmarshal(b, &ant)
		}
	}
	if len(ant.Mapping) > 0 {
		return ant.Mapping
	}
	return []string{lowerCamel(name)}
}

// nodeComment is the text of n's schema.Comment annotation.
func nodeComment(n *gen.Type) (string, error) {
	raw, ok := n.Annotations["Comment"]
	if !ok {
		return "", nil
	}
	var c struct{ Text string }
	b, err := json.Marshal(raw)
	if err == nil {
		err = json.Unmarshal(b, &c)
	}
	return c.Text, err
}

// describeEnum copies the enumValues annotation of an enum field f onto
// the values of its GraphQL enum (which several fields may share: Role).
func describeEnum(s *ast.Schema, def *ast.Definition, f *gen.Field) error {
	raw, ok := f.Annotations["EnumValues"]
	if !ok || !f.IsEnum() {
		return nil
	}
	var docs map[string]string
	b, err := json.Marshal(raw)
	if err == nil {
		err = json.Unmarshal(b, &docs)
	}
	if err != nil {
		return err
	}
	gf := def.Fields.ForName(lowerCamel(f.Name))
	if gf == nil {
		return fmt.Errorf("enumValues on a field that is not in the GraphQL schema")
	}
	enum := s.Types[gf.Type.Name()]
	if enum == nil || enum.Kind != ast.Enum {
		return fmt.Errorf("no GraphQL enum %s", gf.Type.Name())
	}
	if strings.Contains(enum.Description, " is enum for the field ") {
		enum.Description = f.Comment() // entgql's words say nothing
	}
	for _, v := range enum.EnumValues {
		text := docs[v.Name]
		if text == "" {
			return fmt.Errorf("enumValues does not describe %s", v.Name)
		}
		v.Description = text
	}
	return nil
}

// wherePredicates are entgql's predicate suffixes, longest first, with
// what each matches.
var wherePredicates = []struct{ suffix, text string }{
	{"ContainsFold", "contains the value, ignoring case"},
	{"EqualFold", "equals the value, ignoring case"},
	{"HasPrefix", "starts with the value"},
	{"HasSuffix", "ends with the value"},
	{"Contains", "contains the value (case-sensitive)"},
	{"NotNil", "is set (not null)"},
	{"IsNil", "is null"},
	{"NotIn", "is none of the values"},
	{"NEQ", "is not the value"},
	{"GTE", "is greater than or equal to the value"},
	{"LTE", "is less than or equal to the value"},
	{"GT", "is greater than the value (times: later; strings: by bytes)"},
	{"LT", "is less than the value (times: earlier; strings: by bytes)"},
	{"In", "is one of the values"},
}

// describeWhere describes the fields of a <T>WhereInput: the logical
// operators, a predicate on one of the entity's fields (known: their
// GraphQL names) and the edge predicates.
func describeWhere(where *ast.Definition, known map[string]bool) {
	for _, f := range where.Fields {
		switch {
		case f.Name == "not":
			f.Description = "Matches what this filter does not match."
		case f.Name == "and":
			f.Description = "Matches what every one of these filters matches."
		case f.Name == "or":
			f.Description = "Matches what at least one of these filters matches."
		case known[f.Name]:
			f.Description = "`" + f.Name + "` equals the value."
		case isEdgePredicate(f.Name) && strings.HasSuffix(f.Name, "With"):
			edge := lowerFirst(strings.TrimSuffix(strings.TrimPrefix(f.Name, "has"), "With"))
			f.Description = "At least one of `" + edge + "` matches these filters (each filter narrowed to what the viewer may read)."
		case isEdgePredicate(f.Name):
			edge := lowerFirst(strings.TrimPrefix(f.Name, "has"))
			f.Description = "true: `" + edge + "` is not empty; false: it is."
		default:
			for _, p := range wherePredicates {
				if base, ok := strings.CutSuffix(f.Name, p.suffix); ok && known[base] {
					f.Description = "`" + base + "` " + p.text + "."
					break
				}
			}
		}
	}
}

// isEdgePredicate reports whether name is has<Edge> or has<Edge>With.
func isEdgePredicate(name string) bool {
	rest, ok := strings.CutPrefix(name, "has")
	return ok && rest != "" && rest[0] >= 'A' && rest[0] <= 'Z'
}

// lowerCamel turns an ent or enum name (created_at, CREATED_AT) into its
// GraphQL field name (createdAt); entgql's own rule for the initialisms
// it knows (ID, URL) is not needed for the names used here.
func lowerCamel(s string) string {
	parts := strings.Split(strings.ToLower(s), "_")
	for i := 1; i < len(parts); i++ {
		if parts[i] == "id" {
			parts[i] = "ID"
		} else if parts[i] != "" {
			parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
		}
	}
	return strings.Join(parts, "")
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
