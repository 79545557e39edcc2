// Package metrics reports how the server is doing in the Prometheus
// format (GET /metrics, prometheus/client_golang): HTTP requests by route,
// GraphQL operations by name, open WebSocket and SSE connections and
// active subscriptions, event bus messages, background jobs and their
// queue, the database pool, and services and smart homes by state.
//
// Labels stay bounded: routes are the mux's patterns, methods the
// standard ones, operation names the first MaxOperationNames well-formed
// ones seen (then "other"); never an id or a query.
package metrics

import (
	"context"
	"database/sql"
	"net/http"
	"regexp"
	"strconv"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/service"
	"github.com/woowtech/woow-paas/ent/smarthome"
	"github.com/woowtech/woow-paas/events"
	"github.com/woowtech/woow-paas/viewer"
)

// MaxOperationNames bounds the operation label's values.
const MaxOperationNames = 200

// Metrics is one server's registry and instruments.
type Metrics struct {
	reg      *prometheus.Registry
	httpReqs *prometheus.CounterVec
	httpDur  *prometheus.HistogramVec
	gqlOps   *prometheus.CounterVec
	gqlDur   *prometheus.HistogramVec
	conns    *prometheus.GaugeVec
	subs     prometheus.Gauge
	jobs     *prometheus.CounterVec
	jobDur   *prometheus.HistogramVec

	mu    sync.Mutex
	names map[string]bool
}

// New returns the instruments, registered with Go's runtime and process
// collectors.
func New() *Metrics {
	m := &Metrics{reg: prometheus.NewRegistry(), names: map[string]bool{}}
	m.httpReqs = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "woow_http_requests_total",
		Help: "HTTP requests by route (the mux pattern), method and status code."}, []string{"route", "method", "code"})
	m.httpDur = prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "woow_http_request_duration_seconds",
		Help: "Time to answer HTTP requests (until the handler returns; streams count whole).", Buckets: prometheus.DefBuckets},
		[]string{"route", "method"})
	m.gqlOps = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "woow_graphql_operations_total",
		Help: "GraphQL operations by name, type and outcome (ok or error); a subscription counts once, at its first result."},
		[]string{"operation", "type", "outcome"})
	m.gqlDur = prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "woow_graphql_operation_duration_seconds",
		Help: "Time to the result of GraphQL queries and mutations (subscriptions: to the first result).", Buckets: prometheus.DefBuckets},
		[]string{"operation", "type"})
	m.conns = prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "woow_open_connections",
		Help: "Open streaming connections by transport (websocket, sse)."}, []string{"transport"})
	m.subs = prometheus.NewGauge(prometheus.GaugeOpts{Name: "woow_active_subscriptions", Help: "GraphQL subscriptions running."})
	m.jobs = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "woow_jobs_total",
		Help: "Background job runs on this server by kind and outcome (completed, failed, cancelled, snoozed, interrupted)."},
		[]string{"kind", "outcome"})
	m.jobDur = prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "woow_job_duration_seconds",
		Help: "Time background jobs ran, by kind.", Buckets: []float64{.01, .05, .1, .5, 1, 5, 10, 30, 60, 300, 900}}, []string{"kind"})
	m.conns.WithLabelValues("websocket")
	m.conns.WithLabelValues("sse")
	m.reg.MustRegister(m.httpReqs, m.httpDur, m.gqlOps, m.gqlDur, m.conns, m.subs, m.jobs, m.jobDur,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Handler serves the metrics.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg, MaxRequestsInFlight: 4, Timeout: 10 * time.Second})
}

var methods = map[string]bool{"GET": true, "HEAD": true, "POST": true, "PUT": true, "PATCH": true, "DELETE": true, "OPTIONS": true}

// HTTP counts one request. route is the mux pattern that matched ("" for
// none).
func (m *Metrics) HTTP(route, method string, code int, d time.Duration) {
	if route == "" {
		route = "unmatched"
	}
	if !methods[method] {
		method = "other"
	}
	m.httpReqs.WithLabelValues(route, method, strconv.Itoa(code)).Inc()
	m.httpDur.WithLabelValues(route, method).Observe(d.Seconds())
}

// Connection counts a streaming connection opening (+1) or closing (-1).
func (m *Metrics) Connection(transport string, delta int) {
	m.conns.WithLabelValues(transport).Add(float64(delta))
}

// Job counts one background job run.
func (m *Metrics) Job(kind, outcome string, run time.Duration) {
	m.jobs.WithLabelValues(kind, outcome).Inc()
	m.jobDur.WithLabelValues(kind).Observe(run.Seconds())
}

var operationName = regexp.MustCompile(`^[_A-Za-z][_0-9A-Za-z]{0,63}$`)

// operation is the label of an operation name: bounded.
func (m *Metrics) operation(name string) string {
	if name == "" {
		return "anonymous"
	}
	if !operationName.MatchString(name) {
		return "other"
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.names[name] {
		return name
	}
	if len(m.names) >= MaxOperationNames {
		return "other"
	}
	m.names[name] = true
	return name
}

// Operations is the gqlgen extension that counts operations.
func (m *Metrics) Operations() graphql.HandlerExtension { return operations{m} }

type operations struct{ m *Metrics }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationInterceptor
} = operations{}

