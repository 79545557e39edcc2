// Package cffake is a stateful, in-memory fake of the part of the Cloudflare
// v4 API that github.com/cloudflare/cloudflare-go calls for Cloudflare
// Tunnels: cfd_tunnel create/list/get/token/configurations/connections/delete
// and zone DNS record list/create/delete.
//
// It speaks the real wire protocol (paths, query parameters, JSON shapes and
// the {success, errors, messages, result, result_info} envelope), so product
// code written against cloudflare-go works against it unchanged:
//
//	srv := cffake.New(t)
//	api, _ := cloudflare.NewWithAPIToken(srv.Token, cloudflare.BaseURL(srv.URL),
//		cloudflare.UsingRateLimit(1e5), cloudflare.UsingRetryPolicy(0, 0, 0))
//
// or simply srv.Client().
//
// Notes on how cloudflare-go v0.119.0 turns the fake's errors into Go errors:
//
//   - 4xx answers become *cloudflare.NotFoundError (404),
//     *cloudflare.AuthenticationError (403), *cloudflare.AuthorizationError
//     (401) or *cloudflare.RequestError (other 4xx). All of them unwrap to a
//     *cloudflare.Error, so errors.As(err, &cfErr) with cfErr *cloudflare.Error
//     gives StatusCode, ErrorCodes and ErrorMessages. A plain type assertion
//     err.(*cloudflare.Error) does NOT work.
//   - 429 and 5xx answers are retried by the client and, once retries are
//     spent, returned as a plain error ("received internal server error
//     response (HTTP 500), please try again later"): the fake's code and
//     message are lost.
//   - ListTunnels always sends page=1&per_page=100 (and then follows
//     result_info.total_pages); is_deleted is sent only when IsDeleted is
//     set. As on Cloudflare, a list without is_deleted includes deleted
//     tunnels: pass IsDeleted: &false to see only live ones.
//
// Beyond the brief's subset the fake is deliberately as strict as Cloudflare:
// tunnel_secret must be base64 of at least 32 bytes, and a CNAME shares its
// name with no other record (while several A/AAAA/TXT records of one name are
// allowed unless identical, code 81058).
package cffake

import (
	"bytes"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cloudflare/cloudflare-go"
	"github.com/google/uuid"
)

// Op names one API endpoint of the fake.
type Op string

// The endpoints the fake serves.
const (
	OpCreateTunnel       Op = "CreateTunnel"              // POST   /accounts/{a}/cfd_tunnel
	OpListTunnels        Op = "ListTunnels"               // GET    /accounts/{a}/cfd_tunnel
	OpGetTunnel          Op = "GetTunnel"                 // GET    /accounts/{a}/cfd_tunnel/{id}
	OpTunnelToken        Op = "GetTunnelToken"            // GET    /accounts/{a}/cfd_tunnel/{id}/token
	OpConfigure          Op = "UpdateTunnelConfiguration" // PUT    /accounts/{a}/cfd_tunnel/{id}/configurations
	OpGetConfiguration   Op = "GetTunnelConfiguration"    // GET    /accounts/{a}/cfd_tunnel/{id}/configurations
	OpListConnections    Op = "ListTunnelConnections"     // GET    /accounts/{a}/cfd_tunnel/{id}/connections
	OpCleanupConnections Op = "CleanupTunnelConnections"  // DELETE /accounts/{a}/cfd_tunnel/{id}/connections
	OpDeleteTunnel       Op = "DeleteTunnel"              // DELETE /accounts/{a}/cfd_tunnel/{id}
	OpListDNS            Op = "ListDNSRecords"            // GET    /zones/{z}/dns_records
	OpCreateDNS          Op = "CreateDNSRecord"           // POST   /zones/{z}/dns_records
	OpDeleteDNS          Op = "DeleteDNSRecord"           // DELETE /zones/{z}/dns_records/{id}
)

// Cloudflare error codes the fake answers with.
const (
	CodeAuthentication    = 10000 // 403: missing or wrong API token
	CodeCouldNotRoute     = 7003  // 404: unknown account or zone identifier
	CodeNoRoute           = 7000  // 404: no such endpoint
	CodeMethodNotAllowed  = 10405 // 405
	CodeBadRequest        = 1001  // 400: malformed or invalid body / parameters
	CodeTunnelNotFound    = 1003  // 404: unknown or deleted tunnel
	CodeTunnelNameTaken   = 1013  // 409: a live tunnel has this name
	CodeTunnelConnected   = 1022  // 400: delete refused while connectors are connected
	CodeInvalidIngress    = 1055  // 400: ingress empty or not ending in a catch-all rule
	CodeDNSRecordConflict = 81053 // 400: A/AAAA/CNAME with that host exists
	CodeDNSIdentical      = 81058 // 400: an identical record exists
	CodeDNSRecordNotFound = 81044 // 404: no such DNS record
	CodeBodyTooLarge      = 10413 // 413: body over MaxBodyBytes
)

