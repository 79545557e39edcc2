// Package helmops runs Helm in-process through its Go SDK: it fetches and
// caches charts (OCI registries, HTTP chart repositories, local paths in
// the configured chart directories) and installs, upgrades, rolls back,
// uninstalls, inspects and scales releases. It is the engine the deploy
// domain (durable jobs, the service state machine, GraphQL) calls; it
// keeps no service state of its own.
//
// An Engine runs in one of two modes:
//
//   - cluster: a kubeconfig (path and context) or the in-cluster config;
//     Helm applies manifests to the cluster and keeps its releases in
//     Secrets in the release's namespace, as the helm CLI does.
//   - dry-run: no cluster configured. Charts are fetched and rendered for
//     real and every release revision is recorded (in the database, through
//     ReleaseStore), but nothing is applied: Helm runs with a kube client
//     that prints to nowhere. History, rollback, values and manifests work
//     exactly as in cluster mode and survive restarts.
//
// Operations on one release are serialised within an Engine. Helm marks a
// release pending-install/-upgrade/-rollback while it works on it and
// refuses a second operation meanwhile (ErrPending); a process that dies
// mid-operation leaves that mark behind, which ClearPending removes.
package helmops

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"
	"helm.sh/helm/v3/pkg/action"
	"helm.sh/helm/v3/pkg/chartutil"
	"helm.sh/helm/v3/pkg/kube"
	kubefake "helm.sh/helm/v3/pkg/kube/fake"
	"helm.sh/helm/v3/pkg/registry"
	"helm.sh/helm/v3/pkg/release"
	"helm.sh/helm/v3/pkg/storage"
	"helm.sh/helm/v3/pkg/storage/driver"
	"k8s.io/cli-runtime/pkg/genericclioptions"
	"k8s.io/client-go/discovery"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
)

// Mode is how an Engine runs Helm.
type Mode string

const (
	// ModeCluster applies releases to a Kubernetes cluster.
	ModeCluster Mode = "cluster"
	// ModeDryRun renders and records releases but applies nothing.
	ModeDryRun Mode = "dry-run"
)

// Errors the Engine returns, wrapping Helm's own error where there is one;
// test them with errors.Is.
var (
	// ErrReleaseNotFound: no such release (or no such revision of it).
	ErrReleaseNotFound = errors.New("helm release not found")
	// ErrChartNotFound: no such chart, chart version, repository or path.
	ErrChartNotFound = errors.New("chart not found")
	// ErrReleaseExists: Install of a release that exists and has not failed
	// (a failed or uninstalled one is replaced by a new revision).
	ErrReleaseExists = errors.New("helm release already exists")
	// ErrPending: another operation on the release is in progress (here,
	// or left unfinished by a process that stopped; see ClearPending).
	ErrPending = errors.New("another operation on the helm release is in progress")
)

// Config configures an Engine. The zero values of the limits mean the
// defaults documented on each field.
type Config struct {
	// CacheDir is the chart cache on disk (for example <data dir>/charts),
	// created if missing. Required.
	CacheDir string

	// Kubeconfig is the path of a kubeconfig file and Context the context
	// in it ("" = its current context). With Kubeconfig empty and
	// InCluster false (and no Clientset) the Engine runs in dry-run mode.
	Kubeconfig string
	Context    string
	// InCluster uses the service account of the pod the server runs in.
	InCluster bool

	// Releases keeps releases in dry-run mode (required there). Cluster
	// mode keeps them as Helm does, in Secrets in the release namespace.
	Releases *ReleaseStore
	// Uploads holds the chart archives platform admins uploaded
	// (upload:// references); nil: none load.
	Uploads *Uploads

	// KubeClient, when set, is the kube client Helm runs with instead of a
	// real one: tests pass kubefake.PrintingKubeClient or FailingKubeClient.
	KubeClient kube.Interface
	// Clientset, when set, is the Kubernetes API client used for
	// namespaces, quotas, scaling, reachability and (in cluster mode)
	// release Secrets: tests pass k8s.io/client-go/kubernetes/fake. Setting
	// it selects cluster mode; without Kubeconfig or InCluster it needs
	// KubeClient too.
	Clientset kubernetes.Interface

	// Timeout bounds each Helm operation's wait for resources to become
	// ready and its hooks (default 5 minutes).
	Timeout time.Duration
	// FetchTimeout bounds each chart download request (default 1 minute).
	FetchTimeout time.Duration
	// MaxChartBytes bounds a chart archive or OCI blob (default 10 MiB).
	MaxChartBytes int64
	// MaxIndexBytes bounds a repository's index.yaml (default 50 MiB:
	// large public repositories publish indexes of tens of megabytes).
	MaxIndexBytes int64
	// MaxHistory is how many revisions Helm keeps per release (default 10).
	MaxHistory int
	// RegistryPlainHTTP talks to OCI registries over plain HTTP (a local
	// registry); the default is HTTPS.
	RegistryPlainHTTP bool

	// ChartDirs are the directories local charts (a ChartRef that is a
	// path) may be loaded from; see LocalChartPath. Empty: local charts
	// are refused. Charts from registries, repositories and URLs are not
	// affected.
	ChartDirs []string
}

