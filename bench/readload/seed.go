package main

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/woowtech/woow-paas/store"
)

// shape is the seeded data: users, workspaces of membersPer members and
// servicesPer services each, and two viewers, one a member of viewerFew
// workspaces, one of all of them.
type shape struct {
	Users, Workspaces, MembersPer, ServicesPer, ViewerFew int
}

// fullShape is the shape.
var fullShape = shape{Users: 10000, Workspaces: 1000, MembersPer: 10, ServicesPer: 5, ViewerFew: 20}

// The two viewers' session tokens: fixed 43-character base64url strings,
// well formed for auth.WellFormedToken.
const (
	tokenFew = "benchviewerfewAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
	tokenAll = "benchviewerallAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
)

// Identity ranges of the tables (the START WITH of the migrations: ent's
// global unique ids); rows get base+n.
const (
	baseTemplate  = 21474836480
	baseService   = 51539607552
	baseSession   = 64424509440
	baseUser      = 85899345920
	baseWorkspace = 90194313216
	baseMember    = 94489280512
)

func hashToken(t string) string {
	s := sha256.Sum256([]byte(t))
	return hex.EncodeToString(s[:])
}

// migrate creates our schema in the (empty) database with the server's
// own migrations, as the server does at start.
func migrate(ctx context.Context, dsn string) error {
	db, err := store.Open(ctx, dsn, "")
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.Migrate(ctx, slog.New(slog.NewTextHandler(io.Discard, nil)))
	return err
}

