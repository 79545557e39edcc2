// Package hashim is the REST shim the Home Assistant integration calls
// (SPEC section 6): a few GET endpoints with the exact paths, JSON shapes,
// status codes and error bodies of the system it replaces, over the same
// domain services as GraphQL.
//
// Requests carry `Authorization: Bearer <token>`: an OAuth access token
// within its scopes, or a session token; a session cookie alone is not
// enough. Each route needs one Home Assistant scope, which the data layer
// does not know: the handler checks it and reads with
// policy.ReadWithScope. Ids are the plain numbers the integration knows.
package hashim

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/policy"
	"github.com/woowtech/woow-paas/smarthome"
	"github.com/woowtech/woow-paas/viewer"
	"github.com/woowtech/woow-paas/workspaces"
)

// Handler serves the shim.
type Handler struct {
	homes      *smarthome.Homes
	workspaces *workspaces.Service
	log        *slog.Logger
}

// New returns the shim over the domain services.
func New(homes *smarthome.Homes, ws *workspaces.Service, log *slog.Logger) *Handler {
	return &Handler{homes: homes, workspaces: ws, log: log}
}

// Register adds the shim's routes, and the seed's aliases, to mux. The
// viewer must already be in the request context (httpauth.Middleware).
func (h *Handler) Register(mux *http.ServeMux) {
	routes := []struct {
		paths []string
		scope string
		serve func(ctx context.Context, r *http.Request) (any, error)
	}{
		{[]string{"/api/smarthome/workspaces", "/api/ha/workspaces"}, policy.ScopeWorkspaceRead, h.listWorkspaces},
		{[]string{"/api/smarthome/workspaces/{id}/homes", "/api/ha/workspaces/{id}/smarthomes"}, policy.ScopeSmartHomeRead, h.listHomes},
		{[]string{"/api/smarthome/homes/{id}"}, policy.ScopeSmartHomeRead, h.getHome},
		{[]string{"/api/smarthome/homes/{id}/status"}, policy.ScopeSmartHomeRead, h.status},
		{[]string{"/api/smarthome/homes/{id}/tunnel-token", "/api/ha/smarthomes/{id}/tunnel-token"}, policy.ScopeSmartHomeTunnel, h.tunnelToken},
	}
	for _, rt := range routes {
		for _, p := range rt.paths {
			mux.Handle("GET "+p, h.route(rt.scope, rt.serve))
		}
	}
	// Anything else under the shim's prefixes is its 404, not the web app.
	for _, p := range []string{"/api/smarthome/", "/api/ha/"} {
		mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) {
			if r.Method != http.MethodGet && r.Method != http.MethodHead {
				w.Header().Set("Allow", "GET")
				writeError(w, http.StatusMethodNotAllowed, "Method Not Allowed", "only GET is supported")
				return
			}
			writeError(w, http.StatusNotFound, "Not Found", "no such endpoint")
		})
	}
}

// route authenticates (bearer only), checks scope, runs serve and writes
// its answer or its error.
func (h *Handler) route(scope string, serve func(ctx context.Context, r *http.Request) (any, error)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		ctx := r.Context()
		// BearerMiddleware put a viewer here only for a valid bearer
		// token; it never reads the session cookie.
		if viewer.FromContext(ctx) == nil {
			w.Header().Set("WWW-Authenticate", `Bearer realm="woow-paas"`)
			writeError(w, http.StatusUnauthorized, "Unauthorized", "a valid bearer token is required")
			return
		}
		ctx, err := policy.ReadWithScope(ctx, scope)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		out, err := serve(ctx, r)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		if err := json.NewEncoder(w).Encode(out); err != nil {
			h.log.DebugContext(ctx, "writing a shim response", "err", err)
		}
	})
}

// fail maps a domain error to the shim's error bodies.
func (h *Handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	e := errs.Public(err)
	switch e.Code {
	case errs.Unauthenticated:
		writeError(w, http.StatusUnauthorized, "Unauthorized", e.Message)
	case errs.Forbidden:
		switch {
		case e.Reason == "insufficient_scope":
			writeError(w, http.StatusForbidden, "insufficient_scope", e.Message)
		case strings.HasSuffix(r.URL.Path, "/tunnel-token"):
			writeError(w, http.StatusForbidden, "insufficient_role", "Only workspace owners and admins can get the tunnel token.")
		default:
			writeError(w, http.StatusForbidden, "Forbidden", e.Message)
		}
	case errs.NotFound:
		writeError(w, http.StatusNotFound, "Not Found", e.Message)
	case errs.Conflict:
		writeError(w, http.StatusConflict, "Conflict", e.Message)
	case errs.Invalid:
		writeError(w, http.StatusBadRequest, "Bad Request", e.Message)
	case errs.TooManyRequests:
		writeError(w, http.StatusTooManyRequests, "Too Many Requests", e.Message)
	default:
		if errs.ClientGone(r.Context(), err) {
			return // the client went away: nothing to tell it, nothing wrong here
		}
		h.log.ErrorContext(r.Context(), "smart home shim", "path", r.URL.Path, "err", err)
		writeError(w, http.StatusInternalServerError, "Internal Server Error", errs.InternalMessage)
	}
}

