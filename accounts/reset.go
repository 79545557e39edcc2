package accounts

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/woowtech/woow-paas/auth"
	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/emailverification"
	"github.com/woowtech/woow-paas/ent/passwordreset"
	"github.com/woowtech/woow-paas/ent/predicate"
	"github.com/woowtech/woow-paas/ent/session"
	"github.com/woowtech/woow-paas/ent/user"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/mail"
	"github.com/woowtech/woow-paas/store"
	"github.com/woowtech/woow-paas/viewer"
)

// ResetTTL is how long a password reset link works.
const ResetTTL = time.Hour

// VerifyTTL is how long an e-mail verification link works.
const VerifyTTL = 24 * time.Hour

// errNoMail is the refusal of what needs e-mail on a server without it.
var errNoMail = errs.E(errs.Conflict, "e-mail is not set up on this server; ask its administrator")

// RequestPasswordReset e-mails a single-use link that sets a new password
// to the account with email, if there is one. The answer is the same
// either way, and so is its timing: past the limits, the lookup and the
// e-mail happen in the background. Requests are limited per address and
// per client, so nobody can flood a mailbox. Errors: CONFLICT when mail is
// not set up, TOO_MANY_REQUESTS, BAD_USER_INPUT naming email.
func (s *Service) RequestPasswordReset(ctx context.Context, email, clientIP string) error {
	if !s.cfg.Mail.Enabled(ctx) {
		return errNoMail
	}
	email, err := auth.NormalizeEmail(email)
	if err != nil {
		return err
	}
	if err := s.takeMail(auth.AddressKey(clientIP), email); err != nil {
		return err
	}
	select {
	case s.background <- func(ctx context.Context) { s.sendReset(ctx, email) }:
		return nil
	default:
		return errs.E(errs.TooManyRequests, "too many requests right now; try again in a minute")
	}
}

// takeMail counts a request for an e-mail against the client and the
// address.
func (s *Service) takeMail(client, email string) error {
	for _, k := range []string{"client:" + client, "email:" + email} {
		if ok, retry := s.mails.Take(k); !ok {
			return errs.E(errs.TooManyRequests, "too many e-mails asked for; try again in %s", retry.Round(time.Second))
		}
	}
	return nil
}

// sendReset makes a reset link for the account with email, if any, and
// e-mails it.
func (s *Service) sendReset(ctx context.Context, email string) {
	sys := viewer.System(ctx)
	u, err := s.client.User.Query().Where(user.Email(email), user.Disabled(false)).Only(sys)
	if ent.IsNotFound(err) {
		return
	}
	if err != nil {
		s.log.WarnContext(ctx, "password reset: looking up the account", "err", err)
		return
	}
	token, hash := auth.NewToken()
	now := s.Now()
	if err := s.client.PasswordReset.Create().
		SetUserID(u.ID).SetTokenHash(hash).SetCreatedAt(now).SetExpiresAt(now.Add(ResetTTL)).
		Exec(sys); err != nil {
		s.log.WarnContext(ctx, "password reset: storing the link", "err", err)
		return
	}
	link := s.cfg.PublicURL + "/reset-password#token=" + token
	s.post(ctx, "a password reset", u.ID, mail.Message{
		To:      u.Email,
		Subject: "Reset your Woow PaaS password",
		Text: fmt.Sprintf("Someone (hopefully you) asked to reset the password of your Woow PaaS account.\n\n"+
			"To choose a new password, open this link within an hour:\n\n%s\n\n"+
			"The link works once; setting a new password signs you out everywhere. "+
			"If you did not ask for this, ignore this e-mail: your password stays as it is.\n", link),
	})
}

// post queues m, logging (never the body: it holds a link) when it cannot.
func (s *Service) post(ctx context.Context, what string, userID int, m mail.Message) {
	if err := s.cfg.Mail.Post(m); err != nil {
		s.log.WarnContext(ctx, "mailing "+what, "user_id", userID, "err", err)
	}
}