// MaxBodyBytes limits request bodies.
const MaxBodyBytes = 1 << 20

// IngressRule is one stored ingress rule of a tunnel configuration.
type IngressRule struct {
	Hostname string
	Path     string
	Service  string
}

// Connector is one cloudflared process connected to a tunnel.
type Connector struct {
	ID       string // connector (client) id; a uuid is made up when empty
	Arch     string // e.g. "linux_amd64"
	Version  string // cloudflared version, e.g. "2025.1.0"
	OpenedAt time.Time
	ColoName string // e.g. "tpe01"
}

// Tunnel is a snapshot of a tunnel held by the fake.
type Tunnel struct {
	ID            string
	Name          string
	Secret        string // tunnel_secret as sent on create (base64)
	ConfigSrc     string // "cloudflare" or "local" ("" when not sent)
	CreatedAt     time.Time
	DeletedAt     time.Time // zero while live
	Config        []IngressRule
	ConfigVersion int             // 0 until the first configuration PUT
	RawConfig     json.RawMessage // the last configuration PUT's "config" as sent
	Connectors    []Connector
}

// DNSRecord is a snapshot of a DNS record in the fake's zone.
type DNSRecord struct {
	ID      string
	Type    string
	Name    string
	Content string
	Proxied bool
	TTL     int
	Comment string
}

type cfError struct {
	status  int
	code    int
	message string
}

type gate struct {
	ch   chan struct{}
	once sync.Once
}

func (g *gate) open() { g.once.Do(func() { close(g.ch) }) }

type tunnel struct {
	Tunnel
}

// Server is the fake Cloudflare API. All its state is behind one mutex; it is
// safe for concurrent use.
type Server struct {
	URL     string // base URL including /client/v4, for cloudflare.BaseURL
	Token   string // the only API token accepted (Authorization: Bearer <Token>)
	Account string // the only account id (32 hex)
	Zone    string // the only zone id (32 hex)

	tb      testing.TB // nil when started by Start
	srv     *httptest.Server
	control bool // serve /_fake/ (Start)

	mu       sync.Mutex
	sticky   bool
	tunnels  []*tunnel // creation order
	dns      []*DNSRecord
	fails    map[Op][]cfError
	calls    map[Op]int
	blocks   map[Op]*gate
	waiting  map[Op]int
	allGates []*gate
}

// New starts a fake on 127.0.0.1 with a random Token, Account and Zone. The
// server is closed by t.Cleanup (blocked calls are released first).
func New(t testing.TB) *Server {
	t.Helper()
	s := newServer(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("cffake: listen: %v", err)
	}
	s.serve(l)
	t.Cleanup(s.Close)
	return s
}

// Start serves a fake outside a test (cmd/cffake, the browser tests) on
// addr ("127.0.0.1:0" for a free port) with a random Token, Account and
// Zone. Besides the API under /client/v4 it serves the control endpoints
// under /_fake/ (see serveControl). Close stops it.
func Start(addr string) (*Server, error) {
	s := newServer(nil)
	s.control = true
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("cffake: listen: %w", err)
	}
	s.serve(l)
	return s, nil
}

// Close releases blocked calls and stops the server.
func (s *Server) Close() {
	s.mu.Lock()
	gates := s.allGates
	s.mu.Unlock()
	for _, g := range gates {
		g.open()
	}
	s.srv.Close()
}

func newServer(t testing.TB) *Server {
	return &Server{
		Token:   "cffake-" + randHex(20),
		Account: randHex(16),
		Zone:    randHex(16),
		tb:      t,
		fails:   map[Op][]cfError{},
		calls:   map[Op]int{},
		blocks:  map[Op]*gate{},
		waiting: map[Op]int{},
	}
}

func (s *Server) serve(l net.Listener) {
	s.srv = &httptest.Server{Listener: l, Config: &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}}
	s.srv.Start()
	s.URL = s.srv.URL + "/client/v4"
}

// fatalf fails the test, or panics outside one (Start).
func (s *Server) fatalf(format string, args ...any) {
	if s.tb != nil {
		s.tb.Fatalf(format, args...)
		return
	}
	panic(fmt.Sprintf(format, args...))
}

