package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"
)

// ---------------------------------------------------------------- GraphQL over HTTP (as bench/wsload)

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

// signIn registers email (or logs in when it exists) and returns the
// session token (the woow_session cookie).
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
	for _, ck := range resp.Cookies() {
		if ck.Name == "woow_session" {
			return ck.Value, nil
		}
	}
	return "", fmt.Errorf("no woow_session cookie for %s", email)
}

// id runs a mutation and picks the id at path (dot-separated) of its data.
func (a *api) id(query string, input map[string]any, path string) (string, error) {
	var data map[string]any
	if _, err := a.do(query, map[string]any{"i": input}, &data); err != nil {
		return "", err
	}
	var cur any = data
	for _, k := range strings.Split(path, ".") {
		m, ok := cur.(map[string]any)
		if !ok {
			return "", fmt.Errorf("no %s in %v", path, data)
		}
		cur = m[k]
	}
	if l, ok := cur.([]any); ok && len(l) > 0 { // replies: the first
		if m, ok := l[0].(map[string]any); ok {
			cur = m["id"]
		}
	}
	s, ok := cur.(string)
	if !ok {
		return "", fmt.Errorf("no %s in %v", path, data)
	}
	return s, nil
}

// ---------------------------------------------------------------- graphql-transport-ws

var (
	pingMsg   = []byte(`"type":"ping"`)
	nextMsg   = []byte(`"type":"next"`)
	streaming = []byte(`"status":"streaming"`)
	pongFrame = []byte(`{"type":"pong"}`)
)

type delivery struct {
	at  time.Duration
	raw []byte
}

// sub is one connection with one messageStream subscription. Its reader
// timestamps each message first and parses nothing (analysis comes after
// the run); it only counts the events that end a message (status other
// than streaming), to know when a round is over.
type sub struct {
	thread int
	ws     *websocket.Conn
	recv   []delivery
	finals atomic.Int64
	err    atomic.Value // string
	done   chan struct{}
}

func dial(url, token string, subscribe []byte) (*websocket.Conn, error) {
	d := websocket.Dialer{Subprotocols: []string{"graphql-transport-ws"}, HandshakeTimeout: 30 * time.Second}
	ws, _, err := d.Dial(url, nil)
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

// awaitEnds waits until every subscriber has seen want ends; an error
// when one's subscription failed, or when timeout passes first.
func awaitEnds(subs []*sub, want int64, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		ok := 0
		for _, s := range subs {
			if e, _ := s.err.Load().(string); e != "" {
				return fmt.Errorf("the subscriber of stream %d: %.300s", s.thread, e)
			}
			if s.finals.Load() >= want {
				ok++
			}
		}
		if ok == len(subs) {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("only %d of %d subscriptions saw the ends within %s", ok, len(subs), timeout)
		}
		time.Sleep(time.Millisecond)
	}
}

// closeAll closes the subscribers' sockets (those dialled: subs may have
// gaps after a failed dial) and, with wait, waits for their readers.
func closeAll(subs []*sub, closing *atomic.Bool, wait bool) {
	closing.Store(true)
	for _, s := range subs {
		if s != nil {
			_ = s.ws.Close()
		}
	}
	for _, s := range subs {
		if s != nil && wait {
			<-s.done
		}
	}
}

func (s *sub) read(epoch time.Time, closing *atomic.Bool) {
	defer close(s.done)
	for {
		_, data, err := s.ws.ReadMessage()
		now := time.Since(epoch)
		if err != nil {
			if !closing.Load() {
				s.err.Store(err.Error())
			}
			return
		}
		switch {
		case bytes.Contains(data, nextMsg):
			s.recv = append(s.recv, delivery{at: now, raw: data})
			if !bytes.Contains(data, streaming) {
				s.finals.Add(1)
			}
		case bytes.Contains(data, pingMsg):
			_ = s.ws.WriteMessage(websocket.TextMessage, pongFrame)
		default:
			s.err.Store(string(data)) // error or complete: the subscription ended
		}
	}
}

// ---------------------------------------------------------------- /proc

func procStatus(pid int, field string) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for line := range strings.Lines(string(b)) {
		if rest, ok := strings.CutPrefix(line, field+":"); ok {
			if f := strings.Fields(rest); len(f) > 0 {
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

// schedstat sums, over pid's threads, the time they ran and the time they
// waited on a run queue (/proc/PID/task/*/schedstat), in ns. Threads that
// exit in between take their counts with them.
func schedstat(pid int) (run, wait int64) {
	if pid <= 0 {
		return 0, 0
	}
	dirs, _ := os.ReadDir(fmt.Sprintf("/proc/%d/task", pid))
	for _, d := range dirs {
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/task/%s/schedstat", pid, d.Name()))
		if err != nil {
			continue
		}
		f := strings.Fields(string(b))
		if len(f) < 2 {
			continue
		}
		r, _ := strconv.ParseInt(f[0], 10, 64)
		w, _ := strconv.ParseInt(f[1], 10, 64)
		run, wait = run+r, wait+w
	}
	return run, wait
}

// parallel runs f(0..n-1) on w workers and returns the first error.
func parallel(n, w int, f func(i int) error) error {
	var next atomic.Int64
	var mu sync.Mutex
	var first error
	var wg sync.WaitGroup
	for range w {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				if err := f(i); err != nil {
					mu.Lock()
					if first == nil {
						first = err
					}
					mu.Unlock()
					return
				}
			}
		}()
	}
	wg.Wait()
	return first
}
