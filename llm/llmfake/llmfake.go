// Package llmfake is an OpenAI-compatible provider for tests, benchmarks
// and the browser tests: it lists models and streams chat completions as
// server-sent events, the way OpenAI's API does, one piece per token, with
// a delay per token and errors on demand. It runs on loopback; nothing
// leaves the machine.
package llmfake

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Request is a chat completion the fake received.
type Request struct {
	Model    string    `json:"model"`
	Messages []Message `json:"messages"`
	Stream   bool      `json:"stream"`
}

// Message is one message of a Request.
type Message struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

// Last is the content of the request's last message.
func (r Request) Last() string {
	if len(r.Messages) == 0 {
		return ""
	}
	return r.Messages[len(r.Messages)-1].Content
}

// Script is how the fake answers one request.
type Script struct {
	// Tokens are sent one per event.
	Tokens []string
	// Delay is waited before each token.
	Delay time.Duration
	// Status, when not 0 or 200, refuses the request with Error as the
	// message, as OpenAI's API does.
	Status int
	Error  string
}

// Fake is the provider. Its zero value is not usable: call New or Start.
type Fake struct {
	// Reply decides the answer to a request (default: Directives).
	Reply func(Request) Script
	// Key, when set, is the API key the fake demands.
	Key string

	mu       sync.Mutex
	requests []Request
	// cut counts the answers whose client went away before their end.
	cut int
	// started is signalled at each answer's first token.
	started chan Request
}

// New returns a fake answering with Directives.
func New() *Fake {
	return &Fake{Reply: Directives, started: make(chan Request, 1024)}
}

// Start serves a new fake on a loopback port until the test ends; its
// base URL is returned with it.
func Start(t interface {
	Cleanup(func())
}) (*Fake, string) {
	f := New()
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	return f, srv.URL + "/v1"
}

// Requests are the chat completions received so far.
func (f *Fake) Requests() []Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]Request(nil), f.requests...)
}

// Cut is how many answers were cut off by their client (a cancel).
func (f *Fake) Cut() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.cut
}

// Started receives each request as its answer begins.
func (f *Fake) Started() <-chan Request { return f.started }

// ServeHTTP answers GET /v1/models and POST /v1/chat/completions.
func (f *Fake) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if f.Key != "" && r.Header.Get("Authorization") != "Bearer "+f.Key {
		fail(w, http.StatusUnauthorized, "Incorrect API key provided")
		return
	}
	switch {
	case r.Method == http.MethodGet && strings.HasSuffix(r.URL.Path, "/models"):
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"object":"list","data":[{"id":"fake-small","object":"model"},{"id":"fake-large","object":"model"}]}`)
	case r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/chat/completions"):
		f.chat(w, r)
	default:
		fail(w, http.StatusNotFound, "no such endpoint")
	}
}

func (f *Fake) chat(w http.ResponseWriter, r *http.Request) {
	var req Request
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 8<<20)).Decode(&req); err != nil {
		fail(w, http.StatusBadRequest, "invalid JSON: "+err.Error())
		return
	}
	f.mu.Lock()
	f.requests = append(f.requests, req)
	reply := f.Reply
	f.mu.Unlock()
	sc := reply(req)
	if sc.Status != 0 && sc.Status != http.StatusOK {
		fail(w, sc.Status, sc.Error)
		return
	}
	if !req.Stream {
		fail(w, http.StatusBadRequest, "this fake only streams")
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusOK)
	flush := func() {
		if fl, ok := w.(http.Flusher); ok {
			fl.Flush()
		}
	}
	flush()
	select {
	case f.started <- req:
	default:
	}
	for _, tok := range sc.Tokens {
		if sc.Delay > 0 {
			t := time.NewTimer(sc.Delay)
			select {
			case <-r.Context().Done():
				t.Stop()
				f.mu.Lock()
				f.cut++
				f.mu.Unlock()
				return
			case <-t.C:
			}
		}
		chunk, _ := json.Marshal(map[string]any{
			"id": "chatcmpl-fake", "object": "chat.completion.chunk", "model": req.Model,
			"choices": []any{map[string]any{"index": 0, "delta": map[string]string{"content": tok}}},
		})
		if _, err := fmt.Fprintf(w, "data: %s\n\n", chunk); err != nil {
			f.mu.Lock()
			f.cut++
			f.mu.Unlock()
			return
		}
		flush()
	}
	prompt := 0
	for _, m := range req.Messages {
		prompt += len(strings.Fields(m.Content))
	}
	fmt.Fprintf(w, "data: {\"id\":\"chatcmpl-fake\",\"object\":\"chat.completion.chunk\",\"choices\":[],\"usage\":{\"prompt_tokens\":%d,\"completion_tokens\":%d,\"total_tokens\":%d}}\n\n",
		prompt, len(sc.Tokens), prompt+len(sc.Tokens))
	fmt.Fprint(w, "data: [DONE]\n\n")
	flush()
}

func fail(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	body, _ := json.Marshal(map[string]any{"error": map[string]any{"message": msg, "type": "server_error"}})
	w.Write(body)
}

// Directives answers from the last message's words, so that a person or
// a browser test can steer the fake:
//
//   - "fail 503 provider overloaded" is refused with that status and
//     message;
//   - "slow" sends each token after 150 ms ("slow 20": 20 ms);
//   - "count 40" answers with that many numbered words;
//
// and otherwise the answer is "You said: " and the message, word by word.
func Directives(req Request) Script {
	words := strings.Fields(req.Last())
	sc := Script{}
	for i := 0; i < len(words); i++ {
		switch words[i] {
		case "fail":
			sc.Status, sc.Error = http.StatusServiceUnavailable, "provider overloaded"
			if i+1 < len(words) {
				if n, err := strconv.Atoi(words[i+1]); err == nil && n >= 400 && n < 600 {
					sc.Status = n
					if rest := strings.Join(words[i+2:], " "); rest != "" {
						sc.Error = rest
					}
				}
			}
			return sc
		case "slow":
			sc.Delay = 150 * time.Millisecond
			if i+1 < len(words) {
				if n, err := strconv.Atoi(words[i+1]); err == nil && n >= 0 && n <= 5000 {
					sc.Delay = time.Duration(n) * time.Millisecond
				}
			}
		case "count":
			if i+1 < len(words) {
				if n, err := strconv.Atoi(words[i+1]); err == nil && n > 0 && n <= 100000 {
					for k := 1; k <= n; k++ {
						sc.Tokens = append(sc.Tokens, fmt.Sprintf("w%d ", k))
					}
				}
			}
		}
	}
	if sc.Tokens == nil {
		sc.Tokens = append(sc.Tokens, "You said:")
		for _, w := range words {
			sc.Tokens = append(sc.Tokens, " "+w)
		}
	}
	return sc
}
