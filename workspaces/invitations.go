package workspaces

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/woowtech/woow-paas/activity"
	"github.com/woowtech/woow-paas/auth"
	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/invitation"
	"github.com/woowtech/woow-paas/ent/predicate"
	"github.com/woowtech/woow-paas/ent/user"
	"github.com/woowtech/woow-paas/ent/workspace"
	"github.com/woowtech/woow-paas/ent/workspacemember"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/idempotency"
	"github.com/woowtech/woow-paas/mail"
	"github.com/woowtech/woow-paas/policy"
	"github.com/woowtech/woow-paas/role"
	"github.com/woowtech/woow-paas/store"
	"github.com/woowtech/woow-paas/viewer"
)

// InvitationTTL is how long an invitation (and its link) stays valid.
const InvitationTTL = 7 * 24 * time.Hour

// InvitationStatus is where an invitation stands.
type InvitationStatus string

// The statuses of an invitation: only a pending one can be accepted or
// declined; a pending or expired one can be cancelled or given a new link.
const (
	InvitationPending   InvitationStatus = "pending"
	InvitationAccepted  InvitationStatus = "accepted"
	InvitationDeclined  InvitationStatus = "declined"
	InvitationCancelled InvitationStatus = "cancelled"
	InvitationExpired   InvitationStatus = "expired"
)

// StatusOf says where inv stands at now.
func StatusOf(inv *ent.Invitation, now time.Time) InvitationStatus {
	switch {
	case inv.AcceptedAt != nil:
		return InvitationAccepted
	case inv.DeclinedAt != nil:
		return InvitationDeclined
	case inv.CancelledAt != nil:
		return InvitationCancelled
	case !inv.ExpiresAt.After(now):
		return InvitationExpired
	}
	return InvitationPending
}

// unanswered matches invitations nobody answered or cancelled, expired
// ones included (they are renewed or cancelled, not answered).
func unanswered() []predicate.Invitation {
	return []predicate.Invitation{
		invitation.AcceptedAtIsNil(), invitation.DeclinedAtIsNil(), invitation.CancelledAtIsNil(),
	}
}

// pending matches invitations that can still be answered.
func pending(now time.Time) []predicate.Invitation {
	return append(unanswered(), invitation.ExpiresAtGT(now))
}

// MaxPendingInvitations bounds a workspace's invitations waiting for an
// answer.
const MaxPendingInvitations = 500

// InvitedWorkspace is what an invitee sees of the workspace before joining.
type InvitedWorkspace struct {
	ID   int
	Name string
	Slug string
}

// PendingInvitation is an invitation as the invitee sees it.
type PendingInvitation struct {
	ID        int
	Role      role.Role
	Workspace InvitedWorkspace
	// InvitedBy is the inviter's name, when the inviter still exists.
	InvitedBy *string
	Email     string
	ExpiresAt time.Time
}

// Invite invites email into the workspace with role r (admins and the
// owner; at most admin). Nobody joins until they accept: an account that
// has confirmed the address sees the invitation among its pending ones;
// the returned link, which joins whoever follows it while signed in, is
// e-mailed when mail is set up, and is shown only now (only its hash is
// kept). Inviting an address with an unanswered invitation renews it (new
// role, expiry and link). Errors: UNAUTHENTICATED, NOT_FOUND for outsiders, FORBIDDEN below
// admin, CONFLICT for an archived workspace or a member's email,
// BAD_USER_INPUT naming email or role.
func (s *Service) Invite(ctx context.Context, wsID int, email string, r role.Role) (*ent.Invitation, string, error) {
	return s.InviteOnce(ctx, "", wsID, email, r)
}

