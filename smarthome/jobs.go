package smarthome

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/woowtech/woow-paas/activity"
	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/predicate"
	"github.com/woowtech/woow-paas/ent/smarthome"
	"github.com/woowtech/woow-paas/tunnels"
	"github.com/woowtech/woow-paas/viewer"
)

// provisionArgs makes a home's tunnel, route and token.
type provisionArgs struct {
	HomeID int `json:"smarthome_id"`
}

func (provisionArgs) Kind() string { return "smarthome_provision" }

// deleteArgs removes them.
type deleteArgs struct {
	HomeID int `json:"smarthome_id"`
}

func (deleteArgs) Kind() string { return "smarthome_delete" }

// refreshArgs is the periodic status check of active homes.
type refreshArgs struct{}

func (refreshArgs) Kind() string { return "smarthome_refresh" }

// RegisterJobs adds the smart home workers to the job runner and returns
// the periodic status check (deploy.JobsConfig.Register).
func (h *Homes) RegisterJobs(w *river.Workers) []*river.PeriodicJob {
	river.AddWorker(w, &provisionWorker{h: h})
	river.AddWorker(w, &deleteWorker{h: h})
	river.AddWorker(w, &refreshWorker{h: h})
	return []*river.PeriodicJob{
		river.NewPeriodicJob(river.PeriodicInterval(h.cfg.RefreshEvery),
			func() (river.JobArgs, *river.InsertOpts) {
				return refreshArgs{}, &river.InsertOpts{MaxAttempts: 1}
			}, &river.PeriodicJobOpts{RunOnStart: true}),
	}
}

type provisionWorker struct {
	river.WorkerDefaults[provisionArgs]
	h *Homes
}

// Work provisions a home, step by step, saving what each step made before
// the next, so that a retried or resumed job (or a delete) finds it. A job
// whose home has moved on (deleted meanwhile) does nothing more.
func (w *provisionWorker) Work(ctx context.Context, job *river.Job[provisionArgs]) error {
	h := w.h
	sys := viewer.System(context.WithoutCancel(ctx))
	working := smarthome.StateIn(smarthome.StatePending, smarthome.StateProvisioning)
	home, err := h.db.Client.SmartHome.Get(sys, job.Args.HomeID)
	if ent.IsNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}
	if home.State != smarthome.StatePending && home.State != smarthome.StateProvisioning {
		return nil
	}
	if home.State == smarthome.StatePending {
		home, err = h.save(sys, home, said{}, func(u *ent.SmartHomeUpdateOne) { u.SetState(smarthome.StateProvisioning) }, working)
		if errors.Is(err, errMovedOn) {
			return nil
		}
		if err != nil {
			return err
		}
	}
	runErr := h.provision(ctx, sys, home, working)
	if errors.Is(runErr, errMovedOn) {
		h.undo(ctx, sys, home)
		return nil
	}
	if runErr == nil {
		return nil
	}
	movedOn, err := h.settle(ctx, sys, job.JobRow, home, runErr, runErr.Error(), working)
	if movedOn {
		h.undo(ctx, sys, home)
	}
	return err
}

// settle decides what a failed attempt of job means: a runner that stops
// puts the job back (River runs it again on the next start); a transient
// failure is retried while attempts remain; otherwise the home goes to
// error with reason, if it still meets when (else movedOn), and a
// permanent failure ends the job at once.
func (h *Homes) settle(ctx, sys context.Context, job *rivertype.JobRow, home *ent.SmartHome, runErr error, reason string, when predicate.SmartHome) (movedOn bool, err error) {
	if errors.Is(ctx.Err(), context.Canceled) {
		return false, runErr
	}
	permanent := errors.Is(runErr, tunnels.ErrPermanent) || errors.Is(runErr, tunnels.ErrNotConfigured)
	if !permanent && job.Attempt < job.MaxAttempts {
		h.log.Warn("smart home job failed: retrying", "kind", job.Kind, "smarthome_id", home.ID, "attempt", job.Attempt, "err", runErr)
		return false, runErr
	}
	if err := h.fail(sys, home, reason, when); errors.Is(err, errMovedOn) {
		return true, nil
	} else if err != nil {
		return false, err
	}
	if permanent {
		return false, river.JobCancel(runErr)
	}
	return false, nil
}

