// Package smarthome gives Home Assistant installations a public address
// through Cloudflare Tunnels (SPEC section 5): the state machine
// pending -> provisioning -> active | error, -> deleting -> gone, the
// operations that start each step, the durable jobs that do the Cloudflare
// work (package tunnels), and the tunnel status.
//
// As with deploys, an operation checks the permission, moves the home into
// its next state, records the activity and inserts the job in one
// transaction; the job runs on the server's one River client (see
// deploy.JobsConfig.Register). Every change of a home is announced on the
// bus after it commits, for the smartHomeStatus subscription.
package smarthome

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
	"github.com/riverqueue/river"
	"golang.org/x/sync/singleflight"

	"github.com/woowtech/woow-paas/activity"
	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/smarthome"
	"github.com/woowtech/woow-paas/ent/workspace"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/events"
	"github.com/woowtech/woow-paas/idempotency"
	"github.com/woowtech/woow-paas/live"
	"github.com/woowtech/woow-paas/names"
	"github.com/woowtech/woow-paas/policy"
	"github.com/woowtech/woow-paas/secretbox"
	"github.com/woowtech/woow-paas/store"
	"github.com/woowtech/woow-paas/tunnels"
	"github.com/woowtech/woow-paas/viewer"
	"github.com/woowtech/woow-paas/workspaces"
)

// Jobs inserts a job in the caller's transaction (the server's job
// runner: deploy.Deployer).
type Jobs interface {
	InsertJobTx(ctx context.Context, tx *sql.Tx, args river.JobArgs, opts *river.InsertOpts) error
}

// Config tunes the smart home domain.
type Config struct {
	// Domain is the base domain of the homes' host names.
	Domain string
	// MaxAttempts is how often a job runs before the home goes to error
	// (default 5; a refusal by Cloudflare stops at once).
	MaxAttempts int
	// RefreshEvery is the period of the status check of active homes and
	// of the time-out of stuck ones (default one minute).
	RefreshEvery time.Duration
	// MinRefresh is the least time between two on-demand reads of one
	// home's status from Cloudflare (default 5 s): the integration polls
	// every 30 s, and many viewers must not multiply the calls.
	MinRefresh time.Duration
	// StuckAfter is how long a home may stay pending, provisioning or
	// deleting before it is declared failed ("timed out"; default 30 min).
	StuckAfter time.Duration
}

// Homes is the smart home domain.
type Homes struct {
	db   *store.DB
	cf   *tunnels.Client
	box  *secretbox.Box
	bus  events.Bus
	jobs Jobs
	cfg  Config
	log  *slog.Logger

	stream *live.Stream[*ent.SmartHome, time.Time]

	refreshing singleflight.Group
	mu         sync.Mutex
	lastRead   map[int]time.Time // guarded by mu

	// Now is the clock; tests replace it.
	Now func() time.Time
}

// New returns the smart home domain. Its jobs run once RegisterJobs has
// been given to the job runner.
func New(db *store.DB, cf *tunnels.Client, box *secretbox.Box, bus events.Bus, jobs Jobs, cfg Config, log *slog.Logger) *Homes {
	if cfg.Domain == "" {
		cfg.Domain = "woowtech.io"
	}
	if cfg.MaxAttempts <= 0 {
		cfg.MaxAttempts = 5
	}
	if cfg.RefreshEvery <= 0 {
		cfg.RefreshEvery = time.Minute
	}
	if cfg.MinRefresh <= 0 {
		cfg.MinRefresh = 5 * time.Second
	}
	if cfg.StuckAfter <= 0 {
		cfg.StuckAfter = 30 * time.Minute
	}
	h := &Homes{db: db, cf: cf, box: box, bus: bus, jobs: jobs, cfg: cfg, log: log,
		lastRead: map[int]time.Time{}, Now: func() time.Time { return time.Now().UTC() }}
	h.newStream()
	return h
}

// Close ends the stream's background work.
func (h *Homes) Close() { h.stream.Close() }

// Topic carries the changes of a workspace's smart homes.
func Topic(ws int) string { return fmt.Sprintf("workspace.%d.smarthomes", ws) }

