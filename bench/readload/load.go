package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sync"
	"time"
)

// benchQuery is the query with the workspace page size as a
// parameter (the counting phase varies it).
func benchQuery(first int) string {
	return fmt.Sprintf(`query { workspaces(first: %d) { edges { node { name slug
  members(first: 10) { edges { node { role user { email name } } } }
  services { edges { node { name state } } } } } } }`, first)
}

// client is one keep-alive HTTP connection's worth of client.
type client struct {
	http  *http.Client
	url   string
	token string
	body  []byte
}

func newClient(addr, token, query string, conns int) *client {
	body, _ := json.Marshal(map[string]string{"query": query})
	tr := &http.Transport{MaxIdleConns: conns, MaxIdleConnsPerHost: conns, MaxConnsPerHost: 1,
		IdleConnTimeout: time.Minute, DisableCompression: true}
	return &client{http: &http.Client{Transport: tr, Timeout: 30 * time.Second},
		url: "http://" + addr + "/query", token: token, body: body}
}

// do posts the query; the answer is an error unless the status is 200 and
// it has no GraphQL errors.
func (c *client) do(ctx context.Context) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url, bytes.NewReader(c.body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+c.token)
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return b, fmt.Errorf("status %d: %.300s", resp.StatusCode, b)
	}
	// Cheap check first: a GraphQL error has an "errors" key.
	if bytes.Contains(b, []byte(`"errors"`)) {
		var v struct {
			Errors []json.RawMessage `json:"errors"`
		}
		if json.Unmarshal(b, &v) == nil && len(v.Errors) > 0 {
			return b, fmt.Errorf("graphql errors: %.300s", b)
		}
	}
	return b, nil
}

// loadResult is what one load phase measured on the client side.
type loadResult struct {
	Requests  int
	Errors    int
	FirstErr  string
	Elapsed   time.Duration
	Latencies []time.Duration // sorted
}

func (r loadResult) quantile(q float64) time.Duration {
	if len(r.Latencies) == 0 {
		return 0
	}
	i := int(q * float64(len(r.Latencies)-1))
	return r.Latencies[i]
}

// runLoad runs conns goroutines, each with its own client and keep-alive
// connection, posting back to back for warm (not recorded), then for dur
// (recorded). measureStart and measureEnd are called at the edges of the
// recorded window (for CPU readings).
func runLoad(ctx context.Context, addr, token, query string, conns int, warm, dur time.Duration,
	measureStart, measureEnd func()) loadResult {
	type out struct {
		lat      []time.Duration
		errs     int
		firstErr string
	}
	outs := make([]out, conns)
	var wg sync.WaitGroup
	start := time.Now()
	t0 := start.Add(warm)
	t1 := t0.Add(dur)
	for i := range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := newClient(addr, token, query, conns)
			defer c.http.CloseIdleConnections()
			o := &outs[i]
			o.lat = make([]time.Duration, 0, 4096)
			for ctx.Err() == nil {
				s := time.Now()
				if s.After(t1) {
					return
				}
				_, err := c.do(ctx)
				e := time.Now()
				if s.Before(t0) {
					continue
				}
				o.lat = append(o.lat, e.Sub(s))
				if err != nil {
					o.errs++
					if o.firstErr == "" {
						o.firstErr = err.Error()
					}
				}
			}
		}()
	}
	// The window is measured from t0 to the last request's end.
	time.Sleep(time.Until(t0))
	measureStart()
	wg.Wait()
	measureEnd()
	var r loadResult
	r.Elapsed = time.Since(t0)
	for _, o := range outs {
		r.Latencies = append(r.Latencies, o.lat...)
		r.Errors += o.errs
		if r.FirstErr == "" {
			r.FirstErr = o.firstErr
		}
	}
	slices.Sort(r.Latencies)
	r.Requests = len(r.Latencies)
	return r
}
