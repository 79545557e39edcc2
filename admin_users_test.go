package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
)

const (
	usersQuery = `query($search: String, $first: Int, $after: Cursor) { users(search: $search, first: $first, after: $after) {
		totalCount pageInfo { hasNextPage endCursor } edges { node { id email name platformAdmin disabled } } } }`
	setPlatformAdminMut = `mutation($id: ID!, $admin: Boolean!) { setPlatformAdmin(input: {userId: $id, admin: $admin}) { user { id platformAdmin disabled } } }`
	setUserDisabledMut  = `mutation($id: ID!, $disabled: Boolean!) { setUserDisabled(input: {userId: $id, disabled: $disabled}) { disabled user { id disabled platformAdmin } } }`
)

type listedUser struct {
	ID, Email, Name         string
	PlatformAdmin, Disabled bool
}

func listUsers(t *testing.T, c *client, vars map[string]any) (total int, users []listedUser) {
	t.Helper()
	var got struct {
		Users struct {
			TotalCount int
			Edges      []struct{ Node listedUser }
		}
	}
	if err := json.Unmarshal(c.mustDo(t, usersQuery, vars), &got); err != nil {
		t.Fatal(err)
	}
	for _, e := range got.Users.Edges {
		users = append(users, e.Node)
	}
	return got.Users.TotalCount, users
}

// TestAdminUsers: the users screen's API. Platform admins list every
// account (search, pages), make and unmake platform admins and disable
// accounts; the last active platform admin stays one, also when two
// admins demote each other at the same moment; a disabled account's
// session ends at once and it cannot sign in again.
func TestAdminUsers(t *testing.T) {
	srv := startServer(t, newTestEnv(t))
	root := register(t, srv.URL, "root@x.io", "Root") // the first account: platform admin
	alice := register(t, srv.URL, "alice@x.io", "Alice")
	bob := register(t, srv.URL, "bob@x.io", "Bob")

	// Nobody shares a workspace, and yet the admin sees everyone.
	total, users := listUsers(t, root.client, map[string]any{"first": 2})
	if total != 3 || len(users) != 2 || users[0].Email != "root@x.io" || !users[0].PlatformAdmin || users[1].Email != "alice@x.io" {
		t.Errorf("first page: %d %+v", total, users)
	}
	after := pick[string](t, root.mustDo(t, usersQuery, map[string]any{"first": 2}), "users.pageInfo.endCursor")
	if _, users := listUsers(t, root.client, map[string]any{"first": 2, "after": after}); len(users) != 1 || users[0].Email != "bob@x.io" {
		t.Errorf("second page: %+v", users)
	}
	if total, users := listUsers(t, root.client, map[string]any{"search": "BOB"}); total != 1 || users[0].ID != bob.id || users[0].Disabled {
		t.Errorf("search BOB: %d %+v", total, users)
	}
	root.expectErr(t, "BAD_USER_INPUT", "search", usersQuery, map[string]any{"search": fmt.Sprintf("%0101d", 0)})
	if _, errs := root.do(t, usersQuery, map[string]any{"first": 101}); len(errs) == 0 {
		t.Error("a page of 101 accounts was served")
	}
	alice.expectErr(t, "FORBIDDEN", "", usersQuery, nil)
	alice.expectErr(t, "FORBIDDEN", "", setPlatformAdminMut, map[string]any{"id": alice.id, "admin": true})
	alice.expectErr(t, "FORBIDDEN", "", setUserDisabledMut, map[string]any{"id": bob.id, "disabled": true})

	// The last active admin keeps the role, and cannot disable themselves.
	root.expectErr(t, "CONFLICT", "", setPlatformAdminMut, map[string]any{"id": root.id, "admin": false})
	root.expectErr(t, "BAD_USER_INPUT", "userId", setUserDisabledMut, map[string]any{"id": root.id, "disabled": true})

	// Made an admin, alice's session has the role at its next request.
	data := root.mustDo(t, setPlatformAdminMut, map[string]any{"id": alice.id, "admin": true})
	if !pick[bool](t, data, "setPlatformAdmin.user.platformAdmin") {
		t.Errorf("setPlatformAdmin: %s", data)
	}
	alice.mustDo(t, usersQuery, nil)

	// Two admins demoting (or disabling) each other at once: one wins.
	for round := range 6 {
		var wg sync.WaitGroup
		outcomes, bodies := make([]string, 2), make([]string, 2)
		for i, pair := range [][2]*account{{root, alice}, {alice, root}} {
			by, target := pair[0], pair[1]
			op, vars := setPlatformAdminMut, map[string]any{"id": target.id, "admin": false}
			if round%2 == 1 && i == 1 {
				op, vars = setUserDisabledMut, map[string]any{"id": target.id, "disabled": true}
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				data, errs := by.do(t, op, vars)
				outcomes[i], bodies[i] = outcome(errs), fmt.Sprint(string(data), errs)
				if len(errs) == 0 && !strings.Contains(string(data), `"user"`) {
					// A request whose session the other one ended
					// meanwhile must say so (UNAUTHENTICATED), not
					// answer an empty response.
					t.Errorf("round %d: %s: a response with neither the user nor an error: %q", round, by.name, data)
				}
			}()
		}
		wg.Wait()
		var winner, loser *account
		switch {
		case outcomes[0] == "OK" && outcomes[1] != "OK":
			winner, loser = root, alice
		case outcomes[1] == "OK" && outcomes[0] != "OK":
			winner, loser = alice, root
		default:
			t.Fatalf("round %d: outcomes %v (%q), want one OK and one refusal", round, outcomes, bodies)
		}
		_, admins := listUsers(t, winner.client, map[string]any{})
		active := 0
		for _, u := range admins {
			if u.PlatformAdmin && !u.Disabled {
				active++
			}
		}
		if active != 1 {
			t.Fatalf("round %d: %d active admins: %+v", round, active, admins)
		}
		// Put things back: the loser active and an admin again.
		winner.mustDo(t, setUserDisabledMut, map[string]any{"id": loser.id, "disabled": false})
		winner.mustDo(t, setPlatformAdminMut, map[string]any{"id": loser.id, "admin": true})
		if round%2 == 1 && loser == root {
			// Alice disabled root: root's session ended; sign in again.
			signedOut(t, root.client)
			root.client = login(t, srv.URL, root.email, testPassword)
		}
	}

	// Disabling bob ends his session at once; he cannot sign in until
	// enabled again.
	data = root.mustDo(t, setUserDisabledMut, map[string]any{"id": bob.id, "disabled": true})
	if !pick[bool](t, data, "setUserDisabled.user.disabled") {
		t.Errorf("setUserDisabled: %s", data)
	}
	signedOut(t, bob.client)
	anon := newClient(t, srv.URL, "bob again")
	anon.expectErr(t, "FORBIDDEN", "", loginMutation, map[string]any{"input": map[string]any{"email": "bob@x.io", "password": testPassword}})
	root.mustDo(t, setUserDisabledMut, map[string]any{"id": bob.id, "disabled": false})
	login(t, srv.URL, "bob@x.io", testPassword)
}
