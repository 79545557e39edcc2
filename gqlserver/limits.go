package gqlserver

import (
	"context"
	"errors"
	"log/slog"
	"maps"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// extensions.code of the errors of DepthLimit and AliasLimit, in the style of
// gqlgen's COMPLEXITY_LIMIT_EXCEEDED.
const (
	CodeDepthLimit = "DEPTH_LIMIT_EXCEEDED"
	CodeAliasLimit = "ALIAS_LIMIT_EXCEEDED"

	// codeComplexityLimit is the code of ComplexityLimit, kept from gqlgen's
	// (unexported) code for the extension.ComplexityLimit it replaces:
	// clients know it.
	codeComplexityLimit = "COMPLEXITY_LIMIT_EXCEEDED"
)

// requestError makes err a request error with extensions.code code, as a
// client sees it.
//
// Operations refused by a limit (and the malformed persistedQuery
// extensions persistedQueries reports) are request errors like validation
// failures: no data entry, HTTP 400 under application/graphql-response+json
// (transport.go) and a graphql-transport-ws "error" message rather than
// "next". The transports (wsTransport and transport.go follow gqlgen's)
// decide that from extensions.code through errcode.GetErrorKind, which only
// knows the codes in errcode's registry: a global map, writable only through
// errcode.RegisterErrorType. Rather than write to it, a request error
// carries gqlgen's own GRAPHQL_VALIDATION_FAILED, which the registry knows
// as a request error, until it is presented, and its own code in Err, which
// presentRequestCodes puts in extensions.code.
func requestError(code string, err *gqlerror.Error) *gqlerror.Error {
	errcode.Set(err, errcode.ValidationFailed)
	err.Err = requestCode(code)
	return err
}

// requestCode is the code a request error is presented with (see
// requestError).
type requestCode string

func (c requestCode) Error() string { return string(c) }

// presentRequestCodes wraps the error presenter of New: a request error
// made by requestError goes on to next as a copy with its own code in
// extensions.code (and nothing in Err); any other error goes on unchanged.
// The input error is never modified: the transports read its code after
// presenting it.
func presentRequestCodes(next graphql.ErrorPresenterFunc) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		if g, ok := err.(*gqlerror.Error); ok {
			if code, ok := g.Err.(requestCode); ok {
				out := *g
				out.Err = nil
				out.Extensions = maps.Clone(g.Extensions)
				out.Extensions["code"] = string(code)
				return next(ctx, &out)
			}
		}
		return next(ctx, err)
	}
}

// logRefusal records, at Warn, that a limit refused an operation: the
// operation's name, the limit's code, the limit and the measured value
// (extra: more key-value pairs). Never the variables or the document, which
// may carry secrets; the name is enough to find the client that sent it.
func logRefusal(ctx context.Context, log *slog.Logger, code string, limit, value int, extra ...any) {
	if log == nil {
		log = slog.Default()
	}
	name := ""
	if graphql.HasOperationContext(ctx) {
		opCtx := graphql.GetOperationContext(ctx)
		name = opCtx.OperationName
		if name == "" && opCtx.Operation != nil {
			name = opCtx.Operation.Name
		}
	}
	attrs := append([]any{"operation", name, "code", code, "limit", limit, "value", value}, extra...)
	log.WarnContext(ctx, "graphql: operation refused by a limit", attrs...)
}

