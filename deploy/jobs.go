package deploy

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"
	"github.com/riverqueue/river/rivertype"

	"github.com/woowtech/woow-paas/activity"
	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/predicate"
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

// DefaultJobTimeout bounds one Helm operation unless configured.
const DefaultJobTimeout = 6 * time.Minute

// JobsConfig tunes the job runner; zero values are production defaults.
type JobsConfig struct {
	// JobTimeout bounds one Helm operation (Helm waits for readiness).
	JobTimeout time.Duration
	// RescueAfter is when a job whose runner died (a killed server) is run
	// again; it must exceed JobTimeout.
	RescueAfter time.Duration
	// PollInterval is how often a replica looks for jobs it was not told
	// about. New jobs wake every replica at once (LISTEN/NOTIFY on
	// PostgreSQL, River's notification table on SQLite); polling is the
	// fallback when a notification is lost.
	PollInterval time.Duration
	// PollOnly turns the wake-ups off on PostgreSQL: workers find new jobs
	// by polling alone. For a connection pooler without session pooling
	// (PgBouncer in transaction mode cannot hold a LISTEN), and as the
	// baseline of the pickup benchmark.
	PollOnly bool
	// ReconcileEvery is the period of the drift and deadline check.
	ReconcileEvery time.Duration
	Workers        int
	// Register adds other domains' workers (smart homes) to the same job
	// runner, and returns their periodic jobs: one River client per
	// server, whose workers know every job kind in the queue.
	Register []func(*river.Workers) []*river.PeriodicJob
}

// StartJobs migrates River's tables, and starts the job runner: the
// service operations and the periodic reconciler. Stop it with StopJobs.
func (s *Deployer) StartJobs(ctx context.Context, cfg JobsConfig) error {
	if cfg.JobTimeout <= 0 {
		cfg.JobTimeout = DefaultJobTimeout
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
	drv, err := s.jobDriver(ctx, cfg.PollOnly)
	if err != nil {
		return err
	}
	if err := s.migrateJobs(ctx, drv); err != nil {
		s.closeListenPool()
		return fmt.Errorf("migrating the job tables: %w", err)
	}
	workers := river.NewWorkers()
	river.AddWorker(workers, &opWorker{s: s})
	river.AddWorker(workers, &reconcileWorker{s: s})
	var periodic []*river.PeriodicJob
	for _, register := range cfg.Register {
		periodic = append(periodic, register(workers)...)
	}
	client, err := river.NewClient(drv, &river.Config{
		Queues:               map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: cfg.Workers}},
		Workers:              workers,
		JobTimeout:           cfg.JobTimeout,
		RescueStuckJobsAfter: cfg.RescueAfter,
		FetchPollInterval:    cfg.PollInterval,
		// River refuses a poll interval below its fetch cooldown: a
		// shorter poll shortens the cooldown too.
		FetchCooldown: min(cfg.PollInterval, fetchCooldown),
		MaxAttempts:   s.cfg.MaxAttempts,
		Logger:        s.log,
		PollOnly:      cfg.PollOnly,
		PeriodicJobs: append([]*river.PeriodicJob{
			river.NewPeriodicJob(river.PeriodicInterval(cfg.ReconcileEvery),
				func() (river.JobArgs, *river.InsertOpts) {
					return reconcileArgs{}, &river.InsertOpts{MaxAttempts: 1}
				}, &river.PeriodicJobOpts{RunOnStart: true}),
		}, periodic...),
	})
	if err != nil {
		s.closeListenPool()
		return err
	}
	s.jobs, s.jobTimeout, s.pollOnly = client, cfg.JobTimeout, cfg.PollOnly
	if err := client.Start(ctx); err != nil {
		s.closeListenPool()
		return err
	}
	return nil
}

