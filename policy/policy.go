// Package policy holds the ent privacy policies: the data layer's enforcement
// of who may see and change what (SPEC section 3).
//
// Every workspace-scoped query is narrowed to the viewer's workspaces, so a
// row of another workspace is simply not there: NOT_FOUND, never a
// different error that would reveal it exists. Mutations also need a role:
// creating or changing a row takes the entity's write role in its workspace
// (FORBIDDEN below it). Bulk updates and deletes are narrowed the same way.
// Code acting for the platform itself (authentication, seeding, jobs) uses
// viewer.System and is not subject to these rules.
package policy

import (
	"context"
	"errors"

	"entgo.io/ent/entql"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/intercept"
	"github.com/woowtech/woow-paas/ent/predicate"
	"github.com/woowtech/woow-paas/ent/privacy"
	"github.com/woowtech/woow-paas/ent/workspace"
	"github.com/woowtech/woow-paas/ent/workspacemember"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/role"
	"github.com/woowtech/woow-paas/viewer"
)

// WorkspacePolicy is the policy of every workspace-scoped entity: reads are
// confined to the viewer's workspaces (those where the viewer may read,
// when read is not ReadWorkspace: invitations are for the admins); writes
// need write there. A zero write leaves the mutation policy to the entity
// (see MemberPolicy).
func WorkspacePolicy(read, write Permission) ent.Policy {
	p := privacy.Policy{
		Query: privacy.QueryPolicy{requireViewer(), inViewerWorkspaces(read), privacy.AlwaysAllowRule()},
	}
	if write != 0 {
		p.Mutation = privacy.MutationPolicy{requireViewer(), requirePermission(write), privacy.AlwaysDenyRule()}
	}
	return withSystem(p)
}

// AppendOnlyPolicy is for the activity feed: members who may write add
// entries; no viewer changes or deletes them.
func AppendOnlyPolicy(write Permission) ent.Policy {
	return withSystem(privacy.Policy{
		Query: privacy.QueryPolicy{requireViewer(), inViewerWorkspaces(ReadWorkspace), privacy.AlwaysAllowRule()},
		Mutation: privacy.MutationPolicy{
			requireViewer(),
			privacy.MutationRuleFunc(func(ctx context.Context, m ent.Mutation) error {
				if !m.Op().Is(ent.OpCreate) {
					return errs.E(errs.Forbidden, "the activity feed cannot be changed")
				}
				return privacy.Skip
			}),
			requirePermission(write),
			privacy.AlwaysDenyRule(),
		},
	})
}

// withSystem lets the platform itself (viewer.System: authentication,
// seeding, jobs) past every rule of p.
func withSystem(p privacy.Policy) privacy.Policy {
	system := privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		if viewer.IsSystem(ctx) {
			return privacy.Allow
		}
		return privacy.Skip
	})
	if p.Query != nil {
		p.Query = append(privacy.QueryPolicy{system}, p.Query...)
	}
	if p.Mutation != nil {
		p.Mutation = append(privacy.MutationPolicy{system}, p.Mutation...)
	}
	return p
}

// WorkspaceEntityPolicy guards the Workspace itself: members read it;
// anyone signed in creates one they own; admins rename it; only the owner
// changes its state (archives it) or deletes it.
func WorkspaceEntityPolicy() ent.Policy {
	return withSystem(privacy.Policy{
		Query: privacy.QueryPolicy{
			requireViewer(),
			privacy.WorkspaceQueryRuleFunc(func(ctx context.Context, q *ent.WorkspaceQuery) error {
				q.Where(workspace.HasMembersWith(workspacemember.UserID(viewer.FromContext(ctx).UserID)))
				return privacy.Skip
			}),
			privacy.AlwaysAllowRule(),
		},
		Mutation: privacy.MutationPolicy{
			requireViewer(),
			privacy.WorkspaceMutationRuleFunc(func(ctx context.Context, m *ent.WorkspaceMutation) error {
				v := viewer.FromContext(ctx)
				switch {
				case m.Op().Is(ent.OpCreate):
					if owner, _ := m.OwnerID(); owner == v.UserID {
						return privacy.Allow
					}
					return errs.E(errs.Forbidden, "a workspace is created by its owner")
				case m.Op().Is(ent.OpUpdateOne):
					id, _ := m.ID()
					p := UpdateWorkspace
					_, state := m.State()
					_, owner := m.OwnerID()
					if state || owner {
						p = AdministerWorkspace
					}
					return allow(Can(ctx, m.Client(), id, p))
				default:
					m.Where(hasPermission(v.UserID, AdministerWorkspace))
					return privacy.Allow
				}
			}),
			privacy.AlwaysDenyRule(),
		},
	})
}

