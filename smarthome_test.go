package main

// Smart homes against the real server (SPEC sections 5 and 6): GraphQL
// provisioning against a fake of Cloudflare's API, the REST shim's route x
// scope x role matrix, and the Home Assistant integration's whole path —
// OAuth (code flow with PKCE, and the device flow), then the shim's calls
// in the order the integration makes them.

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/woowtech/woow-paas/gqlid"
	"github.com/woowtech/woow-paas/tunnels/cffake"
)

const (
	createHomeMut = `mutation($ws: ID!, $name: String!, $port: Int) {
		createSmartHome(input: {workspaceId: $ws, name: $name, haPort: $port}) { smartHome { id state subdomain } } }`
	homeQuery = `query($id: ID!) { node(id: $id) { ... on SmartHome { id name state errorMessage tunnelID
		tunnelStatus connectorID connectorType connectedSince subdomain haPort viewerCanManage } } }`
	homeTokenQuery = `query($id: ID!) { node(id: $id) { ... on SmartHome { tunnelToken } } }`
	refreshHomeMut = `mutation($id: ID!) { refreshSmartHomeStatus(input: {id: $id}) { smartHome { id tunnelStatus connectorID } } }`
	deleteHomeMut  = `mutation($id: ID!) { deleteSmartHome(input: {id: $id}) { smartHome { id state } } }`
	retryHomeMut   = `mutation($id: ID!) { retrySmartHome(input: {id: $id}) { smartHome { id state } } }`
)

// regexpHost is a home's host name in the test domain.
var regexpHost = regexp.MustCompile(`^paas-sm-[0-9a-f]{8}-[0-9a-f]{8}\.homes\.example\.com$`)

// cloudflareEnv is a fresh installation whose Cloudflare account is a fake
// served by the test.
func cloudflareEnv(t *testing.T) (testEnv, *cffake.Server) {
	t.Helper()
	cf := cffake.New(t)
	env := newTestEnv(t)
	env["WOOW_CLOUDFLARE_API_URL"] = cf.URL
	env["WOOW_CLOUDFLARE_API_TOKEN"] = cf.Token
	env["WOOW_CLOUDFLARE_ACCOUNT_ID"] = cf.Account
	env["WOOW_CLOUDFLARE_ZONE_ID"] = cf.Zone
	env["WOOW_CLOUDFLARE_RATE_LIMIT"] = "1000"
	env["WOOW_SMARTHOME_DOMAIN"] = "homes.example.com"
	return env, cf
}