// Engine runs Helm. Its methods are safe for concurrent use.
type Engine struct {
	cfg       Config
	log       *slog.Logger
	mode      Mode
	getter    genericclioptions.RESTClientGetter // cluster mode, real cluster
	clientset kubernetes.Interface               // cluster mode
	caps      *chartutil.Capabilities            // when Helm does not discover them
	registry  *registry.Client
	http      *http.Client
	fetches   singleflight.Group

	locksMu sync.Mutex
	locks   map[string]*releaseLock // per release with an operation running or waiting
}

// releaseLock serialises the operations on one release. It lives in
// Engine.locks only while someone holds or waits for it, so the map does
// not grow with every release the process has ever touched.
type releaseLock struct {
	slot chan struct{} // one slot: held while an operation runs
	refs int           // holders and waiters; guarded by Engine.locksMu
}

// New returns an Engine. It does not contact the cluster (see Reachable).
func New(cfg Config, log *slog.Logger) (*Engine, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if cfg.CacheDir == "" {
		return nil, errors.New("helmops: CacheDir is required")
	}
	if err := os.MkdirAll(cfg.CacheDir, 0o700); err != nil {
		return nil, fmt.Errorf("helmops: chart cache: %w", err)
	}
	setDefault(&cfg.Timeout, 5*time.Minute)
	setDefault(&cfg.FetchTimeout, time.Minute)
	setDefault(&cfg.MaxChartBytes, 10<<20)
	setDefault(&cfg.MaxIndexBytes, 50<<20)
	setDefault(&cfg.MaxHistory, 10)
	cfg.ChartDirs = slices.Clone(cfg.ChartDirs)
	for _, d := range cfg.ChartDirs {
		if fi, err := os.Stat(d); err != nil || !fi.IsDir() {
			log.Warn("a chart directory is not a directory: no local chart loads from it", "dir", d, "err", err)
		}
	}

	e := &Engine{
		cfg:   cfg,
		log:   log,
		mode:  ModeDryRun,
		caps:  defaultCapabilities(),
		locks: map[string]*releaseLock{},
	}
	if cfg.Kubeconfig != "" || cfg.InCluster || cfg.Clientset != nil {
		e.mode = ModeCluster
	}

	switch {
	case e.mode == ModeDryRun && cfg.Releases == nil:
		return nil, errors.New("helmops: dry-run mode needs Config.Releases")
	case cfg.Kubeconfig != "" || cfg.InCluster:
		getter, restCfg, err := restClientGetter(cfg)
		if err != nil {
			return nil, err
		}
		e.getter = getter
		e.clientset = cfg.Clientset
		if e.clientset == nil {
			c := rest.CopyConfig(restCfg)
			c.Timeout = 30 * time.Second // our own calls; Helm's waits use its own client
			if e.clientset, err = kubernetes.NewForConfig(c); err != nil {
				return nil, fmt.Errorf("helmops: kubernetes client: %w", err)
			}
		}
	case e.mode == ModeCluster:
		if cfg.KubeClient == nil {
			return nil, errors.New("helmops: Config.Clientset without a kubeconfig needs Config.KubeClient")
		}
		e.clientset = cfg.Clientset
	}

	transport := http.DefaultTransport.(*http.Transport).Clone()
	e.http = &http.Client{Timeout: cfg.FetchTimeout, Transport: transport}
	opts := []registry.ClientOption{
		registry.ClientOptWriter(io.Discard),
		registry.ClientOptEnableCache(true),
		registry.ClientOptHTTPClient(&http.Client{
			Timeout:   cfg.FetchTimeout,
			Transport: limitTransport{base: registry.NewTransport(false), limit: cfg.MaxChartBytes},
		}),
	}
	if cfg.RegistryPlainHTTP {
		opts = append(opts, registry.ClientOptPlainHTTP())
	}
	rc, err := registry.NewClient(opts...)
	if err != nil {
		return nil, fmt.Errorf("helmops: registry client: %w", err)
	}
	e.registry = rc
	return e, nil
}

