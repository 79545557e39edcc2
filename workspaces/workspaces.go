// Package workspaces manages workspaces and their members: creation with
// a unique slug, renaming, archiving, invitations, roles, leaving and
// handing over ownership.
//
// The data layer (package policy) already confines every query to the
// viewer's workspaces and every write to the roles allowed to make it; this
// package adds the rules that concern several rows at once: exactly one
// owner, admins assign at most admin, the owner cannot simply leave, an
// archived workspace does not change. Each change writes its activity entry
// in the same transaction.
package workspaces

import (
	"context"
	"crypto/md5"
	"encoding/hex"
	"fmt"
	"log/slog"
	"regexp"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/woowtech/woow-paas/activity"
	"github.com/woowtech/woow-paas/auth"
	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/service"
	"github.com/woowtech/woow-paas/ent/workspace"
	"github.com/woowtech/woow-paas/ent/workspacemember"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/idempotency"
	"github.com/woowtech/woow-paas/mail"
	"github.com/woowtech/woow-paas/names"
	"github.com/woowtech/woow-paas/policy"
	"github.com/woowtech/woow-paas/role"
	"github.com/woowtech/woow-paas/store"
	"github.com/woowtech/woow-paas/viewer"
)

// Config is what the workspaces service needs besides the database.
type Config struct {
	// PublicURL is the web app's address (scheme, host, no trailing
	// slash), the base of invitation links.
	PublicURL string
	// Mail sends invitation links; nil: they are not e-mailed.
	Mail *mail.Outbox
	Log  *slog.Logger
}

// Service manages workspaces for the viewer in the context.
type Service struct {
	client *ent.Client
	cfg    Config
	log    *slog.Logger
	// invites limits the invitations one member sends (each may e-mail).
	invites *auth.Limiter
	// Now is the clock; tests replace it.
	Now func() time.Time
}

// New returns a Service on client.
func New(client *ent.Client, cfg Config) *Service {
	log := cfg.Log
	if log == nil {
		log = slog.Default()
	}
	cfg.PublicURL = strings.TrimRight(cfg.PublicURL, "/")
	s := &Service{client: client, cfg: cfg, log: log, Now: func() time.Time { return time.Now().UTC() }}
	s.invites = auth.NewLimiter(auth.LimiterConfig{Failures: 50, Window: time.Hour, Now: func() time.Time { return s.Now() }})
	return s
}

// Namespace is the Kubernetes namespace of a workspace's services:
// paas-ws-<first 8 hex of md5(slug)>.
func Namespace(slug string) string {
	return "paas-ws-" + HostLabel(slug)
}

// HostLabel is the workspace's part of the names it gives to what it runs
// (namespaces, service and smart home host names): 8 hex digits derived
// from its slug.
func HostLabel(slug string) string {
	sum := md5.Sum([]byte(slug))
	return hex.EncodeToString(sum[:])[:8]
}

var nonSlug = regexp.MustCompile(`[^a-z0-9]+`)

// latin spells the Latin letters that decomposition leaves whole.
var latin = strings.NewReplacer("ß", "ss", "æ", "ae", "œ", "oe", "ø", "o", "đ", "d", "ð", "d", "ł", "l", "þ", "th", "ı", "i")