// MemberPolicy guards memberships: admins add, change and remove members;
// anyone may remove their own membership (leave); the creator of a
// workspace adds themselves as its owner. The finer rules (one owner,
// admins assign at most admin) live in package workspaces.
func MemberPolicy() ent.Policy {
	return withSystem(privacy.Policy{
		Mutation: privacy.MutationPolicy{
			requireViewer(),
			privacy.WorkspaceMemberMutationRuleFunc(func(ctx context.Context, m *ent.WorkspaceMemberMutation) error {
				v := viewer.FromContext(ctx)
				switch {
				case m.Op().Is(ent.OpCreate):
					ws, _ := m.WorkspaceID()
					if r, _ := m.Role(); r == role.Owner {
						uid, _ := m.UserID()
						w, err := m.Client().Workspace.Get(viewer.System(ctx), ws)
						if err == nil && uid == v.UserID && w.OwnerID == v.UserID {
							return privacy.Allow
						}
					}
					return allow(Can(ctx, m.Client(), ws, ManageMembers))
				case m.Op().Is(ent.OpUpdateOne):
					ws, err := m.OldWorkspaceID(ctx)
					if err != nil {
						return notFound(err)
					}
					return allow(Can(ctx, m.Client(), ws, ManageMembers))
				case m.Op().Is(ent.OpDelete | ent.OpDeleteOne):
					m.Where(workspacemember.Or(
						workspacemember.UserID(v.UserID),
						workspacemember.HasWorkspaceWith(hasPermission(v.UserID, ManageMembers)),
					))
					return privacy.Allow
				default:
					m.Where(workspacemember.HasWorkspaceWith(hasPermission(v.UserID, ManageMembers)))
					return privacy.Allow
				}
			}),
			privacy.AlwaysDenyRule(),
		},
	})
}

// UserPolicy lets a viewer see themselves and the members of their
// workspaces, and change only themselves. Accounts are created by the
// accounts package in a system context.
func UserPolicy() ent.Policy {
	return withSystem(privacy.Policy{
		Query: privacy.QueryPolicy{
			requireViewer(),
			privacy.UserQueryRuleFunc(func(ctx context.Context, q *ent.UserQuery) error {
				// The users of members just read are members of a
				// workspace the viewer reads (scope.go).
				if loadedThrough(ctx, ent.TypeWorkspaceMember) {
					return privacy.Skip
				}
				q.Where(visibleUsers(viewer.FromContext(ctx).UserID))
				return privacy.Skip
			}),
			privacy.AlwaysAllowRule(),
		},
		Mutation: privacy.MutationPolicy{
			requireViewer(),
			privacy.UserMutationRuleFunc(func(ctx context.Context, m *ent.UserMutation) error {
				if id, ok := m.ID(); ok && m.Op().Is(ent.OpUpdateOne) && id == viewer.FromContext(ctx).UserID {
					if _, changesAdmin := m.PlatformAdmin(); changesAdmin {
						return errs.E(errs.Forbidden, "you cannot change your own platform role")
					}
					return privacy.Allow
				}
				return errs.E(errs.Forbidden, "you can only change your own account")
			}),
			privacy.AlwaysDenyRule(),
		},
	})
}

// SystemOnlyPolicy is for credentials (sessions, OAuth codes and tokens):
// only the code that issues and checks them, in a system context, touches
// them.
func SystemOnlyPolicy() ent.Policy {
	deny := privacy.ContextQueryMutationRule(func(context.Context) error {
		return errs.E(errs.Forbidden, "not available")
	})
	return withSystem(privacy.Policy{
		Query:    privacy.QueryPolicy{deny},
		Mutation: privacy.MutationPolicy{deny},
	})
}