// Client returns a cloudflare-go client for the fake (no client-side rate
// limit, no retries).
func (s *Server) Client() *cloudflare.API {
	api, err := cloudflare.NewWithAPIToken(s.Token, cloudflare.BaseURL(s.URL),
		cloudflare.UsingRateLimit(1e5), cloudflare.UsingRetryPolicy(0, 0, 0))
	if err != nil {
		s.fatalf("cffake: client: %v", err)
	}
	return api
}

// FailNext makes the next call of op answer the given HTTP status with one
// Cloudflare error {code, message}. Calls queue: each FailNext spends one
// call. Authentication is checked first, so an unauthenticated call does not
// spend it. Note cloudflare-go reports 429 and 5xx without the message.
func (s *Server) FailNext(op Op, status, code int, message string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fails[op] = append(s.fails[op], cfError{status, code, message})
}

// Calls reports how many requests of op arrived (including failed ones).
func (s *Server) Calls(op Op) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls[op]
}

// StickyConnectors sets whether CleanupTunnelConnections leaves connectors in
// place, as happens with a real cloudflared that is still running (it
// reconnects at once). Off by default: cleanup removes all connectors.
func (s *Server) StickyConnectors(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sticky = on
}

// Tunnels returns the live (not deleted) tunnels in creation order.
func (s *Server) Tunnels() []Tunnel {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Tunnel
	for _, t := range s.tunnels {
		if t.DeletedAt.IsZero() {
			out = append(out, t.snapshot())
		}
	}
	return out
}

// Tunnel returns the tunnel with this id, deleted or not.
func (s *Server) Tunnel(id string) (Tunnel, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if t := s.find(id); t != nil {
		return t.snapshot(), true
	}
	return Tunnel{}, false
}

// DNSRecords returns the zone's DNS records in creation order.
func (s *Server) DNSRecords() []DNSRecord {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]DNSRecord, 0, len(s.dns))
	for _, r := range s.dns {
		out = append(out, *r)
	}
	return out
}

// AddDNSRecord adds a pre-existing, unproxied record to the zone without any
// conflict check and returns its id.
func (s *Server) AddDNSRecord(typ, name, content string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := &DNSRecord{ID: randHex(16), Type: strings.ToUpper(typ), Name: normName(name), Content: content, TTL: 1}
	s.dns = append(s.dns, r)
	return r.ID
}

// Connect records a cloudflared connecting to the tunnel. An empty c.ID gets
// a uuid, a zero OpenedAt the current time. It fails the test when the tunnel
// is unknown or deleted.
func (s *Server) Connect(tunnelID string, c Connector) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.connect(tunnelID, c); err != nil && s.tb != nil {
		s.tb.Errorf("cffake: %v", err)
	}
}

// connect is Connect with the caller holding s.mu; it returns the
// connector as recorded.
func (s *Server) connect(tunnelID string, c Connector) (Connector, error) {
	t := s.find(tunnelID)
	if t == nil || !t.DeletedAt.IsZero() {
		return c, fmt.Errorf("Connect to unknown or deleted tunnel %q", tunnelID)
	}
	if c.ID == "" {
		c.ID = uuid.NewString()
	}
	if c.OpenedAt.IsZero() {
		c.OpenedAt = time.Now().UTC()
	}
	t.Connectors = append(t.Connectors, c)
	return c, nil
}

// Disconnect drops every connector of the tunnel.
func (s *Server) Disconnect(tunnelID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if t := s.find(tunnelID); t != nil {
		t.Connectors = nil
	}
}

// TokenOf returns the token GET .../token answers for the tunnel ("" when
// the tunnel is unknown): base64 of {"a":account,"t":tunnel id,"s":secret},
// the shape of a real cloudflared token.
func (s *Server) TokenOf(tunnelID string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.find(tunnelID)
	if t == nil {
		return ""
	}
	return s.tokenOf(t)
}

// Block makes the following calls of op wait, once counted, until release is
// called (release is idempotent; t.Cleanup releases too). A released call
// then goes on and takes effect even if its client has gone away, as a
// request that reached Cloudflare would. A new Block of the same op replaces
// the previous one for calls arriving afterwards.
func (s *Server) Block(op Op) (release func()) {
	g := &gate{ch: make(chan struct{})}
	s.mu.Lock()
	s.blocks[op] = g
	s.allGates = append(s.allGates, g)
	s.mu.Unlock()
	return func() {
		g.open()
		s.mu.Lock()
		if s.blocks[op] == g {
			delete(s.blocks, op)
		}
		s.mu.Unlock()
	}
}

// Waiting reports how many calls of op are currently held by Block.
func (s *Server) Waiting(op Op) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.waiting[op]
}