func (operations) ExtensionName() string                   { return "Metrics" }
func (operations) Validate(graphql.ExecutableSchema) error { return nil }

func (o operations) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	oc := graphql.GetOperationContext(ctx)
	typ, name := "query", oc.OperationName
	if oc.Operation != nil {
		typ = string(oc.Operation.Operation)
		if name == "" {
			name = oc.Operation.Name
		}
	}
	name = o.m.operation(name)
	start := time.Now()
	record := func(r *graphql.Response) {
		outcome := "ok"
		if len(r.Errors) > 0 {
			outcome = "error"
		}
		o.m.gqlOps.WithLabelValues(name, typ, outcome).Inc()
		o.m.gqlDur.WithLabelValues(name, typ).Observe(time.Since(start).Seconds())
	}
	h := next(ctx)
	if typ != "subscription" {
		return func(ctx context.Context) *graphql.Response {
			r := h(ctx)
			if r != nil {
				record(r)
			}
			return r
		}
	}
	o.m.subs.Inc()
	var once sync.Once
	done := func() { once.Do(o.m.subs.Dec) }
	context.AfterFunc(ctx, done)
	first := true
	return func(ctx context.Context) *graphql.Response {
		r := h(ctx)
		switch {
		case r == nil:
			done()
		case first:
			first = false
			record(r)
		}
		return r
	}
}

// WatchBus counts the bus's messages when it keeps counts.
func (m *Metrics) WatchBus(bus events.Bus) {
	b, ok := bus.(interface{ Stats() events.Stats })
	if !ok {
		return
	}
	counter := func(name, help string, get func(events.Stats) uint64) prometheus.Collector {
		return prometheus.NewCounterFunc(prometheus.CounterOpts{Name: name, Help: help}, func() float64 { return float64(get(b.Stats())) })
	}
	m.reg.MustRegister(
		counter("woow_bus_messages_published_total", "Event bus messages published by this server.", func(s events.Stats) uint64 { return s.Published }),
		counter("woow_bus_messages_delivered_total", "Event bus messages handed to this server's subscribers.", func(s events.Stats) uint64 { return s.Delivered }),
		counter("woow_bus_subscribers_dropped_total", "Event bus subscribers dropped for falling behind.", func(s events.Stats) uint64 { return s.Dropped }),
	)
}

// WatchStore reports the database pool, and, read at each scrape, the
// job queue and the services and smart homes by state.
func (m *Metrics) WatchStore(db *sql.DB, client *ent.Client) {
	m.reg.MustRegister(collectors.NewDBStatsCollector(db, "woow"), &states{db: db, client: client})
}

// states reads counts from the database at each scrape.
type states struct {
	db     *sql.DB
	client *ent.Client
}

var (
	servicesDesc = prometheus.NewDesc("woow_services", "Cloud services by state (all workspaces).", []string{"state"}, nil)
	homesDesc    = prometheus.NewDesc("woow_smart_homes", "Smart homes by state (all workspaces).", []string{"state"}, nil)
	queueDesc    = prometheus.NewDesc("woow_job_queue_depth", "Background jobs waiting or running, by state.", []string{"state"}, nil)
	scrapeDesc   = prometheus.NewDesc("woow_state_scrape_errors", "1 when the last read of the counts by state failed.", nil, nil)
)

func (s *states) Describe(ch chan<- *prometheus.Desc) {
	ch <- servicesDesc
	ch <- homesDesc
	ch <- queueDesc
	ch <- scrapeDesc
}

func (s *states) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(viewer.System(context.Background()), 3*time.Second)
	defer cancel()
	var rows []struct {
		State string `json:"state"`
		Count int    `json:"count"`
	}
	failed := 0.0
	if err := s.client.Service.Query().GroupBy(service.FieldState).Aggregate(ent.Count()).Scan(ctx, &rows); err == nil {
		for _, r := range rows {
			ch <- prometheus.MustNewConstMetric(servicesDesc, prometheus.GaugeValue, float64(r.Count), r.State)
		}
	} else {
		failed = 1
	}
	rows = rows[:0]
	if err := s.client.SmartHome.Query().GroupBy(smarthome.FieldState).Aggregate(ent.Count()).Scan(ctx, &rows); err == nil {
		for _, r := range rows {
			ch <- prometheus.MustNewConstMetric(homesDesc, prometheus.GaugeValue, float64(r.Count), r.State)
		}
	} else {
		failed = 1
	}
	q, err := s.db.QueryContext(ctx, `SELECT state, count(*) FROM river_job WHERE state IN ('available', 'scheduled', 'retryable', 'running') GROUP BY state`)
	if err == nil {
		defer q.Close()
		for q.Next() {
			var state string
			var n int64
			if q.Scan(&state, &n) == nil {
				ch <- prometheus.MustNewConstMetric(queueDesc, prometheus.GaugeValue, float64(n), state)
			}
		}
	} else {
		failed = 1
	}
	ch <- prometheus.MustNewConstMetric(scrapeDesc, prometheus.GaugeValue, failed)
}
