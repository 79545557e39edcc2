package schema

// enumValues describes each value of an enum field in the GraphQL schema:
// ent has no place for it, so ent/entc.go's describe hook reads this
// annotation and fails when a value is left out.
type enumValues map[string]string

// Name implements schema.Annotation.
func (enumValues) Name() string { return "EnumValues" }
