package resolvers

import (
	"reflect"
	"testing"

	"entgo.io/contrib/entgql"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/apptemplate"
	"github.com/woowtech/woow-paas/graph"
)

func intp(n int) *int { return &n }

// fakeRoot has fields of the shapes gqlgen generates.
type fakeRoot struct {
	Query struct {
		Things func(childComplexity int, after *entgql.Cursor[int], first *int, before *entgql.Cursor[int], last *int, where *string) int
		Search func(childComplexity int, category *string, search *string, after *entgql.Cursor[int], first *int, before *entgql.Cursor[int], last *int) int
		Node   func(childComplexity int, id int) int
		// Limit has an *int argument but is no connection.
		Limit func(childComplexity int, limit *int) int
	}
	Name func(childComplexity int) int
}

func TestConnectionComplexityFakeRoot(t *testing.T) {
	var root fakeRoot
	setConnectionComplexity(&root)
	if root.Query.Things == nil || root.Query.Search == nil {
		t.Fatal("connection fields were not priced")
	}
	if root.Query.Node != nil || root.Query.Limit != nil || root.Name != nil {
		t.Error("a field that is no connection was priced")
	}
	tests := []struct {
		name        string
		first, last *int
		child       int
		want        int
	}{
		{"first=10", intp(10), nil, 3, 1 + 10*3},
		{"last=5", nil, intp(5), 3, 1 + 5*3},
		{"neither", nil, nil, 3, 1 + MaxPageSize*3},
		{"neither, child 1", nil, nil, 1, 1 + MaxPageSize},
		{"first=0 counts one", intp(0), nil, 7, 1 + 7},
		{"negative counts one", intp(-3), nil, 7, 1 + 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := root.Query.Things(tt.child, nil, tt.first, nil, tt.last, nil); got != tt.want {
				t.Errorf("Things = %d, want %d", got, tt.want)
			}
			if got := root.Query.Search(tt.child, nil, nil, nil, tt.first, nil, tt.last); got != tt.want {
				t.Errorf("Search = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestConnectionComplexityGenerated(t *testing.T) {
	var root graph.ComplexityRoot
	setConnectionComplexity(&root)

	ws := root.Query.Workspaces
	if ws == nil {
		t.Fatal("Query.workspaces was not priced")
	}
	var o *ent.WorkspaceOrder
	var w *ent.WorkspaceWhereInput
	if got := ws(2, nil, intp(10), nil, nil, w, o); got != 21 {
		t.Errorf("workspaces(first: 10) with child 2 = %d, want 21", got)
	}
	if got := ws(2, nil, nil, nil, intp(5), w, o); got != 11 {
		t.Errorf("workspaces(last: 5) with child 2 = %d, want 11", got)
	}
	if got := ws(2, nil, nil, nil, nil, w, o); got != 201 {
		t.Errorf("workspaces() with child 2 = %d, want 201", got)
	}

	members := root.Workspace.Members
	if members == nil {
		t.Fatal("Workspace.members was not priced")
	}
	if got := members(4, nil, intp(10), nil, nil, nil, nil); got != 41 {
		t.Errorf("members(first: 10) with child 4 = %d, want 41", got)
	}

	// The cursor arguments come after others here.
	tpl := root.Query.AppTemplates
	if tpl == nil {
		t.Fatal("Query.appTemplates was not priced")
	}
	var cat *apptemplate.Category
	if got := tpl(1, cat, nil, nil, intp(10), nil, nil, nil, nil); got != 11 {
		t.Errorf("appTemplates(first: 10) = %d, want 11", got)
	}
	if got := tpl(1, cat, nil, nil, nil, nil, nil, nil, nil); got != 101 {
		t.Errorf("appTemplates() = %d, want 101", got)
	}

	// Every connection field of the generated schema is priced, and
	// nothing else is.
	cursor := reflect.TypeOf((*entgql.Cursor[int])(nil))
	var priced, missed []string
	var visit func(v reflect.Value, path string)
	visit = func(v reflect.Value, path string) {
		for i := 0; i < v.NumField(); i++ {
			f, name := v.Field(i), path+"."+v.Type().Field(i).Name
			switch f.Kind() {
			case reflect.Struct:
				visit(f, name)
			case reflect.Func:
				isConn := false
				for j := 0; j < f.Type().NumIn(); j++ {
					if f.Type().In(j) == cursor {
						isConn = true
					}
				}
				switch {
				case isConn && f.IsNil():
					missed = append(missed, name)
				case isConn:
					priced = append(priced, name)
				case !f.IsNil():
					t.Errorf("%s is no connection but was priced", name)
				}
			}
		}
	}
	visit(reflect.ValueOf(root), "ComplexityRoot")
	if len(missed) > 0 {
		t.Errorf("connection fields left unpriced: %v", missed)
	}
	if len(priced) < 10 {
		t.Errorf("only %d connection fields priced: %v", len(priced), priced)
	}
}
