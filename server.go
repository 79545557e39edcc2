// Command woow is the Woow PaaS control plane: one server with a GraphQL
// API (queries, mutations, subscriptions), the embedded web app and the
// operational endpoints.
//
//	woow serve     run the server (the default)
//	woow migrate   apply pending database migrations and exit
//	woow version   print the version and revision
//
// Configuration comes from the environment; see README.md.
package main

import (
	"bufio"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/woowtech/woow-paas/accounts"
	"github.com/woowtech/woow-paas/activity"
	"github.com/woowtech/woow-paas/assistant"
	"github.com/woowtech/woow-paas/auth"
	"github.com/woowtech/woow-paas/board"
	"github.com/woowtech/woow-paas/catalog"
	"github.com/woowtech/woow-paas/deploy"
	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/events"
	"github.com/woowtech/woow-paas/frontend"
	"github.com/woowtech/woow-paas/gctune"
	"github.com/woowtech/woow-paas/gqlserver"
	"github.com/woowtech/woow-paas/hashim"
	"github.com/woowtech/woow-paas/helmops"
	"github.com/woowtech/woow-paas/httpauth"
	"github.com/woowtech/woow-paas/idempotency"
	"github.com/woowtech/woow-paas/live"
	"github.com/woowtech/woow-paas/llm"
	"github.com/woowtech/woow-paas/mail"
	"github.com/woowtech/woow-paas/metrics"
	"github.com/woowtech/woow-paas/oauth"
	"github.com/woowtech/woow-paas/oauth/oauthhttp"
	"github.com/woowtech/woow-paas/resolvers"
	"github.com/woowtech/woow-paas/revocation"
	"github.com/woowtech/woow-paas/secretbox"
	"github.com/woowtech/woow-paas/settings"
	"github.com/woowtech/woow-paas/smarthome"
	"github.com/woowtech/woow-paas/store"
	"github.com/woowtech/woow-paas/tunnels"
	"github.com/woowtech/woow-paas/workspaces"
)

// gcHeadroom is the least room the collector gives the heap to grow in
// (package gctune), unless GOGC is set.
const gcHeadroom = 64 << 20

func main() {
	gctune.Floor(os.Getenv("GOGC"), gcHeadroom)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stderr, nil); err != nil {
		fmt.Fprintln(os.Stderr, "woow:", err)
		os.Exit(1)
	}
}

// config is the server's configuration, read from the environment.
type config struct {
	Addr        string // WOOW_ADDR
	DataDir     string // WOOW_DATA_DIR
	DatabaseURL string // DATABASE_URL: PostgreSQL when set
	SecretKey   string // WOOW_SECRET_KEY: else a key file in the data dir
	// AllowedOrigins are browser origins besides the server's own that may
	// use the API with a session cookie (WOOW_ALLOWED_ORIGINS, comma
	// separated, e.g. a development server).
	AllowedOrigins []string
	// TrustProxy trusts X-Forwarded-For/-Proto from a reverse proxy
	// (WOOW_TRUST_PROXY).
	TrustProxy bool
	// Introspection lets GraphQL clients read the schema
	// (WOOW_INTROSPECTION, default on: the explorer needs it).
	Introspection bool
	// MetricsAddr, when set, serves /metrics there instead of on Addr.
	MetricsAddr string
	LogLevel    slog.Level // WOOW_LOG_LEVEL: debug, info, warn, error
	// Domain is the base domain of service addresses (WOOW_DOMAIN); smart
	// homes default to it too.
	Domain string
	// Settings are the environment's values of the platform settings
	// (WOOW_DOMAIN, WOOW_REGISTRATION, WOOW_NAMESPACE_QUOTA, and e-mail and
	// Cloudflare below): set, they win over what platform admins store,
	// and show as read-only.
	Settings settings.Env
	// Kubeconfig and KubeContext select a cluster (WOOW_KUBECONFIG,
	// WOOW_KUBE_CONTEXT); InCluster uses the pod's service account
	// (WOOW_KUBE_IN_CLUSTER). None of them: dry-run mode.
	Kubeconfig, KubeContext string
	InCluster               bool
	// Jobs tunes the background job runner: WOOW_JOB_TIMEOUT bounds one
	// Helm operation (default 6m), WOOW_JOB_RESCUE_AFTER is when a job
	// whose replica died runs again elsewhere (default the timeout + 1m).
	Jobs deploy.JobsConfig
	// PublicURL is the web app's address as users reach it, the base of
	// the links in e-mails and in invitations (WOOW_PUBLIC_URL; required
	// with e-mail, otherwise http://<the bound address>). Never taken
	// from a request's Host header, which a client chooses.
	PublicURL string
	// ChartDirs are the server directories that templates may name local
	// charts in (WOOW_CHART_DIRS, separated like PATH). Empty: no local
	// charts, only registries and repositories.
	ChartDirs []string
	// E-mail (invitation and password reset links) goes through the SMTP
	// server of the platform settings smtpUrl and mailFrom, or of
	// WOOW_SMTP_URL and WOOW_MAIL_FROM (in Settings), read at every
	// message. Unset: no e-mail.
	//
	// Cloudflare is where smart home tunnels are made: the API
	// (WOOW_CLOUDFLARE_API_URL) and WOOW_CLOUDFLARE_RATE_LIMIT in requests
	// a second. The credentials are platform settings (or
	// WOOW_CLOUDFLARE_API_TOKEN, WOOW_CLOUDFLARE_ACCOUNT_ID,
	// WOOW_CLOUDFLARE_ZONE_ID), read at every call; without them, adding
	// a smart home ends in error, saying what to set.
	Cloudflare tunnels.Config
	// SmartHomeDomain is the zone's domain the homes' host names are in
	// (WOOW_SMARTHOME_DOMAIN, default Domain).
	SmartHomeDomain string
	// SmartHomes tunes the smart home jobs; tests shorten them.
	SmartHomes smarthome.Config
	// Assistant tunes generation (saves, heartbeats); tests shorten them.
	Assistant assistant.Config
}

