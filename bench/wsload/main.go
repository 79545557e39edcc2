// Command wsload is the load process of the subscription fan-out benchmark
// (bench/run.sh, `make bench`). It is not a test.
//
//	wsload run -addr 127.0.0.1:PORT -n 10000 -pid SERVER_PID [flags]
//	wsload report RESULT.json...
//
// run signs up (a throwaway first account, which becomes platform admin,
// then the bench account, so the subscriptions go through the ordinary
// member privacy rules), creates a workspace, opens N graphql-transport-ws
// connections with one `activity` subscription each (bearer token in
// connection_init), measures the server's RSS before and after, then renames
// the workspace once as a warm-up (it also proves every subscription is
// live) and K more times, and records for every connection and event the
// receipt time. It prints one JSON result line on stdout; progress goes to
// stderr. report prints the table of several results with ratios against
// the first one (the baseline).
//
// Latency is measured two ways, on the same machine clock:
//
//   - from t0, the load process's clock just before it sends the rename
//     mutation (so it includes the mutation's own work: auth, the
//     transaction, the commit), to the receipt of the `next` message;
//   - from the entry's createdAt (set by the server while writing, before
//     commit) to the receipt.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"net/http"
	"os"
	"regexp"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/gorilla/websocket"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: wsload run [flags] | wsload report RESULT.json...")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "run":
		err = runCmd(os.Args[2:])
	case "report":
		err = reportCmd(os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "wsload:", err)
		os.Exit(1)
	}
}

type config struct {
	addr          string
	n             int
	events        int
	interval      time.Duration
	pid           int
	serverLog     string
	dialWorkers   int
	settle        time.Duration
	eventTimeout  time.Duration
	setupTimeout  time.Duration
	fields        string
	label         string
	email         string
	password      string
	noGCDuringRun bool
	hold          time.Duration
}

// Result is what run prints (one JSON line) and report reads.
type Result struct {
	Label        string  `json:"label"`
	N            int     `json:"n"`
	Connected    int     `json:"connected"`
	DialRetries  int     `json:"dial_retries"`
	DialFailures int     `json:"dial_failures"`
	SetupSeconds float64 `json:"setup_seconds"`
	Fields       string  `json:"fields"`

	// Server memory (VmRSS of /proc/PID/status), KiB.
	RSSBaseKiB      int64   `json:"rss_base_kib"`
	RSSIdleKiB      int64   `json:"rss_idle_kib"`
	RSSAfterKiB     int64   `json:"rss_after_kib"`
	KiBPerConn      float64 `json:"kib_per_conn"`       // (idle - base) / connected
	KiBPerConnAfter float64 `json:"kib_per_conn_after"` // (after events - base) / connected
	// From the server's gctrace (-server-log), at the base and idle
	// readings: live heap after the last GC and the used part of the
	// goroutine stacks (gctrace's "MB stacks": what the GC scans, not the
	// stack memory allocated, which is several times more), MB (gctrace's
	// unit), and the per-connection difference in KiB.
	HeapBaseMB          int     `json:"heap_base_mb,omitempty"`
	HeapIdleMB          int     `json:"heap_idle_mb,omitempty"`
	StacksUsedBaseMB    int     `json:"stacks_used_base_mb,omitempty"`
	StacksUsedIdleMB    int     `json:"stacks_used_idle_mb,omitempty"`
	HeapKiBPerConn      float64 `json:"heap_kib_per_conn,omitempty"`
	StackUsedKiBPerConn float64 `json:"stack_used_kib_per_conn,omitempty"`
	ServerThreads       int     `json:"server_threads"`

	// Deliveries of the measured events (warm-up excluded).
	Events      int    `json:"events"`
	Expected    int    `json:"expected"`
	Delivered   int    `json:"delivered"`
	Missed      int    `json:"missed"`
	Duplicates  int    `json:"duplicates"`
	WarmupMiss  int    `json:"warmup_missed"`
	StreamErrs  int    `json:"stream_errors"`
	FirstStrErr string `json:"first_stream_error,omitempty"`

	// Milliseconds from t0 (before sending the mutation) to receipt.
	P50 float64 `json:"p50_ms"`
	P90 float64 `json:"p90_ms"`
	P99 float64 `json:"p99_ms"`
	Max float64 `json:"max_ms"`
	// Milliseconds from the entry's createdAt to receipt.
	CP50 float64 `json:"created_p50_ms"`
	CP99 float64 `json:"created_p99_ms"`
	CMax float64 `json:"created_max_ms"`
	// Per event, medians over the events: the mutation's round trip, the
	// first and the last receipt after t0.
	MutationMS float64 `json:"mutation_ms"`
	FirstMS    float64 `json:"first_ms"`
	LastMS     float64 `json:"last_ms"`
	WarmupLast float64 `json:"warmup_last_ms"`
	// The last receipt of each measured event, and how many garbage
	// collections the server ran while the events were measured (from
	// its gctrace, with -server-log).
	EventLastMS []float64 `json:"event_last_ms"`
	ServerGCs   int       `json:"server_gcs_during_events"`

	// CPU time per measured event (from t0 until the last receipt or the
	// timeout), milliseconds, of the server and of this process.
	ServerCPUPerEvent float64 `json:"server_cpu_ms_per_event"`
	ClientCPUPerEvent float64 `json:"client_cpu_ms_per_event"`
}

