package gqlserver

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// Leaves renders the leaf fields of a GraphQL object type from the Go
// value gqlgen binds to it, with the very marshalers gqlgen's generated
// code calls for those fields (graphql.MarshalString, the ID scalar's,
// the enum's MarshalGQL...). It returns false for a field it does not
// render, or a value it does not know; the event then goes through
// gqlgen's executor.
//
// It lets the events of a busy subscription (the pieces of an answer
// being written, thousands a second) render without the executor: a
// subscription whose operation selects only leaf fields of such a type,
// none with arguments or directives, writes them straight from the event
// (leafPlan). What goes out is the executor's answer byte for byte; the
// schema's package tests that for every field.
//
// An alias, so that the schema's package declares its renderers without
// importing this one.
type Leaves = func(v any, field string) (graphql.Marshaler, bool)

// leafPlan renders an event of a subscription whose operation is a single
// root field selecting leaf fields of one object type, as
//
//	{"data":{"<root>":{"<key>":<value>,...}}}
//
// the executor's rendering of it, which json.Marshal of the response then
// HTML-escapes (json.HTMLEscape does the same here).
type leafPlan struct {
	leaves Leaves
	head   []byte // {"data":{"<root>":{
	fields []leafField
}

type leafField struct {
	key   []byte // "<key>": with the comma before it when not the first
	name  string
	fixed []byte // the value when it is the same for every event (__typename)
}

// newLeafPlan returns the plan of op, or nil when its events need the
// executor: more than one root selection, a fragment, an argument or a
// directive on a selected field, a field that is not a leaf, a repeated
// response key, or a type leaves has no renderer for. Directives on the
// operation itself do not matter here (they do not change the rendering),
// nor do the root field's arguments (its resolver runs, once, as ever).
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
		if !ok || len(f.Directives) > 0 || len(f.Arguments) > 0 || len(f.SelectionSet) > 0 || seen[f.Alias] {
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
		} else {
			fd := typ.Fields.ForName(f.Name)
			if fd == nil || fd.Type.Elem != nil || !fd.Type.NonNull {
				return nil
			}
			if t := schema.Types[fd.Type.Name()]; t == nil || t.Kind != ast.Scalar && t.Kind != ast.Enum {
				return nil
			}
		}
		p.fields = append(p.fields, lf)
	}
	if len(p.fields) == 0 {
		return nil
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
// executor answers with an error): the executor renders it then.
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
		if !ok || m == nil || m == graphql.Null {
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
