package main

// Create mutations with an idempotency key make their object once (issue
// 17 item 1): the same request again, even at the same moment, answers
// with what the first made.

import (
	"encoding/json"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/woowtech/woow-paas/mail/mailtest"
)

func TestIdempotentCreates(t *testing.T) {
	srv := startServer(t, newTestEnv(t))
	alice := register(t, srv.URL, "alice@example.com", "Alice")
	bob := register(t, srv.URL, "bob@example.com", "Bob")
	const mut = `mutation($name: String!, $key: String) { createWorkspace(input: {name: $name, idempotencyKey: $key}) { workspace { id slug } } }`
	vars := map[string]any{"name": "Acme", "key": "6f1c2a9e-double-click"}

	first := pick[string](t, alice.mustDo(t, mut, vars), "createWorkspace.workspace.id")
	if again := pick[string](t, alice.mustDo(t, mut, vars), "createWorkspace.workspace.id"); again != first {
		t.Fatalf("the same key made %s, then %s", first, again)
	}
	// Another person's key is theirs.
	if other := pick[string](t, bob.mustDo(t, mut, vars), "createWorkspace.workspace.id"); other == first {
		t.Fatal("bob's request answered with alice's workspace")
	}
	// Two at the very same moment: one workspace; the other request gets
	// it too, or CONFLICT.
	vars = map[string]any{"name": "Beta", "key": "7a2b-same-moment"}
	var wg sync.WaitGroup
	results := make([]string, 2)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			data, errs := alice.do(t, mut, vars)
			if len(errs) > 0 {
				results[i] = errs[0].Extensions.Code
				return
			}
			results[i] = pick[string](t, data, "createWorkspace.workspace.id")
		}()
	}
	wg.Wait()
	if results[0] != results[1] && results[0] != "CONFLICT" && results[1] != "CONFLICT" {
		t.Errorf("two requests at once: %v", results)
	}
	if n := pick[int](t, alice.mustDo(t, workspaceSlugsQuery, nil), "workspaces.totalCount"); n != 2 {
		t.Errorf("alice has %d workspaces, want 2 (Acme, Beta)", n)
	}
	// Without a key, two requests make two; a bad key is named.
	alice.mustDo(t, mut, map[string]any{"name": "Gamma"})
	alice.mustDo(t, mut, map[string]any{"name": "Gamma"})
	alice.expectErr(t, "BAD_USER_INPUT", "idempotencyKey", mut, map[string]any{"name": "Delta", "key": "has space"})

	// Smart homes too (no Cloudflare here: the home ends in error, once).
	ws := first
	const home = `mutation($ws: ID!, $key: String) { createSmartHome(input: {workspaceId: $ws, name: "Cabin", idempotencyKey: $key}) { smartHome { id } } }`
	h1 := pick[string](t, alice.mustDo(t, home, map[string]any{"ws": ws, "key": "home-1"}), "createSmartHome.smartHome.id")
	if h2 := pick[string](t, alice.mustDo(t, home, map[string]any{"ws": ws, "key": "home-1"}), "createSmartHome.smartHome.id"); h2 != h1 {
		t.Fatalf("the same key made homes %s and %s", h1, h2)
	}
}

