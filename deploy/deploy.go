package deploy

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"

	"github.com/woowtech/woow-paas/activity"
	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/service"
	"github.com/woowtech/woow-paas/ent/serviceevent"
	"github.com/woowtech/woow-paas/ent/workspace"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/events"
	"github.com/woowtech/woow-paas/helmops"
	"github.com/woowtech/woow-paas/idempotency"
	"github.com/woowtech/woow-paas/live"
	"github.com/woowtech/woow-paas/names"
	"github.com/woowtech/woow-paas/policy"
	"github.com/woowtech/woow-paas/secretbox"
	"github.com/woowtech/woow-paas/store"
	"github.com/woowtech/woow-paas/valuespec"
	"github.com/woowtech/woow-paas/viewer"
	"github.com/woowtech/woow-paas/workspaces"
)

// Config tunes the deploy domain.
type Config struct {
	// Domain is the base domain of service subdomains (default woowtech.io).
	Domain string
	// Quota bounds each workspace namespace.
	Quota helmops.Quota
	// Platform, when set, gives the domain and the quota instead, as
	// platform admins set them at run time (package settings).
	Platform Platform
	// MaxAttempts is how often a job runs before the service goes to error.
	MaxAttempts int
	// Deadlines override how long a service may stay in a transitional
	// state before the reconciler times it out (tests shorten them).
	// States missing here, settled states and durations <= 0 keep the
	// defaults (see defaultDeadline). New copies the map.
	Deadlines map[service.State]time.Duration
}

// Platform is the run-time settings the deployer follows.
type Platform interface {
	ServiceDomain(ctx context.Context) string
	NamespaceQuota(ctx context.Context) (helmops.Quota, error)
}

func (s *Deployer) domain(ctx context.Context) string {
	if s.cfg.Platform != nil {
		return s.cfg.Platform.ServiceDomain(ctx)
	}
	return s.cfg.Domain
}

func (s *Deployer) quota(ctx context.Context) (helmops.Quota, error) {
	if s.cfg.Platform != nil {
		return s.cfg.Platform.NamespaceQuota(ctx)
	}
	return s.cfg.Quota, nil
}

// Deployer deploys and operates marketplace apps.
type Deployer struct {
	db     *store.DB
	engine *helmops.Engine
	box    *secretbox.Box
	bus    events.Bus
	jobs   *river.Client[*sql.Tx]
	// jobTimeout is the job runner's limit on one operation (for messages).
	jobTimeout time.Duration
	// listenPool holds the job runner's LISTEN connection on PostgreSQL.
	listenPool *pgxpool.Pool
	// pollOnly: the job runner was told not to wake workers on insert.
	pollOnly bool
	cfg      Config
	log      *slog.Logger
	// The live streams of services (see newStreams).
	eventStream   *live.Stream[*ent.ServiceEvent, int]
	serviceStream *live.Stream[*ent.Service, time.Time]
	// Now is the clock; tests replace it.
	Now func() time.Time
}

// New returns the deploy service; Jobs starts its background work.
func New(db *store.DB, engine *helmops.Engine, box *secretbox.Box, bus events.Bus, cfg Config, log *slog.Logger) *Deployer {
	if cfg.Domain == "" {
		cfg.Domain = "woowtech.io"
	}
	if cfg.MaxAttempts <= 0 {
		cfg.MaxAttempts = 3
	}
	if cfg.Quota == (helmops.Quota{}) {
		cfg.Quota = helmops.Quota{CPU: "16", Memory: "32Gi", Storage: "200Gi"}
	}
	cfg.Deadlines = maps.Clone(cfg.Deadlines)
	s := &Deployer{db: db, engine: engine, box: box, bus: bus, cfg: cfg, log: log,
		Now: func() time.Time { return time.Now().UTC() }}
	s.newStreams()
	return s
}

// ServiceTopic carries a service's transitions and deploy log.
func ServiceTopic(id int) string { return fmt.Sprintf("service.%d.events", id) }

// WorkspaceTopic carries the changes of a workspace's services.
func WorkspaceTopic(ws int) string { return fmt.Sprintf("workspace.%d.services", ws) }

// Cluster says where releases go.
type Cluster struct {
	Mode      string
	Reachable bool
}

// Cluster reports the mode (cluster or dry-run) and whether the Kubernetes
// API answers.
func (s *Deployer) Cluster(ctx context.Context) (Cluster, error) {
	// How the platform is deployed is not for strangers.
	if _, err := viewer.Required(ctx); err != nil {
		return Cluster{}, err
	}
	return Cluster{Mode: string(s.engine.Mode()), Reachable: s.engine.Reachable(ctx)}, nil
}