// undo removes what a provisioning job made at Cloudflare after its home
// was deleted meanwhile: the delete job may have looked (by name) before
// this job's tunnel or record existed, and would leave them behind. What
// is already gone counts as done, so both may remove. A home that moved
// on otherwise (timed out to error) keeps them for Retry or Delete.
func (h *Homes) undo(ctx, sys context.Context, home *ent.SmartHome) {
	now, err := h.db.Client.SmartHome.Get(sys, home.ID)
	if err != nil || (now.State != smarthome.StateDeleting && now.State != smarthome.StateGone) {
		return
	}
	// By the saved tunnel id when there is one (the delete job may have
	// removed the tunnel already: its record is found by its target), else
	// by name; the record by host name, never by a saved id that the
	// delete job may have removed.
	if err := h.cf.Remove(ctx, now.TunnelName, now.TunnelID, "", now.Subdomain); err != nil {
		h.log.Warn("removing what provisioning made for a deleted smart home", "smarthome_id", home.ID, "err", err)
	}
}

// provision does the Cloudflare work of a home that is provisioning.
func (h *Homes) provision(ctx, sys context.Context, home *ent.SmartHome, working predicate.SmartHome) error {
	tunnelID, err := h.cf.EnsureTunnel(ctx, home.TunnelName)
	if err != nil {
		return err
	}
	if home.TunnelID != tunnelID {
		if home, err = h.save(sys, home, said{}, func(u *ent.SmartHomeUpdateOne) { u.SetTunnelID(tunnelID) }, working); err != nil {
			return err
		}
	}
	if err := h.cf.Configure(ctx, tunnelID, home.Subdomain, home.HaPort); err != nil {
		return err
	}
	recordID, err := h.cf.EnsureRoute(ctx, home.Subdomain, tunnelID)
	if err != nil {
		return err
	}
	if home.DNSRecordID != recordID {
		if home, err = h.save(sys, home, said{}, func(u *ent.SmartHomeUpdateOne) { u.SetDNSRecordID(recordID) }, working); err != nil {
			return err
		}
	}
	token, err := h.cf.Token(ctx, tunnelID)
	if err != nil {
		return err
	}
	sealed, err := h.box.Seal([]byte(token), aad(home))
	if err != nil {
		return err
	}
	// The status as Cloudflare has it now (a connector may already run,
	// from an earlier life of the tunnel); not knowing it is no failure.
	st, stErr := h.cf.Status(ctx, tunnelID)
	if stErr != nil {
		h.log.Warn("reading a new tunnel's status", "smarthome_id", home.ID, "err", stErr)
	}
	home, err = h.save(sys, home, said{fmt.Sprintf("Smart home %s is active at %s", home.Name, home.Subdomain),
		map[string]string{"name": home.Name, "host": home.Subdomain}}, func(u *ent.SmartHomeUpdateOne) {
		u.SetState(smarthome.StateActive).SetTunnelToken(sealed).
			SetTunnelRoute("https://" + home.Subdomain).SetDeployedAt(h.Now())
		if stErr == nil {
			setStatus(u, st)
		}
	}, working)
	return err
}

type deleteWorker struct {
	river.WorkerDefaults[deleteArgs]
	h *Homes
}

// Work removes a home's DNS record and tunnel, then marks it gone. A
// failure is retried with backoff; the last one leaves the home in error
// with the reason, from which it can be deleted again.
func (w *deleteWorker) Work(ctx context.Context, job *river.Job[deleteArgs]) error {
	h := w.h
	sys := viewer.System(context.WithoutCancel(ctx))
	deleting := smarthome.StateEQ(smarthome.StateDeleting)
	home, err := h.db.Client.SmartHome.Get(sys, job.Args.HomeID)
	if ent.IsNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}
	if home.State != smarthome.StateDeleting {
		return nil
	}
	runErr := error(nil)
	if h.cf.Configured(ctx) || home.TunnelID != "" || home.DNSRecordID != "" {
		runErr = h.cf.Remove(ctx, home.TunnelName, home.TunnelID, home.DNSRecordID, home.Subdomain)
	}
	if runErr == nil {
		_, err := h.save(sys, home, said{fmt.Sprintf("Smart home %s was deleted", home.Name), map[string]string{"name": home.Name}}, func(u *ent.SmartHomeUpdateOne) {
			u.SetState(smarthome.StateGone).SetTunnelStatus(smarthome.TunnelStatusDeleted).
				ClearTunnelToken().SetConnectorID("").SetConnectorType("").ClearConnectedSince()
		}, deleting)
		if errors.Is(err, errMovedOn) {
			return nil
		}
		return err
	}
	_, err = h.settle(ctx, sys, job.JobRow, home, runErr, "could not delete: "+runErr.Error(), deleting)
	return err
}