// writeError writes {"error": ..., "detail": ...}.
func writeError(w http.ResponseWriter, status int, code, detail string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]string{"error": code, "detail": detail})
}

// id is the path's numeric id; anything else is a home or workspace that
// does not exist.
func id(r *http.Request, what string) (int, error) {
	n, err := strconv.Atoi(r.PathValue("id"))
	if err != nil || n <= 0 {
		return 0, errs.E(errs.NotFound, "%s not found", what)
	}
	return n, nil
}

type workspaceJSON struct {
	ID   int    `json:"id"`
	Name string `json:"name"`
	Slug string `json:"slug"`
}

func (h *Handler) listWorkspaces(ctx context.Context, _ *http.Request) (any, error) {
	wss, err := h.workspaces.Mine(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]workspaceJSON, 0, len(wss))
	for _, ws := range wss {
		out = append(out, workspaceJSON{ID: ws.ID, Name: ws.Name, Slug: ws.Slug})
	}
	return map[string]any{"workspaces": out}, nil
}

func (h *Handler) listHomes(ctx context.Context, r *http.Request) (any, error) {
	ws, err := id(r, "workspace")
	if err != nil {
		return nil, err
	}
	homes, err := h.homes.List(ctx, ws)
	if err != nil {
		return nil, err
	}
	out := make([]homeJSON, 0, len(homes))
	for _, home := range homes {
		out = append(out, toJSON(home, time.Now()))
	}
	return map[string]any{"homes": out}, nil
}

func (h *Handler) getHome(ctx context.Context, r *http.Request) (any, error) {
	n, err := id(r, "smart home")
	if err != nil {
		return nil, err
	}
	home, err := h.homes.Get(ctx, n)
	if err != nil {
		return nil, err
	}
	return map[string]any{"home": toJSON(home, time.Now())}, nil
}

func (h *Handler) status(ctx context.Context, r *http.Request) (any, error) {
	n, err := id(r, "smart home")
	if err != nil {
		return nil, err
	}
	home, err := h.homes.Refresh(ctx, n)
	if err != nil {
		return nil, err
	}
	return map[string]any{"home": toJSON(home, time.Now())}, nil
}

func (h *Handler) tunnelToken(ctx context.Context, r *http.Request) (any, error) {
	n, err := id(r, "smart home")
	if err != nil {
		return nil, err
	}
	t, err := h.homes.TunnelToken(ctx, n)
	if err != nil {
		return nil, err
	}
	return map[string]string{"tunnel_token": t.Token, "tunnel_id": t.TunnelID, "subdomain": t.Host}, nil
}

// homeJSON is a home as the integration reads it: empty values are "",
// never null.
type homeJSON struct {
	ID            int    `json:"id"`
	Name          string `json:"name"`
	WorkspaceID   int    `json:"workspace_id"`
	State         string `json:"state"`
	TunnelID      string `json:"tunnel_id"`
	TunnelName    string `json:"tunnel_name"`
	TunnelRoute   string `json:"tunnel_route"`
	TunnelStatus  string `json:"tunnel_status"`
	TunnelUptime  string `json:"tunnel_uptime"`
	ConnectorID   string `json:"connector_id"`
	ConnectorType string `json:"connector_type"`
	HAPort        int    `json:"ha_port"`
	Subdomain     string `json:"subdomain"`
	ErrorMessage  string `json:"error_message"`
	DeployedAt    string `json:"deployed_at"`
	CreatedAt     string `json:"created_at"`
}

func toJSON(home *ent.SmartHome, now time.Time) homeJSON {
	return homeJSON{
		ID: home.ID, Name: home.Name, WorkspaceID: home.WorkspaceID, State: string(home.State),
		TunnelID: home.TunnelID, TunnelName: home.TunnelName, TunnelRoute: home.TunnelRoute,
		TunnelStatus: string(home.TunnelStatus), TunnelUptime: uptime(home, now),
		ConnectorID: home.ConnectorID, ConnectorType: home.ConnectorType, HAPort: home.HaPort,
		Subdomain: home.Subdomain, ErrorMessage: home.ErrorMessage,
		DeployedAt: timeString(home.DeployedAt), CreatedAt: timeString(&home.CreatedAt),
	}
}

// uptime is how long the connector has been connected ("1h2m3s"), "" when
// it is not.
func uptime(home *ent.SmartHome, now time.Time) string {
	if home.ConnectedSince == nil || home.TunnelStatus != "connected" {
		return ""
	}
	return max(now.Sub(*home.ConnectedSince), 0).Truncate(time.Second).String()
}

func timeString(t *time.Time) string {
	if t == nil || t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}