// DeployInput is what deployService takes.
type DeployInput struct {
	WorkspaceID int
	TemplateID  int
	Name        string
	Values      map[string]any
	// IdempotencyKey, when given, makes the same request sent again
	// answer with the service the first made (package idempotency).
	IdempotencyKey string
}

// secrets is what a service keeps encrypted: password-typed Helm values
// and the set-up (_init.) inputs.
type secrets struct {
	Values map[string]any `json:"values,omitempty"`
	Init   map[string]any `json:"init,omitempty"`
	// Retired are passwords the service had before an update replaced
	// them, oldest first, at most maxRetired: never used again, kept only
	// to blank them in text about older revisions (see redact.go).
	Retired []string `json:"retired,omitempty"`
}

// ViewerCan reports whether the viewer may start op on svc now: the
// permission and the state the operation itself checks (begin), so a web
// app that offers what this allows offers exactly what will work.
func (s *Deployer) ViewerCan(ctx context.Context, svc *ent.Service, op Op) (bool, error) {
	ok, err := policy.ViewerCan(ctx, s.db.Client, svc.WorkspaceID, policy.OperateServices)
	if op == OpRollback && svc.HelmRevision < 2 {
		// Nothing earlier to go back to (a first install that failed).
		return false, err
	}
	return ok && allowed(op, svc.State), err
}

// ViewerCanInspect reports whether the viewer may read svc's manifests.
func (s *Deployer) ViewerCanInspect(ctx context.Context, svc *ent.Service) (bool, error) {
	return policy.ViewerCan(ctx, s.db.Client, svc.WorkspaceID, policy.InspectServices)
}

// ErrorDetail is the raw error behind svc's error message, for viewers
// who may inspect it; nil for others and when there is none.
func (s *Deployer) ErrorDetail(ctx context.Context, svc *ent.Service) (*string, error) {
	if svc.ErrorDetail == "" || svc.State != service.StateError {
		return nil, nil
	}
	if ok, err := s.ViewerCanInspect(ctx, svc); err != nil || !ok {
		return nil, err
	}
	return &svc.ErrorDetail, nil
}

// Deploy creates a service from a template and queues its deployment. It
// returns at once, the service pending.
func (s *Deployer) Deploy(ctx context.Context, in DeployInput) (*ent.Service, error) {
	v, err := viewer.Required(ctx)
	if err != nil {
		return nil, err
	}
	var out *ent.Service
	err = s.db.WithSQLTx(ctx, func(ctx context.Context, c *ent.Client, tx *sql.Tx) error {
		q := c.Workspace.Query().Where(workspace.ID(in.WorkspaceID))
		if s.db.Dialect == "postgres" {
			// Held until commit: archiving waits for this deploy, and
			// counts its service; two deploys in one workspace take
			// turns, so that two of one name cannot both find it free
			// (SQLite's writes are serial anyway).
			q.ForUpdate()
		}
		ws, err := q.Only(ctx)
		if ent.IsNotFound(err) {
			return errs.E(errs.NotFound, "workspace not found")
		}
		if err != nil {
			return err
		}
		if err := policy.Can(ctx, c, ws.ID, policy.OperateServices); err != nil {
			return err
		}
		// Authorised first: an outsider learns nothing from its input's
		// faults.
		if err := idempotency.Check("idempotencyKey", in.IdempotencyKey); err != nil {
			return err
		}
		if id, err := idempotency.Earlier(ctx, c, "deployService", in.IdempotencyKey); err != nil {
			return err
		} else if id != 0 {
			out = &ent.Service{ID: id}
			return nil // sent again: what the first made
		}
		name, err := names.Required("name", "name", in.Name, 100)
		if err != nil {
			return err
		}
		// Names are unique in a workspace among the services not gone,
		// whatever their case: people tell services apart by name.
		taken, err := c.Service.Query().Where(service.WorkspaceID(ws.ID), service.NameEqualFold(name),
			service.StateNEQ(service.StateGone)).Exist(ctx)
		if err != nil {
			return err
		}
		if taken {
			return errs.InvalidField("name", "a service named %q already exists in this workspace", name)
		}
		tpl, err := c.AppTemplate.Get(ctx, in.TemplateID)
		if ent.IsNotFound(err) || (err == nil && !tpl.Active) {
			return errs.InvalidField("templateId", "no such app in the marketplace")
		}
		if err != nil {
			return err
		}
		checked, err := tpl.ValueSpecs.Check(in.Values)
		if err != nil {
			return err
		}
		ref := uuid.New()
		plain, sealed, err := s.seal(ref, checked, nil)
		if err != nil {
			return err
		}
		ref8 := strings.ReplaceAll(ref.String(), "-", "")[:8]
		create := c.Service.Create().
			SetWorkspaceID(ws.ID).
			SetTemplateID(tpl.ID).
			SetName(name).
			SetReferenceID(ref).
			SetState(service.StatePending).
			SetSubdomain(fmt.Sprintf("paas-cs-%s-%s", workspaces.HostLabel(ws.Slug), ref8)).
			SetInternalPort(internalPort(tpl, checked.Values)).
			SetReleaseName("svc-" + ref8).
			SetNamespace(workspaces.Namespace(ws.Slug)).
			SetUserValues(plain).
			SetChartVersion(tpl.ChartVersion).
			SetStateDeadline(s.Now().Add(s.deadline(service.StatePending)))
		if sealed != nil {
			create.SetSecretValues(sealed)
		}
		if out, err = create.Save(ctx); err != nil {
			return err
		}
		if err := s.event(ctx, c, out, serviceevent.LevelInfo, "Deployment of "+tpl.Name+" queued"); err != nil {
			return err
		}
		if _, err := activity.Record(ctx, c, activity.Entry{
			WorkspaceID: ws.ID, ActorID: v.UserID, Verb: "service.deployed",
			SubjectType: "Service", SubjectID: out.ID,
			Summary: fmt.Sprintf("%s is being deployed from %s", name, tpl.Name),
			Params:  map[string]string{"name": name, "template": tpl.Name},
		}); err != nil {
			return err
		}
		if err := idempotency.Remember(ctx, c, "deployService", in.IdempotencyKey, out.ID); err != nil {
			return err
		}
		return s.enqueue(ctx, tx, JobArgs{ServiceID: out.ID, Op: OpDeploy})
	})
	if err != nil {
		return nil, err
	}
	return s.db.Client.Service.Get(ctx, out.ID)
}

