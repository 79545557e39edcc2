package smarthome_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/cloudflare/cloudflare-go"

	"github.com/woowtech/woow-paas/ent"
	entsh "github.com/woowtech/woow-paas/ent/smarthome"
	"github.com/woowtech/woow-paas/tunnels/cffake"
)

func TestStatus(t *testing.T) {
	f := newFixture(t, options{})
	home := f.activate("Bedroom")
	if home.TunnelStatus != entsh.TunnelStatusDisconnected {
		t.Fatalf("a new home's tunnel is %s", home.TunnelStatus)
	}
	ctx, cancel := context.WithCancel(f.guest)
	defer cancel()
	changes, err := f.homes.Changes(ctx, f.ws.ID, nil)
	if err != nil {
		t.Fatal(err)
	}

	opened := time.Date(2026, 11, 30, 8, 15, 0, 0, time.UTC)
	for _, tc := range []struct {
		name    string
		arrange func()
		// all uses RefreshAll, else Refresh as a guest.
		all           bool
		status        entsh.TunnelStatus
		connector     string
		connectorType string
		since         time.Time
		// feed: whether the change writes an activity entry.
		feed bool
	}{
		{
			name: "connected",
			arrange: func() {
				f.cf.Connect(home.TunnelID, cffake.Connector{ID: "conn-1", Version: "2025.1.0", Arch: "linux_amd64", OpenedAt: opened})
				f.cf.Connect(home.TunnelID, cffake.Connector{ID: "conn-2", Version: "2025.2.0", Arch: "linux_arm64", OpenedAt: opened.Add(time.Hour)})
			},
			status: entsh.TunnelStatusConnected, connector: "conn-1", connectorType: "cloudflared 2025.1.0 (linux_amd64)", since: opened, feed: true,
		},
		{
			name:    "unchanged",
			arrange: func() {},
			all:     true,
			status:  entsh.TunnelStatusConnected, connector: "conn-1", connectorType: "cloudflared 2025.1.0 (linux_amd64)", since: opened,
		},
		{
			name:    "disconnected",
			arrange: func() { f.cf.Disconnect(home.TunnelID) },
			all:     true,
			status:  entsh.TunnelStatusDisconnected, feed: true,
		},
		{
			name: "API failure",
			arrange: func() {
				f.cf.FailNext(cffake.OpListConnections, http.StatusInternalServerError, 0, "internal")
			},
			status: entsh.TunnelStatusError, feed: true,
		},
		{
			name: "deleted at Cloudflare",
			arrange: func() {
				err := f.cf.Client().DeleteTunnel(context.Background(), cloudflare.AccountIdentifier(f.cf.Account), home.TunnelID)
				if err != nil {
					t.Fatal(err)
				}
			},
			all:    true,
			status: entsh.TunnelStatusDeleted, feed: true,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := len(f.activity(home.ID))
			was := f.get(home.ID)
			tc.arrange()
			f.advance(10 * time.Second) // past MinRefresh
			var got *ent.SmartHome
			if tc.all {
				if err := f.homes.RefreshAll(context.Background()); err != nil {
					t.Fatal(err)
				}
				got = f.get(home.ID)
			} else if got, err = f.homes.Refresh(f.guest, home.ID); err != nil {
				t.Fatal(err)
			}
			if got.TunnelStatus != tc.status || got.ConnectorID != tc.connector || got.ConnectorType != tc.connectorType {
				t.Errorf("status %s connector %q %q, want %s %q %q", got.TunnelStatus, got.ConnectorID, got.ConnectorType, tc.status, tc.connector, tc.connectorType)
			}
			switch {
			case tc.since.IsZero() && got.ConnectedSince != nil:
				t.Errorf("connected since %v, want none", got.ConnectedSince)
			case !tc.since.IsZero() && (got.ConnectedSince == nil || !got.ConnectedSince.Equal(tc.since)):
				t.Errorf("connected since %v, want %v", got.ConnectedSince, tc.since)
			}
			if got.State != entsh.StateActive {
				t.Errorf("the home is %s; a status changes no state", got.State)
			}
			evs := f.activity(home.ID)
			if !tc.feed {
				if len(evs) != before || !got.UpdatedAt.Equal(was.UpdatedAt) {
					t.Errorf("an unchanged status wrote %d entries, updated_at %v -> %v", len(evs)-before, was.UpdatedAt, got.UpdatedAt)
				}
				return
			}
			if len(evs) != before+1 {
				t.Fatalf("%d new activity entries, want 1", len(evs)-before)
			}
			if v := evs[len(evs)-1].Verb; v != "smarthome.tunnel_"+string(tc.status) {
				t.Errorf("activity verb %s", v)
			}
			select {
			case h := <-changes:
				if h.ID != home.ID || h.TunnelStatus != tc.status {
					t.Errorf("the subscriber got home %d %s", h.ID, h.TunnelStatus)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("no change published")
			}
		})
	}
	f.noSecrets()
}