func (t *tunnel) snapshot() Tunnel {
	c := t.Tunnel
	c.Config = append([]IngressRule(nil), t.Config...)
	c.Connectors = append([]Connector(nil), t.Connectors...)
	c.RawConfig = append(json.RawMessage(nil), t.RawConfig...)
	return c
}

func (s *Server) find(id string) *tunnel {
	for _, t := range s.tunnels {
		if t.ID == id {
			return t
		}
	}
	return nil
}

func (s *Server) tokenOf(t *tunnel) string {
	b, _ := json.Marshal(struct {
		A string `json:"a"`
		T string `json:"t"`
		S string `json:"s"`
	}{s.Account, t.ID, t.Secret})
	return base64.StdEncoding.EncodeToString(b)
}

func randHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return hex.EncodeToString(b)
}

func normName(n string) string {
	return strings.TrimSuffix(strings.ToLower(strings.TrimSpace(n)), ".")
}

// ---- HTTP ----

type resultInfo struct {
	Page       int `json:"page"`
	PerPage    int `json:"per_page"`
	Count      int `json:"count"`
	TotalCount int `json:"total_count"`
	TotalPages int `json:"total_pages"`
}

type respInfo struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

type envelope struct {
	Success    bool        `json:"success"`
	Errors     []respInfo  `json:"errors"`
	Messages   []respInfo  `json:"messages"`
	Result     any         `json:"result"`
	ResultInfo *resultInfo `json:"result_info,omitempty"`
}