func runCmd(args []string) error {
	var c config
	fs := flag.NewFlagSet("run", flag.ExitOnError)
	fs.StringVar(&c.addr, "addr", "127.0.0.1:8080", "server host:port")
	fs.IntVar(&c.n, "n", 1000, "WebSocket connections (one subscription each)")
	fs.IntVar(&c.events, "events", 5, "measured events (renames), after one warm-up")
	fs.DurationVar(&c.interval, "interval", time.Second, "spacing of the events")
	fs.IntVar(&c.pid, "pid", 0, "server pid, for its RSS and CPU time (0: not measured)")
	fs.StringVar(&c.serverLog, "server-log", "", "the server's stderr, when it runs with GODEBUG=gctrace=1: "+
		"the load then makes it collect garbage before each memory reading and reports its live heap")
	fs.IntVar(&c.dialWorkers, "dial-workers", 64, "concurrent connection set-ups")
	fs.DurationVar(&c.settle, "settle", 2*time.Second, "idle time before reading RSS")
	fs.DurationVar(&c.eventTimeout, "event-timeout", 10*time.Second, "how long to wait for an event's deliveries")
	fs.DurationVar(&c.setupTimeout, "setup-timeout", 90*time.Second, "how long connecting and the warm-up may take")
	fs.StringVar(&c.fields, "fields", "id verb summary createdAt", "selection of the activity subscription (must include summary and createdAt)")
	fs.StringVar(&c.label, "label", "", "label of the result")
	fs.StringVar(&c.email, "email", "bench@bench.test", "bench account")
	fs.StringVar(&c.password, "password", "bench-password-123", "bench account password")
	fs.DurationVar(&c.hold, "hold", 0, "keep the idle connections this long after the idle reading (to profile the server)")
	fs.BoolVar(&c.noGCDuringRun, "no-client-gc", true, "switch this process's GC off while events are measured")
	_ = fs.Parse(args)
	if c.label == "" {
		c.label = strconv.Itoa(c.n)
	}
	raiseNoFile()
	res, err := run(c)
	if err != nil {
		return err
	}
	b, _ := json.Marshal(res)
	fmt.Println(string(b))
	return nil
}

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "wsload: "+format+"\n", args...)
}

func raiseNoFile() {
	var rl syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &rl); err == nil && rl.Cur < rl.Max {
		rl.Cur = rl.Max
		_ = syscall.Setrlimit(syscall.RLIMIT_NOFILE, &rl)
	}
}

// ---------------------------------------------------------------- HTTP

type api struct {
	url   string
	http  *http.Client
	token string
}

