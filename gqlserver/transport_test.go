package gqlserver

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/woowtech/woow-paas/errs"
)

// TestRequestErrorStatus: a request error (syntax, validation, variable
// coercion, a limit) answers 200 to a client that accepts application/json
// and 400 to one that accepts application/graphql-response+json, with the
// Content-Type asked for and no data entry either way, by POST and by GET
// (the GraphQL-over-HTTP specification; the graphql-http audits in
// frontend/e2e/13-graphql-http.test.mjs check the real server).
func TestRequestErrorStatus(t *testing.T) {
	ts, _ := newTestServer(t, Options{MaxDepth: 2})
	for _, tc := range []struct {
		name, query, variables, code string
	}{
		{"syntax", `{`, "", "GRAPHQL_PARSE_FAILED"},
		{"validation", `{ nope }`, "", "GRAPHQL_VALIDATION_FAILED"},
		{"variable coercion", `query Q($m: String!) { echo(msg: $m) }`, `{"m":null}`, "GRAPHQL_VALIDATION_FAILED"},
		{"depth limit", `{ node { child { child { id } } } }`, "", CodeDepthLimit},
	} {
		for _, media := range []struct {
			accept, contentType string
			status              int
		}{
			{"application/json", "application/json", http.StatusOK},
			{"", "application/json", http.StatusOK},
			{"*/*", "application/json", http.StatusOK},
			{"application/graphql-response+json", "application/graphql-response+json", http.StatusBadRequest},
			{"application/graphql-response+json, application/json", "application/graphql-response+json", http.StatusBadRequest},
			{"application/json;q=0.9, application/graphql-response+json", "application/json", http.StatusOK},
		} {
			for _, method := range []string{http.MethodPost, http.MethodGet} {
				t.Run(tc.name+"/"+method+"/"+media.accept, func(t *testing.T) {
					var req *http.Request
					if method == http.MethodPost {
						body := map[string]any{"query": tc.query}
						if tc.variables != "" {
							body["variables"] = json.RawMessage(tc.variables)
						}
						b, _ := json.Marshal(body)
						req, _ = http.NewRequest(method, ts.URL, strings.NewReader(string(b)))
						req.Header.Set("Content-Type", "application/json")
					} else {
						q := url.Values{"query": {tc.query}}
						if tc.variables != "" {
							q.Set("variables", tc.variables)
						}
						req, _ = http.NewRequest(method, ts.URL+"?"+q.Encode(), nil)
					}
					if media.accept != "" {
						req.Header.Set("Accept", media.accept)
					}
					resp, err := httpClient.Do(req)
					if err != nil {
						t.Fatal(err)
					}
					defer resp.Body.Close()
					var raw json.RawMessage
					if err := json.NewDecoder(resp.Body).Decode(&raw); err != nil {
						t.Fatal(err)
					}
					if resp.StatusCode != media.status {
						t.Errorf("status = %d, want %d (%s)", resp.StatusCode, media.status, raw)
					}
					if ct := resp.Header.Get("Content-Type"); ct != media.contentType {
						t.Errorf("Content-Type = %q, want %q", ct, media.contentType)
					}
					if hasDataEntry(string(raw)) {
						t.Errorf("a data entry: %s", raw)
					}
					var r gqlResponse
					_ = json.Unmarshal(raw, &r)
					r.raw = string(raw)
					if c := r.code(t); c != tc.code {
						t.Errorf("code = %q, want %q", c, tc.code)
					}
				})
			}
		}
	}
}

// TestGraphQLResponseMediaType: an operation that ran answers 200 in the
// media type asked for, with its data; an unknown persisted query stays 200
// (Apollo clients answer it by sending the query).
func TestGraphQLResponseMediaType(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	send := func(body, accept string) (*http.Response, gqlResponse) {
		t.Helper()
		req, _ := http.NewRequest(http.MethodPost, ts.URL, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", accept)
		resp, err := httpClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var raw json.RawMessage
		_ = json.NewDecoder(resp.Body).Decode(&raw)
		var r gqlResponse
		_ = json.Unmarshal(raw, &r)
		r.raw = string(raw)
		return resp, r
	}
	const grj = "application/graphql-response+json"
	resp, r := send(`{"query":"{ name }"}`, grj)
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != grj || string(r.Data) != `{"name":"test"}` {
		t.Errorf("query: %d %q %s", resp.StatusCode, resp.Header.Get("Content-Type"), r.raw)
	}
	// A field error is no request error: 200 and data.
	resp, r = send(`{"query":"{ fail(kind: \"notfound\") }"}`, grj)
	if resp.StatusCode != http.StatusOK || !r.hasData() || len(r.Errors) != 1 {
		t.Errorf("field error: %d %s", resp.StatusCode, r.raw)
	}
	resp, r = send(`{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"`+strings.Repeat("0", 64)+`"}}}`, grj)
	if resp.StatusCode != http.StatusOK || r.code(t) != "PERSISTED_QUERY_NOT_FOUND" || hasDataEntry(r.raw) {
		t.Errorf("unknown persisted query: %d %s", resp.StatusCode, r.raw)
	}
}

func TestResponseMediaType(t *testing.T) {
	for accept, want := range map[string]string{
		"":                                  "application/json",
		"application/json":                  "application/json",
		"*/*":                               "application/json",
		"application/*":                     "application/json",
		"application/graphql-response+json": "application/graphql-response+json",
		"text/html, application/json":       "application/json",
		"text/event-stream":                 "application/graphql-response+json",
		"application/graphql-response+json;q=1, application/json;q=0.5": "application/graphql-response+json",
		"garbage;;, application/json":                                   "application/json",
	} {
		if got := responseMediaType(accept); got != want {
			t.Errorf("responseMediaType(%q) = %q, want %q", accept, got, want)
		}
	}
}

// TestEndedBeforeExecution: an operation whose context ended before it ran
// (the viewer's session ended meanwhile, or the client went away) answers
// with no data and why, never a bare null: gqlgen's executor runs nothing
// then and returns no response.
func TestEndedBeforeExecution(t *testing.T) {
	ended := errs.E(errs.Unauthenticated, "your session has ended; sign in again")
	for _, c := range []struct {
		name          string
		cause         error
		code, message string
	}{
		{"session ended", ended, "UNAUTHENTICATED", "your session has ended; sign in again"},
		{"client went away", nil, CodeCancelled, "the operation was cancelled"},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := New(newTestSchema(), Options{Logger: slog.New(slog.DiscardHandler)})
			ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				ctx, cancel := context.WithCancelCause(r.Context())
				cancel(c.cause)
				h.ServeHTTP(w, r.WithContext(ctx))
			}))
			defer ts.Close()
			status, r := query(t, ts, `mutation { setName(name: "x") }`)
			wantError(t, status, r, http.StatusOK, c.code, c.message)
			if string(r.Data) != "null" {
				t.Fatalf("data %s, want null (%s)", r.Data, r.raw)
			}
		})
	}
}
