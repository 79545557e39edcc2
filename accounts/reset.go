package accounts

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/woowtech/woow-paas/auth"
	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/passwordreset"
	"github.com/woowtech/woow-paas/ent/session"
	"github.com/woowtech/woow-paas/ent/user"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/mail"
	"github.com/woowtech/woow-paas/store"
	"github.com/woowtech/woow-paas/viewer"
)

// ResetTTL is how long a password reset link works.
const ResetTTL = time.Hour

// RequestPasswordReset e-mails a single-use link that sets a new password
// to the account with email, if there is one. The answer is the same
// either way (and the e-mail leaves in the background, so its timing says
// nothing either). Requests are limited per address and per client, so
// nobody can flood a mailbox. Errors: CONFLICT when mail is not set up,
// TOO_MANY_REQUESTS, BAD_USER_INPUT naming email.
func (s *Service) RequestPasswordReset(ctx context.Context, email, clientIP string) error {
	if !s.cfg.Mail.Enabled() {
		return errs.E(errs.Conflict, "password reset by e-mail is not set up on this server; ask its administrator")
	}
	email, err := auth.NormalizeEmail(email)
	if err != nil {
		return err
	}
	keys := []string{"reset-ip:" + clientIP, "reset-email:" + email}
	for _, k := range keys {
		if ok, retry := s.resets.Allow(k); !ok {
			return errs.E(errs.TooManyRequests, "too many reset requests; try again in %s", retry.Round(time.Second))
		}
	}
	// Counted whether or not the account exists, like everything else here.
	for _, k := range keys {
		s.resets.Fail(k)
	}
	sys := viewer.System(ctx)
	u, err := s.client.User.Query().Where(user.Email(email), user.Disabled(false)).Only(sys)
	if ent.IsNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}
	token, hash := auth.NewToken()
	now := s.Now()
	if err := s.client.PasswordReset.Create().
		SetUserID(u.ID).SetTokenHash(hash).SetCreatedAt(now).SetExpiresAt(now.Add(ResetTTL)).
		Exec(sys); err != nil {
		return err
	}
	link := s.cfg.PublicURL + "/reset-password#token=" + token
	err = s.cfg.Mail.Post(mail.Message{
		To:      u.Email,
		Subject: "Reset your Woow PaaS password",
		Text: fmt.Sprintf("Someone (hopefully you) asked to reset the password of your Woow PaaS account.\n\n"+
			"To choose a new password, open this link within an hour:\n\n%s\n\n"+
			"The link works once; setting a new password signs you out everywhere. "+
			"If you did not ask for this, ignore this e-mail: your password stays as it is.\n", link),
	})
	if err != nil {
		s.log.WarnContext(ctx, "mailing a password reset", "user_id", u.ID, "err", err)
	}
	return nil
}

// ResetPassword sets a new password with the token of a reset link. The
// token works once and within ResetTTL; every session of the account ends
// and its other reset links stop working. Errors: BAD_USER_INPUT naming
// token (unknown, used or expired) or newPassword.
func (s *Service) ResetPassword(ctx context.Context, token, password string) error {
	if err := auth.ValidatePassword(password); err != nil {
		if de, ok := errors.AsType[*errs.Error](err); ok {
			return errs.InvalidField("newPassword", "%s", de.Message)
		}
		return err
	}
	token = strings.TrimSpace(token)
	invalid := errs.InvalidField("token", "this reset link is not valid any more; ask for a new one")
	if token == "" || len(token) > 128 {
		return invalid
	}
	hash, err := s.hasher.Hash(password)
	if err != nil {
		return err
	}
	sys := viewer.System(ctx)
	var (
		ended []int
		email string
	)
	err = store.WithTx(sys, s.client, func(tx *ent.Tx) error {
		r, err := tx.PasswordReset.Query().
			Where(passwordreset.TokenHash(auth.HashToken(token)), passwordreset.UsedAtIsNil(),
				passwordreset.ExpiresAtGT(s.Now())).
			WithUser().
			Only(sys)
		if ent.IsNotFound(err) {
			return invalid
		}
		if err != nil {
			return err
		}
		if r.Edges.User.Disabled {
			return invalid
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
		if err := tx.User.UpdateOneID(r.UserID).SetPasswordHash(hash).Exec(sys); err != nil {
			return err
		}
		email = r.Edges.User.Email
		ended, err = s.endSessions(sys, tx.Client(), session.UserID(r.UserID))
		return err
	})
	if err != nil {
		return err
	}
	s.ended(ctx, ended)
	s.limiter.Reset("email:" + email)
	s.log.InfoContext(ctx, "password reset", "sessions_ended", len(ended))
	return nil
}

// SetDisabled disables or enables an account (platform admins only; not
// their own). A disabled account cannot sign in, and its sessions end at
// once, on every replica. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND,
// BAD_USER_INPUT naming userId.
func (s *Service) SetDisabled(ctx context.Context, userID int, disabled bool) error {
	v, err := viewer.Required(ctx)
	if err != nil {
		return err
	}
	if !v.PlatformAdmin {
		return errs.E(errs.Forbidden, "only platform admins may do this")
	}
	if userID == v.UserID {
		return errs.InvalidField("userId", "you cannot disable your own account")
	}
	sys := viewer.System(ctx)
	var ended []int
	err = store.WithTx(sys, s.client, func(tx *ent.Tx) error {
		if err := tx.User.UpdateOneID(userID).SetDisabled(disabled).Exec(sys); err != nil {
			if ent.IsNotFound(err) {
				return errs.E(errs.NotFound, "no such account")
			}
			return err
		}
		if !disabled {
			return nil
		}
		ended, err = s.endSessions(sys, tx.Client(), session.UserID(userID))
		return err
	})
	if err != nil {
		return err
	}
	s.ended(ctx, ended)
	s.log.InfoContext(ctx, "account disabled", "user_id", userID, "disabled", disabled, "by", v.UserID)
	return nil
}
