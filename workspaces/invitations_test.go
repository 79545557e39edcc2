package workspaces_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/woowtech/woow-paas/auth"
	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/invitation"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/mail"
	"github.com/woowtech/woow-paas/mail/mailtest"
	"github.com/woowtech/woow-paas/role"
	"github.com/woowtech/woow-paas/workspaces"
)

// tokenOf is the token of an invitation link.
func tokenOf(t *testing.T, link string) string {
	t.Helper()
	base, tok, ok := strings.Cut(link, "#token=")
	if !ok || base != "http://woow.test/invitation" || tok == "" {
		t.Fatalf("link %q", link)
	}
	return tok
}

func (f *fixture) pending(u *ent.User) []*workspaces.PendingInvitation {
	f.t.Helper()
	list, err := f.ws.PendingInvitations(as(u), u.ID)
	if err != nil {
		f.t.Fatal(err)
	}
	return list
}

// TestInvitingAnAccountNeedsItsConsent: an existing account is not added
// by an invitation; it sees the invitation and joins by accepting it.
func TestInvitingAnAccountNeedsItsConsent(t *testing.T) {
	f := newFixture(t)
	late := f.user("late@example.com")
	inv, link, err := f.ws.Invite(as(f.admin), f.w.ID, " LATE@example.com ", role.User)
	if err != nil {
		t.Fatal(err)
	}
	if inv.Email != "late@example.com" || inv.Role != role.User || workspaces.StatusOf(inv, time.Now()) != workspaces.InvitationPending {
		t.Errorf("invitation %+v", inv)
	}
	// Only the hash of the link's token is kept.
	if inv.TokenHash != auth.HashToken(tokenOf(t, link)) {
		t.Error("the stored hash is not the link token's")
	}
	if _, ok := f.roles(f.w.ID)[late.ID]; ok {
		t.Fatal("inviting an existing account added it without its consent")
	}
	if _, err := f.c.Workspace.Get(as(late), f.w.ID); !ent.IsNotFound(err) {
		t.Errorf("the invitee reads the workspace before accepting: %v", err)
	}

	// The invitee sees it, with what it needs to decide, and nobody else.
	list := f.pending(late)
	if len(list) != 1 || list[0].ID != inv.ID || list[0].Role != role.User || list[0].Workspace.Name != "Acme" ||
		list[0].InvitedBy == nil || *list[0].InvitedBy != "admin" {
		t.Fatalf("pending invitations %+v", list)
	}
	if got := f.pending(f.guest); len(got) != 0 {
		t.Errorf("another account sees %d pending invitations", len(got))
	}
	// Newest first, and only what waits.
	if got, err := f.ws.PendingInvitations(as(f.admin), late.ID); err != nil || len(got) != 0 {
		t.Errorf("the admin reads the invitee's pending invitations: %v, %v", got, err)
	}
	// Someone else cannot accept it by id.
	_, err = f.ws.Accept(as(f.guest), workspaces.Answer{ID: inv.ID})
	wantCode(t, err, errs.NotFound)

	m, err := f.ws.Accept(as(late), workspaces.Answer{ID: inv.ID})
	if err != nil || m.WorkspaceID != f.w.ID || m.UserID != late.ID || m.Role != role.User {
		t.Fatalf("Accept = %+v, %v", m, err)
	}
	if m.InvitedByID == nil || *m.InvitedByID != f.admin.ID {
		t.Errorf("membership invited by %v, want %d", m.InvitedByID, f.admin.ID)
	}
	if got := f.roles(f.w.ID)[late.ID]; got != role.User {
		t.Errorf("joined as %q, want user", got)
	}
	stored, _ := f.c.Invitation.Get(sys, inv.ID)
	if workspaces.StatusOf(stored, time.Now()) != workspaces.InvitationAccepted || stored.UserID == nil || *stored.UserID != late.ID {
		t.Errorf("stored invitation %+v", stored)
	}
	f.checkEvents(f.w.ID, map[string]int{"workspace.created": 1, "member.invited": 4, "member.joined": 4})
	// Once.
	_, err = f.ws.Accept(as(late), workspaces.Answer{ID: inv.ID})
	wantCode(t, err, errs.NotFound)
	if got := f.pending(late); len(got) != 0 {
		t.Errorf("%d pending invitations after accepting", len(got))
	}
}

