// Package httpauth is the HTTP edge of package accounts, which knows
// nothing of HTTP: it turns a request's session cookie or bearer token, or
// a WebSocket's connection_init payload, into the viewer of its context;
// it keeps the facts of the request that accounts takes as plain values
// (ClientIP, UserAgent, DeviceToken); and it turns what an operation
// decided about the session (StartSession, EndSession) into Set-Cookie
// headers of the response.
package httpauth

import (
	"context"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"

	"github.com/99designs/gqlgen/graphql/handler/transport"

	"github.com/woowtech/woow-paas/accounts"
	"github.com/woowtech/woow-paas/auth"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/errs/httperr"
	"github.com/woowtech/woow-paas/revocation"
	"github.com/woowtech/woow-paas/viewer"
)

// Authenticator authenticates the requests and WebSockets of one accounts
// service and, when given one (WithTokens), OAuth access tokens.
type Authenticator struct {
	accounts *accounts.Service
	tokens   Tokens
	cookies  auth.Cookies
	log      *slog.Logger
}

// Tokens authenticates OAuth access tokens (package oauth): a bearer token
// it recognises is never looked up as a session.
type Tokens interface {
	IsAccessToken(token string) bool
	Authenticate(ctx context.Context, token string) (*viewer.Viewer, error)
	Bind(ctx context.Context, v *viewer.Viewer) (context.Context, func())
	Recheck(ctx context.Context, v *viewer.Viewer) error
}

// WithTokens makes a accept OAuth access tokens as bearer tokens (on
// requests and in connection_init), within their scopes; it returns a.
func (a *Authenticator) WithTokens(t Tokens) *Authenticator {
	a.tokens = t
	return a
}

// authenticate is the viewer of a session or access token (nil: unknown).
func (a *Authenticator) authenticate(ctx context.Context, token string) (*viewer.Viewer, error) {
	if a.tokens != nil && a.tokens.IsAccessToken(token) {
		return a.tokens.Authenticate(ctx, token)
	}
	return a.accounts.Authenticate(ctx, token)
}

// bind makes ctx end when v's credential (session or token) ends.
func (a *Authenticator) bind(ctx context.Context, v *viewer.Viewer) (context.Context, func()) {
	if v.TokenID != 0 && a.tokens != nil {
		return a.tokens.Bind(ctx, v)
	}
	return a.accounts.Bind(ctx, v)
}

// recheck ends what is bound to v's credential if it ended meanwhile.
func (a *Authenticator) recheck(ctx context.Context, v *viewer.Viewer) error {
	if v.TokenID != 0 && a.tokens != nil {
		return a.tokens.Recheck(ctx, v)
	}
	return a.accounts.Recheck(ctx, v)
}

// New returns the Authenticator of acc; cookies decides how session cookies
// are written. A nil log is slog.Default().
func New(acc *accounts.Service, cookies auth.Cookies, log *slog.Logger) *Authenticator {
	if log == nil {
		log = slog.Default()
	}
	return &Authenticator{accounts: acc, cookies: cookies, log: log}
}

// Middleware authenticates the session cookie or bearer token (an unknown
// or expired one is simply anonymous), puts the viewer into the request
// context, remembers the request for ClientIP, UserAgent and DeviceToken,
// and writes the session cookies that StartSession and EndSession ask for
// into the response headers before they are sent. The request's context
// ends when its session does (on any replica), so an SSE stream or a long
// request does not outlive a logout.
func (a *Authenticator) Middleware(next http.Handler) http.Handler {
	return a.middleware(next, requestToken)
}

// BearerMiddleware is Middleware for APIs that take a bearer token only
// (the Home Assistant shim): a session cookie is not looked at, so a
// browser's ambient credentials never authenticate there.
func (a *Authenticator) BearerMiddleware(next http.Handler) http.Handler {
	return a.middleware(next, func(r *http.Request) string { return bearer(r.Header.Get("Authorization")) })
}

