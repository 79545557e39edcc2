package store_test

import (
	"bytes"
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/user"
	"github.com/woowtech/woow-paas/store"
	"github.com/woowtech/woow-paas/store/storetest"
	"github.com/woowtech/woow-paas/viewer"
)

// ddl matches a statement that would change the schema.
var ddl = regexp.MustCompile(`(?i)\b(CREATE|ALTER|DROP)\b`)

// TestMigrationsMatchSchema proves the committed migrations produce exactly
// the schema the ent code describes: on a freshly migrated database, ent's
// own auto-migration planner has nothing left to do.
func TestMigrationsMatchSchema(t *testing.T) {
	db := storetest.Open(t)
	var buf bytes.Buffer
	if err := db.Client.Schema.WriteTo(context.Background(), &buf); err != nil {
		t.Fatalf("planning migration: %v", err)
	}
	var changes []string
	for _, line := range strings.Split(buf.String(), "\n") {
		if ddl.MatchString(line) {
			changes = append(changes, line)
		}
	}
	if len(changes) > 0 {
		t.Errorf("%s: the ent schema differs from the migrated database; ent would run:\n%s",
			db.Dialect, strings.Join(changes, "\n"))
	}
	t.Logf("%s planner output: %q", db.Dialect, buf.String())
}

// countUsers counts users bypassing privacy.
func countUsers(t *testing.T, c *ent.Client) int {
	t.Helper()
	n, err := c.User.Query().Count(viewer.System(context.Background()))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func createUser(ctx context.Context, tx *ent.Tx, email string) error {
	return tx.User.Create().SetEmail(email).SetName("x").SetPasswordHash("h").Exec(ctx)
}

func TestWithTx(t *testing.T) {
	db := storetest.Open(t)
	ctx := viewer.System(context.Background())

	t.Run("commits on nil", func(t *testing.T) {
		err := store.WithTx(ctx, db.Client, func(tx *ent.Tx) error {
			return createUser(ctx, tx, "commit@example.com")
		})
		if err != nil {
			t.Fatal(err)
		}
		ok, err := db.Client.User.Query().Where(user.Email("commit@example.com")).Exist(ctx)
		if err != nil || !ok {
			t.Fatalf("committed user missing: exist=%v err=%v", ok, err)
		}
	})

	t.Run("rolls back on error", func(t *testing.T) {
		before := countUsers(t, db.Client)
		boom := errors.New("boom")
		err := store.WithTx(ctx, db.Client, func(tx *ent.Tx) error {
			if err := createUser(ctx, tx, "rollback@example.com"); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatalf("WithTx = %v, want the fn's error", err)
		}
		if got := countUsers(t, db.Client); got != before {
			t.Errorf("users after rollback = %d, want %d", got, before)
		}
	})

	t.Run("rolls back and re-panics on panic", func(t *testing.T) {
		before := countUsers(t, db.Client)
		var recovered any
		func() {
			defer func() { recovered = recover() }()
			_ = store.WithTx(ctx, db.Client, func(tx *ent.Tx) error {
				if err := createUser(ctx, tx, "panic@example.com"); err != nil {
					t.Errorf("create: %v", err)
				}
				panic("kaboom")
			})
		}()
		if recovered != "kaboom" {
			t.Fatalf("recovered %v, want the original panic value", recovered)
		}
		if got := countUsers(t, db.Client); got != before {
			t.Errorf("users after panic = %d, want %d", got, before)
		}
		// The connection went back to the pool in a usable state: a new
		// transaction works (on SQLite a leaked write transaction would
		// block it until the busy timeout).
		err := store.WithTx(ctx, db.Client, func(tx *ent.Tx) error {
			return createUser(ctx, tx, "after-panic@example.com")
		})
		if err != nil {
			t.Fatalf("transaction after panic: %v", err)
		}
	})
}