// TestAnUnprovenAddressSeesNothing: an account that has not proved its
// address (anyone can register any address, before or after the
// invitation) does not see invitations to it, and cannot accept them by
// id; the link, signed in, joins whoever follows it.
func TestAnUnprovenAddressSeesNothing(t *testing.T) {
	f := newFixture(t)
	early := f.unverifiedUser("new.person@example.com")
	inv, link, err := f.ws.Invite(as(f.admin), f.w.ID, "new.person@example.com", role.Admin)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := f.roles(f.w.ID)[early.ID]; ok {
		t.Fatal("the invitation added the account")
	}
	if got := f.pending(early); len(got) != 0 {
		t.Fatalf("an unverified account sees invitations to its address: %+v", got)
	}
	_, err = f.ws.Accept(as(early), workspaces.Answer{ID: inv.ID})
	wantCode(t, err, errs.NotFound)

	// Once it has proved the address, it sees the invitation.
	f.c.User.UpdateOne(early).SetEmailVerifiedAt(time.Now()).ExecX(sys)
	if got := f.pending(early); len(got) != 1 || got[0].ID != inv.ID {
		t.Fatalf("the verified account's pending invitations: %+v", got)
	}

	// The link shows the invitation to whoever holds it, then joins.
	token := tokenOf(t, link)
	view, err := f.ws.ByToken(context.Background(), token)
	if err != nil || view == nil || view.Workspace.Name != "Acme" || view.Role != role.Admin || view.Email != "new.person@example.com" {
		t.Fatalf("ByToken = %+v, %v", view, err)
	}
	holder := f.user("holder@example.com")
	if _, err := f.ws.Accept(as(holder), workspaces.Answer{Token: token}); err != nil {
		t.Fatal(err)
	}
	if got := f.roles(f.w.ID)[holder.ID]; got != role.Admin {
		t.Errorf("joined as %q, want admin", got)
	}
	// Single use.
	_, err = f.ws.Accept(as(early), workspaces.Answer{Token: token})
	wantCode(t, err, errs.NotFound)
	_, err = f.ws.Accept(as(early), workspaces.Answer{ID: inv.ID})
	wantCode(t, err, errs.NotFound)
	if v, err := f.ws.ByToken(context.Background(), token); v != nil || err != nil {
		t.Errorf("a used link still shows its invitation: %+v, %v", v, err)
	}
	// Neither both nor none.
	_, err = f.ws.Accept(as(early), workspaces.Answer{})
	wantField(t, err, errs.Invalid, "id")
	_, err = f.ws.Accept(as(early), workspaces.Answer{ID: inv.ID, Token: token})
	wantField(t, err, errs.Invalid, "id")
	_, err = f.ws.Accept(context.Background(), workspaces.Answer{Token: token})
	wantCode(t, err, errs.Unauthenticated)
}

// TestInvitationsDieWithTheInvitersRights: an admin who is demoted or
// removed cannot let anyone in through invitations (links) sent before.
func TestInvitationsDieWithTheInvitersRights(t *testing.T) {
	f := newFixture(t)
	late := f.user("late@example.com")
	inv, link, err := f.ws.Invite(as(f.admin), f.w.ID, late.Email, role.Admin)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.ws.UpdateRole(as(f.owner), f.w.ID, f.admin.ID, role.User); err != nil {
		t.Fatal(err)
	}
	if got := f.pending(late); len(got) != 0 {
		t.Errorf("a demoted admin's invitation is pending: %+v", got)
	}
	for _, a := range []workspaces.Answer{{ID: inv.ID}, {Token: tokenOf(t, link)}} {
		_, err := f.ws.Accept(as(late), a)
		wantCode(t, err, errs.NotFound)
	}
	// Restored, the invitation stands again.
	if _, err := f.ws.UpdateRole(as(f.owner), f.w.ID, f.admin.ID, role.Admin); err != nil {
		t.Fatal(err)
	}
	if _, err := f.ws.Accept(as(late), workspaces.Answer{Token: tokenOf(t, link)}); err != nil {
		t.Fatal(err)
	}
}

