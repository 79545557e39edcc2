package gqlserver

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/gorilla/websocket"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/errs/httperr"
	"github.com/woowtech/woow-paas/push"
)

// graphqlTransportWS is the subprotocol of the graphql-ws library
// (https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md), the only
// one we negotiate: the legacy subscriptions-transport-ws protocol
// ("graphql-ws") is unmaintained.
const graphqlTransportWS = "graphql-transport-ws"

// Close codes: graphql-transport-ws's own (4xxx) and the WebSocket ones we
// send. graphql-ws clients retry after 1000 and 1001 and give up after the
// 44xx codes.
const (
	closeGoingAway         = websocket.CloseGoingAway
	closeBadRequest        = 4400
	closeUnauthorized      = 4401
	closeForbidden         = 4403
	closeInitTimeout       = 4408
	closeSubscriberExists  = 4409
	closeTooManyInitialise = 4429

	maxCloseReasonBytes         = 123 // a control frame payload is 125 bytes, 2 of them the code
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

// wsTransport is the graphql-transport-ws transport of New, in place of
// gqlgen's transport.Websocket. gqlgen's runs the whole session in the
// upgrade request's handler and keeps four goroutines per connection and
// one per operation, ~30 KiB of stacks and net/http's buffers per idle
// socket. This one hijacks the connection and returns, and a socket then
// costs one reader goroutine and timers instead of ticker goroutines; a
// subscription whose source wakes it (package push) has a goroutine only
// while it delivers, other operations one while they run. It is a gqlgen
// transport so that operations run on handler.Server's executor: the same
// caches, extensions, limits, presenter and recover function as over HTTP.
type wsTransport struct{ s *server }

var _ graphql.Transport = wsTransport{}

// Supports claims every upgrade: ServeHTTP has refused the ones we do not
// accept before gqlgen routes the request here.
func (wsTransport) Supports(r *http.Request) bool { return r.Header.Get("Upgrade") != "" }

// Do upgrades the connection, starts its reader and returns, releasing
// net/http's connection goroutine and buffers.
func (t wsTransport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	s := t.s
	sw := &spillWriter{ResponseWriter: w}
	ws, err := s.upgrader.Upgrade(sw, r, nil)
	if err != nil {
		return // the upgrader has answered
	}
	if ws.Subprotocol() != graphqlTransportWS {
		_ = ws.WriteControl(websocket.CloseMessage,
			websocket.FormatCloseMessage(websocket.CloseProtocolError, "subprotocol "+graphqlTransportWS+" required"),
			time.Now().Add(s.opts.WSWriteTimeout))
		_ = ws.Close()
		return
	}
	ws.SetReadLimit(s.opts.WSPayloadLimit)
	if s.opts.Connections != nil {
		s.opts.Connections("websocket", 1)
	}

	// The socket outlives the request (whose context net/http cancels when
	// the handler returns) but not the server.
	ctx, cancel := context.WithCancel(context.WithoutCancel(r.Context()))
	c := &wsConn{s: s, exec: exec, ws: ws, ctx: ctx, cancel: cancel, ops: map[string]*wsOp{}, neverBlocks: sw.conn != nil}
	// Under the lock: either callback may run at once, and close reads
	// what is assigned here.
	c.mu.Lock()
	c.stopShutdown = context.AfterFunc(s.shutdown, func() { c.close(closeGoingAway, "server shutting down") })
	c.initTimer = time.AfterFunc(s.opts.WSInitTimeout, func() {
		if !c.isAcked() {
			c.close(closeInitTimeout, "Connection initialisation timeout")
		}
	})
	c.mu.Unlock()
	go c.read(r)
}

// newUpgrader is the gorilla Upgrader of every socket.
func newUpgrader(allowed func(r *http.Request) bool) websocket.Upgrader {
	return websocket.Upgrader{
		Subprotocols: []string{graphqlTransportWS},
		// A small read buffer (client messages are small; larger ones are
		// read in several steps) and pooled write buffers: an idle
		// connection, most subscribers most of the time, holds no write
		// buffer.
		ReadBufferSize:  256,
		WriteBufferSize: 4096,
		WriteBufferPool: &sync.Pool{},
		// ServeHTTP has checked; repeated so the upgrader is safe alone.
		CheckOrigin: allowed,
		Error: func(w http.ResponseWriter, _ *http.Request, status int, _ error) {
			w.Header().Set("Sec-Websocket-Version", "13")
			code := httperr.BadRequest // ServeHTTP has refused the rest
			if status >= http.StatusInternalServerError {
				code = errs.Internal // w cannot be hijacked
			}
			httperr.Write(w, errs.E(code, "unable to upgrade"))
		},
	}
}

// wsConn is one graphql-transport-ws connection. Its reader goroutine
// (read) owns the reads; writes from any goroutine go through write, one at
// a time.
type wsConn struct {
	s    *server
	exec graphql.GraphExecutor
	ws   *websocket.Conn

	// ctx ends with the connection; cancel ends it. opCtx, set by
	// connection_init, is the parent of the operations.
	ctx          context.Context
	cancel       context.CancelFunc
	stopShutdown func() bool
	// stopInitCtx unregisters the watch on WSInit's context (nil when
	// there is none).
	stopInitCtx func() bool

	wmu sync.Mutex // one writer at a time (gorilla's rule)
	// neverBlocks: writes never wait for the client (spillConn), so a
	// stream may drain on its source's goroutine (push.Here).
	neverBlocks bool

	mu           sync.Mutex
	closed       bool
	acked        bool
	opCtx        context.Context
	ops          map[string]*wsOp // running operations by client id
	initTimer    *time.Timer
	pinger       *time.Timer
	awaitingPong bool
}

// wsOp is one running operation.
type wsOp struct {
	cancel context.CancelFunc
}

// wsIncoming is a message from the client.
type wsIncoming struct {
	Type    string          `json:"type"`
	ID      string          `json:"id"`
	Payload json.RawMessage `json:"payload"`
}

func (c *wsConn) isAcked() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.acked
}

