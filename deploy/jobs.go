package deploy

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/service"
	"github.com/woowtech/woow-paas/ent/serviceevent"
	"github.com/woowtech/woow-paas/ent/servicerevision"
	"github.com/woowtech/woow-paas/helmops"
	"github.com/woowtech/woow-paas/valuespec"
	"github.com/woowtech/woow-paas/viewer"
)

// JobArgs is one operation on one service's release.
type JobArgs struct {
	ServiceID int `json:"service_id"`
	Op        Op  `json:"op"`
	// Revision is the rollback target (0: the previous one).
	Revision int `json:"revision,omitempty"`
}

// Kind implements river.JobArgs.
func (JobArgs) Kind() string { return "service_op" }

// reconcileArgs is the periodic check of every service against its
// release and its deadline.
type reconcileArgs struct{}

func (reconcileArgs) Kind() string { return "service_reconcile" }

// JobsConfig tunes the job runner; zero values are production defaults.
type JobsConfig struct {
	// JobTimeout bounds one Helm operation (Helm waits for readiness).
	JobTimeout time.Duration
	// RescueAfter is when a job whose runner died (a killed server) is run
	// again; it must exceed JobTimeout.
	RescueAfter time.Duration
	// PollInterval is how often a replica looks for jobs another inserted.
	PollInterval time.Duration
	// ReconcileEvery is the period of the drift and deadline check.
	ReconcileEvery time.Duration
	Workers        int
}

// StartJobs migrates River's tables, and starts the job runner: the
// service operations and the periodic reconciler. Stop it with StopJobs.
func (s *Service) StartJobs(ctx context.Context, cfg JobsConfig) error {
	if cfg.JobTimeout <= 0 {
		cfg.JobTimeout = 6 * time.Minute
	}
	if cfg.RescueAfter <= cfg.JobTimeout {
		cfg.RescueAfter = cfg.JobTimeout + time.Minute
	}
	if cfg.PollInterval <= 0 {
		cfg.PollInterval = time.Second
	}
	if cfg.ReconcileEvery <= 0 {
		cfg.ReconcileEvery = time.Minute
	}
	if cfg.Workers <= 0 {
		cfg.Workers = 4
	}
	var drv riverdriver.Driver[*sql.Tx]
	if s.db.Dialect == "postgres" {
		drv = riverdatabasesql.New(s.db.SQL)
	} else {
		drv = riversqlite.New(s.db.SQL)
	}
	m, err := rivermigrate.New(drv, &rivermigrate.Config{Logger: s.log})
	if err != nil {
		return err
	}
	if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("migrating the job tables: %w", err)
	}
	workers := river.NewWorkers()
	river.AddWorker(workers, &opWorker{s: s})
	river.AddWorker(workers, &reconcileWorker{s: s})
	client, err := river.NewClient(drv, &river.Config{
		Queues:               map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: cfg.Workers}},
		Workers:              workers,
		JobTimeout:           cfg.JobTimeout,
		RescueStuckJobsAfter: cfg.RescueAfter,
		FetchPollInterval:    cfg.PollInterval,
		MaxAttempts:          s.cfg.MaxAttempts,
		Logger:               s.log,
		PeriodicJobs: []*river.PeriodicJob{
			river.NewPeriodicJob(river.PeriodicInterval(cfg.ReconcileEvery),
				func() (river.JobArgs, *river.InsertOpts) {
					return reconcileArgs{}, &river.InsertOpts{MaxAttempts: 1}
				}, &river.PeriodicJobOpts{RunOnStart: true}),
		},
	})
	if err != nil {
		return err
	}
	s.jobs = client
	return client.Start(ctx)
}

// StopJobs lets running jobs finish (until ctx ends) and stops.
func (s *Service) StopJobs(ctx context.Context) error {
	if s.jobs == nil {
		return nil
	}
	return s.jobs.Stop(ctx)
}

// enqueue inserts a job in the caller's transaction: the job exists if and
// only if the state change does.
func (s *Service) enqueue(ctx context.Context, tx *sql.Tx, args JobArgs) error {
	if s.jobs == nil {
		return errors.New("the job runner is not started")
	}
	_, err := s.jobs.InsertTx(ctx, tx, args, nil)
	return err
}

