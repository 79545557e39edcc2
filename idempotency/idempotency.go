// Package idempotency makes create mutations safe to send twice: a
// request that carries a client's idempotency key makes its object once,
// and the same key again (a double click, a retry after a lost answer)
// answers with what the first made. Keys are per user and operation and
// last a day.
//
// A create calls Earlier inside its transaction, after authorising and
// before making anything, and Remember in the same transaction once it
// has made it: either both the object and its key exist or neither does.
// Two requests with one key at the very same moment may both find none:
// the second's Remember then fails on the unique index and its
// transaction rolls back, as CONFLICT.
package idempotency

import (
	"context"
	"time"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/idempotencykey"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/viewer"
)

// Lifetime is how long a key is remembered.
const Lifetime = 24 * time.Hour

// Check refuses a key that is not 1 to 100 printable ASCII characters
// ("" means no key and is fine); field names the input.
func Check(field, key string) error {
	if len(key) > 100 {
		return errs.InvalidField(field, "an idempotency key has at most 100 characters")
	}
	for i := 0; i < len(key); i++ {
		if key[i] < 0x21 || key[i] > 0x7e {
			return errs.InvalidField(field, "an idempotency key is printable ASCII without spaces (a UUID, say)")
		}
	}
	return nil
}

// Earlier returns the id of what the viewer's earlier request of
// operation with key made, 0 when there was none (or no key).
func Earlier(ctx context.Context, c *ent.Client, operation, key string) (int, error) {
	v := viewer.FromContext(ctx)
	if key == "" || v == nil {
		return 0, nil
	}
	k, err := c.IdempotencyKey.Query().
		Where(idempotencykey.UserID(v.UserID), idempotencykey.Operation(operation), idempotencykey.Key(key),
			idempotencykey.CreatedAtGT(time.Now().UTC().Add(-Lifetime))).
		Only(viewer.System(ctx))
	if ent.IsNotFound(err) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	return k.ResultID, nil
}

// Remember records that the viewer's request of operation with key made
// id (nothing without a key), and forgets the viewer's expired keys.
func Remember(ctx context.Context, c *ent.Client, operation, key string, id int) error {
	v := viewer.FromContext(ctx)
	if key == "" || v == nil {
		return nil
	}
	sys := viewer.System(ctx)
	if _, err := c.IdempotencyKey.Delete().
		Where(idempotencykey.UserID(v.UserID), idempotencykey.Operation(operation), idempotencykey.Key(key),
			idempotencykey.CreatedAtLTE(time.Now().UTC().Add(-Lifetime))).Exec(sys); err != nil {
		return err
	}
	err := c.IdempotencyKey.Create().SetUserID(v.UserID).SetOperation(operation).SetKey(key).SetResultID(id).Exec(sys)
	if ent.IsConstraintError(err) {
		return errs.E(errs.Conflict, "a request with this idempotency key is being made at this moment: read the result again")
	}
	return err
}

// Purge forgets the keys older than Lifetime (the server's periodic
// clean-up).
func Purge(ctx context.Context, c *ent.Client) (int, error) {
	return c.IdempotencyKey.Delete().Where(idempotencykey.CreatedAtLT(time.Now().UTC().Add(-Lifetime))).
		Exec(viewer.System(ctx))
}