// read is the connection's only reader: it handles the client's messages
// in order until the connection ends, then cleans up.
func (c *wsConn) read(r *http.Request) {
	defer c.close(0, "")
	for {
		_, data, err := c.ws.ReadMessage()
		if err != nil {
			// A close by the peer (answered by gorilla), an oversized
			// message (gorilla has sent 1009), a network error, or our own
			// close.
			if _, ok := errors.AsType[*websocket.CloseError](err); !ok && !errors.Is(err, websocket.ErrReadLimit) && c.ctx.Err() == nil {
				c.s.opts.Logger.Debug("graphql: websocket read", "err", err.Error())
			}
			return
		}
		var m wsIncoming
		if err := json.Unmarshal(data, &m); err != nil {
			c.close(closeBadRequest, "Invalid message received")
			return
		}
		// Any message shows the client is alive.
		c.mu.Lock()
		c.awaitingPong = false
		c.mu.Unlock()

		switch m.Type {
		case "connection_init":
			if r == nil {
				c.close(closeTooManyInitialise, "Too many initialisation requests")
				return
			}
			// On a goroutine of its own: authentication goes deep (session
			// lookup, database driver), and the reader's stack, which lives
			// as long as the socket, would keep that depth; the runtime
			// shrinks an idle stack only by half per collection.
			done := make(chan bool)
			go func(r *http.Request) { done <- c.init(r, m.Payload) }(r)
			r = nil // the request is needed only here; do not keep it
			if !<-done {
				return
			}
		case "ping":
			msg := []byte(`{"type":"pong"}`)
			if len(m.Payload) > 0 && string(m.Payload) != "null" {
				msg = append(append([]byte(`{"type":"pong","payload":`), m.Payload...), '}')
			}
			c.write(msg)
		case "pong":
		case "subscribe":
			if !c.isAcked() {
				c.close(closeUnauthorized, "Unauthorized")
				return
			}
			if !c.subscribe(m.ID, m.Payload) {
				return
			}
		case "complete":
			c.mu.Lock()
			op := c.ops[m.ID]
			delete(c.ops, m.ID) // the id may be reused at once
			c.mu.Unlock()
			if op != nil {
				op.cancel()
			}
		default:
			c.close(closeBadRequest, "Invalid message received")
			return
		}
	}
}

