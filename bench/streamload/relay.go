package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"
)

// The floor phase: a hand-written relay, in a process of its own like the
// server, that does the least any server must do per token (read the
// provider's event, decode its JSON, encode a messageStream event, write
// it to each subscriber's WebSocket on the goroutine that read it) and
// nothing else: no database, no GraphQL, no bus, no saving. What it adds
// to the baseline is what one more process between the provider and the
// subscribers costs on this machine at this token rate: a reference for
// the server, which does more per token (though it coalesces the pieces
// queued for a subscriber that falls behind, where the relay writes each).
//
//	streamload relay -provider URL -subscribers N
//
// prints the address it listens on and serves until its standard input
// closes. A subscriber opens ws://ADDR/ws?i=STREAM with graphql-transport-ws
// (connection_init, then one subscribe); once N subscribers of a stream
// have subscribed, the relay opens that stream at the provider ("floor
// rSTREAM").

func relayCmd(args []string) error {
	fs := flag.NewFlagSet("relay", flag.ExitOnError)
	providerURL := fs.String("provider", "", "the fake provider's base URL")
	n := fs.Int("subscribers", 2, "subscribers per stream")
	_ = fs.Parse(args)
	if *providerURL == "" {
		return errors.New("relay: -provider is required")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	r := &relay{provider: *providerURL, n: *n, streams: map[int][]*websocket.Conn{},
		upgrader: websocket.Upgrader{Subprotocols: []string{"graphql-transport-ws"}},
		http:     &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 1000, DisableCompression: true}}}
	srv := &http.Server{Handler: r}
	go srv.Serve(ln)
	fmt.Println(ln.Addr().String())
	_, _ = io.Copy(io.Discard, os.Stdin) // the parent's end
	return nil
}

type relay struct {
	provider string
	n        int
	http     *http.Client
	upgrader websocket.Upgrader

	mu      sync.Mutex
	streams map[int][]*websocket.Conn
}

func (r *relay) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	i, err := strconv.Atoi(req.URL.Query().Get("i"))
	if err != nil || i < 0 {
		http.Error(w, "bad stream", http.StatusBadRequest)
		return
	}
	ws, err := r.upgrader.Upgrade(w, req, nil)
	if err != nil {
		return
	}
	// connection_init, then subscribe: what the subscriber's dial sends.
	for _, want := range []string{`"connection_init"`, `"subscribe"`} {
		_, data, err := ws.ReadMessage()
		if err != nil || !bytes.Contains(data, []byte(want)) {
			_ = ws.Close()
			return
		}
		if want == `"connection_init"` {
			_ = ws.WriteMessage(websocket.TextMessage, []byte(`{"type":"connection_ack"}`))
		}
	}
	r.mu.Lock()
	r.streams[i] = append(r.streams[i], ws)
	subs := r.streams[i]
	r.mu.Unlock()
	if len(subs) == r.n {
		go r.relay(i, subs)
	}
	// The subscriber sends nothing more; its reads end with the socket.
	go func() {
		for {
			if _, _, err := ws.ReadMessage(); err != nil {
				return
			}
		}
	}()
}

