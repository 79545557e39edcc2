package graph_test

import (
	"io"
	"log"
	"os"
	"reflect"
	"slices"
	"testing"

	"github.com/99designs/gqlgen/codegen"
	"github.com/99designs/gqlgen/codegen/config"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/woowtech/woow-paas/graph"
)

// What gqlserver's render sharing relies on from gqlgen and entgql (see
// gqlserver/shared.go): the schema the server is handed declares @shared
// and carries it on the fields the ent schemas and schema.graphqls mark,
// and skip_runtime leaves no code behind for it.
func TestSharedDirectiveInServedSchema(t *testing.T) {
	s := graph.NewExecutableSchema(graph.Config{}).Schema()
	d := s.Directives["shared"]
	if d == nil {
		t.Fatal("the executable schema does not declare @shared")
	}
	if locs := d.Locations; len(locs) != 2 || !slices.Contains(locs, ast.LocationFieldDefinition) || !slices.Contains(locs, ast.LocationObject) || d.IsRepeatable || len(d.Arguments) > 0 {
		t.Fatalf("@shared is declared on %v (repeatable %v, %d arguments), want FIELD_DEFINITION | OBJECT", locs, d.IsRepeatable, len(d.Arguments))
	}
	marked := func(typ, field string) bool {
		def := s.Types[typ]
		if def == nil || def.Fields.ForName(field) == nil {
			t.Fatalf("no field %s.%s", typ, field)
		}
		return def.Directives.ForName("shared") != nil || def.Fields.ForName(field).Directives.ForName("shared") != nil
	}
	// Marked by annotations (ActivityEvent, ServiceEvent, Service), by
	// the mixins (createdAt, workspaceID) and by entc.go's hook (id).
	for _, f := range [][2]string{
		{"ActivityEvent", "id"}, {"ActivityEvent", "verb"}, {"ActivityEvent", "summary"}, {"ActivityEvent", "createdAt"},
		{"ActivityEvent", "workspaceID"}, {"ServiceEvent", "message"}, {"Service", "state"}, {"Service", "updatedAt"},
	} {
		if !marked(f[0], f[1]) {
			t.Errorf("%s.%s is not @shared in the executable schema", f[0], f[1])
		}
	}
	// Never: edges read through the privacy rules, resolvers with the
	// viewer's context.
	for _, f := range [][2]string{
		{"ActivityEvent", "actor"}, {"ActivityEvent", "workspace"}, {"Service", "template"},
		{"Service", "viewerCanStop"}, {"Service", "viewerCanInspect"}, {"Service", "values"}, {"Service", "url"},
		{"Workspace", "viewerRole"},
	} {
		if marked(f[0], f[1]) {
			t.Errorf("%s.%s is @shared", f[0], f[1])
		}
	}
	// skip_runtime: no directive middleware, nothing runs per field.
	if _, ok := reflect.TypeFor[graph.DirectiveRoot]().FieldByName("Shared"); ok {
		t.Error("graph.DirectiveRoot has a Shared middleware: @shared runs at runtime (skip_runtime lost from gqlgen.yml?)")
	}
}

// TestSharedFieldsArePlainReads asks gqlgen's own code generator how each
// @shared field is rendered, and fails for any that is not a plain read
// of a struct field of its parent: a resolver (viewerCan..., values) or a
// method (ent edges, which query through the privacy rules with the
// viewer's context) renders differently per viewer and must never be
// marked. It also fails if gqlgen stops telling those apart.
func TestSharedFieldsArePlainReads(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the module's packages, as gqlgen generate does")
	}
	t.Chdir("..")
	log.SetOutput(io.Discard) // gqlgen's notes on the resolvers it would add
	t.Cleanup(func() { log.SetOutput(os.Stderr) })
	cfg, err := config.LoadConfig("gqlgen.yml")
	if err != nil {
		t.Fatal(err)
	}
	// The models gqlgen generated are bound as the generator binds them.
	cfg.AutoBind = append(cfg.AutoBind, "github.com/woowtech/woow-paas/graph/model")
	if err := cfg.LoadSchema(); err != nil {
		t.Fatal(err)
	}
	if err := cfg.Init(); err != nil {
		t.Fatal(err)
	}
	data, err := codegen.BuildData(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := data.AllDirectives["shared"]; ok {
		t.Error("gqlgen generates runtime code for @shared")
	}
	fields := map[string]*codegen.Field{}
	shared := 0
	for _, o := range data.Objects {
		for _, f := range o.Fields {
			fields[o.Name+"."+f.Name] = f
			if f.Name == "__typename" || o.Definition.Directives.ForName("shared") == nil && f.FieldDefinition.Directives.ForName("shared") == nil {
				continue
			}
			shared++
			if f.IsResolver || f.GoFieldType != codegen.GoFieldVariable || len(f.Args) > 0 {
				t.Errorf("%s.%s is @shared but not a plain read of a struct field (resolver %v, method %v, %d arguments)",
					o.Name, f.Name, f.IsResolver, f.IsMethod(), len(f.Args))
			}
		}
	}
	if shared < 20 {
		t.Errorf("%d @shared fields: the schema lost its markers?", shared)
	}
	// The check tells a plain read from the rest.
	for name, plain := range map[string]bool{
		"ActivityEvent.summary": true, "ActivityEvent.actor": false, "Service.viewerCanStop": false, "Service.values": false,
	} {
		f := fields[name]
		if f == nil {
			t.Fatalf("gqlgen knows no %s", name)
		}
		if got := !f.IsResolver && f.GoFieldType == codegen.GoFieldVariable; got != plain {
			t.Errorf("%s: plain read %v, want %v (gqlgen's codegen changed)", name, got, plain)
		}
	}
}