// init answers connection_init: WSInit decides, then connection_ack and
// the keep-alive pings start.
func (c *wsConn) init(r *http.Request, raw json.RawMessage) bool {
	var payload transport.InitPayload
	if len(raw) > 0 && string(raw) != "null" {
		if err := json.Unmarshal(raw, &payload); err != nil {
			c.close(closeBadRequest, "Invalid connection_init payload")
			return false
		}
	}
	ctx := withSubscriptionCounter(c.ctx)
	if init := c.s.opts.WSInit; init != nil {
		newCtx, err := init(ctx, r, payload)
		if err != nil {
			reason := defaultForbiddenCloseReason
			if de, ok := errors.AsType[*errs.Error](err); ok && de.Code != errs.Internal && de.Message != "" {
				reason = de.Message
			} else {
				c.s.opts.Logger.WarnContext(ctx, "graphql: websocket connection_init rejected", "err", err.Error())
			}
			c.close(closeForbidden, reason)
			return false
		}
		if newCtx != nil {
			ctx = newCtx
		}
	}
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return false
	}
	if ctx.Done() != c.ctx.Done() {
		// WSInit's context may end before the connection does: the
		// credential it authenticated ended (a logout, on any replica).
		// Then so does the connection, with the code its cause names
		// (and its operations end without "complete": see finish).
		c.stopInitCtx = context.AfterFunc(ctx, func() { c.close(closeFor(context.Cause(ctx))) })
	}
	c.acked = true
	c.opCtx = ctx
	c.initTimer.Stop()
	c.initTimer = nil // a timer is ~170 bytes; this socket may idle for hours
	if c.s.opts.KeepAlive > 0 {
		c.pinger = time.AfterFunc(c.s.opts.KeepAlive, c.keepAlive)
	}
	c.mu.Unlock()
	c.write([]byte(`{"type":"connection_ack"}`))
	return true
}

// keepAlive sends the protocol's ping every KeepAlive and drops a client
// that has not answered (nor sent anything) since the previous one: within
// two intervals of going silent.
func (c *wsConn) keepAlive() {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return
	}
	missed := c.awaitingPong
	c.awaitingPong = true
	c.mu.Unlock()
	if missed {
		c.close(closeGoingAway, "keep-alive timeout")
		return
	}
	if c.write([]byte(`{"type":"ping"}`)) {
		c.mu.Lock()
		if !c.closed {
			c.pinger.Reset(c.s.opts.KeepAlive)
		}
		c.mu.Unlock()
	}
}

// subscribe starts an operation on its own goroutine (the reader goes on
// reading: a client completes a subscription over the same socket).
func (c *wsConn) subscribe(id string, raw json.RawMessage) bool {
	start := graphql.Now()
	params := &graphql.RawParams{}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber() // as gqlgen's transports decode
	if id == "" || len(raw) == 0 || dec.Decode(params) != nil {
		c.close(closeBadRequest, "Invalid subscribe message")
		return false
	}
	// params.Headers stays nil: keeping the upgrade request's headers for
	// the socket's life costs ~1.5 KiB per connection, and WSInit, which
	// sees the request, is where they matter.
	params.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}

	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return false
	}
	if _, dup := c.ops[id]; dup {
		c.mu.Unlock()
		c.close(closeSubscriberExists, truncateReason("Subscriber for "+id+" already exists"))
		return false
	}
	ctx, cancel := context.WithCancel(c.opCtx)
	op := &wsOp{cancel: cancel}
	c.ops[id] = op
	c.mu.Unlock()
	go c.operate(ctx, op, id, params)
	return true
}

// operate runs one operation to its end: "next" for each result, then
// "complete" unless the connection is closing. Request errors (parse,
// validation, limits) are an "error" message, like gqlgen's transport
// (which also follows them with "complete").
func (c *wsConn) operate(ctx context.Context, op *wsOp, id string, params *graphql.RawParams) {
	idJSON, _ := json.Marshal(id)
	handedOff := false
	defer func() {
		if v := recover(); v != nil || !handedOff {
			c.finish(ctx, op, id, idJSON, v)
		}
	}()

	ctx = graphql.StartOperationTrace(ctx)
	rc, errList := c.exec.CreateOperationContext(ctx, params)
	if errList != nil {
		resp := c.exec.DispatchError(graphql.WithOperationContext(ctx, rc), errList)
		if errcode.GetErrorKind(errList) == errcode.KindProtocol {
			c.sendErrors(idJSON, resp.Errors)
		} else {
			c.sendNext(idJSON, resp)
		}
		return
	}

	var st *stream
	if rc.Operation.Operation == ast.Subscription {
		shared := sharedOperation(c.s.schema, rc.Doc, rc.Operation)
		st = newStream(c.s.flushers, rc, shared)
		st.plan = newLeafPlan(c.s.schema, rc.Operation, c.s.leaves)
		ctx, st.waker = push.NewContext(ctx, st.flusher.Wake)
		if (shared || st.plan != nil) && c.neverBlocks {
			// Its events render without resolvers that read (only @shared
			// fields), or those the plan writes do (the others are left
			// to a drain of the stream's own: take), and its writes never
			// wait: a source may have them done on its own goroutine.
			st.waker.OfferHere(st.wakeHere)
		}
	}
	ctx = graphql.WithOperationContext(ctx, rc)
	responses, ctx := c.exec.DispatchOperation(ctx, rc)

	if st != nil && st.source.IsValid() {
		handedOff = true
		st.c, st.ctx, st.done, st.op, st.id, st.idJSON, st.responses = c, ctx, ctx.Done(), op, id, idJSON, responses
		if st.waker.Accepted(st.source.Interface()) {
			// The source wakes the stream, also when ctx ends (it closes
			// its channel then; see push.Accept).
			st.flusher.Run() // what came before the stream was set up
			return
		}
		// A fresh goroutine waits for the events: this one's stack has
		// grown through parsing, validation and the resolver, and would
		// stay that size while the subscription idles.
		go st.wait()
		return
	}
	for {
		resp := responses(ctx)
		if resp == nil || !c.sendNext(idJSON, resp) {
			return
		}
	}
}

