// Command streamload is the load process of the streaming benchmark
// (bench/stream.sh, part of `make bench`; issue 15). It is not a test.
//
//	streamload run -addr 127.0.0.1:PORT -pid SERVER_PID [flags]
//	streamload report RESULT.json...
//	streamload relay -provider URL -subscribers N   (the floor phase's relay)
//
// run serves an OpenAI-compatible fake provider in this process
// (provider.go) whose tokens carry their sequence number ("t0042 ") and
// whose write of each token is timestamped on this process's monotonic
// clock. Three phases, one after the other, with the same provider:
//
//   - baseline: BENCH_REPLIES streams read directly from the provider over
//     HTTP SSE by this process (one reader per stream): the write-to-
//     receipt latency of loopback TCP and the Go runtimes with no server
//     in between, under the same token rate;
//   - floor: the same streams and subscribers through a hand-written relay
//     process that does nothing else (relay.go): what any process in
//     between adds here (-floor=false skips it);
//   - server: the bench account (the first, a platform admin) adds the fake
//     as a provider and a default agent, makes ceil(BENCH_REPLIES/10)
//     workspaces of 10 auto-reply threads (at most 16 answers run at once
//     per workspace), opens BENCH_SUBSCRIBERS graphql-transport-ws
//     connections per thread with one messageStream subscription each,
//     runs a warm-up round (a 5-token answer per thread, which also proves
//     every subscription live), then sends one message per thread. The
//     provider holds the streams until all have arrived and then writes
//     BENCH_TOKENS tokens to each, one every BENCH_TOKEN_DELAY, the
//     streams' ticks spread over the delay.
//
// Every token is attributed to the receipt of the event that completed it
// (a delta may hold several tokens when the server coalesced them), per
// subscriber. Latency = receipt - write. The server's CPU (utime+stime of
// /proc/PID/stat) is read at the provider's release and after the last
// subscriber received the last answer's end; its RSS is sampled meanwhile.
// Every answer's text as each subscriber rebuilt it (text = reset ? delta
// : text + delta) must equal the tokens sent, and end once as complete:
// otherwise run prints its result and exits 1.
package main

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math"
	"net/http"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: streamload run [flags] | streamload report RESULT.json... | streamload relay -provider URL")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "run":
		err = runCmd(os.Args[2:])
	case "report":
		err = reportCmd(os.Args[2:])
	case "relay":
		err = relayCmd(os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "streamload:", err)
		os.Exit(1)
	}
}

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "streamload: "+format+"\n", args...)
}

type config struct {
	addr         string
	pid          int
	label        string
	replies      int
	subscribers  int
	tokens       int
	delay        time.Duration
	perWorkspace int
	workers      int
	clkTck       int
	timeout      time.Duration
	password     string
	floor        bool
	selection    string
}

