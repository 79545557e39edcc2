package gqlserver

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

// logBuffer collects the server's log lines; slog handlers write from many
// goroutines.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// newTestServer runs New on the test schema behind a real listener on
// 127.0.0.1 and returns it with its log.
func newTestServer(tb testing.TB, opts Options) (*httptest.Server, *logBuffer) {
	tb.Helper()
	logs := &logBuffer{}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	ts := httptest.NewServer(New(newTestSchema(), opts))
	tb.Cleanup(ts.Close)
	return ts, logs
}

type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

type gqlResponse struct {
	Data   json.RawMessage `json:"data"`
	Errors []gqlError      `json:"errors"`
	raw    string
}

func (r gqlResponse) hasData() bool { return len(r.Data) != 0 && string(r.Data) != "null" }

// code is the extensions.code of the only error of r.
func (r gqlResponse) code(tb testing.TB) string {
	tb.Helper()
	if len(r.Errors) != 1 {
		tb.Fatalf("want exactly one error, got %s", r.raw)
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

var httpClient = &http.Client{Timeout: 10 * time.Second}

func do(tb testing.TB, req *http.Request) (int, gqlResponse) {
	tb.Helper()
	resp, err := httpClient.Do(req)
	if err != nil {
		tb.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatal(err)
	}
	out := gqlResponse{raw: string(b)}
	if err := json.Unmarshal(b, &out); err != nil {
		tb.Fatalf("response %d is not JSON: %q", resp.StatusCode, b)
	}
	return resp.StatusCode, out
}

// post sends body (a string, or anything else as JSON) as application/json.
func post(tb testing.TB, ts *httptest.Server, body any) (int, gqlResponse) {
	tb.Helper()
	s, ok := body.(string)
	if !ok {
		b, err := json.Marshal(body)
		if err != nil {
			tb.Fatal(err)
		}
		s = string(b)
	}
	req, err := http.NewRequest(http.MethodPost, ts.URL, strings.NewReader(s))
	if err != nil {
		tb.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	return do(tb, req)
}

func query(tb testing.TB, ts *httptest.Server, q string) (int, gqlResponse) {
	tb.Helper()
	return post(tb, ts, map[string]any{"query": q})
}

func get(tb testing.TB, ts *httptest.Server, params url.Values) (int, gqlResponse) {
	tb.Helper()
	req, err := http.NewRequest(http.MethodGet, ts.URL+"?"+params.Encode(), nil)
	if err != nil {
		tb.Fatal(err)
	}
	return do(tb, req)
}

func wantData(tb testing.TB, status int, r gqlResponse, want string) {
	tb.Helper()
	if status != http.StatusOK || len(r.Errors) != 0 {
		tb.Fatalf("want 200 without errors, got %d %s", status, r.raw)
	}
	var got, exp any
	if err := json.Unmarshal(r.Data, &got); err != nil {
		tb.Fatal(err)
	}
	if err := json.Unmarshal([]byte(want), &exp); err != nil {
		tb.Fatal(err)
	}
	g, _ := json.Marshal(got)
	e, _ := json.Marshal(exp)
	if !bytes.Equal(g, e) {
		tb.Fatalf("data = %s, want %s", g, e)
	}
}

func wantError(tb testing.TB, status int, r gqlResponse, wantStatus int, wantCode, wantMessage string) {
	tb.Helper()
	if status != wantStatus {
		tb.Fatalf("status = %d, want %d (%s)", status, wantStatus, r.raw)
	}
	if c := r.code(tb); c != wantCode {
		tb.Fatalf("code = %q, want %q (%s)", c, wantCode, r.raw)
	}
	if wantMessage != "" && r.Errors[0].Message != wantMessage {
		tb.Fatalf("message = %q, want %q", r.Errors[0].Message, wantMessage)
	}
}

// wantRequestError checks the response to a request error (the operation
// never ran) sent as application/json, as every test client here does:
// 200, the code and message, and no data entry (transport.go).
func wantRequestError(tb testing.TB, status int, r gqlResponse, wantCode, wantMessage string) {
	tb.Helper()
	wantError(tb, status, r, http.StatusOK, wantCode, wantMessage)
	if hasDataEntry(r.raw) {
		tb.Fatalf("a request error with a data entry: %s", r.raw)
	}
}

// hasDataEntry reports whether the JSON object body has a "data" key,
// even a null one.
func hasDataEntry(body string) bool {
	var m map[string]json.RawMessage
	_ = json.Unmarshal([]byte(body), &m)
	_, ok := m["data"]
	return ok
}

func TestPOSTQuery(t *testing.T) {
	ts, _ := newTestServer(t, Options{})

	status, r := query(t, ts, `{ name echo(msg: "hi") }`)
	wantData(t, status, r, `{"name":"test","echo":"hi"}`)

	status, r = post(t, ts, map[string]any{
		"query":     `query Echo($m: String!) { echo(msg: $m) }`,
		"variables": map[string]any{"m": "from variables"},
	})
	wantData(t, status, r, `{"echo":"from variables"}`)

	status, r = query(t, ts, `mutation { setName(name: "x") }`)
	wantData(t, status, r, `{"setName":"x"}`)
}

func TestGETQueryOnly(t *testing.T) {
	ts, _ := newTestServer(t, Options{})

	status, r := get(t, ts, url.Values{"query": {`query($m: String!) { echo(msg: $m) }`}, "variables": {`{"m":"get"}`}})
	wantData(t, status, r, `{"echo":"get"}`)

	status, r = get(t, ts, url.Values{"query": {`mutation { setName(name: "x") }`}})
	wantError(t, status, r, http.StatusMethodNotAllowed, CodeMethodNotAllowed, "only queries may be sent with GET: send mutations with POST")
	if r.hasData() {
		t.Fatalf("mutation over GET: %s", r.raw)
	}
}

// Only JSON POSTs reach the executor: a form or text/plain POST is what a
// cross-site page can send without a CORS preflight.
func TestPOSTRequiresJSON(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	for _, ct := range []string{"application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x"} {
		req, _ := http.NewRequest(http.MethodPost, ts.URL, strings.NewReader(`{"query":"mutation { setName(name: \"csrf\") }"}`))
		req.Header.Set("Content-Type", ct)
		status, r := do(t, req)
		wantError(t, status, r, http.StatusUnsupportedMediaType, CodeUnsupportedMediaType, "Content-Type must be application/json")
		if r.hasData() {
			t.Errorf("%s: %s", ct, r.raw)
		}
	}
}

func TestOversizedBody(t *testing.T) {
	ts, _ := newTestServer(t, Options{MaxBodyBytes: 1024})
	big := `{"query":"{ name }","variables":{"pad":"` + strings.Repeat("x", 4096) + `"}}`

	t.Run("content-length", func(t *testing.T) {
		status, r := post(t, ts, big)
		wantError(t, status, r, http.StatusRequestEntityTooLarge, CodePayloadTooLarge, "request body too large")
	})
	t.Run("chunked", func(t *testing.T) {
		// No Content-Length: the limit must trip while reading.
		req, _ := http.NewRequest(http.MethodPost, ts.URL, io.MultiReader(strings.NewReader(big)))
		req.Header.Set("Content-Type", "application/json")
		if req.ContentLength != 0 && req.ContentLength != -1 {
			t.Fatalf("request has a length: %d", req.ContentLength)
		}
		start := time.Now()
		status, r := do(t, req)
		wantError(t, status, r, http.StatusRequestEntityTooLarge, CodePayloadTooLarge, "")
		if d := time.Since(start); d > 5*time.Second {
			t.Fatalf("took %s", d)
		}
	})
	t.Run("at the limit", func(t *testing.T) {
		body := `{"query":"{ name }","variables":{"pad":"`
		body += strings.Repeat("x", 1024-len(body)-3) + `"}}`
		if len(body) != 1024 {
			t.Fatalf("len %d", len(body))
		}
		status, r := post(t, ts, body)
		wantData(t, status, r, `{"name":"test"}`)
	})
}

// A body that is not a GraphQL JSON request is refused before gqlgen, which
// would quote it back (and, for SSE, log it).
func TestMalformedBody(t *testing.T) {
	ts, logs := newTestServer(t, Options{})
	for _, body := range []string{`not json s3cr3t`, `{"query": 5, "variables": {"password": "s3cr3t"}}`, `["s3cr3t"]`} {
		status, r := post(t, ts, body)
		wantError(t, status, r, http.StatusBadRequest, CodeBadRequest, "request body is not a GraphQL JSON request")
		if strings.Contains(r.raw, "s3cr3t") {
			t.Errorf("response quotes the body: %s", r.raw)
		}
	}
	// The same over SSE.
	req, _ := http.NewRequest(http.MethodPost, ts.URL, strings.NewReader(`{"query": 5, "variables": {"password": "s3cr3t"}}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "text/event-stream")
	status, r := do(t, req)
	wantError(t, status, r, http.StatusBadRequest, CodeBadRequest, "")
	if strings.Contains(logs.String(), "s3cr3t") {
		t.Errorf("log quotes the body: %s", logs)
	}
}

func TestSSESubscription(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	req, _ := http.NewRequest(http.MethodPost, ts.URL, strings.NewReader(`{"query":"subscription { ticks(n: 2) }"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "text/event-stream")
	resp, err := httpClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("content type %q", ct)
	}
	want := "event: next\ndata: {\"data\":{\"ticks\":1}}\n\nevent: next\ndata: {\"data\":{\"ticks\":2}}\n\nevent: complete\n\n"
	if !strings.HasSuffix(string(b), want) {
		t.Fatalf("stream = %q", b)
	}
}

// Clients such as urql accept JSON and text/event-stream on every request.
// Only subscriptions may stream: a query or mutation answered as SSE would
// have its headers (a login's cookie) sent before the resolver runs.
func TestSSEOnlyForSubscriptions(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	const both = "application/graphql-response+json, application/json, text/event-stream"
	for _, tc := range []struct {
		name, body, accept, wantType string
	}{
		{"query", `{"query":"{ name }"}`, both, "application/json"},
		{"mutation", `{"query":"mutation { setName(name: \"x\") }"}`, both, "application/json"},
		{"named mutation among operations", `{"query":"subscription S { ticks(n: 1) } mutation M { setName(name: \"x\") }","operationName":"M"}`, both, "application/json"},
		{"subscription", `{"query":"subscription { ticks(n: 1) }"}`, both, "text/event-stream"},
		{"named subscription among operations", `{"query":"mutation M { setName(name: \"x\") } subscription S { ticks(n: 1) }","operationName":"S"}`, both, "text/event-stream"},
		{"mutation, SSE only", `{"query":"mutation { setName(name: \"x\") }"}`, "text/event-stream", "application/json"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest(http.MethodPost, ts.URL, strings.NewReader(tc.body))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Accept", tc.accept)
			resp, err := httpClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, tc.wantType) {
				t.Fatalf("content type %q, want %s (body %s)", ct, tc.wantType, b)
			}
		})
	}
}

func TestDepthLimit(t *testing.T) {
	ts, _ := newTestServer(t, Options{MaxDepth: 3})

	status, r := query(t, ts, `{ node { child { id } } }`)
	wantData(t, status, r, `{"node":{"child":{"id":"1"}}}`)

	for name, q := range map[string]string{
		"fields":          `{ node { child { child { id } } } }`,
		"fragment":        `{ node { ...F } } fragment F on Node { child { child { id } } }`,
		"inline fragment": `{ node { ... on Node { child { ... { child { name } } } } } }`,
		"nested fragment": `{ name node { ...A } } fragment A on Node { id child { ...B } } fragment B on Node { child { id } }`,
	} {
		t.Run(name, func(t *testing.T) {
			status, r := query(t, ts, q)
			wantRequestError(t, status, r, CodeDepthLimit,
				"operation has depth 4, which exceeds the limit of 3")
		})
	}
}

func TestAliasLimit(t *testing.T) {
	ts, _ := newTestServer(t, Options{MaxAliases: 3})

	status, r := query(t, ts, `{ a: name b: name c: name name }`)
	wantData(t, status, r, `{"a":"test","b":"test","c":"test","name":"test"}`)

	for name, q := range map[string]string{
		"fields": `{ a: name b: name c: name d: name }`,
		"nested": `{ a: name n: node { b: id c: id } }`,
		// Two aliases in a fragment spread twice are four executed aliases.
		"fragment spread twice": `{ node { ...F child { ...F } } } fragment F on Node { x: id y: name }`,
	} {
		t.Run(name, func(t *testing.T) {
			status, r := query(t, ts, q)
			wantRequestError(t, status, r, CodeAliasLimit,
				"operation has 4 aliases, which exceeds the limit of 3")
		})
	}
}

func TestComplexityLimit(t *testing.T) {
	ts, _ := newTestServer(t, Options{MaxComplexity: 100})

	status, r := query(t, ts, `{ heavy(n: 99) }`)
	wantData(t, status, r, `{"heavy":99}`)

	// A request error (no data entry) because this package makes the
	// refusal one (see requestError); gqlgen's own ComplexityLimit runs
	// nothing either, but answers "data": null.
	status, r = query(t, ts, `{ heavy(n: 101) }`)
	wantRequestError(t, status, r, "COMPLEXITY_LIMIT_EXCEEDED",
		"operation has complexity 101, which exceeds the limit of 100")
}

func TestParserTokenLimit(t *testing.T) {
	ts, _ := newTestServer(t, Options{ParserTokenLimit: 20})
	status, r := query(t, ts, `{ name }`)
	wantData(t, status, r, `{"name":"test"}`)

	status, r = query(t, ts, "{"+strings.Repeat(" name", 30)+" }")
	wantRequestError(t, status, r, "GRAPHQL_PARSE_FAILED", "")
}

func TestAPQ(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	const q = `{ echo(msg: "persisted") }`
	sum := sha256.Sum256([]byte(q))
	ext := map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hex.EncodeToString(sum[:])}}

	status, r := post(t, ts, map[string]any{"extensions": ext})
	wantError(t, status, r, http.StatusOK, "PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound")

	status, r = post(t, ts, map[string]any{"query": q, "extensions": ext})
	wantData(t, status, r, `{"echo":"persisted"}`)

	status, r = post(t, ts, map[string]any{"extensions": ext})
	wantData(t, status, r, `{"echo":"persisted"}`)

	extJSON, _ := json.Marshal(ext)
	status, r = get(t, ts, url.Values{"extensions": {string(extJSON)}})
	wantData(t, status, r, `{"echo":"persisted"}`)

	bad := map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": strings.Repeat("0", 64)}}
	status, r = post(t, ts, map[string]any{"query": q, "extensions": bad})
	wantRequestError(t, status, r, CodeBadRequest, "provided APQ hash does not match query")
}

