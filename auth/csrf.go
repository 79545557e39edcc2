package auth

import (
	"mime"
	"net"
	"net/http"
	"net/url"
	"strings"

	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/errs/httperr"
)

// CSRF protects handlers that authenticate by cookie from cross-site
// requests. Safe methods (GET, HEAD, OPTIONS, TRACE) pass. Any other request
// is refused:
//
//   - with 403 when its Origin header is present and allowedOrigin refuses it
//     (a nil allowedOrigin means SameOrigin); "null" is always refused;
//   - without Origin, with 403 when Sec-Fetch-Site says cross-site or
//     same-site, or when a Referer is present and its origin is refused;
//   - with 415 when its Content-Type is not application/json (charset, if
//     given, utf-8). Browsers cannot send JSON cross-origin without a CORS
//     preflight, which we do not grant, so this alone stops form and
//     text/plain attacks.
//
// Requests with none of Origin, Sec-Fetch-Site and Referer come from
// non-browser clients and pass the origin checks. The JSON rule applies with
// or without a session cookie: the login mutation has none yet and must not
// be forgeable either (login CSRF). Endpoints that take other bodies
// (webhooks, uploads) belong outside this middleware.
func CSRF(allowedOrigin func(r *http.Request, origin string) bool) func(http.Handler) http.Handler {
	return csrf(allowedOrigin, isJSON, "Content-Type must be application/json")
}

// CSRFBody is CSRF for an endpoint that takes a body of one other media
// type (a chart upload: application/gzip): the same origin checks, and 415
// for any other Content-Type. mediaType must not be one a form can send
// (application/x-www-form-urlencoded, multipart/form-data, text/plain):
// any other needs a CORS preflight cross-origin, which we do not grant.
func CSRFBody(allowedOrigin func(r *http.Request, origin string) bool, mediaType string) func(http.Handler) http.Handler {
	is := func(ct string) bool {
		mt, params, err := mime.ParseMediaType(ct)
		return err == nil && mt == mediaType && len(params) == 0
	}
	return csrf(allowedOrigin, is, "Content-Type must be "+mediaType)
}

func csrf(allowedOrigin func(r *http.Request, origin string) bool, typeOK func(string) bool, typeMsg string) func(http.Handler) http.Handler {
	if allowedOrigin == nil {
		allowedOrigin = SameOrigin
	}
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			switch r.Method {
			case http.MethodGet, http.MethodHead, http.MethodOptions, http.MethodTrace:
				next.ServeHTTP(w, r)
				return
			}
			if msg := checkOrigin(r, allowedOrigin); msg != "" {
				httperr.Write(w, errs.E(errs.Forbidden, "%s", msg))
				return
			}
			if !typeOK(r.Header.Get("Content-Type")) {
				httperr.Write(w, errs.E(httperr.UnsupportedMediaType, "%s", typeMsg))
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// checkOrigin returns why r's origin is refused, or "".
func checkOrigin(r *http.Request, allowed func(*http.Request, string) bool) string {
	if origin := r.Header.Get("Origin"); origin != "" {
		if origin == "null" || !allowed(r, origin) {
			return "cross-origin request refused"
		}
		return ""
	}
	switch r.Header.Get("Sec-Fetch-Site") {
	case "cross-site", "same-site":
		return "cross-origin request refused"
	}
	if ref := r.Header.Get("Referer"); ref != "" {
		u, err := url.Parse(ref)
		if err != nil || u.Scheme == "" || u.Host == "" {
			return "cross-origin request refused"
		}
		if !allowed(r, u.Scheme+"://"+u.Host) {
			return "cross-origin request refused"
		}
	}
	return ""
}

func isJSON(contentType string) bool {
	mt, params, err := mime.ParseMediaType(contentType)
	if err != nil || mt != "application/json" {
		return false
	}
	for k, v := range params {
		if k != "charset" || !strings.EqualFold(v, "utf-8") {
			return false
		}
	}
	return true
}

// SameOrigin is the default origin policy: origin (scheme://host[:port], as
// in an Origin header) is an http or https origin whose host and port equal
// the request's Host. It ignores the scheme of the request, which a TLS
// terminating proxy hides. An empty origin is not same-origin: callers
// decide what a missing Origin means (CSRF lets it pass; so may a WebSocket
// upgrade from a non-browser client).
func SameOrigin(r *http.Request, origin string) bool {
	u, err := url.Parse(origin)
	if err != nil || u.Host == "" || u.User != nil || (u.Path != "" && u.Path != "/") || u.RawQuery != "" {
		return false
	}
	var defaultPort string
	switch strings.ToLower(u.Scheme) {
	case "http":
		defaultPort = "80"
	case "https":
		defaultPort = "443"
	default:
		return false
	}
	return strings.EqualFold(hostPort(u.Host, defaultPort), hostPort(r.Host, defaultPort))
}

// hostPort returns host with the port made explicit.
func hostPort(host, defaultPort string) string {
	if h, p, err := net.SplitHostPort(host); err == nil {
		return net.JoinHostPort(h, p)
	}
	return net.JoinHostPort(strings.TrimSuffix(strings.TrimPrefix(host, "["), "]"), defaultPort)
}
