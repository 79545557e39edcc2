package gqlserver

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// OperationTimeout gives every query and mutation a time budget: its
// resolvers run under a context that ends after Timeout, so a slow
// database query or an expensive resolver cannot hold a request, a
// connection from the pool and a goroutine for ever. The context derives
// from the operation's own (the HTTP request's, or the WebSocket
// operation's), so an operation whose client went away stops as well.
// Subscriptions are long-lived by design and keep their context.
type OperationTimeout struct {
	Timeout time.Duration

	// Log receives a Warn line for each operation that ran out of time.
	// Nil: slog.Default().
	Log *slog.Logger
}

var (
	_ graphql.HandlerExtension     = OperationTimeout{}
	_ graphql.OperationInterceptor = OperationTimeout{}
)

// ExtensionName implements graphql.HandlerExtension.
func (OperationTimeout) ExtensionName() string { return "OperationTimeout" }

// Validate implements graphql.HandlerExtension.
func (t OperationTimeout) Validate(graphql.ExecutableSchema) error {
	if t.Timeout <= 0 {
		return errors.New("OperationTimeout.Timeout must be positive")
	}
	return nil
}

// InterceptOperation implements graphql.OperationInterceptor. The context it
// passes on is the one the transport hands back to the response handler (see
// executor.DispatchOperation), which runs the resolvers. Its timer is
// released when the last response has been produced, or with the
// operation's context (net/http ends a request's context when the handler
// returns).
func (t OperationTimeout) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	opCtx := graphql.GetOperationContext(ctx)
	if opCtx == nil || opCtx.Operation == nil || opCtx.Operation.Operation == ast.Subscription {
		return next(ctx)
	}
	ctx, cancel := context.WithTimeout(ctx, t.Timeout)
	h := next(ctx)
	done := false // transports call a response handler from one goroutine
	return func(rctx context.Context) *graphql.Response {
		resp := h(rctx)
		if !done && (resp == nil || resp.HasNext == nil || !*resp.HasNext) {
			done = true
			if errors.Is(ctx.Err(), context.DeadlineExceeded) {
				t.logTimeout(ctx, opCtx)
			}
			cancel()
		}
		return resp
	}
}

func (t OperationTimeout) logTimeout(ctx context.Context, opCtx *graphql.OperationContext) {
	log := t.Log
	if log == nil {
		log = slog.Default()
	}
	name := opCtx.OperationName
	if name == "" {
		name = opCtx.Operation.Name
	}
	log.WarnContext(ctx, "graphql: operation ran out of time", "operation", name, "timeout", t.Timeout)
}