func (a *Authenticator) middleware(next http.Handler, tokenOf func(*http.Request) string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		req := a.exchange(r)
		ctx := context.WithValue(r.Context(), requestKey{}, req)
		if req.r != nil {
			w = &sessionWriter{ResponseWriter: w, req: req}
		}
		v, err := a.authenticate(ctx, tokenOf(r))
		if err != nil {
			a.logFailure(ctx, "authenticating session", err)
			httperr.Write(w, err)
			return
		}
		if v != nil {
			var release func()
			ctx, release = a.bind(viewer.NewContext(ctx, v), v)
			defer release()
			// A stream lives on: make sure its session did not end
			// between authenticating and binding (a notice then would
			// have found nothing to end).
			if strings.Contains(r.Header.Get("Accept"), "text/event-stream") {
				if err := a.recheck(ctx, v); err != nil {
					a.logFailure(ctx, "checking a session", err)
					httperr.Write(w, err)
					return
				}
			}
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// logFailure logs a failed session lookup: at ERROR, unless the client
// went away (a cancelled request is not the server's fault).
func (a *Authenticator) logFailure(ctx context.Context, msg string, err error) {
	if errs.ClientGone(ctx, err) {
		a.log.DebugContext(ctx, msg+": the client went away", "err", err)
		return
	}
	a.log.ErrorContext(ctx, msg, "err", err)
}

// WebsocketInit is gqlserver.Options.WSInit: it authenticates a WebSocket
// connection from its connection_init payload. {"authorization": "Bearer
// <token>"} replaces whoever the upgrade request's cookie named (Middleware
// put that viewer in ctx); a bad token refuses the connection
// (UNAUTHENTICATED). Without one, the cookie's viewer (or anonymity) stays.
// The context returned ends when the viewer's session ends, with
// revocation.ErrEnded as its cause: the transport then closes the
// connection (4401).
func (a *Authenticator) WebsocketInit(ctx context.Context, _ *http.Request, payload transport.InitPayload) (context.Context, error) {
	raw, ok := payload["authorization"].(string)
	if !ok {
		raw, ok = payload["Authorization"].(string)
	}
	var v *viewer.Viewer
	if ok {
		token := bearer(raw)
		var err error
		if v, err = a.authenticate(ctx, token); err != nil {
			return ctx, err
		}
		if token == "" || v == nil {
			return ctx, errs.E(errs.Unauthenticated, "invalid or expired token")
		}
		ctx = viewer.NewContext(ctx, v)
	} else if v = viewer.FromContext(ctx); v == nil {
		return ctx, nil
	}
	// Bound anew (the upgrade request's binding ended with that request),
	// then checked: a logout between the upgrade (or the token check) and
	// now has found nothing to end.
	// Never released: the socket's context ends with the socket, and the
	// watcher's sweep drops it then.
	ctx, _ = a.bind(ctx, v)
	if err := a.recheck(ctx, v); err != nil {
		return ctx, err
	}
	if ctx.Err() != nil {
		return ctx, revocation.ErrEnded
	}
	return ctx, nil
}

// request is what Middleware remembers of a request, and the session
// changes its operations asked for.
type request struct {
	r       *http.Request // nil for WebSocket upgrades: see exchange
	cookies auth.Cookies
	log     *slog.Logger

	// What the accessors read, copied from a WebSocket upgrade.
	remoteAddr, forwardedFor, userAgent string

	mu sync.Mutex
	// changes are the session changes not yet written, in order.
	changes []*accounts.Session // nil: the session ended
	// sent: the response headers are out, cookies can no longer be set.
	sent bool
}

type requestKey struct{}

// exchange is what Middleware remembers of r. A WebSocket upgrade's
// context outlives its request (it is the parent of every operation on the
// socket, for hours), so for upgrades only a copy of what ClientIP and
// UserAgent read is kept: the request would pin net/http's connection
// buffers (~8 KiB) for the socket's life, and a hijacked response cannot
// set cookies anyway (StartSession and EndSession are then no-ops: a
// client on a socket holds its token itself).
func (a *Authenticator) exchange(r *http.Request) *request {
	if !isUpgrade(r) {
		return &request{r: r, cookies: a.cookies, log: a.log}
	}
	return &request{
		cookies:      a.cookies,
		log:          a.log,
		remoteAddr:   r.RemoteAddr,
		forwardedFor: r.Header.Get("X-Forwarded-For"),
		userAgent:    r.UserAgent(),
	}
}

func (req *request) remote() (addr, forwardedFor string) {
	if req.r == nil {
		return req.remoteAddr, req.forwardedFor
	}
	return req.r.RemoteAddr, req.r.Header.Get("X-Forwarded-For")
}

// change records a session change for the response, or logs that it comes
// too late for one.
func (req *request) change(ctx context.Context, sess *accounts.Session) {
	req.mu.Lock()
	defer req.mu.Unlock()
	if req.sent {
		// The SSE transport sends its headers before the operation runs
		// (gqlserver answers queries and mutations as plain JSON, so only
		// a persisted mutation sent by hash can get here).
		req.log.WarnContext(ctx, "a session change came after the response headers: the browser keeps its cookie")
		return
	}
	req.changes = append(req.changes, sess)
}

// writeCookies writes the recorded session changes, in order, as Set-Cookie
// headers of w, once: the headers are then sent.
func (req *request) writeCookies(w http.ResponseWriter) {
	req.mu.Lock()
	defer req.mu.Unlock()
	if req.sent {
		return
	}
	req.sent = true
	for _, sess := range req.changes {
		if sess == nil {
			req.cookies.ClearSessionCookie(w, req.r)
			continue
		}
		req.cookies.SetSessionCookie(w, req.r, sess.Token, sess.Expires)
		if sess.Device != "" {
			req.cookies.SetDeviceCookie(w, req.r, sess.Device)
		}
	}
	req.changes = nil
}

// sessionWriter is the ResponseWriter of a request through Middleware: the
// session cookies go into the headers just before they are sent (the
// first WriteHeader, Write or Flush), whenever the operation decided them.
type sessionWriter struct {
	http.ResponseWriter
	req *request
}

func (w *sessionWriter) WriteHeader(code int) {
	if code >= 200 { // not for 1xx interim responses
		w.req.writeCookies(w.ResponseWriter)
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *sessionWriter) Write(b []byte) (int, error) {
	w.req.writeCookies(w.ResponseWriter)
	return w.ResponseWriter.Write(b)
}

// Flush implements http.Flusher for SSE (gqlserver refuses to stream over
// a ResponseWriter without it).
func (w *sessionWriter) Flush() {
	w.req.writeCookies(w.ResponseWriter)
	// A Flush that fails (the client went away) shows in the next Write.
	_ = http.NewResponseController(w.ResponseWriter).Flush()
}

// Unwrap lets http.ResponseController reach the ResponseWriter's other
// methods.
func (w *sessionWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func fromContext(ctx context.Context) *request {
	req, _ := ctx.Value(requestKey{}).(*request)
	return req
}

// StartSession makes the response of the request in ctx set the cookies of
// sess, the session a login or registration opened: the session cookie and
// the device cookie. Over a WebSocket it does nothing.
func StartSession(ctx context.Context, sess *accounts.Session) {
	if req := fromContext(ctx); req != nil && req.r != nil && sess != nil {
		req.change(ctx, sess)
	}
}

// EndSession makes the response of the request in ctx tell the browser to
// drop its session cookie (after a logout). Over a WebSocket it does
// nothing.
func EndSession(ctx context.Context) {
	if req := fromContext(ctx); req != nil && req.r != nil {
		req.change(ctx, nil)
	}
}

// isUpgrade reports whether r asks to switch protocols (WebSocket).
func isUpgrade(r *http.Request) bool {
	for _, v := range r.Header.Values("Connection") {
		for tok := range strings.SplitSeq(v, ",") {
			if strings.EqualFold(strings.TrimSpace(tok), "upgrade") {
				return r.Header.Get("Upgrade") != ""
			}
		}
	}
	return false
}

// requestToken is the session token of a request: the cookie, or for
// clients that are not browsers an "Authorization: Bearer" header (not
// subject to cross-site forgery: browsers never add it by themselves).
func requestToken(r *http.Request) string {
	if t := auth.SessionToken(r); t != "" {
		return t
	}
	return bearer(r.Header.Get("Authorization"))
}

func bearer(h string) string {
	scheme, token, ok := strings.Cut(strings.TrimSpace(h), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || len(token) > 512 {
		return ""
	}
	return strings.TrimSpace(token)
}

// ClientIP is the address the request in ctx came from: the TCP peer, or,
// behind a trusted proxy, the last X-Forwarded-For entry: the one that
// proxy appended (earlier entries are whatever the client sent).
func ClientIP(ctx context.Context) string {
	req := fromContext(ctx)
	if req == nil {
		return ""
	}
	addr, xff := req.remote()
	if req.cookies.TrustProxy && xff != "" {
		// The last entry, without splitting a header the client may have
		// padded with thousands of entries.
		return strings.TrimSpace(xff[strings.LastIndexByte(xff, ',')+1:])
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	return host
}

// DeviceToken is the device cookie of the request in ctx ("" over a
// WebSocket, whose upgrade request is not kept).
func DeviceToken(ctx context.Context) string {
	if req := fromContext(ctx); req != nil && req.r != nil {
		return auth.DeviceToken(req.r)
	}
	return ""
}

// UserAgent is the User-Agent of the request in ctx.
func UserAgent(ctx context.Context) string {
	if req := fromContext(ctx); req != nil {
		if req.r == nil {
			return req.userAgent
		}
		return req.r.UserAgent()
	}
	return ""
}