func loadConfig(getenv func(string) string) (config, error) {
	cfg := config{
		Addr:          or(getenv("WOOW_ADDR"), "127.0.0.1:8080"),
		DataDir:       or(getenv("WOOW_DATA_DIR"), "./data"),
		DatabaseURL:   getenv("DATABASE_URL"),
		SecretKey:     getenv("WOOW_SECRET_KEY"),
		Introspection: true,
		Domain:        or(getenv("WOOW_DOMAIN"), "woowtech.io"),
		Kubeconfig:    getenv("WOOW_KUBECONFIG"),
		KubeContext:   getenv("WOOW_KUBE_CONTEXT"),
		ChartDirs:     helmops.SplitChartDirs(getenv("WOOW_CHART_DIRS")),
		Cloudflare: tunnels.Config{
			APIURL: or(getenv("WOOW_CLOUDFLARE_API_URL"), tunnels.DefaultAPIURL),
		},
	}
	cfg.Settings = settings.Env{
		ServiceDomain:  getenv("WOOW_DOMAIN"),
		Registration:   getenv("WOOW_REGISTRATION"),
		NamespaceQuota: getenv("WOOW_NAMESPACE_QUOTA"),
		SMTPURL:        getenv("WOOW_SMTP_URL"),
		MailFrom:       getenv("WOOW_MAIL_FROM"),
		CFToken:        getenv("WOOW_CLOUDFLARE_API_TOKEN"),
		CFAccount:      getenv("WOOW_CLOUDFLARE_ACCOUNT_ID"),
		CFZone:         getenv("WOOW_CLOUDFLARE_ZONE_ID"),
	}
	cfg.SmartHomeDomain = or(getenv("WOOW_SMARTHOME_DOMAIN"), cfg.Domain)
	cfg.MetricsAddr = getenv("WOOW_METRICS_ADDR")
	if v := getenv("WOOW_CLOUDFLARE_RATE_LIMIT"); v != "" {
		r, err := strconv.ParseFloat(v, 64)
		if err != nil || r <= 0 {
			return cfg, fmt.Errorf("WOOW_CLOUDFLARE_RATE_LIMIT: want requests per second above 0, got %q", v)
		}
		cfg.Cloudflare.RateLimit = r
	}
	if v := getenv("WOOW_ASSISTANT_HEARTBEAT"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d < 10*time.Millisecond || d > time.Minute {
			return cfg, fmt.Errorf("WOOW_ASSISTANT_HEARTBEAT: want a duration from 10ms to 1m (e.g. 5s), got %q", v)
		}
		// An answer whose server stopped is found after four missed beats.
		cfg.Assistant.Heartbeat, cfg.Assistant.Stale = d, 4*d
	}
	for _, d := range []struct {
		name string
		to   *time.Duration
	}{{"WOOW_JOB_TIMEOUT", &cfg.Jobs.JobTimeout}, {"WOOW_JOB_RESCUE_AFTER", &cfg.Jobs.RescueAfter}} {
		if v := getenv(d.name); v != "" {
			x, err := time.ParseDuration(v)
			if err != nil || x < time.Second || x > 24*time.Hour {
				return cfg, fmt.Errorf("%s: want a duration from 1s to 24h (e.g. 6m), got %q", d.name, v)
			}
			*d.to = x
		}
	}
	if cfg.Jobs.RescueAfter > 0 && cfg.Jobs.RescueAfter <= cmp.Or(cfg.Jobs.JobTimeout, deploy.DefaultJobTimeout) {
		return cfg, fmt.Errorf("WOOW_JOB_RESCUE_AFTER (%s) must exceed the job timeout (%s): a job still running would run twice",
			cfg.Jobs.RescueAfter, cmp.Or(cfg.Jobs.JobTimeout, deploy.DefaultJobTimeout))
	}
	if u, err := url.Parse(cfg.Cloudflare.APIURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
		return cfg, fmt.Errorf("WOOW_CLOUDFLARE_API_URL: want http(s)://host[:port]/client/v4, got %q", cfg.Cloudflare.APIURL)
	}
	cfg.PublicURL = strings.TrimRight(getenv("WOOW_PUBLIC_URL"), "/")
	if cfg.PublicURL != "" {
		if u, err := url.Parse(cfg.PublicURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
			return cfg, fmt.Errorf("WOOW_PUBLIC_URL: want http(s)://host[:port], got %q", cfg.PublicURL)
		}
	} else if cfg.Settings.SMTPURL != "" {
		// E-mailed links must reach users, whatever address the server
		// listens on.
		return cfg, errors.New("WOOW_PUBLIC_URL: set the address users reach the web app at (the links in e-mails point there)")
	}
	for _, o := range strings.Split(getenv("WOOW_ALLOWED_ORIGINS"), ",") {
		if o = strings.TrimRight(strings.TrimSpace(o), "/"); o != "" {
			cfg.AllowedOrigins = append(cfg.AllowedOrigins, o)
		}
	}
	var err error
	if cfg.TrustProxy, err = boolEnv(getenv, "WOOW_TRUST_PROXY", false); err != nil {
		return cfg, err
	}
	if cfg.Introspection, err = boolEnv(getenv, "WOOW_INTROSPECTION", true); err != nil {
		return cfg, err
	}
	if cfg.InCluster, err = boolEnv(getenv, "WOOW_KUBE_IN_CLUSTER", false); err != nil {
		return cfg, err
	}
	if lvl := getenv("WOOW_LOG_LEVEL"); lvl != "" {
		if err := cfg.LogLevel.UnmarshalText([]byte(lvl)); err != nil {
			return cfg, fmt.Errorf("WOOW_LOG_LEVEL: %w", err)
		}
	}
	return cfg, nil
}

