package policy

import (
	"context"
	"sync"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/workspace"
	"github.com/woowtech/woow-paas/ent/workspacemember"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/role"
	"github.com/woowtech/woow-paas/viewer"
)

// Permission is something a member may do in a workspace. It is the one
// statement of who may do it: the privacy policies (the schema names the
// permission that reads and writes each entity), the domain's checks
// before it reads a request's input (Can), and the viewerCan fields the
// web app shows (ViewerCan) all ask the same Permission.
type Permission int

const (
	// ReadWorkspace: see the workspace and what is in it.
	ReadWorkspace Permission = iota + 1
	// RecordActivity: add to the activity feed (also of an archived
	// workspace: leaving one is news).
	RecordActivity
	// UpdateWorkspace: rename it, change its description.
	UpdateWorkspace
	// ManageMembers: invite, change roles, remove members.
	ManageMembers
	// ReadInvitations: see the invitations sent (they carry addresses).
	ReadInvitations
	// AdministerWorkspace: archive it, transfer its ownership.
	AdministerWorkspace
	// OperateServices: deploy, upgrade, stop, start, roll back, delete.
	OperateServices
	// InspectServices: read a service's manifests and value diffs (they
	// are derived from its configuration; also once archived).
	InspectServices
	// ManageSmartHomes: register and configure smart homes.
	ManageSmartHomes
	// ReadTunnelToken: read a smart home's tunnel token (what runs its
	// connector); an OAuth token needs smarthome:tunnel for it.
	ReadTunnelToken
	// WriteProjects: create and change projects, stages and tasks.
	WriteProjects
	// Chat: talk to the workspace's assistants.
	Chat
)

// Min is the least role that grants p.
func (p Permission) Min() role.Role {
	switch p {
	case ReadWorkspace, RecordActivity:
		return role.Guest
	case WriteProjects, Chat:
		return role.User
	case UpdateWorkspace, ManageMembers, ReadInvitations, OperateServices, InspectServices, ManageSmartHomes, ReadTunnelToken:
		return role.Admin
	case AdministerWorkspace:
		return role.Owner
	}
	return "" // an unknown permission: granted to nobody (see Can)
}

// OnArchived reports whether an archived workspace still allows p.
// Nothing changes in an archived workspace, but it stays readable, and
// its feed records who leaves.
func (p Permission) OnArchived() bool {
	switch p {
	case ReadWorkspace, RecordActivity, ReadInvitations, InspectServices:
		return true
	}
	return false
}

// Holders lists the roles that grant p, for SQL IN filters.
func (p Permission) Holders() []role.Role {
	if !p.Min().Valid() {
		return nil
	}
	return role.AtLeastList(p.Min())
}

// Can is nil when the viewer may do p in workspace ws; otherwise
// UNAUTHENTICATED (anonymous), NOT_FOUND (not a member: the workspace
// might as well not exist), FORBIDDEN (a role below p's) or CONFLICT (the
// workspace is archived and p changes it); FORBIDDEN with the reason
// insufficient_scope when an OAuth token lacks p's scope. The platform itself
// (viewer.System) may do anything. Domain operations call it first, so
// that an outsider is refused before its input is read.
func Can(ctx context.Context, c *ent.Client, ws int, p Permission) error {
	if viewer.IsSystem(ctx) {
		return nil
	}
	v := viewer.FromContext(ctx)
	if v == nil {
		return errs.E(errs.Unauthenticated, "sign in first")
	}
	st, err := standingOf(ctx, c, v.UserID, ws)
	if err != nil {
		return err
	}
	if err := RequireScope(ctx, p.scope()); err != nil {
		return err
	}
	if !p.Min().Valid() || !st.role.AtLeast(p.Min()) {
		return errs.E(errs.Forbidden, "this needs the %s role or higher in the workspace", p.Min())
	}
	if st.archived && !p.OnArchived() {
		return errs.E(errs.Conflict, "the workspace is archived")
	}
	return nil
}

// ViewerCan answers Can as a yes or no, for the viewerCan fields: a
// refusal is false; only a failure to find out is an error.
func ViewerCan(ctx context.Context, c *ent.Client, ws int, p Permission) (bool, error) {
	err := Can(ctx, c, ws, p)
	switch {
	case err == nil:
		return true, nil
	case errs.Is(err, errs.Unauthenticated), errs.Is(err, errs.NotFound),
		errs.Is(err, errs.Forbidden), errs.Is(err, errs.Conflict):
		return false, nil
	}
	return false, err
}