// jobDriver is River's driver on the store's pool. On PostgreSQL, unless
// pollOnly, River also LISTENs on a connection of its own (pgx: River's
// database/sql driver cannot listen) for the notification every job
// insert sends at commit, so a worker on any replica starts a new job at
// once instead of at its next poll (PollInterval, a second). On SQLite
// River's driver notifies through a table it polls every 50 ms; the
// replicas of a SQLite database share one process.
func (s *Deployer) jobDriver(ctx context.Context, pollOnly bool) (riverdriver.Driver[*sql.Tx], error) {
	if s.db.Dialect != "postgres" {
		return riversqlite.New(s.db.SQL), nil
	}
	if pollOnly {
		return riverdatabasesql.New(s.db.SQL), nil
	}
	cfg, err := pgxpool.ParseConfig(s.db.PostgresURL())
	if err != nil {
		return nil, fmt.Errorf("the database URL, for the job runner's listener: %w", err)
	}
	// River takes the listening connection out of the pool for good.
	cfg.MinConns, cfg.MaxConns = 0, 1
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("the job runner's listener: %w", err)
	}
	s.listenPool = pool
	return riverdatabasesql.NewWithPgxListener(s.db.SQL, pool), nil
}

func (s *Deployer) closeListenPool() {
	if s.listenPool != nil {
		s.listenPool.Close()
		s.listenPool = nil
	}
}

// fetchCooldown is the shortest time between two fetches of one worker
// pool: a job inserted right after a fetch waits this long at most. River's
// default (100 ms) made a deploy queued just after another wait about
// 60 ms (p50, make bench-pickup); a fetch is one indexed UPDATE, and 50 a
// second per replica under a flood of inserts is cheap.
const fetchCooldown = 20 * time.Millisecond

// riverLockKey is the PostgreSQL advisory lock key held while River's
// tables are migrated ("woowrivr").
const riverLockKey int64 = 0x776f6f7772697672

// migrateJobs applies River's migrations. River's migrator does not guard
// against another replica migrating at the same moment (both apply the
// same version, and one fails): replicas take turns, on PostgreSQL with a
// session advisory lock, as the schema migrations do; on SQLite, whose
// replicas share one process (tests), with the store's in-process lock.
func (s *Deployer) migrateJobs(ctx context.Context, drv riverdriver.Driver[*sql.Tx]) error {
	m, err := rivermigrate.New(drv, &rivermigrate.Config{Logger: s.log})
	if err != nil {
		return err
	}
	if s.db.Dialect != "postgres" {
		return s.db.WithLock(ctx, riverLockKey, func() error {
			_, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil)
			return err
		})
	}
	conn, err := s.db.SQL.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	// A connection whose lock state is unknown never goes back to the pool.
	discard := func() { _ = conn.Raw(func(any) error { return driver.ErrBadConn }) }
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, riverLockKey); err != nil {
		discard()
		return fmt.Errorf("waiting for another replica to migrate: %w", err)
	}
	defer func() {
		if _, err := conn.ExecContext(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, riverLockKey); err != nil {
			discard()
		}
	}()
	_, err = m.Migrate(ctx, rivermigrate.DirectionUp, nil)
	return err
}

// StopJobs lets running jobs finish until ctx ends, then cancels those
// still running: River puts an interrupted job back, and the next start
// runs it again at once (instead of rescuing it after RescueAfter).
func (s *Deployer) StopJobs(ctx context.Context) error {
	if s.jobs == nil {
		return nil
	}
	// The listener's pool closes once River is done with it.
	defer s.closeListenPool()
	err := s.jobs.Stop(ctx)
	if err == nil || ctx.Err() == nil {
		return err
	}
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	return s.jobs.StopAndCancel(cctx)
}

// enqueue inserts a job in the caller's transaction: the job exists if and
// only if the state change does.
func (s *Deployer) enqueue(ctx context.Context, tx *sql.Tx, args JobArgs) error {
	return s.InsertJobTx(ctx, tx, args, nil)
}

// InsertJobTx inserts another domain's job (see JobsConfig.Register) in
// the caller's transaction.
func (s *Deployer) InsertJobTx(ctx context.Context, tx *sql.Tx, args river.JobArgs, opts *river.InsertOpts) error {
	if s.jobs == nil {
		return errors.New("the job runner is not started")
	}
	res, err := s.jobs.InsertTx(ctx, tx, args, opts)
	if err != nil || s.pollOnly || res.UniqueSkippedAsDuplicate || res.Job.State != rivertype.JobStateAvailable {
		return err
	}
	// River's own insert notification goes out at most once per fetch
	// cooldown per replica and is dropped otherwise, leaving a job queued
	// right after another to the next poll (a second later). Ours goes
	// with every job that can run now, in the same transaction (so at
	// commit): River's notification, the same topic and payload (River
	// v0.51's internal/notifier and producer.go), which its workers on
	// every replica debounce into one fetch per cooldown.
	return s.jobs.Driver().UnwrapExecutor(tx).NotifyMany(ctx, &riverdriver.NotifyManyParams{
		Topic:   riverInsertTopic,
		Payload: []string{fmt.Sprintf(`{"queue":%q}`, res.Job.Queue)},
	})
}

