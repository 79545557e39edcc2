package gqlserver

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/woowtech/woow-paas/errs"
)

// internalMessage is all a client learns about an error that is not a domain
// error.
const internalMessage = errs.InternalMessage

// Presenter is PresenterWith(log, nil).
func Presenter(log *slog.Logger) graphql.ErrorPresenterFunc {
	return PresenterWith(log, nil)
}

// PresenterWith returns the error presenter of New: the one place that
// decides what a client sees of an error. In order:
//
//  1. An error whose chain holds an *errs.Error (resolvers usually return
//     one, possibly wrapped with %w) is shown with that error's Message,
//     extensions.code = its Code and, when set, extensions.field = its Field
//     and extensions.reason = its Reason.
//     Wrapping context ("load project: ...") is not shown.
//  2. Otherwise classify (if not nil) may translate the error of another
//     package into an *errs.Error, shown the same way.
//  3. A *gqlerror.Error that wraps no other error was built on purpose, by
//     gqlgen and gqlparser (parse and validation errors with their
//     GRAPHQL_PARSE_FAILED / GRAPHQL_VALIDATION_FAILED codes, limits, APQ)
//     or by a resolver: it is shown unchanged. When it is the parser's
//     refusal of a document over the token limit (Options.ParserTokenLimit,
//     the one limit gqlgen enforces itself), it is also logged at Warn like
//     the refusals of this package's limits.
//  4. An error that gqlgen's generated code raised while decoding an
//     argument (a custom scalar's UnmarshalGQL failing on a bad cursor or
//     time, recognisable by a path that goes on past the field into the
//     argument) is a client error: "invalid value for <argument path>",
//     extensions.code BAD_USER_INPUT and extensions.field = the argument path
//     ("after", "where.createdAtGT"). The decoder's own message, which may
//     describe internals, is not shown. Scalars that return an *errs.Error
//     get rule 1 instead.
//  5. Anything else, and any *errs.Error with code errs.Internal, is logged
//     (message, path, operation name; never variables) and shown as
//     "internal error" with extensions.code INTERNAL.
//
// Path and locations are kept in every case. The input error is never
// modified.
func PresenterWith(log *slog.Logger, classify func(error) *errs.Error) graphql.ErrorPresenterFunc {
	if log == nil {
		log = slog.Default()
	}
	return func(ctx context.Context, err error) *gqlerror.Error {
		if err == nil {
			return nil
		}
		base := graphql.DefaultErrorPresenter(ctx, err)

		de, ok := errors.AsType[*errs.Error](err)
		if !ok && classify != nil {
			de = classify(err)
		}
		if de != nil {
			if pub := errs.Public(de); pub.Code != errs.Internal {
				ext := map[string]any{"code": string(pub.Code)}
				if pub.Field != "" {
					ext["field"] = pub.Field
				}
				if pub.Reason != "" {
					ext["reason"] = pub.Reason
				}
				return &gqlerror.Error{
					Message:    pub.Message,
					Path:       base.Path,
					Locations:  base.Locations,
					Extensions: ext,
				}
			}
		}
		if de == nil && builtOnPurpose(err) {
			logTokenLimit(ctx, log, base)
			return base
		}
		if de == nil {
			if field, ok := inputPath(ctx, err); ok {
				return &gqlerror.Error{
					Message:    "invalid value for " + field,
					Path:       base.Path,
					Locations:  base.Locations,
					Extensions: map[string]any{"code": string(errs.Invalid), "field": field},
				}
			}
		}

		attrs := []any{"err", cause(err).Error(), "path", base.Path.String()}
		if graphql.HasOperationContext(ctx) {
			if op := graphql.GetOperationContext(ctx); op.OperationName != "" {
				attrs = append(attrs, "operation", op.OperationName)
			}
		}
		// An operation that ran out of its time budget, or whose client
		// went away, is not a fault of the server's: no ERROR line.
		switch {
		case errors.Is(err, context.DeadlineExceeded) && ctx.Err() != nil:
			log.WarnContext(ctx, "graphql: operation timed out", attrs...)
			return &gqlerror.Error{
				Message:    "the operation took too long and was stopped",
				Path:       base.Path,
				Locations:  base.Locations,
				Extensions: map[string]any{"code": CodeTimeout},
			}
		case errs.ClientGone(ctx, err):
			log.DebugContext(ctx, "graphql: operation cancelled", attrs...)
			return &gqlerror.Error{
				Message:    "the operation was cancelled",
				Path:       base.Path,
				Locations:  base.Locations,
				Extensions: map[string]any{"code": CodeCancelled},
			}
		}
		log.ErrorContext(ctx, "graphql: internal error", attrs...)
		return &gqlerror.Error{
			Message:    internalMessage,
			Path:       base.Path,
			Locations:  base.Locations,
			Extensions: map[string]any{"code": string(errs.Internal)},
		}
	}
}