// MemberRole returns uid's role in workspace ws; NOT_FOUND when uid is not a
// member (the workspace might as well not exist).
func MemberRole(ctx context.Context, c *ent.Client, uid, ws int) (role.Role, error) {
	st, err := standingOf(ctx, c, uid, ws)
	return st.role, err
}

// standing is what every permission check needs to know of a member.
type standing struct {
	member   bool
	role     role.Role
	archived bool
}

// standingOf reads uid's standing in ws, or takes it from the context's
// Memo. On a miss the Memo's candidates (the workspaces of the rows this
// read returned) are read with it, in the same statement: a page of
// twenty workspaces asking viewerRole costs one query, not twenty.
func standingOf(ctx context.Context, c *ent.Client, uid, ws int) (standing, error) {
	m, _ := ctx.Value(memoKey{}).(*Memo)
	if m == nil {
		seen, err := readStandings(ctx, c, uid, []int{ws})
		if err != nil {
			return standing{}, err
		}
		return found(seen[ws])
	}
	key := [2]int{uid, ws}
	m.mu.Lock()
	if st, ok := m.seen[key]; ok {
		m.mu.Unlock()
		return found(st)
	}
	want := []int{ws}
	for id := range m.candidates {
		if _, ok := m.seen[[2]int{uid, id}]; !ok && id != ws {
			want = append(want, id)
		}
	}
	clear(m.candidates)
	m.mu.Unlock()
	seen, err := readStandings(ctx, c, uid, want)
	if err != nil {
		return standing{}, err
	}
	m.mu.Lock()
	for _, id := range want {
		m.seen[[2]int{uid, id}] = seen[id]
	}
	m.mu.Unlock()
	return found(seen[ws])
}

func found(st standing) (standing, error) {
	if !st.member {
		return standing{}, errs.E(errs.NotFound, "workspace not found")
	}
	return st, nil
}

// readStandings reads uid's standing in each of wss (absent: not a
// member).
func readStandings(ctx context.Context, c *ent.Client, uid int, wss []int) (map[int]standing, error) {
	mems, err := c.WorkspaceMember.Query().
		Where(workspacemember.WorkspaceIDIn(wss...), workspacemember.UserID(uid)).
		WithWorkspace(func(q *ent.WorkspaceQuery) { q.Select(workspace.FieldState) }).
		All(viewer.System(ctx))
	if err != nil {
		return nil, err
	}
	out := make(map[int]standing, len(mems))
	for _, mem := range mems {
		out[mem.WorkspaceID] = standing{member: true, role: mem.Role, archived: mem.Edges.Workspace.State == workspace.StateArchived}
	}
	return out, nil
}

// Memo remembers standings for the length of one read: a page of a
// hundred services asks the same question of the same workspace five
// hundred times. Only reads may use one (a mutation changes what it
// remembers), and not a subscription's lifetime (roles change while it
// runs): the GraphQL server gives each root field of a query its own.
type Memo struct {
	mu   sync.Mutex
	seen map[[2]int]standing
	// candidates are workspaces this read returned rows of (EdgeScope
	// notes them), whose standings the next miss reads at once.
	candidates map[int]struct{}
}

type memoKey struct{}

// WithMemo returns ctx with an empty Memo.
func WithMemo(ctx context.Context) context.Context {
	return context.WithValue(ctx, memoKey{}, &Memo{seen: map[[2]int]standing{}, candidates: map[int]struct{}{}})
}

// noteWorkspaces records, in the context's Memo if any, the workspaces
// of rows a query returned. A bound keeps a huge read from making one
// huge lookup; the rest are read on demand.
func noteWorkspaces(ctx context.Context, v ent.Value) {
	m, _ := ctx.Value(memoKey{}).(*Memo)
	if m == nil || viewer.IsSystem(ctx) {
		return
	}
	const maxCandidates = 1000
	m.mu.Lock()
	defer m.mu.Unlock()
	add := func(id int) {
		if len(m.candidates) < maxCandidates {
			m.candidates[id] = struct{}{}
		}
	}
	switch rows := v.(type) {
	case []*ent.Workspace:
		for _, w := range rows {
			add(w.ID)
		}
	case []*ent.Service:
		for _, s := range rows {
			add(s.WorkspaceID)
		}
	}
}