type opWorker struct {
	river.WorkerDefaults[JobArgs]
	s *Service
}

// Work runs one operation. A failed attempt is logged and retried with
// backoff; the last failure puts the service in error with the reason. A
// job whose service has moved on (deleted, or another operation since) is
// stale and does nothing.
func (w *opWorker) Work(ctx context.Context, job *river.Job[JobArgs]) error {
	s, sys := w.s, viewer.System(ctx)
	svc, err := s.db.Client.Service.Get(sys, job.Args.ServiceID)
	if ent.IsNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}
	through := transition[job.Args.Op].through
	if svc.State != through && !(job.Args.Op == OpDeploy && svc.State == service.StateDeploying) {
		return nil
	}
	if job.Args.Op == OpDeploy && svc.State == service.StatePending {
		if svc, err = s.move(sys, svc, service.StateDeploying, serviceevent.LevelInfo, "Deploying"); err != nil {
			return err
		}
	}
	runErr := s.run(ctx, svc, job.Args)
	if runErr == nil {
		return s.succeed(sys, svc, job.Args)
	}
	if job.Attempt < job.MaxAttempts && ctx.Err() == nil {
		_ = s.logEvent(sys, svc, serviceevent.LevelWarning,
			fmt.Sprintf("Attempt %d of %d failed: %v; retrying", job.Attempt, job.MaxAttempts, runErr))
		return runErr
	}
	_, err = s.fail(sys, svc, runErr.Error())
	return err
}

// run does the Helm work of an operation.
func (s *Service) run(ctx context.Context, svc *ent.Service, args JobArgs) error {
	sys := viewer.System(ctx)
	switch args.Op {
	case OpDeploy, OpUpgrade:
		tpl, err := s.db.Client.AppTemplate.Get(sys, svc.TemplateID)
		if err != nil {
			return err
		}
		values, err := s.chartValues(svc, tpl)
		if err != nil {
			return err
		}
		ref := helmops.ChartRef{Ref: tpl.ChartRef, RepoURL: tpl.ChartRepoURL, Version: svc.ChartVersion}
		if err := s.engine.EnsureNamespace(ctx, svc.Namespace, s.cfg.Quota); err != nil {
			return err
		}
		_, _ = s.engine.ClearPending(ctx, svc.Namespace, svc.ReleaseName)
		if args.Op == OpDeploy {
			_, err = s.engine.Install(ctx, svc.Namespace, svc.ReleaseName, ref, values)
			if errors.Is(err, helmops.ErrReleaseExists) {
				// A retry after the release was installed: bring it to
				// the wanted values instead.
				_, err = s.engine.Upgrade(ctx, svc.Namespace, svc.ReleaseName, ref, values)
			}
		} else {
			_, err = s.engine.Upgrade(ctx, svc.Namespace, svc.ReleaseName, ref, values)
		}
		return err
	case OpRollback:
		_, _ = s.engine.ClearPending(ctx, svc.Namespace, svc.ReleaseName)
		_, err := s.engine.Rollback(ctx, svc.Namespace, svc.ReleaseName, args.Revision)
		return err
	case OpStop:
		counts, err := s.engine.ScaleDown(ctx, svc.Namespace, svc.ReleaseName)
		if err != nil {
			return err
		}
		return s.db.Client.Service.UpdateOne(svc).SetReplicaCounts(counts).Exec(sys)
	case OpStart:
		return s.engine.ScaleUp(ctx, svc.Namespace, svc.ReleaseName, svc.ReplicaCounts)
	case OpDelete:
		return s.engine.Uninstall(ctx, svc.Namespace, svc.ReleaseName)
	}
	return fmt.Errorf("unknown operation %q", args.Op)
}

