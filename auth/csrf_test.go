package auth

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/errs/httperr"
)

func TestCSRF(t *testing.T) {
	const (
		self    = "https://panel.example.com"
		evil    = "https://evil.example"
		sibling = "https://app.example.com" // a user's app on a sibling host
		json    = "application/json"
	)
	tests := []struct {
		name    string
		method  string
		ctype   string
		headers map[string]string
		want    int
	}{
		// Safe methods pass whatever they carry.
		{"GET cross-origin", "GET", "", map[string]string{"Origin": evil}, 200},
		{"HEAD", "HEAD", "", nil, 200},
		{"OPTIONS preflight", "OPTIONS", "", map[string]string{"Origin": evil}, 200},

		// Non-browser clients: no Origin, Referer or Sec-Fetch-Site.
		{"POST json, no origin", "POST", json, nil, 200},
		{"POST json utf-8", "POST", "application/json; charset=utf-8", nil, 200},
		{"POST json UTF-8", "POST", "Application/JSON; charset=UTF-8", nil, 200},
		{"POST json latin1", "POST", "application/json; charset=iso-8859-1", nil, 415},
		{"POST json other param", "POST", "application/json; foo=bar", nil, 415},
		{"POST text/plain", "POST", "text/plain", nil, 415},
		{"POST form", "POST", "application/x-www-form-urlencoded", nil, 415},
		{"POST multipart", "POST", "multipart/form-data; boundary=x", nil, 415},
		{"POST no content type", "POST", "", nil, 415},
		{"POST json-ish", "POST", "application/jsonx", nil, 415},
		{"DELETE text/plain", "DELETE", "text/plain", nil, 415},

		// Origin header.
		{"POST json same origin", "POST", json, map[string]string{"Origin": self}, 200},
		{"POST json same origin explicit port", "POST", json, map[string]string{"Origin": self + ":443"}, 200},
		{"POST json same origin upper case", "POST", json, map[string]string{"Origin": "https://PANEL.example.com"}, 200},
		{"POST json cross origin", "POST", json, map[string]string{"Origin": evil}, 403},
		{"POST json sibling origin", "POST", json, map[string]string{"Origin": sibling}, 403},
		{"POST json other port", "POST", json, map[string]string{"Origin": self + ":8443"}, 403},
		{"POST json null origin", "POST", json, map[string]string{"Origin": "null"}, 403},
		{"POST form cross origin", "POST", "application/x-www-form-urlencoded", map[string]string{"Origin": evil}, 403},
		{"POST text cross origin", "POST", "text/plain", map[string]string{"Origin": evil}, 403},
		{"POST text same origin", "POST", "text/plain", map[string]string{"Origin": self}, 415},
		{"PUT json cross origin", "PUT", json, map[string]string{"Origin": evil}, 403},
		{"PATCH json cross origin", "PATCH", json, map[string]string{"Origin": evil}, 403},
		{"DELETE json cross origin", "DELETE", json, map[string]string{"Origin": evil}, 403},
		{"origin wins over referer", "POST", json, map[string]string{"Origin": evil, "Referer": self + "/"}, 403},

		// No Origin: Sec-Fetch-Site, then Referer.
		{"POST json fetch cross-site", "POST", json, map[string]string{"Sec-Fetch-Site": "cross-site"}, 403},
		{"POST json fetch same-site", "POST", json, map[string]string{"Sec-Fetch-Site": "same-site"}, 403},
		{"POST json fetch same-origin", "POST", json, map[string]string{"Sec-Fetch-Site": "same-origin"}, 200},
		{"POST json fetch none", "POST", json, map[string]string{"Sec-Fetch-Site": "none"}, 200},
		{"POST json same referer", "POST", json, map[string]string{"Referer": self + "/projects/1?x=y"}, 200},
		{"POST json cross referer", "POST", json, map[string]string{"Referer": evil + "/attack"}, 403},
		{"POST json garbage referer", "POST", json, map[string]string{"Referer": "::not a url"}, 403},
		{"POST json relative referer", "POST", json, map[string]string{"Referer": "/projects"}, 403},
		{"POST form cross referer", "POST", "application/x-www-form-urlencoded", map[string]string{"Referer": evil + "/"}, 403},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			called := false
			h := CSRF(nil)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { called = true }))
			r := httptest.NewRequest(tt.method, "http://panel.example.com/graphql", strings.NewReader(`{"query":"{x}"}`))
			if tt.ctype != "" {
				r.Header.Set("Content-Type", tt.ctype)
			}
			for k, v := range tt.headers {
				r.Header.Set(k, v)
			}
			r.AddCookie(&http.Cookie{Name: SessionCookieName, Value: "x"})
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			if w.Code != tt.want {
				t.Fatalf("status = %d, want %d; body %s", w.Code, tt.want, w.Body)
			}
			if called != (tt.want == 200) {
				t.Fatalf("next handler called = %v with status %d", called, w.Code)
			}
			if tt.want == 200 {
				return
			}
			wantCode := errs.Forbidden
			if tt.want == 415 {
				wantCode = httperr.UnsupportedMediaType
			}
			checkErrorBody(t, w, wantCode)
		})
	}
}