func writeJSON(w http.ResponseWriter, status int, e envelope) {
	if e.Errors == nil {
		e.Errors = []respInfo{}
	}
	e.Messages = []respInfo{}
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(e); err != nil {
		http.Error(w, "cffake: encode: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cf-Ray", randHex(8)+"-TPE")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

func ok(w http.ResponseWriter, result any) {
	writeJSON(w, http.StatusOK, envelope{Success: true, Result: result})
}

func fail(w http.ResponseWriter, status, code int, msg string) {
	writeJSON(w, status, envelope{Errors: []respInfo{{code, msg}}})
}

// route maps a request to its op and path parameters.
type route struct {
	op       Op
	account  string // for /accounts routes
	zone     string // for /zones routes
	tunnelID string
	recordID string
}

func parseRoute(method string, parts []string) (route, int) {
	var r route
	switch {
	case len(parts) >= 3 && parts[0] == "accounts" && parts[2] == "cfd_tunnel":
		r.account = parts[1]
		switch len(parts) {
		case 3:
			switch method {
			case http.MethodGet:
				r.op = OpListTunnels
			case http.MethodPost:
				r.op = OpCreateTunnel
			default:
				return r, http.StatusMethodNotAllowed
			}
		case 4:
			r.tunnelID = parts[3]
			switch method {
			case http.MethodGet:
				r.op = OpGetTunnel
			case http.MethodDelete:
				r.op = OpDeleteTunnel
			default:
				return r, http.StatusMethodNotAllowed
			}
		case 5:
			r.tunnelID = parts[3]
			switch parts[4] + " " + method {
			case "token GET":
				r.op = OpTunnelToken
			case "configurations PUT":
				r.op = OpConfigure
			case "configurations GET":
				r.op = OpGetConfiguration
			case "connections GET":
				r.op = OpListConnections
			case "connections DELETE":
				r.op = OpCleanupConnections
			default:
				if parts[4] == "token" || parts[4] == "configurations" || parts[4] == "connections" {
					return r, http.StatusMethodNotAllowed
				}
				return r, http.StatusNotFound
			}
		default:
			return r, http.StatusNotFound
		}
	case len(parts) >= 3 && parts[0] == "zones" && parts[2] == "dns_records":
		r.zone = parts[1]
		switch len(parts) {
		case 3:
			switch method {
			case http.MethodGet:
				r.op = OpListDNS
			case http.MethodPost:
				r.op = OpCreateDNS
			default:
				return r, http.StatusMethodNotAllowed
			}
		case 4:
			r.recordID = parts[3]
			if method != http.MethodDelete {
				return r, http.StatusMethodNotAllowed
			}
			r.op = OpDeleteDNS
		default:
			return r, http.StatusNotFound
		}
	default:
		return r, http.StatusNotFound
	}
	return r, 0
}

// ServeHTTP implements the API.
func (s *Server) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	if s.control && strings.HasPrefix(req.URL.Path, "/_fake/") {
		s.serveControl(w, req)
		return
	}
	path, found := strings.CutPrefix(req.URL.Path, "/client/v4/")
	if !found {
		fail(w, http.StatusNotFound, CodeNoRoute, "No route for that URI")
		return
	}
	rt, status := parseRoute(req.Method, strings.Split(strings.TrimSuffix(path, "/"), "/"))
	switch status {
	case http.StatusNotFound:
		fail(w, http.StatusNotFound, CodeNoRoute, "No route for that URI")
		return
	case http.StatusMethodNotAllowed:
		fail(w, http.StatusMethodNotAllowed, CodeMethodNotAllowed, "Method not allowed")
		return
	}

	s.mu.Lock()
	s.calls[rt.op]++
	g := s.blocks[rt.op]
	if g != nil {
		s.waiting[rt.op]++
	}
	s.mu.Unlock()
	if g != nil {
		<-g.ch
		s.mu.Lock()
		s.waiting[rt.op]--
		s.mu.Unlock()
	}

	if req.Header.Get("Authorization") != "Bearer "+s.Token {
		fail(w, http.StatusForbidden, CodeAuthentication, "Authentication error")
		return
	}

	var body []byte
	if req.Body != nil {
		b, err := readBody(w, req)
		if err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				fail(w, http.StatusRequestEntityTooLarge, CodeBodyTooLarge, "Request body too large")
			} else {
				fail(w, http.StatusBadRequest, CodeBadRequest, "Could not read the request body")
			}
			return
		}
		body = b
	}

	s.mu.Lock()
	defer s.mu.Unlock()

	if q := s.fails[rt.op]; len(q) > 0 {
		s.fails[rt.op] = q[1:]
		fail(w, q[0].status, q[0].code, q[0].message)
		return
	}
	if rt.account != "" && rt.account != s.Account {
		fail(w, http.StatusNotFound, CodeCouldNotRoute,
			fmt.Sprintf("Could not route to /accounts/%s/cfd_tunnel, perhaps your object identifier is invalid?", url.PathEscape(rt.account)))
		return
	}
	if rt.zone != "" && rt.zone != s.Zone {
		fail(w, http.StatusNotFound, CodeCouldNotRoute,
			fmt.Sprintf("Could not route to /zones/%s/dns_records, perhaps your object identifier is invalid?", url.PathEscape(rt.zone)))
		return
	}

	q := req.URL.Query()
	switch rt.op {
	case OpCreateTunnel:
		s.createTunnel(w, body)
	case OpListTunnels:
		s.listTunnels(w, q)
	case OpGetTunnel:
		if t := s.find(rt.tunnelID); t != nil {
			ok(w, s.tunnelJSON(t))
			return
		}
		tunnelNotFound(w)
	case OpTunnelToken:
		if t := s.live(w, rt.tunnelID); t != nil {
			ok(w, s.tokenOf(t))
		}
	case OpConfigure:
		if t := s.live(w, rt.tunnelID); t != nil {
			s.configure(w, t, body)
		}
	case OpGetConfiguration:
		if t := s.live(w, rt.tunnelID); t != nil {
			ok(w, configResult(t))
		}
	case OpListConnections:
		if t := s.live(w, rt.tunnelID); t != nil {
			ok(w, connectionsJSON(t))
		}
	case OpCleanupConnections:
		if t := s.live(w, rt.tunnelID); t != nil {
			if !s.sticky {
				if id := q.Get("client_id"); id != "" {
					kept := t.Connectors[:0]
					for _, c := range t.Connectors {
						if c.ID != id {
							kept = append(kept, c)
						}
					}
					t.Connectors = kept
				} else {
					t.Connectors = nil
				}
			}
			ok(w, s.tunnelJSON(t))
		}
	case OpDeleteTunnel:
		if t := s.live(w, rt.tunnelID); t != nil {
			if len(t.Connectors) > 0 {
				fail(w, http.StatusBadRequest, CodeTunnelConnected, "Cannot delete tunnel because it has active connections")
				return
			}
			t.DeletedAt = time.Now().UTC()
			ok(w, s.tunnelJSON(t))
		}
	case OpListDNS:
		s.listDNS(w, q)
	case OpCreateDNS:
		s.createDNS(w, body)
	case OpDeleteDNS:
		for i, r := range s.dns {
			if r.ID == rt.recordID {
				s.dns = append(s.dns[:i:i], s.dns[i+1:]...)
				ok(w, map[string]string{"id": r.ID})
				return
			}
		}
		fail(w, http.StatusNotFound, CodeDNSRecordNotFound, "Record does not exist.")
	}
}

func readBody(w http.ResponseWriter, req *http.Request) ([]byte, error) {
	var buf bytes.Buffer
	_, err := buf.ReadFrom(http.MaxBytesReader(w, req.Body, MaxBodyBytes))
	return buf.Bytes(), err
}