// finish ends an operation: an "error" for a panic (v), then "complete"
// unless the connection is closing.
func (c *wsConn) finish(ctx context.Context, op *wsOp, id string, idJSON []byte, v any) {
	if v != nil {
		err := c.s.recover(ctx, v)
		var gqlErr *gqlerror.Error
		if !errors.As(err, &gqlErr) {
			gqlErr = &gqlerror.Error{Message: internalMessage}
		}
		c.sendErrors(idJSON, gqlerror.List{gqlErr})
	}
	c.mu.Lock()
	if c.ops[id] == op {
		delete(c.ops, id)
	}
	// Also when WSInit's context ended: the close that says why follows,
	// and a "complete" first would read as the server's answer.
	closing := c.closed || c.opCtx.Err() != nil
	c.mu.Unlock()
	op.cancel()
	if !closing {
		c.write(message(idJSON, "complete", nil))
	}
}

// sendNext writes a "next" message; false when the write failed.
func (c *wsConn) sendNext(idJSON []byte, resp *graphql.Response) bool {
	b, err := json.Marshal(resp)
	if err != nil {
		panic(err) // as gqlgen: a response always marshals
	}
	return c.write(message(idJSON, "next", b))
}

func (c *wsConn) sendErrors(idJSON []byte, list gqlerror.List) {
	b, err := json.Marshal(list)
	if err != nil {
		panic(err)
	}
	c.write(message(idJSON, "error", b))
}

// message builds {"id":…,"type":…,"payload":…} around already encoded
// parts, so a shared payload is not encoded again per subscriber.
func message(idJSON []byte, typ string, payload []byte) []byte {
	b := make([]byte, 0, len(idJSON)+len(typ)+len(payload)+32)
	b = append(b, `{"id":`...)
	b = append(b, idJSON...)
	b = append(b, `,"type":"`...)
	b = append(b, typ...)
	b = append(b, '"')
	if payload != nil {
		b = append(b, `,"payload":`...)
		b = append(b, payload...)
	}
	return append(b, '}')
}

// write sends one text message within WSWriteTimeout. A failed write ends
// the connection (a client that stopped reading must not hold the
// operations that write to it).
func (c *wsConn) write(msg []byte) bool {
	c.wmu.Lock()
	err := c.ws.SetWriteDeadline(time.Now().Add(c.s.opts.WSWriteTimeout))
	if err == nil {
		err = c.ws.WriteMessage(websocket.TextMessage, msg)
	}
	c.wmu.Unlock()
	if err != nil {
		if c.ctx.Err() == nil {
			c.s.opts.Logger.Debug("graphql: websocket write", "err", err.Error())
		}
		c.close(0, "")
		return false
	}
	return true
}

