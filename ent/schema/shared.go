package schema

import "entgo.io/contrib/entgql"

// shared marks a field @shared in the GraphQL schema: its value is the same
// for every viewer who may read the entity, so a subscription that selects
// only such fields sends one rendering of an event to all its subscribers
// (gqlserver/shared.go). Only plain columns qualify: never an edge (read
// through the privacy rules with the viewer's context) nor a resolver
// (viewerCan..., roles); graph's TestSharedFieldsArePlainReads checks.
func shared() entgql.Annotation { return entgql.Directives(entgql.NewDirective("shared")) }
