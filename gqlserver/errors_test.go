package gqlserver

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"reflect"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/woowtech/woow-paas/errs"
)

func TestPresenter(t *testing.T) {
	path := ast.Path{ast.PathName("project"), ast.PathIndex(2), ast.PathName("owner")}
	validation := gqlerror.Errorf(`Cannot query field "x" on type "Query".`)
	errcode.Set(validation, errcode.ValidationFailed)
	parse := gqlerror.Errorf("Unexpected <EOF>")
	errcode.Set(parse, errcode.ParseFailed)

	for _, tc := range []struct {
		name    string
		err     error
		message string
		ext     map[string]any
		path    ast.Path
		logged  string
	}{
		{
			name:    "domain error",
			err:     errs.E(errs.NotFound, "project %d not found", 7),
			message: "project 7 not found",
			ext:     map[string]any{"code": "NOT_FOUND"},
		},
		{
			name:    "wrapped domain error keeps its message only",
			err:     fmt.Errorf("load owner of row 9: %w", errs.E(errs.Forbidden, "not your project")),
			message: "not your project",
			ext:     map[string]any{"code": "FORBIDDEN"},
		},
		{
			name:    "domain error on a path with a field",
			err:     gqlerror.WrapPath(path, errs.InvalidField("values.auth.username", "is required")),
			message: "is required",
			ext:     map[string]any{"code": "BAD_USER_INPUT", "field": "values.auth.username"},
			path:    path,
		},
		{
			name:    "every code passes through",
			err:     errs.E(errs.TooManyRequests, "slow down"),
			message: "slow down",
			ext:     map[string]any{"code": "TOO_MANY_REQUESTS"},
		},
		{
			name:    "internal domain error is hidden",
			err:     errs.E(errs.Internal, "connection refused to 10.0.0.5"),
			message: "internal error",
			ext:     map[string]any{"code": "INTERNAL"},
			logged:  "connection refused to 10.0.0.5",
		},
		{
			name:    "plain error is hidden",
			err:     gqlerror.WrapPath(path, errors.New("pq: relation users does not exist")),
			message: "internal error",
			ext:     map[string]any{"code": "INTERNAL"},
			path:    path,
			logged:  "pq: relation users does not exist",
		},
		{
			name:    "classified foreign error",
			err:     fmt.Errorf("get: %w", foreignError{}),
			message: "not found",
			ext:     map[string]any{"code": "NOT_FOUND"},
		},
		{
			name:    "validation error unchanged",
			err:     validation,
			message: validation.Message,
			ext:     map[string]any{"code": "GRAPHQL_VALIDATION_FAILED"},
		},
		{
			name:    "parse error unchanged",
			err:     parse,
			message: parse.Message,
			ext:     map[string]any{"code": "GRAPHQL_PARSE_FAILED"},
		},
		{
			name:    "deliberate gqlerror unchanged",
			err:     &gqlerror.Error{Message: "custom", Path: path, Extensions: map[string]any{"code": "X"}},
			message: "custom",
			ext:     map[string]any{"code": "X"},
			path:    path,
		},
		{
			name:    "gqlerror wrapping a plain error is hidden",
			err:     &gqlerror.Error{Message: "db said no", Err: errors.New("db said no"), Extensions: map[string]any{"code": "X"}},
			message: "internal error",
			ext:     map[string]any{"code": "INTERNAL"},
			logged:  "db said no",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			logs := &logBuffer{}
			present := PresenterWith(slog.New(slog.NewTextHandler(logs, nil)), classifyForeign)
			got := present(context.Background(), tc.err)
			if got.Message != tc.message {
				t.Errorf("message = %q, want %q", got.Message, tc.message)
			}
			if !reflect.DeepEqual(got.Extensions, tc.ext) {
				t.Errorf("extensions = %v, want %v", got.Extensions, tc.ext)
			}
			if got.Path.String() != tc.path.String() {
				t.Errorf("path = %q, want %q", got.Path, tc.path)
			}
			if tc.logged == "" && logs.String() != "" {
				t.Errorf("logged: %s", logs)
			}
			if tc.logged != "" && !strings.Contains(logs.String(), tc.logged) {
				t.Errorf("log %q lacks %q", logs, tc.logged)
			}
		})
	}
}

func TestPresenterWithoutClassify(t *testing.T) {
	got := Presenter(slog.New(slog.DiscardHandler))(context.Background(), foreignError{})
	if got.Message != "internal error" || got.Extensions["code"] != "INTERNAL" {
		t.Fatalf("got %+v", got)
	}
	if Presenter(nil)(context.Background(), nil) != nil {
		t.Fatal("nil error presented")
	}
}

// The presenter builds new errors: a shared *gqlerror.Error (a package-level
// variable in a resolver) must not be modified.
func TestPresenterDoesNotModifyInput(t *testing.T) {
	shared := gqlerror.WrapPath(ast.Path{ast.PathName("a")}, errs.E(errs.Conflict, "taken"))
	before := *shared
	got := Presenter(slog.New(slog.DiscardHandler))(context.Background(), shared)
	if got == shared || !reflect.DeepEqual(*shared, before) {
		t.Fatalf("input modified: %+v", shared)
	}
}

func TestRecover(t *testing.T) {
	logs := &logBuffer{}
	err := Recover(slog.New(slog.NewTextHandler(logs, nil)))(context.Background(), "index out of range [3]")
	var g *gqlerror.Error
	if !errors.As(err, &g) || g.Message != "internal error" || g.Extensions["code"] != "INTERNAL" {
		t.Fatalf("got %#v", err)
	}
	if !strings.Contains(logs.String(), "index out of range [3]") || !strings.Contains(logs.String(), "stack=") {
		t.Fatalf("log: %s", logs)
	}
	// And the presenter passes it on unchanged.
	if p := Presenter(slog.New(slog.DiscardHandler))(context.Background(), err); p != g {
		t.Fatalf("presenter changed the recovered error: %+v", p)
	}
	var _ graphql.RecoverFunc = Recover(nil)
}
