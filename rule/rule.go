// Package rule holds the ent privacy policies: the data layer's enforcement
// of who may see and change what (SPEC section 3).
//
// Every workspace-scoped query is narrowed to the viewer's workspaces, so a
// row of another workspace is simply not there: NOT_FOUND, never a
// different error that would reveal it exists. Mutations also need a role:
// creating or changing a row takes the entity's write role in its workspace
// (FORBIDDEN below it). Bulk updates and deletes are narrowed the same way.
// Code acting for the platform itself (authentication, seeding, jobs) uses
// viewer.System and is not subject to these rules.
package rule

import (
	"context"

	"entgo.io/ent/entql"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/predicate"
	"github.com/woowtech/woow-paas/ent/privacy"
	"github.com/woowtech/woow-paas/ent/user"
	"github.com/woowtech/woow-paas/ent/workspace"
	"github.com/woowtech/woow-paas/ent/workspacemember"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/role"
	"github.com/woowtech/woow-paas/viewer"
)

// WorkspacePolicy is the policy of every workspace-scoped entity: reads are
// confined to the viewer's workspaces; writes need at least min there. An
// empty min leaves the mutation policy to the entity (see MemberPolicy).
func WorkspacePolicy(min role.Role) ent.Policy {
	p := privacy.Policy{
		Query: privacy.QueryPolicy{requireViewer(), inViewerWorkspaces(), privacy.AlwaysAllowRule()},
	}
	if min != "" {
		p.Mutation = privacy.MutationPolicy{requireViewer(), requireRole(min), privacy.AlwaysDenyRule()}
	}
	return p
}

// WorkspaceEntityPolicy guards the Workspace itself: members read it;
// anyone signed in creates one they own; admins rename it; only the owner
// changes its state (archives it) or deletes it.
func WorkspaceEntityPolicy() ent.Policy {
	return privacy.Policy{
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
					min := role.Admin
					if _, ok := m.State(); ok {
						min = role.Owner
					}
					if _, ok := m.OwnerID(); ok {
						min = role.Owner
					}
					return checkRole(ctx, m.Client(), v, id, min)
				default:
					m.Where(workspace.HasMembersWith(
						workspacemember.UserID(v.UserID), workspacemember.RoleEQ(role.Owner)))
					return privacy.Allow
				}
			}),
			privacy.AlwaysDenyRule(),
		},
	}
}

// MemberPolicy guards memberships: admins add, change and remove members;
// anyone may remove their own membership (leave); the creator of a
// workspace adds themselves as its owner. The finer rules (one owner,
// admins assign at most admin) live in package workspaces.
func MemberPolicy() ent.Policy {
	return privacy.Policy{
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
					return checkRole(ctx, m.Client(), v, ws, role.Admin)
				case m.Op().Is(ent.OpUpdateOne):
					ws, err := m.OldWorkspaceID(ctx)
					if err != nil {
						return notFound(err)
					}
					return checkRole(ctx, m.Client(), v, ws, role.Admin)
				case m.Op().Is(ent.OpDelete | ent.OpDeleteOne):
					m.Where(workspacemember.Or(
						workspacemember.UserID(v.UserID),
						workspacemember.HasWorkspaceWith(hasRole(v.UserID, role.Admin)),
					))
					return privacy.Allow
				default:
					m.Where(workspacemember.HasWorkspaceWith(hasRole(v.UserID, role.Admin)))
					return privacy.Allow
				}
			}),
			privacy.AlwaysDenyRule(),
		},
	}
}

// UserPolicy lets a viewer see themselves and the members of their
// workspaces, and change only themselves. Accounts are created by the
// accounts package in a system context.
func UserPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			requireViewer(),
			privacy.UserQueryRuleFunc(func(ctx context.Context, q *ent.UserQuery) error {
				uid := viewer.FromContext(ctx).UserID
				q.Where(user.Or(
					user.ID(uid),
					user.HasMembershipsWith(workspacemember.HasWorkspaceWith(
						workspace.HasMembersWith(workspacemember.UserID(uid)))),
				))
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
	}
}

// SystemOnlyPolicy is for credentials (sessions, OAuth codes and tokens):
// only the code that issues and checks them, in a system context, touches
// them.
func SystemOnlyPolicy() ent.Policy {
	deny := privacy.ContextQueryMutationRule(func(context.Context) error {
		return errs.E(errs.Forbidden, "not available")
	})
	return privacy.Policy{
		Query:    privacy.QueryPolicy{deny},
		Mutation: privacy.MutationPolicy{deny},
	}
}

// TemplatePolicy: the marketplace is readable by everyone signed in
// (listing hides inactive templates from non-admins in package catalog, not
// here, so a service of a retired template still shows it); only platform
// admins change it.
func TemplatePolicy() ent.Policy { return ReadableByAllPolicy() }

// ReadableByAllPolicy: any signed-in viewer reads; platform admins write.
func ReadableByAllPolicy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{requireViewer(), privacy.AlwaysAllowRule()},
		Mutation: privacy.MutationPolicy{requireViewer(), platformAdmin(), privacy.AlwaysDenyRule()},
	}
}

// AdminOnlyPolicy is for platform configuration (AI providers, settings).
func AdminOnlyPolicy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{requireViewer(), platformAdmin(), privacy.AlwaysDenyRule()},
		Mutation: privacy.MutationPolicy{requireViewer(), platformAdmin(), privacy.AlwaysDenyRule()},
	}
}

