package main

// Generation, in order: the ent client and graph/ent.graphqls, then gqlgen
// through graph/gqlgen, which makes query execution sequential (see there).
// Both run from the module root (entgql compares schema paths as text).
//go:generate go run -mod=mod ./ent/entc.go
//go:generate go run -mod=mod ./graph/gqlgen