func tunnelNotFound(w http.ResponseWriter) {
	fail(w, http.StatusNotFound, CodeTunnelNotFound, "Tunnel not found")
}

// live finds a live tunnel or answers 404.
func (s *Server) live(w http.ResponseWriter, id string) *tunnel {
	t := s.find(id)
	if t == nil || !t.DeletedAt.IsZero() {
		tunnelNotFound(w)
		return nil
	}
	return t
}

func decode(w http.ResponseWriter, body []byte, v any) bool {
	if err := json.Unmarshal(body, v); err != nil {
		fail(w, http.StatusBadRequest, CodeBadRequest, "Malformed JSON in request body")
		return false
	}
	return true
}

func (s *Server) createTunnel(w http.ResponseWriter, body []byte) {
	var in struct {
		Name      string `json:"name"`
		Secret    string `json:"tunnel_secret"`
		ConfigSrc string `json:"config_src"`
	}
	if !decode(w, body, &in) {
		return
	}
	if strings.TrimSpace(in.Name) == "" {
		fail(w, http.StatusBadRequest, CodeBadRequest, "Tunnel name is required")
		return
	}
	if in.Secret == "" {
		fail(w, http.StatusBadRequest, CodeBadRequest, "tunnel_secret is required")
		return
	}
	if sec, err := base64.StdEncoding.DecodeString(in.Secret); err != nil || len(sec) < 32 {
		fail(w, http.StatusBadRequest, CodeBadRequest, "tunnel_secret must be base64 of at least 32 bytes")
		return
	}
	if in.ConfigSrc != "" && in.ConfigSrc != "cloudflare" && in.ConfigSrc != "local" {
		fail(w, http.StatusBadRequest, CodeBadRequest, "config_src must be \"cloudflare\" or \"local\"")
		return
	}
	for _, t := range s.tunnels {
		if t.DeletedAt.IsZero() && t.Name == in.Name {
			fail(w, http.StatusConflict, CodeTunnelNameTaken, "You already have a tunnel with this name")
			return
		}
	}
	t := &tunnel{Tunnel{
		ID:        uuid.NewString(),
		Name:      in.Name,
		Secret:    in.Secret,
		ConfigSrc: in.ConfigSrc,
		CreatedAt: time.Now().UTC().Truncate(time.Microsecond),
	}}
	s.tunnels = append(s.tunnels, t)
	ok(w, s.tunnelJSON(t))
}

// paginate applies page/per_page to n items and returns the [lo, hi) window.
func paginate(w http.ResponseWriter, q url.Values, n, maxPerPage int) (lo, hi int, info *resultInfo, good bool) {
	page, perPage := 1, 100
	if v := q.Get("page"); v != "" {
		p, err := strconv.Atoi(v)
		if err != nil || p < 1 {
			fail(w, http.StatusBadRequest, CodeBadRequest, "page must be a positive integer")
			return 0, 0, nil, false
		}
		page = p
	}
	if v := q.Get("per_page"); v != "" {
		p, err := strconv.Atoi(v)
		if err != nil || p < 1 || p > maxPerPage {
			fail(w, http.StatusBadRequest, CodeBadRequest, fmt.Sprintf("per_page must be an integer from 1 to %d", maxPerPage))
			return 0, 0, nil, false
		}
		perPage = p
	}
	lo = min((page-1)*perPage, n)
	hi = min(lo+perPage, n)
	return lo, hi, &resultInfo{
		Page:       page,
		PerPage:    perPage,
		Count:      hi - lo,
		TotalCount: n,
		TotalPages: int(math.Ceil(float64(n) / float64(perPage))),
	}, true
}

func (s *Server) listTunnels(w http.ResponseWriter, q url.Values) {
	var deleted *bool
	if v := q.Get("is_deleted"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			fail(w, http.StatusBadRequest, CodeBadRequest, "is_deleted must be true or false")
			return
		}
		deleted = &b
	}
	name, id := q.Get("name"), q.Get("uuid")
	inc, exc := q.Get("include_prefix"), q.Get("exclude_prefix")
	var match []*tunnel
	for _, t := range s.tunnels {
		if deleted != nil && *deleted == t.DeletedAt.IsZero() {
			continue
		}
		if name != "" && t.Name != name || id != "" && t.ID != id {
			continue
		}
		if inc != "" && !strings.HasPrefix(t.Name, inc) || exc != "" && strings.HasPrefix(t.Name, exc) {
			continue
		}
		match = append(match, t)
	}
	lo, hi, info, good := paginate(w, q, len(match), 1000)
	if !good {
		return
	}
	out := make([]any, 0, hi-lo)
	for _, t := range match[lo:hi] {
		out = append(out, s.tunnelJSON(t))
	}
	writeJSON(w, http.StatusOK, envelope{Success: true, Result: out, ResultInfo: info})
}