// OwnedPolicy is for things a user owns outright (OAuth clients): the owner
// sees and changes them.
func OwnedPolicy() ent.Policy {
	ownerFilter := privacy.FilterFunc(func(ctx context.Context, f privacy.Filter) error {
		of, ok := f.(interface{ WhereOwnerID(entql.IntP) })
		if !ok {
			return privacy.Denyf("%T has no owner", f)
		}
		of.WhereOwnerID(entql.IntEQ(viewer.FromContext(ctx).UserID))
		return privacy.Skip
	})
	return privacy.Policy{
		Query: privacy.QueryPolicy{requireViewer(), ownerFilter, privacy.AlwaysAllowRule()},
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
	}
}

// requireViewer denies anonymous requests.
func requireViewer() privacy.QueryMutationRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		if viewer.FromContext(ctx) == nil {
			return errs.E(errs.Unauthenticated, "sign in first")
		}
		return privacy.Skip
	})
}

func platformAdmin() privacy.QueryMutationRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		if viewer.FromContext(ctx).PlatformAdmin {
			return privacy.Allow
		}
		return errs.E(errs.Forbidden, "only platform admins may do this")
	})
}

// workspaceScoped is what the entql filter of every entity with
// WorkspaceMixin offers.
type workspaceScoped interface {
	WhereHasWorkspaceWith(...predicate.Workspace)
}

// inViewerWorkspaces narrows a query to the viewer's workspaces.
func inViewerWorkspaces() privacy.QueryRule {
	return privacy.FilterFunc(func(ctx context.Context, f privacy.Filter) error {
		wf, ok := f.(workspaceScoped)
		if !ok {
			return privacy.Denyf("%T is not workspace-scoped", f)
		}
		wf.WhereHasWorkspaceWith(workspace.HasMembersWith(
			workspacemember.UserID(viewer.FromContext(ctx).UserID)))
		return privacy.Skip
	})
}

// hasRole matches the workspaces where uid has at least min.
func hasRole(uid int, min role.Role) predicate.Workspace {
	return workspace.HasMembersWith(
		workspacemember.UserID(uid), workspacemember.RoleIn(role.AtLeastList(min)...))
}

// requireRole checks the viewer's role in the workspace a mutation writes
// to: created rows name it; a single updated row is read (through the
// query policy, so another workspace's row is NOT_FOUND); bulk changes are
// narrowed to the workspaces where the viewer has the role.
func requireRole(min role.Role) privacy.MutationRule {
	return privacy.MutationRuleFunc(func(ctx context.Context, m ent.Mutation) error {
		v := viewer.FromContext(ctx)
		c, ok := m.(interface{ Client() *ent.Client })
		if !ok {
			return privacy.Denyf("%T has no client", m)
		}
		switch {
		case m.Op().Is(ent.OpCreate):
			wm, ok := m.(interface{ WorkspaceID() (int, bool) })
			if !ok {
				return privacy.Denyf("%T is not workspace-scoped", m)
			}
			ws, set := wm.WorkspaceID()
			if !set {
				return errs.InvalidField("workspaceId", "a workspace is required")
			}
			return checkRole(ctx, c.Client(), v, ws, min)
		case m.Op().Is(ent.OpUpdateOne):
			wm, ok := m.(interface {
				OldWorkspaceID(context.Context) (int, error)
			})
			if !ok {
				return privacy.Denyf("%T is not workspace-scoped", m)
			}
			ws, err := wm.OldWorkspaceID(ctx)
			if err != nil {
				return notFound(err)
			}
			return checkRole(ctx, c.Client(), v, ws, min)
		default:
			return privacy.FilterFunc(func(ctx context.Context, f privacy.Filter) error {
				wf, ok := f.(workspaceScoped)
				if !ok {
					return privacy.Denyf("%T is not workspace-scoped", f)
				}
				wf.WhereHasWorkspaceWith(hasRole(v.UserID, min))
				return privacy.Allow
			}).EvalMutation(ctx, m)
		}
	})
}

// checkRole allows when the viewer has at least min in workspace ws. An
// outsider gets NOT_FOUND, a member below min FORBIDDEN.
func checkRole(ctx context.Context, c *ent.Client, v *viewer.Viewer, ws int, min role.Role) error {
	r, err := RoleIn(ctx, c, v.UserID, ws)
	if err != nil {
		return err
	}
	if !r.AtLeast(min) {
		return errs.E(errs.Forbidden, "this needs the %s role or higher in the workspace", min)
	}
	return privacy.Allow
}

// RoleIn returns uid's role in workspace ws; NOT_FOUND when uid is not a
// member (the workspace might as well not exist).
func RoleIn(ctx context.Context, c *ent.Client, uid, ws int) (role.Role, error) {
	m, err := c.WorkspaceMember.Query().
		Where(workspacemember.WorkspaceID(ws), workspacemember.UserID(uid)).
		Only(viewer.System(ctx))
	if ent.IsNotFound(err) {
		return "", errs.E(errs.NotFound, "workspace not found")
	}
	if err != nil {
		return "", err
	}
	return m.Role, nil
}

func notFound(err error) error {
	if ent.IsNotFound(err) {
		return errs.E(errs.NotFound, "not found")
	}
	return err
}
