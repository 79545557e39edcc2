package smarthome_test

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/cloudflare/cloudflare-go"

	"github.com/woowtech/woow-paas/ent"
	entsh "github.com/woowtech/woow-paas/ent/smarthome"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/tunnels/cffake"
)

// checkGone checks a deleted home and that Cloudflare has nothing of it.
func (f *fixture) checkGone(home *ent.SmartHome) {
	f.t.Helper()
	got := f.get(home.ID)
	if got.State != entsh.StateGone || got.TunnelStatus != entsh.TunnelStatusDeleted || len(got.TunnelToken) != 0 ||
		got.ConnectorID != "" || got.ConnectedSince != nil {
		f.t.Errorf("deleted home: state %s, tunnel status %s, token %d bytes, connector %q", got.State, got.TunnelStatus, len(got.TunnelToken), got.ConnectorID)
	}
	for _, tun := range f.cf.Tunnels() {
		if tun.Name == home.TunnelName {
			f.t.Errorf("tunnel %s is still at Cloudflare", tun.Name)
		}
	}
	for _, r := range f.cf.DNSRecords() {
		if r.Name == home.Subdomain {
			f.t.Errorf("DNS record %s is still at Cloudflare", r.Name)
		}
	}
	if !slices.Contains(verbs(f.activity(home.ID)), "smarthome.gone") {
		f.t.Errorf("no activity for the deletion: %v", verbs(f.activity(home.ID)))
	}
	if _, err := f.homes.TunnelToken(f.owner, home.ID); !errs.Is(err, errs.Conflict) {
		f.t.Errorf("TunnelToken of a deleted home: %v, want CONFLICT", err)
	}
	list, err := f.homes.List(f.owner, f.ws.ID)
	if err != nil {
		f.t.Fatal(err)
	}
	for _, h := range list {
		if h.ID == home.ID {
			f.t.Error("a deleted home is listed")
		}
	}
}

func TestDelete(t *testing.T) {
	for _, tc := range []struct {
		name string
		// arrange makes the home to delete.
		arrange func(f *fixture) *ent.SmartHome
	}{
		{"active", func(f *fixture) *ent.SmartHome {
			return f.activate("Living room")
		}},
		{"half provisioned", func(f *fixture) *ent.SmartHome {
			f.cf.FailNext(cffake.OpCreateDNS, http.StatusBadRequest, 1004, "DNS Validation Error")
			home := f.waitState(f.create("Loft", 0).ID, entsh.StateError)
			if home.TunnelID == "" || home.DNSRecordID != "" || len(f.cf.Tunnels()) != 1 {
				f.t.Fatalf("not half provisioned: tunnel %q record %q", home.TunnelID, home.DNSRecordID)
			}
			return home
		}},
		{"tunnel made but not recorded", func(f *fixture) *ent.SmartHome {
			// The job stopped at the configure step; the tunnel id was saved,
			// clear it to model a crash between create and save.
			f.cf.FailNext(cffake.OpConfigure, http.StatusBadRequest, 1055, "bad ingress")
			home := f.waitState(f.create("Cellar", 0).ID, entsh.StateError)
			home, err := home.Update().SetTunnelID("").Save(sys())
			if err != nil {
				f.t.Fatal(err)
			}
			return home
		}},
		{"tunnel deleted behind our back", func(f *fixture) *ent.SmartHome {
			home := f.activate("Study")
			api := f.cf.Client()
			if err := api.DeleteTunnel(context.Background(), cloudflare.AccountIdentifier(f.cf.Account), home.TunnelID); err != nil {
				f.t.Fatal(err)
			}
			if err := api.DeleteDNSRecord(context.Background(), cloudflare.ZoneIdentifier(f.cf.Zone), home.DNSRecordID); err != nil {
				f.t.Fatal(err)
			}
			return home
		}},
		{"connector that goes away", func(f *fixture) *ent.SmartHome {
			home := f.activate("Office")
			f.cf.Connect(home.TunnelID, cffake.Connector{Version: "2025.1.0", Arch: "linux_amd64"})
			return home
		}},
		{"while the tunnel is being created", func(f *fixture) *ent.SmartHome {
			// The provisioning job's create reaches Cloudflare and is held
			// there; the delete job finds no tunnel yet; the create then
			// takes effect: the provisioning job must undo it.
			release := f.cf.Block(cffake.OpCreateTunnel)
			home := f.create("Terrace", 0)
			f.afterDelete = func() {
				f.waitState(home.ID, entsh.StateGone)
				release()
			}
			f.waitFor("the job to create the tunnel", func() bool { return f.cf.Waiting(cffake.OpCreateTunnel) == 1 })
			return f.get(home.ID)
		}},
		{"while the DNS record is being created", func(f *fixture) *ent.SmartHome {
			// Same, one step later: the tunnel is saved, the record's
			// create is held; the delete job removes the tunnel and finds
			// no record; the record then appears.
			release := f.cf.Block(cffake.OpCreateDNS)
			home := f.create("Balcony", 0)
			f.afterDelete = func() {
				f.waitState(home.ID, entsh.StateGone)
				release()
			}
			f.waitFor("the job to create the record", func() bool { return f.cf.Waiting(cffake.OpCreateDNS) == 1 })
			return f.get(home.ID)
		}},
		{"pending", func(f *fixture) *ent.SmartHome {
			// Deleted while its provisioning job waits at Cloudflare: the
			// job, released, finds the home deleting and stops.
			f.afterDelete = f.cf.Block(cffake.OpListTunnels)
			home := f.create("Hall", 0)
			f.waitFor("the job to start", func() bool { return f.cf.Waiting(cffake.OpListTunnels) == 1 })
			return f.get(home.ID)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, options{})
			home := tc.arrange(f)
			got, err := f.homes.Delete(f.admin, home.ID)
			if err != nil {
				t.Fatal(err)
			}
			// The job may already have ended when Delete reads the home back.
			if got.State != entsh.StateDeleting && got.State != entsh.StateGone {
				t.Errorf("Delete returned a home %s, want deleting", got.State)
			}
			if f.afterDelete != nil {
				f.afterDelete()
			}
			f.waitState(home.ID, entsh.StateGone)
			f.waitJobsDone()
			f.checkGone(home)
			if _, err := f.homes.Delete(f.owner, home.ID); !errs.Is(err, errs.Conflict) {
				t.Errorf("deleting a gone home: %v, want CONFLICT", err)
			}
			f.noSecrets()
		})
	}
}

