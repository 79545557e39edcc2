package oauthhttp_test

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/woowtech/woow-paas/oauth"
	"github.com/woowtech/woow-paas/oauth/oauthhttp"
	"github.com/woowtech/woow-paas/store/storetest"
	"github.com/woowtech/woow-paas/viewer"
)

// TestCancelledRequestIsNoError: a request whose client went away while
// the endpoint asked the database is logged at DEBUG, not ERROR (issue
// 17, item 11): on the authorization endpoint's page and on the JSON
// endpoints' server_error alike.
func TestCancelledRequestIsNoError(t *testing.T) {
	db := storetest.Open(t)
	svc := oauth.New(db.Client, oauth.Config{PublicURL: "https://paas.example"})
	if err := svc.Seed(viewer.System(context.Background())); err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	mux := http.NewServeMux()
	oauthhttp.New(svc, http.NotFoundHandler(), log).Register(mux)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()

	authorize := httptest.NewRequest(http.MethodGet, "/oauth2/authorize?"+url.Values{"response_type": {"code"},
		"client_id": {oauth.HomeAssistantClientID}, "redirect_uri": {"http://homeassistant.local:8123" + oauth.HomeAssistantCallbackPath},
		"state": {"s"}, "code_challenge": {strings.Repeat("c", 43)}, "code_challenge_method": {"S256"}}.Encode(), nil)
	token := httptest.NewRequest(http.MethodPost, "/oauth2/token", strings.NewReader(url.Values{
		"grant_type": {"client_credentials"}, "client_id": {"wpc-someone"}, "client_secret": {"wps_secret"}}.Encode()))
	token.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for _, r := range []*http.Request{authorize, token} {
		logs.Reset()
		w := httptest.NewRecorder()
		mux.ServeHTTP(w, r.WithContext(ctx))
		if out := logs.String(); strings.Contains(out, "level=ERROR") || !strings.Contains(out, "the client went away") {
			t.Errorf("%s %s (%d): log:\n%s", r.Method, r.URL.Path, w.Code, out)
		}
	}
}