// InviteOnce is Invite with the client's idempotency key: the same key
// again answers with the invitation the first request made, sends no
// second e-mail, and returns no link ("": only the link's hash is kept,
// and a new link would stop the e-mailed one). See package idempotency.
func (s *Service) InviteOnce(ctx context.Context, key string, wsID int, email string, r role.Role) (*ent.Invitation, string, error) {
	v, err := viewer.Required(ctx)
	if err != nil {
		return nil, "", err
	}
	var (
		inv    *ent.Invitation
		token  string
		ws     *ent.Workspace
		replay bool
	)
	inviter := s.nameOf(ctx, v.UserID)
	err = store.WithTx(ctx, s.client, func(tx *ent.Tx) error {
		// Authorised first: an outsider learns nothing from its input's
		// faults.
		if ws, err = writable(ctx, tx.Client(), wsID, policy.ManageMembers); err != nil {
			return err
		}
		if err := idempotency.Check("idempotencyKey", key); err != nil {
			return err
		}
		if id, err := idempotency.Earlier(ctx, tx.Client(), "inviteMember", key); err != nil || id != 0 {
			if err == nil {
				inv, err = tx.Invitation.Get(ctx, id)
				replay = true
			}
			return err
		}
		if email, err = auth.NormalizeEmail(email); err != nil {
			return err
		}
		if err := assignable(r); err != nil {
			return err
		}
		sys := viewer.System(ctx)
		member, err := tx.WorkspaceMember.Query().
			Where(workspacemember.WorkspaceID(wsID), workspacemember.HasUserWith(user.Email(email))).Exist(sys)
		if err != nil {
			return err
		}
		if member {
			return errs.E(errs.Conflict, "%s is already a member", email)
		}
		open, err := tx.Invitation.Query().Where(append(unanswered(), invitation.WorkspaceID(wsID))...).Count(sys)
		if err != nil {
			return err
		}
		if open >= MaxPendingInvitations {
			return errs.E(errs.Conflict, "the workspace has %d invitations waiting for an answer; cancel some first", open)
		}
		// With mail, every invitation sends an e-mail written partly by
		// the inviter: limited per inviter, so the platform's mail is
		// nobody's spam cannon.
		if s.cfg.Mail.Enabled(ctx) {
			if ok, retry := s.invites.Take(strconv.Itoa(v.UserID)); !ok {
				return errs.E(errs.TooManyRequests, "too many invitations sent; try again in %s", retry.Round(time.Second))
			}
		}
		token, inv, err = s.upsertInvitation(ctx, tx, v, ws, email, r)
		if err != nil {
			return err
		}
		if err := idempotency.Remember(ctx, tx.Client(), "inviteMember", key, inv.ID); err != nil {
			return err
		}
		_, err = activity.Record(ctx, tx.Client(), activity.Entry{
			WorkspaceID: wsID, ActorID: v.UserID,
			Verb: "member.invited", SubjectType: "Invitation", SubjectID: inv.ID,
			// Not the address: every member reads the feed, and only
			// admins see who is invited.
			Summary: fmt.Sprintf("%s invited someone as %s", inviter, r),
			Params:  map[string]string{"actor": inviter, "role": string(r)},
		})
		return err
	})
	if err != nil {
		return nil, "", err
	}
	if replay {
		return inv.Unwrap(), "", nil // mailed by the first request
	}
	link := s.invitationLink(token)
	s.mailInvitation(ctx, inviter, ws, inv, link)
	return inv.Unwrap(), link, nil
}

// upsertInvitation renews the invitation of email in ws that waits for an
// answer (pending or expired), or makes one, with a fresh token.
func (s *Service) upsertInvitation(ctx context.Context, tx *ent.Tx, v *viewer.Viewer, ws *ent.Workspace, email string, r role.Role) (string, *ent.Invitation, error) {
	now := s.Now()
	token, hash := auth.NewToken()
	open, err := tx.Invitation.Query().
		Where(append(unanswered(), invitation.WorkspaceID(ws.ID), invitation.Email(email))...).
		Order(ent.Desc(invitation.FieldCreatedAt)).
		First(ctx)
	if err != nil && !ent.IsNotFound(err) {
		return "", nil, err
	}
	if open != nil {
		inv, err := tx.Invitation.UpdateOne(open).SetRole(r).SetTokenHash(hash).SetExpiresAt(now.Add(InvitationTTL)).Save(ctx)
		return token, inv, err
	}
	inv, err := tx.Invitation.Create().
		SetWorkspaceID(ws.ID).SetEmail(email).SetRole(r).
		SetTokenHash(hash).SetInvitedByID(v.UserID).SetExpiresAt(now.Add(InvitationTTL)).
		Save(ctx)
	return token, inv, err
}