func TestIntrospection(t *testing.T) {
	const typo = `{ nam }`
	t.Run("on", func(t *testing.T) {
		ts, _ := newTestServer(t, Options{Introspection: true})
		status, r := query(t, ts, `{ __schema { queryType { name } } }`)
		wantData(t, status, r, `{"__schema":{"queryType":{"name":"Query"}}}`)

		status, r = query(t, ts, typo)
		wantRequestError(t, status, r, "GRAPHQL_VALIDATION_FAILED",
			`Cannot query field "nam" on type "Query". Did you mean "name"?`)
	})
	t.Run("off", func(t *testing.T) {
		ts, _ := newTestServer(t, Options{})
		_, r := query(t, ts, `{ __schema { queryType { name } } }`)
		if len(r.Errors) != 1 || r.Errors[0].Message != "introspection disabled" {
			t.Fatalf("introspection answered: %s", r.raw)
		}
		// No suggestions: they would reveal the schema.
		status, r := query(t, ts, typo)
		wantRequestError(t, status, r, "GRAPHQL_VALIDATION_FAILED",
			`Cannot query field "nam" on type "Query".`)
	})
}

// The presenter wired into a real request: what the client sees and what is
// logged, for each kind of resolver error.
func TestResolverErrors(t *testing.T) {
	ts, logs := newTestServer(t, Options{Classify: classifyForeign})
	for _, tc := range []struct {
		kind, code, message, field string
		logged                     string
	}{
		{kind: "notfound", code: "NOT_FOUND", message: "project not found"},
		{kind: "field", code: "BAD_USER_INPUT", message: "is not a valid address", field: "email"},
		{kind: "foreign", code: "NOT_FOUND", message: "not found"},
		{kind: "gql", code: "", message: "deliberate graphql error"},
		{kind: "input", code: "BAD_USER_INPUT", message: "invalid value for when", field: "when"},
		{kind: "plain", code: "INTERNAL", message: "internal error", logged: "pq: password authentication failed for user admin"},
		{kind: "internal-domain", code: "INTERNAL", message: "internal error", logged: "db pool exhausted"},
		{kind: "panic", code: "INTERNAL", message: "internal error", logged: "boom: runtime internals"},
	} {
		t.Run(tc.kind, func(t *testing.T) {
			status, r := post(t, ts, map[string]any{
				"query":         `query Failing($k: String!, $pw: String!) { name fail(kind: $k) echo(msg: $pw) }`,
				"operationName": "Failing",
				"variables":     map[string]any{"k": tc.kind, "pw": "hunter2-variable"},
			})
			if status != http.StatusOK {
				t.Fatalf("status %d", status)
			}
			if c := r.code(t); c != tc.code {
				t.Fatalf("code = %q, want %q: %s", c, tc.code, r.raw)
			}
			e := r.Errors[0]
			if e.Message != tc.message {
				t.Fatalf("message = %q, want %q", e.Message, tc.message)
			}
			if f, _ := e.Extensions["field"].(string); f != tc.field {
				t.Fatalf("field = %q, want %q", f, tc.field)
			}
			if len(e.Path) == 0 || e.Path[0] != "fail" {
				t.Fatalf("path = %v", e.Path)
			}
			// The other fields still resolve.
			if !strings.Contains(string(r.Data), `"name":"test"`) {
				t.Fatalf("data = %s", r.Data)
			}
			log := logs.String()
			if tc.logged != "" {
				if !strings.Contains(log, tc.logged) || !strings.Contains(log, "operation=Failing") {
					t.Fatalf("not logged: %q in %s", tc.logged, log)
				}
				if strings.Contains(r.raw, tc.logged) {
					t.Fatalf("internal message leaked to the client: %s", r.raw)
				}
			}
			if strings.Contains(log, "hunter2") {
				t.Fatalf("variables logged: %s", log)
			}
		})
	}
	if !strings.Contains(logs.String(), "stack=") {
		t.Fatalf("panic logged without stack")
	}
}

func TestUnsupportedUpgrade(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	req, _ := http.NewRequest(http.MethodPost, ts.URL, strings.NewReader(`{"query":"{ name }"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Connection", "Upgrade")
	req.Header.Set("Upgrade", "h2c")
	status, r := do(t, req)
	wantError(t, status, r, http.StatusBadRequest, CodeBadRequest, "only WebSocket upgrades are supported")
}
