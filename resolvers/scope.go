package resolvers

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/policy"
)

// operationScope refuses, before anything runs, an operation that the
// viewer's OAuth token has no scope for: read for queries and
// subscriptions, write for mutations (policy.RequireScope, which the
// privacy rules also apply to every read and write underneath).
type operationScope struct{}

var (
	_ graphql.HandlerExtension     = operationScope{}
	_ graphql.OperationInterceptor = operationScope{}
)

func (operationScope) ExtensionName() string                   { return "OperationScope" }
func (operationScope) Validate(graphql.ExecutableSchema) error { return nil }

func (operationScope) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	oc := graphql.GetOperationContext(ctx)
	if oc == nil || oc.Operation == nil {
		return next(ctx)
	}
	scope := policy.ScopeRead
	if oc.Operation.Operation == ast.Mutation {
		scope = policy.ScopeWrite
	}
	if err := policy.RequireScope(ctx, scope); err != nil {
		pub := errs.Public(err)
		return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{{Message: pub.Message,
			Extensions: map[string]any{"code": string(pub.Code), "reason": pub.Reason}}}})
	}
	return next(ctx)
}