// waitHome polls a home until its state is want (or fails after 20 s).
func waitHome(t *testing.T, c *account, id, want string) json.RawMessage {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		data := c.mustDo(t, homeQuery, map[string]any{"id": id})
		if got := pick[string](t, data, "node.state"); got == want {
			return data
		} else if time.Now().After(deadline) {
			t.Fatalf("home %s is %s (%s), want %s", id, got, pick[string](t, data, "node.errorMessage"), want)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// numeric is the shim's id of a GraphQL id.
func numeric(t *testing.T, id string) int {
	t.Helper()
	n, err := gqlid.Decode(id)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// shimGet calls the REST shim as the integration does: GET with a bearer
// token. It returns the status and the JSON body.
func shimGet(t *testing.T, base, path, token string) (int, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, base+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var body map[string]any
	if err := json.Unmarshal(b, &body); err != nil {
		t.Fatalf("GET %s: %d, not JSON: %q", path, resp.StatusCode, b)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("GET %s: Content-Type %q", path, ct)
	}
	return resp.StatusCode, body
}

// homeKeys are the keys of a home object (SPEC section 6).
var homeKeys = []string{"id", "name", "workspace_id", "state", "tunnel_id", "tunnel_name", "tunnel_route",
	"tunnel_status", "tunnel_uptime", "connector_id", "connector_type", "ha_port", "subdomain",
	"error_message", "deployed_at", "created_at"}

// checkHomeObject fails unless home has exactly the documented keys, none
// null, numbers where the integration expects them.
func checkHomeObject(t *testing.T, what string, home map[string]any) {
	t.Helper()
	if len(home) != len(homeKeys) {
		t.Errorf("%s: %d keys, want %d: %v", what, len(home), len(homeKeys), home)
	}
	for _, k := range homeKeys {
		v, ok := home[k]
		switch {
		case !ok || v == nil:
			t.Errorf("%s: %s missing or null", what, k)
		case k == "id" || k == "workspace_id" || k == "ha_port":
			if _, ok := v.(float64); !ok {
				t.Errorf("%s: %s = %v, want a number", what, k, v)
			}
		default:
			if _, ok := v.(string); !ok {
				t.Errorf("%s: %s = %v, want a string", what, k, v)
			}
		}
	}
}

func TestSmartHomeProvisioningOverGraphQL(t *testing.T) {
	env, cf := cloudflareEnv(t)
	srv := startServer(t, env)
	alice := register(t, srv.URL, "alice@example.com", "Alice")
	bob := register(t, srv.URL, "bob@example.com", "Bob")
	ws := pick[string](t, alice.mustDo(t, createWorkspaceMut, map[string]any{"name": "Acme"}), "createWorkspace.workspace.id")
	join(t, alice, bob, ws, "user")

	// Members below admin cannot add one; bad input is named.
	bob.expectErr(t, "FORBIDDEN", "", createHomeMut, map[string]any{"ws": ws, "name": "Bob's"})
	alice.expectErr(t, "BAD_USER_INPUT", "name", createHomeMut, map[string]any{"ws": ws, "name": " "})
	alice.expectErr(t, "BAD_USER_INPUT", "haPort", createHomeMut, map[string]any{"ws": ws, "name": "H", "port": 70000})

	data := alice.mustDo(t, createHomeMut, map[string]any{"ws": ws, "name": "Living room", "port": 8124})
	id := pick[string](t, data, "createSmartHome.smartHome.id")
	host := pick[string](t, data, "createSmartHome.smartHome.subdomain")
	// Pending until its job starts; on PostgreSQL the job (woken by
	// LISTEN) can start before the answer is written.
	if st := pick[string](t, data, "createSmartHome.smartHome.state"); st != "pending" && st != "provisioning" {
		t.Errorf("created %s", st)
	}
	if !regexpHost.MatchString(host) {
		t.Errorf("host name %q", host)
	}
	home := waitHome(t, alice, id, "active")
	tunnel := pick[string](t, home, "node.tunnelID")
	tunnels := cf.Tunnels()
	if len(tunnels) != 1 || tunnels[0].ID != tunnel || len(tunnels[0].Config) != 2 ||
		tunnels[0].Config[0].Hostname != host || tunnels[0].Config[0].Service != "http://localhost:8124" ||
		tunnels[0].Config[1].Service != "http_status:404" {
		t.Fatalf("tunnels at Cloudflare: %+v", tunnels)
	}
	recs := cf.DNSRecords()
	if len(recs) != 1 || recs[0].Name != host || recs[0].Type != "CNAME" || recs[0].Content != tunnel+".cfargotunnel.com" || !recs[0].Proxied {
		t.Fatalf("DNS records: %+v", recs)
	}

	// The token: for admins only, on request.
	tok := pick[string](t, alice.mustDo(t, homeTokenQuery, map[string]any{"id": id}), "node.tunnelToken")
	if tok != cf.TokenOf(tunnel) {
		t.Fatalf("tunnelToken = %q, want Cloudflare's", tok)
	}
	if !isNull(t, bob.mustDo(t, homeTokenQuery, map[string]any{"id": id}), "node.tunnelToken") {
		t.Fatal("a user-role member read the tunnel token")
	}
	if pick[bool](t, bob.mustDo(t, homeQuery, map[string]any{"id": id}), "node.viewerCanManage") {
		t.Error("viewerCanManage for a user-role member")
	}
	// The reading is in the feed.
	feed := alice.mustDo(t, `query($ws: ID!) { activity(workspaceId: $ws, first: 20) { edges { node { verb summary } } } }`, map[string]any{"ws": ws})
	if !strings.Contains(string(feed), `"smarthome.token_read"`) || !strings.Contains(string(feed), `"smarthome.active"`) {
		t.Errorf("feed: %s", feed)
	}

	// Status: a connector connects; members may refresh.
	opened := time.Now().Add(-time.Hour).UTC().Truncate(time.Second)
	cf.Connect(tunnel, cffake.Connector{ID: "c0ffee00-0000-4000-8000-000000000001", Arch: "linux_arm64", Version: "2025.1.0", OpenedAt: opened, ColoName: "tpe01"})
	// A refresh reads Cloudflare at most once per MinRefresh (5 s) per
	// home: when the periodic pass read it just before the connector
	// came, the first asks answer the stored status, so ask until it
	// shows (CI once saw "disconnected" here).
	for deadline := time.Now().Add(15 * time.Second); ; time.Sleep(250 * time.Millisecond) {
		data = bob.mustDo(t, refreshHomeMut, map[string]any{"id": id})
		if pick[string](t, data, "refreshSmartHomeStatus.smartHome.tunnelStatus") == "connected" || time.Now().After(deadline) {
			break
		}
	}
	if pick[string](t, data, "refreshSmartHomeStatus.smartHome.tunnelStatus") != "connected" ||
		pick[string](t, data, "refreshSmartHomeStatus.smartHome.connectorID") != "c0ffee00-0000-4000-8000-000000000001" {
		t.Fatalf("refreshed: %s", data)
	}
	home = alice.mustDo(t, homeQuery, map[string]any{"id": id})
	if got := pick[string](t, home, "node.connectorType"); got != "cloudflared 2025.1.0 (linux_arm64)" {
		t.Errorf("connectorType %q", got)
	}
	if got := pick[string](t, home, "node.connectedSince"); got != opened.Format(time.RFC3339) {
		t.Errorf("connectedSince %q, want %s", got, opened.Format(time.RFC3339))
	}

	// Retry is for homes in error only; delete removes everything, the
	// connector's stale connections first.
	alice.expectErr(t, "CONFLICT", "", retryHomeMut, map[string]any{"id": id})
	bob.expectErr(t, "FORBIDDEN", "", deleteHomeMut, map[string]any{"id": id})
	cf.Disconnect(tunnel)
	alice.mustDo(t, deleteHomeMut, map[string]any{"id": id})
	waitHome(t, alice, id, "gone")
	if n := len(cf.Tunnels()); n != 0 {
		t.Errorf("%d tunnels left", n)
	}
	if n := len(cf.DNSRecords()); n != 0 {
		t.Errorf("%d DNS records left", n)
	}
	if strings.Contains(srv.Log.String(), cf.Token) {
		t.Error("the Cloudflare API token is in the server log")
	}
}

// A DNS name already taken and a missing configuration end in error, in
// words, never with the API token.
func TestSmartHomeFailuresInWords(t *testing.T) {
	env, cf := cloudflareEnv(t)
	srv := startServer(t, env)
	alice := register(t, srv.URL, "alice@example.com", "Alice")
	ws := pick[string](t, alice.mustDo(t, createWorkspaceMut, map[string]any{"name": "Acme"}), "createWorkspace.workspace.id")

	cf.FailNext(cffake.OpCreateTunnel, http.StatusForbidden, 10000, "Authentication error")
	id := pick[string](t, alice.mustDo(t, createHomeMut, map[string]any{"ws": ws, "name": "Cabin"}), "createSmartHome.smartHome.id")
	home := waitHome(t, alice, id, "error")
	msg := pick[string](t, home, "node.errorMessage")
	if !strings.Contains(msg, "Cloudflare refused to create the tunnel") || !strings.Contains(msg, "Authentication error") ||
		strings.Contains(msg, cf.Token) {
		t.Errorf("error message %q", msg)
	}
	// Retried once Cloudflare agrees: active, one tunnel.
	alice.mustDo(t, retryHomeMut, map[string]any{"id": id})
	waitHome(t, alice, id, "active")
	if n := len(cf.Tunnels()); n != 1 {
		t.Errorf("%d tunnels after the retry", n)
	}

	// Without credentials: error, saying what to set.
	bare := newTestEnv(t)
	srv2 := startServer(t, bare)
	carol := register(t, srv2.URL, "carol@example.com", "Carol")
	ws2 := pick[string](t, carol.mustDo(t, createWorkspaceMut, map[string]any{"name": "Bare"}), "createWorkspace.workspace.id")
	id2 := pick[string](t, carol.mustDo(t, createHomeMut, map[string]any{"ws": ws2, "name": "Home"}), "createSmartHome.smartHome.id")
	msg = pick[string](t, waitHome(t, carol, id2, "error"), "node.errorMessage")
	if !strings.Contains(msg, "WOOW_CLOUDFLARE_API_TOKEN") || !strings.Contains(msg, "WOOW_CLOUDFLARE_ACCOUNT_ID") {
		t.Errorf("unconfigured: %q", msg)
	}
	// Deleting it ends: nothing was made at Cloudflare.
	carol.mustDo(t, deleteHomeMut, map[string]any{"id": id2})
	waitHome(t, carol, id2, "gone")
	if strings.Contains(srv.Log.String(), cf.Token) {
		t.Error("the Cloudflare API token is in the server log")
	}
}

// The shim's route x scope x role matrix.
func TestSmartHomeShimMatrix(t *testing.T) {
	env, cf := cloudflareEnv(t)
	srv := startServer(t, env)
	people := map[string]*account{}
	for _, p := range []string{"owner", "admin", "user", "guest", "outsider"} {
		people[p] = register(t, srv.URL, p+"@example.com", p)
	}
	owner := people["owner"]
	ws := pick[string](t, owner.mustDo(t, createWorkspaceMut, map[string]any{"name": "Acme"}), "createWorkspace.workspace.id")
	for _, r := range []string{"admin", "user", "guest"} {
		join(t, owner, people[r], ws, r)
	}
	other := pick[string](t, people["outsider"].mustDo(t, createWorkspaceMut, map[string]any{"name": "Elsewhere"}), "createWorkspace.workspace.id")
	home := pick[string](t, owner.mustDo(t, createHomeMut, map[string]any{"ws": ws, "name": "Living room"}), "createSmartHome.smartHome.id")
	elsewhere := pick[string](t, people["outsider"].mustDo(t, createHomeMut, map[string]any{"ws": other, "name": "Theirs"}), "createSmartHome.smartHome.id")
	waitHome(t, owner, home, "active")
	waitHome(t, people["outsider"], elsewhere, "active")
	wsN, homeN, elsewhereN := numeric(t, ws), numeric(t, home), numeric(t, elsewhere)
	tunnel := pick[string](t, owner.mustDo(t, homeQuery, map[string]any{"id": home}), "node.tunnelID")

	routes := []struct {
		path, scope string
		// tokenRoute: below admin is insufficient_role.
		tokenRoute bool
		// listsWorkspaces: an outsider gets 200 without the workspace.
		listsWorkspaces bool
	}{
		{"/api/smarthome/workspaces", "workspace:read", false, true},
		{"/api/ha/workspaces", "workspace:read", false, true},
		{fmt.Sprintf("/api/smarthome/workspaces/%d/homes", wsN), "smarthome:read", false, false},
		{fmt.Sprintf("/api/ha/workspaces/%d/smarthomes", wsN), "smarthome:read", false, false},
		{fmt.Sprintf("/api/smarthome/homes/%d", homeN), "smarthome:read", false, false},
		{fmt.Sprintf("/api/smarthome/homes/%d/status", homeN), "smarthome:read", false, false},
		{fmt.Sprintf("/api/smarthome/homes/%d/tunnel-token", homeN), "smarthome:tunnel", true, false},
		{fmt.Sprintf("/api/ha/smarthomes/%d/tunnel-token", homeN), "smarthome:tunnel", true, false},
	}
	// One token per person and scope, through the integration's code flow.
	scopes := []string{"workspace:read", "smarthome:read", "smarthome:tunnel"}
	tokens := map[string]map[string]string{}
	for who, a := range people {
		tokens[who] = map[string]string{}
		for _, sc := range scopes {
			tokens[who][sc] = haLoginScoped(t, srv.URL, a, sc)["access_token"].(string)
		}
	}
	for _, rt := range routes {
		for who := range people {
			for _, sc := range scopes {
				status, body := shimGet(t, srv.URL, rt.path, tokens[who][sc])
				wantStatus, wantErr := http.StatusOK, ""
				switch {
				case sc != rt.scope:
					wantStatus, wantErr = http.StatusForbidden, "insufficient_scope"
				case who == "outsider" && !rt.listsWorkspaces:
					wantStatus, wantErr = http.StatusNotFound, "Not Found"
				case rt.tokenRoute && (who == "user" || who == "guest"):
					wantStatus, wantErr = http.StatusForbidden, "insufficient_role"
				}
				if status != wantStatus || (wantErr != "" && body["error"] != wantErr) || (wantErr != "" && body["detail"] == nil) {
					t.Errorf("%s as %s with %s: %d %v, want %d %q", rt.path, who, sc, status, body, wantStatus, wantErr)
					continue
				}
				if wantErr == "insufficient_role" && body["detail"] != "Only workspace owners and admins can get the tunnel token." {
					t.Errorf("insufficient_role detail %q", body["detail"])
				}
				if status != http.StatusOK {
					continue
				}
				switch {
				case rt.listsWorkspaces:
					// Each belongs to one: Acme, or the outsider's own.
					got := body["workspaces"].([]any)
					if len(got) != 1 {
						t.Errorf("%s as %s: %v", rt.path, who, got)
					}
					for _, w := range got {
						w := w.(map[string]any)
						if (who == "outsider") == (w["id"] == float64(wsN)) {
							t.Errorf("%s as %s lists %v", rt.path, who, w)
						}
					}
				case rt.tokenRoute:
					if body["tunnel_token"] != cf.TokenOf(tunnel) || body["tunnel_id"] != tunnel || !regexpHost.MatchString(body["subdomain"].(string)) {
						t.Errorf("token as %s: %v", who, body)
					}
				case strings.HasSuffix(rt.path, "homes") || strings.HasSuffix(rt.path, "smarthomes"):
					homes := body["homes"].([]any)
					if len(homes) != 1 {
						t.Fatalf("homes: %v", homes)
					}
					checkHomeObject(t, rt.path, homes[0].(map[string]any))
				default:
					checkHomeObject(t, rt.path, body["home"].(map[string]any))
				}
			}
		}
	}

	// Another workspace's home, through a member's token: 404, as if it
	// did not exist; so is an id that is not a number.
	for _, p := range []string{
		fmt.Sprintf("/api/smarthome/homes/%d", elsewhereN),
		fmt.Sprintf("/api/smarthome/homes/%d/tunnel-token", elsewhereN),
		fmt.Sprintf("/api/smarthome/workspaces/%d/homes", numeric(t, other)),
		"/api/smarthome/homes/abc", "/api/smarthome/homes/-1/status", "/api/smarthome/nothing",
	} {
		sc := "smarthome:read"
		if strings.HasSuffix(p, "tunnel-token") {
			sc = "smarthome:tunnel"
		}
		if status, body := shimGet(t, srv.URL, p, tokens["owner"][sc]); status != http.StatusNotFound || body["error"] != "Not Found" {
			t.Errorf("%s: %d %v", p, status, body)
		}
	}

	// Bearer only: no token, a bad one, or a session cookie alone is 401.
	path := fmt.Sprintf("/api/smarthome/homes/%d", homeN)
	for name, tok := range map[string]string{"none": "", "bad": "wpa_not-a-token"} {
		if status, body := shimGet(t, srv.URL, path, tok); status != http.StatusUnauthorized || body["error"] != "Unauthorized" {
			t.Errorf("%s token: %d %v", name, status, body)
		}
	}
	if status, _ := owner.get(t, path); status != http.StatusUnauthorized {
		t.Errorf("session cookie alone: %d", status)
	}
	// A session token as a bearer carries every scope.
	if status, body := shimGet(t, srv.URL, path+"/tunnel-token", owner.sessionCookie(t)); status != http.StatusOK || body["tunnel_token"] == nil {
		t.Errorf("session bearer: %d %v", status, body)
	}
	// Only GET.
	req, _ := http.NewRequest(http.MethodPost, srv.URL+path, nil)
	req.Header.Set("Authorization", "Bearer "+tokens["owner"]["smarthome:read"])
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: %v %v", resp, err)
	} else {
		resp.Body.Close()
	}
}

// haLoginScoped runs the Home Assistant code flow asking for scope only.
func haLoginScoped(t *testing.T, base string, who *account, scope string) map[string]any {
	t.Helper()
	verifier, challenge := pkce(t)
	authURL := base + "/oauth2/authorize?" + url.Values{
		"response_type": {"code"}, "client_id": {haClientID}, "redirect_uri": {haRedirect},
		"scope": {scope}, "state": {"s"}, "code_challenge": {challenge}, "code_challenge_method": {"S256"},
	}.Encode()
	to := consent(t, who, authURL, true)
	status, body, _ := oauthPost(t, base+"/oauth2/token", url.Values{
		"grant_type": {"authorization_code"}, "code": {to.Query().Get("code")},
		"redirect_uri": {haRedirect}, "client_id": {haClientID}, "code_verifier": {verifier},
	}, "", "")
	if status != http.StatusOK || body["scope"] != scope {
		t.Fatalf("token for %s: %d %v", scope, status, body)
	}
	return body
}

// The integration's whole path, as its code runs it: sign in (code flow
// with PKCE; then the device flow, which the companion app uses), list the
// workspaces, list the homes of the one chosen, fetch the tunnel token,
// then poll the status; after a refresh of the access token it goes on.
func TestSmartHomeHomeAssistantIntegrationPath(t *testing.T) {
	env, cf := cloudflareEnv(t)
	srv := startServer(t, env)
	alice := register(t, srv.URL, "alice@example.com", "Alice")
	ws := pick[string](t, alice.mustDo(t, createWorkspaceMut, map[string]any{"name": "Acme"}), "createWorkspace.workspace.id")
	home := pick[string](t, alice.mustDo(t, createHomeMut, map[string]any{"ws": ws, "name": "Living room"}), "createSmartHome.smartHome.id")
	waitHome(t, alice, home, "active")

	integration := func(t *testing.T, token string) {
		status, body := shimGet(t, srv.URL, "/api/smarthome/workspaces", token)
		if status != http.StatusOK {
			t.Fatalf("workspaces: %d %v", status, body)
		}
		wss := body["workspaces"].([]any)
		if len(wss) != 1 || wss[0].(map[string]any)["name"] != "Acme" || wss[0].(map[string]any)["slug"] == "" {
			t.Fatalf("workspaces: %v", wss)
		}
		wid := int(wss[0].(map[string]any)["id"].(float64))
		status, body = shimGet(t, srv.URL, "/api/smarthome/workspaces/"+strconv.Itoa(wid)+"/homes", token)
		if status != http.StatusOK || len(body["homes"].([]any)) != 1 {
			t.Fatalf("homes: %d %v", status, body)
		}
		h := body["homes"].([]any)[0].(map[string]any)
		hid := strconv.Itoa(int(h["id"].(float64)))
		if h["name"] != "Living room" || h["state"] != "active" {
			t.Fatalf("home: %v", h)
		}
		status, body = shimGet(t, srv.URL, "/api/smarthome/homes/"+hid+"/tunnel-token", token)
		if status != http.StatusOK || body["subdomain"] != h["subdomain"] || body["tunnel_id"] != h["tunnel_id"] ||
			body["tunnel_token"] != cf.TokenOf(h["tunnel_id"].(string)) {
			t.Fatalf("tunnel token: %d %v", status, body)
		}
		// cloudflared runs with the token and connects; the next poll
		// (every 30 s) sees it.
		cf.Connect(h["tunnel_id"].(string), cffake.Connector{ID: "c1", Arch: "linux_amd64", Version: "2025.2.0", OpenedAt: time.Now().Add(-time.Minute)})
		deadline := time.Now().Add(10 * time.Second)
		for {
			status, body = shimGet(t, srv.URL, "/api/smarthome/homes/"+hid+"/status", token)
			if status != http.StatusOK {
				t.Fatalf("status: %d %v", status, body)
			}
			got := body["home"].(map[string]any)
			checkHomeObject(t, "status", got)
			if got["tunnel_status"] == "connected" {
				if got["connector_id"] != "c1" || got["tunnel_uptime"] == "" {
					t.Errorf("connected home: %v", got)
				}
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("status never connected: %v", got)
			}
			time.Sleep(500 * time.Millisecond) // the server reads Cloudflare at most every 5 s per home
		}
		cf.Disconnect(h["tunnel_id"].(string))
	}

	t.Run("code flow", func(t *testing.T) {
		tok := haLogin(t, srv.URL, alice)
		integration(t, tok["access_token"].(string))
		// Home Assistant refreshes before a call once the token nears
		// its end; the new token goes on where the old left off.
		status, next, _ := oauthPost(t, srv.URL+"/oauth2/token", url.Values{"grant_type": {"refresh_token"},
			"client_id": {haClientID}, "refresh_token": {tok["refresh_token"].(string)}}, "", "")
		if status != http.StatusOK {
			t.Fatalf("refresh: %d %v", status, next)
		}
		if status, body := shimGet(t, srv.URL, "/api/smarthome/workspaces", next["access_token"].(string)); status != http.StatusOK {
			t.Fatalf("after refresh: %d %v", status, body)
		}
		if status, _ := shimGet(t, srv.URL, "/api/smarthome/workspaces", tok["access_token"].(string)); status != http.StatusUnauthorized {
			t.Fatalf("the rotated-out token: %d", status)
		}
	})
	t.Run("device flow", func(t *testing.T) {
		status, d, _ := oauthPost(t, srv.URL+"/oauth2/device_authorization",
			url.Values{"client_id": {haClientID}, "scope": {haScopes}}, "", "")
		if status != http.StatusOK {
			t.Fatalf("device_authorization: %d %v", status, d)
		}
		alice.mustDo(t, approveDeviceMut, map[string]any{"code": d["user_code"], "ok": true})
		status, tok, _ := oauthPost(t, srv.URL+"/oauth2/token", url.Values{"client_id": {haClientID},
			"grant_type": {"urn:ietf:params:oauth:grant-type:device_code"}, "device_code": {d["device_code"].(string)}}, "", "")
		if status != http.StatusOK {
			t.Fatalf("device token: %d %v", status, tok)
		}
		integration(t, tok["access_token"].(string))
	})
}

// smartHomeStatus: a member sees a home go through its states and its
// tunnel connect, live; an outsider's subscription is NOT_FOUND.
func TestSmartHomeStatusSubscription(t *testing.T) {
	env, cf := cloudflareEnv(t)
	srv := startServer(t, env)
	alice := register(t, srv.URL, "alice@example.com", "Alice")
	guest := register(t, srv.URL, "guest@example.com", "Guest")
	eve := register(t, srv.URL, "eve@example.com", "Eve")
	ws := pick[string](t, alice.mustDo(t, createWorkspaceMut, map[string]any{"name": "Acme"}), "createWorkspace.workspace.id")
	join(t, alice, guest, ws, "guest")

	const sub = `subscription($ws: ID!) { smartHomeStatus(workspaceId: $ws) { id state tunnelStatus } }`
	w := mustDialWS(t, srv.URL, "guest", wsDial{token: guest.sessionCookie(t), origin: srv.URL}, nil)
	w.subscribe(t, "1", sub, map[string]any{"ws": ws})
	outsider := mustDialWS(t, srv.URL, "eve", wsDial{token: eve.sessionCookie(t), origin: srv.URL}, nil)
	outsider.subscribe(t, "1", sub, map[string]any{"ws": ws})
	if m := outsider.recv(t, 10*time.Second); len(opErrors(m)) != 1 || opErrors(m)[0].Extensions.Code != "NOT_FOUND" {
		t.Fatalf("outsider: %v", m)
	}

	id := pick[string](t, alice.mustDo(t, createHomeMut, map[string]any{"ws": ws, "name": "Cabin"}), "createSmartHome.smartHome.id")
	var seen []string
	var tunnelID string
	deadline := time.Now().Add(20 * time.Second)
	for !contains(seen, "active/unknown") && !contains(seen, "active/disconnected") {
		if time.Now().After(deadline) {
			t.Fatalf("states seen: %v", seen)
		}
		m := w.recv(t, 20*time.Second)
		if m.Type != "next" {
			t.Fatalf("got %v", m)
		}
		var p struct {
			Data struct {
				SmartHomeStatus struct{ ID, State, TunnelStatus string }
			}
		}
		if err := json.Unmarshal(m.Payload, &p); err != nil {
			t.Fatal(err)
		}
		h := p.Data.SmartHomeStatus
		if h.ID != id {
			t.Fatalf("another home: %v", m)
		}
		if s := h.State + "/" + h.TunnelStatus; len(seen) == 0 || seen[len(seen)-1] != s {
			seen = append(seen, s)
		}
	}
	// A stream of rows that change sends each row as it is when loaded:
	// a quick transition may be seen only in its later state, but never
	// out of order.
	rank := map[string]int{"pending": 0, "provisioning": 1, "active": 2}
	for i := 1; i < len(seen); i++ {
		prev, _, _ := strings.Cut(seen[i-1], "/")
		cur, _, _ := strings.Cut(seen[i], "/")
		if rank[cur] < rank[prev] {
			t.Errorf("states seen out of order: %v", seen)
		}
	}
	tunnelID = pick[string](t, alice.mustDo(t, homeQuery, map[string]any{"id": id}), "node.tunnelID")
	cf.Connect(tunnelID, cffake.Connector{ID: "c1", Arch: "linux_amd64", Version: "2025.2.0", OpenedAt: time.Now()})
	alice.mustDo(t, refreshHomeMut, map[string]any{"id": id})
	for {
		m := w.recv(t, 10*time.Second)
		if strings.Contains(string(m.Payload), `"tunnelStatus":"connected"`) {
			break
		}
		if m.Type != "next" {
			t.Fatalf("got %v", m)
		}
	}
}