// TemplatePolicy: the marketplace is readable by everyone signed in
// (listing hides inactive templates from non-admins in package catalog, not
// here, so a service of a retired template still shows it); only platform
// admins change it.
func TemplatePolicy() ent.Policy { return ReadableByAllPolicy() }

// ReadableByAllPolicy: any signed-in viewer reads; platform admins write.
func ReadableByAllPolicy() ent.Policy {
	return withSystem(privacy.Policy{
		Query:    privacy.QueryPolicy{requireViewer(), privacy.AlwaysAllowRule()},
		Mutation: privacy.MutationPolicy{requireViewer(), platformAdmin(), privacy.AlwaysDenyRule()},
	})
}

// AdminOnlyPolicy is for platform configuration (AI providers, settings).
func AdminOnlyPolicy() ent.Policy {
	return withSystem(privacy.Policy{
		Query:    privacy.QueryPolicy{requireViewer(), platformAdmin(), privacy.AlwaysDenyRule()},
		Mutation: privacy.MutationPolicy{requireViewer(), platformAdmin(), privacy.AlwaysDenyRule()},
	})
}

// OwnedPolicy is for things a user owns outright (OAuth clients): the owner
// sees and changes them; platform admins see them all (to find a client
// that misbehaves), and change only their own.
func OwnedPolicy() ent.Policy {
	ownerFilter := privacy.FilterFunc(func(ctx context.Context, f privacy.Filter) error {
		of, ok := f.(interface{ WhereOwnerID(entql.IntP) })
		if !ok {
			return privacy.Denyf("%T has no owner", f)
		}
		of.WhereOwnerID(entql.IntEQ(viewer.FromContext(ctx).UserID))
		return privacy.Skip
	})
	adminReads := privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		if viewer.FromContext(ctx).PlatformAdmin {
			return privacy.Allow
		}
		return privacy.Skip
	})
	return withSystem(privacy.Policy{
		Query: privacy.QueryPolicy{requireViewer(), adminReads, ownerFilter, privacy.AlwaysAllowRule()},
		Mutation: privacy.MutationPolicy{
			requireViewer(),
			privacy.OAuthClientMutationRuleFunc(func(ctx context.Context, m *ent.OAuthClientMutation) error {
				if m.Op().Is(ent.OpCreate) {
					if owner, ok := m.OwnerID(); ok && owner == viewer.FromContext(ctx).UserID {
						return privacy.Allow
					}
					return errs.E(errs.Forbidden, "a client is created by its owner")
				}
				return privacy.Skip
			}),
			ownerFilter,
			privacy.AlwaysAllowRule(),
		},
	})
}

// SelfPolicy is for records about the viewer alone (OAuth grants): the
// viewer reads and deletes their own; only the platform creates them.
func SelfPolicy() ent.Policy {
	self := privacy.FilterFunc(func(ctx context.Context, f privacy.Filter) error {
		uf, ok := f.(interface{ WhereUserID(entql.IntP) })
		if !ok {
			return privacy.Denyf("%T has no user", f)
		}
		uf.WhereUserID(entql.IntEQ(viewer.FromContext(ctx).UserID))
		return privacy.Skip
	})
	return withSystem(privacy.Policy{
		Query: privacy.QueryPolicy{requireViewer(), self, privacy.AlwaysAllowRule()},
		Mutation: privacy.MutationPolicy{
			requireViewer(),
			privacy.MutationRuleFunc(func(ctx context.Context, m ent.Mutation) error {
				if !m.Op().Is(ent.OpDelete | ent.OpDeleteOne) {
					return errs.E(errs.Forbidden, "granted by the platform only")
				}
				return privacy.Skip
			}),
			self,
			privacy.AlwaysAllowRule(),
		},
	})
}

// requireViewer denies anonymous requests, and those whose OAuth token
// lacks the operation's scope (oauthscope.go).
func requireViewer() privacy.QueryMutationRule { return viewerRule{} }

