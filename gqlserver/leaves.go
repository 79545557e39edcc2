package gqlserver

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// Leaves renders fields of a GraphQL object type from the Go value gqlgen
// binds to it, without gqlgen's executor, for the events of busy
// subscriptions (the pieces of an answer being written, thousands a
// second). For a field and a value it knows, it returns
//
//   - for a leaf field marked @shared, its value, through the very
//     marshaler gqlgen's generated code calls for it (graphql.MarshalString,
//     the ID scalar's, the enum's MarshalGQL...);
//   - for any other nullable field, graphql.Null when the field is null on
//     this value for every viewer, whatever it selects (a message's stored
//     form, absent on the pieces between its start and its end).
//
// Anything else (false, or a value for a field that is not a @shared
// leaf) sends the event through the executor. A plan skips what the
// executor runs per event: field and response interceptors, extensions;
// only renderers of plain values belong here. The schema's package tests
// that the bytes are the executor's, field by field.
//
// An alias, so that the schema's package declares its renderers without
// importing this one.
type Leaves = func(v any, field string) (graphql.Marshaler, bool)

// leafPlan renders an event of a subscription whose operation is a single
// root field selecting fields of one object type, as
//
//	{"data":{"<root>":{"<key>":<value>,...}}}
//
// the executor's rendering of it, which json.Marshal of the response then
// HTML-escapes (json.HTMLEscape does the same here: the values are
// built-in scalars and enums, which gqlgen writes compact).
type leafPlan struct {
	leaves Leaves
	head   []byte // {"data":{"<root>":{
	fields []leafField
}

type leafField struct {
	key   []byte // "<key>": with the comma before it when not the first
	name  string
	fixed []byte // the value when it is the same for every event (__typename)
	// nullOnly: not a @shared leaf; rendered only when leaves says it is
	// null on the event.
	nullOnly bool
}

// compactScalars are the scalars whose gqlgen marshalers write compact
// JSON (the application's ID included): a plan may write them.
var compactScalars = map[string]bool{"ID": true, "String": true, "Boolean": true, "Int": true}

// planDirectives are the schema directives a field may carry and still be
// written by a plan: they do nothing when executing.
var planDirectives = map[string]bool{SharedDirective: true, "goField": true, "deprecated": true}

// newLeafPlan returns the plan of op, or nil when its events need the
// executor: more than one root selection, a fragment or a directive among
// the event's selections, a repeated response key, a type leaves has no
// renderer for, or a field that is neither a @shared leaf of a built-in
// scalar or enum type without arguments nor nullable. Directives on the
// operation itself do not change the rendering, nor do the root field's
// arguments (its resolver runs, once per subscriber, as ever).
func newLeafPlan(schema *ast.Schema, op *ast.OperationDefinition, leaves map[string]Leaves) *leafPlan {
	if schema == nil || schema.Subscription == nil || op == nil || len(op.SelectionSet) != 1 {
		return nil
	}
	root, ok := op.SelectionSet[0].(*ast.Field)
	if !ok || len(root.Directives) > 0 || root.Name == "__typename" {
		return nil
	}
	def := schema.Subscription.Fields.ForName(root.Name)
	if def == nil || def.Type.Elem != nil || !def.Type.NonNull {
		return nil
	}
	typ := schema.Types[def.Type.Name()]
	if typ == nil || typ.Kind != ast.Object || leaves[typ.Name] == nil {
		return nil
	}
	p := &leafPlan{leaves: leaves[typ.Name]}
	p.head = append(p.head, `{"data":{`...)
	p.head = appendKey(p.head, root.Alias)
	p.head = append(p.head, '{')
	seen := map[string]bool{}
	for i, sel := range root.SelectionSet {
		f, ok := sel.(*ast.Field)
		if !ok || len(f.Directives) > 0 || seen[f.Alias] {
			return nil
		}
		seen[f.Alias] = true
		lf := leafField{name: f.Name}
		if i > 0 {
			lf.key = append(lf.key, ',')
		}
		lf.key = appendKey(lf.key, f.Alias)
		if f.Name == "__typename" {
			lf.fixed = strconv.AppendQuote(nil, typ.Name) // a GraphQL name: nothing to escape
			p.fields = append(p.fields, lf)
			continue
		}
		fd := typ.Fields.ForName(f.Name)
		if fd == nil {
			return nil
		}
		for _, d := range fd.Directives {
			if !planDirectives[d.Name] {
				return nil
			}
		}
		t := schema.Types[fd.Type.Name()]
		leaf := t != nil && len(f.Arguments) == 0 && fd.Type.Elem == nil &&
			(t.Kind == ast.Enum || t.Kind == ast.Scalar && compactScalars[t.Name]) &&
			(marked(typ.Directives) || marked(fd.Directives))
		switch {
		case leaf:
		case !fd.Type.NonNull:
			lf.nullOnly = true
		default:
			return nil
		}
		p.fields = append(p.fields, lf)
	}
	return p
}

// appendKey appends "name": (a GraphQL name: letters, digits and _ only).
func appendKey(b []byte, name string) []byte {
	b = strconv.AppendQuote(b, name)
	return append(b, ':')
}

// render returns the payload of ev, or false when leaves does not render
// one of its fields (or renders a non-null field as null, which the
// executor answers with an error, or a value where only null may be
// written): the executor renders it then.
func (p *leafPlan) render(ev reflect.Value) ([]byte, bool) {
	if !ev.IsValid() || ev.Kind() == reflect.Pointer && ev.IsNil() {
		return nil, false
	}
	v := ev.Interface()
	var buf bytes.Buffer
	buf.Grow(256)
	buf.Write(p.head)
	for _, f := range p.fields {
		buf.Write(f.key)
		if f.fixed != nil {
			buf.Write(f.fixed)
			continue
		}
		m, ok := p.leaves(v, f.name)
		if !ok || m == nil || (m == graphql.Null) != f.nullOnly {
			return nil, false
		}
		m.MarshalGQL(&buf)
	}
	buf.WriteString("}}}")
	out := buf.Bytes()
	if bytes.IndexAny(out, "<>&\u2028\u2029") < 0 {
		return out, true
	}
	var esc bytes.Buffer
	esc.Grow(len(out) + 32)
	json.HTMLEscape(&esc, out)
	return esc.Bytes(), true
}