// selections are the messageStream documents a subscriber may send: the
// web app's own (the assistant page's, with the stored message and its
// authors: rendered for each subscriber) and the fields of the event
// alone (rendered once for all).
var selections = map[string]string{
	"app": `subscription MessageStream($th: ID!, $after: ID) {
  messageStream(threadId: $th, after: $after) {
    messageId delta status reset
    message { ...ChatMessageFields }
  }
}
fragment ChatMessageFields on AIMessage {
  id role status content error createdAt
  authorUser { id name }
  authorAgent { id handle displayName avatarColor }
}`,
	"plain": `subscription($th: ID!) { messageStream(threadId: $th) { messageId delta status reset } }`,
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

func envString(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

func envDuration(name string, def time.Duration) time.Duration {
	if v, err := time.ParseDuration(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// Stats are percentiles of per-token latencies, milliseconds.
type Stats struct {
	N   int     `json:"n"`
	P50 float64 `json:"p50_ms"`
	P90 float64 `json:"p90_ms"`
	P99 float64 `json:"p99_ms"`
	Max float64 `json:"max_ms"`
}

// Window is the latency of the tokens written in one window of the round.
type Window struct {
	FromMS float64 `json:"from_ms"`
	Stats
}

// Result is what run prints (one JSON line) and report reads.
type Result struct {
	Label       string  `json:"label"`
	Selection   string  `json:"selection,omitempty"`
	Replies     int     `json:"replies"`
	Subscribers int     `json:"subscribers"`
	Tokens      int     `json:"tokens"`
	DelayMS     float64 `json:"token_delay_ms"`

	Baseline Stats `json:"baseline"`
	// Floor: through a hand-written relay in a process of its own
	// (relay.go), the least one more process can add; zero when skipped.
	Floor  Stats `json:"floor"`
	Server Stats `json:"server"`
	// Tokens a second written by the provider, from the release to the
	// last write, in each phase.
	BaselineTokPerSec float64 `json:"baseline_tokens_per_s"`
	ServerTokPerSec   float64 `json:"server_tokens_per_s"`
	// Events received per answer per subscriber (< Tokens: coalesced).
	EventsPerReply float64 `json:"events_per_reply"`
	// Seconds from the release to the last end received.
	ServerSeconds float64 `json:"server_seconds"`

	// CPU of the streaming phase: server and this process, microseconds
	// per token written by the provider, and the server's share of a CPU.
	ServerCPUPerTokenUS float64 `json:"server_cpu_us_per_token"`
	ServerCPUPercent    float64 `json:"server_cpu_percent"`
	// The server idle (1 s before the round), and the CPU per token above
	// that idle rate.
	ServerIdleCPUPercent float64 `json:"server_idle_cpu_percent"`
	ServerCPUAboveIdleUS float64 `json:"server_cpu_us_per_token_above_idle"`
	LoadCPUPerTokenUS    float64 `json:"load_cpu_us_per_token"`
	BaseCPUPerTokenUS    float64 `json:"baseline_load_cpu_us_per_token"`
	// The relay's CPU and this process's in the floor phase.
	FloorCPUPerTokenUS     float64 `json:"floor_cpu_us_per_token,omitempty"`
	FloorLoadCPUPerTokenUS float64 `json:"floor_load_cpu_us_per_token,omitempty"`
	// The server's threads during the round (schedstat): ms they ran,
	// and ms they were runnable but waited for a CPU (a busy machine).
	ServerRanMS      float64 `json:"server_ran_ms"`
	ServerRunqWaitMS float64 `json:"server_runq_wait_ms"`
	RSSBeforeKiB     int64   `json:"rss_before_kib"`
	RSSMaxKiB        int64   `json:"rss_max_kib"`

	// Checks (all must be 0).
	Lost       int    `json:"lost_tokens"`
	BadText    int    `json:"bad_texts"`
	BadEnds    int    `json:"bad_ends"`
	Negative   int    `json:"negative_latencies"`
	StreamErrs int    `json:"stream_errors"`
	FirstError string `json:"first_error,omitempty"`
	// Resets after an answer's first event (a resync): not errors.
	LateResets int `json:"late_resets"`

	// Windows: the server's latencies by when the tokens were written.
	Windows []Window `json:"server_by_window,omitempty"`
}

func (r *Result) failures() int {
	return r.Lost + r.BadText + r.BadEnds + r.Negative + r.StreamErrs
}

func (r *Result) fail(format string, args ...any) {
	if r.FirstError == "" {
		r.FirstError = fmt.Sprintf(format, args...)
	}
}

func runCmd(args []string) error {
	var c config
	fs := flag.NewFlagSet("run", flag.ExitOnError)
	fs.StringVar(&c.addr, "addr", "", "server host:port (empty: the baseline only)")
	fs.IntVar(&c.pid, "pid", 0, "server pid, for its CPU time and RSS (0: not measured)")
	fs.StringVar(&c.label, "label", "sqlite", "label of the result")
	fs.IntVar(&c.replies, "replies", envInt("BENCH_REPLIES", 100), "concurrent answers (BENCH_REPLIES)")
	fs.IntVar(&c.subscribers, "subscribers", envInt("BENCH_SUBSCRIBERS", 2), "subscribers per thread, each on its own connection (BENCH_SUBSCRIBERS)")
	fs.IntVar(&c.tokens, "tokens", envInt("BENCH_TOKENS", 200), "tokens per answer (BENCH_TOKENS)")
	fs.DurationVar(&c.delay, "token-delay", envDuration("BENCH_TOKEN_DELAY", 10*time.Millisecond), "time between two tokens of an answer (BENCH_TOKEN_DELAY)")
	fs.IntVar(&c.perWorkspace, "threads-per-workspace", 10, "threads per workspace (at most 16 answers run at once in one)")
	fs.IntVar(&c.workers, "workers", 8, "concurrent set-up requests")
	fs.IntVar(&c.clkTck, "clk-tck", 100, "clock ticks a second of /proc/PID/stat (getconf CLK_TCK)")
	fs.DurationVar(&c.timeout, "timeout", 2*time.Minute, "how long a round may take")
	fs.StringVar(&c.password, "password", "bench-password-123", "bench account password")
	fs.BoolVar(&c.floor, "floor", true, "also measure the floor: the same streams through a hand-written relay process")
	fs.StringVar(&c.selection, "selection", envString("BENCH_SELECTION", "app"), "messageStream selection: app (the web app's document) or plain (the event's fields) (BENCH_SELECTION)")
	_ = fs.Parse(args)
	if selections[c.selection] == "" {
		return fmt.Errorf("-selection: app or plain, not %q", c.selection)
	}
	if c.perWorkspace > 16 {
		return errors.New("-threads-per-workspace: at most 16")
	}
	var rl syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &rl); err == nil && rl.Cur < rl.Max {
		rl.Cur = rl.Max
		_ = syscall.Setrlimit(syscall.RLIMIT_NOFILE, &rl)
	}
	res, err := run(c)
	if res != nil {
		b, _ := json.Marshal(res)
		fmt.Println(string(b))
	}
	if err != nil {
		return err
	}
	if n := res.failures(); n > 0 {
		return fmt.Errorf("%s: %d failures (lost %d tokens, %d bad texts, %d bad ends, %d negative latencies, %d stream errors); first: %s",
			res.Label, n, res.Lost, res.BadText, res.BadEnds, res.Negative, res.StreamErrs, res.FirstError)
	}
	return nil
}

func run(c config) (*Result, error) {
	epoch := time.Now()
	res := &Result{Label: c.label, Selection: c.selection, Replies: c.replies, Subscribers: c.subscribers, Tokens: c.tokens,
		DelayMS: float64(c.delay) / 1e6}
	pv, err := startProvider(epoch)
	if err != nil {
		return nil, err
	}
	defer pv.srv.Close()

	// ------------------------------------------------ baseline
	if err := baseline(c, pv, res); err != nil {
		return res, fmt.Errorf("baseline: %w", err)
	}
	logf("%s: baseline p50 %.3f p99 %.3f max %.3f ms over %d tokens", c.label,
		res.Baseline.P50, res.Baseline.P99, res.Baseline.Max, res.Baseline.N)
	if c.floor {
		if err := floor(c, pv, res); err != nil {
			return res, fmt.Errorf("floor: %w", err)
		}
		logf("%s: floor (bare relay) p50 %.3f p99 %.3f max %.3f ms over %d deliveries", c.label,
			res.Floor.P50, res.Floor.P99, res.Floor.Max, res.Floor.N)
	}
	if c.addr == "" {
		return res, nil
	}

	// ------------------------------------------------ set-up
	a := &api{url: "http://" + c.addr + "/query", http: &http.Client{Timeout: 60 * time.Second}}
	tok, err := a.signIn("stream-admin@bench.test", c.password, "Stream Admin")
	if err != nil {
		return res, err
	}
	a.token = tok
	providerID, err := a.id(`mutation($i: CreateAIProviderInput!) { createAIProvider(input: $i) { provider { id } } }`,
		map[string]any{"name": "Bench fake", "baseUrl": pv.url + "/v1", "apiKey": "sk-bench", "defaultModel": "fake-small"},
		"createAIProvider.provider.id")
	if err != nil {
		return res, fmt.Errorf("createAIProvider (is this the server's first account?): %w", err)
	}
	agentID, err := a.id(`mutation($i: CreateAIAgentInput!) { createAIAgent(input: $i) { agent { id } } }`,
		map[string]any{"handle": "bench", "displayName": "Bench", "systemPrompt": "You are a benchmark.",
			"providerId": providerID, "isDefault": true}, "createAIAgent.agent.id")
	if err != nil {
		return res, fmt.Errorf("createAIAgent: %w", err)
	}
	nws := (c.replies + c.perWorkspace - 1) / c.perWorkspace
	wss := make([]string, nws)
	if err := parallel(nws, c.workers, func(i int) error {
		var err error
		wss[i], err = a.id(`mutation($i: CreateWorkspaceInput!) { createWorkspace(input: $i) { workspace { id } } }`,
			map[string]any{"name": fmt.Sprintf("stream-%d", i)}, "createWorkspace.workspace.id")
		return err
	}); err != nil {
		return res, fmt.Errorf("createWorkspace: %w", err)
	}
	threads := make([]string, c.replies)
	if err := parallel(c.replies, c.workers, func(i int) error {
		var err error
		threads[i], err = a.id(`mutation($i: CreateThreadInput!) { createThread(input: $i) { thread { id } } }`,
			map[string]any{"workspaceId": wss[i/c.perWorkspace], "title": fmt.Sprintf("t%d", i),
				"defaultAgentId": agentID, "autoReply": true}, "createThread.thread.id")
		return err
	}); err != nil {
		return res, fmt.Errorf("createThread: %w", err)
	}

	// ------------------------------------------------ subscriptions
	var closing atomic.Bool
	subs := make([]*sub, c.replies*c.subscribers)
	wsURL := "ws://" + c.addr + "/query"
	if err := parallel(len(subs), c.workers, func(k int) error {
		th := k / c.subscribers
		msg, _ := json.Marshal(map[string]any{"type": "subscribe", "id": "1", "payload": map[string]any{
			"query":     selections[c.selection],
			"variables": map[string]any{"th": threads[th]},
		}})
		ws, err := dial(wsURL, tok, msg)
		if err != nil {
			return fmt.Errorf("subscriber %d: %w", k, err)
		}
		s := &sub{thread: th, ws: ws, recv: make([]delivery, 0, c.tokens+64), done: make(chan struct{})}
		subs[k] = s
		go s.read(epoch, &closing)
		return nil
	}); err != nil {
		return res, err
	}
	defer closeAll(subs, &closing, false)
	logf("%s: %d threads in %d workspaces, %d subscriptions", c.label, c.replies, nws, len(subs))

	// round sends "<phase> rI" to every thread and waits until every
	// subscription has seen wantFinals ends (the message's and the answer's
	// of each round so far).
	round := func(name string, wantFinals int64) ([]string, error) {
		replyIDs := make([]string, c.replies)
		if err := parallel(c.replies, c.workers, func(i int) error {
			var err error
			replyIDs[i], err = a.id(`mutation($i: SendMessageInput!) { sendMessage(input: $i) { message { id } replies { id status } } }`,
				map[string]any{"threadId": threads[i], "content": fmt.Sprintf("%s r%d", name, i)}, "sendMessage.replies")
			if err != nil {
				return fmt.Errorf("sendMessage %s r%d: %w", name, i, err)
			}
			return nil
		}); err != nil {
			return nil, err
		}
		if err := awaitEnds(subs, wantFinals, c.timeout); err != nil {
			return replyIDs, fmt.Errorf("%s: %w", name, err)
		}
		return replyIDs, nil
	}

	// ------------------------------------------------ warm-up
	warm := newPhase("warm", c.replies, 5, c.delay, false)
	pv.add(warm)
	if _, err := round("warm", 2); err != nil {
		return res, fmt.Errorf("warm-up (proves the subscriptions): %w", err)
	}
	time.Sleep(500 * time.Millisecond)
	// The server's CPU while idle (background loops, the runtime), over
	// 1 s: what it spends whether or not tokens flow.
	idle0, idleT := cpuTicks(c.pid), time.Now()
	time.Sleep(time.Second)
	idleTicks, idleDur := cpuTicks(c.pid)-idle0, time.Since(idleT)

	// ------------------------------------------------ measured round
	bench := newPhase("bench", c.replies, c.tokens, c.delay, true)
	var cpuServer0, cpuLoad0 int64
	var run0, wait0 int64
	bench.onRelease = func() {
		cpuServer0, cpuLoad0 = cpuTicks(c.pid), cpuTicks(0)
		run0, wait0 = schedstat(c.pid)
	}
	pv.add(bench)
	res.RSSBeforeKiB = procStatus(c.pid, "VmRSS")
	stopRSS := make(chan struct{})
	var rssWG sync.WaitGroup
	rssWG.Add(1)
	go func() {
		defer rssWG.Done()
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		for {
			if v := procStatus(c.pid, "VmRSS"); v > res.RSSMaxKiB {
				res.RSSMaxKiB = v
			}
			select {
			case <-stopRSS:
				return
			case <-t.C:
			}
		}
	}()
	runtime.GC()
	old := debug.SetGCPercent(-1) // no collection of ours in the measured round
	replyIDs, rerr := round("bench", 4)
	end := time.Since(epoch)
	cpuServer1, cpuLoad1 := cpuTicks(c.pid), cpuTicks(0)
	run1, wait1 := schedstat(c.pid)
	res.ServerRanMS, res.ServerRunqWaitMS = round3(float64(run1-run0)/1e6), round3(float64(wait1-wait0)/1e6)
	debug.SetGCPercent(old)
	close(stopRSS)
	rssWG.Wait()
	time.Sleep(200 * time.Millisecond) // late or doubled events
	closeAll(subs, &closing, true)
	if rerr != nil {
		res.StreamErrs++
		res.fail("%v", rerr)
		if replyIDs == nil {
			return res, rerr
		}
	}
	sent := float64(c.replies * c.tokens)
	tick := 1e6 / float64(c.clkTck) // µs
	dur := float64(end-bench.releaseAt) / 1e9
	res.ServerSeconds = round3(dur)
	if c.pid > 0 {
		res.ServerCPUPerTokenUS = round3(float64(cpuServer1-cpuServer0) * tick / sent)
		res.ServerCPUPercent = round3(float64(cpuServer1-cpuServer0) * tick / 1e4 / dur)
		res.ServerIdleCPUPercent = round3(float64(idleTicks) * tick / 1e4 / idleDur.Seconds())
		busy := float64(cpuServer1-cpuServer0)*tick - res.ServerIdleCPUPercent*1e4*dur
		res.ServerCPUAboveIdleUS = round3(max(0, busy) / sent)
	}
	res.LoadCPUPerTokenUS = round3(float64(cpuLoad1-cpuLoad0) * tick / sent)
	res.ServerTokPerSec = round3(sent / (float64(lastWrite(bench)-bench.releaseAt) / 1e9))
	analyseServer(res, bench, subs, replyIDs)
	return res, nil
}

func lastWrite(p *phase) time.Duration {
	var m time.Duration
	for _, w := range p.writes {
		m = max(m, slices.Max(w))
	}
	return m
}

// ---------------------------------------------------------------- baseline

// baseline reads the provider's streams directly: one reader per stream
// (each token's latency counts once; counting it once per subscriber, as
// the server phase does, would not change the percentiles).
func baseline(c config, pv *provider, res *Result) error {
	p := newPhase("base", c.replies, c.tokens, c.delay, true)
	var cpu0 int64
	p.onRelease = func() { cpu0 = cpuTicks(0) }
	pv.add(p)
	tr := &http.Transport{MaxIdleConnsPerHost: c.replies, DisableCompression: true}
	defer tr.CloseIdleConnections()
	hc := &http.Client{Transport: tr}
	recv := make([][]delivery, c.replies)
	errs := make([]error, c.replies)
	runtime.GC()
	old := debug.SetGCPercent(-1)
	var wg sync.WaitGroup
	for i := range c.replies {
		wg.Add(1)
		go func() {
			defer wg.Done()
			body, _ := json.Marshal(map[string]any{"model": "fake-small", "stream": true,
				"messages": []any{map[string]string{"role": "user", "content": fmt.Sprintf("base r%d", i)}}})
			resp, err := hc.Post(pv.url+"/v1/chat/completions", "application/json", bytes.NewReader(body))
			if err != nil {
				errs[i] = err
				return
			}
			defer resp.Body.Close()
			br := bufio.NewReader(resp.Body)
			out := make([]delivery, 0, c.tokens+2)
			for {
				line, err := br.ReadSlice('\n')
				now := time.Since(pv.epoch)
				if err != nil {
					errs[i] = fmt.Errorf("stream %d ended without [DONE]: %v", i, err)
					break
				}
				if bytes.HasPrefix(line, []byte("data: [DONE]")) {
					break
				}
				if bytes.HasPrefix(line, []byte("data: {")) {
					out = append(out, delivery{at: now, raw: bytes.Clone(line[6:])})
				}
			}
			recv[i] = out
		}()
	}
	wg.Wait()
	cpu1 := cpuTicks(0)
	debug.SetGCPercent(old)
	sent := float64(c.replies * c.tokens)
	res.BaseCPUPerTokenUS = round3(float64(cpu1-cpu0) * 1e6 / float64(c.clkTck) / sent)
	res.BaselineTokPerSec = round3(sent / (float64(lastWrite(p)-p.releaseAt) / 1e9))
	var lat []float64
	want := p.expected()
	for i := range c.replies {
		if errs[i] != nil {
			return errs[i]
		}
		if p.writeErr[i] != nil {
			return p.writeErr[i]
		}
		var text strings.Builder
		have := 0
		for _, d := range recv[i] {
			var chunk struct {
				Choices []struct {
					Delta struct {
						Content string `json:"content"`
					} `json:"delta"`
				} `json:"choices"`
			}
			if err := json.Unmarshal(d.raw, &chunk); err != nil {
				return err
			}
			for _, ch := range chunk.Choices {
				text.WriteString(ch.Delta.Content)
			}
			have = attribute(text.Len(), len(p.tokens[0]), have, len(p.tokens), func(k int) {
				lat = append(lat, float64(d.at-p.writes[i][k])/1e6)
			})
		}
		if text.String() != want {
			return fmt.Errorf("baseline stream %d: text differs from the tokens sent (%d of %d bytes)", i, text.Len(), len(want))
		}
	}
	res.Baseline = stats(lat)
	return nil
}

// attribute calls f for each token completed by a text now n bytes long
// (fixed-width tokens of w bytes), from have on, and returns the new count.
func attribute(n, w, have, total int, f func(k int)) int {
	done := min(n/w, total)
	for k := have; k < done; k++ {
		f(k)
	}
	return max(have, done)
}

// ---------------------------------------------------------------- analysis

type streamEvent struct {
	Payload struct {
		Data struct {
			MessageStream *struct {
				MessageID string `json:"messageId"`
				Delta     string `json:"delta"`
				Status    string `json:"status"`
				Reset     bool   `json:"reset"`
			} `json:"messageStream"`
		} `json:"data"`
	} `json:"payload"`
}

func analyseServer(res *Result, p *phase, subs []*sub, replyIDs []string) {
	want := p.expected()
	w := len(p.tokens[0])
	var lat []float64
	var byWrite []timed // for the windows breakdown
	events := 0
	for _, s := range subs {
		if e, _ := s.err.Load().(string); e != "" {
			res.StreamErrs++
			res.fail("subscriber of thread %d: %s", s.thread, e)
		}
		id := replyIDs[s.thread]
		if p.writeErr[s.thread] != nil {
			res.StreamErrs++
			res.fail("provider stream %d: %v", s.thread, p.writeErr[s.thread])
		}
		var text string
		have, ends, seen := 0, 0, false
		for _, d := range s.recv {
			var ev streamEvent
			if err := json.Unmarshal(d.raw, &ev); err != nil || ev.Payload.Data.MessageStream == nil {
				res.StreamErrs++
				res.fail("thread %d: unreadable event %.200s", s.thread, d.raw)
				continue
			}
			m := ev.Payload.Data.MessageStream
			if m.MessageID != id {
				continue
			}
			if ends > 0 {
				res.BadEnds++
				res.fail("thread %d: an event after the answer's end: %+v", s.thread, *m)
			}
			events++
			if m.Reset {
				if seen {
					res.LateResets++
				}
				text = m.Delta
			} else {
				if !seen {
					res.BadText++
					res.fail("thread %d: the answer's first event is not a reset", s.thread)
				}
				text += m.Delta
			}
			seen = true
			if !strings.HasPrefix(want, text) {
				res.BadText++
				res.fail("thread %d: text %q... is not a prefix of the tokens sent", s.thread, clip(text))
			}
			have = attribute(len(text), w, have, len(p.tokens), func(k int) {
				l := float64(d.at-p.writes[s.thread][k]) / 1e6
				if l < 0 || p.writes[s.thread][k] == 0 {
					res.Negative++
					res.fail("thread %d: token %d received before it was written", s.thread, k)
				}
				lat = append(lat, l)
				byWrite = append(byWrite, timed{at: int64(p.writes[s.thread][k]), ms: l})
			})
			if m.Status != "streaming" {
				ends++
				if m.Status != "complete" {
					res.BadEnds++
					res.fail("thread %d: the answer ended %s", s.thread, m.Status)
				}
			}
		}
		if ends != 1 {
			res.BadEnds++
			res.fail("thread %d: %d ends of the answer", s.thread, ends)
		}
		if text != want {
			res.BadText++
			res.fail("thread %d: the text rebuilt differs from the tokens sent (%d of %d bytes)", s.thread, len(text), len(want))
		}
		res.Lost += len(p.tokens) - have
	}
	res.EventsPerReply = round3(float64(events) / float64(max(1, len(subs))))
	res.Server = stats(lat)
	res.Windows = windows(byWrite, 200*time.Millisecond)
}

// timed is a token's latency (ms) and when it was written (ns, the
// phase's clock).
type timed struct {
	at int64
	ms float64
}

// windows splits latencies by when their tokens were written, from the
// first write, into windows of width w: a tail spread over the round says
// the server is short of CPU all along, one held by a few windows says a
// burst (a save, a collection, a start) stalls it.
func windows(xs []timed, w time.Duration) []Window {
	if len(xs) == 0 {
		return nil
	}
	first := xs[0].at
	for _, x := range xs {
		first = min(first, x.at)
	}
	var groups [][]float64
	for _, x := range xs {
		i := int((x.at - first) / int64(w))
		for len(groups) <= i {
			groups = append(groups, nil)
		}
		groups[i] = append(groups[i], x.ms)
	}
	out := make([]Window, len(groups))
	for i, g := range groups {
		out[i] = Window{FromMS: float64(time.Duration(i)*w) / 1e6, Stats: stats(g)}
	}
	return out
}

func clip(s string) string {
	if len(s) > 60 {
		return s[:60]
	}
	return s
}

func stats(xs []float64) Stats {
	s := slices.Clone(xs)
	slices.Sort(s)
	pct := func(p float64) float64 {
		if len(s) == 0 {
			return 0
		}
		r := int(math.Ceil(p/100*float64(len(s)))) - 1
		return round3(s[max(0, min(r, len(s)-1))])
	}
	return Stats{N: len(s), P50: pct(50), P90: pct(90), P99: pct(99), Max: pct(100)}
}

func round3(v float64) float64 { return math.Round(v*1000) / 1000 }

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
	fmt.Print(formatWindows(rs))
	return nil
}

// formatWindows prints each run's latencies by window of the round.
func formatWindows(rs []Result) string {
	var b strings.Builder
	for _, r := range rs {
		if len(r.Windows) == 0 {
			continue
		}
		fmt.Fprintf(&b, "%s, through the server, by when the token was written (ms):\n", r.Label)
		fmt.Fprintf(&b, "  %8s %7s %8s %8s %8s\n", "from", "tokens", "p50", "p99", "max")
		for _, w := range r.Windows {
			fmt.Fprintf(&b, "  %8.0f %7d %8.3f %8.3f %8.3f\n", w.FromMS, w.N, w.P50, w.P99, w.Max)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func ratio(v, base float64) string {
	if base <= 0 {
		return "-"
	}
	return fmt.Sprintf("%.1fx", v/base)
}

func formatTable(rs []Result) string {
	var b strings.Builder
	for _, r := range rs {
		fmt.Fprintf(&b, "%s: %d answers x %d tokens every %.0f ms, %d subscribers each (%s selection); %d token deliveries\n",
			r.Label, r.Replies, r.Tokens, r.DelayMS, r.Subscribers, cmp.Or(r.Selection, "plain"), r.Server.N)
		fmt.Fprintf(&b, "  %-22s %9s %9s %9s %9s %10s\n", "write->receipt, ms", "p50", "p90", "p99", "max", "tokens/s")
		fmt.Fprintf(&b, "  %-22s %9.3f %9.3f %9.3f %9.3f %10.0f\n", "baseline (direct SSE)", r.Baseline.P50, r.Baseline.P90, r.Baseline.P99, r.Baseline.Max, r.BaselineTokPerSec)
		if r.Floor.N > 0 {
			fmt.Fprintf(&b, "  %-22s %9.3f %9.3f %9.3f %9.3f\n", "floor (bare relay)", r.Floor.P50, r.Floor.P90, r.Floor.P99, r.Floor.Max)
		}
		fmt.Fprintf(&b, "  %-22s %9.3f %9.3f %9.3f %9.3f %10.0f\n", "through the server", r.Server.P50, r.Server.P90, r.Server.P99, r.Server.Max, r.ServerTokPerSec)
		fmt.Fprintf(&b, "  %-22s %9.3f %9.3f %9.3f %9.3f\n", "added", r.Server.P50-r.Baseline.P50, r.Server.P90-r.Baseline.P90,
			r.Server.P99-r.Baseline.P99, r.Server.Max-r.Baseline.Max)
		if r.Floor.N > 0 {
			fmt.Fprintf(&b, "  %-22s %9.3f %9.3f %9.3f %9.3f\n", "floor added", r.Floor.P50-r.Baseline.P50, r.Floor.P90-r.Baseline.P90,
				r.Floor.P99-r.Baseline.P99, r.Floor.Max-r.Baseline.Max)
		}
		fmt.Fprintf(&b, "  %-22s %9s %9s %9s %9s\n", "ratio server/baseline", ratio(r.Server.P50, r.Baseline.P50), ratio(r.Server.P90, r.Baseline.P90),
			ratio(r.Server.P99, r.Baseline.P99), ratio(r.Server.Max, r.Baseline.Max))
		verdict := "MET"
		if r.Server.P99-r.Baseline.P99 > 1 {
			verdict = "MISSED"
		}
		fmt.Fprintf(&b, "  target p99 added <= 1 ms: %s (%.3f ms)\n", verdict, r.Server.P99-r.Baseline.P99)
		if r.Floor.N > 0 {
			fmt.Fprintf(&b, "  floor p99 added: %.3f ms; the server adds %.3f ms more at p99 (%s the floor's added)\n",
				r.Floor.P99-r.Baseline.P99, r.Server.P99-r.Floor.P99, ratio(r.Server.P99-r.Baseline.P99, r.Floor.P99-r.Baseline.P99))
		}
		fmt.Fprintf(&b, "  server CPU %.1f us/token (%.0f%% of one CPU over %.1f s; idle before: %.0f%%, above idle: %.1f us/token)\n",
			r.ServerCPUPerTokenUS, r.ServerCPUPercent, r.ServerSeconds, r.ServerIdleCPUPercent, r.ServerCPUAboveIdleUS)
		if r.ServerRanMS > 0 {
			fmt.Fprintf(&b, "  server threads ran %.0f ms and waited %.0f ms for a CPU (run queue) during the round\n",
				r.ServerRanMS, r.ServerRunqWaitMS)
		}
		if r.FloorCPUPerTokenUS > 0 {
			fmt.Fprintf(&b, "  floor: relay CPU %.1f us/token (the server's is %s), load process %.1f us/token\n",
				r.FloorCPUPerTokenUS, ratio(r.ServerCPUPerTokenUS, r.FloorCPUPerTokenUS), r.FloorLoadCPUPerTokenUS)
		}
		fmt.Fprintf(&b, "  load process CPU %.1f us/token (baseline phase %.1f, ratio %s)\n",
			r.LoadCPUPerTokenUS, r.BaseCPUPerTokenUS, ratio(r.LoadCPUPerTokenUS, r.BaseCPUPerTokenUS))
		fmt.Fprintf(&b, "  server RSS %.1f MiB before, %.1f MiB max; %.1f events per answer per subscriber (of %d tokens)\n",
			float64(r.RSSBeforeKiB)/1024, float64(r.RSSMaxKiB)/1024, r.EventsPerReply, r.Tokens)
		fmt.Fprintf(&b, "  checks: lost %d, bad texts %d, bad ends %d, negative %d, stream errors %d, late resets %d\n",
			r.Lost, r.BadText, r.BadEnds, r.Negative, r.StreamErrs, r.LateResets)
		if r.FirstError != "" {
			fmt.Fprintf(&b, "  first error: %s\n", r.FirstError)
		}
		b.WriteString("\n")
	}
	return b.String()
}