func platformAdmin() privacy.QueryMutationRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		if err := PlatformAdmin(ctx); err != nil {
			return err
		}
		return privacy.Allow
	})
}

// PlatformAdmin is the rule of platform administration (templates,
// providers, settings, accounts): nil for a platform admin,
// UNAUTHENTICATED or FORBIDDEN otherwise. The privacy policies use it; so
// do domain operations that must refuse an outsider before looking at its
// input. The platform itself (viewer.System) passes.
func PlatformAdmin(ctx context.Context) error {
	if viewer.IsSystem(ctx) {
		return nil
	}
	v := viewer.FromContext(ctx)
	switch {
	case v == nil:
		return errs.E(errs.Unauthenticated, "sign in first")
	case !v.PlatformAdmin:
		return errs.E(errs.Forbidden, "only platform admins may do this")
	}
	return nil
}

// workspaceScoped is what the entql filter of every entity with
// WorkspaceMixin offers.
type workspaceScoped interface {
	WhereHasWorkspaceWith(...predicate.Workspace)
}

// inViewerWorkspaces narrows a query to the workspaces where the viewer
// may do p (ReadWorkspace: every workspace the viewer is a member of),
// with one index probe of the viewer's membership per row. Rows every
// member reads, loaded as edges of workspaces just read, are not
// filtered again (scope.go).
func inViewerWorkspaces(p Permission) privacy.QueryRule {
	return privacy.QueryRuleFunc(func(ctx context.Context, q ent.Query) error {
		iq, err := intercept.NewQuery(q)
		if err != nil {
			return privacy.Denyf("%T is not a query", q)
		}
		// The entity must have the workspace edge (and so the column).
		if err := privacy.FilterFunc(func(_ context.Context, f privacy.Filter) error {
			if _, ok := f.(workspaceScoped); !ok {
				return privacy.Denyf("%T is not workspace-scoped", f)
			}
			return privacy.Skip
		}).EvalQuery(ctx, q); !errors.Is(err, privacy.Skip) {
			return err
		}
		var roles []string
		if p != ReadWorkspace {
			for _, r := range p.Holders() {
				roles = append(roles, string(r))
			}
			if len(roles) == 0 {
				return privacy.Denyf("no role grants permission %v", p)
			}
		} else if loadedThrough(ctx, ent.TypeWorkspace) {
			return privacy.Skip
		}
		iq.WhereP(inWorkspaceOf(viewer.FromContext(ctx).UserID, roles...))
		return privacy.Skip
	})
}

// hasPermission matches the workspaces where uid holds a role that grants
// p (whatever their state: bulk changes are narrowed with it, and an
// archived workspace's rows do not change in bulk).
func hasPermission(uid int, p Permission) predicate.Workspace {
	return workspace.HasMembersWith(
		workspacemember.UserID(uid), workspacemember.RoleIn(p.Holders()...))
}

// requirePermission checks the viewer's permission in the workspace a
// mutation writes to: created rows name it; a single updated row is read
// (through the query policy, so another workspace's row is NOT_FOUND);
// bulk changes are narrowed to the workspaces where the viewer holds p.
// Rows it points to (a service, a project, an assignee) must belong to the
// same workspace.
func requirePermission(p Permission) privacy.MutationRule {
	return privacy.MutationRuleFunc(func(ctx context.Context, m ent.Mutation) error {
		v := viewer.FromContext(ctx)
		c, ok := m.(interface{ Client() *ent.Client })
		if !ok {
			return privacy.Denyf("%T has no client", m)
		}
		var ws int
		switch {
		case m.Op().Is(ent.OpCreate):
			wm, ok := m.(interface{ WorkspaceID() (int, bool) })
			if !ok {
				return privacy.Denyf("%T is not workspace-scoped", m)
			}
			var set bool
			if ws, set = wm.WorkspaceID(); !set {
				return errs.InvalidField("workspaceId", "a workspace is required")
			}
		case m.Op().Is(ent.OpUpdateOne):
			wm, ok := m.(interface {
				OldWorkspaceID(context.Context) (int, error)
			})
			if !ok {
				return privacy.Denyf("%T is not workspace-scoped", m)
			}
			var err error
			if ws, err = wm.OldWorkspaceID(ctx); err != nil {
				return notFound(err)
			}
		default:
			if err := noReferences(m); err != nil {
				return err
			}
			return privacy.FilterFunc(func(ctx context.Context, f privacy.Filter) error {
				wf, ok := f.(workspaceScoped)
				if !ok {
					return privacy.Denyf("%T is not workspace-scoped", f)
				}
				wf.WhereHasWorkspaceWith(hasPermission(v.UserID, p))
				return privacy.Allow
			}).EvalMutation(ctx, m)
		}
		if err := Can(ctx, c.Client(), ws, p); err != nil {
			return err
		}
		if err := sameWorkspace(ctx, c.Client(), m, ws); err != nil {
			return err
		}
		return privacy.Allow
	})
}

