//go:build ignore

// entc.go generates the ent client and the ent part of the GraphQL schema
// (graph/ent.graphqls). Run it from the module root through `make generate`:
// entgql compares schema paths as text.
package main

import (
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
		entgql.WithSchemaHook(updateInputs, sharedIDs),
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