// close ends the connection once: every operation is cancelled, the close
// frame sent when code is not 0, the network connection closed (which ends
// the reader).
func (c *wsConn) close(code int, reason string) {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return
	}
	c.closed = true
	if c.s.opts.Connections != nil {
		c.s.opts.Connections("websocket", -1)
	}
	ops := c.ops
	c.ops = nil
	stopShutdown, stopInitCtx := c.stopShutdown, c.stopInitCtx
	if c.initTimer != nil {
		c.initTimer.Stop()
	}
	if c.pinger != nil {
		c.pinger.Stop()
	}
	c.mu.Unlock()

	// WSInit's context may not derive from c.ctx: cancel each operation.
	for _, op := range ops {
		op.cancel()
	}
	if stopInitCtx != nil {
		stopInitCtx()
	}
	c.cancel()
	stopShutdown()
	if code != 0 {
		_ = c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, truncateReason(reason)),
			time.Now().Add(c.s.opts.WSWriteTimeout))
	}
	_ = c.ws.Close()
}

// closeFor is the close code and reason of a connection whose WSInit
// context ended with cause: 4401 for UNAUTHENTICATED (the session or token
// ended), 4403 for another domain refusal, 1001 otherwise (the server
// ending it; clients reconnect).
func closeFor(cause error) (int, string) {
	de, ok := errors.AsType[*errs.Error](cause)
	switch {
	case !ok || de.Code == errs.Internal:
		return closeGoingAway, "connection ended"
	case de.Code == errs.Unauthenticated:
		return closeUnauthorized, de.Message
	default:
		return closeForbidden, de.Message
	}
}

func truncateReason(reason string) string {
	if len(reason) > maxCloseReasonBytes {
		reason = strings.ToValidUTF8(reason[:maxCloseReasonBytes], "")
	}
	return reason
}

// stream is one subscription whose root resolver returned a channel. The
// operation's resolver middleware replaces that channel (the source) by a
// proxy of the same type, so that this transport receives each event
// itself before gqlgen's generated code renders it. When the operation
// selects nothing but fields the schema marks @shared (sharedOperation,
// decided once, from the document, before anything runs), an event whose
// rendering another subscriber of the same operation text and variables has
// already shared is written without executing anything (see renderCache);
// any other operation renders each event for its own viewer.
//
// A source that accepts the stream's push.Waker wakes it after each send
// and close; the stream then has no goroutine while idle: its flusher
// drains the source on a goroutine that exits when the source is empty.
// Other sources are waited on by a goroutine of their own (wait).
type stream struct {
	source reflect.Value // the resolver's channel; invalid until resolved
	proxy  reflect.Value // what the generated code reads; buffer 1
	// held is an event taken from source by coalesce that did not continue
	// the one before: the next to deliver. Only the goroutine delivering
	// (the flusher's or wait's) touches it.
	held reflect.Value
	// shared: the operation selects only @shared fields; key, set only
	// then, is its text, name and variables.
	shared bool
	key    string
	// plan renders the events without the executor when the selection
	// allows it (newLeafPlan), from the stream's second event on: the
	// first goes through the executor (or the rendering another
	// subscriber shared), whose interceptors see the stream's first
	// response (the metrics count the operation then).
	plan     *leafPlan
	rendered bool
	// handoff: a drain on a source's goroutine met an event the plan
	// does not write, held it and stopped; wakeHere then wakes a drain of
	// the stream's own for it.
	handoff atomic.Bool

	// Set once the operation is dispatched, before any delivery. The
	// context is the operation's: a stream is an operation in progress.
	c         *wsConn
	ctx       context.Context
	op        *wsOp
	id        string
	idJSON    []byte
	responses graphql.ResponseHandler
	waker     *push.Waker
	// ctx.Done(), looked up once: ctx is a chain of some twenty contexts,
	// and walking it per event (ctx.Err) cost ~1.4 µs of cache misses per
	// delivery in a 10k fan-out.
	done <-chan struct{}

	// Runs drain after the source's wakes. It starts held: operate sets
	// the stream up, then runs the first drain.
	flusher *push.Flusher
}

// newStream wraps rc's resolver middleware to capture the root field's
// channel. shared is sharedOperation's answer for rc's operation; the
// stream's drains run in pool.
func newStream(pool *push.Pool, rc *graphql.OperationContext, shared bool) *stream {
	st := &stream{}
	st.flusher = push.NewFlusher(pool, st.drain)
	next0 := rc.ResolverMiddleware
	resolved := false
	rc.ResolverMiddleware = func(ctx context.Context, next graphql.Resolver) (any, error) {
		if resolved {
			return next0(ctx, next)
		}
		// The first field is the subscription's root field, resolved once,
		// when the operation starts.
		resolved = true
		res, err := next0(ctx, next)
		rv := reflect.ValueOf(res)
		if err != nil || rv.Kind() != reflect.Chan || rv.IsNil() || rv.Type().ChanDir()&reflect.RecvDir == 0 {
			return res, err
		}
		if shared {
			if vars, err := json.Marshal(rc.Variables); err == nil { // map keys sorted: canonical
				st.shared = true
				st.key = rc.RawQuery + "\x00" + rc.OperationName + "\x00" + string(vars)
			}
		}
		st.source = rv
		st.proxy = reflect.MakeChan(reflect.ChanOf(reflect.BothDir, rv.Type().Elem()), 1)
		return st.proxy.Convert(rv.Type()).Interface(), nil
	}
	return st
}

