package main

// GET /metrics against the real server: the Prometheus text format with
// the instruments of issue 18, bounded labels, and the numbers moving
// with what the server does.

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

// scrape reads /metrics and returns its families.
func scrape(t *testing.T, c *client) map[string]*dto {
	t.Helper()
	status, body := c.get(t, "/metrics")
	if status != http.StatusOK {
		t.Fatalf("GET /metrics: %d %s", status, body)
	}
	p := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := p.TextToMetricFamilies(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("parsing /metrics: %v\n%s", err, body)
	}
	out := map[string]*dto{}
	for name, f := range fams {
		d := &dto{}
		for _, m := range f.Metric {
			labels := map[string]string{}
			for _, l := range m.Label {
				labels[l.GetName()] = l.GetValue()
			}
			v := 0.0
			switch {
			case m.Counter != nil:
				v = m.Counter.GetValue()
			case m.Gauge != nil:
				v = m.Gauge.GetValue()
			case m.Histogram != nil:
				v = float64(m.Histogram.GetSampleCount())
			}
			d.samples = append(d.samples, sample{labels, v})
		}
		out[name] = d
	}
	// No label carries a query's text or an unbounded name.
	if strings.Contains(string(body), "viewer") || strings.Contains(string(body), "Sneaky") {
		t.Errorf("a label carries a query or an over-long name:\n%s", body)
	}
	return out
}

type sample struct {
	labels map[string]string
	value  float64
}

type dto struct{ samples []sample }

// get sums the samples whose labels include want.
func (d *dto) get(want map[string]string) float64 {
	if d == nil {
		return -1
	}
	sum := 0.0
	found := false
outer:
	for _, s := range d.samples {
		for k, v := range want {
			if s.labels[k] != v {
				continue outer
			}
		}
		sum += s.value
		found = true
	}
	if !found {
		return -1
	}
	return sum
}

func TestMetrics(t *testing.T) {
	c := newChat(t, newTestEnv(t))
	anon := newClient(t, c.srv.URL, "prometheus")
	before := scrape(t, anon)
	for _, name := range []string{"woow_http_requests_total", "woow_graphql_operations_total", "woow_open_connections",
		"woow_active_subscriptions", "woow_bus_messages_published_total", "woow_bus_messages_delivered_total",
		"woow_bus_subscribers_dropped_total", "go_sql_max_open_connections", "woow_state_scrape_errors", "go_goroutines"} {
		if before[name] == nil {
			t.Errorf("no %s", name)
		}
	}
	if n := before["woow_state_scrape_errors"].get(nil); n != 0 {
		t.Errorf("reading the counts by state failed: %v", n)
	}
	// A named query, one with an over-long name, and a WebSocket with a
	// subscription.
	c.bob.mustDo(t, `query ViewerName { viewer { name } }`, nil)
	c.bob.mustDo(t, `query Sneaky_`+strings.Repeat("x", 70)+` { viewer { name } }`, nil)
	w := watch(t, c, c.bob, "bob", c.quiet, nil)
	w.live(t, c.bob, c.quiet)
	after := scrape(t, anon)
	if n := after["woow_graphql_operations_total"].get(map[string]string{"operation": "ViewerName", "type": "query", "outcome": "ok"}); n != 1 {
		t.Errorf("ViewerName counted %v times", n)
	}
	if n := after["woow_graphql_operations_total"].get(map[string]string{"operation": "other"}); n < 1 {
		t.Errorf("an over-long name is not counted as other: %v", n)
	}
	if n := after["woow_open_connections"].get(map[string]string{"transport": "websocket"}); n != 1 {
		t.Errorf("open websockets: %v", n)
	}
	if n := after["woow_active_subscriptions"].get(nil); n != 1 {
		t.Errorf("active subscriptions: %v", n)
	}
	if n := after["woow_http_requests_total"].get(map[string]string{"route": "/query", "method": "POST", "code": "200"}); n < 5 {
		t.Errorf("POST /query counted %v times", n)
	}
	if n := after["woow_http_requests_total"].get(map[string]string{"route": "GET /metrics", "code": "200"}); n != 1 {
		t.Errorf("GET /metrics counted %v times", n)
	}
	// A background job: provisioning a smart home, which fails at once
	// with Cloudflare not configured (a permanent error). The home's
	// changes go on the bus (the chat's messages above do not: a server
	// hands its own answers' events to its subscribers directly).
	busBefore := scrape(t, anon)
	c.owner.mustDo(t, createHomeMut, map[string]any{"ws": c.ws, "name": "Cabin", "port": 8123})
	deadline := time.Now().Add(10 * time.Second)
	for {
		m := scrape(t, anon)
		if m["woow_jobs_total"].get(nil) >= 1 && m["woow_smart_homes"].get(nil) == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no job run counted, or no smart home: jobs %v homes %v", m["woow_jobs_total"].get(nil), m["woow_smart_homes"].get(nil))
		}
		time.Sleep(50 * time.Millisecond)
	}
	// The bus: the home's changes were published; an activity subscriber
	// (no catch-up, so what it gets came over the bus) receives a change.
	feed := mustDialWS(t, c.srv.URL, "feed", wsDial{token: c.owner.sessionCookie(t)}, nil)
	feed.subscribeActivity(t, "a", c.ws)
	delivered := false
	for i := 0; i < 20 && !delivered; i++ {
		c.owner.mustDo(t, createHomeMut, map[string]any{"ws": c.ws, "name": "Shed " + strconv.Itoa(i), "port": 8123})
		for !delivered {
			m, ok, timedOut := feed.tryRecv(2 * time.Second)
			if timedOut || !ok {
				break
			}
			delivered = m.Type == "next" && m.ID == "a"
		}
	}
	m := scrape(t, anon)
	pub := m["woow_bus_messages_published_total"].get(nil) - busBefore["woow_bus_messages_published_total"].get(nil)
	got := m["woow_bus_messages_delivered_total"].get(nil) - busBefore["woow_bus_messages_delivered_total"].get(nil)
	if !delivered || pub < 1 || got < 1 {
		t.Errorf("bus counts did not move: published +%v, delivered +%v (activity received: %v)", pub, got, delivered)
	}
	feed.Close()
	w.ws.Close()
	deadline = time.Now().Add(5 * time.Second)
	for {
		m := scrape(t, anon)
		if m["woow_open_connections"].get(map[string]string{"transport": "websocket"}) == 0 && m["woow_active_subscriptions"].get(nil) == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after the close: websockets %v, subscriptions %v", m["woow_open_connections"].get(map[string]string{"transport": "websocket"}), m["woow_active_subscriptions"].get(nil))
		}
		time.Sleep(50 * time.Millisecond)
	}
}