// seal splits checked values into what is stored plainly and the
// encrypted secrets (password values and set-up inputs, with the retired
// passwords).
func (s *Deployer) seal(ref uuid.UUID, checked valuespec.Checked, retired []string) (map[string]any, []byte, error) {
	plain := map[string]any{}
	sec := secrets{Values: map[string]any{}, Init: checked.Init, Retired: retired}
	secret := map[string]bool{}
	for _, k := range checked.Secret {
		secret[k] = true
	}
	for k, v := range checked.Values {
		if secret[k] {
			sec.Values[k] = v
		} else {
			plain[k] = v
		}
	}
	if len(sec.Values) == 0 && len(sec.Init) == 0 && len(sec.Retired) == 0 {
		return plain, nil, nil
	}
	raw, err := json.Marshal(sec)
	if err != nil {
		return nil, nil, err
	}
	sealed, err := s.box.Seal(raw, []byte("service:"+ref.String()))
	return plain, sealed, err
}

// open decrypts a service's secrets.
func (s *Deployer) open(svc *ent.Service) (secrets, error) {
	var sec secrets
	if len(svc.SecretValues) == 0 {
		return sec, nil
	}
	raw, err := s.box.Open(svc.SecretValues, []byte("service:"+svc.ReferenceID.String()))
	if err != nil {
		return sec, fmt.Errorf("decrypting the service's secrets: %w", err)
	}
	return sec, json.Unmarshal(raw, &sec)
}

// UserValues are the values the user set, secrets included (for Helm and
// for the next update's form, never for display).
func (s *Deployer) userValues(svc *ent.Service) (map[string]any, secrets, error) {
	sec, err := s.open(svc)
	if err != nil {
		return nil, sec, err
	}
	all := map[string]any{}
	for k, v := range svc.UserValues {
		all[k] = v
	}
	for k, v := range sec.Values {
		all[k] = v
	}
	return all, sec, nil
}

// UpdateInput is what updateService takes. Values replace the user's
// values; a password left out keeps its stored value.
type UpdateInput struct {
	ID           int
	Values       map[string]any
	ChartVersion *string
}

