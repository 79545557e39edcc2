package gqlserver

import "github.com/vektah/gqlparser/v2/ast"

// SharedDirective names the schema directive that marks what renders the
// same for every viewer allowed to read it:
//
//	directive @shared on FIELD_DEFINITION | OBJECT
//
// On a field: its value is the same for every such viewer (a plain column
// of the entity, never a permission, a role or anything resolved with the
// viewer's context, never an edge read through the privacy rules). On an
// object type: every field of the type is. The schema declares it and
// gqlgen.yml gives it skip_runtime, so it costs nothing when executing: it
// is read once per subscription, by sharedOperation.
const SharedDirective = "shared"

// maxSharedDepth bounds the walk of sharedOperation. Validation has
// refused fragment cycles and the limits bound depth long before this; it
// only makes the walk safe on its own.
const maxSharedDepth = 64

// sharedOperation reports whether the rendering of an event for op may be
// shared by every subscriber of the same operation text and variables:
// whether every field op selects on the event, through fragments and
// inline fragments, at any depth, is marked @shared in schema (or belongs
// to an object type marked @shared). __typename qualifies (it is the
// object's type name). Anything else, including anything the schema does
// not know, does not: the decision is made from the document and the
// schema alone, before anything runs, and a field nobody marked is
// rendered per viewer.
//
// The subscription's root field is not a field of the event: its resolver
// runs once per subscriber, with the viewer's context (it authorises), and
// what is shared is the rendering of the very same event value handed to
// several subscribers (renderCache keys it by pointer).
//
// Arguments, aliases and @skip/@include do not change the answer: the
// sharing key holds the operation text and variables, so the subscribers
// that share have the same ones, and every selection counts whether or not
// it is skipped.
func sharedOperation(schema *ast.Schema, doc *ast.QueryDocument, op *ast.OperationDefinition) bool {
	if schema == nil || doc == nil || op == nil || op.Operation != ast.Subscription || schema.Subscription == nil {
		return false
	}
	w := sharedWalk{schema: schema, doc: doc}
	return w.set(schema.Subscription, op.SelectionSet, true, 0)
}

type sharedWalk struct {
	schema *ast.Schema
	doc    *ast.QueryDocument
}

// set reports whether every selection of set, selected on a value of type
// parent, is shared; root: set is the operation's own (parent is the
// Subscription type).
func (w sharedWalk) set(parent *ast.Definition, set ast.SelectionSet, root bool, depth int) bool {
	if parent == nil || depth > maxSharedDepth {
		return false
	}
	for _, sel := range set {
		switch sel := sel.(type) {
		case *ast.Field:
			if !w.field(parent, sel, root, depth) {
				return false
			}
		case *ast.InlineFragment:
			typ := parent
			if sel.TypeCondition != "" {
				typ = w.schema.Types[sel.TypeCondition]
			}
			if !w.set(typ, sel.SelectionSet, root, depth+1) {
				return false
			}
		case *ast.FragmentSpread:
			frag := w.doc.Fragments.ForName(sel.Name)
			if frag == nil || !w.set(w.schema.Types[frag.TypeCondition], frag.SelectionSet, root, depth+1) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// field reports whether f, selected on a value of type parent, is shared
// with everything it selects (a root field: whether everything it selects
// is). On an interface or union, it must be so on every object type the
// value may be.
func (w sharedWalk) field(parent *ast.Definition, f *ast.Field, root bool, depth int) bool {
	if f.Name == "__typename" {
		return len(f.SelectionSet) == 0
	}
	objects := 0
	for _, obj := range w.schema.GetPossibleTypes(parent) {
		if obj.Kind != ast.Object {
			continue // an interface implementing parent: its objects are listed too
		}
		objects++
		def := obj.Fields.ForName(f.Name)
		if def == nil || !root && !marked(obj.Directives) && !marked(def.Directives) {
			return false
		}
		if len(f.SelectionSet) > 0 && !w.set(w.schema.Types[def.Type.Name()], f.SelectionSet, false, depth+1) {
			return false
		}
	}
	return objects > 0
}

func marked(list ast.DirectiveList) bool { return list.ForName(SharedDirective) != nil }
