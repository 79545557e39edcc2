// Package resolvers holds the GraphQL resolvers: thin translations from
// the API to the domain packages (accounts, workspaces, catalog, ...) and
// the ent client. Rules live in those packages and in the ent privacy
// policies, never here.
package resolvers

import (
	"github.com/99designs/gqlgen/graphql"
	"github.com/woowtech/woow-paas/assistant"
	"github.com/woowtech/woow-paas/board"

	"github.com/woowtech/woow-paas/accounts"
	"github.com/woowtech/woow-paas/activity"
	"github.com/woowtech/woow-paas/catalog"
	"github.com/woowtech/woow-paas/deploy"
	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/graph"
	"github.com/woowtech/woow-paas/oauth"
	"github.com/woowtech/woow-paas/settings"
	"github.com/woowtech/woow-paas/smarthome"
	"github.com/woowtech/woow-paas/workspaces"
)

// Resolver is the root resolver: the services the API is made of.
type Resolver struct {
	Client     *ent.Client
	Accounts   *accounts.Service
	Workspaces *workspaces.Service
	Catalog    *catalog.Service
	Feed       *activity.Feed
	Deploy     *deploy.Deployer
	OAuth      *oauth.Service
	Homes      *smarthome.Homes
	Assistant  *assistant.Service
	Board      *board.Service
	Settings   *settings.Service
}

// NewSchema returns the executable schema with connection costs set
// (see complexity.go).
func NewSchema(r *Resolver) graphql.ExecutableSchema {
	cfg := graph.Config{Resolvers: r}
	setConnectionComplexity(&cfg.Complexity)
	return graph.NewExecutableSchema(cfg)
}
