package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"testing"

	"golang.org/x/sync/errgroup"

	"github.com/woowtech/woow-paas/ent/user"
	"github.com/woowtech/woow-paas/store"
	"github.com/woowtech/woow-paas/store/storetest"
	"github.com/woowtech/woow-paas/viewer"
)

// Reads on PostgreSQL go through a bounded cache of prepared statements
// (stmtcache.go). More distinct statements than it holds, run
// concurrently and repeatedly, so that statements are evicted (closed)
// while others use the cache, must all answer correctly.
func TestPreparedReadsSurviveEviction(t *testing.T) {
	db := storetest.Open(t)
	sys := viewer.System(context.Background())
	const users = 40
	ids := make([]int, users)
	for i := range ids {
		ids[i] = db.Client.User.Create().SetEmail(fmt.Sprintf("u%d@example.com", i)).
			SetPasswordHash("x").SaveX(sys).ID
	}
	// Each length of the IN list and each number of name filters is a
	// distinct statement text: 40 x 15 of them, past the cache's 512.
	var g errgroup.Group
	g.SetLimit(8)
	for round := range 2 {
		for n := 1; n <= users; n++ {
			for k := range 15 {
				g.Go(func() error {
					q := db.Client.User.Query().Where(user.IDIn(ids[:n]...))
					for i := range k {
						q.Where(user.NameNEQ(fmt.Sprintf("nobody-%d", i)))
					}
					got, err := q.Count(sys)
					if err != nil {
						return fmt.Errorf("round %d, %d ids: %w", round, n, err)
					}
					if got != n {
						return fmt.Errorf("round %d: %d ids counted %d users", round, n, got)
					}
					return nil
				})
			}
		}
	}
	if err := g.Wait(); err != nil {
		t.Fatal(err)
	}
}

// The store's client keeps ent's BeginTx (with options) through its
// driver wrappers, and its statements are still counted.
func TestClientBeginTx(t *testing.T) {
	db := storetest.Open(t)
	ctx, n := store.CountStatements(viewer.System(context.Background()))
	tx, err := db.Client.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.User.Query().Count(ctx); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if n.N() == 0 {
		t.Error("a statement in a BeginTx transaction was not counted")
	}
}
