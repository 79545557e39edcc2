package gqlserver

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql/errcode"

	"github.com/woowtech/woow-paas/errs"
)

// noFlusher hides the recorder's Flush, as a careless middleware would.
type noFlusher struct{ w http.ResponseWriter }

func (n noFlusher) Header() http.Header         { return n.w.Header() }
func (n noFlusher) Write(b []byte) (int, error) { return n.w.Write(b) }
func (n noFlusher) WriteHeader(status int)      { n.w.WriteHeader(status) }

// Every error response, whoever writes it (this package, gqlgen's transports
// and handler, its extensions), is JSON whose errors all have an
// extensions.code. gqlgen alone answers several of these requests with a
// bare message (406 for a mutation over GET, "transport not supported", ...).
func TestHTTPErrorsHaveCodes(t *testing.T) {
	const persistedMutation = `mutation { setName(name: "persisted") }`
	sum := sha256.Sum256([]byte(persistedMutation))
	pmHash := hex.EncodeToString(sum[:])
	apq := func(hash string, version int) string {
		b, _ := json.Marshal(map[string]any{"persistedQuery": map[string]any{"version": version, "sha256Hash": hash}})
		return string(b)
	}
	q := func(kv ...string) string {
		v := url.Values{}
		for i := 0; i < len(kv); i += 2 {
			v.Set(kv[i], kv[i+1])
		}
		return "/graphql?" + v.Encode()
	}

	for _, tc := range []struct {
		name        string
		method      string
		target      string // path and query
		contentType string
		header      map[string]string
		body        string
		noFlush     bool
		status      int
		code        string
		allow       string
	}{
		// Methods and media types no transport takes ("transport not
		// supported" from gqlgen).
		{name: "PUT", method: "PUT", target: "/graphql", contentType: "application/json", body: `{"query":"{ name }"}`, status: 405, code: CodeMethodNotAllowed, allow: "GET, POST"},
		{name: "DELETE", method: "DELETE", target: "/graphql", status: 405, code: CodeMethodNotAllowed, allow: "GET, POST"},
		{name: "PATCH", method: "PATCH", target: "/graphql", contentType: "application/json", body: `{}`, status: 405, code: CodeMethodNotAllowed, allow: "GET, POST"},
		{name: "OPTIONS", method: "OPTIONS", target: "/graphql", status: 405, code: CodeMethodNotAllowed, allow: "GET, POST"},
		{name: "HEAD", method: "HEAD", target: q("query", "{ name }"), status: 405, code: CodeMethodNotAllowed, allow: "GET, POST"},
		{name: "POST text/plain", method: "POST", target: "/graphql", contentType: "text/plain", body: `{"query":"{ name }"}`, status: 415, code: CodeUnsupportedMediaType},
		{name: "POST form", method: "POST", target: "/graphql", contentType: "application/x-www-form-urlencoded", body: `query=%7B+name+%7D`, status: 415, code: CodeUnsupportedMediaType},
		{name: "POST multipart", method: "POST", target: "/graphql", contentType: "multipart/form-data; boundary=x", body: `--x--`, status: 415, code: CodeUnsupportedMediaType},
		{name: "POST application/graphql", method: "POST", target: "/graphql", contentType: "application/graphql", body: `{ name }`, status: 415, code: CodeUnsupportedMediaType},
		{name: "POST without Content-Type", method: "POST", target: "/graphql", body: `{"query":"{ name }"}`, status: 415, code: CodeUnsupportedMediaType},
		{name: "POST malformed Content-Type", method: "POST", target: "/graphql", contentType: "application/json; charset", body: `{"query":"{ name }"}`, status: 415, code: CodeUnsupportedMediaType},

		// POST bodies.
		{name: "POST not JSON", method: "POST", target: "/graphql", contentType: "application/json", body: `{"query":`, status: 400, code: CodeBadRequest},
		{name: "POST variables not an object", method: "POST", target: "/graphql", contentType: "application/json", body: `{"query":"{ name }","variables":[1]}`, status: 400, code: CodeBadRequest},
		{name: "POST too large", method: "POST", target: "/graphql", contentType: "application/json", body: `{"query":"{ name }","pad":"` + strings.Repeat("x", 2048) + `"}`, status: 413, code: CodePayloadTooLarge},
		{name: "POST without query", method: "POST", target: "/graphql", contentType: "application/json", body: `{}`, status: 400, code: CodeBadRequest},
		{name: "POST query misspelt", method: "POST", target: "/graphql", contentType: "application/json", body: `{"qeury":"{ name }"}`, status: 400, code: CodeBadRequest},
		{name: "POST syntax error", method: "POST", target: "/graphql", contentType: "application/json", body: `{"query":"{ name"}`, status: 200, code: errcode.ParseFailed},
		{name: "POST missing variable", method: "POST", target: "/graphql", contentType: "application/json", body: `{"query":"query($m: String!) { echo(msg: $m) }"}`, status: 200, code: errcode.ValidationFailed},
		{name: "POST unknown operation", method: "POST", target: "/graphql", contentType: "application/json", body: `{"query":"query A { name }","operationName":"B"}`, status: 200, code: errcode.ValidationFailed},
		{name: "POST SSE without Flusher", method: "POST", target: "/graphql", contentType: "application/json", header: map[string]string{"Accept": "text/event-stream"}, body: `{"query":"subscription { ticks(n: 1) }"}`, noFlush: true, status: 500, code: string(errs.Internal)},

		// Persisted queries: gqlgen's APQ extension leaves these without a code.
		{name: "APQ unknown hash", method: "POST", target: "/graphql", contentType: "application/json", body: `{"extensions":` + apq(strings.Repeat("0", 64), 1) + `}`, status: 200, code: "PERSISTED_QUERY_NOT_FOUND"},
		{name: "APQ wrong hash", method: "POST", target: "/graphql", contentType: "application/json", body: `{"query":"{ name }","extensions":` + apq(strings.Repeat("0", 64), 1) + `}`, status: 200, code: CodeBadRequest},
		{name: "APQ wrong version", method: "POST", target: "/graphql", contentType: "application/json", body: `{"query":"{ name }","extensions":` + apq(strings.Repeat("0", 64), 2) + `}`, status: 200, code: CodeBadRequest},
		{name: "APQ malformed", method: "POST", target: "/graphql", contentType: "application/json", body: `{"query":"{ name }","extensions":{"persistedQuery":"yes"}}`, status: 200, code: CodeBadRequest},

		// GET.
		{name: "GET mutation", method: "GET", target: q("query", `mutation { setName(name: "x") }`), status: 405, code: CodeMethodNotAllowed, allow: "POST"},
		{name: "GET subscription", method: "GET", target: q("query", `subscription { ticks(n: 1) }`), status: 405, code: CodeMethodNotAllowed, allow: "POST"},
		{name: "GET named mutation", method: "GET", target: q("query", `query Q { name } mutation M { setName(name: "x") }`, "operationName", "M"), status: 405, code: CodeMethodNotAllowed, allow: "POST"},
		{name: "GET persisted mutation by hash", method: "GET", target: q("extensions", apq(pmHash, 1)), status: 405, code: CodeMethodNotAllowed, allow: "POST"},
		{name: "GET variables not JSON", method: "GET", target: q("query", `query($m: String!) { echo(msg: $m) }`, "variables", `{"m":`), status: 400, code: CodeBadRequest},
		{name: "GET variables not an object", method: "GET", target: q("query", `{ name }`, "variables", `["x"]`), status: 400, code: CodeBadRequest},
		{name: "GET extensions not JSON", method: "GET", target: q("query", `{ name }`, "extensions", `{`), status: 400, code: CodeBadRequest},
		{name: "GET malformed query string", method: "GET", target: "/graphql?query=%7B+name+%7D&x=%zz", status: 400, code: CodeBadRequest},
		{name: "GET semicolon in query string", method: "GET", target: "/graphql?query=%7B+name+%7D;x=1", status: 400, code: CodeBadRequest},
		{name: "GET without query", method: "GET", target: "/graphql", status: 400, code: CodeBadRequest},
		{name: "GET syntax error", method: "GET", target: q("query", `{ name`), status: 200, code: errcode.ParseFailed},
		{name: "GET unknown persisted query", method: "GET", target: q("extensions", apq(strings.Repeat("1", 64), 1)), status: 200, code: "PERSISTED_QUERY_NOT_FOUND"},

		// Upgrades.
		{name: "upgrade h2c", method: "GET", target: "/graphql", header: map[string]string{"Connection": "Upgrade", "Upgrade": "h2c"}, status: 400, code: CodeBadRequest},
		{name: "WebSocket upgrade by POST", method: "POST", target: "/graphql", header: map[string]string{"Connection": "Upgrade", "Upgrade": "websocket", "Sec-WebSocket-Protocol": graphqlTransportWS}, status: 405, code: CodeMethodNotAllowed, allow: "GET"},
		{name: "WebSocket without subprotocol", method: "GET", target: "/graphql", header: map[string]string{"Connection": "Upgrade", "Upgrade": "websocket", "Sec-WebSocket-Version": "13", "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ=="}, status: 400, code: CodeBadRequest},
		{name: "WebSocket from another origin", method: "GET", target: "/graphql", header: map[string]string{"Connection": "Upgrade", "Upgrade": "websocket", "Origin": "https://evil.example"}, status: 403, code: string(errs.Forbidden)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := New(newTestSchema(), Options{MaxBodyBytes: 1024, Logger: slog.New(slog.DiscardHandler)})
			// Persist the mutation, as a client would have by POST.
			if w := postRecordedExt(h, persistedMutation, apq(pmHash, 1)); w.Code != http.StatusOK {
				t.Fatalf("persisting: %d %s", w.Code, w.Body)
			}

			r := httptest.NewRequest(tc.method, tc.target, strings.NewReader(tc.body))
			if tc.contentType != "" {
				r.Header.Set("Content-Type", tc.contentType)
			}
			for k, v := range tc.header {
				r.Header.Set(k, v)
			}
			rec := httptest.NewRecorder()
			var w http.ResponseWriter = rec
			if tc.noFlush {
				w = noFlusher{rec}
			}
			h.ServeHTTP(w, r)

			if rec.Code != tc.status {
				t.Errorf("status = %d, want %d (%s)", rec.Code, tc.status, rec.Body)
			}
			if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type = %q", ct)
			}
			if allow := rec.Header().Get("Allow"); allow != tc.allow {
				t.Errorf("Allow = %q, want %q", allow, tc.allow)
			}
			var body struct {
				Errors []gqlError `json:"errors"`
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
				t.Fatalf("body is not JSON: %q", rec.Body)
			}
			if len(body.Errors) == 0 {
				t.Fatalf("no errors: %s", rec.Body)
			}
			for _, e := range body.Errors {
				if c, _ := e.Extensions["code"].(string); c == "" || e.Message == "" {
					t.Errorf("error without code or message: %s", rec.Body)
				}
			}
			if c, _ := body.Errors[0].Extensions["code"].(string); c != tc.code {
				t.Errorf("code = %q, want %q (%s)", c, tc.code, rec.Body)
			}
			if hasDataEntry(rec.Body.String()) {
				t.Errorf("a data entry: %s", rec.Body)
			}
		})
	}
}