// chartValues are the release's values: the template defaults deep-merged
// with the user's values (secrets included), and the service's host name
// wired into the chart's ingress when the template exposes one.
func (s *Service) chartValues(svc *ent.Service, tpl *ent.AppTemplate) (map[string]any, error) {
	user, _, err := s.userValues(svc)
	if err != nil {
		return nil, err
	}
	values, err := valuespec.Effective(tpl.DefaultValues, user)
	if err != nil {
		return nil, err
	}
	if tpl.IngressEnabled {
		ingress, _ := values["ingress"].(map[string]any)
		if ingress == nil {
			ingress = map[string]any{}
		}
		ingress["enabled"] = true
		ingress["hostname"] = svc.Subdomain + "." + s.cfg.Domain
		values["ingress"] = ingress
	}
	return values, nil
}

// succeed moves the service to the operation's end state and records the
// release history.
func (s *Service) succeed(ctx context.Context, svc *ent.Service, args JobArgs) error {
	to := done[args.Op]
	if args.Op == OpDelete {
		_, err := s.move(ctx, svc, to, serviceevent.LevelInfo, "Deleted")
		return err
	}
	if args.Op == OpRollback {
		if err := s.restoreValues(ctx, svc, args.Revision); err != nil {
			return err
		}
		fresh, err := s.db.Client.Service.Get(ctx, svc.ID)
		if err != nil {
			return err
		}
		svc = fresh
	}
	if err := s.syncRevisions(ctx, svc); err != nil {
		return err
	}
	svc, err := s.db.Client.Service.Get(ctx, svc.ID)
	if err != nil {
		return err
	}
	u := s.db.Client.Service.UpdateOne(svc)
	now := s.Now()
	switch args.Op {
	case OpDeploy:
		u.SetDeployedAt(now)
	case OpUpgrade, OpRollback:
		u.SetLastUpgradedAt(now)
	}
	if err := u.Exec(ctx); err != nil {
		return err
	}
	svc, err = s.db.Client.Service.Get(ctx, svc.ID)
	if err != nil {
		return err
	}
	msg := map[Op]string{
		OpDeploy: "Running", OpUpgrade: "Upgraded", OpRollback: "Rolled back",
		OpStop: "Stopped", OpStart: "Started",
	}[args.Op]
	if args.Op != OpStop && args.Op != OpStart {
		msg = fmt.Sprintf("%s (revision %d)", msg, svc.HelmRevision)
	}
	if s.engine.Mode() == helmops.ModeDryRun {
		msg += " — dry-run mode: rendered and recorded, nothing applied to a cluster"
	}
	_, err = s.move(ctx, svc, to, serviceevent.LevelInfo, msg)
	return err
}

// restoreValues makes the service's values those of the revision it
// rolled back to (0: the one before the current), so the next upgrade
// starts from what runs. Passwords are not in snapshots: the current ones
// stay.
func (s *Service) restoreValues(ctx context.Context, svc *ent.Service, revision int) error {
	if revision == 0 {
		revision = svc.HelmRevision - 1
	}
	r, err := s.db.Client.ServiceRevision.Query().
		Where(servicerevision.ServiceID(svc.ID), servicerevision.Revision(revision)).Only(ctx)
	if ent.IsNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}
	values := map[string]any{}
	for k, v := range r.ValuesSnapshot {
		if v != valuespec.MaskedValue {
			values[k] = v
		}
	}
	return s.db.Client.Service.UpdateOne(svc).SetUserValues(values).Exec(ctx)
}

// syncRevisions mirrors the release history into ServiceRevision rows; a
// new revision snapshots the user's values with passwords masked.
func (s *Service) syncRevisions(ctx context.Context, svc *ent.Service) error {
	hist, err := s.engine.History(ctx, svc.Namespace, svc.ReleaseName)
	if err != nil {
		return err
	}
	tpl, err := s.db.Client.AppTemplate.Get(ctx, svc.TemplateID)
	if err != nil {
		return err
	}
	existing, err := s.db.Client.ServiceRevision.Query().
		Where(servicerevision.ServiceID(svc.ID)).All(ctx)
	if err != nil {
		return err
	}
	have := map[int]*ent.ServiceRevision{}
	for _, r := range existing {
		have[r.Revision] = r
	}
	user, _, err := s.userValues(svc)
	if err != nil {
		return err
	}
	latest := 0
	for _, h := range hist {
		if h.Revision > latest {
			latest = h.Revision
		}
		if r, ok := have[h.Revision]; ok {
			if r.Status != h.Status {
				if err := r.Update().SetStatus(h.Status).Exec(ctx); err != nil {
					return err
				}
			}
			continue
		}
		err := s.db.Client.ServiceRevision.Create().
			SetWorkspaceID(svc.WorkspaceID).
			SetServiceID(svc.ID).
			SetRevision(h.Revision).
			SetChartVersion(h.ChartVersion).
			SetAppVersion(h.AppVersion).
			SetValuesSnapshot(tpl.ValueSpecs.Masked(user)).
			SetStatus(h.Status).
			SetDescription(h.Description).
			Exec(ctx)
		if err != nil {
			return err
		}
	}
	u := s.db.Client.Service.UpdateOne(svc).SetHelmRevision(latest)
	if len(hist) > 0 {
		u.SetChartVersion(hist[0].ChartVersion)
	}
	return u.Exec(ctx)
}

