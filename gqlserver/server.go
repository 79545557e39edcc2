// Package gqlserver turns any graphql.ExecutableSchema into a hardened
// http.Handler: the one place where Woow PaaS decides which GraphQL transports
// exist, how big and how deep an operation may be, who may open a WebSocket,
// and what an error looks like to a client.
//
// What a handler built by New does, in order:
//
//   - WebSocket upgrades are checked before gqlgen sees them: only GET upgrades
//     offering the graphql-transport-ws subprotocol, from an allowed Origin
//     (cross-site WebSocket hijacking is the reason: browsers send cookies on
//     WebSocket upgrades and no CORS preflight protects them).
//   - Other requests must be GET or POST (405 otherwise); a POST must be
//     application/json (415 otherwise); its body is read once, up to
//     Options.MaxBodyBytes (413 beyond it), and must decode as a GraphQL JSON
//     request (400 otherwise), so gqlgen never echoes or logs a malformed
//     body. A GET must carry a well-formed URL query and JSON variables and
//     extensions (400 otherwise) and a query operation (405 with Allow: POST
//     otherwise). Every error response this package or gqlgen writes has an
//     extensions.code (see httpcheck.go).
//   - gqlgen's handler.Server then runs with the transports SSE, WebSocket
//     (graphql-transport-ws, this package's own loop on gorilla: see
//     wsTransport), GET (queries only) and POST
//     (application/json only; no form or multipart transports, so a
//     cross-site "simple" request can never reach the executor). GET and
//     POST are this package's own (transport.go): a request error (syntax,
//     validation, variable coercion, a limit) answers 200 under
//     application/json and 400 under application/graphql-response+json,
//     never with a data entry, as the GraphQL-over-HTTP specification says
//     (gqlgen's answer 422 and "data": null).
//   - Extensions: an LRU query cache, introspection when enabled, automatic
//     persisted queries with an LRU cache, FieldLimit (the raw document's
//     fields counted before validation, which compares them pairwise; and
//     at most 20 errors per validation rule), DepthLimit, AliasLimit,
//     ComplexityLimit (linear in the document, unlike gqlgen's), NoNUL, a
//     time budget for queries and mutations (OperationTimeout), a parser
//     token limit and no field-name suggestions when introspection is off.
//     Every refusal by a limit is logged at Warn, without variables or
//     document.
//   - Errors go through PresenterWith (domain *errs.Error codes become
//     extensions.code; anything else is logged and shown as "internal error")
//     and panics through Recover.
package gqlserver

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/gorilla/websocket"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"

	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/errs/httperr"
	"github.com/woowtech/woow-paas/push"
)

// Defaults applied by New to zero-valued Options fields.
const (
	DefaultMaxBodyBytes            int64 = 1 << 20 // 1 MiB
	DefaultMaxDepth                      = 15
	DefaultMaxAliases                    = 30
	DefaultMaxComplexity                 = 5000
	DefaultParserTokenLimit              = 15000
	DefaultQueryCacheSize                = 1000
	DefaultAPQCacheSize                  = 100
	DefaultMaxSubscriptionsPerConn       = 100
	DefaultWSInitTimeout                 = 10 * time.Second
	DefaultKeepAlive                     = 25 * time.Second
	DefaultWSWriteTimeout                = 10 * time.Second
	DefaultOperationTimeout              = 30 * time.Second
)

// Codes this package puts in extensions.code of the errors it writes itself,
// besides the errs.Code values, the limits' codes (CodeDepthLimit,
// CodeAliasLimit, COMPLEXITY_LIMIT_EXCEEDED) and gqlgen's own codes
// (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED,
// PERSISTED_QUERY_NOT_FOUND). The codes of refused HTTP requests, and
// their statuses, are package httperr's.
const (
	// CodeBadRequest: the HTTP request is not a GraphQL request we accept
	// (HTTP 400: body not a GraphQL JSON object, no query, malformed URL query, GET
	// variables or extensions that are not JSON objects, unsupported upgrade
	// or subprotocol), or its persistedQuery extension is malformed (a
	// request error like a validation failure: see transport.go).
	CodeBadRequest = string(httperr.BadRequest)
	// CodePayloadTooLarge: the POST body is larger than Options.MaxBodyBytes.
	CodePayloadTooLarge = string(httperr.PayloadTooLarge)
	// CodeMethodNotAllowed: an HTTP method other than GET and POST, or a GET
	// carrying a mutation or subscription (HTTP 405, with an Allow header).
	CodeMethodNotAllowed = string(httperr.MethodNotAllowed)
	// CodeUnsupportedMediaType: a POST whose Content-Type is not
	// application/json (HTTP 415).
	CodeUnsupportedMediaType = string(httperr.UnsupportedMediaType)
	// CodeTimeout: the operation ran past Options.OperationTimeout.
	CodeTimeout = "TIMEOUT"
	// CodeCancelled: the operation's client went away (or its session
	// ended) while it ran.
	CodeCancelled = "CANCELLED"
)