// TestInvitationsAreLimited: with mail, one member sends at most 50
// invitations an hour (each is an e-mail partly written by the inviter),
// and the link goes to the address.
func TestInvitationsAreLimited(t *testing.T) {
	f := newFixture(t)
	srv := mailtest.Start(t)
	smtp, err := mail.NewSMTP(srv.URL(), "Woow <noreply@woow.test>")
	if err != nil {
		t.Fatal(err)
	}
	out := mail.NewOutbox(smtp, nil)
	go out.Run(t.Context())
	f.ws = workspaces.New(f.c, workspaces.Config{PublicURL: "http://woow.test", Mail: out})
	_, link, err := f.ws.Invite(as(f.admin), f.w.ID, "first@example.com", role.Guest)
	if err != nil {
		t.Fatal(err)
	}
	m := srv.Next(t, 5*time.Second)
	if m.To[0] != "first@example.com" || m.Link() != link || !strings.Contains(m.Header.Get("Subject"), "Acme") {
		t.Fatalf("invitation e-mail to %v, link %q (want %q), subject %q", m.To, m.Link(), link, m.Header.Get("Subject"))
	}
	sent := 1
	for i := range 60 {
		if _, _, err = f.ws.Invite(as(f.admin), f.w.ID, fmt.Sprintf("x%d@example.com", i), role.Guest); err != nil {
			break
		}
		sent++
	}
	if sent != 50 {
		t.Errorf("%d invitations sent within the hour, want 50", sent)
	}
	wantCode(t, err, errs.TooManyRequests)
	// Another admin is not held up by it.
	if _, _, err := f.ws.Invite(as(f.owner), f.w.ID, "y@example.com", role.Guest); err != nil {
		t.Fatal(err)
	}
}

// TestInviteChecks: who may invite, and what is refused, authorised
// before the input is looked at.
func TestInviteChecks(t *testing.T) {
	f := newFixture(t)
	late := f.user("late@example.com")
	for _, tt := range []struct {
		name  string
		by    *ent.User
		email string
		r     role.Role
		code  errs.Code
		field string
	}{
		{"already a member", f.admin, f.member.Email, role.User, errs.Conflict, ""},
		{"already a member, other case", f.admin, strings.ToUpper(f.member.Email), role.Guest, errs.Conflict, ""},
		{"admin assigns owner", f.admin, late.Email, role.Owner, errs.Invalid, "role"},
		{"owner assigns owner", f.owner, late.Email, role.Owner, errs.Invalid, "role"},
		{"unknown role", f.owner, late.Email, "superuser", errs.Invalid, "role"},
		{"bad email", f.owner, "not an email", role.User, errs.Invalid, "email"},
		{"user invites", f.member, late.Email, role.Guest, errs.Forbidden, ""},
		{"guest invites as owner", f.guest, late.Email, role.Owner, errs.Forbidden, ""},
		{"outsider invites", f.outer, late.Email, role.Guest, errs.NotFound, ""},
		// Authorised first: an outsider's bad input is still NOT_FOUND.
		{"outsider invites as owner", f.outer, "not an email", role.Owner, errs.NotFound, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			inv, link, err := f.ws.Invite(as(tt.by), f.w.ID, tt.email, tt.r)
			if inv != nil || link != "" {
				t.Errorf("failed invite returned %v, %q", inv, link)
			}
			if tt.field != "" {
				wantField(t, err, tt.code, tt.field)
			} else {
				wantCode(t, err, tt.code)
			}
		})
	}
	_, _, err := f.ws.Invite(context.Background(), f.w.ID, late.Email, role.User)
	wantCode(t, err, errs.Unauthenticated)
	f.checkEvents(f.w.ID, map[string]int{"workspace.created": 1, "member.invited": 3, "member.joined": 3})
	if n, _ := f.c.Invitation.Query().Where(invitation.Email(late.Email)).Count(sys); n != 0 {
		t.Errorf("%d invitations recorded by refused invites", n)
	}
}