type connJSON struct {
	ColoName           string `json:"colo_name"`
	ID                 string `json:"id"`
	IsPendingReconnect bool   `json:"is_pending_reconnect"`
	ClientID           string `json:"client_id"`
	ClientVersion      string `json:"client_version"`
	OpenedAt           string `json:"opened_at"`
	OriginIP           string `json:"origin_ip"`
}

func conns(c Connector) []connJSON {
	// A real connector holds four connections to two colos; one is enough here.
	return []connJSON{{
		ColoName:      c.ColoName,
		ID:            uuid.NewSHA1(uuid.NameSpaceOID, []byte(c.ID)).String(),
		ClientID:      c.ID,
		ClientVersion: c.Version,
		OpenedAt:      c.OpenedAt.UTC().Format(time.RFC3339Nano),
		OriginIP:      "203.0.113.10",
	}}
}

func (s *Server) tunnelJSON(t *tunnel) any {
	status := "inactive"
	var deletedAt, activeAt *time.Time
	cs := []connJSON{}
	for _, c := range t.Connectors {
		cs = append(cs, conns(c)...)
		if activeAt == nil || c.OpenedAt.Before(*activeAt) {
			at := c.OpenedAt.UTC()
			activeAt = &at
		}
	}
	if len(t.Connectors) > 0 {
		status = "healthy"
	}
	if !t.DeletedAt.IsZero() {
		status = "deleted"
		d := t.DeletedAt
		deletedAt = &d
	}
	return struct {
		ID            string         `json:"id"`
		AccountTag    string         `json:"account_tag"`
		CreatedAt     time.Time      `json:"created_at"`
		DeletedAt     *time.Time     `json:"deleted_at"`
		Name          string         `json:"name"`
		Connections   []connJSON     `json:"connections"`
		ConnsActiveAt *time.Time     `json:"conns_active_at"`
		TunType       string         `json:"tun_type"`
		Status        string         `json:"status"`
		RemoteConfig  bool           `json:"remote_config"`
		Metadata      map[string]any `json:"metadata"`
	}{
		ID: t.ID, AccountTag: s.Account, CreatedAt: t.CreatedAt, DeletedAt: deletedAt,
		Name: t.Name, Connections: cs, ConnsActiveAt: activeAt, TunType: "cfd_tunnel",
		Status: status, RemoteConfig: t.ConfigSrc == "cloudflare", Metadata: map[string]any{},
	}
}

func connectionsJSON(t *tunnel) any {
	type connection struct {
		ID            string     `json:"id"`
		Features      []string   `json:"features"`
		Version       string     `json:"version"`
		Arch          string     `json:"arch"`
		Conns         []connJSON `json:"conns"`
		RunAt         time.Time  `json:"run_at"`
		ConfigVersion int        `json:"config_version"`
	}
	out := []connection{}
	for _, c := range t.Connectors {
		out = append(out, connection{
			ID: c.ID, Features: []string{"ha-origin", "serialized_headers"}, Version: c.Version,
			Arch: c.Arch, Conns: conns(c), RunAt: c.OpenedAt.UTC(), ConfigVersion: t.ConfigVersion,
		})
	}
	return out
}

func configResult(t *tunnel) any {
	cfg := t.RawConfig
	if len(cfg) == 0 {
		cfg = json.RawMessage("null")
	}
	return struct {
		TunnelID string          `json:"tunnel_id"`
		Version  int             `json:"version"`
		Config   json.RawMessage `json:"config"`
		Source   string          `json:"source"`
	}{t.ID, t.ConfigVersion, cfg, "cloudflare"}
}

func (s *Server) configure(w http.ResponseWriter, t *tunnel, body []byte) {
	var in struct {
		Config json.RawMessage `json:"config"`
	}
	if !decode(w, body, &in) {
		return
	}
	var cfg struct {
		Ingress []struct {
			Hostname string `json:"hostname"`
			Path     string `json:"path"`
			Service  string `json:"service"`
		} `json:"ingress"`
	}
	if len(in.Config) > 0 && !decode(w, in.Config, &cfg) {
		return
	}
	if len(cfg.Ingress) == 0 {
		fail(w, http.StatusBadRequest, CodeInvalidIngress,
			"Validation failed: the ingress rules must not be empty; the last rule must be catch-all (no hostname or path)")
		return
	}
	rules := make([]IngressRule, 0, len(cfg.Ingress))
	for i, r := range cfg.Ingress {
		if r.Service == "" {
			fail(w, http.StatusBadRequest, CodeInvalidIngress, fmt.Sprintf("Validation failed: Ingress rule #%d has no service", i+1))
			return
		}
		rules = append(rules, IngressRule{Hostname: r.Hostname, Path: r.Path, Service: r.Service})
	}
	if last := rules[len(rules)-1]; (last.Hostname != "" && last.Hostname != "*") || last.Path != "" {
		fail(w, http.StatusBadRequest, CodeInvalidIngress, fmt.Sprintf(
			"Validation failed: Ingress rule #%d: the last ingress rule must be catch-all: it must match all URLs (no hostname or path)", len(rules)))
		return
	}
	t.Config = rules
	t.RawConfig = append(json.RawMessage(nil), in.Config...)
	t.ConfigVersion++
	ok(w, configResult(t))
}