// Options configures New. The zero value is usable: every limit gets its
// Default* value, introspection is off and WebSockets are accepted from the
// same host (or from clients that send no Origin) without authentication.
//
// For MaxDepth, MaxAliases, MaxComplexity, ParserTokenLimit, QueryCacheSize,
// APQCacheSize and KeepAlive, zero means "use the default" and a negative
// value means "off" (no limit, no cache, no APQ, no pings): turn limits off
// only in tests. The body and payload limits and the timeouts cannot be
// turned off: zero or negative means the default.
type Options struct {
	// Introspection allows __schema and __type queries. Callers turn it on by
	// default (the GraphiQL page and codegen need it); when it is off,
	// validation errors also stop suggesting field names, which would leak
	// the schema one typo at a time.
	Introspection bool

	// MaxBodyBytes bounds a POST body; a larger body gets 413 and a JSON
	// error, never a hang or a half-read request. Default 1 MiB.
	MaxBodyBytes int64

	// MaxDepth bounds how deeply fields nest in one operation, following
	// fragments (see DepthLimit). Default 15.
	MaxDepth int

	// MaxAliases bounds the aliased fields of one operation, counting each
	// fragment once per spread (see AliasLimit): aliases are how a single
	// request asks for the same expensive field a thousand times. Default 30.
	MaxAliases int

	// MaxFields and MaxFieldsPerSet bound the fields of a document, in all
	// and in one selection set, before it is validated (see FieldLimit).
	// Defaults 2000 and 200.
	MaxFields, MaxFieldsPerSet int

	// MaxComplexity bounds the complexity of one operation (see
	// ComplexityLimit): each field costs 1 plus its children unless the
	// schema's complexity functions say otherwise. Default 5000.
	MaxComplexity int

	// ParserTokenLimit bounds the lexer tokens of a query document, so that
	// parsing and validation cost stays bounded. Default 15000.
	ParserTokenLimit int

	// QueryCacheSize is the number of parsed and validated documents kept in
	// an LRU cache, keyed by query text. Default 1000.
	QueryCacheSize int

	// APQCacheSize is the number of automatic persisted queries (Apollo's
	// sha256 protocol) kept in an LRU cache. Default 100; negative disables
	// APQ.
	APQCacheSize int

	// AllowedOrigin decides whether a WebSocket upgrade carrying an Origin
	// header may proceed. origin is the raw header value. Nil means: allow
	// when the Origin's host equals r.Host. Upgrades without an Origin header
	// come from non-browser clients (which cannot be tricked into sending
	// cookies) and are always allowed; they must still pass WSInit.
	AllowedOrigin func(r *http.Request, origin string) bool

	// WSInit authenticates a WebSocket in its connection_init message:
	// payload is the client's init payload (graphql-ws puts its
	// connectionParams there, e.g. an "authorization" token) and r the
	// upgrade request. The returned context (typically carrying the viewer)
	// is the parent of every subscription on the connection; returning a nil
	// context keeps ctx. When the returned context ends before the
	// connection does (the session it authenticated ended), the connection
	// closes: with 4401 when its cause is an UNAUTHENTICATED *errs.Error,
	// 4403 for another domain error, 1001 otherwise; the reason is the
	// error's message. A non-nil error closes the socket with 4403
	// Forbidden; the close reason is the message of an *errs.Error, or
	// "Forbidden" for any other error (which is then logged). Nil accepts
	// every connection.
	WSInit func(ctx context.Context, r *http.Request, payload transport.InitPayload) (context.Context, error)

	// WSInitTimeout is how long a new WebSocket may take to send
	// connection_init before it is closed with 4408. Default 10s (gqlgen's
	// own default waits forever).
	WSInitTimeout time.Duration

	// KeepAlive is the interval of the server's graphql-transport-ws ping
	// (a client that does not answer with a pong within two intervals is
	// disconnected) and of the SSE ": ping" comments. Default 25s, under the
	// 60-100s idle timeouts of common proxies; negative disables both.
	KeepAlive time.Duration

	// WSWriteTimeout bounds every WebSocket write, so that a client that
	// stopped reading cannot hold its connection's writer forever.
	// Default 10s.
	WSWriteTimeout time.Duration

	// WSPayloadLimit bounds one WebSocket message from the client. Default
	// MaxBodyBytes.
	WSPayloadLimit int64

	// OperationTimeout is the time budget of one query or mutation (see
	// OperationTimeout): its resolvers' context ends then, as it does when
	// the client goes away. Subscriptions have none. Default 30s.
	OperationTimeout time.Duration

	// Classify translates errors of other packages (ent's NotFoundError,
	// privacy denials, ...) into domain errors before the presenter decides
	// what the client sees; return nil for errors it does not know. Optional.
	Classify func(error) *errs.Error

	// Extensions are the schema's own gqlgen extensions (interceptors of
	// operations, root fields, fields), used after the limits.
	Extensions []graphql.HandlerExtension

	// Leaves, by GraphQL object type name, render the events of that type
	// without gqlgen's executor, for subscriptions whose selection they
	// can write (@shared leaf fields, and nullable fields that are null on
	// the event: see Leaves and newLeafPlan). Optional: without it every
	// event goes through the executor.
	Leaves map[string]Leaves

	// Connections, when set, hears streaming connections open (+1) and
	// close (-1), by transport ("websocket", "sse"): the metrics.
	Connections func(transport string, delta int)

	// MaxSubscriptionsPerConn caps concurrent subscriptions on one
	// WebSocket connection (default 100; negative switches it off).
	MaxSubscriptionsPerConn int

	// MaxPageSize bounds `first`/`last` of connection fields and is the
	// page size when neither is given; 0 switches the check off.
	MaxPageSize int

	// Logger receives internal errors, panics and WebSocket failures, never
	// variables, payloads or bodies. Default slog.Default().
	Logger *slog.Logger

	// Shutdown ends when the server starts shutting down. A WebSocket
	// outlives the request that opened it (the handler returns once the
	// connection is upgraded, and http.Server.Shutdown does not track
	// hijacked connections), so every socket is closed with 1001 Going
	// Away (graphql-ws clients reconnect, to another replica) when it
	// ends. Nil: sockets end only with their clients.
	Shutdown context.Context
}

