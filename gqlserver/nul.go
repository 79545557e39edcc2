package gqlserver

import (
	"context"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/woowtech/woow-paas/errs"
)

// nulMessage is what a client is told about a string holding U+0000.
const nulMessage = "text must not contain NUL characters"

// NoNUL refuses, before any resolver runs, an operation whose field
// arguments carry a string containing U+0000 (NUL), at any depth: literal
// strings in the document ("a\u0000b"), and the variables the arguments
// use, including input object fields, list elements and the keys and values
// of Map and Any scalars. PostgreSQL cannot store NUL in text or jsonb, so
// such a value would otherwise reach the database and come back as an
// internal error; here it is a BAD_USER_INPUT error whose extensions.field
// is the argument path ("input.name", "where.nameContains", "ids.2",
// "values.auth.password"; for a map key holding NUL, the map's path).
//
// It runs after validation on the executed operation, for every transport
// (HTTP and WebSocket operations alike go through the executor). Each
// fragment and each variable is checked once, so the cost is linear in the
// document and the variables.
type NoNUL struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = NoNUL{}

// ExtensionName implements graphql.HandlerExtension.
func (NoNUL) ExtensionName() string { return "NoNUL" }

// Validate implements graphql.HandlerExtension.
func (NoNUL) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext implements graphql.OperationContextMutator.
func (NoNUL) MutateOperationContext(_ context.Context, opCtx *graphql.OperationContext) *gqlerror.Error {
	if opCtx.Operation == nil {
		return nil
	}
	c := nulChecker{doc: opCtx.Doc, vars: opCtx.Variables, fragments: map[string]bool{}, variables: map[string]bool{}}
	field, pos := c.selections(opCtx.Operation.SelectionSet)
	if field == "" {
		return nil
	}
	err := &gqlerror.Error{
		Message:    nulMessage,
		Extensions: map[string]any{"code": string(errs.Invalid), "field": field},
	}
	if pos != nil {
		err.Locations = []gqlerror.Location{{Line: pos.Line, Column: pos.Column}}
	}
	return err
}

// nulChecker finds the first argument value holding NUL. fragments and
// variables record what was already checked.
type nulChecker struct {
	doc       *ast.QueryDocument
	vars      map[string]any
	fragments map[string]bool
	variables map[string]bool
}

// selections returns the path of the first offending argument value in set
// and where in the document that argument's value is, or "".
func (c *nulChecker) selections(set ast.SelectionSet) (string, *ast.Position) {
	for _, sel := range set {
		var field string
		var pos *ast.Position
		switch s := sel.(type) {
		case *ast.Field:
			for _, arg := range s.Arguments {
				if field = c.literal(arg.Name, arg.Value); field != "" {
					pos = arg.Value.Position
					break
				}
			}
			if field == "" {
				field, pos = c.selections(s.SelectionSet)
			}
		case *ast.InlineFragment:
			field, pos = c.selections(s.SelectionSet)
		case *ast.FragmentSpread:
			if c.fragments[s.Name] || c.doc == nil {
				continue
			}
			c.fragments[s.Name] = true
			if f := c.doc.Fragments.ForName(s.Name); f != nil {
				field, pos = c.selections(f.SelectionSet)
			}
		}
		if field != "" {
			return field, pos
		}
	}
	return "", nil
}

// literal checks a value written in the document at path; a variable is
// checked through its coerced value.
func (c *nulChecker) literal(path string, v *ast.Value) string {
	if v == nil {
		return ""
	}
	switch v.Kind {
	case ast.Variable:
		if c.variables[v.Raw] {
			return ""
		}
		c.variables[v.Raw] = true
		return c.value(path, reflect.ValueOf(c.vars[v.Raw]))
	case ast.StringValue, ast.BlockValue:
		if strings.IndexByte(v.Raw, 0) >= 0 {
			return path
		}
	case ast.ListValue:
		for i, child := range v.Children {
			if p := c.literal(path+"."+strconv.Itoa(i), child.Value); p != "" {
				return p
			}
		}
	case ast.ObjectValue:
		// Field names are GraphQL names: they cannot hold NUL.
		for _, child := range v.Children {
			if p := c.literal(path+"."+child.Name, child.Value); p != "" {
				return p
			}
		}
	}
	return ""
}

// value checks a variable's coerced value at path. Values decoded from JSON
// are strings, numbers, booleans, []any and map[string]any, but coercion may
// build other slices ([]string for a list given as one string), hence
// reflection. Map keys are visited in order, so that the same request always
// gets the same answer.
func (c *nulChecker) value(path string, v reflect.Value) string {
	switch v.Kind() {
	case reflect.Interface, reflect.Pointer:
		if v.IsNil() {
			return ""
		}
		return c.value(path, v.Elem())
	case reflect.String:
		if strings.IndexByte(v.String(), 0) >= 0 {
			return path
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			if p := c.value(path+"."+strconv.Itoa(i), v.Index(i)); p != "" {
				return p
			}
		}
	case reflect.Map:
		if v.Type().Key().Kind() != reflect.String {
			return ""
		}
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
		for _, k := range keys {
			if strings.IndexByte(k.String(), 0) >= 0 {
				return path
			}
			if p := c.value(path+"."+k.String(), v.MapIndex(k)); p != "" {
				return p
			}
		}
	}
	return ""
}
