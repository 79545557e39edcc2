package frontend

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
)

func get(t *testing.T, h http.Handler, method, path string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, path, nil))
	return rec
}

func TestHandler(t *testing.T) {
	h := handler(fstest.MapFS{
		"index.html":               {Data: []byte("<html>app</html>")},
		"graphiql.html":            {Data: []byte("<html>explorer</html>")},
		"theme.js":                 {Data: []byte("// theme")},
		"assets/main-abc123.js":    {Data: []byte("console.log(1)")},
		"assets/sub/chunk-def4.js": {Data: []byte("x")},
	})
	for _, tc := range []struct {
		path, body, cache string
		status            int
	}{
		{"/", "app", "no-cache", 200},
		{"/index.html", "app", "no-cache", 200},
		{"/workspaces/acme/team", "app", "no-cache", 200}, // client-side route
		{"/services/U2VydmljZToy/revisions", "app", "no-cache", 200},
		{"/graphiql", "explorer", "no-cache", 200},
		{"/graphiql.html", "explorer", "no-cache", 200},
		{"/theme.js", "// theme", "no-cache", 200},
		{"/assets/main-abc123.js", "console.log(1)", "public, max-age=31536000, immutable", 200},
		{"/assets/sub/chunk-def4.js", "x", "public, max-age=31536000, immutable", 200},
		{"/assets/missing.js", "404 page not found", "", 404}, // never the app for a missing asset
		{"/assets/", "404 page not found", "", 404},
	} {
		t.Run(tc.path, func(t *testing.T) {
			rec := get(t, h, http.MethodGet, tc.path)
			if rec.Code != tc.status || !strings.Contains(rec.Body.String(), tc.body) {
				t.Fatalf("GET %s = %d %q, want %d containing %q", tc.path, rec.Code, rec.Body.String(), tc.status, tc.body)
			}
			if got := rec.Header().Get("Cache-Control"); got != tc.cache {
				t.Errorf("Cache-Control = %q, want %q", got, tc.cache)
			}
			if tc.status == 200 {
				if csp := rec.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self';") || !strings.Contains(csp, "frame-ancestors 'none'") {
					t.Errorf("CSP = %q", csp)
				}
				if rec.Header().Get("X-Content-Type-Options") != "nosniff" {
					t.Error("no nosniff")
				}
			}
		})
	}
	if rec := get(t, h, http.MethodPost, "/"); rec.Code != http.StatusMethodNotAllowed || rec.Header().Get("Allow") != "GET, HEAD" {
		t.Errorf("POST / = %d, Allow %q", rec.Code, rec.Header().Get("Allow"))
	}
	if rec := get(t, h, http.MethodHead, "/graphiql"); rec.Code != 200 || rec.Body.Len() != 0 {
		t.Errorf("HEAD /graphiql = %d with %d body bytes", rec.Code, rec.Body.Len())
	}
	if got := get(t, h, http.MethodGet, "/assets/main-abc123.js").Header().Get("Content-Type"); !strings.HasPrefix(got, "text/javascript") {
		t.Errorf("JS Content-Type = %q", got)
	}
}

func TestHandlerNotBuilt(t *testing.T) {
	h := handler(fstest.MapFS{".gitkeep": {}})
	for _, p := range []string{"/", "/workspaces", "/graphiql"} {
		rec := get(t, h, http.MethodGet, p)
		if rec.Code != 200 || !strings.Contains(rec.Body.String(), "make build") {
			t.Errorf("GET %s without a build = %d %q", p, rec.Code, rec.Body.String())
		}
	}
}