// nameOf is a user's display name, for summaries.
func (s *Service) nameOf(ctx context.Context, uid int) string {
	u, err := s.client.User.Get(viewer.System(ctx), uid)
	if err != nil || u.Name == "" {
		return "Someone"
	}
	return u.Name
}

// invitationLink is the web app's page for an invitation token. The token
// travels in the fragment, which browsers never send to a server or put in
// a Referer header, so it stays out of access logs.
func (s *Service) invitationLink(token string) string {
	return s.cfg.PublicURL + "/invitation#token=" + token
}

// mailInvitation e-mails the link, when mail is set up. A failure is
// logged: the inviter has the link too.
func (s *Service) mailInvitation(ctx context.Context, inviter string, ws *ent.Workspace, inv *ent.Invitation, link string) {
	if !s.cfg.Mail.Enabled(ctx) {
		return
	}
	err := s.cfg.Mail.Post(mail.Message{
		To:      inv.Email,
		Subject: fmt.Sprintf("%s invited you to %s on Woow PaaS", inviter, ws.Name),
		Text: fmt.Sprintf("%s invited you to join the workspace %q as %s.\n\n"+
			"To accept (or decline), open this link and sign in or create an account:\n\n%s\n\n"+
			"The link works once and expires on %s. If you did not expect this, ignore this e-mail.\n",
			inviter, ws.Name, inv.Role, link, inv.ExpiresAt.Format("2 January 2006 15:04 MST")),
	})
	if err != nil {
		s.log.WarnContext(ctx, "mailing an invitation", "invitation_id", inv.ID, "err", err)
	}
}

// PendingInvitations lists the invitations waiting for the viewer's
// answer, newest first: those sent to the account's address, once the
// account has proved it receives mail there (an address anyone can
// register is no proof; without it, the e-mailed link is the way in).
func (s *Service) PendingInvitations(ctx context.Context, userID int) ([]*PendingInvitation, error) {
	v, err := viewer.Required(ctx)
	if err != nil {
		return nil, err
	}
	if userID != v.UserID {
		return nil, nil // nobody else's
	}
	sys := viewer.System(ctx)
	u, err := s.client.User.Get(sys, v.UserID)
	if err != nil || u.EmailVerifiedAt == nil {
		return nil, err
	}
	invs, err := s.client.Invitation.Query().
		Where(append(pending(s.Now()), invitation.Email(u.Email),
			invitation.HasWorkspaceWith(workspace.StateEQ(workspace.StateActive)))...).
		WithWorkspace().
		Order(ent.Desc(invitation.FieldCreatedAt)).
		Limit(100).
		All(sys)
	if err != nil {
		return nil, err
	}
	if invs, err = s.standing(ctx, invs); err != nil {
		return nil, err
	}
	return s.views(ctx, invs)
}

// standing keeps the invitations whose sender may still invite (is still
// an admin or the owner of the workspace): an admin who was removed or
// demoted must not let in, through links they kept, who they could no
// longer invite. Two queries, however many invitations.
func (s *Service) standing(ctx context.Context, invs []*ent.Invitation) ([]*ent.Invitation, error) {
	var users, wss []int
	for _, inv := range invs {
		if inv.InvitedByID != nil {
			users, wss = append(users, *inv.InvitedByID), append(wss, inv.WorkspaceID)
		}
	}
	if len(users) == 0 {
		return nil, nil
	}
	admins, err := s.client.WorkspaceMember.Query().
		Where(workspacemember.UserIDIn(users...), workspacemember.WorkspaceIDIn(wss...),
			workspacemember.RoleIn(policy.ManageMembers.Holders()...)).
		All(viewer.System(ctx))
	if err != nil {
		return nil, err
	}
	stands := map[[2]int]bool{}
	for _, m := range admins {
		stands[[2]int{m.UserID, m.WorkspaceID}] = true
	}
	var out []*ent.Invitation
	for _, inv := range invs {
		if inv.InvitedByID != nil && stands[[2]int{*inv.InvitedByID, inv.WorkspaceID}] {
			out = append(out, inv)
		}
	}
	return out, nil
}

// PendingOf lists a workspace's invitations waiting for an answer (expired
// ones included), newest first, to its admins and owner: the privacy layer
// shows them to nobody else.
func (s *Service) PendingOf(ctx context.Context, wsID int) ([]*ent.Invitation, error) {
	return s.client.Invitation.Query().
		Where(append(unanswered(), invitation.WorkspaceID(wsID))...).
		Order(ent.Desc(invitation.FieldCreatedAt)).
		Limit(MaxPendingInvitations).
		All(ctx)
}