// seed fills the schema with sh by SQL. Everything is deterministic: ids,
// names, roles, states and timestamps follow from the row numbers, except
// the sessions' last_seen_at (now, so that the first request does not
// write to extend the session).
func seed(ctx context.Context, db *sql.DB, sh shape) error {
	t0 := time.Now()
	stride := sh.Users / sh.MembersPer // members k of workspace w: distinct users
	stmts := []struct {
		q    string
		args []any
	}{
		{`INSERT INTO users (id, created_at, updated_at, email, name, password_hash)
		  SELECT $1::bigint + i, ts, ts, format('user%s@bench.test', lpad(i::text, 5, '0')),
		         format('User %s', lpad(i::text, 5, '0')), 'x'
		  FROM generate_series(1, $2::int) i, (SELECT timestamptz '2026-01-01 00:00:00+00' ts) t`,
			[]any{baseUser, sh.Users}},
		// The viewers: users n+1 (few) and n+2 (all).
		{`INSERT INTO users (id, created_at, updated_at, email, name, password_hash)
		  VALUES ($1::bigint + $2::int + 1, '2026-01-01Z', '2026-01-01Z', 'viewer-few@bench.test', 'Viewer Few', 'x'),
		         ($1::bigint + $2::int + 2, '2026-01-01Z', '2026-01-01Z', 'viewer-all@bench.test', 'Viewer All', 'x')`,
			[]any{baseUser, sh.Users}},
		{`INSERT INTO app_templates (id, created_at, updated_at, name, slug, category, tags, chart_ref, default_values, value_specs)
		  VALUES ($1::bigint + 1, '2026-01-01Z', '2026-01-01Z', 'Bench', 'bench-read-template', 'bench', '[]',
		          'oci://example.invalid/bench', '{}', '{"required":[],"optional":[]}')`,
			[]any{baseTemplate}},
		// Member k of workspace w is user ((w-1)*37 + k*stride) mod n + 1;
		// k = 0 is the owner.
		{`INSERT INTO workspaces (id, created_at, updated_at, name, slug, owner_id)
		  SELECT $1::bigint + w, ts, ts, format('Workspace %s', lpad(w::text, 4, '0')),
		         format('ws-%s', lpad(w::text, 4, '0')), $2::bigint + ((w-1)*37) % $3::int + 1
		  FROM generate_series(1, $4::int) w, (SELECT timestamptz '2026-01-01 00:00:00+00' ts) t`,
			[]any{baseWorkspace, baseUser, sh.Users, sh.Workspaces}},
		{`INSERT INTO workspace_members (id, created_at, updated_at, role, user_id, workspace_id)
		  SELECT $1::bigint + (w-1)*$2::int + k + 1, ts, ts,
		         CASE WHEN k = 0 THEN 'owner' WHEN k <= 2 THEN 'admin' WHEN k <= 7 THEN 'user' ELSE 'guest' END,
		         $3::bigint + ((w-1)*37 + k*$4::int) % $5::int + 1, $6::bigint + w
		  FROM generate_series(1, $7::int) w, generate_series(0, $2::int - 1) k,
		       (SELECT timestamptz '2026-01-01 00:00:00+00' ts) t`,
			[]any{baseMember, sh.MembersPer, baseUser, stride, sh.Users, baseWorkspace, sh.Workspaces}},
		// The viewers' memberships come after the others (higher ids):
		// few is a user of every (n/few)th workspace, all of every one.
		{`INSERT INTO workspace_members (id, created_at, updated_at, role, user_id, workspace_id)
		  SELECT $1::bigint + $2::int*$3::int + w, ts, ts, 'user', $4::bigint + $5::int + 2, $6::bigint + w
		  FROM generate_series(1, $3::int) w, (SELECT timestamptz '2026-01-01 00:00:00+00' ts) t`,
			[]any{baseMember, sh.MembersPer, sh.Workspaces, baseUser, sh.Users, baseWorkspace}},
		{`INSERT INTO workspace_members (id, created_at, updated_at, role, user_id, workspace_id)
		  SELECT $1::bigint + $2::int*$3::int + $3::int + w, ts, ts, 'user', $4::bigint + $5::int + 1, $6::bigint + w
		  FROM generate_series(1, $3::int) w, (SELECT timestamptz '2026-01-01 00:00:00+00' ts) t
		  WHERE w % ($3::int / $7::int) = 0`,
			[]any{baseMember, sh.MembersPer, sh.Workspaces, baseUser, sh.Users, baseWorkspace, sh.ViewerFew}},
		// States the server's reconciler leaves alone: running and stopped
		// services without a Helm release (none exist: dry-run mode) are
		// put in error by its pass at start, which would change the
		// answer during the run; transitional states without a deadline
		// never time out.
		{`INSERT INTO services (id, created_at, updated_at, name, reference_id, state, subdomain, release_name,
		                       namespace, user_values, template_id, workspace_id)
		  SELECT $1::bigint + (w-1)*$2::int + j + 1, ts, ts, format('svc-%s-%s', lpad(w::text, 4, '0'), j),
		         md5(format('bench-service-%s-%s', w, j))::uuid,
		         (ARRAY['error','pending','deploying','upgrading','stopping'])[j % 5 + 1],
		         format('svc-%s-%s', w, j), format('svc-%s-%s', w, j), format('ws-%s', lpad(w::text, 4, '0')),
		         '{}', $3::bigint + 1, $4::bigint + w
		  FROM generate_series(1, $5::int) w, generate_series(0, $2::int - 1) j,
		       (SELECT timestamptz '2026-01-01 00:00:00+00' ts) t`,
			[]any{baseService, sh.ServicesPer, baseTemplate, baseWorkspace, sh.Workspaces}},
		// The one-time history scrub (deploy.ScrubHistory) has run, as on
		// any installation past its first start: otherwise every start
		// of ours would spend seconds on it (5 queries per service).
		{`INSERT INTO settings (created_at, updated_at, key, value)
		  VALUES ('2026-01-01Z', '2026-01-01Z', 'history.passwords_scrubbed', '2026-01-01T00:00:00Z')`, nil},
		{`INSERT INTO sessions (id, token_hash, created_at, expires_at, last_seen_at, user_id)
		  VALUES ($1::bigint + 1, $2, '2026-01-01Z', '2099-01-01Z', now(), $3::bigint + $4::int + 1),
		         ($1::bigint + 2, $5, '2026-01-01Z', '2099-01-01Z', now(), $3::bigint + $4::int + 2)`,
			[]any{baseSession, hashToken(tokenFew), baseUser, sh.Users, hashToken(tokenAll)}},
	}
	for i, s := range stmts {
		if _, err := db.ExecContext(ctx, s.q, s.args...); err != nil {
			return fmt.Errorf("seed statement %d: %w", i+1, err)
		}
	}
	// ANALYZE cannot take parameters; it runs outside a transaction.
	if _, err := db.ExecContext(ctx, `ANALYZE`); err != nil {
		return fmt.Errorf("analyze: %w", err)
	}
	logf("seeded %d users, %d workspaces x %d members x %d services in %v",
		sh.Users, sh.Workspaces, sh.MembersPer, sh.ServicesPer, time.Since(t0).Round(time.Millisecond))
	return nil
}