// move records a transition: the new state, its deadline, the log line,
// published after commit.
func (s *Service) move(ctx context.Context, svc *ent.Service, to service.State, level serviceevent.Level, msg string) (*ent.Service, error) {
	var out *ent.Service
	err := s.db.WithSQLTx(ctx, func(ctx context.Context, c *ent.Client, _ *sql.Tx) error {
		u := c.Service.UpdateOneID(svc.ID).SetState(to)
		if d, ok := Deadline[to]; ok {
			u.SetStateDeadline(s.Now().Add(d))
		} else {
			u.ClearStateDeadline()
		}
		if to == service.StateError {
			u.SetErrorMessage(msg)
		} else {
			u.SetErrorMessage("")
		}
		var err error
		if out, err = u.Save(ctx); err != nil {
			return err
		}
		return s.event(ctx, c, out, level, msg)
	})
	return out, err
}

// fail puts the service in error with a readable reason.
func (s *Service) fail(ctx context.Context, svc *ent.Service, reason string) (*ent.Service, error) {
	return s.move(ctx, svc, service.StateError, serviceevent.LevelError, reason)
}

// logEvent adds a log line without a transition.
func (s *Service) logEvent(ctx context.Context, svc *ent.Service, level serviceevent.Level, msg string) error {
	return s.db.WithSQLTx(ctx, func(ctx context.Context, c *ent.Client, _ *sql.Tx) error {
		return s.event(ctx, c, svc, level, msg)
	})
}

type reconcileWorker struct {
	river.WorkerDefaults[reconcileArgs]
	s *Service
}

// Work repairs drift: a transitional state past its deadline becomes error
// ("timed out"); a running or stopped service whose release is gone or
// failed behind our back becomes error with the reason.
func (w *reconcileWorker) Work(ctx context.Context, _ *river.Job[reconcileArgs]) error {
	return w.s.Reconcile(ctx)
}

// Reconcile is one pass of the reconciler.
func (s *Service) Reconcile(ctx context.Context) error {
	sys := viewer.System(ctx)
	stuck, err := s.db.Client.Service.Query().
		Where(service.StateDeadlineLT(s.Now()), service.StateIn(transitionalStates()...)).
		All(sys)
	if err != nil {
		return err
	}
	for _, svc := range stuck {
		if _, err := s.fail(sys, svc, fmt.Sprintf("timed out while %s", svc.State)); err != nil {
			return err
		}
	}
	settled, err := s.db.Client.Service.Query().
		Where(service.StateIn(service.StateRunning, service.StateStopped)).
		All(sys)
	if err != nil {
		return err
	}
	for _, svc := range settled {
		rel, err := s.engine.Status(ctx, svc.Namespace, svc.ReleaseName)
		switch {
		case errors.Is(err, helmops.ErrReleaseNotFound):
			_, err = s.fail(sys, svc, "the Helm release was deleted outside Woow PaaS")
		case err != nil:
			s.log.Warn("reconcile: release status", "service_id", svc.ID, "err", err)
			continue
		case rel.Status == "failed":
			_, err = s.fail(sys, svc, "the Helm release failed: "+rel.Description)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func transitionalStates() []service.State {
	out := make([]service.State, 0, len(Deadline))
	for st := range Deadline {
		out = append(out, st)
	}
	return out
}
