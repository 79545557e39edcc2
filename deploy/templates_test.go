package deploy

import (
	"testing"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/store"
	"github.com/woowtech/woow-paas/valuespec"
)

// With a TemplateMemo, a page of services reads its templates once; and a
// projection of the template edge (what a GraphQL selection eager-loads)
// never stands in for the template: the password stays masked.
func TestServiceTemplateMemo(t *testing.T) {
	f := newFixture(t, options{})
	other := f.template("other-app", "0.1.0")
	var svcs []*ent.Service
	for i, name := range []string{"one", "two", "three"} {
		tpl := f.tpl
		if i == 2 {
			tpl = other
		}
		s, err := f.svc.Deploy(f.owner, DeployInput{WorkspaceID: f.ws.ID, TemplateID: tpl.ID, Name: name,
			Values: map[string]any{"auth.password": "s3cret-" + name}})
		if err != nil {
			t.Fatal(err)
		}
		s = f.get(s.ID)
		// A selection of { template { id name } }: no specs, no ingress.
		s.Edges.Template = &ent.AppTemplate{ID: tpl.ID, Name: tpl.Name}
		svcs = append(svcs, s)
	}

	read := func(memo bool) int64 {
		ctx, n := store.CountStatements(f.guest)
		if memo {
			ctx = WithTemplateMemo(ctx)
		}
		for _, s := range svcs {
			v, err := f.svc.Values(ctx, s)
			if err != nil {
				t.Fatal(err)
			}
			if v["auth.password"] != valuespec.MaskedValue {
				t.Errorf("%s: Values() shows the password as %v", s.Name, v["auth.password"])
			}
			if u, err := f.svc.URL(ctx, s); err != nil || u == nil {
				t.Errorf("%s: URL() = %v, %v; want the address", s.Name, u, err)
			}
		}
		return n.N()
	}
	if got, want := read(false), int64(2*len(svcs)); got != want {
		t.Errorf("without a memo: %d statements, want %d (one per field)", got, want)
	}
	if got := read(true); got != 1 {
		t.Errorf("with a memo: %d statements, want 1", got)
	}
}