func setDefault[T comparable](p *T, v T) {
	var zero T
	if *p == zero {
		*p = v
	}
}

// restClientGetter builds the REST client getter Helm's kube client uses,
// from the kubeconfig path and context, or from the in-cluster config.
func restClientGetter(cfg Config) (*genericclioptions.ConfigFlags, *rest.Config, error) {
	flags := genericclioptions.NewConfigFlags(true)
	cacheDir := filepath.Join(cfg.CacheDir, ".kube")
	flags.CacheDir = &cacheDir // discovery cache; not ~/.kube/cache
	if cfg.InCluster {
		ic, err := rest.InClusterConfig()
		if err != nil {
			return nil, nil, fmt.Errorf("helmops: in-cluster config: %w", err)
		}
		// The loading rules would prefer a stray kubeconfig: always use
		// the service account (InClusterConfig re-reads its rotating token).
		flags.WrapConfigFn = func(*rest.Config) *rest.Config { return rest.CopyConfig(ic) }
		return flags, ic, nil
	}
	kubeconfig, kubeContext := cfg.Kubeconfig, cfg.Context
	flags.KubeConfig = &kubeconfig
	if kubeContext != "" {
		flags.Context = &kubeContext
	}
	rc, err := flags.ToRESTConfig()
	if err != nil {
		return nil, nil, fmt.Errorf("helmops: kubeconfig %s: %w", kubeconfig, err)
	}
	return flags, rc, nil
}

// kubeMinor is the Kubernetes minor version our Kubernetes libraries speak
// (k8s.io/client-go v0.N goes with Kubernetes v1.N); a test keeps it in
// step with go.mod.
const kubeMinor = "37"

// defaultCapabilities are the cluster capabilities Helm renders with when
// it cannot discover them (dry-run mode and test kube clients). Helm's
// chartutil.DefaultCapabilities claims Kubernetes v1.20 (the helm binary's
// build sets the real version with linker flags; the SDK does not), which
// charts requiring a newer kubeVersion refuse.
func defaultCapabilities() *chartutil.Capabilities {
	caps := chartutil.DefaultCapabilities.Copy()
	caps.KubeVersion = chartutil.KubeVersion{Version: "v1." + kubeMinor + ".0", Major: "1", Minor: kubeMinor}
	return caps
}

// Mode tells whether the Engine applies to a cluster or only records.
func (e *Engine) Mode() Mode { return e.mode }