type refreshWorker struct {
	river.WorkerDefaults[refreshArgs]
	h *Homes
}

// Work checks the status of every active home and times out the stuck
// ones.
func (w *refreshWorker) Work(ctx context.Context, _ *river.Job[refreshArgs]) error {
	return w.h.RefreshAll(ctx)
}

// RefreshAll is one pass of the periodic check: homes stuck in a
// transitional state past Config.StuckAfter fail ("timed out"), and the
// tunnel status of active homes is read from Cloudflare.
func (h *Homes) RefreshAll(ctx context.Context) error {
	sys := viewer.System(ctx)
	transitional := []smarthome.State{smarthome.StatePending, smarthome.StateProvisioning, smarthome.StateDeleting}
	stuck, err := h.db.Client.SmartHome.Query().
		Where(smarthome.StateIn(transitional...), smarthome.UpdatedAtLT(h.Now().Add(-h.cfg.StuckAfter))).
		Limit(1000).All(sys)
	if err != nil {
		return err
	}
	for _, home := range stuck {
		err := h.fail(sys, home, fmt.Sprintf("timed out while %s", home.State),
			smarthome.StateEQ(home.State), smarthome.UpdatedAtEQ(home.UpdatedAt))
		if err != nil && !errors.Is(err, errMovedOn) {
			return err
		}
	}
	if !h.cf.Configured(ctx) {
		return nil
	}
	active, err := h.db.Client.SmartHome.Query().
		Where(smarthome.StateEQ(smarthome.StateActive)).Order(ent.Asc(smarthome.FieldID)).
		Limit(10000).All(sys)
	if err != nil {
		return err
	}
	// A pass ends before the next begins, and starts with the homes read
	// longest ago: with more homes than the rate limit reads in one
	// period, each pass goes on where the last stopped.
	h.mu.Lock()
	last := make(map[int]time.Time, len(active))
	for _, home := range active {
		last[home.ID] = h.lastRead[home.ID]
	}
	h.mu.Unlock()
	slices.SortStableFunc(active, func(a, b *ent.SmartHome) int { return last[a.ID].Compare(last[b.ID]) })
	end := h.Now().Add(h.cfg.RefreshEvery * 4 / 5)
	for _, home := range active {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if h.Now().After(end) {
			break
		}
		if h.Now().Sub(last[home.ID]) < h.cfg.MinRefresh {
			continue // just read on demand
		}
		if _, err := h.refresh(ctx, home); err != nil {
			h.log.Warn("refreshing a smart home's status", "smarthome_id", home.ID, "err", err)
		}
	}
	return nil
}

// Refresh reads a home's tunnel status from Cloudflare now (at most once
// per Config.MinRefresh per home and server; sooner, the stored status)
// and returns the home. Members may ask: it changes nothing they could
// not see change by itself.
func (h *Homes) Refresh(ctx context.Context, id int) (*ent.SmartHome, error) {
	// Read through the privacy layer: members (and read-scoped tokens)
	// only.
	home, err := h.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if home.State != smarthome.StateActive || !h.cf.Configured(ctx) {
		return home, nil
	}
	h.mu.Lock()
	recent := h.Now().Sub(h.lastRead[id]) < h.cfg.MinRefresh
	h.mu.Unlock()
	if recent {
		return home, nil
	}
	// One call to Cloudflare for concurrent askers, not bound to any one
	// of their requests.
	_, err, _ = h.refreshing.Do(fmt.Sprint(id), func() (any, error) {
		rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		defer cancel()
		return h.refresh(rctx, home)
	})
	if err != nil {
		return nil, err
	}
	return h.Get(ctx, id)
}

