package httpauth_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql/handler/transport"

	"github.com/woowtech/woow-paas/accounts"
	"github.com/woowtech/woow-paas/auth"
	"github.com/woowtech/woow-paas/auth/authtest"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/httpauth"
	"github.com/woowtech/woow-paas/store/storetest"
	"github.com/woowtech/woow-paas/viewer"
)

const password = "correct horse battery"

func newService(t *testing.T) *accounts.Service {
	t.Helper()
	db := storetest.Open(t)
	return accounts.New(db.Client, accounts.Config{Hasher: authtest.Hasher(), Log: slog.New(slog.DiscardHandler)})
}

func register(t *testing.T, svc *accounts.Service, email string) (int, *accounts.Session) {
	t.Helper()
	u, s, err := svc.Register(context.Background(), accounts.RegisterInput{
		Email: email, Password: password, Name: "Name of " + email, UserAgent: "test",
	})
	if err != nil {
		t.Fatalf("Register(%s): %v", email, err)
	}
	return u.ID, s
}

func signedIn(t *testing.T, svc *accounts.Service, token string) context.Context {
	t.Helper()
	v, err := svc.Authenticate(context.Background(), token)
	if err != nil || v == nil {
		t.Fatalf("Authenticate: %v, %v", v, err)
	}
	return viewer.NewContext(context.Background(), v)
}

func wantCode(t *testing.T, err error, code errs.Code) {
	t.Helper()
	if got := errs.CodeOf(err); got != code {
		t.Fatalf("error = %v (code %q), want code %s", err, got, code)
	}
}

// TestLogoutEndsBoundRequests: a request bound to a session by the
// middleware (an SSE stream, say) ends when the session is logged out,
// whichever way its token was presented, with an UNAUTHENTICATED cause.
func TestLogoutEndsBoundRequests(t *testing.T) {
	svc := newService(t)
	_, s := register(t, svc, "a@example.com")
	_, other := register(t, svc, "b@example.com")
	started := make(chan context.Context, 2)
	release := make(chan struct{})
	h := httpauth.New(svc, auth.Cookies{}, nil).Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		started <- r.Context()
		<-release
	}))
	defer close(release)
	serve := func(header, value string) {
		r := httptest.NewRequest(http.MethodPost, "/query", nil)
		r.Header.Set(header, value)
		go h.ServeHTTP(httptest.NewRecorder(), r)
	}
	serve("Authorization", "Bearer "+s.Token)
	mine := <-started
	serve("Cookie", auth.SessionCookieName+"="+other.Token)
	theirs := <-started

	// Logged out through a bearer token: the viewer of that request.
	if err := svc.Logout(viewer.NewContext(context.Background(), viewer.FromContext(mine))); err != nil {
		t.Fatal(err)
	}
	select {
	case <-mine.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("the request of the logged-out session is still running")
	}
	wantCode(t, context.Cause(mine), errs.Unauthenticated)
	if theirs.Err() != nil {
		t.Error("another session's request ended too")
	}
	if v, _ := svc.Authenticate(context.Background(), s.Token); v != nil {
		t.Error("the bearer token still works after logout")
	}
}

func TestMiddleware(t *testing.T) {
	svc := newService(t)
	uid, s := register(t, svc, "a@example.com")
	var got *viewer.Viewer
	h := httpauth.New(svc, auth.Cookies{}, nil).Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = viewer.FromContext(r.Context())
		if httpauth.ClientIP(r.Context()) != "192.0.2.7" {
			t.Errorf("ClientIP = %q", httpauth.ClientIP(r.Context()))
		}
	}))
	other, _ := auth.NewToken()
	for _, tt := range []struct {
		name   string
		cookie string
		want   int // user id, 0 for anonymous
	}{
		{"valid session", s.Token, uid},
		{"unknown token", other, 0},
		{"no cookie", "", 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got = nil
			r := httptest.NewRequest(http.MethodPost, "/graphql", nil)
			r.RemoteAddr = "192.0.2.7:5555"
			if tt.cookie != "" {
				r.AddCookie(&http.Cookie{Name: auth.SessionCookieName, Value: tt.cookie})
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			if w.Code != http.StatusOK {
				t.Fatalf("status %d", w.Code)
			}
			switch {
			case tt.want == 0 && got != nil:
				t.Errorf("viewer = %+v, want anonymous", got)
			case tt.want != 0 && (got == nil || got.UserID != tt.want):
				t.Errorf("viewer = %+v, want user %d", got, tt.want)
			}
		})
	}
}

// TestWebsocketInitAfterLogout: a socket whose session ended between the
// upgrade (or the token check) and connection_init does not start on it.
func TestWebsocketInitAfterLogout(t *testing.T) {
	svc := newService(t)
	_, s := register(t, svc, "a@example.com")
	upgrade := signedIn(t, svc, s.Token) // the cookie's viewer at the upgrade
	if err := svc.Logout(signedIn(t, svc, s.Token)); err != nil {
		t.Fatal(err)
	}
	ctx, err := httpauth.New(svc, auth.Cookies{}, nil).WebsocketInit(upgrade, nil, nil)
	if err == nil && ctx.Err() == nil {
		t.Fatal("connection_init accepted the ended session")
	}
	if err != nil {
		wantCode(t, err, errs.Unauthenticated)
	}
}

