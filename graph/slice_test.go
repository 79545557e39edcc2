package graph

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/99designs/gqlgen/graphql"
)

// The executor must stay sequential (graph/gqlgen): no goroutine per field
// or per list element in the generated code.
func TestGeneratedCodeIsSequential(t *testing.T) {
	src, err := os.ReadFile("generated.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"ResolveConcurrently", "ResolveRootConcurrently", "MarshalSliceConcurrently", ".Concurrently(", "NewDeferredGroup"} {
		if bytes.Contains(src, []byte(s)) {
			t.Errorf("generated.go calls %s: regenerate with graph/gqlgen (make generate)", s)
		}
	}
	if !bytes.Contains(src, []byte("marshalSlice(ctx, len(v), ")) {
		t.Error("generated.go never calls marshalSlice")
	}
}

// marshalSlice behaves as graphql.MarshalSliceConcurrently: each element
// sees its index, in order; a panicking element is reported and null, the
// others are marshalled.
func TestMarshalSlice(t *testing.T) {
	ctx := graphql.WithResponseContext(context.Background(), graphql.DefaultErrorPresenter,
		func(_ context.Context, r any) error { return fmt.Errorf("panic: %v", r) })
	var seen []int
	got := marshalSlice(ctx, 3, 0, false, func(ctx context.Context, i int) graphql.Marshaler {
		if idx := *graphql.GetFieldContext(ctx).Index; idx != i {
			t.Errorf("element %d has index %d", i, idx)
		}
		seen = append(seen, i)
		if i == 1 {
			panic("boom")
		}
		return graphql.MarshalInt(i)
	})
	if len(seen) != 3 || seen[0] != 0 || seen[1] != 1 || seen[2] != 2 {
		t.Errorf("elements ran as %v, want [0 1 2]", seen)
	}
	var buf bytes.Buffer
	got.MarshalGQL(&buf)
	if buf.String() != "[0,null,2]" {
		t.Errorf("got %s, want [0,null,2]", buf.String())
	}
	if errs := graphql.GetErrors(ctx); len(errs) != 1 {
		t.Errorf("%d errors reported, want 1: %v", len(errs), errs)
	}
	if n := len(marshalSlice(ctx, 0, 0, false, nil)); n != 0 {
		t.Errorf("empty list has %d elements", n)
	}
}