// refresh reads home's status and records a change: the columns, the
// announcement and, when the status itself changed, the activity feed.
// An error reading it is the status error, with the reason in the log.
func (h *Homes) refresh(ctx context.Context, home *ent.SmartHome) (*ent.SmartHome, error) {
	h.mu.Lock()
	h.lastRead[home.ID] = h.Now()
	if len(h.lastRead) > 100000 {
		clear(h.lastRead)
	}
	h.mu.Unlock()
	st, err := h.cf.Status(ctx, home.TunnelID)
	if err != nil {
		h.log.Warn("reading a tunnel's status", "smarthome_id", home.ID, "err", err)
		st = tunnels.Status{State: string(smarthome.TunnelStatusError)}
	}
	if st.State == string(home.TunnelStatus) && st.ConnectorID == home.ConnectorID &&
		st.ConnectorType == home.ConnectorType && sameTime(home.ConnectedSince, st.OpenedAt) {
		return home, nil
	}
	var news said
	if st.State != string(home.TunnelStatus) {
		news = said{fmt.Sprintf("Tunnel of %s is %s", home.Name, st.State), map[string]string{"name": home.Name}}
	}
	sys := viewer.System(ctx)
	home, err = h.saveAs(sys, home, "smarthome.tunnel_"+st.State, news, func(u *ent.SmartHomeUpdateOne) { setStatus(u, st) },
		smarthome.StateEQ(smarthome.StateActive))
	if errors.Is(err, errMovedOn) {
		return home, nil
	}
	return home, err
}

// sameTime compares a stored time with one from Cloudflare at the
// precision the database keeps (PostgreSQL: microseconds); finer, the same
// opened_at would read as a change at every refresh.
func sameTime(a *time.Time, b time.Time) bool {
	if a == nil {
		return b.IsZero()
	}
	return a.Truncate(time.Microsecond).Equal(b.Truncate(time.Microsecond))
}

// setStatus writes a tunnel status into an update.
func setStatus(u *ent.SmartHomeUpdateOne, st tunnels.Status) {
	u.SetTunnelStatus(smarthome.TunnelStatus(st.State)).
		SetConnectorID(st.ConnectorID).SetConnectorType(st.ConnectorType)
	if st.OpenedAt.IsZero() {
		u.ClearConnectedSince()
	} else {
		u.SetConnectedSince(st.OpenedAt.Truncate(time.Microsecond))
	}
}

// errMovedOn: the home is no longer in the state a change starts from.
var errMovedOn = errors.New("the smart home has moved on")

// said is what an entry of the activity feed says: its summary and the
// parts it is made of (activity.Entry). The zero value records nothing.
type said struct {
	summary string
	params  map[string]string
}

// save applies set to the home if it still meets when, announces the
// change and, with a summary, records it in the activity feed (said by the
// platform), all in one transaction; errMovedOn when it no longer meets
// when.
func (h *Homes) save(ctx context.Context, home *ent.SmartHome, news said, set func(*ent.SmartHomeUpdateOne), when ...predicate.SmartHome) (*ent.SmartHome, error) {
	return h.saveAs(ctx, home, "", news, set, when...)
}

// saveAs is save with the feed's verb ("": smarthome.<new state>).
func (h *Homes) saveAs(ctx context.Context, home *ent.SmartHome, verb string, news said, set func(*ent.SmartHomeUpdateOne), when ...predicate.SmartHome) (*ent.SmartHome, error) {
	var out *ent.SmartHome
	err := h.db.WithSQLTx(ctx, func(ctx context.Context, c *ent.Client, _ *sql.Tx) error {
		u := c.SmartHome.UpdateOneID(home.ID).Where(when...)
		set(u)
		var err error
		out, err = u.Save(ctx)
		if ent.IsNotFound(err) {
			return errMovedOn
		}
		if err != nil {
			return err
		}
		h.announce(ctx, out)
		if news.summary == "" {
			return nil
		}
		if verb == "" {
			verb = "smarthome." + string(out.State)
		}
		_, err = activity.Record(ctx, c, activity.Entry{
			WorkspaceID: out.WorkspaceID, Verb: verb,
			SubjectType: "SmartHome", SubjectID: out.ID, Summary: news.summary, Params: news.params,
		})
		return err
	})
	return out, err
}

// fail puts the home in error with a readable reason.
func (h *Homes) fail(ctx context.Context, home *ent.SmartHome, reason string, when ...predicate.SmartHome) error {
	if r := []rune(reason); len(r) > 4000 {
		reason = string(r[:3997]) + "..."
	}
	prefix := fmt.Sprintf("Smart home %s failed: ", home.Name)
	news := said{prefix + reason, map[string]string{"name": home.Name, "reason": activity.Clip(prefix, reason)}}
	_, err := h.save(ctx, home, news, func(u *ent.SmartHomeUpdateOne) {
		u.SetState(smarthome.StateError).SetErrorMessage(reason)
	}, when...)
	return err
}
