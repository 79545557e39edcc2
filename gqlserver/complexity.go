package gqlserver

import (
	"context"
	"errors"
	"log/slog"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// complexityStatsKey is the name under which gqlgen's ComplexityLimit files
// its extension.ComplexityStats; we file ours there too, so that
// extension.GetComplexityStats keeps working.
const complexityStatsKey = "ComplexityLimit"

// ComplexityLimit rejects an operation whose complexity exceeds Max, with
// extensions.code COMPLEXITY_LIMIT_EXCEEDED (a request error: see
// transport.go for its HTTP status).
//
// It replaces gqlgen's extension.FixedComplexityLimit, which computes the
// same numbers but walks a fragment again at every spread: a 1 KB document
// whose fragments each spread the next one twice made it call the schema's
// complexity functions 2^25 times before refusing. Here a fragment is
// measured once (its cost does not depend on where it is spread: its
// fields, their type and the variables are the same everywhere), so the cost
// is linear in the document, and the walk of the root selection set stops
// as soon as its running sum exceeds Max.
//
// The numbers are gqlgen's complexity.Calculate's with its default options:
// a field costs what es.Complexity says when that is at least 1, otherwise
// 1 plus its children; a field of an interface costs the most expensive of
// its implementations; __schema costs nothing; sums saturate instead of
// overflowing. TestComplexityMatchesGqlgen holds the two together.
type ComplexityLimit struct {
	Max int

	// Log receives one Warn line per refusal. Nil: slog.Default().
	Log *slog.Logger

	// es is the schema whose complexity functions price fields, set by
	// Validate when the extension is installed (as gqlgen's does).
	es graphql.ExecutableSchema
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = &ComplexityLimit{}

// ExtensionName implements graphql.HandlerExtension.
func (*ComplexityLimit) ExtensionName() string { return "ComplexityLimit" }

// Validate implements graphql.HandlerExtension; it keeps es.
func (c *ComplexityLimit) Validate(es graphql.ExecutableSchema) error {
	if c.Max <= 0 {
		return errors.New("ComplexityLimit.Max must be positive")
	}
	if es == nil {
		return errors.New("ComplexityLimit needs a schema")
	}
	c.es = es
	return nil
}

// MutateOperationContext implements graphql.OperationContextMutator.
func (c *ComplexityLimit) MutateOperationContext(ctx context.Context, opCtx *graphql.OperationContext) *gqlerror.Error {
	if opCtx.Operation == nil {
		return nil
	}
	w := newComplexityWalker(ctx, c.es, opCtx.Doc, opCtx.Variables)
	n, cut := w.selections(opCtx.Operation.SelectionSet, c.Max)
	opCtx.Stats.SetExtension(complexityStatsKey, &extension.ComplexityStats{Complexity: n, ComplexityLimit: c.Max})
	if n <= c.Max {
		return nil
	}
	logRefusal(ctx, c.Log, codeComplexityLimit, c.Max, n)
	if cut {
		// n is what was counted before the walk stopped.
		return limitError(codeComplexityLimit, opCtx.Operation,
			"operation has complexity of at least %d, which exceeds the limit of %d", n, c.Max)
	}
	// gqlgen's wording, which clients have seen so far.
	return limitError(codeComplexityLimit, opCtx.Operation,
		"operation has complexity %d, which exceeds the limit of %d", n, c.Max)
}

// complexityWalker prices one operation. memo holds the complexity of each
// fragment measured completely.
type complexityWalker struct {
	ctx        context.Context
	es         graphql.ExecutableSchema
	schema     *ast.Schema
	doc        *ast.QueryDocument
	vars       map[string]any
	memo       map[string]int
	inProgress map[string]bool
}

func newComplexityWalker(ctx context.Context, es graphql.ExecutableSchema, doc *ast.QueryDocument, vars map[string]any) *complexityWalker {
	return &complexityWalker{
		ctx:        ctx,
		es:         es,
		schema:     es.Schema(),
		doc:        doc,
		vars:       vars,
		memo:       map[string]int{},
		inProgress: map[string]bool{},
	}
}

// noLimit tells selections to walk everything.
const noLimit = -1

// selections returns the complexity of set. With a limit (>= 0) it stops as
// soon as the running sum exceeds it and reports cut when selections were
// left unvisited; the sum is then a lower bound. Only additive positions may
// be cut (a selection set and the fragments spread in it): a field's own
// complexity function may price its children at anything, even below the
// limit, so a field's children are always walked completely.
func (w *complexityWalker) selections(set ast.SelectionSet, limit int) (total int, cut bool) {
	for i, sel := range set {
		var n int
		switch s := sel.(type) {
		case *ast.Field:
			n = w.field(s)
		case *ast.InlineFragment:
			n, cut = w.selections(s.SelectionSet, remaining(limit, total))
		case *ast.FragmentSpread:
			n, cut = w.fragment(s.Name, remaining(limit, total))
		}
		total = safeAdd(total, n)
		if cut || (limit >= 0 && total > limit && i < len(set)-1) {
			return total, true
		}
	}
	return total, false
}

// remaining is what is left of limit once total is spent.
func remaining(limit, total int) int {
	if limit < 0 {
		return noLimit
	}
	return max(limit-total, 0)
}

// fragment returns the complexity of the named fragment, measured once.
// A result cut short is not remembered (the whole walk ends with it anyway).
// A cycle, rejected by validation, counts as empty.
func (w *complexityWalker) fragment(name string, limit int) (int, bool) {
	if n, ok := w.memo[name]; ok {
		return n, false
	}
	var f *ast.FragmentDefinition
	if w.doc != nil {
		f = w.doc.Fragments.ForName(name)
	}
	if f == nil || w.inProgress[name] {
		return 0, false
	}
	w.inProgress[name] = true
	n, cut := w.selections(f.SelectionSet, limit)
	delete(w.inProgress, name)
	if !cut {
		w.memo[name] = n
	}
	return n, cut
}

// field prices one field as gqlgen's complexity walker does.
func (w *complexityWalker) field(f *ast.Field) int {
	if f.Definition == nil || f.ObjectDefinition == nil {
		return 0 // validation guarantees both
	}
	typ := w.schema.Types[f.Definition.Type.Name()]
	if typ == nil || typ.Name == "__Schema" {
		return 0
	}
	child := 0
	switch typ.Kind {
	case ast.Object, ast.Interface, ast.Union:
		child, _ = w.selections(f.SelectionSet, noLimit)
	}
	args := f.ArgumentMap(w.vars)
	if f.ObjectDefinition.Kind != ast.Interface {
		return w.fieldComplexity(f.ObjectDefinition, f.Name, child, args)
	}
	// An interface has no prices of its own: assume its most expensive
	// implementation.
	worst := 0
	for _, impl := range w.schema.GetPossibleTypes(f.ObjectDefinition) {
		worst = max(worst, w.fieldComplexity(impl, f.Name, child, args))
	}
	return worst
}

// fieldComplexity is the schema's price for the field when it gives one of
// at least 1, and otherwise 1 plus the children (a scalar or enum has none,
// and gqlgen's default "fixed scalar value" is 1 as well).
func (w *complexityWalker) fieldComplexity(obj *ast.Definition, name string, child int, args map[string]any) int {
	if n, ok := w.es.Complexity(w.ctx, obj.Name, name, child, args); ok && n >= 1 {
		return n
	}
	return safeAdd(1, child)
}

const maxInt = int(^uint(0) >> 1)

// safeAdd is gqlgen's: a saturating sum that ignores negative operands (a
// complexity function may overflow into one).
func safeAdd(a, b int) int {
	switch {
	case a < 0 && b < 0:
		return 1
	case a < 0:
		return b
	case b < 0:
		return a
	}
	if a > maxInt-b {
		return maxInt
	}
	return a + b
}
