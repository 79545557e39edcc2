// Package oauthhttp is the HTTP face of package oauth: the authorization
// server's endpoints (SPEC section 7), their RFC 6749 error bodies and
// statuses, and the metadata document (RFC 8414).
//
// Every endpoint takes its parameters from a form body (the authorization
// endpoint from its URL, where browsers put them): a POST with a URL query
// is refused, so no code, token or secret is ever read from a URL that
// proxies and logs keep. Token answers carry Cache-Control: no-store.
// go-oauth2's server parses token requests and client credentials
// (ValidationTokenRequest, ClientBasicHandler, ClientFormHandler); its
// response writing is not used: its errors would not be ours.
package oauthhttp

import (
	"encoding/json"
	"errors"
	"html/template"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"strings"

	"github.com/go-oauth2/oauth2/v4"
	liberrors "github.com/go-oauth2/oauth2/v4/errors"
	"github.com/go-oauth2/oauth2/v4/manage"
	"github.com/go-oauth2/oauth2/v4/server"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/oauth"
)

// Handler serves the authorization server's endpoints.
type Handler struct {
	svc *oauth.Service
	// app serves the web app, whose consent page the authorization
	// endpoint shows once the request is checked.
	app    http.Handler
	parser *server.Server
	log    *slog.Logger
}

// maxForm bounds a request body: parameters are short.
const maxForm = 16 << 10

// New returns the endpoints of svc; app serves the web app.
func New(svc *oauth.Service, app http.Handler, log *slog.Logger) *Handler {
	if log == nil {
		log = slog.Default()
	}
	// The server here only parses requests: its Manager is never asked.
	p := server.NewServer(&server.Config{
		AllowedResponseTypes: []oauth2.ResponseType{oauth2.Code},
		AllowedGrantTypes: []oauth2.GrantType{oauth2.AuthorizationCode, oauth2.Refreshing,
			oauth2.ClientCredentials, oauth2.GrantType(oauth.GrantDeviceCode)},
		AllowedCodeChallengeMethods: []oauth2.CodeChallengeMethod{oauth2.CodeChallengeS256},
	}, manage.NewManager())
	p.SetClientInfoHandler(clientCredentials)
	return &Handler{svc: svc, app: app, parser: p, log: log}
}

// Register adds the endpoints to mux.
func (h *Handler) Register(mux *http.ServeMux) {
	mux.HandleFunc("GET /oauth2/authorize", h.authorize)
	mux.HandleFunc("POST /oauth2/token", h.token)
	mux.HandleFunc("POST /oauth2/device_authorization", h.deviceAuthorization)
	mux.HandleFunc("POST /oauth2/revoke", h.revoke)
	mux.HandleFunc("POST /oauth2/introspect", h.introspect)
	mux.HandleFunc("GET /.well-known/oauth-authorization-server", h.metadata)
}

// clientCredentials reads a client's credentials: HTTP Basic (RFC 6749
// section 2.3.1, form-encoded parts) or client_id and client_secret in the
// form, never both.
func clientCredentials(r *http.Request) (string, string, error) {
	if _, _, basic := r.BasicAuth(); basic {
		if r.PostForm.Get("client_secret") != "" {
			return "", "", liberrors.ErrInvalidRequest
		}
		id, secret, err := server.ClientBasicHandler(r)
		if err != nil {
			return "", "", err
		}
		return unescape(id), unescape(secret), nil
	}
	return server.ClientFormHandler(r)
}

// unescape undoes the form-encoding RFC 6749 asks of Basic credentials
// (clients that do not encode send the same bytes).
func unescape(s string) string {
	if !strings.ContainsAny(s, "%+") {
		return s
	}
	if u, err := url.QueryUnescape(s); err == nil {
		return u
	}
	return s
}

// parseForm reads a POST's form body, refusing a URL query (parameters
// travel in the body only), a body that is not a form, and a large one.
func parseForm(w http.ResponseWriter, r *http.Request) error {
	if r.URL.RawQuery != "" {
		return oauth.Errorf(oauth.InvalidRequest, "parameters go in the form body, never in the URL")
	}
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "application/x-www-form-urlencoded" {
		return oauth.Errorf(oauth.InvalidRequest, "the body must be application/x-www-form-urlencoded")
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	if err := r.ParseForm(); err != nil {
		return oauth.Errorf(oauth.InvalidRequest, "the form could not be read")
	}
	for k, vs := range r.PostForm {
		if len(vs) > 1 {
			return oauth.Errorf(oauth.InvalidRequest, "%s is repeated", k)
		}
	}
	return nil
}

// token is the token endpoint (RFC 6749 section 3.2).
func (h *Handler) token(w http.ResponseWriter, r *http.Request) {
	if err := parseForm(w, r); err != nil {
		h.fail(w, r, err)
		return
	}
	gt := r.PostForm.Get("grant_type")
	if gt == string(oauth2.PasswordCredentials) || gt == string(oauth2.Implicit) {
		h.fail(w, r, oauth.Errorf(oauth.UnsupportedGrantType, "grant_type %q is not supported", gt))
		return
	}
	req := oauth.TokenRequest{GrantType: gt, Scope: r.PostForm.Get("scope")}
	if gt == oauth.GrantDeviceCode {
		// The library's parser knows only RFC 6749's grants (an unknown
		// grant_type is "unsupported" to it): RFC 8628's is read here.
		var err error
		if req.ClientID, req.ClientSecret, err = h.authenticate(r); err != nil {
			h.fail(w, r, err)
			return
		}
		req.DeviceCode = r.PostForm.Get("device_code")
	} else {
		_, tgr, err := h.parser.ValidationTokenRequest(r)
		if err != nil {
			h.fail(w, r, libraryErr(err))
			return
		}
		req.ClientID, req.ClientSecret = tgr.ClientID, tgr.ClientSecret
		req.Code, req.RedirectURI, req.CodeVerifier = tgr.Code, tgr.RedirectURI, tgr.CodeVerifier
		req.RefreshToken = tgr.Refresh
	}
	resp, err := h.svc.Exchange(r.Context(), req)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, resp)
}

