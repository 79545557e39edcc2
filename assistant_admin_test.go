package main

// AI providers and agents over GraphQL against the real server (SPEC
// section 8, issue 15's admin part), with an OpenAI-compatible provider
// faked by the test on 127.0.0.1.

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

const (
	createProviderMut = `mutation($in: CreateAIProviderInput!) { createAIProvider(input: $in) { provider { id name baseURL defaultModel hasApiKey } } }`
	updateProviderMut = `mutation($in: UpdateAIProviderInput!) { updateAIProvider(input: $in) { provider { id hasApiKey } } }`
	deleteProviderMut = `mutation($id: ID!) { deleteAIProvider(input: {id: $id}) { deletedId } }`
	testProviderMut   = `mutation($id: ID!) { testAIProvider(input: {id: $id}) { ok models message } }`
	createAgentMut    = `mutation($in: CreateAIAgentInput!) { createAIAgent(input: $in) { agent { id handle isDefault } } }`
	deleteAgentMut    = `mutation($id: ID!) { deleteAIAgent(input: {id: $id}) { deletedId } }`
	agentsQuery       = `{ aiAgents { id handle isDefault systemPrompt } }`
)

// fakeModels is an OpenAI-compatible /v1/models that answers with status
// and body, and remembers the bearer keys it was sent.
type fakeModels struct {
	mu     sync.Mutex
	status int
	body   string
	keys   []string
}