func checkErrorBody(t *testing.T, w *httptest.ResponseRecorder, code errs.Code) {
	t.Helper()
	if ct := w.Header().Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type = %q, want application/json", ct)
	}
	var body struct {
		Errors []struct {
			Message    string `json:"message"`
			Extensions struct {
				Code string `json:"code"`
			} `json:"extensions"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil {
		t.Fatalf("body %q: %v", w.Body, err)
	}
	if len(body.Errors) != 1 || body.Errors[0].Message == "" || body.Errors[0].Extensions.Code != string(code) {
		t.Errorf("body = %s, want one error with code %s", w.Body, code)
	}
}

func TestCSRFCustomPolicy(t *testing.T) {
	allow := func(r *http.Request, origin string) bool {
		return SameOrigin(r, origin) || origin == "https://console.example.com"
	}
	h := CSRF(allow)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	for origin, want := range map[string]int{
		"https://console.example.com": 200,
		"https://panel.example.com":   200,
		"https://evil.example":        403,
	} {
		r := httptest.NewRequest("POST", "http://panel.example.com/graphql", nil)
		r.Header.Set("Content-Type", "application/json")
		r.Header.Set("Origin", origin)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != want {
			t.Errorf("Origin %s: status %d, want %d", origin, w.Code, want)
		}
	}
}

// Some requests are refused whatever the policy says.
func TestCSRFRefusedEvenByPermissivePolicy(t *testing.T) {
	h := CSRF(func(*http.Request, string) bool { return true })(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	for name, header := range map[string][2]string{
		"null origin":      {"Origin", "null"},
		"relative referer": {"Referer", "/projects"},
		"opaque referer":   {"Referer", "about:blank"},
	} {
		r := httptest.NewRequest("POST", "http://panel.example.com/graphql", nil)
		r.Header.Set("Content-Type", "application/json")
		r.Header.Set(header[0], header[1])
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != http.StatusForbidden {
			t.Errorf("%s: status %d, want 403", name, w.Code)
		}
	}
}

func TestSameOrigin(t *testing.T) {
	tests := []struct {
		host, origin string
		want         bool
	}{
		{"panel.example.com", "https://panel.example.com", true},
		{"panel.example.com", "http://panel.example.com", true}, // scheme hidden by proxies
		{"panel.example.com", "https://panel.example.com:443", true},
		{"panel.example.com:443", "https://panel.example.com", true},
		{"panel.example.com:80", "http://panel.example.com", true},
		{"panel.example.com:80", "https://panel.example.com", false},
		{"localhost:8080", "http://localhost:8080", true},
		{"localhost:8080", "http://localhost:3000", false},
		{"localhost:8080", "http://localhost", false},
		{"[::1]:8080", "http://[::1]:8080", true},
		{"[::1]", "http://[::1]", true},
		{"panel.example.com", "https://panel.example.com/", true},
		{"panel.example.com", "https://panel.example.com/path", false},
		{"panel.example.com", "https://user@panel.example.com", false},
		{"panel.example.com", "ftp://panel.example.com", false},
		{"panel.example.com", "panel.example.com", false},
		{"panel.example.com", "", false},
		{"panel.example.com", "null", false},
		{"panel.example.com", "https://panel.example.com.evil.example", false},
		{"panel.example.com", "https://evil.example", false},
		{"", "https://panel.example.com", false},
	}
	for _, tt := range tests {
		r := httptest.NewRequest("GET", "/", nil)
		r.Host = tt.host
		if got := SameOrigin(r, tt.origin); got != tt.want {
			t.Errorf("SameOrigin(Host %q, %q) = %v, want %v", tt.host, tt.origin, got, tt.want)
		}
	}
}