// transliterate writes accented Latin letters without their accents
// (compatibility decomposition, combining marks dropped).
func transliterate(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(latin.Replace(s)) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Slugify turns a name into the base of a slug: lower-case ASCII letters,
// digits and single hyphens, at most 40 characters; "workspace" when
// nothing is left. Latin letters with accents lose them ("Ünïcode" is
// unicode, not n-code); letters with no ASCII form are dropped.
func Slugify(name string) string {
	s := nonSlug.ReplaceAllString(transliterate(strings.ToLower(name)), "-")
	s = strings.Trim(s, "-")
	if len(s) > 40 {
		s = strings.TrimRight(s[:40], "-")
	}
	if s == "" {
		return "workspace"
	}
	return s
}

func checkName(name string) (string, error) {
	return names.Required("name", "name", name, 100)
}

func checkDescription(d string) (string, error) {
	return names.Text("description", "description", d, 2000)
}

// Create makes a workspace owned by the viewer, with the slug derived from
// its name (acme, acme-1, acme-2, ...).
func (s *Service) Create(ctx context.Context, name, description string) (*ent.Workspace, error) {
	return s.CreateOnce(ctx, "", name, description)
}

// CreateOnce is Create with the client's idempotency key: the same key
// again answers with the workspace the first request made (see package
// idempotency).
func (s *Service) CreateOnce(ctx context.Context, key, name, description string) (*ent.Workspace, error) {
	v, err := viewer.Required(ctx)
	if err != nil {
		return nil, err
	}
	if err := idempotency.Check("idempotencyKey", key); err != nil {
		return nil, err
	}
	if name, err = checkName(name); err != nil {
		return nil, err
	}
	if description, err = checkDescription(description); err != nil {
		return nil, err
	}
	base := Slugify(name)
	// Two creations may pick the same free slug; the unique index stops
	// the second, which tries again with the next number.
	for attempt := 0; ; attempt++ {
		slug, err := s.freeSlug(ctx, base)
		if err != nil {
			return nil, err
		}
		var ws *ent.Workspace
		err = store.WithTx(ctx, s.client, func(tx *ent.Tx) error {
			if id, err := idempotency.Earlier(ctx, tx.Client(), "createWorkspace", key); err != nil {
				return err
			} else if id != 0 {
				ws, err = tx.Workspace.Get(ctx, id)
				return err
			}
			ws, err = tx.Workspace.Create().
				SetName(name).SetSlug(slug).SetDescription(description).
				SetOwnerID(v.UserID).
				Save(ctx)
			if err != nil {
				return err
			}
			if _, err := tx.WorkspaceMember.Create().
				SetWorkspaceID(ws.ID).SetUserID(v.UserID).SetRole(role.Owner).
				Save(ctx); err != nil {
				return err
			}
			if _, err := activity.Record(ctx, tx.Client(), activity.Entry{
				WorkspaceID: ws.ID, ActorID: v.UserID,
				Verb: "workspace.created", SubjectType: "Workspace", SubjectID: ws.ID,
				Summary: "Workspace " + name + " created",
				Params:  map[string]string{"name": name},
			}); err != nil {
				return err
			}
			return idempotency.Remember(ctx, tx.Client(), "createWorkspace", key, ws.ID)
		})
		if ent.IsConstraintError(err) && attempt < 20 {
			continue
		}
		if err != nil {
			return nil, err
		}
		return ws.Unwrap(), nil
	}
}

// freeSlug finds the first of base, base-1, base-2, ... no workspace uses,
// across all tenants (slugs are global).
func (s *Service) freeSlug(ctx context.Context, base string) (string, error) {
	taken, err := s.client.Workspace.Query().
		Where(workspace.Or(workspace.Slug(base), workspace.SlugHasPrefix(base+"-"))).
		Select(workspace.FieldSlug).
		Strings(viewer.System(ctx))
	if err != nil {
		return "", err
	}
	used := make(map[string]bool, len(taken))
	for _, t := range taken {
		used[t] = true
	}
	if !used[base] {
		return base, nil
	}
	for i := 1; ; i++ {
		if c := fmt.Sprintf("%s-%d", base, i); !used[c] {
			return c, nil
		}
	}
}

// get loads a workspace the viewer belongs to (NOT_FOUND otherwise).
func get(ctx context.Context, c *ent.Client, id int) (*ent.Workspace, error) {
	ws, err := c.Workspace.Get(ctx, id)
	if ent.IsNotFound(err) {
		return nil, errs.E(errs.NotFound, "workspace not found")
	}
	return ws, err
}

// writable loads a workspace for a change that needs p (package policy
// says who holds it, and refuses an archived workspace's changes).
func writable(ctx context.Context, c *ent.Client, id int, p policy.Permission) (*ent.Workspace, error) {
	ws, err := get(ctx, c, id)
	if err != nil {
		return nil, err
	}
	if err := policy.Can(ctx, c, id, p); err != nil {
		return nil, err
	}
	return ws, nil
}

// Update renames a workspace or changes its description (admins and the
// owner). Nil leaves a field as it is.
func (s *Service) Update(ctx context.Context, id int, name, description *string) (*ent.Workspace, error) {
	v, err := viewer.Required(ctx)
	if err != nil {
		return nil, err
	}
	var out *ent.Workspace
	err = store.WithTx(ctx, s.client, func(tx *ent.Tx) error {
		ws, err := writable(ctx, tx.Client(), id, policy.UpdateWorkspace)
		if err != nil {
			return err
		}
		u := tx.Workspace.UpdateOne(ws)
		var summary []string
		params := map[string]string{}
		if name != nil {
			n, err := checkName(*name)
			if err != nil {
				return err
			}
			if n != ws.Name {
				u.SetName(n)
				summary = append(summary, fmt.Sprintf("renamed %s to %s", ws.Name, n))
				params["from"], params["to"] = ws.Name, n
			}
		}
		if description != nil {
			d, err := checkDescription(*description)
			if err != nil {
				return err
			}
			if d != ws.Description {
				u.SetDescription(d)
				summary = append(summary, "changed the description")
				params["descriptionChanged"] = "true"
			}
		}
		if out, err = u.Save(ctx); err != nil {
			return err
		}
		if len(summary) == 0 {
			return nil
		}
		_, err = activity.Record(ctx, tx.Client(), activity.Entry{
			WorkspaceID: id, ActorID: v.UserID,
			Verb: "workspace.updated", SubjectType: "Workspace", SubjectID: id,
			Summary: "Workspace " + strings.Join(summary, " and "),
			Params:  params,
		})
		return err
	})
	if err != nil {
		return nil, err
	}
	return out.Unwrap(), nil
}

// Archive archives a workspace (owner only). It stays readable to its
// members; nothing in it changes any more, it takes no new members, and
// its live activity streams end. Its services must be stopped or deleted
// first: an archived workspace cannot operate them, so archiving with
// services running would leave them running with nobody able to stop
// them. Errors: NOT_FOUND, FORBIDDEN, CONFLICT (archived already, or
// services not stopped).
func (s *Service) Archive(ctx context.Context, id int) (*ent.Workspace, error) {
	v, err := viewer.Required(ctx)
	if err != nil {
		return nil, err
	}
	var out *ent.Workspace
	err = store.WithTx(ctx, s.client, func(tx *ent.Tx) error {
		ws, err := writable(ctx, tx.Client(), id, policy.AdministerWorkspace)
		if err != nil {
			return err
		}
		// The row is written first: on PostgreSQL that waits for a deploy
		// in progress (which holds the row shared), and one that starts
		// later sees the workspace archived. Then the services are
		// counted, the deploy's included.
		if out, err = tx.Workspace.UpdateOne(ws).SetState(workspace.StateArchived).Save(ctx); err != nil {
			return err
		}
		live, err := tx.Service.Query().
			Where(service.WorkspaceID(id), service.StateNotIn(service.StateStopped, service.StateGone)).
			Count(ctx)
		if err != nil {
			return err
		}
		if live > 0 {
			return errs.E(errs.Conflict, "stop or delete the workspace's services first (%d not stopped)", live)
		}
		_, err = activity.Record(ctx, tx.Client(), activity.Entry{
			WorkspaceID: id, ActorID: v.UserID,
			Verb: "workspace.archived", SubjectType: "Workspace", SubjectID: id,
			Summary: "Workspace " + ws.Name + " archived",
			Params:  map[string]string{"name": ws.Name},
		})
		return err
	})
	if err != nil {
		return nil, err
	}
	return out.Unwrap(), nil
}

// assignable checks a role an admin or owner hands out: never owner (that
// is TransferOwnership).
func assignable(r role.Role) error {
	if !r.Valid() {
		return errs.InvalidField("role", "unknown role %q", r)
	}
	if r == role.Owner {
		return errs.InvalidField("role", "a workspace has one owner: use transferOwnership")
	}
	return nil
}

// member loads userID's membership of wsID.
func member(ctx context.Context, c *ent.Client, wsID, userID int) (*ent.WorkspaceMember, error) {
	m, err := c.WorkspaceMember.Query().
		Where(workspacemember.WorkspaceID(wsID), workspacemember.UserID(userID)).
		WithUser().
		Only(ctx)
	if ent.IsNotFound(err) {
		return nil, errs.InvalidField("userId", "that account is not a member of this workspace")
	}
	return m, err
}

// UpdateRole changes a member's role (admins and the owner; to at most
// admin; never the owner's own role, which changes only by transfer).
func (s *Service) UpdateRole(ctx context.Context, wsID, userID int, r role.Role) (*ent.WorkspaceMember, error) {
	v, err := viewer.Required(ctx)
	if err != nil {
		return nil, err
	}
	var out *ent.WorkspaceMember
	err = store.WithTx(ctx, s.client, func(tx *ent.Tx) error {
		if _, err := writable(ctx, tx.Client(), wsID, policy.ManageMembers); err != nil {
			return err
		}
		if err := assignable(r); err != nil {
			return err
		}
		m, err := member(ctx, tx.Client(), wsID, userID)
		if err != nil {
			return err
		}
		if m.Role == role.Owner {
			return errs.E(errs.Conflict, "the owner's role changes only by transferring ownership")
		}
		if m.Role == r {
			out = m
			return nil
		}
		if out, err = tx.WorkspaceMember.UpdateOne(m).SetRole(r).Save(ctx); err != nil {
			return err
		}
		_, err = activity.Record(ctx, tx.Client(), activity.Entry{
			WorkspaceID: wsID, ActorID: v.UserID,
			Verb: "member.role_changed", SubjectType: "User", SubjectID: userID,
			Summary: fmt.Sprintf("%s is now %s (was %s)", m.Edges.User.Name, r, m.Role),
			Params:  map[string]string{"name": m.Edges.User.Name, "role": string(r), "was": string(m.Role)},
		})
		return err
	})
	if err != nil {
		return nil, err
	}
	return out.Unwrap(), nil
}

// Remove takes a member out of the workspace (admins and the owner; not
// the owner, not oneself: use Leave).
func (s *Service) Remove(ctx context.Context, wsID, userID int) (*ent.Workspace, error) {
	v, err := viewer.Required(ctx)
	if err != nil {
		return nil, err
	}
	var ws *ent.Workspace
	err = store.WithTx(ctx, s.client, func(tx *ent.Tx) error {
		ws, err = writable(ctx, tx.Client(), wsID, policy.ManageMembers)
		if err != nil {
			return err
		}
		if userID == v.UserID {
			return errs.InvalidField("userId", "to remove yourself, leave the workspace")
		}
		m, err := member(ctx, tx.Client(), wsID, userID)
		if err != nil {
			return err
		}
		if m.Role == role.Owner {
			return errs.E(errs.Conflict, "the owner cannot be removed")
		}
		if _, err := activity.Record(ctx, tx.Client(), activity.Entry{
			WorkspaceID: wsID, ActorID: v.UserID,
			Verb: "member.removed", SubjectType: "User", SubjectID: userID,
			Summary: fmt.Sprintf("%s was removed", m.Edges.User.Name),
			Params:  map[string]string{"name": m.Edges.User.Name},
		}); err != nil {
			return err
		}
		return tx.WorkspaceMember.DeleteOne(m).Exec(ctx)
	})
	if err != nil {
		return nil, err
	}
	return ws.Unwrap(), nil
}

// Leave ends the viewer's own membership. The owner must first transfer
// ownership. Leaving an archived workspace is allowed.
func (s *Service) Leave(ctx context.Context, wsID int) error {
	v, err := viewer.Required(ctx)
	if err != nil {
		return err
	}
	return store.WithTx(ctx, s.client, func(tx *ent.Tx) error {
		if _, err := get(ctx, tx.Client(), wsID); err != nil {
			return err
		}
		m, err := member(ctx, tx.Client(), wsID, v.UserID)
		if err != nil {
			return err
		}
		if err := leavable(m.Role); err != nil {
			return err
		}
		// Written while still a member: the entry needs a role to write.
		if _, err := activity.Record(ctx, tx.Client(), activity.Entry{
			WorkspaceID: wsID, ActorID: v.UserID,
			Verb: "member.left", SubjectType: "User", SubjectID: v.UserID,
			Summary: fmt.Sprintf("%s left", m.Edges.User.Name),
			Params:  map[string]string{"name": m.Edges.User.Name},
		}); err != nil {
			return err
		}
		return tx.WorkspaceMember.DeleteOne(m).Exec(ctx)
	})
}

// TransferOwnership makes another member the owner (owner only); the
// previous owner stays as admin. The demotion comes first: the database
// allows one owner per workspace at any moment.
func (s *Service) TransferOwnership(ctx context.Context, wsID, userID int) (*ent.Workspace, error) {
	v, err := viewer.Required(ctx)
	if err != nil {
		return nil, err
	}
	var out *ent.Workspace
	err = store.WithTx(ctx, s.client, func(tx *ent.Tx) error {
		ws, err := writable(ctx, tx.Client(), wsID, policy.AdministerWorkspace)
		if err != nil {
			return err
		}
		if userID == v.UserID {
			return errs.InvalidField("userId", "you already own this workspace")
		}
		next, err := member(ctx, tx.Client(), wsID, userID)
		if err != nil {
			return err
		}
		// The workspace row changes first, while the viewer still holds
		// the owner role the data layer asks for.
		if out, err = tx.Workspace.UpdateOne(ws).SetOwnerID(userID).Save(ctx); err != nil {
			return err
		}
		if err := tx.WorkspaceMember.Update().
			Where(workspacemember.WorkspaceID(wsID), workspacemember.UserID(v.UserID)).
			SetRole(role.Admin).Exec(ctx); err != nil {
			return err
		}
		if err := tx.WorkspaceMember.UpdateOne(next).SetRole(role.Owner).Exec(ctx); err != nil {
			return err
		}
		_, err = activity.Record(ctx, tx.Client(), activity.Entry{
			WorkspaceID: wsID, ActorID: v.UserID,
			Verb: "workspace.ownership_transferred", SubjectType: "User", SubjectID: userID,
			Summary: fmt.Sprintf("%s is now the owner", next.Edges.User.Name),
			Params:  map[string]string{"name": next.Edges.User.Name},
		})
		return err
	})
	if err != nil {
		return nil, err
	}
	return out.Unwrap(), nil
}

// ViewerRole is the viewer's role in a workspace they can see.
func (s *Service) ViewerRole(ctx context.Context, wsID int) (role.Role, error) {
	v, err := viewer.Required(ctx)
	if err != nil {
		return "", err
	}
	return policy.MemberRole(ctx, s.client, v.UserID, wsID)
}

// ViewerCan reports whether the viewer holds p in workspace wsID (see
// policy.ViewerCan).
func (s *Service) ViewerCan(ctx context.Context, wsID int, p policy.Permission) (bool, error) {
	return policy.ViewerCan(ctx, s.client, wsID, p)
}

// ViewerCanLeave reports whether Leave would let the viewer go.
func (s *Service) ViewerCanLeave(ctx context.Context, wsID int) (bool, error) {
	r, err := s.ViewerRole(ctx, wsID)
	if errs.Is(err, errs.NotFound) || errs.Is(err, errs.Unauthenticated) {
		return false, nil
	}
	return err == nil && leavable(r) == nil, err
}

// leavable is the rule of leaving: anyone but the owner, who must first
// hand the workspace to someone (a workspace always has an owner).
func leavable(r role.Role) error {
	if r == role.Owner {
		return errs.E(errs.Conflict, "the owner cannot leave: transfer ownership first")
	}
	return nil
}

// Mine lists the active workspaces the viewer is a member of, by name (at
// most 1,000: the REST shim's list, which has no pages).
func (s *Service) Mine(ctx context.Context) ([]*ent.Workspace, error) {
	v, err := viewer.Required(ctx)
	if err != nil {
		return nil, err
	}
	return s.client.Workspace.Query().
		Where(workspace.StateEQ(workspace.StateActive),
			workspace.HasMembersWith(workspacemember.UserID(v.UserID))).
		Order(ent.Asc(workspace.FieldName), ent.Asc(workspace.FieldID)).
		Limit(1000).All(ctx)
}
