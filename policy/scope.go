package policy

import (
	"context"

	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/intercept"
	"github.com/woowtech/woow-paas/ent/user"
	"github.com/woowtech/woow-paas/ent/workspacemember"
)

// Tenancy is enforced once per query shape, not once per edge.
//
// A query's eager-loaded edges (what entgql's CollectFields asks for: a
// page of workspaces with their members and services) are read inside the
// query, right after its own rows, and only for those rows: the loader
// adds "workspace_id IN (the ids just read)". When those rows passed the
// tenancy filter a moment ago, filtering their children by membership
// again proves nothing new and, for users, costs a semi-join over every
// membership of every workspace the viewer is in. So:
//
//   - EdgeScope, an interceptor on every query of the client, records in
//     the context of the query's own execution (where its edges load) the
//     type of the rows it read;
//   - a child's rule asks loadedThrough: workspace-scoped rows readable by
//     every member (ReadWorkspace) loaded under a Workspace, and users
//     loaded under a WorkspaceMember (the member of a workspace the viewer
//     reads is visible by definition), skip their filter.
//
// Anything else filters as usual: rows of a narrower read permission
// (invitations), users reached another way (an activity entry's actor,
// who may have left), and every query that is not an edge load, such as
// Workspace.members followed from a workspace read earlier (a
// subscription's payload after the viewer was removed). A client without
// EdgeScope simply filters everything.
//
// The parent and its children are two statements: a membership removed
// between them is seen as if it had happened just after the read.

// EdgeScope is the interceptor that marks edge loads; store installs it
// on every client it makes. It also tells the read's Memo which
// workspaces the rows it returned belong to (permission.go).
func EdgeScope() ent.Interceptor {
	return ent.InterceptFunc(func(next ent.Querier) ent.Querier {
		return ent.QuerierFunc(func(ctx context.Context, q ent.Query) (ent.Value, error) {
			iq, err := intercept.NewQuery(q)
			if err != nil {
				return next.Query(ctx, q)
			}
			// Each query replaces the mark: its edges see it as their
			// parent, its grandchildren see their own parent.
			v, err := next.Query(context.WithValue(ctx, parentKey{}, iq.Type()), q)
			if err == nil {
				noteWorkspaces(ctx, v)
			}
			return v, err
		})
	})
}

type parentKey struct{}

// loadedThrough reports whether the query being authorised is an edge
// load of rows of type parent (ent type names: "Workspace").
func loadedThrough(ctx context.Context, parent string) bool {
	p, _ := ctx.Value(parentKey{}).(string)
	return p == parent
}

// workspaceColumn is the column of every workspace-scoped entity
// (WorkspaceMixin) that names its workspace.
const workspaceColumn = "workspace_id"

// memberOf is the tenancy test of a row whose workspace is the column
// wsCol: uid is a member there, holding one of roles when given. One
// probe of the (workspace_id, user_id) index per row, however many
// workspaces uid is in.
func memberOf(wsCol string, uid int, roles ...string) *sql.Predicate {
	m := sql.Table(workspacemember.Table).As("vm")
	sub := sql.Select(m.C(workspacemember.FieldWorkspaceID)).From(m).Where(sql.And(
		sql.ColumnsEQ(m.C(workspacemember.FieldWorkspaceID), wsCol),
		sql.EQ(m.C(workspacemember.FieldUserID), uid),
	))
	if len(roles) > 0 {
		vs := make([]any, len(roles))
		for i, r := range roles {
			vs[i] = r
		}
		sub.Where(sql.In(m.C(workspacemember.FieldRole), vs...))
	}
	return sql.Exists(sub)
}

// sharesWorkspace is the visibility of users other than the viewer: the
// user column userCol is a member of a workspace uid is a member of.
// Written as a membership of the user whose workspace has uid as a
// member, with the inner test kept a correlated probe: PostgreSQL would
// otherwise flatten it into a hashed join over every membership of every
// workspace uid is in (11,000 rows for a viewer in 1,000 workspaces, on
// every lookup of a few users). OFFSET 0 is its documented fence against
// pulling a subquery up; SQLite plans correlated subqueries per row
// anyway and does not accept OFFSET without LIMIT.
func sharesWorkspace(s *sql.Selector, userCol string, uid int) *sql.Predicate {
	m := sql.Table(workspacemember.Table).As("um")
	vm := sql.Table(workspacemember.Table).As("vm")
	inner := sql.Select(vm.C(workspacemember.FieldWorkspaceID)).From(vm).Where(sql.And(
		sql.ColumnsEQ(vm.C(workspacemember.FieldWorkspaceID), m.C(workspacemember.FieldWorkspaceID)),
		sql.EQ(vm.C(workspacemember.FieldUserID), uid),
	))
	if s.Dialect() == dialect.Postgres {
		inner.Offset(0)
	}
	return sql.Exists(sql.Select(m.C(workspacemember.FieldUserID)).From(m).Where(sql.And(
		sql.ColumnsEQ(m.C(workspacemember.FieldUserID), userCol),
		sql.Exists(inner),
	)))
}

// visibleUsers narrows a user query to the viewer and the members of the
// viewer's workspaces.
func visibleUsers(uid int) func(*sql.Selector) {
	return func(s *sql.Selector) {
		s.Where(sql.Or(sql.EQ(s.C(user.FieldID), uid), sharesWorkspace(s, s.C(user.FieldID), uid)))
	}
}

// inWorkspaceOf narrows a workspace-scoped query to workspaces where uid
// holds one of roles (any role when none is given).
func inWorkspaceOf(uid int, roles ...string) func(*sql.Selector) {
	return func(s *sql.Selector) {
		s.Where(memberOf(s.C(workspaceColumn), uid, roles...))
	}
}