func (f *fakeModels) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.keys = append(f.keys, strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "))
	if r.URL.Path != "/v1/models" {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(f.status)
	_, _ = w.Write([]byte(f.body))
}

func (f *fakeModels) answer(status int, body string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.status, f.body = status, body
}

func TestAIProvidersAndAgents(t *testing.T) {
	srv := startServer(t, newTestEnv(t))
	admin := register(t, srv.URL, "admin@example.com", "Admin") // the first account
	bob := register(t, srv.URL, "bob@example.com", "Bob")
	fake := &fakeModels{status: 200, body: `{"object":"list","data":[{"id":"gpt-b","object":"model"},{"id":"gpt-a","object":"model"}]}`}
	api := httptest.NewServer(fake)
	defer api.Close()
	const key = "sk-test-0123456789abcdef"

	// Platform admins only; bad input named.
	in := map[string]any{"name": "Local", "baseUrl": api.URL, "apiKey": key, "defaultModel": "gpt-a"}
	bob.expectErr(t, "FORBIDDEN", "", createProviderMut, map[string]any{"in": in})
	bob.expectErr(t, "FORBIDDEN", "", `{ aiProviders { id } }`, nil)
	for field, bad := range map[string]map[string]any{
		"baseUrl":     {"name": "X", "baseUrl": "ftp://example.com"},
		"name":        {"name": " ", "baseUrl": api.URL},
		"temperature": {"name": "X", "baseUrl": api.URL, "temperature": 3.5},
	} {
		admin.expectErr(t, "BAD_USER_INPUT", field, createProviderMut, map[string]any{"in": bad})
	}
	data := admin.mustDo(t, createProviderMut, map[string]any{"in": in})
	id := pick[string](t, data, "createAIProvider.provider.id")
	if !pick[bool](t, data, "createAIProvider.provider.hasApiKey") || strings.Contains(string(data), key) {
		t.Fatalf("created: %s", data)
	}

	// Test: the models, sorted; the key sent as a bearer token (stored
	// encrypted, decrypted for the call), never in a response or the log.
	data = admin.mustDo(t, testProviderMut, map[string]any{"id": id})
	if !pick[bool](t, data, "testAIProvider.ok") || strings.Join(pick[[]string](t, data, "testAIProvider.models"), ",") != "gpt-a,gpt-b" {
		t.Fatalf("test: %s", data)
	}
	if len(fake.keys) != 1 || fake.keys[0] != key {
		t.Fatalf("the provider got keys %q", fake.keys)
	}
	fake.answer(503, `{"error":{"message":"provider overloaded","type":"server_error"}}`)
	data = admin.mustDo(t, testProviderMut, map[string]any{"id": id})
	if pick[bool](t, data, "testAIProvider.ok") || pick[string](t, data, "testAIProvider.message") != "the provider answered 503: provider overloaded" {
		t.Fatalf("test of an overloaded provider: %s", data)
	}
	// Unreachable: said in words.
	down := httptest.NewServer(http.NotFoundHandler())
	downURL := down.URL
	down.Close()
	gone := pick[string](t, admin.mustDo(t, createProviderMut, map[string]any{"in": map[string]any{"name": "Down", "baseUrl": downURL}}), "createAIProvider.provider.id")
	data = admin.mustDo(t, testProviderMut, map[string]any{"id": gone})
	if pick[bool](t, data, "testAIProvider.ok") || !strings.HasPrefix(pick[string](t, data, "testAIProvider.message"), "could not reach the provider") {
		t.Fatalf("test of a provider that is down: %s", data)
	}
	// A key removed.
	data = admin.mustDo(t, updateProviderMut, map[string]any{"in": map[string]any{"id": id, "apiKey": ""}})
	if pick[bool](t, data, "updateAIProvider.provider.hasApiKey") {
		t.Fatalf("key not removed: %s", data)
	}

	// Agents: admins manage them; everyone signed in reads them; one
	// default; the system prompt only for admins.
	bob.expectErr(t, "FORBIDDEN", "", createAgentMut, map[string]any{"in": map[string]any{"handle": "x", "displayName": "X"}})
	admin.expectErr(t, "BAD_USER_INPUT", "handle", createAgentMut, map[string]any{"in": map[string]any{"handle": "Helper!", "displayName": "X"}})
	admin.expectErr(t, "BAD_USER_INPUT", "providerId", createAgentMut, map[string]any{"in": map[string]any{"handle": "x", "displayName": "X", "providerId": admin.id}})
	helper := pick[string](t, admin.mustDo(t, createAgentMut, map[string]any{"in": map[string]any{
		"handle": "helper", "displayName": "Helper", "systemPrompt": "Be brief.", "providerId": id, "isDefault": true}}), "createAIAgent.agent.id")
	admin.mustDo(t, createAgentMut, map[string]any{"in": map[string]any{"handle": "@coder", "displayName": "Coder", "providerId": id, "isDefault": true}})
	admin.expectErr(t, "BAD_USER_INPUT", "handle", createAgentMut, map[string]any{"in": map[string]any{"handle": "coder", "displayName": "Again"}})
	agents := pick[[]map[string]any](t, bob.mustDo(t, agentsQuery, nil), "aiAgents")
	if len(agents) != 2 || agents[0]["handle"] != "coder" || agents[0]["isDefault"] != true || agents[1]["isDefault"] != false || agents[1]["systemPrompt"] != nil {
		t.Fatalf("agents as a user: %v", agents)
	}
	if agents := pick[[]map[string]any](t, admin.mustDo(t, agentsQuery, nil), "aiAgents"); agents[1]["systemPrompt"] != "Be brief." {
		t.Fatalf("agents as an admin: %v", agents)
	}

	// A provider in use is not deleted.
	admin.expectErr(t, "CONFLICT", "", deleteProviderMut, map[string]any{"id": id})
	admin.mustDo(t, deleteAgentMut, map[string]any{"id": helper})
	admin.mustDo(t, deleteAgentMut, map[string]any{"id": agents[0]["id"]})
	admin.mustDo(t, deleteProviderMut, map[string]any{"id": id})
	if n := len(pick[[]any](t, admin.mustDo(t, `{ aiProviders { id } }`, nil), "aiProviders")); n != 1 {
		t.Fatalf("%d providers left", n)
	}
	if strings.Contains(srv.Log.String(), key) {
		t.Fatal("the API key is in the server log")
	}
}

const (
	createThreadMut = `mutation($in: CreateThreadInput!) { createThread(input: $in) { thread { id title autoReply defaultAgentID } } }`
	updateThreadMut = `mutation($in: UpdateThreadInput!) { updateThread(input: $in) { thread { id title } } }`
	deleteThreadMut = `mutation($id: ID!) { deleteThread(input: {id: $id}) { deletedId } }`
	threadsQuery    = `query($slug: String!) { workspace(slug: $slug) { threads { totalCount edges { node { id title messages { totalCount } } } } } }`
)

// Threads: members from user up write, guests read, another workspace's
// thread does not exist; the author or an admin deletes.
func TestThreads(t *testing.T) {
	srv := startServer(t, newTestEnv(t))
	owner := register(t, srv.URL, "owner@example.com", "Owner") // platform admin too
	bob := register(t, srv.URL, "bob@example.com", "Bob")
	eve := register(t, srv.URL, "eve@example.com", "Eve")
	guest := register(t, srv.URL, "guest@example.com", "Guest")
	outsider := register(t, srv.URL, "out@example.com", "Out")
	data := owner.mustDo(t, createWorkspaceMut, map[string]any{"name": "Acme"})
	ws, slug := pick[string](t, data, "createWorkspace.workspace.id"), pick[string](t, data, "createWorkspace.workspace.slug")
	join(t, owner, bob, ws, "user")
	join(t, owner, eve, ws, "user")
	join(t, owner, guest, ws, "guest")
	agent := pick[string](t, owner.mustDo(t, createAgentMut, map[string]any{"in": map[string]any{"handle": "helper", "displayName": "Helper"}}), "createAIAgent.agent.id")

	guest.expectErr(t, "FORBIDDEN", "", createThreadMut, map[string]any{"in": map[string]any{"workspaceId": ws, "title": "Nope"}})
	outsider.expectErr(t, "NOT_FOUND", "", createThreadMut, map[string]any{"in": map[string]any{"workspaceId": ws, "title": "Nope"}})
	for field, in := range map[string]map[string]any{
		"title":          {"workspaceId": ws, "title": strings.Repeat("x", 201)},
		"defaultAgentId": {"workspaceId": ws, "defaultAgentId": ws},
		"taskId":         {"workspaceId": ws, "taskId": ws},
	} {
		bob.expectErr(t, "BAD_USER_INPUT", field, createThreadMut, map[string]any{"in": in})
	}
	data = bob.mustDo(t, createThreadMut, map[string]any{"in": map[string]any{"workspaceId": ws, "title": "Backups", "defaultAgentId": agent, "autoReply": true}})
	th := pick[string](t, data, "createThread.thread.id")
	if pick[string](t, data, "createThread.thread.defaultAgentID") != agent || !pick[bool](t, data, "createThread.thread.autoReply") {
		t.Fatalf("created: %s", data)
	}
	// Everyone in the workspace reads it; the outsider does not see it.
	if n := pick[int](t, guest.mustDo(t, threadsQuery, map[string]any{"slug": slug}), "workspace.threads.totalCount"); n != 1 {
		t.Errorf("guest sees %d threads", n)
	}
	outsider.expectErr(t, "NOT_FOUND", "", updateThreadMut, map[string]any{"in": map[string]any{"id": th, "title": "Mine"}})
	outsider.expectErr(t, "NOT_FOUND", "", `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": th})
	data = eve.mustDo(t, updateThreadMut, map[string]any{"in": map[string]any{"id": th, "title": "Nightly backups"}})
	if pick[string](t, data, "updateThread.thread.title") != "Nightly backups" {
		t.Errorf("updated: %s", data)
	}
	// Deleting: not another user's, not a guest; the admin may. The
	// viewerCanDelete field says the same.
	for who, want := range map[*account]bool{eve: false, guest: false, owner: true, bob: true} {
		q := `query($id: ID!) { node(id: $id) { ... on AIThread { viewerCanDelete } } }`
		if got := pick[bool](t, who.mustDo(t, q, map[string]any{"id": th}), "node.viewerCanDelete"); got != want {
			t.Errorf("%s: viewerCanDelete = %v", who.email, got)
		}
	}
	eve.expectErr(t, "FORBIDDEN", "", deleteThreadMut, map[string]any{"id": th})
	guest.expectErr(t, "FORBIDDEN", "", deleteThreadMut, map[string]any{"id": th})
	owner.mustDo(t, deleteThreadMut, map[string]any{"id": th})
	if n := pick[int](t, bob.mustDo(t, threadsQuery, map[string]any{"slug": slug}), "workspace.threads.totalCount"); n != 0 {
		t.Errorf("%d threads after deleting", n)
	}
	// The author deletes their own.
	th = pick[string](t, bob.mustDo(t, createThreadMut, map[string]any{"in": map[string]any{"workspaceId": ws}}), "createThread.thread.id")
	bob.mustDo(t, deleteThreadMut, map[string]any{"id": th})
}
