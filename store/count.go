package store

import (
	"context"
	"database/sql"
	"fmt"
	"sync/atomic"

	"entgo.io/ent/dialect"
)

// StatementCounter counts the SQL statements run with a context (see
// CountStatements): the request log reports it, and tests use it to see
// that a page costs a constant number of statements, not one per row.
type StatementCounter struct{ n atomic.Int64 }

// N is the number of statements counted so far.
func (c *StatementCounter) N() int64 {
	if c == nil {
		return 0
	}
	return c.n.Load()
}

type counterKey struct{}

// CountStatements returns a context whose statements (through the store's
// ent clients, also in transactions) are counted by the returned counter.
// A context that already counts keeps its counter.
func CountStatements(ctx context.Context) (context.Context, *StatementCounter) {
	if c, ok := ctx.Value(counterKey{}).(*StatementCounter); ok {
		return ctx, c
	}
	c := &StatementCounter{}
	return context.WithValue(ctx, counterKey{}, c), c
}

func countStatement(ctx context.Context) {
	if c, ok := ctx.Value(counterKey{}).(*StatementCounter); ok {
		c.n.Add(1)
	}
}

// countingDriver counts the statements of contexts from CountStatements.
type countingDriver struct{ dialect.Driver }

func (d countingDriver) Exec(ctx context.Context, query string, args, v any) error {
	countStatement(ctx)
	return d.Driver.Exec(ctx, query, args, v)
}

func (d countingDriver) Query(ctx context.Context, query string, args, v any) error {
	countStatement(ctx)
	return d.Driver.Query(ctx, query, args, v)
}

// BeginTx keeps ent's Client.BeginTx working through the wrapper.
func (d countingDriver) BeginTx(ctx context.Context, opts *sql.TxOptions) (dialect.Tx, error) {
	b, ok := d.Driver.(interface {
		BeginTx(context.Context, *sql.TxOptions) (dialect.Tx, error)
	})
	if !ok {
		return nil, fmt.Errorf("store: driver %T does not support BeginTx", d.Driver)
	}
	tx, err := b.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	return countingTx{tx}, nil
}

func (d countingDriver) Tx(ctx context.Context) (dialect.Tx, error) {
	tx, err := d.Driver.Tx(ctx)
	if err != nil {
		return nil, err
	}
	return countingTx{tx}, nil
}

type countingTx struct{ dialect.Tx }

func (t countingTx) Exec(ctx context.Context, query string, args, v any) error {
	countStatement(ctx)
	return t.Tx.Exec(ctx, query, args, v)
}

func (t countingTx) Query(ctx context.Context, query string, args, v any) error {
	countStatement(ctx)
	return t.Tx.Query(ctx, query, args, v)
}
