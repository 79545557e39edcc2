// Command gqlgen generates graph/generated.go (and the models and resolver
// stubs) from gqlgen.yml, as `go run github.com/99designs/gqlgen generate`
// does, but with query execution made sequential. Run it from the module
// root (make generate, go generate, graph/generate_test.go do).
//
// Why: gqlgen's executor resolves every field whose Go method takes a
// context (each ent edge method, each resolver) on a goroutine of its own
// (FieldSet.ResolveConcurrently), and each element of a list of objects on
// another (graphql.MarshalSliceConcurrently). That only pays when resolvers
// wait on something a sibling can overlap, such as a dataloader's batching
// window. Ours never do: ent loads the edges eagerly (entgql CollectFields)
// and the rest comes from per-request memos, so the goroutines buy nothing
// and cost most of the CPU of a nested read (stack growth, scheduling,
// allocation). Mutations are already sequential in gqlgen; this makes every
// object so, in two steps:
//
//  1. a plugin sets codegen.Object.DisableConcurrency on every object before
//     gqlgen renders its templates (api.Generate runs plugins' GenerateCode
//     first), so fields are resolved in place, as for Mutation. Subscription
//     roots are rendered by another template that never spawns goroutines;
//     the objects of their payloads become sequential like any other.
//  2. gqlgen has no option or template override for lists (worker_limit: 1
//     would still start a goroutine per element), so the one call its
//     template emits for lists of objects, graphql.MarshalSliceConcurrently,
//     is renamed in the generated file to graph's marshalSlice, which has
//     the same signature and semantics but runs the elements in order. The
//     rewrite fails when the call is no longer found exactly as expected, so
//     a gqlgen upgrade that changes it cannot silently bring the goroutines
//     back.
//
// With nothing scheduled concurrently nothing is ever deferred either (only
// ResolveConcurrently defers a field; @defer'd fields are resolved in place,
// as gqlgen does for Mutation, and no transport of ours streams incremental
// payloads). Yet each object's code still builds a graphql.DeferredGroup,
// whose GetPath walks to the root and allocates the field's path, plus a
// FieldSet and a map: the rewrite declares it empty instead
// (var deferred graphql.DeferredGroup), which changes nothing else.
package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/99designs/gqlgen/api"
	"github.com/99designs/gqlgen/codegen"
	"github.com/99designs/gqlgen/codegen/config"
)

func main() {
	if err := generate(); err != nil {
		fmt.Fprintln(os.Stderr, "gqlgen:", err)
		os.Exit(1)
	}
}

func generate() error {
	cfg, err := config.LoadConfigFromDefaultLocations()
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("no gqlgen.yml: run from the module root")
	}
	if err != nil {
		return err
	}
	if err := api.Generate(cfg, api.AddPlugin(sequential{})); err != nil {
		return err
	}
	return rewrite(cfg.Exec.Filename)
}

// sequential disables gqlgen's per-field goroutines on every object.
type sequential struct{}

func (sequential) Name() string { return "sequential" }

func (sequential) GenerateCode(data *codegen.Data) error {
	for _, o := range data.Objects {
		o.DisableConcurrency = true
	}
	return nil
}

// rewrites are the textual changes made to the generated file, each
// required to apply at least once.
var rewrites = []struct{ from, to string }{
	{"graphql.MarshalSliceConcurrently(ctx, len(v), ", "marshalSlice(ctx, len(v), "},
	{"\tdeferred := graphql.NewDeferredGroup(ctx)\n", "\tvar deferred graphql.DeferredGroup\n"},
}

// leftovers must not be found after the rewrites: they would mean that
// gqlgen's templates changed and concurrency is back.
var leftovers = []string{"MarshalSliceConcurrently", "ResolveConcurrently", "ResolveRootConcurrently",
	".Concurrently(", "NewDeferredGroup", "&deferred"}

// rewrite makes lists of objects sequential (graph/slice.go) and
// drops the unused DeferredGroups in the generated file.
func rewrite(filename string) error {
	src, err := os.ReadFile(filename)
	if err != nil {
		return err
	}
	for _, r := range rewrites {
		if !bytes.Contains(src, []byte(r.from)) {
			return fmt.Errorf("%s: no %q found: gqlgen's templates changed, update graph/gqlgen", filename, r.from)
		}
		src = bytes.ReplaceAll(src, []byte(r.from), []byte(r.to))
	}
	for _, s := range leftovers {
		if bytes.Contains(src, []byte(s)) {
			return fmt.Errorf("%s: %q is left after the rewrites: gqlgen's templates changed, update graph/gqlgen", filename, s)
		}
	}
	return os.WriteFile(filename, src, 0o644)
}
