package accounts

import (
	"context"
	"errors"
	"github.com/woowtech/woow-paas/auth"
	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/emailverification"
	"github.com/woowtech/woow-paas/ent/passwordreset"
	"github.com/woowtech/woow-paas/ent/session"
	"github.com/woowtech/woow-paas/ent/user"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/names"
	"github.com/woowtech/woow-paas/store"
	"github.com/woowtech/woow-paas/viewer"
	"strconv"
	"strings"
	"time"
)

// validName trims a display name and checks its length.
func validName(raw string) (string, error) {
	return names.Required("name", "name", raw, 200)
}

// ProfileInput is what an account may change about itself; a nil field
// keeps its value.
type ProfileInput struct {
	Name, Email *string
	// Locale is the web app's language (see Locales); "" follows the
	// browser.
	Locale *string
}

// Locales are the languages the web app speaks, as BCP 47 tags.
var Locales = []string{"en", "zh-TW"}

// validLocale accepts one of Locales (in any letter case, stored in its
// canonical form) or "".
func validLocale(l string) (string, error) {
	if l == "" {
		return "", nil
	}
	for _, c := range Locales {
		if strings.EqualFold(l, c) {
			return c, nil
		}
	}
	return "", errs.InvalidField("locale", "the language is one of %s, or empty to follow the browser", strings.Join(Locales, ", "))
}

// UpdateProfile changes the signed-in account's name, email or language. A new email
// must be free; it is unverified until the account follows the link
// e-mailed to it (when mail is set up), and reset links sent before stop
// working. Errors: UNAUTHENTICATED, BAD_USER_INPUT naming name, email or
// locale.
func (s *Service) UpdateProfile(ctx context.Context, in ProfileInput) (*ent.User, error) {
	v, err := viewer.Required(ctx)
	if err != nil {
		return nil, err
	}
	sys := viewer.System(ctx)
	var (
		u            *ent.User
		emailChanged bool
	)
	err = store.WithTx(sys, s.client, func(tx *ent.Tx) error {
		upd := tx.User.UpdateOneID(v.UserID)
		if in.Name != nil {
			name, err := validName(*in.Name)
			if err != nil {
				return err
			}
			upd.SetName(name)
		}
		if in.Locale != nil {
			l, err := validLocale(*in.Locale)
			if err != nil {
				return err
			}
			upd.SetLocale(l)
		}
		if in.Email != nil {
			email, err := auth.NormalizeEmail(*in.Email)
			if err != nil {
				return err
			}
			taken, err := tx.User.Query().Where(user.Email(email), user.IDNEQ(v.UserID)).Exist(sys)
			if err != nil {
				return err
			}
			if taken {
				return errs.InvalidField("email", "an account with this email already exists")
			}
			old, err := tx.User.Get(sys, v.UserID)
			if err != nil {
				return err
			}
			if email != old.Email {
				// The new address is not proven, and links sent to the
				// old one no longer apply.
				upd.SetEmail(email).ClearEmailVerifiedAt()
				emailChanged = true
				if _, err := tx.PasswordReset.Delete().Where(passwordreset.UserID(v.UserID)).Exec(sys); err != nil {
					return err
				}
				if _, err := tx.EmailVerification.Delete().Where(emailverification.UserID(v.UserID)).Exec(sys); err != nil {
					return err
				}
			}
		}
		u, err = upd.Save(sys)
		if ent.IsConstraintError(err) {
			return errs.InvalidField("email", "an account with this email already exists")
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	if emailChanged && s.cfg.Mail.Enabled(ctx) {
		s.sendVerification(ctx, u)
	}
	return u.Unwrap(), nil
}

// ChangePassword replaces the signed-in account's password after checking
// the current one, and signs out every other session of the account (a
// changed password should lock out whoever else knew the old one). Wrong
// current passwords count towards the same limit as failed sign-ins, so a
// borrowed session cannot be used to guess the password. Errors:
// UNAUTHENTICATED, TOO_MANY_REQUESTS, BAD_USER_INPUT naming currentPassword
// or newPassword.
func (s *Service) ChangePassword(ctx context.Context, current, next string) error {
	v, err := viewer.Required(ctx)
	if err != nil {
		return err
	}
	if err := auth.ValidatePassword(next); err != nil {
		if de, ok := errors.AsType[*errs.Error](err); ok {
			return errs.InvalidField("newPassword", "%s", de.Message)
		}
		return err
	}
	// Each check of the current password counts until it succeeds.
	key := strconv.Itoa(v.UserID)
	if ok, retry := s.changes.Take(key); !ok {
		return errs.E(errs.TooManyRequests, "too many wrong passwords; try again in %s", retry.Round(time.Second))
	}
	if len(current) > auth.MaxPasswordBytes {
		return errs.InvalidField("currentPassword", "the current password is wrong")
	}
	sys := viewer.System(ctx)
	u, err := s.client.User.Get(sys, v.UserID)
	if err != nil {
		return err
	}
	ok, err := s.hasher.Check(u.PasswordHash, current)
	if err != nil {
		return err
	}
	if !ok {
		return errs.InvalidField("currentPassword", "the current password is wrong")
	}
	hash, err := s.hasher.Hash(next)
	if err != nil {
		return err
	}
	var ended []int
	err = store.WithTx(sys, s.client, func(tx *ent.Tx) error {
		if err := tx.User.UpdateOneID(v.UserID).SetPasswordHash(hash).Exec(sys); err != nil {
			return err
		}
		// Reset links asked for before no longer apply.
		if _, err := tx.PasswordReset.Delete().Where(passwordreset.UserID(v.UserID)).Exec(sys); err != nil {
			return err
		}
		ended, err = s.endSessions(sys, tx.Client(), session.UserID(v.UserID), session.IDNEQ(v.SessionID))
		return err
	})
	if err != nil {
		return err
	}
	s.ended(ctx, ended)
	s.changes.Reset(key)
	s.log.InfoContext(ctx, "password changed", "user_id", v.UserID)
	return nil
}