// riverInsertTopic is the channel River's workers listen on for new jobs.
const riverInsertTopic = "river_insert"

type opWorker struct {
	river.WorkerDefaults[JobArgs]
	s *Deployer
}

// Work runs one operation. A failed attempt is logged and retried with
// backoff; the last failure puts the service in error with the reason. A
// job whose service has moved on (deleted, or another operation since,
// or timed out by the reconciler) is stale and does nothing, also when
// that happens while it runs. A job interrupted because the runner stops
// (a shutdown) leaves the service as it is: River runs it again on the
// next start.
func (w *opWorker) Work(ctx context.Context, job *river.Job[JobArgs]) error {
	s := w.s
	// The service is written with a context that outlives the job's: a
	// job that ran out of time must still record it.
	sys := viewer.System(context.WithoutCancel(ctx))
	svc, err := s.db.Client.Service.Get(sys, job.Args.ServiceID)
	if ent.IsNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}
	working := workingStates(job.Args.Op)
	if !slices.Contains(working, svc.State) {
		return nil
	}
	if job.Args.Op == OpDeploy && svc.State == service.StatePending {
		svc, err = s.move(sys, svc, service.StateDeploying, serviceevent.LevelInfo, "Deploying", service.StateEQ(service.StatePending))
		if errors.Is(err, errMovedOn) {
			return nil
		}
		if err != nil {
			return err
		}
	}
	// Helm's log lines while it works, and whatever the job says about
	// a failure (events, the error message, the activity feed, the error
	// River logs and keeps), have the passwords blanked: those of the
	// service, of the revision it runs from, of the newest and, for a
	// rollback, of its target.
	revisions := []int{0, svc.HelmRevision, job.Args.Revision}
	runErr := s.run(helmops.WithRedaction(ctx, s.scrubber(sys, svc, revisions...)), svc, job.Args)
	if runErr == nil {
		return s.succeed(sys, svc, job.Args)
	}
	// Read again: the newest revision may be the one that just failed.
	scrub := s.scrubber(sys, svc, revisions...)
	switch {
	case errors.Is(ctx.Err(), context.Canceled):
		// The runner is stopping: River puts the job back (without
		// counting the attempt) when the error says so.
		return scrubErr(fmt.Errorf("%w: %w", ctx.Err(), runErr), scrub)
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		runErr = fmt.Errorf("timed out after %s: %w", s.jobTimeout, runErr)
	}
	// Users read why in words; the raw error is the detail.
	words := scrub(helmops.Explain(runErr))
	runErr = scrubErr(runErr, scrub)
	if job.Attempt < job.MaxAttempts {
		// The retry happens whether or not its log line is recorded; a
		// line that could not be is logged here, and River keeps runErr.
		msg := fmt.Sprintf("Attempt %d of %d failed: %s; retrying", job.Attempt, job.MaxAttempts, words)
		if err := s.logEvent(sys, svc, serviceevent.LevelWarning, msg); err != nil {
			s.log.Error("recording a failed attempt", "service_id", svc.ID, "attempt", job.Attempt, "err", scrub(err.Error()))
		}
		return runErr
	}
	if fresh, err := s.db.Client.Service.Get(sys, svc.ID); err != nil {
		return err
	} else if !slices.Contains(working, fresh.State) {
		return nil // moved on meanwhile
	}
	if job.Args.Op == OpDeploy || job.Args.Op == OpUpgrade {
		// The failed revisions belong in the history, with the values
		// they tried (the service's: a rollback's would be another's).
		if err := s.syncRevisions(sys, svc); err != nil && !errors.Is(err, helmops.ErrReleaseNotFound) {
			s.log.Warn("recording the release history", "service_id", svc.ID, "err", scrub(err.Error()))
		}
	}
	_, err = s.transition(sys, svc, service.StateError, serviceevent.LevelError, words, runErr.Error(), service.StateIn(working...))
	if errors.Is(err, errMovedOn) {
		return nil
	}
	return err
}