// withDefaults returns o with zero fields replaced by their defaults.
func (o Options) withDefaults() Options {
	def := func(v *int, d int) {
		if *v == 0 {
			*v = d
		}
	}
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = DefaultMaxBodyBytes
	}
	def(&o.MaxDepth, DefaultMaxDepth)
	def(&o.MaxAliases, DefaultMaxAliases)
	def(&o.MaxComplexity, DefaultMaxComplexity)
	def(&o.MaxFields, DefaultMaxFields)
	def(&o.MaxFieldsPerSet, DefaultMaxFieldsPerSet)
	def(&o.ParserTokenLimit, DefaultParserTokenLimit)
	def(&o.QueryCacheSize, DefaultQueryCacheSize)
	def(&o.APQCacheSize, DefaultAPQCacheSize)
	def(&o.MaxSubscriptionsPerConn, DefaultMaxSubscriptionsPerConn)
	if o.WSInitTimeout <= 0 {
		o.WSInitTimeout = DefaultWSInitTimeout
	}
	if o.KeepAlive == 0 {
		o.KeepAlive = DefaultKeepAlive
	}
	if o.WSWriteTimeout <= 0 {
		o.WSWriteTimeout = DefaultWSWriteTimeout
	}
	if o.WSPayloadLimit <= 0 {
		o.WSPayloadLimit = o.MaxBodyBytes
	}
	if o.OperationTimeout <= 0 {
		o.OperationTimeout = DefaultOperationTimeout
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Shutdown == nil {
		o.Shutdown = context.Background()
	}
	return o
}