// authenticate reads and checks the client credentials of a POST whose
// form is parsed.
func (h *Handler) authenticate(r *http.Request) (string, string, error) {
	id, secret, err := clientCredentials(r)
	if err != nil {
		return "", "", libraryErr(err)
	}
	return id, secret, nil
}

// deviceAuthorization is the device authorization endpoint (RFC 8628
// section 3.1).
func (h *Handler) deviceAuthorization(w http.ResponseWriter, r *http.Request) {
	if err := parseForm(w, r); err != nil {
		h.fail(w, r, err)
		return
	}
	id, secret, err := h.authenticate(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	resp, err := h.svc.DeviceAuthorize(r.Context(), id, secret, r.PostForm.Get("scope"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, resp)
}

// revoke is the revocation endpoint (RFC 7009): 200 whether or not the
// token was known.
func (h *Handler) revoke(w http.ResponseWriter, r *http.Request) {
	c, token, ok := h.clientAndToken(w, r, false)
	if !ok {
		return
	}
	if err := h.svc.Revoke(r.Context(), c, token); err != nil {
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
}

// introspect is the introspection endpoint (RFC 7662), for confidential
// clients.
func (h *Handler) introspect(w http.ResponseWriter, r *http.Request) {
	c, token, ok := h.clientAndToken(w, r, true)
	if !ok {
		return
	}
	resp, err := h.svc.Introspect(r.Context(), c, token)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, resp)
}

// clientAndToken authenticates the client of a revocation or
// introspection request (confidential only, when secret) and reads its
// token parameter; it answers the request itself when not ok.
func (h *Handler) clientAndToken(w http.ResponseWriter, r *http.Request, confidential bool) (c *ent.OAuthClient, token string, ok bool) {
	if err := parseForm(w, r); err != nil {
		h.fail(w, r, err)
		return nil, "", false
	}
	id, secret, err := h.authenticate(r)
	if err != nil {
		h.fail(w, r, err)
		return nil, "", false
	}
	cl, err := h.svc.AuthenticateClient(r.Context(), id, secret)
	if err == nil && confidential && cl.Public {
		err = oauth.Errorf(oauth.InvalidClient, "introspection is for confidential clients")
	}
	if err != nil {
		h.fail(w, r, err)
		return nil, "", false
	}
	token = r.PostForm.Get("token")
	if token == "" {
		h.fail(w, r, oauth.Errorf(oauth.InvalidRequest, "token is required"))
		return nil, "", false
	}
	return cl, token, true
}

// metadata is the authorization server metadata (RFC 8414).
func (h *Handler) metadata(w http.ResponseWriter, r *http.Request) {
	base := h.svc.Issuer()
	if base == "" {
		base = "http://" + r.Host
	}
	grants, scopes := oauth.Metadata()
	writeJSON(w, http.StatusOK, map[string]any{
		"issuer":                                        base,
		"authorization_endpoint":                        base + "/oauth2/authorize",
		"token_endpoint":                                base + "/oauth2/token",
		"device_authorization_endpoint":                 base + "/oauth2/device_authorization",
		"revocation_endpoint":                           base + "/oauth2/revoke",
		"introspection_endpoint":                        base + "/oauth2/introspect",
		"response_types_supported":                      []string{"code"},
		"response_modes_supported":                      []string{"query"},
		"grant_types_supported":                         grants,
		"scopes_supported":                              scopes,
		"code_challenge_methods_supported":              []string{"S256"},
		"token_endpoint_auth_methods_supported":         []string{"client_secret_basic", "client_secret_post", "none"},
		"revocation_endpoint_auth_methods_supported":    []string{"client_secret_basic", "client_secret_post", "none"},
		"introspection_endpoint_auth_methods_supported": []string{"client_secret_basic", "client_secret_post"},
	})
}

// authorize is the authorization endpoint (RFC 6749 section 3.1): a
// request that names an unknown client or a redirect URI the client did
// not register is a 400 page (redirecting it would send the user
// anywhere); other errors go back to the redirect URI; a good request
// shows the web app's consent page (which signs the user in first).
func (h *Handler) authorize(w http.ResponseWriter, r *http.Request) {
	noFraming(w.Header())
	q := r.URL.Query()
	for k, vs := range q {
		if len(vs) > 1 {
			h.errorPage(w, http.StatusBadRequest, k+" is repeated")
			return
		}
	}
	req := oauth.AuthorizeRequest{
		ResponseType:        q.Get("response_type"),
		ClientID:            q.Get("client_id"),
		RedirectURI:         q.Get("redirect_uri"),
		Scope:               q.Get("scope"),
		State:               q.Get("state"),
		CodeChallenge:       q.Get("code_challenge"),
		CodeChallengeMethod: q.Get("code_challenge_method"),
	}
	if req.ResponseType == "" {
		req.ResponseType = "(none)" // required here, unlike in the consent page's input
	}
	_, err := h.svc.CheckAuthorize(r.Context(), req)
	registered := false
	if err != nil {
		var rerr error
		if registered, rerr = h.svc.RegisteredRedirect(r.Context(), req.ClientID, req.RedirectURI); rerr != nil {
			err = rerr
		}
	}
	switch {
	case err == nil:
		h.app.ServeHTTP(w, r)
	case oauth.Redirectable(err, registered):
		pub := errs.Public(err)
		http.Redirect(w, r, oauth.RedirectError(req.RedirectURI, pub.Reason, pub.Message, req.State), http.StatusFound)
	case errs.CodeOf(err) == errs.Invalid:
		h.errorPage(w, http.StatusBadRequest, errs.Public(err).Message)
	default:
		h.logInternal(r, "oauth authorize", err)
		h.errorPage(w, http.StatusInternalServerError, errs.InternalMessage)
	}
}

// noFraming forbids framing a page (the consent page must not be
// clickjacked), on top of the web app's own frame-ancestors policy.
func noFraming(h http.Header) {
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
}

var errorPage = template.Must(template.New("error").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Authorization failed · Woow PaaS</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5}</style>
</head><body><h1>This authorization request cannot be completed</h1>
<p>{{.}}</p><p>Go back to the application and try again, or tell its developer.</p>
</body></html>`))

func (h *Handler) errorPage(w http.ResponseWriter, status int, msg string) {
	hd := w.Header()
	hd.Set("Content-Type", "text/html; charset=utf-8")
	hd.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
	hd.Set("Cache-Control", "no-store")
	noFraming(hd)
	w.WriteHeader(status)
	_ = errorPage.Execute(w, msg)
}

// logInternal logs an error the client is not shown: at ERROR, unless
// the client went away (a cancelled request is not the server's fault).
func (h *Handler) logInternal(r *http.Request, msg string, err error) {
	if errs.ClientGone(r.Context(), err) {
		h.log.DebugContext(r.Context(), msg+": the client went away", "path", r.URL.Path, "err", err)
		return
	}
	h.log.ErrorContext(r.Context(), msg, "path", r.URL.Path, "err", err)
}

// fail answers with an RFC 6749 error body. invalid_client is 401 (with a
// Basic challenge when the client tried Basic); server errors are logged
// and shown without detail.
func (h *Handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	var e *oauth.Error
	if !errors.As(err, &e) {
		if pub := errs.Public(err); pub.Code != errs.Internal {
			e = &oauth.Error{Code: oauth.InvalidRequest, Description: pub.Message}
		} else {
			h.logInternal(r, "oauth endpoint", err)
			e = &oauth.Error{Code: "server_error", Description: errs.InternalMessage}
		}
	}
	status := http.StatusBadRequest
	switch e.Code {
	case oauth.InvalidClient:
		status = http.StatusUnauthorized
		if _, _, basic := r.BasicAuth(); basic {
			w.Header().Set("WWW-Authenticate", `Basic realm="oauth"`)
		}
	case "server_error":
		status = http.StatusInternalServerError
	}
	writeJSON(w, status, map[string]string{"error": e.Code, "error_description": e.Description})
}

// libraryErr turns a go-oauth2 parsing error into ours.
func libraryErr(err error) error {
	switch {
	case errors.Is(err, liberrors.ErrInvalidClient):
		return oauth.Errorf(oauth.InvalidClient, "client authentication failed")
	case errors.Is(err, liberrors.ErrUnsupportedGrantType):
		return oauth.Errorf(oauth.UnsupportedGrantType, "grant_type is missing or not supported")
	case errors.Is(err, liberrors.ErrInvalidRequest):
		return oauth.Errorf(oauth.InvalidRequest, "a required parameter is missing or malformed")
	}
	return oauth.Errorf(oauth.InvalidRequest, "%s", err.Error())
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Cache-Control", "no-store")
	h.Set("Pragma", "no-cache")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