func TestRefreshRateLimited(t *testing.T) {
	f := newFixture(t, options{})
	home := f.activate("Nursery")
	calls := f.cf.Calls(cffake.OpListConnections)
	f.advance(10 * time.Second)
	for _, who := range []context.Context{f.user, f.guest, f.owner} {
		if _, err := f.homes.Refresh(who, home.ID); err != nil {
			t.Fatal(err)
		}
	}
	if n := f.cf.Calls(cffake.OpListConnections) - calls; n != 1 {
		t.Errorf("three refreshes within MinRefresh called Cloudflare %d times, want 1", n)
	}
	f.cf.Connect(home.TunnelID, cffake.Connector{Version: "2025.1.0"})
	f.advance(10 * time.Second)
	got, err := f.homes.Refresh(f.user, home.ID)
	if err != nil {
		t.Fatal(err)
	}
	if n := f.cf.Calls(cffake.OpListConnections) - calls; n != 2 || got.TunnelStatus != entsh.TunnelStatusConnected {
		t.Errorf("after MinRefresh: %d calls, status %s", n, got.TunnelStatus)
	}
	if got.ConnectorType != "cloudflared 2025.1.0" {
		t.Errorf("connector type %q without an arch", got.ConnectorType)
	}
	// A home that is not active is not read.
	f.cf.FailNext(cffake.OpCreateTunnel, http.StatusBadRequest, 1001, "no")
	failed := f.waitState(f.create("Broken", 0).ID, entsh.StateError)
	calls = f.cf.Calls(cffake.OpListConnections)
	f.advance(10 * time.Second)
	if _, err := f.homes.Refresh(f.owner, failed.ID); err != nil {
		t.Fatal(err)
	}
	if n := f.cf.Calls(cffake.OpListConnections) - calls; n != 0 {
		t.Errorf("refreshing a failed home called Cloudflare %d times", n)
	}
}

// Cloudflare's opened_at may be finer than the database keeps (PostgreSQL:
// microseconds): reading the same connector again is no change.
func TestStatusUnchangedFinePrecision(t *testing.T) {
	f := newFixture(t, options{})
	home := f.activate("Sunroom")
	opened := time.Date(2026, 12, 1, 9, 30, 15, 123456789, time.UTC)
	f.cf.Connect(home.TunnelID, cffake.Connector{ID: "conn-ns", Version: "2025.1.0", Arch: "linux_amd64", OpenedAt: opened})
	if err := f.homes.RefreshAll(context.Background()); err != nil {
		t.Fatal(err)
	}
	first := f.get(home.ID)
	if first.TunnelStatus != entsh.TunnelStatusConnected || first.ConnectedSince == nil ||
		first.ConnectedSince.Sub(opened).Abs() >= time.Microsecond {
		t.Fatalf("status %s since %v, want connected since %v", first.TunnelStatus, first.ConnectedSince, opened)
	}
	entries := len(f.activity(home.ID))
	for range 2 {
		if err := f.homes.RefreshAll(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	again := f.get(home.ID)
	if !again.UpdatedAt.Equal(first.UpdatedAt) || len(f.activity(home.ID)) != entries {
		t.Errorf("an unchanged status was written again: updated_at %v -> %v", first.UpdatedAt, again.UpdatedAt)
	}
}