// New builds the GraphQL endpoint for es. Mount it on one path (for example
// /graphql) for all methods; CORS, authentication of HTTP requests and access
// logging are the caller's middleware.
func New(es graphql.ExecutableSchema, opts Options) http.Handler {
	opts = opts.withDefaults()
	log := opts.Logger

	srv := handler.New(es)
	s := &server{
		opts:     opts,
		gql:      srv,
		upgrader: newUpgrader(originChecker(opts.AllowedOrigin)),
		renders:  newRenderCache(),
		flushers: push.NewPool(flushWorkers, 2*time.Second),
		schema:   es.Schema(),
		leaves:   opts.Leaves,
		shutdown: opts.Shutdown,
		recover:  Recover(log),
	}

	keepAlive := opts.KeepAlive
	if keepAlive < 0 {
		keepAlive = 0
	}

	srv.AddTransport(transport.SSE{KeepAlivePingInterval: keepAlive})
	srv.AddTransport(wsTransport{s: s})
	srv.AddTransport(getTransport{})
	srv.AddTransport(postTransport{})

	if opts.QueryCacheSize > 0 {
		srv.SetQueryCache(lru.New[*ast.QueryDocument](opts.QueryCacheSize))
	}
	if opts.Introspection {
		srv.Use(extension.Introspection{})
	} else {
		srv.SetDisableSuggestion(true)
	}
	if opts.APQCacheSize > 0 {
		s.apq = lru.New[string](opts.APQCacheSize)
		srv.Use(persistedQueries{extension.AutomaticPersistedQuery{Cache: s.apq}})
	}
	// The raw document's size, before gqlgen validates it (after the
	// persisted query is filled in), and at most a few errors per
	// validation rule.
	if opts.MaxFields > 0 {
		srv.Use(NewFieldLimit(opts.MaxFields, opts.MaxFieldsPerSet, opts.ParserTokenLimit, opts.QueryCacheSize, log))
	}
	srv.SetValidationRulesFn(cappedRules)
	// The cheap structural checks run before the complexity calculation.
	if opts.MaxDepth > 0 {
		srv.Use(DepthLimit{Max: opts.MaxDepth, Log: log})
	}
	if opts.MaxAliases > 0 {
		srv.Use(AliasLimit{Max: opts.MaxAliases, Log: log})
	}
	if opts.MaxComplexity > 0 {
		srv.Use(&ComplexityLimit{Max: opts.MaxComplexity, Log: log})
	}
	srv.Use(NoNUL{})
	srv.Use(StreamEndings{})
	for _, e := range opts.Extensions {
		srv.Use(e)
	}
	srv.Use(OperationTimeout{Timeout: opts.OperationTimeout, Log: log})
	if opts.MaxSubscriptionsPerConn > 0 {
		srv.Use(SubscriptionLimit{Max: opts.MaxSubscriptionsPerConn, Log: log})
	}
	if opts.MaxPageSize > 0 {
		srv.Use(PageSize{Max: opts.MaxPageSize, Log: log})
	}
	if opts.ParserTokenLimit > 0 {
		srv.SetParserTokenLimit(opts.ParserTokenLimit)
	}
	srv.SetErrorPresenter(presentRequestCodes(PresenterWith(log, opts.Classify)))
	srv.SetRecoverFunc(s.recover)

	return s
}

// flushWorkers is how many goroutines deliver subscription events at once
// and stay a while for the next (push.Pool); more run unpooled.
const flushWorkers = 64

