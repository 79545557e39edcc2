package main

import (
	"go/build"
	"strings"
	"testing"
)

// TestDomainKnowsNoTransport: the domain packages import neither net/http
// nor GraphQL; the edges (httpauth, errs/httperr, gqlserver, resolvers)
// translate between them and the transports. Only direct imports count:
// the generated ent client imports gqlgen's graphql package for entgql.
func TestDomainKnowsNoTransport(t *testing.T) {
	domain := []string{"accounts", "activity", "assistant", "board", "catalog", "dashboard", "deploy", "errs", "events",
		"live", "oauth", "revocation", "role", "settings", "smarthome", "valuespec", "viewer", "workspaces"}
	forbidden := []string{"net/http", "github.com/99designs/gqlgen", "github.com/vektah/gqlparser"}
	for _, dir := range domain {
		pkg, err := build.ImportDir(dir, 0)
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		for _, imp := range pkg.Imports {
			for _, f := range forbidden {
				if imp == f || strings.HasPrefix(imp, f+"/") {
					t.Errorf("package %s imports %s", dir, imp)
				}
			}
		}
	}
}
