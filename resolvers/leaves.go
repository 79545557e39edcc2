package resolvers

import (
	"github.com/99designs/gqlgen/graphql"

	"github.com/woowtech/woow-paas/assistant"
	"github.com/woowtech/woow-paas/gqlid"
)

// Leaves renders, by GraphQL type name, the fields of the subscription
// events that come by the thousand a second (the pieces of answers being
// written), so that gqlserver writes them without gqlgen's executor
// (gqlserver.Leaves): each leaf through the marshaler the generated code
// calls for it, and the stored message as null where its resolver
// returns none. gqlserver's tests check, field by field and for the web
// app's own subscriptions, that the bytes are the executor's.
func Leaves() map[string]func(v any, field string) (graphql.Marshaler, bool) {
	return map[string]func(any, string) (graphql.Marshaler, bool){
		"MessageStreamEvent": messageStreamEventLeaf,
	}
}

func messageStreamEventLeaf(v any, field string) (graphql.Marshaler, bool) {
	e, ok := v.(*assistant.Event)
	if !ok {
		return nil, false
	}
	switch field {
	case "messageId":
		return gqlid.MarshalID(e.MessageID), true
	case "delta":
		return graphql.MarshalString(e.Delta), true
	case "status":
		return e.Status, true
	case "reset":
		return graphql.MarshalBoolean(e.Reset), true
	case "message":
		// The stored message comes with a message's first and last events
		// only (StoredMessage): on the pieces between, it is null for
		// everyone, whatever the subscriber selects of it.
		if !e.Stored {
			return graphql.Null, true
		}
	}
	return nil, false
}