// drain delivers the source's pending events without blocking; false once
// the stream has ended (and finished). The flusher runs it, one at a time.
func (st *stream) drain() bool {
	// finish runs outside take's recover, so that it runs once even if it
	// panics itself.
	if ended, v := st.take(); ended {
		st.finish(v)
		return false
	}
	return true
}

// take delivers what the source holds; ended when the stream is over: its
// context ended, its source closed, a write failed, or rendering panicked
// (v).
func (st *stream) take() (ended bool, v any) {
	defer func() {
		if r := recover(); r != nil {
			ended, v = true, r
		}
	}()
	for {
		select {
		case <-st.done:
			return true, nil
		default:
		}
		ev := st.held
		st.held = reflect.Value{}
		if !ev.IsValid() {
			var ok bool
			if ev, ok = st.source.TryRecv(); !ok {
				if !ev.IsValid() {
					return false, nil // empty
				}
				st.sourceClosed()
				return true, nil
			}
		}
		if !st.shared && st.flusher.Here() {
			// On a source's goroutine, a stream rendered per viewer writes
			// only what its plan writes: the executor's resolvers may read.
			payload, ok := st.planned(ev)
			if !ok {
				st.held = ev
				st.handoff.Store(true)
				return false, nil
			}
			if !st.c.write(message(st.idJSON, "next", payload)) {
				return true, nil
			}
			continue
		}
		if !st.deliver(st.coalesce(ev)) {
			return true, nil
		}
	}
}

// planned is ev written by the stream's plan, or false when it goes
// through the executor (no plan, the stream's first event, or an event
// the plan does not write).
func (st *stream) planned(ev reflect.Value) ([]byte, bool) {
	if st.plan == nil || !st.rendered {
		return nil, false
	}
	return st.plan.render(ev)
}

// wakeHere is the drain a source runs on its own goroutine (push.Here):
// what the drain left for the executor goes to a run of the stream's own.
func (st *stream) wakeHere() {
	st.flusher.WakeHere()
	if st.handoff.Swap(false) {
		st.flusher.Wake()
	}
}

// Coalescer is an event that can stand for itself and the event after it
// (the pieces of a text being written). A subscriber that has fallen
// behind, with several such events queued when it reads, gets them as one:
// one rendering and one message instead of one per event, so a busy
// socket or a busy machine catches up instead of falling further behind.
// A subscriber that keeps up gets each event as it comes.
type Coalescer interface {
	// Coalesce returns the one event that stands for the receiver followed
	// by next, or false when next does not continue it.
	Coalesce(next any) (any, bool)
}

// coalesce joins to ev the events already queued behind it while each
// continues the one before (Coalescer), without waiting for any. The
// first one that does not is held for the next delivery.
func (st *stream) coalesce(ev reflect.Value) reflect.Value {
	c, ok := ev.Interface().(Coalescer)
	for ok {
		next, got := st.source.TryRecv()
		if !got {
			return ev // empty, or closed: the next take sees which
		}
		joined, ok2 := c.Coalesce(next.Interface())
		if !ok2 {
			st.held = next
			return ev
		}
		ev = reflect.ValueOf(joined)
		c, ok = joined.(Coalescer)
	}
	return ev
}

// wait delivers the events of a source that does not wake the stream, on a
// goroutine of its own, until the source closes or the context ends.
func (st *stream) wait() {
	defer func() { st.finish(recover()) }()
	cases := []reflect.SelectCase{
		{Dir: reflect.SelectRecv, Chan: st.source},
		{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(st.done)},
	}
	for {
		ev := st.held
		st.held = reflect.Value{}
		if !ev.IsValid() {
			chosen, v, ok := reflect.Select(cases)
			switch {
			case chosen == 1:
				return
			case !ok:
				st.sourceClosed()
				return
			}
			ev = v
		}
		if !st.deliver(st.coalesce(ev)) {
			return
		}
	}
}

