package gqlserver

import (
	"context"
	"log/slog"

	"github.com/99designs/gqlgen/graphql"

	"github.com/woowtech/woow-paas/errs"
)

// PageSize bounds the `first` and `last` arguments of connection fields
// (any field that takes both) to Max, and gives a connection asked for
// with neither a page of Max instead of every row.
type PageSize struct {
	Max int

	// Log receives one Warn line per refusal. Nil: slog.Default().
	Log *slog.Logger
}

var (
	_ graphql.HandlerExtension = PageSize{}
	_ graphql.FieldInterceptor = PageSize{}
)

// ExtensionName implements graphql.HandlerExtension.
func (PageSize) ExtensionName() string { return "PageSize" }

// Validate implements graphql.HandlerExtension.
func (PageSize) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptField checks and defaults the page arguments before the
// resolver runs.
func (p PageSize) InterceptField(ctx context.Context, next graphql.Resolver) (any, error) {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || fc.Args == nil {
		return next(ctx)
	}
	first, hasFirst := fc.Args["first"].(*int)
	last, hasLast := fc.Args["last"].(*int)
	if !hasFirst || !hasLast {
		return next(ctx)
	}
	for name, n := range map[string]*int{"first": first, "last": last} {
		if n != nil && (*n < 0 || *n > p.Max) {
			logRefusal(ctx, p.Log, string(errs.Invalid), p.Max, *n, "field", fc.Field.Name, "argument", name)
			return nil, errs.InvalidField(name, "%s must be between 0 and %d", name, p.Max)
		}
	}
	if first == nil && last == nil {
		n := p.Max
		fc.Args["first"] = &n
	}
	return next(ctx)
}
