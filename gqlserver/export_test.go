package gqlserver

import (
	"reflect"

	"github.com/vektah/gqlparser/v2/ast"
)

// SharedOperation is sharedOperation, for the tests against the
// application's schema (package gqlserver_test).
func SharedOperation(schema *ast.Schema, doc *ast.QueryDocument, op *ast.OperationDefinition) bool {
	return sharedOperation(schema, doc, op)
}

// RenderLeaves is what a stream of op renders for ev without the executor:
// the payload, or false when op has no leaf plan or the plan does not
// render ev (package gqlserver_test).
func RenderLeaves(schema *ast.Schema, op *ast.OperationDefinition, leaves map[string]Leaves, ev any) ([]byte, bool) {
	p := newLeafPlan(schema, op, leaves)
	if p == nil {
		return nil, false
	}
	return p.render(reflect.ValueOf(ev))
}