// DepthLimit rejects an operation whose fields nest deeper than Max. A root
// field has depth 1, its subfields 2, and so on; fragment spreads and inline
// fragments add no depth of their own, their fields count where they are
// spread. It runs after validation, on the operation being executed.
type DepthLimit struct {
	Max int

	// Log receives one Warn line per refusal. Nil: slog.Default().
	Log *slog.Logger
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = DepthLimit{}

// ExtensionName implements graphql.HandlerExtension.
func (DepthLimit) ExtensionName() string { return "DepthLimit" }

// Validate implements graphql.HandlerExtension.
func (d DepthLimit) Validate(graphql.ExecutableSchema) error {
	if d.Max <= 0 {
		return errors.New("DepthLimit.Max must be positive")
	}
	return nil
}

// MutateOperationContext implements graphql.OperationContextMutator.
func (d DepthLimit) MutateOperationContext(ctx context.Context, opCtx *graphql.OperationContext) *gqlerror.Error {
	if opCtx.Operation == nil {
		return nil
	}
	depth := newWalker(opCtx.Doc).depth(opCtx.Operation.SelectionSet)
	if depth > d.Max {
		logRefusal(ctx, d.Log, CodeDepthLimit, d.Max, depth)
		return limitError(CodeDepthLimit, opCtx.Operation,
			"operation has depth %d, which exceeds the limit of %d", depth, d.Max)
	}
	return nil
}

// AliasLimit rejects an operation with more than Max aliased fields (fields
// whose response name differs from the field name). A fragment's aliases
// count once per spread, since that is how often they are executed.
type AliasLimit struct {
	Max int

	// Log receives one Warn line per refusal. Nil: slog.Default().
	Log *slog.Logger
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = AliasLimit{}

// ExtensionName implements graphql.HandlerExtension.
func (AliasLimit) ExtensionName() string { return "AliasLimit" }

// Validate implements graphql.HandlerExtension.
func (a AliasLimit) Validate(graphql.ExecutableSchema) error {
	if a.Max <= 0 {
		return errors.New("AliasLimit.Max must be positive")
	}
	return nil
}

// MutateOperationContext implements graphql.OperationContextMutator.
func (a AliasLimit) MutateOperationContext(ctx context.Context, opCtx *graphql.OperationContext) *gqlerror.Error {
	if opCtx.Operation == nil {
		return nil
	}
	n := newWalker(opCtx.Doc).aliases(opCtx.Operation.SelectionSet)
	if n > a.Max {
		logRefusal(ctx, a.Log, CodeAliasLimit, a.Max, n)
		return limitError(CodeAliasLimit, opCtx.Operation,
			"operation has %d aliases, which exceeds the limit of %d", n, a.Max)
	}
	return nil
}

func limitError(code string, op *ast.OperationDefinition, format string, args ...any) *gqlerror.Error {
	err := gqlerror.Errorf(format, args...)
	if op.Position != nil {
		err.Locations = []gqlerror.Location{{Line: op.Position.Line, Column: op.Position.Column}}
	}
	return requestError(code, err)
}

// saturation bounds the counts: a few nested fragments spread twice each
// multiply quickly, and the answer only has to exceed the limit.
const saturation = 1 << 40

func satAdd(a, b int) int {
	if a > saturation-b {
		return saturation
	}
	return a + b
}

// walker measures a validated document. Each fragment is measured once
// (memoised), so the cost is linear in the document even when fragments
// spread each other many times; a fragment cycle (rejected by validation
// anyway) counts as empty.
type walker struct {
	doc        *ast.QueryDocument
	depthMemo  map[string]int
	aliasMemo  map[string]int
	inProgress map[string]bool
}

func newWalker(doc *ast.QueryDocument) *walker {
	return &walker{
		doc:        doc,
		depthMemo:  map[string]int{},
		aliasMemo:  map[string]int{},
		inProgress: map[string]bool{},
	}
}

func (w *walker) fragment(name string) *ast.FragmentDefinition {
	if w.doc == nil {
		return nil
	}
	return w.doc.Fragments.ForName(name)
}

// depth is the field depth of set: 0 for an empty set.
func (w *walker) depth(set ast.SelectionSet) int {
	deepest := 0
	for _, sel := range set {
		var d int
		switch s := sel.(type) {
		case *ast.Field:
			d = 1 + w.depth(s.SelectionSet)
		case *ast.InlineFragment:
			d = w.depth(s.SelectionSet)
		case *ast.FragmentSpread:
			d = w.fragmentDepth(s.Name)
		}
		deepest = max(deepest, d)
	}
	return deepest
}

func (w *walker) fragmentDepth(name string) int {
	if d, ok := w.depthMemo[name]; ok {
		return d
	}
	f := w.fragment(name)
	if f == nil || w.inProgress[name] {
		return 0
	}
	w.inProgress[name] = true
	d := w.depth(f.SelectionSet)
	delete(w.inProgress, name)
	w.depthMemo[name] = d
	return d
}

// aliases counts the aliased fields executed for set.
func (w *walker) aliases(set ast.SelectionSet) int {
	n := 0
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if s.Alias != "" && s.Alias != s.Name {
				n = satAdd(n, 1)
			}
			n = satAdd(n, w.aliases(s.SelectionSet))
		case *ast.InlineFragment:
			n = satAdd(n, w.aliases(s.SelectionSet))
		case *ast.FragmentSpread:
			n = satAdd(n, w.fragmentAliases(s.Name))
		}
	}
	return n
}

func (w *walker) fragmentAliases(name string) int {
	if n, ok := w.aliasMemo[name]; ok {
		return n
	}
	f := w.fragment(name)
	if f == nil || w.inProgress[name] {
		return 0
	}
	w.inProgress[name] = true
	n := w.aliases(f.SelectionSet)
	delete(w.inProgress, name)
	w.aliasMemo[name] = n
	return n
}