// views turns invitations (their workspaces loaded) into what the invitee
// sees, with the senders' names read in one query.
func (s *Service) views(ctx context.Context, invs []*ent.Invitation) ([]*PendingInvitation, error) {
	var ids []int
	for _, inv := range invs {
		if inv.InvitedByID != nil {
			ids = append(ids, *inv.InvitedByID)
		}
	}
	senders, err := s.client.User.Query().Where(user.IDIn(ids...)).All(viewer.System(ctx))
	if err != nil {
		return nil, err
	}
	names := map[int]string{}
	for _, u := range senders {
		names[u.ID] = u.Name
	}
	out := make([]*PendingInvitation, len(invs))
	for i, inv := range invs {
		ws := inv.Edges.Workspace
		out[i] = &PendingInvitation{
			ID: inv.ID, Role: inv.Role, Email: inv.Email, ExpiresAt: inv.ExpiresAt,
			Workspace: InvitedWorkspace{ID: ws.ID, Name: ws.Name, Slug: ws.Slug},
		}
		if inv.InvitedByID != nil {
			if name, ok := names[*inv.InvitedByID]; ok {
				out[i].InvitedBy = &name
			}
		}
	}
	return out, nil
}

// ByToken shows the invitation of a link before it is answered; nil when
// the link is unknown, answered, cancelled or expired. Anyone holding the
// link may look: it was sent to be followed, and it says no more than the
// e-mail did.
func (s *Service) ByToken(ctx context.Context, token string) (*PendingInvitation, error) {
	inv, err := s.byToken(ctx, s.client, token)
	if err != nil || inv == nil {
		return nil, err
	}
	views, err := s.views(ctx, []*ent.Invitation{inv})
	if err != nil {
		return nil, err
	}
	return views[0], nil
}

// byToken loads the pending invitation of a token, its workspace with it.
func (s *Service) byToken(ctx context.Context, c *ent.Client, token string) (*ent.Invitation, error) {
	token = strings.TrimSpace(token)
	if !auth.WellFormedToken(token) {
		return nil, nil
	}
	inv, err := c.Invitation.Query().
		Where(append(pending(s.Now()), invitation.TokenHash(auth.HashToken(token)),
			invitation.HasWorkspaceWith(workspace.StateEQ(workspace.StateActive)))...).
		WithWorkspace().
		Only(viewer.System(ctx))
	if ent.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return s.oneStanding(ctx, inv)
}

// oneStanding is inv when its sender may still invite (see standing), or
// nil.
func (s *Service) oneStanding(ctx context.Context, inv *ent.Invitation) (*ent.Invitation, error) {
	kept, err := s.standing(ctx, []*ent.Invitation{inv})
	if err != nil || len(kept) == 0 {
		return nil, err
	}
	return inv, nil
}

// Answer names the invitation a viewer answers: one of their pending
// invitations by ID, or a link's Token. Exactly one is set.
type Answer struct {
	ID    int
	Token string
}

// load loads the invitation an answer names for the viewer, in tx: by id
// only a pending invitation to the viewer's verified address, by token any
// pending one; either only while its inviter may still invite. Both run in
// a system context because the invitee cannot see the workspace yet: these
// checks are the rule. Unknown, answered, cancelled and expired
// invitations are all NOT_FOUND.
func (s *Service) load(ctx context.Context, tx *ent.Tx, v *viewer.Viewer, a Answer) (*ent.Invitation, error) {
	var (
		inv *ent.Invitation
		err error
	)
	switch {
	case (a.ID != 0) == (a.Token != ""):
		return nil, errs.InvalidField("id", "give either the invitation's id or the link's token")
	case a.Token != "":
		inv, err = s.byToken(ctx, tx.Client(), a.Token)
	default:
		var u *ent.User
		if u, err = tx.User.Get(viewer.System(ctx), v.UserID); err != nil || u.EmailVerifiedAt == nil {
			break
		}
		inv, err = tx.Invitation.Query().
			Where(append(pending(s.Now()), invitation.ID(a.ID), invitation.Email(u.Email),
				invitation.HasWorkspaceWith(workspace.StateEQ(workspace.StateActive)))...).
			WithWorkspace().
			Only(viewer.System(ctx))
		if ent.IsNotFound(err) {
			inv, err = nil, nil
		}
		if inv != nil {
			inv, err = s.oneStanding(ctx, inv)
		}
	}
	if err != nil {
		return nil, err
	}
	if inv == nil {
		return nil, errs.E(errs.NotFound, "this invitation is not valid any more: it was answered, withdrawn or has expired")
	}
	return inv, nil
}

