package main

import (
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// provider is the in-process OpenAI-compatible fake: POST
// /v1/chat/completions streams server-sent events, one token per event,
// and records when it wrote each token (the load process's monotonic
// clock, as an offset from epoch).
//
// The request's last message names the phase and the reply: "bench r42".
// A phase with a barrier holds its streams until all of them have arrived,
// then releases them together; stream i starts i*delay/n after the release
// (the streams' token ticks are spread over the delay, as unsynchronised
// answers would be) and writes token k at start + k*delay.
type provider struct {
	epoch time.Time
	url   string
	srv   *http.Server

	mu     sync.Mutex
	phases map[string]*phase
}

type phase struct {
	name    string
	n       int // streams; with barrier, the release waits for all
	barrier bool
	delay   time.Duration
	chunks  [][]byte // pre-encoded SSE events, one per token
	tokens  []string

	arrived   int
	release   chan struct{}
	releaseAt time.Duration
	onRelease func()

	writes   [][]time.Duration // [reply][token] write time
	writeErr []error
	started  []bool
}

func tokenTexts(n int) []string {
	width := max(4, len(strconv.Itoa(n-1)))
	out := make([]string, n)
	for k := range out {
		out[k] = fmt.Sprintf("t%0*d ", width, k)
	}
	return out
}

func newPhase(name string, n, tokens int, delay time.Duration, barrier bool) *phase {
	p := &phase{name: name, n: n, barrier: barrier, delay: delay, tokens: tokenTexts(tokens),
		release: make(chan struct{}), writes: make([][]time.Duration, n), writeErr: make([]error, n), started: make([]bool, n)}
	for i := range p.writes {
		p.writes[i] = make([]time.Duration, tokens)
	}
	for _, tok := range p.tokens {
		chunk, _ := json.Marshal(map[string]any{
			"id": "chatcmpl-bench", "object": "chat.completion.chunk", "model": "fake-small",
			"choices": []any{map[string]any{"index": 0, "delta": map[string]string{"content": tok}}},
		})
		p.chunks = append(p.chunks, []byte("data: "+string(chunk)+"\n\n"))
	}
	return p
}

func (p *phase) expected() string { return strings.Join(p.tokens, "") }

func startProvider(epoch time.Time) (*provider, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	pv := &provider{epoch: epoch, phases: map[string]*phase{}, url: "http://" + ln.Addr().String()}
	pv.srv = &http.Server{Handler: pv}
	go pv.srv.Serve(ln)
	return pv, nil
}

func (pv *provider) add(p *phase) {
	pv.mu.Lock()
	pv.phases[p.name] = p
	pv.mu.Unlock()
}

func (pv *provider) now() time.Duration { return time.Since(pv.epoch) }

func (pv *provider) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.Method == http.MethodGet && strings.HasSuffix(r.URL.Path, "/models"):
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"object":"list","data":[{"id":"fake-small","object":"model"}]}`)
		return
	case r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/chat/completions"):
	default:
		http.Error(w, `{"error":{"message":"no such endpoint"}}`, http.StatusNotFound)
		return
	}
	var req struct {
		Messages []struct {
			Content string `json:"content"`
		} `json:"messages"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil || len(req.Messages) == 0 {
		http.Error(w, `{"error":{"message":"bad request"}}`, http.StatusBadRequest)
		return
	}
	var name string
	var idx int
	if _, err := fmt.Sscanf(req.Messages[len(req.Messages)-1].Content, "%s r%d", &name, &idx); err != nil {
		http.Error(w, `{"error":{"message":"not a bench message"}}`, http.StatusBadRequest)
		return
	}
	pv.mu.Lock()
	p := pv.phases[name]
	if p == nil || idx < 0 || idx >= p.n || p.started[idx] {
		pv.mu.Unlock()
		http.Error(w, `{"error":{"message":"unknown or repeated reply"}}`, http.StatusBadRequest)
		return
	}
	p.started[idx] = true
	p.arrived++
	if !p.barrier || p.arrived == p.n {
		select {
		case <-p.release:
		default:
			p.releaseAt = pv.now()
			if p.onRelease != nil {
				p.onRelease()
			}
			close(p.release)
		}
	}
	pv.mu.Unlock()

	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusOK)
	fl, _ := w.(http.Flusher)
	if fl != nil {
		fl.Flush()
	}
	select {
	case <-p.release:
	case <-r.Context().Done():
		p.writeErr[idx] = r.Context().Err()
		return
	case <-time.After(5 * time.Minute):
		p.writeErr[idx] = fmt.Errorf("barrier: only %d of %d streams arrived", p.arrived, p.n)
		return
	}
	start := pv.now()
	if p.barrier {
		start = p.releaseAt + time.Duration(idx)*p.delay/time.Duration(p.n)
	}
	for k, chunk := range p.chunks {
		at := start + time.Duration(k)*p.delay
		if d := at - pv.now(); d > 0 {
			t := time.NewTimer(d)
			select {
			case <-r.Context().Done():
				t.Stop()
				p.writeErr[idx] = fmt.Errorf("client went away before token %d", k)
				return
			case <-t.C:
			}
		}
		p.writes[idx][k] = pv.now()
		if _, err := w.Write(chunk); err != nil {
			p.writeErr[idx] = fmt.Errorf("token %d: %w", k, err)
			return
		}
		if fl != nil {
			fl.Flush()
		}
	}
	fmt.Fprintf(w, "data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"choices\":[],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":%d,\"total_tokens\":%d}}\n\n", len(p.chunks), len(p.chunks)+1)
	fmt.Fprint(w, "data: [DONE]\n\n")
	if fl != nil {
		fl.Flush()
	}
}