// allow turns Can's answer into a privacy decision.
func allow(err error) error {
	if err != nil {
		return err
	}
	return privacy.Allow
}

// references are the columns of workspace-scoped entities that point at
// other workspace-scoped rows, with how to find the workspace of the row
// pointed at.
var references = map[string]func(ctx context.Context, c *ent.Client, id int) (int, error){
	"service_id": func(ctx context.Context, c *ent.Client, id int) (int, error) {
		r, err := c.Service.Get(ctx, id)
		return field(r, err, func(r *ent.Service) int { return r.WorkspaceID })
	},
	"project_id": func(ctx context.Context, c *ent.Client, id int) (int, error) {
		r, err := c.Project.Get(ctx, id)
		return field(r, err, func(r *ent.Project) int { return r.WorkspaceID })
	},
	"stage_id": func(ctx context.Context, c *ent.Client, id int) (int, error) {
		r, err := c.TaskStage.Get(ctx, id)
		return field(r, err, func(r *ent.TaskStage) int { return r.WorkspaceID })
	},
	"task_id": func(ctx context.Context, c *ent.Client, id int) (int, error) {
		r, err := c.Task.Get(ctx, id)
		return field(r, err, func(r *ent.Task) int { return r.WorkspaceID })
	},
	"thread_id": func(ctx context.Context, c *ent.Client, id int) (int, error) {
		r, err := c.AIThread.Get(ctx, id)
		return field(r, err, func(r *ent.AIThread) int { return r.WorkspaceID })
	},
}

// memberReferences are columns that name a user who must be a member of
// the row's workspace.
var memberReferences = []string{"assignee_id"}

func field[T any](r T, err error, f func(T) int) (int, error) {
	if err != nil {
		return 0, err
	}
	return f(r), nil
}

// sameWorkspace refuses a mutation whose references point outside
// workspace ws: NOT_FOUND, exactly as if the row did not exist, so probing
// another tenant's ids learns nothing.
func sameWorkspace(ctx context.Context, c *ent.Client, m ent.Mutation, ws int) error {
	sys := viewer.System(ctx)
	for _, name := range m.Fields() {
		v, _ := m.Field(name)
		id, ok := v.(int)
		if !ok {
			continue
		}
		if lookup, ok := references[name]; ok {
			got, err := lookup(sys, c, id)
			if ent.IsNotFound(err) || (err == nil && got != ws) {
				return errs.InvalidField(name, "not found in this workspace")
			}
			if err != nil {
				return err
			}
		}
		for _, mr := range memberReferences {
			if name != mr {
				continue
			}
			if _, err := MemberRole(ctx, c, id, ws); err != nil {
				if errs.Is(err, errs.NotFound) {
					return errs.InvalidField(name, "not a member of this workspace")
				}
				return err
			}
		}
	}
	return nil
}

// noReferences refuses bulk updates that re-point references: they could
// not be checked row by row.
func noReferences(m ent.Mutation) error {
	if !m.Op().Is(ent.OpUpdate) {
		return nil
	}
	for _, name := range m.Fields() {
		if _, ok := references[name]; ok {
			return errs.E(errs.Forbidden, "%s can only be changed one row at a time", name)
		}
	}
	return nil
}

func notFound(err error) error {
	if ent.IsNotFound(err) {
		return errs.E(errs.NotFound, "not found")
	}
	return err
}