// Accept joins the workspace of an invitation with its role and returns
// the new membership. Errors: UNAUTHENTICATED, NOT_FOUND (no such pending
// invitation for the viewer), CONFLICT when already a member.
func (s *Service) Accept(ctx context.Context, a Answer) (*ent.WorkspaceMember, error) {
	v, err := viewer.Required(ctx)
	if err != nil {
		return nil, err
	}
	sys := viewer.System(ctx)
	var (
		wsID   int
		member *ent.WorkspaceMember
	)
	err = store.WithTx(ctx, s.client, func(tx *ent.Tx) error {
		inv, err := s.load(ctx, tx, v, a)
		if err != nil {
			return err
		}
		wsID = inv.WorkspaceID
		already, err := tx.WorkspaceMember.Query().
			Where(workspacemember.WorkspaceID(wsID), workspacemember.UserID(v.UserID)).Exist(sys)
		if err != nil {
			return err
		}
		if already {
			return errs.E(errs.Conflict, "you are already a member of %s", inv.Edges.Workspace.Name)
		}
		m := tx.WorkspaceMember.Create().
			SetWorkspaceID(wsID).SetUserID(v.UserID).SetRole(inv.Role).SetInvitedAt(inv.CreatedAt)
		if inv.InvitedByID != nil {
			m.SetInvitedByID(*inv.InvitedByID)
		}
		if member, err = m.Save(sys); err != nil {
			return err
		}
		// Single use: answered invitations are never pending again.
		n, err := tx.Invitation.Update().
			Where(append(pending(s.Now()), invitation.ID(inv.ID))...).
			SetAcceptedAt(s.Now()).SetUserID(v.UserID).Save(sys)
		if err != nil {
			return err
		}
		if n != 1 {
			return errs.E(errs.NotFound, "this invitation is not valid any more")
		}
		name := s.nameOf(ctx, v.UserID)
		_, err = activity.Record(sys, tx.Client(), activity.Entry{
			WorkspaceID: wsID, ActorID: v.UserID,
			Verb: "member.joined", SubjectType: "User", SubjectID: v.UserID,
			Summary: fmt.Sprintf("%s joined as %s", name, inv.Role),
			Params:  map[string]string{"actor": name, "role": string(inv.Role)},
		})
		return err
	})
	if err != nil {
		return nil, err
	}
	return member.Unwrap(), nil
}

// Decline answers an invitation with no; it cannot be accepted afterwards.
// Errors: UNAUTHENTICATED, NOT_FOUND.
func (s *Service) Decline(ctx context.Context, a Answer) (int, error) {
	v, err := viewer.Required(ctx)
	if err != nil {
		return 0, err
	}
	sys := viewer.System(ctx)
	var id int
	err = store.WithTx(ctx, s.client, func(tx *ent.Tx) error {
		inv, err := s.load(ctx, tx, v, a)
		if err != nil {
			return err
		}
		id = inv.ID
		n, err := tx.Invitation.Update().
			Where(append(pending(s.Now()), invitation.ID(inv.ID))...).
			SetDeclinedAt(s.Now()).SetUserID(v.UserID).Save(sys)
		if err != nil {
			return err
		}
		if n != 1 {
			return errs.E(errs.NotFound, "this invitation is not valid any more")
		}
		// No actor, no name: the feed is read by every member, and the
		// person who declined never was one.
		_, err = activity.Record(sys, tx.Client(), activity.Entry{
			WorkspaceID: inv.WorkspaceID,
			Verb:        "invitation.declined", SubjectType: "Invitation", SubjectID: inv.ID,
			Summary: fmt.Sprintf("An invitation as %s was declined", inv.Role),
			Params:  map[string]string{"role": string(inv.Role)},
		})
		return err
	})
	return id, err
}