// Reachable tells whether the cluster's API server answers (its version
// endpoint) within ctx and 10 seconds. Always true in dry-run mode.
func (e *Engine) Reachable(ctx context.Context) bool {
	if e.mode == ModeDryRun {
		return true
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	_, err := discovery.ToServerVersionInterfaceWithContext(e.clientset.Discovery()).ServerVersionWithContext(ctx)
	if err != nil {
		e.log.Debug("cluster not reachable", "err", err)
	}
	return err == nil
}

// actionConfig is Helm's action configuration for releases in namespace.
func (e *Engine) actionConfig(ctx context.Context, namespace string) *action.Configuration {
	redact := redaction(ctx)
	logf := func(format string, v ...any) {
		e.log.Debug(redact(fmt.Sprintf(format, v...)), "namespace", namespace)
	}
	cfg := &action.Configuration{
		RegistryClient: e.registry,
		Log:            logf,
		HookOutputFunc: func(_, _, _ string) io.Writer { return io.Discard },
	}
	switch {
	case e.mode == ModeDryRun:
		cfg.Releases = storage.Init(e.cfg.Releases.Driver(ctx, namespace))
	default:
		d := driver.NewSecrets(e.clientset.CoreV1().Secrets(namespace))
		d.Log = logf
		cfg.Releases = storage.Init(d)
	}
	cfg.Releases.Log = logf
	switch {
	case e.cfg.KubeClient != nil:
		cfg.KubeClient = e.cfg.KubeClient
		cfg.Capabilities = e.caps
	case e.mode == ModeDryRun:
		cfg.KubeClient = &kubefake.PrintingKubeClient{Out: io.Discard, LogOutput: io.Discard}
		cfg.Capabilities = e.caps
	default:
		kc := kube.New(e.getter)
		kc.Namespace = namespace
		kc.Log = logf
		cfg.KubeClient = kc
		cfg.RESTClientGetter = e.getter // Helm discovers the capabilities
	}
	return cfg
}

// releaseKey names a release in Engine.locks.
func releaseKey(namespace, name string) string { return namespace + "/" + name }

// lockFor returns the lock of one release, counting the caller among its
// users: each call is paired with one unlockRef once the caller no longer
// holds or waits for it.
func (e *Engine) lockFor(key string) *releaseLock {
	e.locksMu.Lock()
	defer e.locksMu.Unlock()
	l, ok := e.locks[key]
	if !ok {
		l = &releaseLock{slot: make(chan struct{}, 1)}
		e.locks[key] = l
	}
	l.refs++
	return l
}

// unlockRef drops the caller's count on l and forgets l when nobody holds
// or waits for it: a later caller makes a fresh one, which is equivalent.
func (e *Engine) unlockRef(key string, l *releaseLock) {
	e.locksMu.Lock()
	defer e.locksMu.Unlock()
	if l.refs--; l.refs == 0 {
		delete(e.locks, key)
	}
}

// exclusive runs fn holding the release's lock. Helm's actions cannot be
// cancelled halfway without leaving the release pending, so fn runs to its
// end (bounded by Config.Timeout) even when ctx ends first: exclusive then
// returns ctx's error and the lock is released when fn returns.
func exclusive[T any](ctx context.Context, e *Engine, namespace, name string, fn func() (T, error)) (T, error) {
	var zero T
	if err := ctx.Err(); err != nil {
		return zero, err
	}
	key := releaseKey(namespace, name)
	lock := e.lockFor(key)
	select {
	case lock.slot <- struct{}{}:
	case <-ctx.Done():
		e.unlockRef(key, lock)
		return zero, ctx.Err()
	}
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1)
	go func() {
		var r result
		func() {
			defer func() {
				if p := recover(); p != nil {
					e.log.Error("helm operation panicked", "namespace", namespace, "release", name,
						"panic", redaction(ctx)(fmt.Sprint(p)), "stack", string(debug.Stack()))
					r.err = fmt.Errorf("helm operation on %s/%s panicked: %v", namespace, name, p)
				}
			}()
			r.v, r.err = fn()
		}()
		// Before the result: the caller's next call finds the lock free.
		<-lock.slot
		e.unlockRef(key, lock)
		done <- r
	}()
	select {
	case r := <-done:
		return r.v, r.err
	case <-ctx.Done():
		select {
		case r := <-done: // finished meanwhile
			return r.v, r.err
		default:
		}
		return zero, fmt.Errorf("%w (the Helm operation on %s/%s continues in the background)", ctx.Err(), namespace, name)
	}
}

// Release is one revision of a Helm release.
type Release struct {
	Name      string
	Namespace string
	Revision  int
	// Status is Helm's: deployed, failed, superseded, uninstalling,
	// pending-install, pending-upgrade, pending-rollback, ...
	Status       string
	Chart        string
	ChartVersion string
	AppVersion   string
	// Description is Helm's account of the revision ("Install complete",
	// "Upgrade complete", "Rollback to 1", or what failed).
	Description string
	// Updated is when the revision was deployed (or attempted).
	Updated time.Time
}

func toRelease(r *release.Release) *Release {
	if r == nil {
		return nil
	}
	out := &Release{Name: r.Name, Namespace: r.Namespace, Revision: r.Version}
	if r.Chart != nil && r.Chart.Metadata != nil {
		out.Chart = r.Chart.Metadata.Name
		out.ChartVersion = r.Chart.Metadata.Version
		out.AppVersion = r.Chart.Metadata.AppVersion
	}
	if r.Info != nil {
		out.Status = r.Info.Status.String()
		out.Description = r.Info.Description
		out.Updated = r.Info.LastDeployed.Time
	}
	return out
}

