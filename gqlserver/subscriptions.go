package gqlserver

import (
	"context"
	"log/slog"
	"sync"
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/woowtech/woow-paas/errs"
)

// connSubscriptions counts the live subscriptions of one WebSocket
// connection; the connection's init puts it in the connection context.
type connSubscriptions struct{ n atomic.Int32 }

type connSubscriptionsKey struct{}

func withSubscriptionCounter(ctx context.Context) context.Context {
	return context.WithValue(ctx, connSubscriptionsKey{}, &connSubscriptions{})
}

// codeTooManyRequests is the code of SubscriptionLimit's refusal.
const codeTooManyRequests = string(errs.TooManyRequests)

// SubscriptionLimit caps the concurrent subscriptions of one WebSocket
// connection, so one client cannot hold unbounded server resources
// through a single socket. A subscribe over the limit gets an error
// (extensions.code TOO_MANY_REQUESTS); the others continue.
type SubscriptionLimit struct {
	Max int

	// Log receives one Warn line per refusal. Nil: slog.Default().
	Log *slog.Logger
}

var (
	_ graphql.HandlerExtension     = SubscriptionLimit{}
	_ graphql.OperationInterceptor = SubscriptionLimit{}
)

// ExtensionName implements graphql.HandlerExtension.
func (SubscriptionLimit) ExtensionName() string { return "SubscriptionLimit" }

// Validate implements graphql.HandlerExtension.
func (SubscriptionLimit) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptOperation counts subscriptions in and out.
func (l SubscriptionLimit) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	c, _ := ctx.Value(connSubscriptionsKey{}).(*connSubscriptions)
	oc := graphql.GetOperationContext(ctx)
	if c == nil || oc == nil || oc.Operation == nil || oc.Operation.Operation != ast.Subscription {
		return next(ctx)
	}
	if n := c.n.Add(1); n > int32(l.Max) {
		c.n.Add(-1)
		logRefusal(ctx, l.Log, codeTooManyRequests, l.Max, int(n))
		err := gqlerror.Errorf("at most %d subscriptions per connection", l.Max)
		err.Extensions = map[string]any{"code": codeTooManyRequests}
		return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{err}})
	}
	var once sync.Once
	release := func() { once.Do(func() { c.n.Add(-1) }) }
	// The operation's context ends when the client completes it or the
	// connection closes; a stream that ends by itself releases at its end.
	context.AfterFunc(ctx, release)
	h := next(ctx)
	return func(ctx context.Context) *graphql.Response {
		r := h(ctx)
		if r == nil {
			release()
		}
		return r
	}
}