// server guards gqlgen's handler.Server and owns the WebSocket transport's
// shared state.
type server struct {
	opts     Options
	gql      *handler.Server
	apq      graphql.Cache[string] // nil without APQ
	upgrader websocket.Upgrader
	renders  *renderCache
	flushers *push.Pool  // runs the subscriptions' deliveries
	schema   *ast.Schema // es.Schema(), read by sharedOperation
	leaves   map[string]Leaves
	shutdown context.Context
	recover  graphql.RecoverFunc
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// gqlgen routes any request with an Upgrade header to the WebSocket
	// transport; decide here which of those we accept, so that refusals get
	// one clean response instead of the upgrader's and gqlgen's both.
	if r.Header.Get("Upgrade") != "" {
		if !s.checkUpgrade(w, r) {
			return
		}
		s.gql.ServeHTTP(w, r)
		return
	}
	// The requests gqlgen's transports would refuse with a bare message are
	// refused here, with a code (httpcheck.go).
	if !checkMethod(w, r) {
		return
	}
	if r.Method == http.MethodPost && (!s.readBody(w, r) || !s.checkStreaming(w, r)) {
		return
	}
	if r.Method == http.MethodGet && !s.checkGET(w, r) {
		return
	}
	if s.opts.Connections != nil && strings.Contains(r.Header.Get("Accept"), "text/event-stream") {
		s.opts.Connections("sse", 1)
		defer s.opts.Connections("sse", -1)
	}
	s.gql.ServeHTTP(w, r)
}

// checkUpgrade writes an error response and returns false for a WebSocket
// upgrade we refuse.
func (s *server) checkUpgrade(w http.ResponseWriter, r *http.Request) bool {
	switch {
	case !isWebSocketUpgrade(r):
		httperr.Write(w, errs.E(httperr.BadRequest, "only WebSocket upgrades are supported"))
	case r.Method != http.MethodGet:
		w.Header().Set("Allow", http.MethodGet)
		httperr.Write(w, errs.E(httperr.MethodNotAllowed, "a WebSocket upgrade must use GET"))
	case !originChecker(s.opts.AllowedOrigin)(r):
		httperr.Write(w, errs.E(errs.Forbidden, "origin not allowed"))
	case !offersSubprotocol(r, graphqlTransportWS):
		httperr.Write(w, errs.E(httperr.BadRequest, "the %s WebSocket subprotocol is required", graphqlTransportWS))
	default:
		return true
	}
	return false
}

// readBody replaces r.Body by its content, read up to MaxBodyBytes, after
// checking that a JSON body decodes as a GraphQL request. gqlgen's POST and
// SSE transports would otherwise answer a read error with 200, and quote (SSE:
// log) the whole body in the error for an undecodable one.
func (s *server) readBody(w http.ResponseWriter, r *http.Request) bool {
	limit := s.opts.MaxBodyBytes
	if r.ContentLength > limit {
		httperr.Write(w, errs.E(httperr.PayloadTooLarge, "request body too large"))
		return false
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	_ = r.Body.Close()
	if err != nil {
		if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
			httperr.Write(w, errs.E(httperr.PayloadTooLarge, "request body too large"))
		} else {
			httperr.Write(w, errs.E(httperr.BadRequest, "could not read request body"))
		}
		return false
	}
	// The same decoding gqlgen's transports do, so theirs cannot fail
	// (checkMethod let only application/json through).
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var params graphql.RawParams
	if err := dec.Decode(&params); err != nil {
		httperr.Write(w, errs.E(httperr.BadRequest, "request body is not a GraphQL JSON request"))
		return false
	}
	streamOnlySubscriptions(r, &params)
	r.Body = io.NopCloser(bytes.NewReader(body))
	return true
}

// streamOnlySubscriptions answers queries and mutations as plain JSON even
// when the client also accepts text/event-stream (urql and other clients
// list it by default). gqlgen's SSE transport would take them, and it sends
// its headers before the resolver runs, so a login's or logout's session
// cookie would never reach the client. A subscription, or a request whose
// operation cannot be told (a persisted query sent by hash only), keeps the
// client's Accept header.
func streamOnlySubscriptions(r *http.Request, params *graphql.RawParams) {
	if !strings.Contains(r.Header.Get("Accept"), "text/event-stream") || params.Query == "" {
		return
	}
	doc, err := parser.ParseQuery(&ast.Source{Input: params.Query})
	if err != nil {
		return // gqlgen reports the syntax error
	}
	for _, op := range doc.Operations {
		if params.OperationName == "" || op.Name == params.OperationName {
			if op.Operation == ast.Subscription {
				return
			}
			r.Header.Set("Accept", "application/json")
			return
		}
	}
}