// releaseErr maps Helm's storage errors to ours, wrapping Helm's.
func releaseErr(namespace, name string, err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, ErrReleaseNotFound), errors.Is(err, ErrChartNotFound),
		errors.Is(err, ErrReleaseExists), errors.Is(err, ErrPending),
		errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return err
	case errors.Is(err, driver.ErrReleaseNotFound), errors.Is(err, driver.ErrNoDeployedReleases):
		return fmt.Errorf("%w: %s/%s: %w", ErrReleaseNotFound, namespace, name, err)
	}
	return fmt.Errorf("helm release %s/%s: %w", namespace, name, err)
}

// last is the newest revision of a release.
func last(cfg *action.Configuration, name string) (*release.Release, error) {
	return cfg.Releases.Last(name)
}

// settled is the newest revision of release name, or ErrPending while an
// operation on it is still in progress (upgrades and rollbacks must not
// start on top of one).
func settled(cfg *action.Configuration, name string) (*release.Release, error) {
	cur, err := last(cfg, name)
	if err != nil {
		return nil, err
	}
	if cur.Info.Status.IsPending() {
		return nil, fmt.Errorf("%w: %s is %s", ErrPending, name, cur.Info.Status)
	}
	return cur, nil
}

// Install installs chart ref as release name in namespace with the user's
// values, waiting (up to Config.Timeout) for its resources to be ready.
// The namespace must exist (EnsureNamespace). A release that exists and has
// not failed is ErrReleaseExists; a failed or uninstalled one is replaced by
// a new revision, so a failed install can simply be retried.
//
// When Helm fails after recording the release, the release (status failed)
// is returned with the error.
func (e *Engine) Install(ctx context.Context, namespace, name string, ref ChartRef, values map[string]any) (*Release, error) {
	ch, err := e.Chart(ctx, ref)
	if err != nil {
		return nil, err
	}
	rel, err := exclusive(ctx, e, namespace, name, func() (*release.Release, error) {
		cfg := e.actionConfig(ctx, namespace)
		switch cur, err := last(cfg, name); {
		case errors.Is(err, driver.ErrReleaseNotFound):
		case err != nil:
			return nil, err
		case cur.Info.Status.IsPending():
			return nil, fmt.Errorf("%w: %s is %s", ErrPending, name, cur.Info.Status)
		case cur.Info.Status != release.StatusFailed && cur.Info.Status != release.StatusUninstalled:
			return nil, fmt.Errorf("%w: %s revision %d is %s", ErrReleaseExists, name, cur.Version, cur.Info.Status)
		}
		inst := action.NewInstall(cfg)
		inst.Namespace = namespace
		inst.ReleaseName = name
		inst.CreateNamespace = false // EnsureNamespace does it, with a quota
		inst.Atomic = false          // the caller decides how to recover
		inst.Replace = true          // only ever replaces a failed or uninstalled release (checked above)
		inst.Wait = true
		inst.Timeout = e.cfg.Timeout
		rel, err := inst.Run(ch, copyValues(values))
		if err != nil && rel != nil {
			// Helm also returns releases it never recorded (a chart that
			// fails to render): return only what History will show.
			if _, gerr := cfg.Releases.Get(name, rel.Version); gerr != nil {
				rel = nil
			}
		}
		return rel, err
	})
	return toRelease(rel), releaseErr(namespace, name, err)
}

// Upgrade upgrades release name to chart ref with values, which replace the
// previous revision's user values entirely (Helm's --reset-values), and
// waits for the resources to be ready. A release that does not exist is
// ErrReleaseNotFound. On failure the new revision (status failed) is
// returned with the error.
func (e *Engine) Upgrade(ctx context.Context, namespace, name string, ref ChartRef, values map[string]any) (*Release, error) {
	ch, err := e.Chart(ctx, ref)
	if err != nil {
		return nil, err
	}
	rel, err := exclusive(ctx, e, namespace, name, func() (*release.Release, error) {
		cfg := e.actionConfig(ctx, namespace)
		if _, err := settled(cfg, name); err != nil {
			return nil, err
		}
		up := action.NewUpgrade(cfg)
		up.Namespace = namespace
		up.ResetValues = true
		up.Atomic = false
		up.Wait = true
		up.Timeout = e.cfg.Timeout
		up.MaxHistory = e.cfg.MaxHistory
		return up.Run(name, ch, copyValues(values))
	})
	return toRelease(rel), releaseErr(namespace, name, err)
}

