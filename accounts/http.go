package accounts

import (
	"context"
	"net"
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql/handler/transport"

	"github.com/woowtech/woow-paas/auth"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/revocation"
	"github.com/woowtech/woow-paas/viewer"
)

// request is the HTTP exchange a GraphQL operation runs in, so that the
// login and logout mutations can set and clear the session cookie.
type request struct {
	w       http.ResponseWriter
	r       *http.Request // nil for WebSocket upgrades: see exchange
	cookies auth.Cookies

	// What the accessors read, copied from a WebSocket upgrade.
	remoteAddr, forwardedFor, userAgent string
}

func (req *request) remote() (addr, forwardedFor string) {
	if req.r == nil {
		return req.remoteAddr, req.forwardedFor
	}
	return req.r.RemoteAddr, req.r.Header.Get("X-Forwarded-For")
}

type requestKey struct{}

// Middleware authenticates the session cookie (an unknown or expired one
// is simply anonymous), puts the viewer into the request context and
// remembers the exchange for StartSession and ClearSessionCookie. The
// request's context ends when its session does (on any replica), so an SSE
// stream or a long request does not outlive a logout.
func (s *Service) Middleware(cookies auth.Cookies) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ctx := context.WithValue(r.Context(), requestKey{}, exchange(w, r, cookies))
			v, err := s.Authenticate(ctx, requestToken(r))
			if err != nil {
				s.log.ErrorContext(ctx, "authenticating session", "err", err)
				http.Error(w, `{"errors":[{"message":"internal error","extensions":{"code":"INTERNAL"}}]}`, http.StatusInternalServerError)
				return
			}
			if v != nil {
				var release func()
				ctx, release = s.bind(viewer.NewContext(ctx, v), v)
				defer release()
				// A stream lives on: make sure its session did not end
				// between authenticating and binding (a notice then
				// would have found nothing to end).
				if strings.Contains(r.Header.Get("Accept"), "text/event-stream") {
					if err := s.stillValid(ctx, v); err != nil {
						s.log.ErrorContext(ctx, "checking a session", "err", err)
						http.Error(w, `{"errors":[{"message":"internal error","extensions":{"code":"INTERNAL"}}]}`, http.StatusInternalServerError)
						return
					}
				}
			}
			next.ServeHTTP(w, r.WithContext(ctx))
		})
	}
}

// exchange is what Middleware remembers of a request. A WebSocket upgrade's
// context outlives its request (it is the parent of every operation on the
// socket, for hours), so for upgrades only a copy of what ClientIP and
// UserAgent read is kept: the ResponseWriter and the request
// would pin net/http's connection buffers (~8 KiB) for the socket's life,
// and a hijacked response cannot set cookies anyway (StartSession is then a
// no-op; the socket's login mutation still returns the session).
func exchange(w http.ResponseWriter, r *http.Request, cookies auth.Cookies) *request {
	if !isUpgrade(r) {
		return &request{w: w, r: r, cookies: cookies}
	}
	return &request{
		cookies:      cookies,
		remoteAddr:   r.RemoteAddr,
		forwardedFor: r.Header.Get("X-Forwarded-For"),
		userAgent:    r.UserAgent(),
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

// WebsocketInit authenticates a WebSocket connection from its
// connection_init payload: {"authorization": "Bearer <token>"} replaces
// whoever the upgrade request's cookie named; a bad token refuses the
// connection. Without one, the cookie's viewer (or anonymity) stays. The
// context returned ends when the viewer's session ends, with
// revocation.ErrEnded as its cause: the transport then closes the
// connection (4401).
func (s *Service) WebsocketInit(ctx context.Context, _ *http.Request, payload transport.InitPayload) (context.Context, error) {
	raw, ok := payload["authorization"].(string)
	if !ok {
		raw, ok = payload["Authorization"].(string)
	}
	var v *viewer.Viewer
	if ok {
		token := bearer(raw)
		var err error
		if v, err = s.Authenticate(ctx, token); err != nil {
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
	ctx, _ = s.bind(ctx, v)
	if err := s.stillValid(ctx, v); err != nil {
		return ctx, err
	}
	if ctx.Err() != nil {
		return ctx, revocation.ErrEnded
	}
	return ctx, nil
}

// stillValid ends ctx (bound to v's session) when the session has ended
// meanwhile.
func (s *Service) stillValid(ctx context.Context, v *viewer.Viewer) error {
	if v.SessionID == 0 {
		return nil
	}
	valid, err := s.ValidSessions(ctx, []int{v.SessionID})
	if err != nil {
		return err
	}
	if len(valid) == 0 {
		s.revoked.End(revocation.Credential{Kind: revocation.Session, ID: v.SessionID})
	}
	return nil
}

// bind makes ctx end when v's session does; release unbinds it.
func (s *Service) bind(ctx context.Context, v *viewer.Viewer) (_ context.Context, release func()) {
	if v.SessionID == 0 {
		return ctx, func() {}
	}
	return s.revoked.Bind(ctx, revocation.Credential{Kind: revocation.Session, ID: v.SessionID})
}

func fromContext(ctx context.Context) *request {
	req, _ := ctx.Value(requestKey{}).(*request)
	return req
}

// StartSession sets the session cookie of sess on the response of the
// request in ctx.
func StartSession(ctx context.Context, sess *Session) {
	if req := fromContext(ctx); req != nil && req.w != nil {
		req.cookies.SetSessionCookie(req.w, req.r, sess.Token, sess.Expires)
		if sess.Device != "" {
			req.cookies.SetDeviceCookie(req.w, req.r, sess.Device)
		}
	}
}

// ClearSessionCookie tells the browser of the request in ctx to drop its
// session cookie (after a logout).
func ClearSessionCookie(ctx context.Context) {
	if req := fromContext(ctx); req != nil && req.w != nil && req.r != nil {
		req.cookies.ClearSessionCookie(req.w, req.r)
	}
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
	if req.cookies.TrustProxy {
		if xff != "" {
			parts := strings.Split(xff, ",")
			return strings.TrimSpace(parts[len(parts)-1])
		}
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