// logTokenLimit logs e when it is gqlparser's "exceeded token limit of N"
// parse failure. The parser stops at the first token over the limit, so the
// measured value logged is N+1: at least that many tokens.
func logTokenLimit(ctx context.Context, log *slog.Logger, e *gqlerror.Error) {
	if code, _ := e.Extensions["code"].(string); code != errcode.ParseFailed {
		return
	}
	var limit int
	if _, err := fmt.Sscanf(e.Message, "exceeded token limit of %d", &limit); err != nil {
		return
	}
	logRefusal(ctx, log, errcode.ParseFailed, limit, limit+1)
}

// builtOnPurpose reports whether err is a *gqlerror.Error (possibly wrapping
// other *gqlerror.Errors) that wraps no foreign error.
func builtOnPurpose(err error) bool {
	g, ok := errors.AsType[*gqlerror.Error](err)
	if !ok {
		return false
	}
	if g.Err == nil {
		return true
	}
	return builtOnPurpose(g.Err)
}

// inputPath recognises an argument decoding error: a *gqlerror.Error
// wrapping a foreign error whose path extends the current field's path, and
// returns the extension ("where.createdAtGT", "ids.2").
func inputPath(ctx context.Context, err error) (string, bool) {
	g, ok := errors.AsType[*gqlerror.Error](err)
	if !ok || g.Err == nil {
		return "", false
	}
	fieldPath := graphql.GetPath(ctx)
	if len(fieldPath) == 0 || len(g.Path) <= len(fieldPath) {
		return "", false
	}
	for i, el := range fieldPath {
		if g.Path[i] != el {
			return "", false
		}
	}
	var b strings.Builder
	for i, el := range g.Path[len(fieldPath):] {
		if i > 0 {
			b.WriteByte('.')
		}
		switch el := el.(type) {
		case ast.PathName:
			b.WriteString(string(el))
		case ast.PathIndex:
			b.WriteString(strconv.Itoa(int(el)))
		}
	}
	return b.String(), true
}

// cause strips the *gqlerror.Error wrappers gqlgen puts around a resolver
// error, whose Error() would repeat the path.
func cause(err error) error {
	for {
		g, ok := err.(*gqlerror.Error)
		if !ok || g.Err == nil {
			return err
		}
		err = g.Err
	}
}

// Recover returns the panic handler of New: it logs the panic value and the
// stack, and returns an "internal error" with extensions.code INTERNAL,
// which the presenter passes through unchanged (rule 3).
func Recover(log *slog.Logger) graphql.RecoverFunc {
	if log == nil {
		log = slog.Default()
	}
	return func(ctx context.Context, v any) error {
		attrs := []any{"panic", fmt.Sprint(v), "stack", string(debug.Stack())}
		if graphql.HasOperationContext(ctx) {
			if op := graphql.GetOperationContext(ctx); op.OperationName != "" {
				attrs = append(attrs, "operation", op.OperationName)
			}
		}
		log.ErrorContext(ctx, "graphql: panic", attrs...)
		return &gqlerror.Error{
			Message:    internalMessage,
			Extensions: map[string]any{"code": string(errs.Internal)},
		}
	}
}