// workingStates are the states a service is in while op's job works on
// it.
func workingStates(op Op) []service.State {
	if op == OpDeploy {
		return []service.State{service.StatePending, service.StateDeploying}
	}
	return []service.State{op.through()}
}

// run does the Helm work of an operation.
func (s *Deployer) run(ctx context.Context, svc *ent.Service, args JobArgs) error {
	sys := viewer.System(ctx)
	switch args.Op {
	case OpDeploy, OpUpgrade:
		tpl, err := s.db.Client.AppTemplate.Get(sys, svc.TemplateID)
		if err != nil {
			return err
		}
		values, err := s.chartValues(ctx, svc, tpl)
		if err != nil {
			return err
		}
		ref := helmops.ChartRef{Ref: tpl.ChartRef, RepoURL: tpl.ChartRepoURL, Version: svc.ChartVersion}
		quota, err := s.quota(ctx)
		if err != nil {
			return err
		}
		if err := s.engine.EnsureNamespace(ctx, svc.Namespace, quota); err != nil {
			return err
		}
		s.clearPending(ctx, svc)
		if args.Op == OpDeploy {
			_, err = s.engine.Install(ctx, svc.Namespace, svc.ReleaseName, ref, values)
			if errors.Is(err, helmops.ErrReleaseExists) {
				// A retry after the release was installed: bring it to
				// the wanted values instead.
				_, err = s.engine.Upgrade(ctx, svc.Namespace, svc.ReleaseName, ref, values)
			}
		} else {
			_, err = s.engine.Upgrade(ctx, svc.Namespace, svc.ReleaseName, ref, values)
			if errors.Is(err, helmops.ErrReleaseNotFound) {
				// A retry of a deploy that failed before Helm recorded
				// a release (its chart could not be fetched): install.
				_, err = s.engine.Install(ctx, svc.Namespace, svc.ReleaseName, ref, values)
			}
		}
		return err
	case OpRollback:
		s.clearPending(ctx, svc)
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

// clearPending unblocks svc's release when a process stopped in the middle
// of an operation on it (see helmops.Engine.ClearPending). Nothing is
// cleared when the release does not exist yet or an operation on it still
// runs here (a timed-out attempt's: the next operation waits for it). Any
// other failure is logged, and the operation goes on: if the release is
// still blocked, the operation fails and says so.
func (s *Deployer) clearPending(ctx context.Context, svc *ent.Service) {
	_, err := s.engine.ClearPending(ctx, svc.Namespace, svc.ReleaseName)
	if err != nil && ctx.Err() == nil && !errors.Is(err, helmops.ErrReleaseNotFound) && !errors.Is(err, helmops.ErrPending) {
		s.log.Warn("clearing an interrupted helm operation", "service_id", svc.ID, "err", err)
	}
}

// chartValues are the release's values: the template defaults deep-merged
// with the user's values (secrets included), and the service's host name
// wired into the chart's ingress when the template exposes one.
func (s *Deployer) chartValues(ctx context.Context, svc *ent.Service, tpl *ent.AppTemplate) (map[string]any, error) {
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
		ingress["hostname"] = svc.Subdomain + "." + s.domain(ctx)
		values["ingress"] = ingress
	}
	return values, nil
}

// succeed moves the service to the operation's end state and records the
// release history.
func (s *Deployer) succeed(ctx context.Context, svc *ent.Service, args JobArgs) error {
	to := args.Op.done()
	working := service.StateIn(workingStates(args.Op)...)
	if fresh, err := s.db.Client.Service.Get(ctx, svc.ID); err != nil {
		return err
	} else if !slices.Contains(workingStates(args.Op), fresh.State) {
		// Moved on while Helm worked (timed out, say): nothing to
		// record, and the values are no longer this job's to change.
		return nil
	}
	if args.Op == OpDelete {
		_, err := s.move(ctx, svc, to, serviceevent.LevelInfo, "Deleted", working)
		if errors.Is(err, errMovedOn) {
			return nil
		}
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
	_, err = s.move(ctx, svc, to, serviceevent.LevelInfo, msg, working)
	if errors.Is(err, errMovedOn) {
		return nil
	}
	return err
}

// restoreValues makes the service's values those of the revision it
// rolled back to (0: the one before the current), so the next upgrade
// starts from what runs. Passwords are not in snapshots: the current ones
// stay. A snapshot's password keys (masked, or by the specs or the sealed
// values) are never copied into the plain user values, whatever the
// snapshot holds.
func (s *Deployer) restoreValues(ctx context.Context, svc *ent.Service, revision int) error {
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
	tpl, err := s.db.Client.AppTemplate.Get(ctx, svc.TemplateID)
	if err != nil {
		return err
	}
	sec, err := s.open(svc)
	if err != nil {
		return err
	}
	values := map[string]any{}
	for k, v := range r.ValuesSnapshot {
		_, sealed := sec.Values[k]
		if !valuespec.HasMasked(v) && !sealed && !isPassword(tpl.ValueSpecs, k) && !valuespec.IsInit(k) {
			values[k] = v
		}
	}
	return s.db.Client.Service.UpdateOne(svc).SetUserValues(values).SetInternalPort(internalPort(tpl, values)).Exec(ctx)
}

// syncRevisions mirrors the release history into ServiceRevision rows; a
// new revision snapshots the user's values with passwords masked, and
// keeps Helm's description with passwords blanked (a failed revision's
// is the error, which may quote values).
func (s *Deployer) syncRevisions(ctx context.Context, svc *ent.Service) error {
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
	sec, err := s.open(svc)
	if err != nil {
		return err
	}
	snapshot := masked(tpl.ValueSpecs, svc.UserValues, sec)
	var added []int
	for _, h := range hist {
		if _, ok := have[h.Revision]; !ok {
			added = append(added, h.Revision)
		}
	}
	scrub := func(msg string) string { return msg }
	if len(added) > 0 {
		scrub = s.scrubber(ctx, svc, added...)
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
			SetValuesSnapshot(snapshot).
			SetStatus(h.Status).
			SetDescription(clipTo(scrub(h.Description), 1000)).
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

// errMovedOn: the service is no longer in a state the transition starts
// from (another operation, or the reconciler, got there first).
var errMovedOn = errors.New("the service has moved on")

// move records a transition: the new state, its deadline, the log line,
// published after commit. With conditions, it happens only if the service
// still meets them (its state, typically), else errMovedOn.
func (s *Deployer) move(ctx context.Context, svc *ent.Service, to service.State, level serviceevent.Level, msg string, when ...predicate.Service) (*ent.Service, error) {
	return s.transition(ctx, svc, to, level, msg, "", when...)
}

// transition is move with, for an error, the raw detail behind msg (the
// words everyone reads), kept for those who may inspect the service.
func (s *Deployer) transition(ctx context.Context, svc *ent.Service, to service.State, level serviceevent.Level, msg, detail string, when ...predicate.Service) (*ent.Service, error) {
	var out *ent.Service
	err := s.db.WithSQLTx(ctx, func(ctx context.Context, c *ent.Client, _ *sql.Tx) error {
		u := c.Service.Update().Where(service.ID(svc.ID)).Where(when...).SetState(to)
		if d := s.deadline(to); d > 0 {
			u.SetStateDeadline(s.Now().Add(d))
		} else {
			u.ClearStateDeadline()
		}
		msg = clip(msg)
		if to == service.StateError {
			u.SetErrorMessage(msg).SetErrorDetail(clip(detail))
		} else {
			u.SetErrorMessage("").SetErrorDetail("")
		}
		n, err := u.Save(ctx)
		if err != nil {
			return err
		}
		if n == 0 {
			return errMovedOn
		}
		if out, err = c.Service.Get(ctx, svc.ID); err != nil {
			return err
		}
		if err := s.event(ctx, c, out, level, msg); err != nil {
			return err
		}
		// Where an operation ends is news for the whole workspace: it goes
		// into the activity feed too, said by the platform (no actor).
		if said := outcome(to); said != "" {
			summary := out.Name + " " + said
			params := map[string]string{"name": out.Name}
			if to == service.StateError {
				summary += ": "
				// The reason as the feed keeps it (the summary is clipped).
				params["reason"] = activity.Clip(summary, msg)
				summary += msg
			}
			_, err := activity.Record(ctx, c, activity.Entry{
				WorkspaceID: out.WorkspaceID, Verb: "service." + string(to),
				SubjectType: "Service", SubjectID: out.ID, Summary: summary, Params: params,
			})
			return err
		}
		return nil
	})
	return out, err
}

// outcome says a state that ends an operation as the feed says it; "" for
// the others.
func outcome(st service.State) string {
	switch st {
	case service.StateRunning:
		return "is running"
	case service.StateStopped:
		return "is stopped"
	case service.StateError:
		return "failed"
	case service.StateGone:
		return "was deleted"
	}
	return ""
}

// fail puts the service in error with a readable reason (if it still
// meets the conditions).
func (s *Deployer) fail(ctx context.Context, svc *ent.Service, reason string, when ...predicate.Service) (*ent.Service, error) {
	return s.move(ctx, svc, service.StateError, serviceevent.LevelError, reason, when...)
}

// logEvent adds a log line without a transition.
func (s *Deployer) logEvent(ctx context.Context, svc *ent.Service, level serviceevent.Level, msg string) error {
	return s.db.WithSQLTx(ctx, func(ctx context.Context, c *ent.Client, _ *sql.Tx) error {
		return s.event(ctx, c, svc, level, msg)
	})
}

type reconcileWorker struct {
	river.WorkerDefaults[reconcileArgs]
	s *Deployer
}

// Work repairs drift: a transitional state past its deadline becomes error
// ("timed out"); a running or stopped service whose release is gone or
// failed behind our back becomes error with the reason.
func (w *reconcileWorker) Work(ctx context.Context, _ *river.Job[reconcileArgs]) error {
	return w.s.Reconcile(ctx)
}

// Reconcile is one pass of the reconciler.
func (s *Deployer) Reconcile(ctx context.Context) error {
	sys := viewer.System(ctx)
	stuck, err := s.db.Client.Service.Query().
		Where(service.StateDeadlineLT(s.Now()), service.StateIn(transitionalStates()...)).
		All(sys)
	if err != nil {
		return err
	}
	for _, svc := range stuck {
		// Unless its job finished (or it timed out) meanwhile.
		_, err := s.fail(sys, svc, fmt.Sprintf("timed out while %s", svc.State),
			service.StateEQ(svc.State), service.StateDeadlineLT(s.Now()))
		if err != nil && !errors.Is(err, errMovedOn) {
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
		// Unless an operation started meanwhile.
		unchanged := service.StateEQ(svc.State)
		switch {
		case errors.Is(err, helmops.ErrReleaseNotFound):
			_, err = s.fail(sys, svc, "the Helm release was deleted outside Woow PaaS", unchanged)
		case err != nil:
			s.log.Warn("reconcile: release status", "service_id", svc.ID, "err", err)
			continue
		case rel.Status == "failed":
			// Helm's description of a failed revision is the error.
			scrub := s.scrubber(sys, svc, rel.Revision)
			_, err = s.fail(sys, svc, "the Helm release failed: "+scrub(rel.Description), unchanged)
		}
		if err != nil && !errors.Is(err, errMovedOn) {
			return err
		}
	}
	return nil
}

// JobOutcome is how one run of a background job ended, for the metrics.
type JobOutcome struct {
	Kind, Outcome string // Outcome: completed, failed, cancelled, snoozed, interrupted
	Run, Wait     time.Duration
}

// WatchJobs calls fn for every job run that ends on this server, until
// ctx ends. Call it after StartJobs.
func (s *Deployer) WatchJobs(ctx context.Context, fn func(JobOutcome)) {
	if s.jobs == nil {
		return
	}
	events, cancel := s.jobs.Subscribe(river.EventKindJobCompleted, river.EventKindJobFailed,
		river.EventKindJobCancelled, river.EventKindJobSnoozed, river.EventKindJobInterrupted)
	go func() {
		defer cancel()
		for {
			select {
			case <-ctx.Done():
				return
			case e, ok := <-events:
				if !ok {
					return
				}
				o := JobOutcome{Outcome: strings.TrimPrefix(string(e.Kind), "job_")}
				if e.Job != nil {
					o.Kind = e.Job.Kind
				}
				if e.JobStats != nil {
					o.Run, o.Wait = e.JobStats.RunDuration, e.JobStats.QueueWaitDuration
				}
				fn(o)
			}
		}
	}()
}