func or(v, def string) string {
	if v == "" {
		return def
	}
	return v
}

func boolEnv(getenv func(string) string, name string, def bool) (bool, error) {
	v := getenv(name)
	if v == "" {
		return def, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, fmt.Errorf("%s: want true or false, got %q", name, v)
	}
	return b, nil
}

// run is the whole program, parameterised for tests: they run it on port
// 0 and learn the address from ready.
func run(ctx context.Context, args []string, getenv func(string) string, logOut io.Writer, ready func(addr string)) error {
	cmd := "serve"
	if len(args) > 0 {
		cmd = args[0]
	}
	if cmd == "version" {
		fmt.Println(versionString())
		return nil
	}
	cfg, err := loadConfig(getenv)
	if err != nil {
		return err
	}
	log := slog.New(slog.NewJSONHandler(logOut, &slog.HandlerOptions{Level: cfg.LogLevel}))
	switch cmd {
	case "serve":
		return serve(ctx, cfg, log, ready)
	case "migrate":
		db, err := store.Open(ctx, cfg.DatabaseURL, cfg.DataDir)
		if err != nil {
			return err
		}
		defer db.Close()
		applied, err := db.Migrate(ctx, log)
		if err != nil {
			return err
		}
		log.Info("migrations applied", "count", len(applied), "dialect", db.Dialect)
		return nil
	case "help", "-h", "--help":
		fmt.Fprintln(logOut, "usage: woow [serve|migrate|version]")
		return nil
	}
	return fmt.Errorf("unknown command %q (want serve, migrate or version)", cmd)
}

