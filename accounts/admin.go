package accounts

import (
	"context"
	"slices"
	"strings"
	"unicode/utf8"

	"entgo.io/contrib/entgql"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/session"
	"github.com/woowtech/woow-paas/ent/user"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/policy"
	"github.com/woowtech/woow-paas/store"
	"github.com/woowtech/woow-paas/viewer"
)

// maxSearch bounds the users screen's search text.
const maxSearch = 100

// Users is the platform admins' list of accounts: every account, not only
// those sharing a workspace with the viewer (the User privacy rule), since
// managing them is what the list is for. search matches the name or the
// address, whatever the case. Errors: UNAUTHENTICATED, FORBIDDEN,
// BAD_USER_INPUT naming search.
func (s *Service) Users(ctx context.Context, after *entgql.Cursor[int], first *int, before *entgql.Cursor[int], last *int, search *string, orderBy *ent.UserOrder) (*ent.UserConnection, error) {
	if err := policy.PlatformAdmin(ctx); err != nil {
		return nil, err
	}
	q := s.client.User.Query()
	if search != nil {
		text := strings.TrimSpace(*search)
		if utf8.RuneCountInString(text) > maxSearch {
			return nil, errs.InvalidField("search", "a search has at most %d characters", maxSearch)
		}
		if text != "" {
			q.Where(user.Or(user.NameContainsFold(text), user.EmailContainsFold(text)))
		}
	}
	return q.Paginate(viewer.System(ctx), after, first, before, last, ent.WithUserOrder(orderBy))
}

// SetPlatformAdmin makes an account a platform admin or takes the role
// away (platform admins; also their own, while another active admin
// remains). It takes effect at the account's next request: sessions and
// tokens read the flag each time. Errors: UNAUTHENTICATED, FORBIDDEN,
// NOT_FOUND, CONFLICT (the last active platform admin).
func (s *Service) SetPlatformAdmin(ctx context.Context, userID int, admin bool) (*ent.User, error) {
	if err := policy.PlatformAdmin(ctx); err != nil {
		return nil, err
	}
	v, err := viewer.Required(ctx)
	if err != nil {
		return nil, err
	}
	sys := viewer.System(ctx)
	var out *ent.User
	err = store.WithTx(sys, s.client, func(tx *ent.Tx) error {
		if err := s.keepAnAdmin(sys, tx, v.UserID, userID, !admin); err != nil {
			return err
		}
		out, err = tx.User.UpdateOneID(userID).SetPlatformAdmin(admin).Save(sys)
		if ent.IsNotFound(err) {
			return errs.E(errs.NotFound, "no such account")
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	s.log.InfoContext(ctx, "platform admin changed", "user_id", userID, "platform_admin", admin, "by", v.UserID)
	return out, nil
}

// SetDisabled disables or enables an account (platform admins only; not
// their own). A disabled account cannot sign in, and its sessions and
// OAuth tokens end at once, on every replica; the last active platform
// admin cannot be disabled. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND,
// BAD_USER_INPUT naming userId, CONFLICT (the last active platform admin).
func (s *Service) SetDisabled(ctx context.Context, userID int, disabled bool) (*ent.User, error) {
	if err := policy.PlatformAdmin(ctx); err != nil {
		return nil, err
	}
	v, err := viewer.Required(ctx)
	if err != nil {
		return nil, err
	}
	if userID == v.UserID {
		return nil, errs.InvalidField("userId", "you cannot disable your own account")
	}
	sys := viewer.System(ctx)
	var (
		ended []int
		out   *ent.User
	)
	err = store.WithTx(sys, s.client, func(tx *ent.Tx) error {
		if err := s.keepAnAdmin(sys, tx, v.UserID, userID, disabled); err != nil {
			return err
		}
		out, err = tx.User.UpdateOneID(userID).SetDisabled(disabled).Save(sys)
		if ent.IsNotFound(err) {
			return errs.E(errs.NotFound, "no such account")
		}
		if err != nil || !disabled {
			return err
		}
		ended, err = s.endSessions(sys, tx.Client(), session.UserID(userID))
		return err
	})
	if err != nil {
		return nil, err
	}
	s.ended(ctx, ended)
	if disabled {
		s.lockout(ctx, userID)
	}
	s.log.InfoContext(ctx, "account disabled", "user_id", userID, "disabled", disabled, "by", v.UserID)
	return out, nil
}

// keepAnAdmin runs in tx before a change of account target's standing by
// the viewer by: it refuses (CONFLICT) when removing target's standing
// (removes) would leave no active platform admin, and refuses (FORBIDDEN)
// a viewer who is no longer one. It reads the active admins under a lock
// held until the transaction ends, so that two admins demoting or
// disabling each other at the same moment take turns and the second sees
// the first's change: on PostgreSQL the rows (FOR UPDATE, in id order so
// that no two wait on each other); SQLite's write transactions are serial
// already (store.OpenSQLite begins them immediate).
func (s *Service) keepAnAdmin(ctx context.Context, tx *ent.Tx, by, target int, removes bool) error {
	q := tx.User.Query().Where(user.PlatformAdmin(true), user.Disabled(false)).Order(user.ByID())
	if s.cfg.Dialect == "postgres" {
		q.ForUpdate()
	}
	admins, err := q.IDs(ctx)
	if err != nil {
		return err
	}
	// The viewer's standing as it is now, not as it was when the request
	// began: an admin another one just demoted is one no longer.
	if !slices.Contains(admins, by) {
		return errs.E(errs.Forbidden, "only platform admins may do this")
	}
	if removes && len(admins) == 1 && admins[0] == target {
		return errs.E(errs.Conflict, "this is the last active platform admin: make another account a platform admin first")
	}
	return nil
}