func (a *api) do(query string, vars map[string]any, out any) (*http.Response, error) {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, a.url, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if a.token != "" {
		req.Header.Set("Authorization", "Bearer "+a.token)
	}
	resp, err := a.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	var env struct {
		Data   json.RawMessage `json:"data"`
		Errors []struct {
			Message string `json:"message"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(raw, &env); err != nil {
		return nil, fmt.Errorf("HTTP %d: %.200s", resp.StatusCode, raw)
	}
	if len(env.Errors) > 0 {
		return resp, fmt.Errorf("graphql: %s", env.Errors[0].Message)
	}
	if out != nil {
		if err := json.Unmarshal(env.Data, out); err != nil {
			return resp, err
		}
	}
	return resp, nil
}

func sessionCookie(resp *http.Response) string {
	if resp == nil {
		return ""
	}
	for _, ck := range resp.Cookies() {
		if ck.Name == "woow_session" {
			return ck.Value
		}
	}
	return ""
}

// signIn registers email (or logs in when it exists) and returns the
// session token.
func (a *api) signIn(email, password, name string) (string, error) {
	resp, err := a.do(`mutation($i: RegisterInput!) { register(input: $i) { user { id } } }`,
		map[string]any{"i": map[string]any{"email": email, "password": password, "name": name}}, nil)
	if err != nil {
		resp, err = a.do(`mutation($i: LoginInput!) { login(input: $i) { user { id } } }`,
			map[string]any{"i": map[string]any{"email": email, "password": password}}, nil)
		if err != nil {
			return "", fmt.Errorf("register/login %s: %w", email, err)
		}
	}
	tok := sessionCookie(resp)
	if tok == "" {
		return "", fmt.Errorf("no woow_session cookie for %s", email)
	}
	return tok, nil
}

func (a *api) rename(id, name string) error {
	_, err := a.do(`mutation($i: UpdateWorkspaceInput!) { updateWorkspace(input: $i) { workspace { id } } }`,
		map[string]any{"i": map[string]any{"id": id, "name": name}}, nil)
	return err
}

// ---------------------------------------------------------------- WebSocket

type delivery struct {
	at  time.Time
	raw []byte
}

type client struct {
	ws   *websocket.Conn
	recv []delivery // written by the reader goroutine only
	err  error
	done chan struct{}
}

type fanout struct {
	counts  []atomic.Int64 // deliveries per event index (0 = warm-up)
	errs    atomic.Int64
	firstMu sync.Mutex
	first   string
	closing atomic.Bool
}

var (
	pingMsg   = []byte(`"type":"ping"`)
	nextMsg   = []byte(`"type":"next"`)
	marker    = []byte(" to bench-e")
	pongFrame = []byte(`{"type":"pong"}`)
)

// eventIndex finds i in the summary "... renamed bench-eJ to bench-eI".
func eventIndex(raw []byte) int {
	k := bytes.Index(raw, marker)
	if k < 0 {
		return -1
	}
	n, seen := 0, false
	for _, b := range raw[k+len(marker):] {
		if b < '0' || b > '9' {
			break
		}
		n, seen = n*10+int(b-'0'), true
	}
	if !seen {
		return -1
	}
	return n
}

// read is the connection's only goroutine after set-up: it timestamps each
// message first and otherwise does as little as possible (parsing happens
// after the run).
func (f *fanout) read(c *client) {
	defer close(c.done)
	for {
		_, data, err := c.ws.ReadMessage()
		now := time.Now()
		if err != nil {
			if !f.closing.Load() {
				c.err = err
				f.streamError(err.Error())
			}
			return
		}
		switch {
		case bytes.Contains(data, nextMsg):
			c.recv = append(c.recv, delivery{at: now, raw: data})
			if i := eventIndex(data); i >= 0 && i < len(f.counts) {
				f.counts[i].Add(1)
			}
		case bytes.Contains(data, pingMsg):
			if err := c.ws.WriteMessage(websocket.TextMessage, pongFrame); err != nil && !f.closing.Load() {
				f.streamError("pong: " + err.Error())
			}
		default:
			// error or complete: the stream ended.
			f.streamError(string(data))
		}
	}
}

func (f *fanout) streamError(s string) {
	if f.errs.Add(1) == 1 {
		f.firstMu.Lock()
		f.first = s
		f.firstMu.Unlock()
	}
}

func dial(url, token string, subscribe []byte) (*websocket.Conn, error) {
	d := websocket.Dialer{
		Subprotocols:     []string{"graphql-transport-ws"},
		HandshakeTimeout: 30 * time.Second,
		ReadBufferSize:   1024,
		WriteBufferSize:  1024,
	}
	ws, _, err := d.Dial(url, nil) // no Origin header: not a browser
	if err != nil {
		return nil, err
	}
	fail := func(err error) (*websocket.Conn, error) { _ = ws.Close(); return nil, err }
	initMsg, _ := json.Marshal(map[string]any{
		"type": "connection_init", "payload": map[string]any{"authorization": "Bearer " + token},
	})
	if err := ws.WriteMessage(websocket.TextMessage, initMsg); err != nil {
		return fail(err)
	}
	_ = ws.SetReadDeadline(time.Now().Add(30 * time.Second))
	for {
		_, data, err := ws.ReadMessage()
		if err != nil {
			return fail(fmt.Errorf("waiting for connection_ack: %w", err))
		}
		if bytes.Contains(data, []byte(`"connection_ack"`)) {
			break
		}
		if bytes.Contains(data, pingMsg) {
			_ = ws.WriteMessage(websocket.TextMessage, pongFrame)
			continue
		}
		return fail(fmt.Errorf("unexpected message before ack: %.200s", data))
	}
	_ = ws.SetReadDeadline(time.Time{})
	if err := ws.WriteMessage(websocket.TextMessage, subscribe); err != nil {
		return fail(err)
	}
	return ws, nil
}

// ---------------------------------------------------------------- /proc

func procStatus(pid int, field string) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for line := range strings.Lines(string(b)) {
		if rest, ok := strings.CutPrefix(line, field+":"); ok {
			f := strings.Fields(rest)
			if len(f) > 0 {
				v, _ := strconv.ParseInt(f[0], 10, 64)
				return v
			}
		}
	}
	return 0
}

// cpuTicks is utime+stime of pid (0: this process), in clock ticks.
func cpuTicks(pid int) int64 {
	p := "/proc/self/stat"
	if pid > 0 {
		p = fmt.Sprintf("/proc/%d/stat", pid)
	}
	b, err := os.ReadFile(p)
	if err != nil {
		return 0
	}
	s := string(b)
	if k := strings.LastIndexByte(s, ')'); k >= 0 {
		s = s[k+2:]
	}
	f := strings.Fields(s)
	if len(f) < 13 {
		return 0
	}
	u, _ := strconv.ParseInt(f[11], 10, 64)
	st, _ := strconv.ParseInt(f[12], 10, 64)
	return u + st
}

const tickMS = 10.0 // USER_HZ is 100 on Linux

// waitIdle waits until the server used at most one tick of CPU in a quiet
// window, or max passes.
func waitIdle(pid int, quiet, max time.Duration) {
	if pid <= 0 {
		time.Sleep(quiet)
		return
	}
	deadline := time.Now().Add(max)
	prev := cpuTicks(pid)
	for time.Now().Before(deadline) {
		time.Sleep(quiet)
		cur := cpuTicks(pid)
		if cur-prev <= 1 {
			return
		}
		prev = cur
	}
}

// ---------------------------------------------------------------- memory

var gcLine = regexp.MustCompile(`(?m)^gc (\d+) @.* (\d+)->(\d+)->(\d+) MB, (\d+) MB goal, (\d+) MB stacks`)

type gcStats struct{ cycle, liveMB, stacksMB int }

// lastGC reads the server's last gctrace line.
func lastGC(path string) (gcStats, bool) {
	b, err := os.ReadFile(path)
	if err != nil {
		return gcStats{}, false
	}
	all := gcLine.FindAllSubmatch(b, -1)
	if len(all) == 0 {
		return gcStats{}, false
	}
	m := all[len(all)-1]
	num := func(i int) int { v, _ := strconv.Atoi(string(m[i])); return v }
	return gcStats{cycle: num(1), liveMB: num(4), stacksMB: num(6)}, true
}

// introspection allocates a few hundred KiB in the server per request.
const introspection = `{ __schema { types { name kind description fields(includeDeprecated: true) { name description args { name type { name kind ofType { name kind } } } type { name kind ofType { name kind ofType { name kind } } } } inputFields { name type { name kind ofType { name kind } } } enumValues(includeDeprecated: true) { name } } } }`

// collectGarbage makes the server (there is no debug endpoint) run two
// garbage collections, by asking it for the schema until its gctrace shows
// them, so that a reading of its RSS is not inflated by garbage of earlier
// work (each sign-in hashes a password in 64 MiB).
func (c *config) collectGarbage(a *api) {
	if c.serverLog == "" {
		return
	}
	start, _ := lastGC(c.serverLog)
	deadline := time.Now().Add(30 * time.Second)
	for i := 0; time.Now().Before(deadline); i++ {
		if _, err := a.do(introspection, nil, nil); err != nil {
			logf("introspection: %v", err)
			return
		}
		if i%4 == 3 {
			if g, ok := lastGC(c.serverLog); ok && g.cycle >= start.cycle+2 {
				return
			}
		}
	}
	logf("the server did not collect garbage twice within 30s")
}

// readMemory lets the server collect garbage and go idle, waits for its RSS
// to settle (the runtime returns freed memory in the background) and reads
// it.
func (c *config) readMemory(a *api) (rssKiB int64, g gcStats) {
	c.collectGarbage(a)
	waitIdle(c.pid, 500*time.Millisecond, 30*time.Second)
	time.Sleep(c.settle)
	// Settled: four readings over 2 s within 0.5% of each other. The
	// scavenger can return memory slowly enough that two readings 500 ms
	// apart look settled while a freed sign-in buffer is still resident.
	rss := procStatus(c.pid, "VmRSS")
	lo, hi, stable := rss, rss, 0
	for range 40 {
		time.Sleep(500 * time.Millisecond)
		rss = procStatus(c.pid, "VmRSS")
		lo, hi = min(lo, rss), max(hi, rss)
		if hi-lo > max(rss/200, 256) {
			lo, hi, stable = rss, rss, 0
			continue
		}
		if stable++; stable == 3 {
			break
		}
	}
	g, _ = lastGC(c.serverLog)
	return rss, g
}

// ---------------------------------------------------------------- run

func run(c config) (*Result, error) {
	res := &Result{Label: c.label, N: c.n, Events: c.events, Fields: c.fields}
	a := &api{
		url:  "http://" + c.addr + "/query",
		http: &http.Client{Timeout: 30 * time.Second},
	}
	// The first account becomes platform admin; the bench account must be
	// an ordinary member, so a throwaway account goes first.
	if _, err := a.signIn("first@bench.test", c.password, "First"); err != nil {
		return nil, err
	}
	tok, err := a.signIn(c.email, c.password, "Bench")
	if err != nil {
		return nil, err
	}
	a.token = tok
	var created struct {
		CreateWorkspace struct {
			Workspace struct {
				ID   string `json:"id"`
				Name string `json:"name"`
			} `json:"workspace"`
		} `json:"createWorkspace"`
	}
	wsName := fmt.Sprintf("bench-init-%d", time.Now().UnixNano())
	if _, err := a.do(`mutation($i: CreateWorkspaceInput!) { createWorkspace(input: $i) { workspace { id name } } }`,
		map[string]any{"i": map[string]any{"name": wsName}}, &created); err != nil {
		return nil, fmt.Errorf("createWorkspace: %w", err)
	}
	wsID := created.CreateWorkspace.Workspace.ID

	subscribe, _ := json.Marshal(map[string]any{
		"type": "subscribe", "id": "1",
		"payload": map[string]any{
			"query":     "subscription($w: ID!) { activity(workspaceId: $w) { " + c.fields + " } }",
			"variables": map[string]any{"w": wsID},
		},
	})

	var gBase, gIdle gcStats
	res.RSSBaseKiB, gBase = c.readMemory(a)

	// Connect.
	f := &fanout{counts: make([]atomic.Int64, c.events+1)}
	clients := make([]*client, c.n)
	wsURL := "ws://" + c.addr + "/query"
	start := time.Now()
	setupDeadline := start.Add(c.setupTimeout)
	var next atomic.Int64
	var retries, failures atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < c.dialWorkers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= c.n {
					return
				}
				var ws *websocket.Conn
				var err error
				for attempt := 0; attempt < 4 && time.Now().Before(setupDeadline); attempt++ {
					if attempt > 0 {
						retries.Add(1)
						time.Sleep(time.Duration(attempt) * 200 * time.Millisecond)
					}
					if ws, err = dial(wsURL, tok, subscribe); err == nil {
						break
					}
				}
				if ws == nil {
					if failures.Add(1) <= 3 {
						logf("connection %d: %v", i, err)
					}
					continue
				}
				cl := &client{ws: ws, recv: make([]delivery, 0, c.events+2), done: make(chan struct{})}
				clients[i] = cl
				go f.read(cl)
			}
		}()
	}
	wg.Wait()
	res.DialRetries = int(retries.Load())
	res.DialFailures = int(failures.Load())
	live := clients[:0:0]
	for _, cl := range clients {
		if cl != nil {
			live = append(live, cl)
		}
	}
	res.Connected = len(live)
	res.SetupSeconds = time.Since(start).Seconds()
	logf("%s: %d/%d connected in %.1fs (%d retries)", c.label, res.Connected, c.n, res.SetupSeconds, res.DialRetries)
	defer func() {
		f.closing.Store(true)
		for _, cl := range live {
			_ = cl.ws.Close()
		}
	}()
	if res.Connected == 0 {
		return nil, errors.New("no connection could be set up")
	}

	// Idle memory: subscriptions are registered asynchronously by the
	// server; wait until it stops using CPU (readMemory does).
	waitIdle(c.pid, 500*time.Millisecond, 30*time.Second)
	res.RSSIdleKiB, gIdle = c.readMemory(a)
	res.ServerThreads = int(procStatus(c.pid, "Threads"))
	if c.pid > 0 {
		res.KiBPerConn = float64(res.RSSIdleKiB-res.RSSBaseKiB) / float64(res.Connected)
	}
	if gIdle.cycle > gBase.cycle {
		res.HeapBaseMB, res.HeapIdleMB = gBase.liveMB, gIdle.liveMB
		res.StacksUsedBaseMB, res.StacksUsedIdleMB = gBase.stacksMB, gIdle.stacksMB
		res.HeapKiBPerConn = float64(gIdle.liveMB-gBase.liveMB) * 1024 / float64(res.Connected)
		res.StackUsedKiBPerConn = float64(gIdle.stacksMB-gBase.stacksMB) * 1024 / float64(res.Connected)
	}
	logf("%s: server RSS %d -> %d KiB idle: %.1f KiB per connection (live heap %d -> %d MB, used stack %d -> %d MB)",
		c.label, res.RSSBaseKiB, res.RSSIdleKiB, res.KiBPerConn, gBase.liveMB, gIdle.liveMB, gBase.stacksMB, gIdle.stacksMB)

	if c.hold > 0 {
		logf("%s: holding %d idle connections for %v", c.label, res.Connected, c.hold)
		time.Sleep(c.hold)
	}

	if c.noGCDuringRun {
		runtime.GC()
		old := debug.SetGCPercent(-1)
		defer debug.SetGCPercent(old)
	}

	// Events: 0 is the warm-up.
	want := int64(res.Connected)
	t0s := make([]time.Time, c.events+1)
	t1s := make([]time.Time, c.events+1)
	var serverCPU, clientCPU int64
	var gcBefore gcStats
	for i := 0; i <= c.events; i++ {
		if i == 1 {
			gcBefore, _ = lastGC(c.serverLog)
		}
		if i > 0 {
			time.Sleep(time.Until(t0s[i-1].Add(c.interval)))
		}
		sc, cc := cpuTicks(c.pid), cpuTicks(0)
		t0s[i] = time.Now()
		if err := a.rename(wsID, fmt.Sprintf("bench-e%d", i)); err != nil {
			return nil, fmt.Errorf("rename %d: %w", i, err)
		}
		t1s[i] = time.Now()
		deadline := t0s[i].Add(c.eventTimeout)
		if i == 0 {
			deadline = setupDeadline.Add(c.eventTimeout)
		}
		for f.counts[i].Load() < want && time.Now().Before(deadline) {
			time.Sleep(time.Millisecond)
		}
		if i > 0 {
			serverCPU += cpuTicks(c.pid) - sc
			clientCPU += cpuTicks(0) - cc
		}
		got := f.counts[i].Load()
		if i == 0 {
			res.WarmupMiss = int(want - got)
			logf("%s: warm-up delivered to %d/%d in %v", c.label, got, want, time.Since(t0s[0]).Round(time.Millisecond))
		} else if got < want {
			logf("%s: event %d delivered to %d/%d", c.label, i, got, want)
		}
	}
	if gcAfter, ok := lastGC(c.serverLog); ok {
		res.ServerGCs = gcAfter.cycle - gcBefore.cycle
	}
	time.Sleep(200 * time.Millisecond) // late or duplicate deliveries
	res.RSSAfterKiB = procStatus(c.pid, "VmRSS")
	if c.pid > 0 {
		res.KiBPerConnAfter = float64(res.RSSAfterKiB-res.RSSBaseKiB) / float64(res.Connected)
	}
	if c.pid > 0 {
		res.ServerCPUPerEvent = float64(serverCPU) * tickMS / float64(c.events)
	}
	res.ClientCPUPerEvent = float64(clientCPU) * tickMS / float64(c.events)

	// Stop reading before looking at what the readers wrote.
	f.closing.Store(true)
	for _, cl := range live {
		_ = cl.ws.Close()
	}
	for _, cl := range live {
		<-cl.done
	}
	res.StreamErrs = int(f.errs.Load())
	res.FirstStrErr = f.first
	analyse(res, live, t0s, t1s)
	return res, nil
}

func analyse(res *Result, live []*client, t0s, t1s []time.Time) {
	k := len(t0s) - 1
	var lat, clat []float64
	firsts := make([]float64, k+1)
	lasts := make([]float64, k+1)
	for i := range firsts {
		firsts[i] = math.Inf(1)
	}
	for _, cl := range live {
		seen := make([]bool, k+1)
		for _, d := range cl.recv {
			i := eventIndex(d.raw)
			if i < 0 || i > k {
				continue
			}
			if seen[i] {
				res.Duplicates++
				continue
			}
			seen[i] = true
			ms := float64(d.at.Sub(t0s[i])) / 1e6
			firsts[i] = min(firsts[i], ms)
			lasts[i] = max(lasts[i], ms)
			if i == 0 {
				continue
			}
			lat = append(lat, ms)
			var msg struct {
				Payload struct {
					Data struct {
						Activity struct {
							CreatedAt time.Time `json:"createdAt"`
						} `json:"activity"`
					} `json:"data"`
				} `json:"payload"`
			}
			if json.Unmarshal(d.raw, &msg) == nil && !msg.Payload.Data.Activity.CreatedAt.IsZero() {
				clat = append(clat, float64(d.at.UnixNano()-msg.Payload.Data.Activity.CreatedAt.UnixNano())/1e6)
			}
		}
	}
	res.Expected = res.N * k // connections that never came up count as missed
	res.Delivered = len(lat)
	res.Missed = res.Expected - res.Delivered
	res.P50, res.P90, res.P99, res.Max = pct(lat, 50), pct(lat, 90), pct(lat, 99), pct(lat, 100)
	res.CP50, res.CP99, res.CMax = pct(clat, 50), pct(clat, 99), pct(clat, 100)
	var mut, fst, lst []float64
	for i := 1; i <= k; i++ {
		mut = append(mut, float64(t1s[i].Sub(t0s[i]))/1e6)
		if !math.IsInf(firsts[i], 1) {
			fst = append(fst, firsts[i])
			lst = append(lst, lasts[i])
		}
		res.EventLastMS = append(res.EventLastMS, math.Round(lasts[i]*10)/10)
	}
	res.MutationMS, res.FirstMS, res.LastMS = pct(mut, 50), pct(fst, 50), pct(lst, 50)
	res.WarmupLast = lasts[0]
	for _, p := range []*float64{&res.P50, &res.P90, &res.P99, &res.Max, &res.CP50, &res.CP99, &res.CMax,
		&res.MutationMS, &res.FirstMS, &res.LastMS, &res.WarmupLast, &res.KiBPerConn, &res.KiBPerConnAfter,
		&res.SetupSeconds, &res.HeapKiBPerConn, &res.StackUsedKiBPerConn, &res.ServerCPUPerEvent, &res.ClientCPUPerEvent} {
		*p = math.Round(*p*10) / 10
	}
}

// pct is the nearest-rank percentile p of xs (100: the maximum); NaN-free:
// 0 for no samples.
func pct(xs []float64, p float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	r := int(math.Ceil(p/100*float64(len(s)))) - 1
	return s[max(0, min(r, len(s)-1))]
}

// ---------------------------------------------------------------- report

func reportCmd(paths []string) error {
	var rs []Result
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for line := range strings.Lines(string(b)) {
			line = strings.TrimSpace(line)
			if !strings.HasPrefix(line, "{") {
				continue
			}
			var r Result
			if err := json.Unmarshal([]byte(line), &r); err != nil {
				return fmt.Errorf("%s: %w", p, err)
			}
			rs = append(rs, r)
		}
	}
	if len(rs) == 0 {
		return errors.New("no results")
	}
	fmt.Print(formatTable(rs))
	return nil
}

func ratio(v, base float64) string {
	if base <= 0 {
		return "-"
	}
	return fmt.Sprintf("%.2fx", v/base)
}

func formatTable(rs []Result) string {
	var b strings.Builder
	base := rs[0]
	perDelivery := func(x Result) float64 { return x.ServerCPUPerEvent / float64(max(1, x.Connected)) }
	fmt.Fprintf(&b, "%-15s %6s %6s %8s %8s %7s %7s %7s %7s %6s %6s %7s %8s %8s %8s | %7s %7s %7s %9s\n",
		"run", "N", "conn", "KiB/conn", "heapKiB", "p50", "p99", "max", "c.p99", "missed", "errors",
		"last", "mutation", "srvCPU", "cliCPU", "KiB/c", "p50", "p99", "srvCPU/N")
	for _, r := range rs {
		fmt.Fprintf(&b, "%-15s %6d %6d %8.1f %8.1f %7.1f %7.1f %7.1f %7.1f %6d %6d %7.1f %8.1f %8.0f %8.0f | %7s %7s %7s %9s\n",
			r.Label, r.N, r.Connected, r.KiBPerConn, r.HeapKiBPerConn, r.P50, r.P99, r.Max, r.CP99, r.Missed,
			r.StreamErrs+r.DialFailures, r.LastMS, r.MutationMS, r.ServerCPUPerEvent, r.ClientCPUPerEvent,
			ratio(r.KiBPerConn, base.KiBPerConn), ratio(r.P50, base.P50), ratio(r.P99, base.P99),
			ratio(perDelivery(r), perDelivery(base)))
	}
	fmt.Fprintf(&b, `
KiB/conn: server RSS per idle connection; heapKiB: live Go heap per connection (gctrace).
p50/p99/max: ms from just before the rename mutation is sent to receipt, over all deliveries of
all events; c.p99: the same from the entry's createdAt; last: median over events of the last
receipt; mutation: median round trip of the rename; srvCPU/cliCPU: CPU ms per event of the server
and of the load process. Right of "|": ratios against %q (srvCPU/N: server CPU per delivery).
Targets at 10000: p99 < 250 ms, < 40 KiB per connection, 0 missed.
`, base.Label)
	return b.String()
}