// serve runs the server until ctx ends, then drains requests for up to 15
// seconds. It only assembles: each step is a function below, in the order
// it happens, and the defers undo them in reverse.
func serve(ctx context.Context, cfg config, log *slog.Logger, ready func(string)) error {
	ln, err := listen(&cfg)
	if err != nil {
		return err
	}
	defer ln.Close()
	box, err := openSecretBox(cfg)
	if err != nil {
		return err
	}
	db, err := openStore(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer db.Close()
	cat, err := seedCatalog(ctx, cfg, db, log)
	if err != nil {
		return err
	}
	bus, err := newBus(ctx, cfg, db, log)
	if err != nil {
		return err
	}
	defer bus.Close()

	// Background work that lives as long as the server (not cancelled by
	// ctx, so that it outlives the drain).
	bgCtx, stopBackground := context.WithCancel(context.WithoutCancel(ctx))
	defer stopBackground()
	svc, err := startServices(ctx, bgCtx, cfg, db, bus, box, cat, log)
	if err != nil {
		return err
	}
	defer svc.close()
	svc.metrics.WatchBus(bus)
	svc.metrics.WatchStore(db.SQL, db.Client)
	svc.deployer.WatchJobs(bgCtx, func(o deploy.JobOutcome) { svc.metrics.Job(o.Kind, o.Outcome, o.Run) })
	if cfg.MetricsAddr != "" {
		stop, err := serveMetrics(cfg.MetricsAddr, svc.metrics, log)
		if err != nil {
			return err
		}
		defer stop()
	}

	// Long-lived requests (subscriptions) watch baseCtx, cancelled when
	// shutdown starts, so they end instead of holding the drain open;
	// WebSockets, which net/http stops tracking once upgraded, are closed
	// by gqlserver when it ends.
	baseCtx, cancelBase := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelBase()
	srv := newHTTPServer(baseCtx, newHandler(baseCtx, cfg, db, svc, log), log)
	go purgeSessions(baseCtx, db.Client, svc.accounts, svc.oauth, log)
	return runHTTP(ctx, ln, srv, cancelBase, svc.deployer, db, log, ready)
}

// serveMetrics serves /metrics alone on addr (WOOW_METRICS_ADDR), until
// stop.
func serveMetrics(addr string, m *metrics.Metrics, log *slog.Logger) (stop func(), err error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("WOOW_METRICS_ADDR: %w", err)
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", m.Handler())
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	log.Info("metrics listening", "addr", ln.Addr().String())
	return func() { _ = srv.Close() }, nil
}

// listen binds the server's address first, because the default public
// address is the one bound (port 0 picks one): it sets cfg.PublicURL when
// unset. Connections wait in the backlog until the server is ready.
func listen(cfg *config) (net.Listener, error) {
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return nil, err
	}
	if cfg.PublicURL == "" {
		cfg.PublicURL = "http://" + ln.Addr().String()
	}
	return ln, nil
}

// openSecretBox loads the key that encrypts secrets at rest (tunnel
// tokens, API keys). Loading it at start-up creates the key file on a
// first run and refuses a key file anyone else could read.
func openSecretBox(cfg config) (*secretbox.Box, error) {
	key, err := secretbox.LoadKey(cfg.SecretKey, cfg.DataDir)
	if err != nil {
		return nil, fmt.Errorf("loading the secret key: %w", err)
	}
	return secretbox.New(key)
}

// openStore opens the database and applies the pending migrations: the
// server never runs on a schema older than its code.
func openStore(ctx context.Context, cfg config, log *slog.Logger) (*store.DB, error) {
	db, err := store.Open(ctx, cfg.DatabaseURL, cfg.DataDir)
	if err != nil {
		return nil, err
	}
	if _, err := db.Migrate(ctx, log); err != nil {
		db.Close()
		return nil, fmt.Errorf("migrating: %w", err)
	}
	return db, nil
}