func (st *stream) finish(v any) { st.c.finish(st.ctx, st.op, st.id, st.idJSON, v) }

// sourceClosed lets the generated code see the end of the stream too (it
// returns nil, and the executor's wrappers release what they hold, such as
// the subscription count) and sends what it still returns.
func (st *stream) sourceClosed() {
	st.proxy.Close()
	for resp := st.responses(st.ctx); resp != nil; resp = st.responses(st.ctx) {
		if !st.c.sendNext(st.idJSON, resp) {
			return
		}
	}
}

// deliver renders one event, or takes the rendering another subscriber
// shared, and writes it; false when the stream or the connection has ended.
func (st *stream) deliver(ev reflect.Value) bool {
	var payload []byte
	if st.shared {
		var ok bool
		if payload, ok = st.c.s.renders.render(st.done, st.key, ev, func() ([]byte, bool) { return st.render(ev) }); !ok {
			return false
		}
	} else if payload, _ = st.render(ev); payload == nil {
		return false
	}
	st.rendered = true
	return st.c.write(message(st.idJSON, "next", payload))
}

// render executes the operation's selection on ev for this subscriber's
// viewer, or writes it from ev's fields when the stream's plan renders ev
// (planned); nil when the stream has ended. shareable is false when the
// response has errors (they are logged, and may be about the viewer) or
// extensions (per operation).
func (st *stream) render(ev reflect.Value) (payload []byte, shareable bool) {
	if b, ok := st.planned(ev); ok {
		return b, true
	}
	st.proxy.Send(ev) // never blocks: the proxy is empty
	resp := st.responses(st.ctx)
	if resp == nil {
		return nil, false
	}
	b, err := json.Marshal(resp)
	if err != nil {
		panic(err)
	}
	return b, len(resp.Errors) == 0 && len(resp.Extensions) == 0
}

// renderCache shares the rendering of an event among the subscribers of
// the same operation text and variables, for the few most recent events.
// Only streams whose operation selects nothing but @shared fields use it
// (see sharedOperation); a rendering with errors is not shared either. An
// event is identified by pointer (the subscription resolvers hand every
// subscriber the same loaded entity), so non-pointer events are never
// shared.
type renderCache struct {
	mu      sync.Mutex
	entries map[renderKey]*renderEntry
	ring    [renderCacheSize]renderKey // insertion order, for eviction
	next    int
}

// renderCacheSize is how many (operation, event) renderings are kept: a
// fan-out of one event to all its subscribers takes one entry per distinct
// operation, and is over in well under a second.
const renderCacheSize = 64

type renderKey struct {
	op    string
	event any
}

type renderEntry struct {
	done    chan struct{} // closed when payload is final
	payload []byte        // nil: not shareable
}

func newRenderCache() *renderCache {
	return &renderCache{entries: map[renderKey]*renderEntry{}}
}

// render returns the payload of ev for the operation op: the shared one
// when another subscriber's rendering was shareable, otherwise
// exec's. The first subscriber of a key renders while the others wait for
// it. ok is false when exec returned no payload (the stream ended) or done
// was closed while waiting.
func (rc *renderCache) render(done <-chan struct{}, op string, ev reflect.Value, exec func() ([]byte, bool)) (payload []byte, ok bool) {
	if ev.Kind() != reflect.Pointer || ev.IsNil() {
		payload, _ = exec()
		return payload, payload != nil
	}
	key := renderKey{op: op, event: ev.Interface()}
	rc.mu.Lock()
	e := rc.entries[key]
	if e == nil {
		e = &renderEntry{done: make(chan struct{})}
		if old := rc.ring[rc.next]; old.event != nil {
			delete(rc.entries, old)
		}
		rc.ring[rc.next] = key
		rc.next = (rc.next + 1) % renderCacheSize
		rc.entries[key] = e
		rc.mu.Unlock()
		shared := false
		defer func() {
			if !shared {
				e.payload = nil
			}
			close(e.done) // also when exec panics: the others render themselves
		}()
		payload, shareable := exec()
		if payload != nil && shareable {
			e.payload, shared = payload, true
		}
		return payload, payload != nil
	}
	rc.mu.Unlock()
	select {
	case <-e.done:
	case <-done:
		return nil, false
	}
	if e.payload != nil {
		return e.payload, true
	}
	payload, _ = exec()
	return payload, payload != nil
}
