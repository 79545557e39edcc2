package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/lib/pq"
)

// The lower bound: the benchmark's one query answered by hand over
// database/sql and lib/pq, with the same tenancy meaning as the real
// server (the viewer's workspaces only, their members and services) and
// the same orders (ids ascending: entgql's default), in ONE prepared
// statement per request: the session check, the page of workspaces, the
// first members of each with their users, and every service of each. It
// is what a server that did nothing but this query could do on our
// schema, not a design for ours.
const lowerBoundSQL = `
WITH v AS (
	SELECT s.user_id FROM sessions s JOIN users u ON u.id = s.user_id
	WHERE s.token_hash = $1 AND s.expires_at > now() AND NOT u.disabled
), ws AS (
	SELECT w.id, w.name, w.slug FROM workspaces w
	WHERE EXISTS (SELECT 1 FROM workspace_members m, v WHERE m.workspace_id = w.id AND m.user_id = v.user_id)
	ORDER BY w.id LIMIT $2
)
SELECT ws.name, ws.slug, mm.roles, mm.emails, mm.names, ss.names, ss.states
FROM v
LEFT JOIN ws ON true
LEFT JOIN LATERAL (
	SELECT array_agg(m.role ORDER BY m.id) roles, array_agg(u.email ORDER BY m.id) emails, array_agg(u.name ORDER BY m.id) names
	FROM (SELECT * FROM (SELECT m.id, m.role, m.user_id FROM workspace_members m WHERE m.workspace_id = ws.id OFFSET 0) m
	      ORDER BY m.id LIMIT $3) m
	JOIN users u ON u.id = m.user_id
) mm ON true
LEFT JOIN LATERAL (
	SELECT array_agg(s.name ORDER BY s.id) names, array_agg(s.state ORDER BY s.id) states
	FROM services s WHERE s.workspace_id = ws.id
) ss ON true
ORDER BY ws.id`

// The answer, in the field order of the query (gqlgen writes fields in
// selection order), so that the bytes match ours when the values do.
type (
	lbAnswer struct {
		Data struct {
			Workspaces lbConn[lbWorkspace] `json:"workspaces"`
		} `json:"data"`
	}
	lbConn[T any] struct {
		Edges []lbEdge[T] `json:"edges"`
	}
	lbEdge[T any] struct {
		Node T `json:"node"`
	}
	lbWorkspace struct {
		Name     string            `json:"name"`
		Slug     string            `json:"slug"`
		Members  lbConn[lbMember]  `json:"members"`
		Services lbConn[lbService] `json:"services"`
	}
	lbMember struct {
		Role string `json:"role"`
		User struct {
			Email string `json:"email"`
			Name  string `json:"name"`
		} `json:"user"`
	}
	lbService struct {
		Name  string `json:"name"`
		State string `json:"state"`
	}
)

// pageSizes reads workspaces(first: N) and members(first: M) from the
// query text (cached per text); the rest of the query is assumed.
type pageSizes struct{ workspaces, members int }

var (
	firstWorkspaces = regexp.MustCompile(`workspaces\s*\(\s*first\s*:\s*(\d+)`)
	firstMembers    = regexp.MustCompile(`members\s*\(\s*first\s*:\s*(\d+)`)
)

func parsePageSizes(query string) (pageSizes, error) {
	w := firstWorkspaces.FindStringSubmatch(query)
	m := firstMembers.FindStringSubmatch(query)
	if w == nil || m == nil {
		return pageSizes{}, errors.New("the lower bound answers only the benchmark's query")
	}
	p := pageSizes{}
	p.workspaces, _ = strconv.Atoi(w[1])
	p.members, _ = strconv.Atoi(m[1])
	return p, nil
}

type lowerBound struct {
	db    *sql.DB
	stmt  *sql.Stmt
	sizes sync.Map // query text -> pageSizes
}

func newLowerBound(ctx context.Context, dsn string) (*lowerBound, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	// The same ceiling as our server's pool (store.Open: 20), but
	// connections are kept.
	db.SetMaxOpenConns(20)
	db.SetMaxIdleConns(20)
	stmt, err := db.PrepareContext(ctx, lowerBoundSQL)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("prepare: %w", err)
	}
	return &lowerBound{db: db, stmt: stmt}, nil
}

