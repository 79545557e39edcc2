package gqlserver

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/gorilla/websocket"

	"github.com/woowtech/woow-paas/errs"
)

// graphqlTransportWS is the subprotocol of the graphql-ws library
// (https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md), the only
// one we negotiate: the legacy subscriptions-transport-ws protocol
// ("graphql-ws") is unmaintained.
const graphqlTransportWS = "graphql-transport-ws"

// graphql-transport-ws close codes.
const (
	closeForbidden              = 4403
	closeInitTimeout            = 4408
	maxCloseReasonBytes         = 123 // a control frame payload is 125 bytes, 2 of them the code
	gqlgenInitTimeoutReason     = "connection initialisation timeout"
	defaultForbiddenCloseReason = "Forbidden"
)

// isWebSocketUpgrade reports whether r asks for a WebSocket upgrade.
func isWebSocketUpgrade(r *http.Request) bool {
	return websocket.IsWebSocketUpgrade(r)
}

// offersSubprotocol reports whether the client offered protocol.
func offersSubprotocol(r *http.Request, protocol string) bool {
	return slices.Contains(websocket.Subprotocols(r), protocol)
}

// originChecker returns the Origin policy of Options.AllowedOrigin.
func originChecker(allowed func(r *http.Request, origin string) bool) func(r *http.Request) bool {
	return func(r *http.Request) bool {
		origin := r.Header.Get("Origin")
		if origin == "" {
			// Not a browser: nothing to forge. WSInit still authenticates.
			return true
		}
		if allowed != nil {
			return allowed(r, origin)
		}
		u, err := url.Parse(origin)
		if err != nil || u.Host == "" {
			return false // includes the opaque origin "null"
		}
		return strings.EqualFold(u.Host, r.Host)
	}
}

// wsInitFunc adapts Options.WSInit to gqlgen's InitFunc.
func wsInitFunc(
	init func(context.Context, *http.Request, transport.InitPayload) (context.Context, error),
	log *slog.Logger,
) transport.WebsocketInitFunc {
	return func(ctx context.Context, payload transport.InitPayload) (context.Context, *transport.InitPayload, error) {
		ctx = withSubscriptionCounter(ctx)
		if init == nil {
			return ctx, nil, nil
		}
		newCtx, err := init(ctx, requestFromContext(ctx), payload)
		if err != nil {
			reason := defaultForbiddenCloseReason
			if de, ok := errors.AsType[*errs.Error](err); ok && de.Code != errs.Internal && de.Message != "" {
				reason = de.Message
			} else {
				log.WarnContext(ctx, "graphql: websocket connection_init rejected", "err", err.Error())
			}
			// gqlgen closes with the code and reason found in this context;
			// it must never be nil (gqlgen reads values from it).
			ctx = transport.AppendCloseReason(ctx, reason)
			ctx = transport.WithWebsocketCloseCode(ctx, closeForbidden)
			return ctx, nil, err
		}
		if newCtx == nil {
			newCtx = ctx
		}
		return newCtx, nil, nil
	}
}

// gorillaImplementation is gqlgen's WebsocketImplementation on top of
// gorilla/websocket (gqlgen >= 0.17.92 defaults to coder/websocket).
type gorillaImplementation struct {
	allowed      func(r *http.Request) bool
	writeTimeout time.Duration
}

var _ transport.WebsocketImplementation = gorillaImplementation{}