// CreateInput is what createSmartHome takes.
type CreateInput struct {
	WorkspaceID int
	Name        string
	// HAPort is Home Assistant's port on the connector's machine (0: 8123).
	HAPort int
	// IdempotencyKey, when given, makes the same request sent again
	// answer with the home the first made (package idempotency).
	IdempotencyKey string
}

// Create registers a home and queues its provisioning. It returns at once,
// the home pending.
func (h *Homes) Create(ctx context.Context, in CreateInput) (*ent.SmartHome, error) {
	v, err := viewer.Required(ctx)
	if err != nil {
		return nil, err
	}
	var out *ent.SmartHome
	err = h.db.WithSQLTx(ctx, func(ctx context.Context, c *ent.Client, tx *sql.Tx) error {
		q := c.Workspace.Query().Where(workspace.ID(in.WorkspaceID))
		if h.db.Dialect == "postgres" {
			q.ForShare() // archiving waits for this home, as for a deploy
		}
		ws, err := q.Only(ctx)
		if ent.IsNotFound(err) {
			return errs.E(errs.NotFound, "workspace not found")
		}
		if err != nil {
			return err
		}
		if err := policy.Can(ctx, c, ws.ID, policy.ManageSmartHomes); err != nil {
			return err
		}
		if err := idempotency.Check("idempotencyKey", in.IdempotencyKey); err != nil {
			return err
		}
		if id, err := idempotency.Earlier(ctx, c, "createSmartHome", in.IdempotencyKey); err != nil {
			return err
		} else if id != 0 {
			out = &ent.SmartHome{ID: id}
			return nil // sent again: what the first made
		}
		name, err := names.Required("name", "name", in.Name, 100)
		if err != nil {
			return err
		}
		port := in.HAPort
		if port == 0 {
			port = 8123
		}
		if port < 1 || port > 65535 {
			return errs.InvalidField("haPort", "a port is a number from 1 to 65535")
		}
		ref := uuid.New()
		ref8 := strings.ReplaceAll(ref.String(), "-", "")[:8]
		host := fmt.Sprintf("paas-sm-%s-%s.%s", workspaces.HostLabel(ws.Slug), ref8, h.cfg.Domain)
		out, err = c.SmartHome.Create().
			SetWorkspaceID(ws.ID).
			SetName(name).
			SetReferenceID(ref).
			SetHaPort(port).
			SetSubdomain(host).
			SetTunnelName("woow-sm-" + ref.String()).
			SetState(smarthome.StatePending).
			Save(ctx)
		if err != nil {
			return err
		}
		h.announce(ctx, out)
		if _, err := activity.Record(ctx, c, activity.Entry{
			WorkspaceID: ws.ID, ActorID: v.UserID, Verb: "smarthome.created",
			SubjectType: "SmartHome", SubjectID: out.ID,
			Summary: fmt.Sprintf("Smart home %s added (%s)", name, host),
			Params:  map[string]string{"name": name, "host": host},
		}); err != nil {
			return err
		}
		if err := idempotency.Remember(ctx, c, "createSmartHome", in.IdempotencyKey, out.ID); err != nil {
			return err
		}
		return h.jobs.InsertJobTx(ctx, tx, provisionArgs{HomeID: out.ID}, h.insertOpts())
	})
	if err != nil {
		return nil, err
	}
	return h.db.Client.SmartHome.Get(ctx, out.ID)
}

// Retry provisions a home again after it failed; what an earlier try made
// at Cloudflare is found and reused.
func (h *Homes) Retry(ctx context.Context, id int) (*ent.SmartHome, error) {
	return h.begin(ctx, id, []smarthome.State{smarthome.StateError}, smarthome.StatePending,
		"smarthome.retried", "Provisioning of %s retried", provisionArgs{HomeID: id})
}

// Delete removes the home's tunnel and DNS record, then marks it gone.
// It always ends: what is already gone at Cloudflare counts as done.
func (h *Homes) Delete(ctx context.Context, id int) (*ent.SmartHome, error) {
	return h.begin(ctx, id,
		[]smarthome.State{smarthome.StatePending, smarthome.StateProvisioning, smarthome.StateActive, smarthome.StateError},
		smarthome.StateDeleting, "smarthome.deleted", "Smart home %s is being deleted", deleteArgs{HomeID: id})
}

