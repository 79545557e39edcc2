package store

import (
	"context"
	"fmt"

	"github.com/woowtech/woow-paas/ent"
)

// WithTx runs fn in a transaction of c: committed when fn returns nil,
// rolled back otherwise (and on panic). Domain services own their
// transactions; resolvers never open one.
func WithTx(ctx context.Context, c *ent.Client, fn func(tx *ent.Tx) error) (err error) {
	tx, err := c.Tx(ctx)
	if err != nil {
		return fmt.Errorf("starting transaction: %w", err)
	}
	defer func() {
		if v := recover(); v != nil {
			_ = tx.Rollback()
			panic(v)
		}
	}()
	if err := fn(tx); err != nil {
		if rerr := tx.Rollback(); rerr != nil {
			return fmt.Errorf("%w (rolling back: %v)", err, rerr)
		}
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("committing transaction: %w", err)
	}
	return nil
}