// TestInvitingAgainRenews: one pending invitation per address, with the
// newest role and a new link; the old link stops working.
func TestInvitingAgainRenews(t *testing.T) {
	f := newFixture(t)
	first, oldLink, err := f.ws.Invite(as(f.admin), f.w.ID, "x@example.com", role.User)
	if err != nil {
		t.Fatal(err)
	}
	second, newLink, err := f.ws.Invite(as(f.owner), f.w.ID, "x@example.com", role.Guest)
	if err != nil {
		t.Fatal(err)
	}
	if second.ID != first.ID || second.Role != role.Guest || newLink == oldLink {
		t.Fatalf("renewed %+v (link changed: %v)", second, newLink != oldLink)
	}
	u := f.user("x@example.com")
	_, err = f.ws.Accept(as(u), workspaces.Answer{Token: tokenOf(t, oldLink)})
	wantCode(t, err, errs.NotFound)
	if _, err := f.ws.Accept(as(u), workspaces.Answer{Token: tokenOf(t, newLink)}); err != nil {
		t.Fatal(err)
	}
	if got := f.roles(f.w.ID)[u.ID]; got != role.Guest {
		t.Errorf("joined as %q, want guest", got)
	}
}

// TestDeclineCancelAndNewLink: the invitee declines; an admin cancels or
// replaces a link; each ends what it should and only for whom it may.
func TestDeclineCancelAndNewLink(t *testing.T) {
	f := newFixture(t)
	late := f.user("late@example.com")
	inv, _, err := f.ws.Invite(as(f.admin), f.w.ID, late.Email, role.User)
	if err != nil {
		t.Fatal(err)
	}
	_, err = f.ws.Decline(as(f.guest), workspaces.Answer{ID: inv.ID})
	wantCode(t, err, errs.NotFound)
	if id, err := f.ws.Decline(as(late), workspaces.Answer{ID: inv.ID}); err != nil || id != inv.ID {
		t.Fatalf("Decline = %d, %v", id, err)
	}
	_, err = f.ws.Accept(as(late), workspaces.Answer{ID: inv.ID})
	wantCode(t, err, errs.NotFound)
	if _, ok := f.roles(f.w.ID)[late.ID]; ok {
		t.Error("a declined invitation joined")
	}
	// Cancelling an answered invitation is a conflict.
	_, err = f.ws.Cancel(as(f.admin), inv.ID)
	wantCode(t, err, errs.Conflict)

	other, link, err := f.ws.Invite(as(f.admin), f.w.ID, "other@example.com", role.User)
	if err != nil {
		t.Fatal(err)
	}
	// Only admins and the owner see (and so cancel) invitations.
	for _, u := range []*ent.User{f.member, f.guest, f.outer, late} {
		_, err := f.ws.Cancel(as(u), other.ID)
		wantCode(t, err, errs.NotFound)
		_, _, err = f.ws.NewLink(as(u), other.ID)
		wantCode(t, err, errs.NotFound)
	}
	_, newLink, err := f.ws.NewLink(as(f.admin), other.ID)
	if err != nil || newLink == link {
		t.Fatalf("NewLink = %q, %v", newLink, err)
	}
	if v, _ := f.ws.ByToken(context.Background(), tokenOf(t, link)); v != nil {
		t.Error("the replaced link still works")
	}
	cancelled, err := f.ws.Cancel(as(f.owner), other.ID)
	if err != nil || workspaces.StatusOf(cancelled, time.Now()) != workspaces.InvitationCancelled {
		t.Fatalf("Cancel = %+v, %v", cancelled, err)
	}
	u := f.user("other@example.com")
	_, err = f.ws.Accept(as(u), workspaces.Answer{Token: tokenOf(t, newLink)})
	wantCode(t, err, errs.NotFound)
	f.checkEvents(f.w.ID, map[string]int{"workspace.created": 1, "member.invited": 5, "member.joined": 3,
		"invitation.declined": 1, "invitation.cancelled": 1})
}