// ResetPassword sets a new password with the token of a reset link. The
// token works once and within ResetTTL; every session of the account ends,
// its other reset links stop working, and its address counts as verified
// (the link reached it). The token is looked up before the new password is
// hashed, so a made-up token costs a lookup, not a hash. Errors:
// BAD_USER_INPUT naming token (unknown, used or expired) or newPassword,
// TOO_MANY_REQUESTS.
func (s *Service) ResetPassword(ctx context.Context, token, password, clientIP string) error {
	if err := auth.ValidatePassword(password); err != nil {
		if de, ok := errors.AsType[*errs.Error](err); ok {
			return errs.InvalidField("newPassword", "%s", de.Message)
		}
		return err
	}
	invalid := errs.InvalidField("token", "this reset link is not valid any more; ask for a new one")
	if !auth.WellFormedToken(token) {
		return invalid
	}
	client := auth.AddressKey(clientIP)
	if ok, retry := s.resets.Take(client); !ok {
		return errs.E(errs.TooManyRequests, "too many attempts; try again in %s", retry.Round(time.Second))
	}
	sys := viewer.System(ctx)
	valid := []predicate.PasswordReset{passwordreset.TokenHash(auth.HashToken(token)), passwordreset.UsedAtIsNil(),
		passwordreset.ExpiresAtGT(s.Now()), passwordreset.HasUserWith(user.Disabled(false))}
	if ok, err := s.client.PasswordReset.Query().Where(valid...).Exist(sys); err != nil || !ok {
		if err != nil {
			return err
		}
		return invalid
	}
	s.resets.Undo(client)
	hash, err := s.hasher.Hash(password)
	if err != nil {
		return err
	}
	var (
		ended  []int
		email  string
		userID int
	)
	err = store.WithTx(sys, s.client, func(tx *ent.Tx) error {
		r, err := tx.PasswordReset.Query().Where(valid...).WithUser().Only(sys)
		if ent.IsNotFound(err) {
			return invalid
		}
		if err != nil {
			return err
		}
		// Single use, also against two requests racing with the token.
		n, err := tx.PasswordReset.Update().
			Where(passwordreset.ID(r.ID), passwordreset.UsedAtIsNil()).
			SetUsedAt(s.Now()).Save(sys)
		if err != nil {
			return err
		}
		if n != 1 {
			return invalid
		}
		if _, err := tx.PasswordReset.Delete().
			Where(passwordreset.UserID(r.UserID), passwordreset.UsedAtIsNil()).Exec(sys); err != nil {
			return err
		}
		u := tx.User.UpdateOneID(r.UserID).SetPasswordHash(hash)
		if r.Edges.User.EmailVerifiedAt == nil {
			u.SetEmailVerifiedAt(s.Now())
		}
		if err := u.Exec(sys); err != nil {
			return err
		}
		email, userID = r.Edges.User.Email, r.UserID
		ended, err = s.endSessions(sys, tx.Client(), session.UserID(r.UserID))
		return err
	})
	if err != nil {
		return err
	}
	s.ended(ctx, ended)
	s.lockout(ctx, userID)
	s.slow.Reset("email:" + email)
	s.log.InfoContext(ctx, "password reset", "sessions_ended", len(ended))
	return nil
}

// sendVerification e-mails u a link that verifies its current address.
func (s *Service) sendVerification(ctx context.Context, u *ent.User) {
	token, hash := auth.NewToken()
	now := s.Now()
	sys := viewer.System(ctx)
	if err := s.client.EmailVerification.Create().
		SetUserID(u.ID).SetEmail(u.Email).SetTokenHash(hash).SetCreatedAt(now).SetExpiresAt(now.Add(VerifyTTL)).
		Exec(sys); err != nil {
		s.log.WarnContext(ctx, "e-mail verification: storing the link", "err", err)
		return
	}
	link := s.cfg.PublicURL + "/verify-email#token=" + token
	s.post(ctx, "an e-mail verification", u.ID, mail.Message{
		To:      u.Email,
		Subject: "Confirm your e-mail address for Woow PaaS",
		Text: fmt.Sprintf("To confirm that this address belongs to your Woow PaaS account, open this link within a day:\n\n%s\n\n"+
			"Invitations sent to this address then show in the app. "+
			"If you did not create an account, ignore this e-mail.\n", link),
	})
}

// RequestEmailVerification e-mails the viewer a link that verifies the
// account's address (nothing when it is verified already). Errors:
// UNAUTHENTICATED, CONFLICT when mail is not set up, TOO_MANY_REQUESTS.
func (s *Service) RequestEmailVerification(ctx context.Context, clientIP string) error {
	v, err := viewer.Required(ctx)
	if err != nil {
		return err
	}
	if !s.cfg.Mail.Enabled(ctx) {
		return errNoMail
	}
	u, err := s.client.User.Get(viewer.System(ctx), v.UserID)
	if err != nil {
		return err
	}
	if u.EmailVerifiedAt != nil {
		return nil
	}
	if err := s.takeMail(auth.AddressKey(clientIP), u.Email); err != nil {
		return err
	}
	s.sendVerification(ctx, u)
	return nil
}

// VerifyEmail marks an address verified with the token of a verification
// link (signed in or not: the link is the proof). The link works once,
// within VerifyTTL, and only while the account still has the address it
// was sent to. Errors: BAD_USER_INPUT naming token, TOO_MANY_REQUESTS.
func (s *Service) VerifyEmail(ctx context.Context, token, clientIP string) error {
	invalid := errs.InvalidField("token", "this verification link is not valid any more; ask for a new one")
	if !auth.WellFormedToken(token) {
		return invalid
	}
	client := auth.AddressKey(clientIP)
	if ok, retry := s.resets.Take(client); !ok {
		return errs.E(errs.TooManyRequests, "too many attempts; try again in %s", retry.Round(time.Second))
	}
	sys := viewer.System(ctx)
	err := store.WithTx(sys, s.client, func(tx *ent.Tx) error {
		ev, err := tx.EmailVerification.Query().
			Where(emailverification.TokenHash(auth.HashToken(token)), emailverification.UsedAtIsNil(),
				emailverification.ExpiresAtGT(s.Now()), emailverification.HasUserWith(user.Disabled(false))).
			WithUser().
			Only(sys)
		if ent.IsNotFound(err) {
			return invalid
		}
		if err != nil {
			return err
		}
		if ev.Edges.User.Email != ev.Email {
			return invalid
		}
		n, err := tx.EmailVerification.Update().
			Where(emailverification.ID(ev.ID), emailverification.UsedAtIsNil()).
			SetUsedAt(s.Now()).Save(sys)
		if err != nil {
			return err
		}
		if n != 1 {
			return invalid
		}
		if ev.Edges.User.EmailVerifiedAt != nil {
			return nil
		}
		return tx.User.UpdateOneID(ev.UserID).SetEmailVerifiedAt(s.Now()).Exec(sys)
	})
	if err == nil {
		s.resets.Undo(client) // a link that worked was no guess
	}
	return err
}
