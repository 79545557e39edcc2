package auth

import (
	"crypto/tls"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

func TestSetSessionCookie(t *testing.T) {
	expires := time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
	tests := []struct {
		name       string
		trustProxy bool
		tls        bool
		forwarded  string
		wantSecure bool
	}{
		{"plain http", false, false, "", false},
		{"tls", false, true, "", true},
		{"forwarded https, proxy trusted", true, false, "https", true},
		{"forwarded HTTPS list, proxy trusted", true, false, "HTTPS, http", true},
		{"forwarded http, proxy trusted", true, false, "http", false},
		{"forwarded http first, proxy trusted", true, false, "http, https", false},
		{"forwarded https, proxy not trusted", false, false, "https", false},
		{"tls, forwarded http, proxy trusted", true, true, "http", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest("POST", "http://panel.example.com/graphql", nil)
			if tt.tls {
				r.TLS = &tls.ConnectionState{}
			}
			if tt.forwarded != "" {
				r.Header.Set("X-Forwarded-Proto", tt.forwarded)
			}
			w := httptest.NewRecorder()
			Cookies{TrustProxy: tt.trustProxy}.SetSessionCookie(w, r, "tok", expires)
			cs := w.Result().Cookies()
			if len(cs) != 1 {
				t.Fatalf("got %d cookies, want 1: %v", len(cs), w.Header())
			}
			c := cs[0]
			if c.Name != "woow_session" || c.Value != "tok" || c.Path != "/" || !c.HttpOnly ||
				c.SameSite != http.SameSiteLaxMode || !c.Expires.Equal(expires) || c.Secure != tt.wantSecure {
				t.Errorf("cookie = %q, want woow_session=tok; Path=/; HttpOnly; SameSite=Lax; Expires=%v; Secure=%v",
					w.Header().Get("Set-Cookie"), expires, tt.wantSecure)
			}
		})
	}
}

func TestClearSessionCookie(t *testing.T) {
	r := httptest.NewRequest("POST", "https://panel.example.com/graphql", nil)
	w := httptest.NewRecorder()
	Cookies{}.ClearSessionCookie(w, r)
	cs := w.Result().Cookies()
	if len(cs) != 1 {
		t.Fatalf("got %d cookies, want 1", len(cs))
	}
	c := cs[0]
	if c.Name != SessionCookieName || c.Value != "" || c.MaxAge >= 0 || c.Path != "/" || !c.HttpOnly || !c.Secure {
		t.Errorf("clearing cookie = %q, want empty woow_session with Max-Age=0, Path=/, HttpOnly, Secure",
			w.Header().Get("Set-Cookie"))
	}
}

func TestSessionToken(t *testing.T) {
	tok, _ := NewToken()
	tests := []struct {
		name   string
		cookie *http.Cookie
		want   string
	}{
		{"no cookie", nil, ""},
		{"token", &http.Cookie{Name: SessionCookieName, Value: tok}, tok},
		{"other cookie", &http.Cookie{Name: "other", Value: tok}, ""},
		{"malformed", &http.Cookie{Name: SessionCookieName, Value: "' OR 1=1 --"}, ""},
		{"too short", &http.Cookie{Name: SessionCookieName, Value: tok[:10]}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", "/", nil)
			if tt.cookie != nil {
				r.AddCookie(tt.cookie)
			}
			if got := SessionToken(r); got != tt.want {
				t.Errorf("SessionToken = %q, want %q", got, tt.want)
			}
		})
	}

	// Round trip through a response and a browser-like request.
	w := httptest.NewRecorder()
	Cookies{}.SetSessionCookie(w, httptest.NewRequest("POST", "/", nil), tok, time.Time{})
	r := httptest.NewRequest("GET", "/", nil)
	for _, c := range w.Result().Cookies() {
		r.AddCookie(c)
	}
	if got := SessionToken(r); got != tok {
		t.Errorf("SessionToken after SetSessionCookie = %q, want %q", got, tok)
	}
}