func dnsJSON(zone string, r *DNSRecord) any {
	proxiable := r.Type == "A" || r.Type == "AAAA" || r.Type == "CNAME"
	return struct {
		ID        string   `json:"id"`
		ZoneID    string   `json:"zone_id"`
		Type      string   `json:"type"`
		Name      string   `json:"name"`
		Content   string   `json:"content"`
		Proxied   bool     `json:"proxied"`
		Proxiable bool     `json:"proxiable"`
		TTL       int      `json:"ttl"`
		Comment   *string  `json:"comment,omitempty"`
		Tags      []string `json:"tags"`
	}{
		ID: r.ID, ZoneID: zone, Type: r.Type, Name: r.Name, Content: r.Content,
		Proxied: r.Proxied, Proxiable: proxiable, TTL: r.TTL, Comment: nilIfEmpty(r.Comment), Tags: []string{},
	}
}

func nilIfEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func (s *Server) listDNS(w http.ResponseWriter, q url.Values) {
	name, typ, content := normName(q.Get("name")), strings.ToUpper(q.Get("type")), q.Get("content")
	var match []*DNSRecord
	for _, r := range s.dns {
		if name != "" && r.Name != name || typ != "" && r.Type != typ || content != "" && r.Content != content {
			continue
		}
		if v := q.Get("proxied"); v != "" && strconv.FormatBool(r.Proxied) != v {
			continue
		}
		match = append(match, r)
	}
	lo, hi, info, good := paginate(w, q, len(match), 5000)
	if !good {
		return
	}
	out := make([]any, 0, hi-lo)
	for _, r := range match[lo:hi] {
		out = append(out, dnsJSON(s.Zone, r))
	}
	writeJSON(w, http.StatusOK, envelope{Success: true, Result: out, ResultInfo: info})
}

func (s *Server) createDNS(w http.ResponseWriter, body []byte) {
	var in struct {
		Type    string `json:"type"`
		Name    string `json:"name"`
		Content string `json:"content"`
		Proxied *bool  `json:"proxied"`
		TTL     int    `json:"ttl"`
		Comment string `json:"comment"`
	}
	if !decode(w, body, &in) {
		return
	}
	r := &DNSRecord{
		ID: randHex(16), Type: strings.ToUpper(in.Type), Name: normName(in.Name),
		Content: in.Content, Proxied: in.Proxied != nil && *in.Proxied, TTL: in.TTL, Comment: in.Comment,
	}
	switch {
	case r.Type == "":
		fail(w, http.StatusBadRequest, 9020, "Invalid DNS record type")
		return
	case r.Name == "":
		fail(w, http.StatusBadRequest, 9007, "DNS name is invalid.")
		return
	case r.Content == "":
		fail(w, http.StatusBadRequest, 9005, "Content for "+r.Type+" record is invalid.")
		return
	}
	if r.Proxied && r.Type != "A" && r.Type != "AAAA" && r.Type != "CNAME" {
		fail(w, http.StatusBadRequest, 9004, "This record type cannot be proxied.")
		return
	}
	if r.TTL == 0 || r.Proxied {
		r.TTL = 1 // automatic
	}
	for _, o := range s.dns {
		if o.Name != r.Name {
			continue
		}
		// A CNAME shares its name with no other record; several A, AAAA or
		// TXT records of one name are fine unless identical.
		if r.Type == "CNAME" || o.Type == "CNAME" {
			fail(w, http.StatusBadRequest, CodeDNSRecordConflict, "An A, AAAA, or CNAME record with that host already exists.")
			return
		}
		if o.Type == r.Type && o.Content == r.Content {
			fail(w, http.StatusBadRequest, CodeDNSIdentical, "An identical record already exists.")
			return
		}
	}
	s.dns = append(s.dns, r)
	ok(w, dnsJSON(s.Zone, r))
}