func (lb *lowerBound) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || r.URL.Path != "/query" {
		http.NotFound(w, r)
		return
	}
	scheme, token, _ := strings.Cut(r.Header.Get("Authorization"), " ")
	if !strings.EqualFold(scheme, "Bearer") || len(token) != 43 {
		writeError(w, http.StatusUnauthorized, "UNAUTHENTICATED")
		return
	}
	var body struct {
		Query string `json:"query"`
	}
	if err := json.NewDecoder(io.LimitReader(r.Body, 1<<16)).Decode(&body); err != nil {
		writeError(w, http.StatusBadRequest, "BAD_REQUEST")
		return
	}
	var sizes pageSizes
	if v, ok := lb.sizes.Load(body.Query); ok {
		sizes = v.(pageSizes)
	} else {
		var err error
		if sizes, err = parsePageSizes(body.Query); err != nil {
			writeError(w, http.StatusBadRequest, "BAD_REQUEST")
			return
		}
		lb.sizes.Store(body.Query, sizes)
	}
	ans, found, err := lb.answer(r.Context(), hashToken(token), sizes)
	switch {
	case err != nil:
		writeError(w, http.StatusInternalServerError, "INTERNAL")
	case !found:
		writeError(w, http.StatusUnauthorized, "UNAUTHENTICATED")
	default:
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(ans)
	}
}

// answer runs the statement; found is false when the session is unknown,
// expired or its user disabled (no row at all).
func (lb *lowerBound) answer(ctx context.Context, tokenHash string, sizes pageSizes) (*lbAnswer, bool, error) {
	rows, err := lb.stmt.QueryContext(ctx, tokenHash, sizes.workspaces, sizes.members)
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	ans := &lbAnswer{}
	ans.Data.Workspaces.Edges = []lbEdge[lbWorkspace]{}
	found := false
	for rows.Next() {
		found = true
		var (
			name, slug           sql.NullString
			roles, emails, names pq.StringArray
			svcNames, svcStates  pq.StringArray
		)
		if err := rows.Scan(&name, &slug, &roles, &emails, &names, &svcNames, &svcStates); err != nil {
			return nil, false, err
		}
		if !name.Valid { // the viewer, in no workspace
			continue
		}
		ws := lbWorkspace{Name: name.String, Slug: slug.String}
		ws.Members.Edges = make([]lbEdge[lbMember], len(roles))
		for i := range roles {
			m := &ws.Members.Edges[i].Node
			m.Role = gqlRole(roles[i])
			m.User.Email, m.User.Name = emails[i], names[i]
		}
		ws.Services.Edges = make([]lbEdge[lbService], len(svcNames))
		for i := range svcNames {
			ws.Services.Edges[i].Node = lbService{Name: svcNames[i], State: gqlState(svcStates[i])}
		}
		ans.Data.Workspaces.Edges = append(ans.Data.Workspaces.Edges, lbEdge[lbWorkspace]{Node: ws})
	}
	return ans, found, rows.Err()
}

// gqlRole and gqlState map column values to the GraphQL enum values.
func gqlRole(s string) string  { return s }
func gqlState(s string) string { return s }

func writeError(w http.ResponseWriter, status int, code string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	fmt.Fprintf(w, `{"errors":[{"message":%q,"extensions":{"code":%q}}],"data":null}`+"\n", strings.ToLower(code), code)
}

// serveLowerBoundCmd is `readload serve-lowerbound -dsn URL [-addr
// 127.0.0.1:0]`: it logs {"msg":"listening","addr":...} on stderr like our
// server and serves until SIGTERM or SIGINT.
func serveLowerBoundCmd(args []string) error {
	fs := flag.NewFlagSet("serve-lowerbound", flag.ContinueOnError)
	dsn := fs.String("dsn", "", "PostgreSQL URL of the bench database")
	addr := fs.String("addr", "127.0.0.1:0", "listen address")
	if err := fs.Parse(args); err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	lb, err := newLowerBound(ctx, *dsn)
	if err != nil {
		return err
	}
	defer lb.db.Close()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: lb, ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(os.Stderr, `{"msg":"listening","addr":%q}`+"\n", ln.Addr().String())
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
