package auth

import (
	"net/http"
	"strings"
	"time"
)

// SessionCookieName is the name of the session cookie.
const SessionCookieName = "woow_session"

// Cookies sets and clears the session cookie.
type Cookies struct {
	// TrustProxy makes an X-Forwarded-Proto of https count as TLS. Set it
	// only behind a reverse proxy that overwrites that header; otherwise a
	// client could ask for a Secure cookie over plain HTTP (harmless) or,
	// worse, hide that it is on plain HTTP.
	TrustProxy bool
}

// SetSessionCookie sets the session cookie to token: HttpOnly, SameSite=Lax,
// Path=/, and Secure when the request came over TLS. A zero expires makes a
// browser-session cookie.
func (c Cookies) SetSessionCookie(w http.ResponseWriter, r *http.Request, token string, expires time.Time) {
	http.SetCookie(w, c.cookie(r, token, expires))
}

// ClearSessionCookie tells the browser to delete the session cookie.
func (c Cookies) ClearSessionCookie(w http.ResponseWriter, r *http.Request) {
	ck := c.cookie(r, "", time.Unix(0, 0))
	ck.MaxAge = -1
	http.SetCookie(w, ck)
}

func (c Cookies) cookie(r *http.Request, value string, expires time.Time) *http.Cookie {
	return &http.Cookie{
		Name:     SessionCookieName,
		Value:    value,
		Path:     "/",
		Expires:  expires,
		HttpOnly: true,
		Secure:   c.IsTLS(r),
		SameSite: http.SameSiteLaxMode,
	}
}

// IsTLS reports whether r reached us over TLS, directly or, with TrustProxy,
// through a proxy that says so in X-Forwarded-Proto (its first value, the
// one the client used).
func (c Cookies) IsTLS(r *http.Request) bool {
	if r.TLS != nil {
		return true
	}
	if !c.TrustProxy {
		return false
	}
	proto, _, _ := strings.Cut(r.Header.Get("X-Forwarded-Proto"), ",")
	return strings.EqualFold(strings.TrimSpace(proto), "https")
}

// SessionToken returns the session token of r's cookie, or "" when there is
// none or it is not shaped like a token from NewToken.
func SessionToken(r *http.Request) string {
	ck, err := r.Cookie(SessionCookieName)
	if err != nil || !WellFormedToken(ck.Value) {
		return ""
	}
	return ck.Value
}