// Update queues an upgrade with new values or chart version.
func (s *Deployer) Update(ctx context.Context, in UpdateInput) (*ent.Service, error) {
	return s.begin(ctx, in.ID, OpUpgrade, func(ctx context.Context, c *ent.Client, svc *ent.Service, u *ent.ServiceUpdateOne) (string, map[string]string, error) {
		tpl, err := c.AppTemplate.Get(viewer.System(ctx), svc.TemplateID)
		if err != nil {
			return "", nil, err
		}
		if in.Values != nil {
			_, old, err := s.userValues(svc)
			if err != nil {
				return "", nil, err
			}
			values := map[string]any{}
			for k, v := range in.Values {
				if v == valuespec.MaskedValue && isPassword(tpl.ValueSpecs, k) {
					// The form sent back what Values showed: the
					// password is unchanged.
					continue
				}
				if isEnv(tpl.ValueSpecs, k) {
					// Likewise for the secret entries of an
					// environment, by name.
					v = valuespec.KeepSecrets(v, old.Values[k])
				}
				values[k] = v
			}
			for k, v := range old.Values {
				if _, given := values[k]; !given {
					values[k] = v
				}
			}
			for k, v := range old.Init {
				if _, given := values[k]; !given {
					values[k] = v
				}
			}
			checked, err := tpl.ValueSpecs.Check(values)
			if err != nil {
				return "", nil, err
			}
			plain, sealed, err := s.seal(svc.ReferenceID, checked, retire(tpl.ValueSpecs, old, checked))
			if err != nil {
				return "", nil, err
			}
			u.SetUserValues(plain).SetInternalPort(internalPort(tpl, checked.Values))
			if sealed != nil {
				u.SetSecretValues(sealed)
			} else {
				u.ClearSecretValues()
			}
		}
		if in.ChartVersion != nil {
			if len(*in.ChartVersion) > 100 {
				return "", nil, errs.InvalidField("chartVersion", "too long")
			}
			u.SetChartVersion(*in.ChartVersion)
		}
		return "Upgrade queued", nil, nil
	}, nil)
}

// isEnv reports whether key is an environment (type env) in specs.
func isEnv(specs valuespec.Specs, key string) bool {
	for _, sp := range append(slices.Clone(specs.Required), specs.Optional...) {
		if sp.Key == key {
			return sp.Type == valuespec.Env
		}
	}
	return false
}

// isPassword reports whether key is a password in specs.
func isPassword(specs valuespec.Specs, key string) bool {
	for _, sp := range append(slices.Clone(specs.Required), specs.Optional...) {
		if sp.Key == key {
			return sp.Type == valuespec.Password
		}
	}
	return false
}

// Stop queues scaling the release's workloads to zero.
func (s *Deployer) Stop(ctx context.Context, id int) (*ent.Service, error) {
	return s.begin(ctx, id, OpStop, nil, nil)
}

// Start queues restoring the workloads' replicas.
func (s *Deployer) Start(ctx context.Context, id int) (*ent.Service, error) {
	return s.begin(ctx, id, OpStart, nil, nil)
}

// Rollback queues a rollback to revision (0: the previous one, that is
// the newest revision before the current one that did not fail). The
// revision is resolved here, against the release's history, so that the
// job rolls Helm back to the same revision whose values it restores; a
// revision the history does not have is BAD_USER_INPUT.
func (s *Deployer) Rollback(ctx context.Context, id, revision int) (*ent.Service, error) {
	args := JobArgs{Revision: revision}
	return s.begin(ctx, id, OpRollback, func(ctx context.Context, c *ent.Client, svc *ent.Service, _ *ent.ServiceUpdateOne) (string, map[string]string, error) {
		if revision < 0 {
			return "", nil, errs.InvalidField("revision", "a revision is a positive number")
		}
		if revision != 0 && revision == svc.HelmRevision {
			return "", nil, errs.InvalidField("revision", "the service already runs revision %d", revision)
		}
		hist, err := s.engine.History(ctx, svc.Namespace, svc.ReleaseName)
		if err != nil && !errors.Is(err, helmops.ErrReleaseNotFound) {
			return "", nil, err
		}
		if revision == 0 {
			if args.Revision = previousRevision(hist); args.Revision == 0 {
				return "", nil, errs.E(errs.Conflict, "there is no previous revision")
			}
			return fmt.Sprintf("Rollback to the previous revision (%d) queued", args.Revision),
				map[string]string{"revision": strconv.Itoa(args.Revision), "previous": "true"}, nil
		}
		if !slices.ContainsFunc(hist, func(r helmops.Release) bool { return r.Revision == revision }) {
			return "", nil, errs.InvalidField("revision", "there is no revision %d", revision)
		}
		return fmt.Sprintf("Rollback to revision %d queued", revision), map[string]string{"revision": strconv.Itoa(revision)}, nil
	}, &args)
}

// previousRevision is the newest revision of a history (newest first)
// before the current one that did not fail, or 0.
func previousRevision(hist []helmops.Release) int {
	for i, r := range hist {
		if i > 0 && (r.Status == "deployed" || r.Status == "superseded") {
			return r.Revision
		}
	}
	return 0
}