// begin moves a home from one of from to the state to, records it, and
// queues job, in one transaction.
func (h *Homes) begin(ctx context.Context, id int, from []smarthome.State, to smarthome.State, verb, summary string, job river.JobArgs) (*ent.SmartHome, error) {
	v, err := viewer.Required(ctx)
	if err != nil {
		return nil, err
	}
	err = h.db.WithSQLTx(ctx, func(ctx context.Context, c *ent.Client, tx *sql.Tx) error {
		home, err := get(ctx, c, id)
		if err != nil {
			return err
		}
		if err := policy.Can(ctx, c, home.WorkspaceID, policy.ManageSmartHomes); err != nil {
			return err
		}
		// Conditional on the state read: of two concurrent requests, one
		// moves the home and the other is told it cannot.
		n, err := c.SmartHome.Update().
			Where(smarthome.ID(id), smarthome.StateIn(from...)).
			SetState(to).SetErrorMessage("").
			Save(ctx)
		if err != nil {
			return err
		}
		if n == 0 {
			return errs.E(errs.Conflict, "the smart home is %s", home.State)
		}
		if home, err = c.SmartHome.Get(ctx, id); err != nil {
			return err
		}
		h.announce(ctx, home)
		if _, err := activity.Record(ctx, c, activity.Entry{
			WorkspaceID: home.WorkspaceID, ActorID: v.UserID, Verb: verb,
			SubjectType: "SmartHome", SubjectID: home.ID, Summary: fmt.Sprintf(summary, home.Name),
			Params: map[string]string{"name": home.Name},
		}); err != nil {
			return err
		}
		return h.jobs.InsertJobTx(ctx, tx, job, h.insertOpts())
	})
	if err != nil {
		return nil, err
	}
	return h.db.Client.SmartHome.Get(ctx, id)
}

func (h *Homes) insertOpts() *river.InsertOpts {
	return &river.InsertOpts{MaxAttempts: h.cfg.MaxAttempts}
}

// get reads a home through the privacy layer: another workspace's home
// does not exist.
func get(ctx context.Context, c *ent.Client, id int) (*ent.SmartHome, error) {
	home, err := c.SmartHome.Get(ctx, id)
	if ent.IsNotFound(err) {
		return nil, errs.E(errs.NotFound, "smart home not found")
	}
	return home, err
}

// Get reads a home the viewer may see.
func (h *Homes) Get(ctx context.Context, id int) (*ent.SmartHome, error) {
	return get(ctx, h.db.Client, id)
}

// List reads a workspace's homes (gone ones left out), oldest first, at
// most 500 (the REST shim's list; GraphQL pages through the connection).
func (h *Homes) List(ctx context.Context, ws int) ([]*ent.SmartHome, error) {
	if err := policy.Can(ctx, h.db.Client, ws, policy.ReadWorkspace); err != nil {
		return nil, err
	}
	return h.db.Client.SmartHome.Query().
		Where(smarthome.WorkspaceID(ws), smarthome.StateNEQ(smarthome.StateGone)).
		Order(ent.Asc(smarthome.FieldID)).Limit(500).All(ctx)
}

// ViewerCanManage reports whether the viewer may change, delete and read
// the token of home.
func (h *Homes) ViewerCanManage(ctx context.Context, home *ent.SmartHome) (bool, error) {
	return policy.ViewerCan(ctx, h.db.Client, home.WorkspaceID, policy.ManageSmartHomes)
}

// Tunnel is what a connector needs to run: its token, the tunnel and the
// public host name.
type Tunnel struct {
	Token, TunnelID, Host string
}

// TunnelToken returns the home's tunnel token to a workspace admin or
// owner whose credential carries smarthome:tunnel (a session carries it);
// every reading goes into the activity feed. NOT_FOUND for outsiders,
// FORBIDDEN below admin, CONFLICT while the home has no token yet.
func (h *Homes) TunnelToken(ctx context.Context, id int) (Tunnel, error) {
	home, err := h.Get(ctx, id)
	if err != nil {
		return Tunnel{}, err
	}
	if err := policy.Can(ctx, h.db.Client, home.WorkspaceID, policy.ReadTunnelToken); err != nil {
		return Tunnel{}, err
	}
	return h.reveal(ctx, home)
}

