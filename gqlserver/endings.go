package gqlserver

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/woowtech/woow-paas/push"
)

// StreamEndings lets a subscription end with an error the client reads:
// its source records why (push.End) and closes its channel, and the
// stream's last response carries that error, presented like any other,
// before the transport completes it (SSE and WebSocket alike). A
// subscriber whose access is gone reads NOT_FOUND, not a silent end.
type StreamEndings struct{}

var (
	_ graphql.HandlerExtension     = StreamEndings{}
	_ graphql.OperationInterceptor = StreamEndings{}
	_ graphql.ResponseInterceptor  = StreamEndings{}
)

func (StreamEndings) ExtensionName() string                   { return "StreamEndings" }
func (StreamEndings) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptOperation gives each subscription an Ending its source can
// record into.
func (StreamEndings) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	if oc := graphql.GetOperationContext(ctx); oc != nil && oc.Operation != nil && oc.Operation.Operation == ast.Subscription {
		ctx, _ = push.WithEnding(ctx)
	}
	return next(ctx)
}

// InterceptResponse turns the end of a stream that recorded a reason into
// one more response with that error.
func (StreamEndings) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	if resp != nil {
		return resp
	}
	e := push.EndingFrom(ctx)
	if e == nil {
		return nil
	}
	err := e.Take()
	if err == nil {
		return nil
	}
	graphql.AddError(ctx, err)
	return &graphql.Response{Errors: graphql.GetErrors(ctx)}
}