// newBus returns the event bus: in-process on SQLite (one server), across
// replicas through LISTEN/NOTIFY on PostgreSQL.
func newBus(ctx context.Context, cfg config, db *store.DB, log *slog.Logger) (events.Bus, error) {
	if db.Dialect == "postgres" {
		return events.NewPostgres(ctx, cfg.DatabaseURL, db.SQL, 0, log)
	}
	return events.NewHub(0), nil
}

// services are the domain services of one server, on one database and
// bus: what the resolvers and the HTTP edge call.
type services struct {
	catalog    *catalog.Service
	accounts   *accounts.Service
	workspaces *workspaces.Service
	deployer   *deploy.Deployer
	feed       *activity.Feed
	oauth      *oauth.Service
	homes      *smarthome.Homes
	assistant  *assistant.Service
	board      *board.Service
	metrics    *metrics.Metrics
	settings   *settings.Service

	// closers release what the services hold, in the order they were
	// made; close runs them in reverse.
	closers []func()
}

// close releases the services' streams, newest first.
func (s *services) close() {
	for i := len(s.closers) - 1; i >= 0; i-- {
		s.closers[i]()
	}
}

// startServices makes the other domain services around the catalogue and
// starts their background work (under bgCtx): e-mail, accounts and the
// session watcher, deployments and their job runner, the activity feed.
// On error, what it started is released.
func startServices(ctx, bgCtx context.Context, cfg config, db *store.DB, bus events.Bus, box *secretbox.Box, cat *catalog.Service, log *slog.Logger) (_ *services, err error) {
	s := &services{catalog: cat, metrics: metrics.New()}
	defer func() {
		if err != nil {
			s.close()
		}
	}()
	// Mail needs the web app's address for its links: without
	// WOOW_PUBLIC_URL the settings refuse an SMTP server.
	env := cfg.Settings
	env.NoPublicURL = cfg.PublicURL == ""
	if s.settings, err = settings.New(db.Client, box, env); err != nil {
		return nil, err
	}
	outbox := startMail(bgCtx, s.settings, log)
	if s.accounts, s.oauth, err = startAccounts(ctx, bgCtx, cfg, db, bus, box, outbox, s.settings, log); err != nil {
		return nil, err
	}
	db.Use(func(c *ent.Client) {
		c.ActivityEvent.Use(activity.PublishHook(bus, log))
		live.Install(c, bus, log) // streams hear of access changes
	})
	if s.deployer, err = newDeployer(cfg, db, bus, box, s.settings, log); err != nil {
		return nil, err
	}
	s.closers = append(s.closers, s.deployer.CloseStreams)
	tcfg := cfg.Cloudflare
	tcfg.Current = func(ctx context.Context) (tunnels.Credentials, error) {
		c, err := s.settings.CloudflareCredentials(ctx)
		return tunnels.Credentials{APIToken: c.APIToken, AccountID: c.AccountID, ZoneID: c.ZoneID}, err
	}
	cf, err := tunnels.New(tcfg)
	if err != nil {
		return nil, err
	}
	if !cf.Configured(ctx) {
		log.Info("smart homes: Cloudflare is not configured; adding a home will fail until the platform settings (or WOOW_CLOUDFLARE_API_TOKEN, WOOW_CLOUDFLARE_ACCOUNT_ID and WOOW_CLOUDFLARE_ZONE_ID) set its credentials")
	}
	homesCfg := cfg.SmartHomes
	homesCfg.Domain = cfg.SmartHomeDomain
	s.homes = smarthome.New(db, cf, box, bus, s.deployer, homesCfg, log)
	s.closers = append(s.closers, s.homes.Close)
	cfg.Jobs.Register = append(cfg.Jobs.Register, s.homes.RegisterJobs)
	if err = startJobs(ctx, bgCtx, cfg, db, s.deployer, log); err != nil {
		return nil, err
	}
	s.assistant = assistant.New(db.Client, box, llm.New(nil), bus, cfg.Assistant, log)
	s.closers = append(s.closers, s.assistant.CloseStreams)
	s.assistant.Start(bgCtx)
	// Runs before CloseStreams: the answers being written end, saved, as
	// interrupted.
	s.closers = append(s.closers, s.assistant.Close)
	s.board = board.New(db, bus, s.assistant, log)
	s.closers = append(s.closers, s.board.Close)
	s.workspaces = workspaces.New(db.Client, workspaces.Config{PublicURL: cfg.PublicURL, Mail: outbox, Log: log})
	s.feed = activity.NewFeed(db.Client, bus, log)
	s.closers = append(s.closers, s.feed.Close)
	return s, nil
}