// Rollback rolls release name back to revision (0 = the one before the
// newest), as a new revision with that revision's chart and values, and
// returns it. A missing release or revision is ErrReleaseNotFound.
func (e *Engine) Rollback(ctx context.Context, namespace, name string, revision int) (*Release, error) {
	if revision < 0 {
		return nil, fmt.Errorf("rollback of %s/%s: invalid revision %d", namespace, name, revision)
	}
	rel, err := exclusive(ctx, e, namespace, name, func() (*release.Release, error) {
		cfg := e.actionConfig(ctx, namespace)
		cur, err := settled(cfg, name)
		if err != nil {
			return nil, err
		}
		target := revision
		if target == 0 {
			target = cur.Version - 1
		}
		if _, err := cfg.Releases.Get(name, target); err != nil {
			return nil, fmt.Errorf("revision %d: %w", target, err)
		}
		rb := action.NewRollback(cfg)
		rb.Version = target
		rb.Wait = true
		rb.Timeout = e.cfg.Timeout
		rb.MaxHistory = e.cfg.MaxHistory
		if err := rb.Run(name); err != nil {
			rel, _ := last(cfg, name)
			return rel, err
		}
		return last(cfg, name)
	})
	return toRelease(rel), releaseErr(namespace, name, err)
}

// Uninstall removes release name, its resources and its history. A release
// that is already gone counts as success.
func (e *Engine) Uninstall(ctx context.Context, namespace, name string) error {
	_, err := exclusive(ctx, e, namespace, name, func() (struct{}, error) {
		cfg := e.actionConfig(ctx, namespace)
		// Helm's IgnoreNotFound would also swallow storage errors.
		if _, err := cfg.Releases.History(name); errors.Is(err, driver.ErrReleaseNotFound) {
			return struct{}{}, nil
		} else if err != nil {
			return struct{}{}, err
		}
		un := action.NewUninstall(cfg)
		un.KeepHistory = false
		un.Wait = true
		un.Timeout = e.cfg.Timeout
		_, err := un.Run(name)
		return struct{}{}, err
	})
	return releaseErr(namespace, name, err)
}

// Status returns the newest revision of release name, or
// ErrReleaseNotFound.
func (e *Engine) Status(ctx context.Context, namespace, name string) (*Release, error) {
	rel, err := last(e.actionConfig(ctx, namespace), name)
	if err != nil {
		return nil, releaseErr(namespace, name, err)
	}
	return toRelease(rel), nil
}

// History returns every stored revision of release name, newest first, or
// ErrReleaseNotFound.
func (e *Engine) History(ctx context.Context, namespace, name string) ([]Release, error) {
	h, err := e.actionConfig(ctx, namespace).Releases.History(name)
	if err != nil {
		return nil, releaseErr(namespace, name, err)
	}
	out := make([]Release, 0, len(h))
	for _, r := range h {
		out = append(out, *toRelease(r))
	}
	slices.SortFunc(out, func(a, b Release) int { return b.Revision - a.Revision })
	return out, nil
}

// revision returns one revision (0 = the newest) of release name.
func (e *Engine) revision(ctx context.Context, namespace, name string, revision int) (*release.Release, error) {
	cfg := e.actionConfig(ctx, namespace)
	var (
		rel *release.Release
		err error
	)
	if revision <= 0 {
		rel, err = last(cfg, name)
	} else {
		rel, err = cfg.Releases.Get(name, revision)
	}
	if err != nil {
		return nil, releaseErr(namespace, name, err)
	}
	return rel, nil
}

// Values returns the user-supplied values of a revision (0 = the newest),
// not merged with the chart's defaults: what to diff between revisions.
// They come back as Helm stored them, in JSON types (numbers are float64).
func (e *Engine) Values(ctx context.Context, namespace, name string, revision int) (map[string]any, error) {
	rel, err := e.revision(ctx, namespace, name, revision)
	if err != nil {
		return nil, err
	}
	if rel.Config == nil {
		return map[string]any{}, nil
	}
	return rel.Config, nil
}

