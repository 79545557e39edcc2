package gqlserver

import (
	"context"
	"errors"
	"log/slog"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"
	"github.com/vektah/gqlparser/v2/validator/core"
	"github.com/vektah/gqlparser/v2/validator/rules"
)

// CodeFieldLimit is the extensions.code of FieldLimit's refusals.
const CodeFieldLimit = "FIELD_LIMIT_EXCEEDED"

// Defaults of FieldLimit.
const (
	DefaultMaxFields       = 2000
	DefaultMaxFieldsPerSet = 200
)

// FieldLimit refuses a document with more than MaxFields fields in all, or
// more than MaxFieldsPerSet in one selection set, before gqlgen validates
// it. Validation compares the fields of a selection set pairwise (to check
// that same-named ones can be merged), so its cost grows with the square
// of a selection set's size: 15,000 copies of one field, well under the
// token limit, took 16 s of CPU, and 1,200 fields with different arguments
// made a 175 MB answer of merge errors. The limits run on the raw
// document, once per query text (accepted texts are remembered, like
// gqlgen's own query cache), so cached queries cost nothing more.
type FieldLimit struct {
	MaxFields, MaxFieldsPerSet int
	// TokenLimit is the parser's token limit (Options.ParserTokenLimit):
	// a document over it is left for gqlgen to refuse.
	TokenLimit int
	Log        *slog.Logger
	accepted   graphql.Cache[struct{}]
}

// NewFieldLimit returns a FieldLimit remembering up to cacheSize accepted
// documents.
func NewFieldLimit(maxFields, maxPerSet, tokenLimit, cacheSize int, log *slog.Logger) *FieldLimit {
	if cacheSize <= 0 {
		cacheSize = DefaultQueryCacheSize
	}
	return &FieldLimit{MaxFields: maxFields, MaxFieldsPerSet: maxPerSet, TokenLimit: tokenLimit, Log: log,
		accepted: lru.New[struct{}](cacheSize)}
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
} = (*FieldLimit)(nil)

// ExtensionName implements graphql.HandlerExtension.
func (*FieldLimit) ExtensionName() string { return "FieldLimit" }

// Validate implements graphql.HandlerExtension.
func (l *FieldLimit) Validate(graphql.ExecutableSchema) error {
	if l.MaxFields <= 0 || l.MaxFieldsPerSet <= 0 {
		return errors.New("FieldLimit: limits must be positive")
	}
	return nil
}

// MutateOperationParameters implements graphql.OperationParameterMutator:
// it runs before gqlgen parses and validates the document (and after the
// persisted-query extension has filled the query in).
func (l *FieldLimit) MutateOperationParameters(ctx context.Context, params *graphql.RawParams) *gqlerror.Error {
	if params.Query == "" {
		return nil
	}
	if _, ok := l.accepted.Get(ctx, params.Query); ok {
		return nil
	}
	limit := l.TokenLimit
	if limit <= 0 {
		limit = DefaultParserTokenLimit
	}
	doc, err := parser.ParseQueryWithTokenLimit(&ast.Source{Input: params.Query}, limit)
	if err != nil {
		return nil // gqlgen parses again and says what is wrong
	}
	total, widest := 0, 0
	count := func(set ast.SelectionSet) {}
	count = func(set ast.SelectionSet) {
		fields := 0
		for _, sel := range set {
			switch s := sel.(type) {
			case *ast.Field:
				fields++
				count(s.SelectionSet)
			case *ast.InlineFragment:
				// Its fields merge into the enclosing set.
				fields += len(s.SelectionSet)
				count(s.SelectionSet)
			}
		}
		total += fields
		widest = max(widest, fields)
	}
	for _, op := range doc.Operations {
		count(op.SelectionSet)
	}
	for _, f := range doc.Fragments {
		count(f.SelectionSet)
	}
	switch {
	case widest > l.MaxFieldsPerSet:
		logRefusal(ctx, l.Log, CodeFieldLimit, l.MaxFieldsPerSet, widest, "what", "fields in one selection set")
		return fieldLimitError("a selection set has %d fields, which exceeds the limit of %d", widest, l.MaxFieldsPerSet)
	case total > l.MaxFields:
		logRefusal(ctx, l.Log, CodeFieldLimit, l.MaxFields, total, "what", "fields in the document")
		return fieldLimitError("the document has %d fields, which exceeds the limit of %d", total, l.MaxFields)
	}
	l.accepted.Add(ctx, params.Query, struct{}{})
	return nil
}

func fieldLimitError(format string, args ...any) *gqlerror.Error {
	return requestError(CodeFieldLimit, gqlerror.Errorf(format, args...))
}

// maxErrorsPerRule bounds what one validation rule reports about one
// document: a client needs the first few to fix its query, and an attacker
// must not get a response of millions of errors.
const maxErrorsPerRule = 20

// cappedRules returns gqlparser's default validation rules, each reporting
// at most maxErrorsPerRule errors. The rule functions run once per
// validation, so each count starts afresh.
func cappedRules() *rules.Rules {
	r := rules.NewDefaultRules()
	for name, fn := range r.GetInner() {
		r.ReplaceRule(name, func(observers *core.Events, addError core.AddErrFunc) {
			n := 0
			fn(observers, func(options ...core.ErrorOption) {
				if n < maxErrorsPerRule {
					n++
					addError(options...)
				}
			})
		})
	}
	return r
}