// relay reads stream i at the provider and writes each piece to subs as
// a messageStream event, on this goroutine; then the end.
func (r *relay) relay(i int, subs []*websocket.Conn) {
	body, _ := json.Marshal(map[string]any{"model": "fake-small", "stream": true,
		"messages": []any{map[string]string{"role": "user", "content": fmt.Sprintf("floor r%d", i)}}})
	fail := func(why string) {
		fmt.Fprintf(os.Stderr, "relay: stream %d: %s\n", i, why)
		msg := fmt.Appendf(nil, `{"id":"1","type":"error","payload":[{"message":%q}]}`, why)
		for _, ws := range subs {
			_ = ws.WriteMessage(websocket.TextMessage, msg)
		}
	}
	resp, err := r.http.Post(r.provider+"/v1/chat/completions", "application/json", bytes.NewReader(body))
	if err != nil {
		fail(err.Error())
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		fail(fmt.Sprintf("the provider answered %d: %s", resp.StatusCode, b))
		return
	}
	br := bufio.NewReader(resp.Body)
	first := true
	send := func(delta, status string) {
		d, _ := json.Marshal(delta)
		msg := fmt.Appendf(nil, `{"id":"1","type":"next","payload":{"data":{"messageStream":{"messageId":"floor","delta":%s,"status":%q,"reset":%t}}}}`,
			d, status, first)
		first = false
		for _, ws := range subs {
			_ = ws.WriteMessage(websocket.TextMessage, msg)
		}
	}
	for {
		line, err := br.ReadSlice('\n')
		if err != nil {
			fail("the provider's stream ended without [DONE]: " + err.Error())
			return
		}
		if bytes.HasPrefix(line, []byte("data: [DONE]")) {
			send("", "complete")
			return
		}
		if !bytes.HasPrefix(line, []byte("data: {")) {
			continue
		}
		var chunk struct {
			Choices []struct {
				Delta struct {
					Content string `json:"content"`
				} `json:"delta"`
			} `json:"choices"`
		}
		if json.Unmarshal(line[6:], &chunk) != nil {
			continue
		}
		for _, ch := range chunk.Choices {
			if ch.Delta.Content != "" {
				send(ch.Delta.Content, "streaming")
			}
		}
	}
}

// floor measures the phase through the relay: the same provider, streams
// and subscribers as through the server.
func floor(c config, pv *provider, res *Result) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	cmd := exec.Command(exe, "relay", "-provider", pv.url, "-subscribers", strconv.Itoa(c.subscribers))
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return err
	}
	defer func() {
		_ = stdin.Close()
		_ = cmd.Wait()
	}()
	addr, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		return fmt.Errorf("the relay did not start: %w", err)
	}
	addr = strings.TrimSpace(addr)
	pid := cmd.Process.Pid

	p := newPhase("floor", c.replies, c.tokens, c.delay, true)
	var cpuRelay0, cpuLoad0 int64
	p.onRelease = func() { cpuRelay0, cpuLoad0 = cpuTicks(pid), cpuTicks(0) }
	pv.add(p)
	var closing atomic.Bool
	subs := make([]*sub, c.replies*c.subscribers)
	defer closeAll(subs, &closing, false) // also when a dial fails: the others are open
	runtime.GC()
	old := debug.SetGCPercent(-1)
	defer debug.SetGCPercent(old)
	if err := parallel(len(subs), c.workers, func(k int) error {
		th := k / c.subscribers
		ws, err := dial(fmt.Sprintf("ws://%s/ws?i=%d", addr, th), "", []byte(`{"type":"subscribe","id":"1"}`))
		if err != nil {
			return fmt.Errorf("subscriber %d: %w", k, err)
		}
		s := &sub{thread: th, ws: ws, recv: make([]delivery, 0, c.tokens+8), done: make(chan struct{})}
		subs[k] = s
		go s.read(pv.epoch, &closing)
		return nil
	}); err != nil {
		return err
	}
	if err := awaitEnds(subs, 1, c.timeout); err != nil {
		return err
	}
	cpuRelay1, cpuLoad1 := cpuTicks(pid), cpuTicks(0)
	time.Sleep(200 * time.Millisecond) // late or doubled events
	closeAll(subs, &closing, true)
	sent := float64(c.replies * c.tokens)
	tick := 1e6 / float64(c.clkTck)
	res.FloorCPUPerTokenUS = round3(float64(cpuRelay1-cpuRelay0) * tick / sent)
	res.FloorLoadCPUPerTokenUS = round3(float64(cpuLoad1-cpuLoad0) * tick / sent)

	ids := make([]string, c.replies)
	for i := range ids {
		ids[i] = "floor"
	}
	var got Result
	analyseServer(&got, p, subs, ids)
	res.Floor = got.Server
	if n := got.failures(); n > 0 {
		return fmt.Errorf("%d failures through the relay; first: %s", n, got.FirstError)
	}
	return nil
}
