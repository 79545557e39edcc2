package store

import (
	"context"
	"database/sql"
	"fmt"
	"sync"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"

	"github.com/woowtech/woow-paas/ent"
)

type afterCommit struct {
	mu  sync.Mutex
	fns []func()
}

type afterCommitKey struct{}

// AfterCommit runs fn once the transaction of WithSQLTx carried by ctx
// commits (never if it rolls back), or at once outside one.
func AfterCommit(ctx context.Context, fn func()) {
	if ac, ok := ctx.Value(afterCommitKey{}).(*afterCommit); ok {
		ac.mu.Lock()
		ac.fns = append(ac.fns, fn)
		ac.mu.Unlock()
		return
	}
	fn()
}

// OnCommit runs fn once the change m belongs to is committed: after the
// WithSQLTx transaction carried by ctx, after m's ent transaction, or at
// once when m runs in neither. Hooks that announce a change (on the event
// bus) use it, so that nobody hears of a change that was rolled back.
func OnCommit(ctx context.Context, m interface{ Tx() (*ent.Tx, error) }, fn func()) {
	if InSQLTx(ctx) {
		AfterCommit(ctx, fn)
		return
	}
	tx, err := m.Tx()
	if err != nil {
		fn()
		return
	}
	tx.OnCommit(func(next ent.Committer) ent.Committer {
		return ent.CommitFunc(func(ctx context.Context, tx *ent.Tx) error {
			err := next.Commit(ctx, tx)
			if err == nil {
				fn()
			}
			return err
		})
	})
}

// InSQLTx reports whether ctx carries a WithSQLTx transaction.
func InSQLTx(ctx context.Context) bool {
	_, ok := ctx.Value(afterCommitKey{}).(*afterCommit)
	return ok
}

// Use installs configuration (hooks) on the store's client and on every
// client WithSQLTx binds to a transaction: ent hooks live on a client, so a
// new client needs them again.
func (db *DB) Use(configure func(*ent.Client)) {
	db.configure = append(db.configure, configure)
	configure(db.Client)
}

// WithSQLTx runs fn in a database/sql transaction with an ent client bound
// to it, so that ent writes and other writes in tx (River jobs) commit or
// roll back together. Functions given to AfterCommit with fn's context run
// after the commit.
func (db *DB) WithSQLTx(ctx context.Context, fn func(ctx context.Context, c *ent.Client, tx *sql.Tx) error) (err error) {
	tx, err := db.SQL.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("starting transaction: %w", err)
	}
	d := dialect.SQLite
	if db.Dialect == "postgres" {
		d = dialect.Postgres
	}
	c := ent.NewClient(ent.Driver(countingDriver{txDriver{Conn: entsql.Conn{ExecQuerier: tx}, dialect: d}}))
	for _, configure := range db.configure {
		configure(c)
	}
	ac := &afterCommit{}
	defer func() {
		if v := recover(); v != nil {
			_ = tx.Rollback()
			panic(v)
		}
	}()
	if err := fn(context.WithValue(ctx, afterCommitKey{}, ac), c, tx); err != nil {
		if rerr := tx.Rollback(); rerr != nil {
			return fmt.Errorf("%w (rolling back: %v)", err, rerr)
		}
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("committing transaction: %w", err)
	}
	for _, f := range ac.fns {
		f()
	}
	return nil
}

// txDriver is an ent driver bound to an open *sql.Tx. ent starts its own
// transaction for writes that touch several tables; inside ours that is
// the same transaction, whose commit and rollback stay with WithSQLTx.
type txDriver struct {
	entsql.Conn
	dialect string
}

func (d txDriver) Dialect() string                        { return d.dialect }
func (d txDriver) Close() error                           { return nil }
func (d txDriver) Tx(context.Context) (dialect.Tx, error) { return nestedTx{d}, nil }

type nestedTx struct{ txDriver }

func (nestedTx) Commit() error   { return nil }
func (nestedTx) Rollback() error { return nil }
