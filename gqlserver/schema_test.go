package gqlserver

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/woowtech/woow-paas/errs"
)

// The test schema: a hand-written graphql.ExecutableSchema (gqlgen's
// testserver package hides its schema inside a handler.Server), small but
// executed for real: fields are collected with graphql.CollectFields, errors
// go through graphql.AddError and panics through graphql.Recover, as in
// generated code.
const testSDL = `
type Query {
  name: String!
  echo(msg: String!): String!
  node: Node!
  heavy(n: Int!): Int!
  fail(kind: String!): String
}
type Node {
  id: ID!
  name: String!
  child: Node!
}
type Mutation {
  setName(name: String!): String!
}
type Subscription {
  ticks(n: Int!): Int!
  viewer: String!
  forever: Int!
}
`

type viewerKey struct{}

// foreignError stands for an error of another package (ent.NotFoundError)
// that Options.Classify translates.
type foreignError struct{}

func (foreignError) Error() string { return "ent: project not found" }

func classifyForeign(err error) *errs.Error {
	if errors.As(err, new(foreignError)) {
		return errs.E(errs.NotFound, "not found")
	}
	return nil
}

func newTestSchema() graphql.ExecutableSchema {
	schema := gqlparser.MustLoadSchema(&ast.Source{Name: "test.graphqls", Input: testSDL})
	return &graphql.ExecutableSchemaMock{
		SchemaFunc: func() *ast.Schema { return schema },
		ComplexityFunc: func(_ context.Context, typeName, fieldName string, child int, args map[string]any) (int, bool) {
			if typeName == "Query" && fieldName == "heavy" {
				return toInt(args["n"]), true
			}
			return 0, false // gqlgen's default: 1 + children
		},
		ExecFunc: func(ctx context.Context) graphql.ResponseHandler {
			opCtx := graphql.GetOperationContext(ctx)
			switch opCtx.Operation.Operation {
			case ast.Query, ast.Mutation:
				typ := "Query"
				if opCtx.Operation.Operation == ast.Mutation {
					typ = "Mutation"
				}
				done := false
				return func(ctx context.Context) *graphql.Response {
					if done {
						return nil
					}
					done = true
					data := resolveObject(ctx, nil, typ, opCtx.Operation.SelectionSet)
					b, err := json.Marshal(data)
					if err != nil {
						panic(err)
					}
					return &graphql.Response{Data: b}
				}
			case ast.Subscription:
				return execSubscription(ctx, opCtx)
			}
			return graphql.OneShot(graphql.ErrorResponse(ctx, "unsupported operation"))
		},
	}
}

func execSubscription(ctx context.Context, opCtx *graphql.OperationContext) graphql.ResponseHandler {
	fields := graphql.CollectFields(opCtx, opCtx.Operation.SelectionSet, []string{"Subscription"})
	f := fields[0]
	args := f.ArgumentMap(opCtx.Variables)
	data := func(v any) *graphql.Response {
		b, _ := json.Marshal(map[string]any{f.Alias: v})
		return &graphql.Response{Data: b}
	}
	switch f.Name {
	case "ticks":
		n, i := toInt(args["n"]), 0
		return func(ctx context.Context) *graphql.Response {
			if i >= n || ctx.Err() != nil {
				return nil
			}
			i++
			return data(i)
		}
	case "viewer":
		sent := false
		return func(context.Context) *graphql.Response {
			if sent {
				return nil
			}
			sent = true
			v, _ := ctx.Value(viewerKey{}).(string)
			return data(v)
		}
	case "forever":
		sent := false
		return func(ctx context.Context) *graphql.Response {
			if !sent {
				sent = true
				return data(0)
			}
			<-ctx.Done()
			return nil
		}
	}
	return graphql.OneShot(graphql.ErrorResponse(ctx, "unknown subscription"))
}

func resolveObject(ctx context.Context, parent *graphql.FieldContext, typ string, set ast.SelectionSet) map[string]any {
	opCtx := graphql.GetOperationContext(ctx)
	out := map[string]any{}
	for _, f := range graphql.CollectFields(opCtx, set, []string{typ}) {
		fc := &graphql.FieldContext{Parent: parent, Object: typ, Field: f, Args: f.ArgumentMap(opCtx.Variables)}
		out[f.Alias] = resolveField(graphql.WithFieldContext(ctx, fc), fc)
	}
	return out
}

func resolveField(ctx context.Context, fc *graphql.FieldContext) (v any) {
	defer func() {
		if r := recover(); r != nil {
			graphql.AddError(ctx, graphql.Recover(ctx, r))
			v = nil
		}
	}()
	switch fc.Object + "." + fc.Field.Name {
	case "Query.name":
		return "test"
	case "Query.echo":
		return fc.Args["msg"]
	case "Query.heavy":
		return toInt(fc.Args["n"])
	case "Query.node", "Node.child":
		return resolveObject(ctx, fc, "Node", fc.Field.Selections)
	case "Node.id":
		return "1"
	case "Node.name":
		return "node"
	case "Query.__schema":
		// Generated code refuses introspection the same way when
		// extension.Introspection did not clear DisableIntrospection.
		if graphql.GetOperationContext(ctx).DisableIntrospection {
			graphql.AddError(ctx, gqlerror.Errorf("introspection disabled"))
			return nil
		}
		return map[string]any{"queryType": map[string]any{"name": "Query"}}
	case "Mutation.setName":
		return fc.Args["name"]
	case "Query.fail":
		var err error
		switch fc.Args["kind"] {
		case "notfound":
			err = fmt.Errorf("load project 42: %w", errs.E(errs.NotFound, "project not found"))
		case "field":
			err = errs.InvalidField("email", "is not a valid address")
		case "internal-domain":
			err = errs.E(errs.Internal, "db pool exhausted")
		case "plain":
			err = errors.New("pq: password authentication failed for user admin")
		case "foreign":
			err = fmt.Errorf("query: %w", foreignError{})
		case "gql":
			err = gqlerror.Errorf("deliberate graphql error")
		case "input":
			// What generated code does when a custom scalar argument fails
			// to decode.
			argCtx := graphql.WithPathContext(ctx, graphql.NewPathWithField("when"))
			err = graphql.ErrorOnPath(argCtx, errors.New("msgpack: invalid code 0xc1 decoding"))
		case "panic":
			panic("boom: runtime internals")
		}
		graphql.AddError(ctx, err)
		return nil
	}
	if fc.Field.Name == "__typename" {
		return fc.Object
	}
	panic("unresolved field " + fc.Object + "." + fc.Field.Name)
}

func toInt(v any) int {
	switch v := v.(type) {
	case int:
		return v
	case int64:
		return int(v)
	case float64:
		return int(v)
	case json.Number:
		n, _ := strconv.Atoi(string(v))
		return n
	}
	return 0
}