// logBuffer collects log lines from several goroutines.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestSessionCookies: what an operation decides about the session reaches
// the response as Set-Cookie headers, in order, whenever the handler
// decides it before its response starts (the first Write, WriteHeader or
// Flush), on a real server.
func TestSessionCookies(t *testing.T) {
	exp := time.Now().Add(time.Hour).UTC().Truncate(time.Second)
	sess := &accounts.Session{Token: "tok", Expires: exp, Device: "dev"}
	for _, tt := range []struct {
		name    string
		handler func(w http.ResponseWriter, r *http.Request)
		want    []string // Set-Cookie headers, by prefix
		warned  bool
	}{
		{"nothing", func(w http.ResponseWriter, r *http.Request) {
			_, _ = io.WriteString(w, "{}")
		}, nil, false},
		{"login, then the body", func(w http.ResponseWriter, r *http.Request) {
			httpauth.StartSession(r.Context(), sess)
			_, _ = io.WriteString(w, "{}")
		}, []string{"woow_session=tok; Path=/; Expires=" + exp.Format(http.TimeFormat) + "; HttpOnly; SameSite=Lax", "woow_device=dev"}, false},
		{"logout, then a status", func(w http.ResponseWriter, r *http.Request) {
			httpauth.EndSession(r.Context())
			w.WriteHeader(http.StatusOK)
		}, []string{"woow_session=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; SameSite=Lax"}, false},
		{"login and logout in one request, then a flush", func(w http.ResponseWriter, r *http.Request) {
			httpauth.StartSession(r.Context(), sess)
			httpauth.EndSession(r.Context())
			w.(http.Flusher).Flush()
		}, []string{"woow_session=tok;", "woow_device=dev", "woow_session=;"}, false},
		{"too late: the headers are out", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusOK)
			httpauth.StartSession(r.Context(), sess)
			_, _ = io.WriteString(w, "{}")
		}, nil, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var logs logBuffer
			log := slog.New(slog.NewTextHandler(&logs, nil))
			authn := httpauth.New(newService(t), auth.Cookies{}, log)
			srv := httptest.NewServer(authn.Middleware(http.HandlerFunc(tt.handler)))
			defer srv.Close()
			resp, err := srv.Client().Post(srv.URL, "application/json", strings.NewReader("{}"))
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			got := resp.Header.Values("Set-Cookie")
			if len(got) != len(tt.want) {
				t.Fatalf("Set-Cookie %q, want %d headers like %q", got, len(tt.want), tt.want)
			}
			for i, want := range tt.want {
				if !strings.HasPrefix(got[i], want) {
					t.Errorf("Set-Cookie[%d] = %q, want %q...", i, got[i], want)
				}
			}
			if warned := strings.Contains(logs.String(), "level=WARN"); warned != tt.warned {
				t.Errorf("warned %v, want %v; log:\n%s", warned, tt.warned, logs.String())
			}
		})
	}
}

// TestUpgradeKeepsNoResponse: the ResponseWriter of a WebSocket upgrade is
// not wrapped (it must stay hijackable) and its context keeps only copies
// of the request's facts; session changes over a socket do nothing.
func TestUpgradeKeepsNoResponse(t *testing.T) {
	authn := httpauth.New(newService(t), auth.Cookies{}, nil)
	var hijackable bool
	var ip, ua string
	h := authn.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, hijackable = w.(http.Hijacker)
		httpauth.StartSession(r.Context(), &accounts.Session{Token: "tok"})
		ip, ua = httpauth.ClientIP(r.Context()), httpauth.UserAgent(r.Context())
		w.WriteHeader(http.StatusOK)
	}))
	srv := httptest.NewServer(h)
	defer srv.Close()
	req, err := http.NewRequest(http.MethodGet, srv.URL, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Connection", "Upgrade")
	req.Header.Set("Upgrade", "websocket")
	req.Header.Set("User-Agent", "socket client")
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if !hijackable {
		t.Error("the upgrade's ResponseWriter cannot be hijacked")
	}
	if c := resp.Header.Values("Set-Cookie"); len(c) != 0 {
		t.Errorf("Set-Cookie %q on an upgrade", c)
	}
	if ip != "127.0.0.1" || ua != "socket client" {
		t.Errorf("ClientIP %q, UserAgent %q", ip, ua)
	}
}

