package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
)

// marshalSlice marshals the elements of a list of objects one after the
// other. The generated code calls it in place of
// graphql.MarshalSliceConcurrently (graph/gqlgen rewrites the call: see
// there why), with the same signature and the same result: each element
// runs under a FieldContext holding its Index, and one whose marshalling
// panics is reported through graphql.AddError and holds Null (unless
// omitPanicHandler), the others being marshalled all the same.
// workerLimit has no meaning here.
func marshalSlice(
	ctx context.Context,
	length int,
	workerLimit int64,
	omitPanicHandler bool,
	marshalElement func(ctx context.Context, i int) graphql.Marshaler,
) graphql.Array {
	ret := make(graphql.Array, length)
	if length == 0 {
		return ret
	}
	// One allocation for every element's index, which the FieldContexts
	// point into.
	indices := make([]int, length)
	for i := range length {
		indices[i] = i
		childCtx := graphql.WithFieldContext(ctx, &graphql.FieldContext{Index: &indices[i]})
		if omitPanicHandler {
			ret[i] = marshalElement(childCtx, i)
		} else {
			ret[i] = marshalRecovering(childCtx, i, marshalElement)
		}
	}
	return ret
}

func marshalRecovering(ctx context.Context, i int, marshalElement func(ctx context.Context, i int) graphql.Marshaler) (m graphql.Marshaler) {
	defer func() {
		if r := recover(); r != nil {
			graphql.AddError(ctx, graphql.Recover(ctx, r))
			m = graphql.Null
		}
	}()
	return marshalElement(ctx, i)
}
