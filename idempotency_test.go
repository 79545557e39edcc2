package main

// Create mutations with an idempotency key make their object once (issue
// 17 item 1): the same request again, even at the same moment, answers
// with what the first made.

import (
	"sync"
	"testing"
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