// postRecordedExt POSTs query with the given extensions (JSON).
func postRecordedExt(h http.Handler, query, extensions string) *httptest.ResponseRecorder {
	body, _ := json.Marshal(map[string]any{"query": query, "extensions": json.RawMessage(extensions)})
	r := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(string(body)))
	r.Header.Set("Content-Type", "application/json")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// A GET query still works, persisted ones included, and a query among other
// operations may be chosen by name.
func TestGETQueries(t *testing.T) {
	h := New(newTestSchema(), Options{Logger: slog.New(slog.DiscardHandler)})
	const persisted = `{ echo(msg: "persisted") }`
	sum := sha256.Sum256([]byte(persisted))
	ext := `{"persistedQuery":{"version":1,"sha256Hash":"` + hex.EncodeToString(sum[:]) + `"}}`
	if w := postRecordedExt(h, persisted, ext); w.Code != http.StatusOK {
		t.Fatalf("persisting: %d %s", w.Code, w.Body)
	}
	for _, tc := range []struct{ params url.Values }{
		{url.Values{"query": {`{ name }`}}},
		{url.Values{"query": {`query Q { name } mutation M { setName(name: "x") }`}, "operationName": {"Q"}}},
		{url.Values{"extensions": {ext}}},
		{url.Values{"query": {`query($m: String!) { echo(msg: $m) }`}, "variables": {`{"m":"v"}`}}},
	} {
		r := httptest.NewRequest(http.MethodGet, "/graphql?"+tc.params.Encode(), nil)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != http.StatusOK || strings.Contains(w.Body.String(), "errors") {
			t.Errorf("%v: %d %s", tc.params, w.Code, w.Body)
		}
	}
}