// TestIdempotentCreatesEverywhere holds every other create mutation to
// the same rule: the same key again by the same person returns what the
// first request made (and makes nothing), another key makes another,
// another person's same key is theirs, and a malformed key is refused by
// name. A secret or link shown once is not shown again: the replay has
// null there, and changes nothing (the first link keeps working, no
// second e-mail).
func TestIdempotentCreatesEverywhere(t *testing.T) {
	smtp := mailtest.Start(t)
	env := newTestEnv(t)
	env["WOOW_SMTP_URL"] = smtp.URL()
	env["WOOW_MAIL_FROM"] = "Woow <noreply@woow.test>"
	env["WOOW_PUBLIC_URL"] = "https://paas.woow.test"
	srv := startServer(t, env)
	alice := register(t, srv.URL, "alice@x.io", "Alice") // the first account: platform admin
	bob := register(t, srv.URL, "bob@x.io", "Bob")
	smtp.Next(t, 10*time.Second) // the addresses' verification e-mails
	smtp.Next(t, 10*time.Second)
	alice.mustDo(t, `mutation($id: ID!) { setPlatformAdmin(input: {userId: $id, admin: true}) { user { id } } }`, map[string]any{"id": bob.id})
	ws := pick[string](t, alice.mustDo(t, createWorkspaceMut, map[string]any{"name": "Acme"}), "createWorkspace.workspace.id")
	join(t, alice, bob, ws, "admin")
	smtp.NextAbout(t, "bob@x.io", "invited you", 10*time.Second)
	project := pick[string](t, alice.mustDo(t, `mutation($ws: ID!) { createProject(input: {workspaceId: $ws, name: "Support"}) { project { id } } }`,
		map[string]any{"ws": ws}), "createProject.project.id")
	carol := alice.mustDo(t, inviteMemberMutation, map[string]any{"ws": ws, "email": "carol@x.io", "role": "user"})
	smtp.NextAbout(t, "carol@x.io", "invited you", 10*time.Second)
	carolInvitation := pick[string](t, carol, "inviteMember.invitation.id")

	byToken := `query($token: String!) { invitationByToken(token: $token) { id } }`
	count := func(query, path string) func(t *testing.T) int {
		return func(t *testing.T) int {
			t.Helper()
			data := alice.mustDo(t, query, map[string]any{"ws": ws, "project": project})
			var list []json.RawMessage
			if raw := pick[json.RawMessage](t, data, path); json.Unmarshal(raw, &list) == nil {
				return len(list)
			}
			return pick[int](t, data, path)
		}
	}
	for _, tt := range []struct {
		name string
		// mut takes $in, the input of request n with its key.
		mut   string
		input func(n int) map[string]any
		id    string // the path of the made object's id
		// once is the path of what is shown once ("" for none): present
		// on the first answer, null on a replay.
		once string
		// count counts the objects of the kind (nil: the create changes
		// one object, such as createInvitationLink).
		count func(t *testing.T) int
		// replayed runs after the replay, with the first answer.
		replayed func(t *testing.T, first json.RawMessage)
	}{{
		name: "createThread",
		mut:  `mutation($in: CreateThreadInput!) { createThread(input: $in) { thread { id } } }`,
		input: func(n int) map[string]any {
			return map[string]any{"workspaceId": ws, "title": fmt.Sprint("Thread ", n)}
		},
		id:    "createThread.thread.id",
		count: count(`query($ws: ID!) { node(id: $ws) { ... on Workspace { threads { totalCount } } } }`, "node.threads.totalCount"),
	}, {
		name: "createTaskStage",
		mut:  `mutation($in: CreateTaskStageInput!) { createTaskStage(input: $in) { stage { id } } }`,
		input: func(n int) map[string]any {
			return map[string]any{"projectId": project, "name": fmt.Sprint("Stage ", n)}
		},
		id:    "createTaskStage.stage.id",
		count: count(`query($project: ID!) { node(id: $project) { ... on Project { stages { id } } } }`, "node.stages"),
	}, {
		name: "createAIProvider",
		mut:  `mutation($in: CreateAIProviderInput!) { createAIProvider(input: $in) { provider { id } } }`,
		input: func(n int) map[string]any {
			return map[string]any{"name": fmt.Sprint("Provider ", n), "baseUrl": "https://llm.example.com/v1", "apiKey": "sk-test"}
		},
		id:    "createAIProvider.provider.id",
		count: count(`{ aiProviders { id } }`, "aiProviders"),
	}, {
		name: "createAIAgent",
		mut:  `mutation($in: CreateAIAgentInput!) { createAIAgent(input: $in) { agent { id } } }`,
		input: func(n int) map[string]any {
			return map[string]any{"handle": fmt.Sprint("bot", n), "displayName": fmt.Sprint("Bot ", n)}
		},
		id:    "createAIAgent.agent.id",
		count: count(`{ aiAgents { id } }`, "aiAgents"),
	}, {
		name: "createAppTemplate",
		mut:  `mutation($in: CreateAppTemplateInput!) { createAppTemplate(input: $in) { appTemplate { id } } }`,
		input: func(n int) map[string]any {
			return map[string]any{"name": fmt.Sprint("App ", n), "slug": fmt.Sprint("app-", n), "category": "web",
				"chartRef": "oci://r.example.com/app"}
		},
		id:    "createAppTemplate.appTemplate.id",
		count: count(`{ appTemplates { totalCount } }`, "appTemplates.totalCount"),
	}, {
		name: "createOAuthClient",
		mut:  `mutation($in: CreateOAuthClientInput!) { createOAuthClient(input: $in) { client { id } clientSecret } }`,
		input: func(n int) map[string]any {
			return map[string]any{"name": fmt.Sprint("App ", n), "redirectUris": []string{"https://app.example/cb"},
				"scopes": []string{"read"}, "public": false}
		},
		id:    "createOAuthClient.client.id",
		once:  "createOAuthClient.clientSecret",
		count: count(`{ oauthClients { totalCount } }`, "oauthClients.totalCount"),
	}, {
		name: "inviteMember",
		mut:  `mutation($in: InviteMemberInput!) { inviteMember(input: $in) { invitation { id } link } }`,
		input: func(n int) map[string]any {
			return map[string]any{"workspaceId": ws, "email": fmt.Sprintf("guest%d@x.io", n), "role": "guest"}
		},
		id:    "inviteMember.invitation.id",
		once:  "inviteMember.link",
		count: count(`query($ws: ID!) { node(id: $ws) { ... on Workspace { pendingInvitations { id } } } }`, "node.pendingInvitations"),
		replayed: func(t *testing.T, first json.RawMessage) {
			smtp.NextAbout(t, "guest1@x.io", "invited you", 10*time.Second)
			smtp.Quiet(t, 2*time.Second) // no second e-mail
			alice.mustDo(t, byToken, map[string]any{"token": tokenOfLink(t, pick[string](t, first, "inviteMember.link"))})
		},
	}, {
		// A new link for one invitation: another key makes another link
		// for the same invitation.
		name:  "createInvitationLink",
		mut:   `mutation($in: CreateInvitationLinkInput!) { createInvitationLink(input: $in) { invitation { id } link } }`,
		input: func(int) map[string]any { return map[string]any{"id": carolInvitation} },
		id:    "createInvitationLink.invitation.id",
		once:  "createInvitationLink.link",
		replayed: func(t *testing.T, first json.RawMessage) {
			// The replay made no new link: the first still works.
			if got := pick[string](t, alice.mustDo(t, byToken, map[string]any{"token": tokenOfLink(t, pick[string](t, first, "createInvitationLink.link"))}),
				"invitationByToken.id"); got != carolInvitation {
				t.Errorf("the first link finds %q", got)
			}
		},
	}} {
		t.Run(tt.name, func(t *testing.T) {
			send := func(who *account, n int, key string) json.RawMessage {
				t.Helper()
				in := tt.input(n)
				in["idempotencyKey"] = key
				return who.mustDo(t, tt.mut, map[string]any{"in": in})
			}
			before := 0
			if tt.count != nil {
				before = tt.count(t)
			}
			made := func(want int) {
				t.Helper()
				if tt.count != nil {
					if got := tt.count(t) - before; got != want {
						t.Errorf("%d made, want %d", got, want)
					}
				}
			}
			key := "k-" + tt.name
			first := send(alice, 1, key)
			id := pick[string](t, first, tt.id)
			if tt.once != "" && isNull(t, first, tt.once) {
				t.Fatalf("the first answer has no %s: %s", tt.once, first)
			}
			again := send(alice, 1, key)
			if got := pick[string](t, again, tt.id); got != id {
				t.Fatalf("the same key made %s, then %s", id, got)
			}
			if tt.once != "" && !isNull(t, again, tt.once) {
				t.Errorf("the replay shows %s again: %s", tt.once, again)
			}
			made(1)
			if tt.replayed != nil {
				tt.replayed(t, first)
			}

			// Another key, another object (or, for one object, another
			// secret).
			other := send(alice, 2, key+"-2")
			if tt.count != nil {
				if pick[string](t, other, tt.id) == id {
					t.Error("another key answered with the first object")
				}
				made(2)
			} else if isNull(t, other, tt.once) || pick[string](t, other, tt.once) == pick[string](t, first, tt.once) {
				t.Errorf("another key made no new %s: %s", tt.once, other)
			}

			// Bob's key is his: the same key makes his own.
			bobs := send(bob, 3, key)
			if tt.count != nil {
				if pick[string](t, bobs, tt.id) == id {
					t.Error("bob's request answered with alice's object")
				}
				made(3)
			}
			if tt.once != "" && isNull(t, bobs, tt.once) {
				t.Errorf("bob's request was taken for a replay: %s", bobs)
			}

			in := tt.input(4)
			in["idempotencyKey"] = "has space"
			alice.expectErr(t, "BAD_USER_INPUT", "idempotencyKey", tt.mut, map[string]any{"in": in})
			made(3)
		})
	}
}