// reveal decrypts the token of a home the viewer may read it of, and
// records the reading in the activity feed.
func (h *Homes) reveal(ctx context.Context, home *ent.SmartHome) (Tunnel, error) {
	v, err := viewer.Required(ctx)
	if err != nil {
		return Tunnel{}, err
	}
	if len(home.TunnelToken) == 0 {
		return Tunnel{}, errs.E(errs.Conflict, "the smart home has no tunnel token yet (it is %s)", home.State)
	}
	tok, err := h.box.Open(home.TunnelToken, aad(home))
	if err != nil {
		return Tunnel{}, fmt.Errorf("decrypting the tunnel token: %w", err)
	}
	sys := viewer.System(ctx)
	if _, err := activity.Record(sys, h.db.Client, activity.Entry{
		WorkspaceID: home.WorkspaceID, ActorID: v.UserID, Verb: "smarthome.token_read",
		SubjectType: "SmartHome", SubjectID: home.ID,
		Summary: fmt.Sprintf("Tunnel token of %s read", home.Name),
		Params:  map[string]string{"name": home.Name},
	}); err != nil {
		return Tunnel{}, err
	}
	return Tunnel{Token: string(tok), TunnelID: home.TunnelID, Host: home.Subdomain}, nil
}

// aad binds a sealed token to its home.
func aad(home *ent.SmartHome) []byte { return []byte("smarthome:" + home.ReferenceID.String()) }

// announce publishes the home's change once the transaction commits.
func (h *Homes) announce(ctx context.Context, home *ent.SmartHome) {
	store.AfterCommit(ctx, func() {
		if err := live.Publish(ctx, h.bus, Topic(home.WorkspaceID), home.ID); err != nil {
			h.log.Warn("publishing a smart home change", "err", err, "smarthome_id", home.ID)
		}
	})
}

// Changes streams the homes of a workspace as they change, first those
// changed at or after after when it is given.
func (h *Homes) Changes(ctx context.Context, ws int, after *time.Time) (<-chan *ent.SmartHome, error) {
	return h.stream.Subscribe(ctx, ws, after)
}

func (h *Homes) newStream() {
	c := h.db.Client
	h.stream = live.New(h.bus, live.Config[*ent.SmartHome, time.Time]{
		Name:  "smartHomeStatus",
		Topic: Topic,
		Authorize: func(ctx context.Context, ws int) (int, error) {
			if _, err := c.Workspace.Get(ctx, ws); err != nil {
				if ent.IsNotFound(err) {
					return 0, errs.E(errs.NotFound, "workspace not found")
				}
				return 0, err
			}
			return ws, nil
		},
		Load: func(ctx context.Context, id int) (*ent.SmartHome, error) {
			home, err := c.SmartHome.Get(ctx, id)
			if ent.IsNotFound(err) {
				return nil, errs.E(errs.NotFound, "smart home not found")
			}
			return home, err
		},
		Since: func(ctx context.Context, ws int, after time.Time, limit int) ([]*ent.SmartHome, error) {
			return c.SmartHome.Query().
				Where(smarthome.WorkspaceID(ws), smarthome.UpdatedAtGTE(after)).
				Order(ent.Asc(smarthome.FieldUpdatedAt), ent.Asc(smarthome.FieldID)).Limit(limit).All(ctx)
		},
		Identity: func(home *ent.SmartHome) string {
			return strconv.Itoa(home.ID) + "@" + strconv.FormatInt(home.UpdatedAt.UnixNano(), 10)
		},
		Mutable: true,
	}, live.Options{Log: h.log})
}

// TokenField is SmartHome.tunnelToken: the token for those who may read
// it (see TunnelToken), nil for the others and while there is none.
func (h *Homes) TokenField(ctx context.Context, home *ent.SmartHome) (*string, error) {
	ok, err := policy.ViewerCan(ctx, h.db.Client, home.WorkspaceID, policy.ReadTunnelToken)
	if err != nil || !ok || len(home.TunnelToken) == 0 {
		return nil, err
	}
	t, err := h.reveal(ctx, home)
	if err != nil {
		return nil, err
	}
	return &t.Token, nil
}