// seedCatalog loads the embedded marketplace templates. Replicas starting
// together seed once.
func seedCatalog(ctx context.Context, cfg config, db *store.DB, log *slog.Logger) (*catalog.Service, error) {
	cat := catalog.New(db.Client, catalog.Config{ChartDirs: cfg.ChartDirs})
	err := db.WithLock(ctx, store.LockSeed, func() error {
		_, err := cat.LoadSeed(ctx, log)
		return err
	})
	return cat, err
}

// startMail starts the e-mail outbox. It sends through the SMTP server
// the platform settings name when it sends, so a platform admin switches
// e-mail on, changes or off without a restart; while none is set, the
// outbox is not Enabled (no invitation or reset e-mails).
func startMail(bgCtx context.Context, platform *settings.Service, log *slog.Logger) *mail.Outbox {
	outbox := mail.NewOutbox(mail.NewLive(platform.Mail), log)
	go outbox.Run(bgCtx)
	return outbox
}

// startAccounts makes the accounts service, the OAuth authorization
// server (seeding its Home Assistant client) and the watcher through which
// ended sessions and revoked tokens end what they opened, on every
// replica. The watcher asks each service which of its credentials are
// still valid, and each tells it which ended: both are set before the
// watcher first asks.
func startAccounts(ctx, bgCtx context.Context, cfg config, db *store.DB, bus events.Bus, box *secretbox.Box, outbox *mail.Outbox, platform *settings.Service, log *slog.Logger) (*accounts.Service, *oauth.Service, error) {
	var (
		acc    *accounts.Service
		tokens *oauth.Service
	)
	revoked := revocation.New(bus, map[revocation.Kind]revocation.Checker{
		revocation.Session:    func(ctx context.Context, ids []int) ([]int, error) { return acc.ValidSessions(ctx, ids) },
		revocation.OAuthToken: func(ctx context.Context, ids []int) ([]int, error) { return tokens.ValidTokens(ctx, ids) },
	}, log)
	tokens = oauth.New(db.Client, oauth.Config{PublicURL: cfg.PublicURL, Revoked: revoked, Log: log})
	acc = accounts.New(db.Client, accounts.Config{
		// One hasher for the server: it bounds the memory hashing takes.
		Hasher: auth.NewHasher(auth.DefaultParams(), 0), Revoked: revoked, DeviceKey: box.Key("device-cookie"),
		PublicURL: cfg.PublicURL, Mail: outbox, Log: log,
		Lockout:        tokens.RevokeUser,
		InvitationOnly: platform.InvitationOnly,
		Dialect:        db.Dialect,
	})
	if err := db.WithLock(ctx, store.LockSeed, func() error { return tokens.Seed(ctx) }); err != nil {
		return nil, nil, fmt.Errorf("seeding OAuth clients: %w", err)
	}
	go revoked.Run(bgCtx)
	go acc.Run(bgCtx)
	return acc, tokens, nil
}

// newDeployer makes the deploy service. Helm runs in-process: against a
// cluster when one is configured, otherwise in dry-run mode (charts
// rendered, releases recorded here).
func newDeployer(cfg config, db *store.DB, bus events.Bus, box *secretbox.Box, platform *settings.Service, log *slog.Logger) (*deploy.Deployer, error) {
	engine, err := helmops.New(helmops.Config{
		CacheDir:   filepath.Join(cfg.DataDir, "charts"),
		ChartDirs:  cfg.ChartDirs,
		Kubeconfig: cfg.Kubeconfig,
		Context:    cfg.KubeContext,
		InCluster:  cfg.InCluster,
		Releases:   helmops.NewReleaseStore(db.Client, box),
		Uploads:    helmops.NewUploads(db.Client),
	}, log)
	if err != nil {
		return nil, err
	}
	log.Info("helm", "mode", engine.Mode())
	return deploy.New(db, engine, box, bus, deploy.Config{Platform: platform}, log), nil
}