func TestDeleteRefusedWhileConnected(t *testing.T) {
	f := newFixture(t, options{maxAttempts: 2})
	home := f.activate("Greenhouse")
	f.cf.Connect(home.TunnelID, cffake.Connector{Version: "2025.1.0", Arch: "linux_arm64"})
	f.cf.StickyConnectors(true)
	if _, err := f.homes.Delete(f.owner, home.ID); err != nil {
		t.Fatal(err)
	}
	got := f.waitState(home.ID, entsh.StateError)
	if !strings.Contains(got.ErrorMessage, "could not delete") || !strings.Contains(got.ErrorMessage, "active connections") {
		t.Errorf("error message %q does not say the tunnel has connections", got.ErrorMessage)
	}
	if len(f.cf.Tunnels()) != 1 {
		t.Error("the tunnel is gone although Cloudflare refused")
	}
	if len(f.cf.DNSRecords()) != 0 {
		t.Error("the DNS record was not removed first")
	}
	// The connector stops; deleting again succeeds.
	f.cf.StickyConnectors(false)
	f.cf.Disconnect(home.TunnelID)
	if _, err := f.homes.Delete(f.owner, home.ID); err != nil {
		t.Fatal(err)
	}
	f.waitState(home.ID, entsh.StateGone)
	f.checkGone(home)
	f.noSecrets()
}

func TestDeleteTransientFailureRetried(t *testing.T) {
	f := newFixture(t, options{})
	home := f.activate("Pool house")
	f.cf.FailNext(cffake.OpDeleteTunnel, http.StatusBadGateway, 0, "bad gateway")
	if _, err := f.homes.Delete(f.owner, home.ID); err != nil {
		t.Fatal(err)
	}
	f.waitState(home.ID, entsh.StateGone)
	if n := f.cf.Calls(cffake.OpDeleteTunnel); n != 2 {
		t.Errorf("delete tunnel called %d times, want 2", n)
	}
	f.checkGone(home)
}
