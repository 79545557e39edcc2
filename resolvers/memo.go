package resolvers

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/woowtech/woow-paas/deploy"
	"github.com/woowtech/woow-paas/policy"
)

// Extensions are the gqlgen extensions the schema's resolvers rely on.
func Extensions() []graphql.HandlerExtension {
	return []graphql.HandlerExtension{operationScope{}, permissionMemo{}}
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
