package resolvers

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/woowtech/woow-paas/deploy"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/policy"
)

// Extensions are the gqlgen extensions the schema's resolvers rely on.
func Extensions() []graphql.HandlerExtension {
	return []graphql.HandlerExtension{operationScope{}, permissionMemo{}}
}

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

// permissionMemo gives each root field of a query its own policy.Memo, so a
// page of services answers its viewerCan fields with one lookup of the
// viewer's role, not one per field, and its own deploy.TemplateMemo, so
// that their url and values read the templates once. Mutations change
// roles, and a subscription lives while they change: neither gets one.
type permissionMemo struct{}

var (
	_ graphql.HandlerExtension     = permissionMemo{}
	_ graphql.RootFieldInterceptor = permissionMemo{}
)

func (permissionMemo) ExtensionName() string                   { return "PermissionMemo" }
func (permissionMemo) Validate(graphql.ExecutableSchema) error { return nil }

func (permissionMemo) InterceptRootField(ctx context.Context, next graphql.RootResolver) graphql.Marshaler {
	if oc := graphql.GetOperationContext(ctx); oc != nil && oc.Operation != nil && oc.Operation.Operation == ast.Query {
		ctx = deploy.WithTemplateMemo(policy.WithMemo(ctx))
	}
	return next(ctx)
}