// TestWebsocketInit: a token in connection_init replaces the cookie's
// viewer; a bad one refuses the socket; without one the cookie's viewer
// (or anonymity) stays.
func TestWebsocketInit(t *testing.T) {
	svc := newService(t)
	alice, aliceSess := register(t, svc, "alice@example.com")
	bob, bobSess := register(t, svc, "bob@example.com")
	authn := httpauth.New(svc, auth.Cookies{}, nil)
	for _, tt := range []struct {
		name     string
		upgrade  context.Context // the cookie's viewer
		payload  transport.InitPayload
		want     int // user id, 0 for anonymous
		wantCode errs.Code
	}{
		{"cookie only", signedIn(t, svc, aliceSess.Token), nil, alice, ""},
		{"anonymous", context.Background(), transport.InitPayload{}, 0, ""},
		{"token replaces the cookie", signedIn(t, svc, aliceSess.Token), transport.InitPayload{"authorization": "Bearer " + bobSess.Token}, bob, ""},
		{"capitalised key", context.Background(), transport.InitPayload{"Authorization": "Bearer " + bobSess.Token}, bob, ""},
		{"unknown token", signedIn(t, svc, aliceSess.Token), transport.InitPayload{"authorization": "Bearer nope"}, 0, errs.Unauthenticated},
		{"not a bearer token", context.Background(), transport.InitPayload{"authorization": bobSess.Token}, 0, errs.Unauthenticated},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ctx, err := authn.WebsocketInit(tt.upgrade, nil, tt.payload)
			if tt.wantCode != "" {
				wantCode(t, err, tt.wantCode)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			v := viewer.FromContext(ctx)
			switch {
			case tt.want == 0 && v != nil:
				t.Errorf("viewer %+v, want anonymous", v)
			case tt.want != 0 && (v == nil || v.UserID != tt.want):
				t.Errorf("viewer %+v, want user %d", v, tt.want)
			}
		})
	}
}

// TestAuthenticationFailure: a database that cannot say who the viewer is
// answers 500 with the one JSON error body, and the cause is logged, not
// shown.
func TestAuthenticationFailure(t *testing.T) {
	db := storetest.Open(t)
	svc := accounts.New(db.Client, accounts.Config{Hasher: authtest.Hasher(), Log: slog.New(slog.DiscardHandler)})
	_, s := register(t, svc, "a@example.com")
	var logs logBuffer
	authn := httpauth.New(svc, auth.Cookies{}, slog.New(slog.NewTextHandler(&logs, nil)))
	h := authn.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Error("the request went on")
	}))
	db.Close()
	r := httptest.NewRequest(http.MethodPost, "/query", nil)
	r.AddCookie(&http.Cookie{Name: auth.SessionCookieName, Value: s.Token})
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != http.StatusInternalServerError || w.Header().Get("Content-Type") != "application/json" ||
		w.Body.String() != `{"errors":[{"message":"internal error","extensions":{"code":"INTERNAL"}}]}`+"\n" {
		t.Errorf("%d %q %s", w.Code, w.Header().Get("Content-Type"), w.Body)
	}
	if !strings.Contains(logs.String(), `level=ERROR msg="authenticating session"`) {
		t.Errorf("not logged:\n%s", logs.String())
	}
}

// TestClientIP: the address the login limits key on. Only behind a proxy
// we trust does X-Forwarded-For count, and then only its last entry (the
// one the proxy appended; anything before it the client wrote).
func TestClientIP(t *testing.T) {
	svc := newService(t)
	for _, tt := range []struct {
		name  string
		trust bool
		xff   string
		want  string
	}{
		{"peer", false, "", "192.0.2.7"},
		{"forwarded header ignored without a trusted proxy", false, "203.0.113.9", "192.0.2.7"},
		{"trusted proxy, one entry", true, "203.0.113.9", "203.0.113.9"},
		{"trusted proxy, the last entry", true, "10.9.9.9, 198.51.100.4 , 203.0.113.9", "203.0.113.9"},
		{"trusted proxy, no header", true, "", "192.0.2.7"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			authn := httpauth.New(svc, auth.Cookies{TrustProxy: tt.trust}, slog.New(slog.DiscardHandler))
			var got string
			h := authn.Middleware(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
				got = httpauth.ClientIP(r.Context())
			}))
			r := httptest.NewRequest(http.MethodPost, "/query", nil)
			r.RemoteAddr = "192.0.2.7:51000"
			if tt.xff != "" {
				r.Header.Set("X-Forwarded-For", tt.xff)
			}
			h.ServeHTTP(httptest.NewRecorder(), r)
			if got != tt.want {
				t.Fatalf("ClientIP = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestCancelledRequestIsNoError: a request whose client went away while
// its session was looked up logs no ERROR line (issue 17 item 11).
func TestCancelledRequestIsNoError(t *testing.T) {
	svc := newService(t)
	_, sess := register(t, svc, "alice@example.com")
	var logs logBuffer
	log := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	h := httpauth.New(svc, auth.Cookies{}, log).Middleware(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r := httptest.NewRequest(http.MethodPost, "/query", nil).WithContext(ctx)
	r.Header.Set("Authorization", "Bearer "+sess.Token)
	h.ServeHTTP(httptest.NewRecorder(), r)
	if out := logs.String(); strings.Contains(out, "level=ERROR") || !strings.Contains(out, "the client went away") {
		t.Fatalf("log:\n%s", out)
	}
}
