package gqlserver

import "github.com/vektah/gqlparser/v2/ast"

// SharedOperation is sharedOperation, for the tests against the
// application's schema (package gqlserver_test).
func SharedOperation(schema *ast.Schema, doc *ast.QueryDocument, op *ast.OperationDefinition) bool {
	return sharedOperation(schema, doc, op)
}