// Cancel withdraws an invitation nobody answered, pending or expired
// (admins and the owner); its link stops working. Errors: UNAUTHENTICATED,
// NOT_FOUND (also for anyone who cannot see the workspace's invitations),
// FORBIDDEN, CONFLICT when it was answered or cancelled, or the workspace
// is archived.
func (s *Service) Cancel(ctx context.Context, id int) (*ent.Invitation, error) {
	inv, _, err := s.changeUnanswered(ctx, id, "invitation.cancelled", once{}, func(u *ent.InvitationUpdateOne) string {
		u.SetCancelledAt(s.Now())
		return "withdrew an invitation"
	})
	return inv, err
}

// NewLink replaces the link of an invitation nobody answered (and renews
// its expiry, so an expired one becomes pending again); the old link stops
// working. Errors as Cancel.
func (s *Service) NewLink(ctx context.Context, id int) (*ent.Invitation, string, error) {
	return s.NewLinkOnce(ctx, "", id)
}

// NewLinkOnce is NewLink with the client's idempotency key: the same key
// again answers with the invitation, returns no link ("": only its hash
// is kept) and leaves the link the first request made working. See
// package idempotency.
func (s *Service) NewLinkOnce(ctx context.Context, key string, id int) (*ent.Invitation, string, error) {
	token, hash := auth.NewToken()
	inv, replay, err := s.changeUnanswered(ctx, id, "", once{"createInvitationLink", key}, func(u *ent.InvitationUpdateOne) string {
		u.SetTokenHash(hash).SetExpiresAt(s.Now().Add(InvitationTTL))
		return ""
	})
	if err != nil || replay {
		return inv, "", err
	}
	return inv, s.invitationLink(token), nil
}

// once is the operation and the client's idempotency key of a change
// that makes something (package idempotency); the zero once has no key.
type once struct{ operation, key string }

// changeUnanswered changes a pending or expired invitation as the viewer
// (the privacy layer shows invitations to admins only and checks the role
// and the workspace's state on the write), with an activity entry when
// verb is set. With a key sent before (k), it changes nothing and returns
// the invitation the first request changed, and replay true.
func (s *Service) changeUnanswered(ctx context.Context, id int, verb string, k once, change func(*ent.InvitationUpdateOne) string) (out *ent.Invitation, replay bool, err error) {
	v, err := viewer.Required(ctx)
	if err != nil {
		return nil, false, err
	}
	err = store.WithTx(ctx, s.client, func(tx *ent.Tx) error {
		inv, err := tx.Invitation.Get(ctx, id)
		if ent.IsNotFound(err) {
			return errs.E(errs.NotFound, "invitation not found")
		}
		if err != nil {
			return err
		}
		if _, err := writable(ctx, tx.Client(), inv.WorkspaceID, policy.ManageMembers); err != nil {
			return err
		}
		if err := idempotency.Check("idempotencyKey", k.key); err != nil { // once authorised
			return err
		}
		if earlier, err := idempotency.Earlier(ctx, tx.Client(), k.operation, k.key); err != nil || earlier != 0 {
			if err == nil {
				out, err = tx.Invitation.Get(ctx, earlier)
				replay = true
			}
			return err
		}
		if st := StatusOf(inv, s.Now()); st != InvitationPending && st != InvitationExpired {
			return errs.E(errs.Conflict, "the invitation is %s", st)
		}
		u := tx.Invitation.UpdateOne(inv)
		summary := change(u)
		if out, err = u.Save(ctx); err != nil {
			return err
		}
		if err := idempotency.Remember(ctx, tx.Client(), k.operation, k.key, out.ID); err != nil {
			return err
		}
		if verb == "" {
			return nil
		}
		actor := s.nameOf(ctx, v.UserID)
		_, err = activity.Record(ctx, tx.Client(), activity.Entry{
			WorkspaceID: inv.WorkspaceID, ActorID: v.UserID,
			Verb: verb, SubjectType: "Invitation", SubjectID: inv.ID,
			Summary: actor + " " + summary,
			Params:  map[string]string{"actor": actor},
		})
		return err
	})
	if err != nil {
		return nil, false, err
	}
	return out.Unwrap(), replay, nil
}