// startJobs starts the deploy service's job runner (stopped by runHTTP
// after the drain) and, once per installation, in the background, blanks
// the passwords that earlier versions stored in deploy logs and errors.
func startJobs(ctx, bgCtx context.Context, cfg config, db *store.DB, deployer *deploy.Deployer, log *slog.Logger) error {
	if err := deployer.StartJobs(ctx, cfg.Jobs); err != nil {
		return fmt.Errorf("starting the job runner: %w", err)
	}
	go func() {
		if err := db.WithLock(bgCtx, store.LockSeed, func() error { return deployer.ScrubHistory(bgCtx) }); err != nil && bgCtx.Err() == nil {
			log.Error("blanking passwords in the stored history", "err", err)
		}
	}()
	return nil
}

// allowedOrigins is the one rule, for both the CSRF check and WebSocket
// upgrades, of which browser origins may use the API with a session
// cookie: the server's own and cfg.AllowedOrigins.
func allowedOrigins(cfg config) func(r *http.Request, origin string) bool {
	return func(r *http.Request, origin string) bool {
		if auth.SameOrigin(r, origin) {
			return true
		}
		for _, o := range cfg.AllowedOrigins {
			if strings.EqualFold(o, origin) {
				return true
			}
		}
		return false
	}
}

// newHandler routes the server's paths: the GraphQL API at /query (behind
// the CSRF check and the session middleware), the health and readiness
// probes, and the web app for everything else. Subscriptions end when
// baseCtx does.
func newHandler(baseCtx context.Context, cfg config, db *store.DB, svc *services, log *slog.Logger) http.Handler {
	allowed := allowedOrigins(cfg)
	schema := resolvers.NewSchema(&resolvers.Resolver{
		Client:     db.Client,
		Accounts:   svc.accounts,
		Workspaces: svc.workspaces,
		Catalog:    svc.catalog,
		Feed:       svc.feed,
		Deploy:     svc.deployer,
		OAuth:      svc.oauth,
		Homes:      svc.homes,
		Assistant:  svc.assistant,
		Board:      svc.board,
		Settings:   svc.settings,
	})
	authn := httpauth.New(svc.accounts, auth.Cookies{TrustProxy: cfg.TrustProxy}, log).WithTokens(svc.oauth)
	api := gqlserver.New(schema, gqlserver.Options{
		Introspection: cfg.Introspection,
		AllowedOrigin: allowed,
		// Browsers authenticate the upgrade with the session cookie (the
		// middleware has put the viewer in the context); other clients send
		// {"authorization": "Bearer <token>"} in connection_init.
		WSInit:      authn.WebsocketInit,
		Classify:    resolvers.ClassifyError,
		Extensions:  append(resolvers.Extensions(), svc.metrics.Operations()),
		Connections: svc.metrics.Connection,
		Leaves:      resolvers.Leaves(),
		MaxPageSize: resolvers.MaxPageSize,
		// A connection costs 1 + page size x its node: two nested lists of
		// small nodes at the default page of 100 fit, a third level needs
		// explicit `first` arguments.
		MaxComplexity: 25000,
		Logger:        log,
		Shutdown:      baseCtx,
	})
	mux := http.NewServeMux()
	mux.Handle("/query", auth.CSRF(allowed)(authn.Middleware(api)))
	// Chart uploads are a REST endpoint rather than a GraphQL multipart
	// upload: gqlserver's transports take JSON only, and a raw body is
	// bounded and checked more simply than a multipart one.
	mux.Handle("POST /api/charts", auth.CSRFBody(allowed, "application/gzip")(authn.Middleware(chartUpload(svc.catalog))))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"status":"ok"}`)
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		pctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := db.Ping(pctx); err != nil {
			log.WarnContext(r.Context(), "readiness: database unreachable", "err", err)
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = io.WriteString(w, `{"status":"database unreachable"}`)
			return
		}
		_, _ = io.WriteString(w, `{"status":"ready"}`)
	})
	shim := http.NewServeMux()
	hashim.New(svc.homes, svc.workspaces, log).Register(shim)
	for _, prefix := range []string{"/api/smarthome/", "/api/ha/"} {
		mux.Handle(prefix, authn.BearerMiddleware(shim))
	}
	app := frontend.Handler()
	oauthhttp.New(svc.oauth, app, log).Register(mux)
	mux.Handle("/", app)
	if cfg.MetricsAddr == "" {
		mux.Handle("GET /metrics", svc.metrics.Handler())
	}
	return logRequests(log, svc.metrics, mux)
}

// newHTTPServer wraps h with the server's timeouts and limits; requests'
// contexts derive from baseCtx.
func newHTTPServer(baseCtx context.Context, h http.Handler, log *slog.Logger) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		BaseContext:       func(net.Listener) context.Context { return baseCtx },
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
}

// runHTTP serves on ln until ctx ends (or serving fails), then shuts down
// in order: long-lived requests are told to end (cancelBase), requests
// drain for up to 15 seconds, and the job runner stops within what is
// left of them.
func runHTTP(ctx context.Context, ln net.Listener, srv *http.Server, cancelBase context.CancelFunc, deployer *deploy.Deployer, db *store.DB, log *slog.Logger, ready func(string)) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	log.Info("listening", "addr", ln.Addr().String(), "database", db.Dialect)
	if ready != nil {
		ready(ln.Addr().String())
	}

	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	cancelBase()
	sctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	// Running jobs finish (or are cancelled at the deadline and rescued by
	// the next start).
	if err := deployer.StopJobs(sctx); err != nil {
		log.Warn("stopping the job runner", "err", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	log.Info("stopped")
	return nil
}

// purgeSessions deletes expired sessions, and OAuth codes and tokens past
// use, every hour.
func purgeSessions(ctx context.Context, c *ent.Client, acc *accounts.Service, tokens *oauth.Service, log *slog.Logger) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if n, err := acc.PurgeExpired(ctx); err != nil {
				log.Warn("purging sessions", "err", err)
			} else if n > 0 {
				log.Info("purged expired sessions", "count", n)
			}
			if n, err := tokens.PurgeExpired(ctx); err != nil {
				log.Warn("purging OAuth codes and tokens", "err", err)
			} else if n > 0 {
				log.Info("purged OAuth codes and tokens", "count", n)
			}
			if _, err := idempotency.Purge(ctx, c); err != nil {
				log.Warn("purging idempotency keys", "err", err)
			}
		}
	}
}

// logRequests logs each request's method, path, status, duration and
// number of SQL statements: never its query string, headers or body, which
// may carry secrets.
func logRequests(log *slog.Logger, m *metrics.Metrics, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		ctx, sql := store.CountStatements(r.Context())
		routed := r.WithContext(ctx)
		next.ServeHTTP(sw, routed)
		// The mux wrote the pattern it matched into routed.
		m.HTTP(routed.Pattern, r.Method, sw.status, time.Since(start))
		log.LogAttrs(ctx, slog.LevelDebug, "request",
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.Int("status", sw.status),
			slog.Duration("duration", time.Since(start)),
			slog.Int64("statements", sql.N()))
	})
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

// Unwrap lets http.ResponseController reach Flush and Hijack (SSE and
// WebSocket need them).
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// Flush implements http.Flusher for SSE.
func (w *statusWriter) Flush() { _ = http.NewResponseController(w.ResponseWriter).Flush() }

// Hijack implements http.Hijacker for the WebSocket upgrade.
func (w *statusWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	w.status = http.StatusSwitchingProtocols
	return http.NewResponseController(w.ResponseWriter).Hijack()
}

// version is set at link time (-ldflags "-X main.version=v1.2.3"; the
// Makefile's image target and the Dockerfile do); revision too when the
// build has no VCS information (the Dockerfile), else it comes from the
// binary's build information.
var version, revision = "dev", ""

// versionString is `woow version`'s line: "woow v1.2.3 (revision abc…)".
func versionString() string {
	rev, modified := revision, false
	if bi, ok := debug.ReadBuildInfo(); ok && rev == "" {
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
	}
	if rev == "" {
		rev = "unknown"
	}
	if modified {
		rev += ", modified"
	}
	return fmt.Sprintf("woow %s (revision %s)", version, rev)
}