// TestGuestsDoNotSeeInvitations: a workspace's invitations (the addresses
// of people who are not members yet) are read by its admins and owner
// only, and the feed does not name the address.
func TestGuestsDoNotSeeInvitations(t *testing.T) {
	f := newFixture(t)
	if _, _, err := f.ws.Invite(as(f.admin), f.w.ID, "secret.person@example.com", role.User); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		u    *ent.User
		want int
	}{{f.owner, 1}, {f.admin, 1}, {f.member, 0}, {f.guest, 0}, {f.outer, 0}} {
		n, err := f.c.Invitation.Query().Where(invitation.WorkspaceID(f.w.ID), invitation.AcceptedAtIsNil()).Count(as(tt.u))
		if err != nil || n != tt.want {
			t.Errorf("%s sees %d invitations (%v), want %d", tt.u.Email, n, err, tt.want)
		}
	}
	evs, _ := f.c.ActivityEvent.Query().All(sys)
	for _, ev := range evs {
		if strings.Contains(ev.Summary, "secret.person") {
			t.Errorf("the feed names the invited address: %q", ev.Summary)
		}
	}
}

func TestExpiredInvitation(t *testing.T) {
	f := newFixture(t)
	late := f.user("late@example.com")
	inv, link, err := f.ws.Invite(as(f.admin), f.w.ID, late.Email, role.User)
	if err != nil {
		t.Fatal(err)
	}
	if ttl := inv.ExpiresAt.Sub(time.Now()); ttl < workspaces.InvitationTTL-time.Minute || ttl > workspaces.InvitationTTL {
		t.Errorf("expires in %v, want %v", ttl, workspaces.InvitationTTL)
	}
	f.ws.Now = func() time.Time { return inv.ExpiresAt.Add(time.Second) }
	if got := f.pending(late); len(got) != 0 {
		t.Errorf("an expired invitation is pending: %+v", got)
	}
	_, err = f.ws.Accept(as(late), workspaces.Answer{ID: inv.ID})
	wantCode(t, err, errs.NotFound)
	_, err = f.ws.Accept(as(late), workspaces.Answer{Token: tokenOf(t, link)})
	wantCode(t, err, errs.NotFound)
	// Inviting again makes a fresh one.
	if _, _, err := f.ws.Invite(as(f.admin), f.w.ID, late.Email, role.Guest); err != nil {
		t.Fatal(err)
	}
	if got := f.pending(late); len(got) != 1 || got[0].Role != role.Guest {
		t.Errorf("pending after inviting again: %+v", got)
	}
}

// TestInvitationToArchivedWorkspace: an archived workspace takes no new
// members, whatever invitations were sent before.
func TestInvitationToArchivedWorkspace(t *testing.T) {
	f := newFixture(t)
	late := f.user("late@example.com")
	inv, link, err := f.ws.Invite(as(f.admin), f.w.ID, late.Email, role.User)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.ws.Archive(as(f.owner), f.w.ID); err != nil {
		t.Fatal(err)
	}
	if got := f.pending(late); len(got) != 0 {
		t.Errorf("an archived workspace's invitation is pending: %+v", got)
	}
	for _, a := range []workspaces.Answer{{ID: inv.ID}, {Token: tokenOf(t, link)}} {
		_, err := f.ws.Accept(as(late), a)
		wantCode(t, err, errs.NotFound)
	}
	if _, ok := f.roles(f.w.ID)[late.ID]; ok {
		t.Error("joined an archived workspace")
	}
}

// TestConcurrentAcceptsJoinOnce: two requests with the same link at once
// make one member.
func TestConcurrentAcceptsJoinOnce(t *testing.T) {
	f := newFixture(t)
	_, link, err := f.ws.Invite(as(f.admin), f.w.ID, "x@example.com", role.User)
	if err != nil {
		t.Fatal(err)
	}
	a, b := f.user("a@example.com"), f.user("b@example.com")
	var wg sync.WaitGroup
	errsOf := make([]error, 2)
	for i, u := range []*ent.User{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errsOf[i] = f.ws.Accept(as(u), workspaces.Answer{Token: tokenOf(t, link)})
		}()
	}
	wg.Wait()
	joined := 0
	for _, u := range []*ent.User{a, b} {
		if _, ok := f.roles(f.w.ID)[u.ID]; ok {
			joined++
		}
	}
	if joined != 1 || (errsOf[0] == nil) == (errsOf[1] == nil) {
		t.Fatalf("%d joined; errors %v", joined, errsOf)
	}
}