// Rendered is one revision as rendered: its manifest and the values it
// was rendered from, read together so that they belong to the same
// revision.
type Rendered struct {
	Revision int
	Manifest string
	// Values are the values the release was given (Helm's user-supplied
	// values), as in Values.
	Values map[string]any
	// Computed are the chart's defaults coalesced with Values: what the
	// templates saw as .Values (helm get values --all).
	Computed map[string]any
}

// Rendered returns a revision (0 = the newest) with its manifest and
// values, or ErrReleaseNotFound.
func (e *Engine) Rendered(ctx context.Context, namespace, name string, revision int) (*Rendered, error) {
	rel, err := e.revision(ctx, namespace, name, revision)
	if err != nil {
		return nil, err
	}
	out := &Rendered{Revision: rel.Version, Manifest: rel.Manifest, Values: copyValues(rel.Config)}
	if rel.Chart == nil {
		out.Computed = copyValues(rel.Config)
		return out, nil
	}
	computed, err := chartutil.CoalesceValues(rel.Chart, copyValues(rel.Config))
	if err != nil {
		return nil, fmt.Errorf("helm release %s/%s revision %d: values: %w", namespace, name, rel.Version, err)
	}
	out.Computed = computed
	return out, nil
}

// redactKey is the context key of WithRedaction.
type redactKey struct{}

// WithRedaction returns a context under which the Engine passes every
// line it logs about an operation (Helm's own messages included, which
// quote errors, and errors may quote rendered manifests) through redact
// first. The caller knows what is secret (passwords); the Engine does
// not.
func WithRedaction(ctx context.Context, redact func(string) string) context.Context {
	return context.WithValue(ctx, redactKey{}, redact)
}

// redaction is ctx's redaction, or none.
func redaction(ctx context.Context) func(string) string {
	if f, ok := ctx.Value(redactKey{}).(func(string) string); ok && f != nil {
		return f
	}
	return func(s string) string { return s }
}

// ClearPending marks the newest revision of release name failed when it is
// pending (pending-install, -upgrade or -rollback) although no operation on
// it runs in this Engine: what a process stopped mid-operation leaves
// behind, and what makes Helm refuse every later operation. It reports
// whether it changed anything; an operation running here is ErrPending.
//
// Call it only when no other process can be operating on the release (for
// instance from the job that owns the release's lifecycle, on retry).
func (e *Engine) ClearPending(ctx context.Context, namespace, name string) (bool, error) {
	key := releaseKey(namespace, name)
	lock := e.lockFor(key)
	defer e.unlockRef(key, lock) // runs last, after the slot is freed
	select {
	case lock.slot <- struct{}{}:
		defer func() { <-lock.slot }()
	default:
		return false, fmt.Errorf("%w: %s/%s", ErrPending, namespace, name)
	}
	cfg := e.actionConfig(ctx, namespace)
	cur, err := last(cfg, name)
	if err != nil {
		return false, releaseErr(namespace, name, err)
	}
	if !cur.Info.Status.IsPending() {
		return false, nil
	}
	e.log.Warn("clearing an interrupted helm operation", "namespace", namespace, "release", name,
		"revision", cur.Version, "status", cur.Info.Status, "description", redaction(ctx)(cur.Info.Description))
	cur.SetStatus(release.StatusFailed, fmt.Sprintf("interrupted while %s: %s", cur.Info.Status, cur.Info.Description))
	if err := cfg.Releases.Update(cur); err != nil {
		return false, releaseErr(namespace, name, err)
	}
	return true, nil
}

// copyValues deep-copies user values: Helm may change the map it is given.
func copyValues(v map[string]any) map[string]any {
	if v == nil {
		return map[string]any{}
	}
	out := maps.Clone(v)
	for k, x := range out {
		out[k] = copyValue(x)
	}
	return out
}

func copyValue(x any) any {
	switch t := x.(type) {
	case map[string]any:
		return copyValues(t)
	case []any:
		s := make([]any, len(t))
		for i, y := range t {
			s[i] = copyValue(y)
		}
		return s
	}
	return x
}