// Accept upgrades the connection, negotiating graphql-transport-ws only. The
// Origin check is repeated here so the adapter is safe on its own.
func (g gorillaImplementation) Accept(
	w http.ResponseWriter,
	r *http.Request,
	opts transport.WebsocketAcceptOptions,
) (transport.WebsocketConn, error) {
	if !slices.Contains(opts.Subprotocols, graphqlTransportWS) {
		return nil, errors.New("gqlgen does not support " + graphqlTransportWS)
	}
	up := websocket.Upgrader{
		Subprotocols: []string{graphqlTransportWS},
		// Small read buffers and pooled write buffers: an idle connection
		// (most subscribers, most of the time) holds no write buffer.
		ReadBufferSize:  1024,
		WriteBufferSize: 4096,
		WriteBufferPool: writeBufferPool,
		CheckOrigin:     g.allowed,
		// gqlgen writes its own error body after a failed upgrade: write only
		// the status here so that the response is not two bodies.
		Error: func(w http.ResponseWriter, _ *http.Request, status int, _ error) {
			w.Header().Set("Sec-Websocket-Version", "13")
			w.WriteHeader(status)
		},
	}
	conn, err := up.Upgrade(w, r, opts.ResponseHeader)
	if err != nil {
		return nil, err
	}
	if conn.Subprotocol() != graphqlTransportWS {
		_ = conn.WriteControl(websocket.CloseMessage,
			websocket.FormatCloseMessage(websocket.CloseProtocolError, "subprotocol "+graphqlTransportWS+" required"),
			time.Now().Add(g.writeTimeout))
		_ = conn.Close()
		return nil, errors.New("client did not offer " + graphqlTransportWS)
	}
	return &gorillaConn{c: conn, writeTimeout: g.writeTimeout}, nil
}

// writeBufferPool lends write buffers to connections while they write.
var writeBufferPool = &sync.Pool{}

// gorillaConn is one accepted connection. gqlgen serialises writes (WriteJSON
// and WriteClose under one mutex) and reads from one goroutine, which is what
// gorilla requires.
type gorillaConn struct {
	c            *websocket.Conn
	writeTimeout time.Duration
}

var (
	_ transport.WebsocketConn          = (*gorillaConn)(nil)
	_ transport.WebsocketReadLimiter   = (*gorillaConn)(nil)
	_ transport.WebsocketReadDeadliner = (*gorillaConn)(nil)
)

// NextReader returns the next data message; a normal close by the peer is
// transport.ErrWebsocketClosed, as gqlgen expects.
func (g *gorillaConn) NextReader() (int, io.Reader, error) {
	mt, r, err := g.c.NextReader()
	if websocket.IsCloseError(err, websocket.CloseNormalClosure, websocket.CloseGoingAway, websocket.CloseNoStatusReceived) {
		return mt, nil, transport.ErrWebsocketClosed
	}
	return mt, r, err
}

// WriteJSON writes one text message within the write timeout.
func (g *gorillaConn) WriteJSON(v any) error {
	if err := g.c.SetWriteDeadline(time.Now().Add(g.writeTimeout)); err != nil {
		return err
	}
	return g.c.WriteJSON(v)
}

// WriteClose sends a close frame. gqlgen closes a connection that missed its
// init deadline with 1002, which graphql-ws clients treat as fatal (no
// reconnect); the protocol's code for it is 4408, sent instead.
func (g *gorillaConn) WriteClose(code int, reason string) error {
	if code == transport.WebsocketCloseProtocolError && reason == gqlgenInitTimeoutReason {
		code, reason = closeInitTimeout, "Connection initialisation timeout"
	}
	if len(reason) > maxCloseReasonBytes {
		reason = strings.ToValidUTF8(reason[:maxCloseReasonBytes], "")
	}
	return g.c.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, reason),
		time.Now().Add(g.writeTimeout))
}

// Subprotocol is the negotiated subprotocol, always graphql-transport-ws.
func (g *gorillaConn) Subprotocol() string { return g.c.Subprotocol() }

// Close closes the network connection without a close frame.
func (g *gorillaConn) Close() error { return g.c.Close() }

// SetReadLimit bounds one incoming message; gorilla closes the connection
// with 1009 when a message is larger.
func (g *gorillaConn) SetReadLimit(limit int64) { g.c.SetReadLimit(limit) }

// SetReadDeadline is how gqlgen drops a client that stopped answering pings.
func (g *gorillaConn) SetReadDeadline(t time.Time) error { return g.c.SetReadDeadline(t) }