// Delete queues uninstalling the release.
func (s *Deployer) Delete(ctx context.Context, id int) (*ent.Service, error) {
	return s.begin(ctx, id, OpDelete, nil, nil)
}

// begin is every operation on an existing service: load it (NOT_FOUND for
// outsiders), check the role and the state (CONFLICT), move it to the
// operation's transitional state, log, record activity and queue the job,
// in one transaction. prepare, when set, completes the update and says
// the log line, with the feed's params besides the service's name.
func (s *Deployer) begin(ctx context.Context, id int, op Op,
	prepare func(ctx context.Context, c *ent.Client, svc *ent.Service, u *ent.ServiceUpdateOne) (msg string, params map[string]string, err error),
	args *JobArgs) (*ent.Service, error) {
	v, err := viewer.Required(ctx)
	if err != nil {
		return nil, err
	}
	err = s.db.WithSQLTx(ctx, func(ctx context.Context, c *ent.Client, tx *sql.Tx) error {
		svc, err := c.Service.Get(ctx, id)
		if ent.IsNotFound(err) {
			return errs.E(errs.NotFound, "service not found")
		}
		if err != nil {
			return err
		}
		if err := policy.Can(ctx, c, svc.WorkspaceID, policy.OperateServices); err != nil {
			return err
		}
		if !allowed(op, svc.State) {
			return errs.E(errs.Conflict, "cannot %s a service that is %s", op, svc.State)
		}
		to := op.through()
		u := c.Service.UpdateOne(svc).
			SetState(to).
			SetErrorMessage("").
			SetStateDeadline(s.Now().Add(s.deadline(to)))
		msg := strings.ToUpper(string(op[:1])) + string(op[1:]) + " queued"
		var params map[string]string
		if prepare != nil {
			if msg, params, err = prepare(ctx, c, svc, u); err != nil {
				return err
			}
		}
		if params == nil {
			params = map[string]string{}
		}
		params["name"] = svc.Name
		if svc, err = u.Save(ctx); err != nil {
			return err
		}
		if err := s.event(ctx, c, svc, serviceevent.LevelInfo, msg); err != nil {
			return err
		}
		if _, err := activity.Record(ctx, c, activity.Entry{
			WorkspaceID: svc.WorkspaceID, ActorID: v.UserID, Verb: "service." + string(op),
			SubjectType: "Service", SubjectID: svc.ID,
			Summary: fmt.Sprintf("%s: %s", svc.Name, strings.ToLower(msg)),
			Params:  params,
		}); err != nil {
			return err
		}
		// Read after prepare, which may complete the arguments.
		job := JobArgs{ServiceID: id, Op: op}
		if args != nil {
			job.Revision = args.Revision
		}
		return s.enqueue(ctx, tx, job)
	})
	if err != nil {
		return nil, err
	}
	return s.db.Client.Service.Get(ctx, id)
}

// event writes a line of the deploy log with c and publishes it (and the
// service's new state) after the transaction commits.
func (s *Deployer) event(ctx context.Context, c *ent.Client, svc *ent.Service, level serviceevent.Level, msg string) error {
	msg = clip(msg)
	ev, err := c.ServiceEvent.Create().
		SetWorkspaceID(svc.WorkspaceID).
		SetServiceID(svc.ID).
		SetState(string(svc.State)).
		SetLevel(level).
		SetMessage(msg).
		Save(ctx)
	if err != nil {
		return err
	}
	store.AfterCommit(ctx, func() {
		// The log line to the service's followers, the service (its new
		// state) to the workspace's.
		for topic, id := range map[string]int{ServiceTopic(svc.ID): ev.ID, WorkspaceTopic(svc.WorkspaceID): svc.ID} {
			if err := live.Publish(ctx, s.bus, topic, id); err != nil {
				s.log.Warn("publishing a service event", "err", err, "service_id", svc.ID)
			}
		}
	})
	return nil
}

// internalPort is the port a service's app listens on: the value its
// built-in chart names as the port (the Container app's "port",
// helmops.PortValueKey) when the values set one, else the template's
// default port.
func internalPort(tpl *ent.AppTemplate, values map[string]any) int {
	key := helmops.PortValueKey(tpl.ChartRef)
	if key == "" {
		return tpl.DefaultPort
	}
	var p float64
	switch v := values[key].(type) {
	case float64:
		p = v
	case int:
		p = float64(v)
	case int64:
		p = float64(v)
	case json.Number:
		p, _ = v.Float64()
	}
	if p < 1 || p > 65535 || p != float64(int(p)) {
		return tpl.DefaultPort
	}
	return int(p)
}
