package activitytest

import (
	"testing"
)

// examples are, per verb, the params the domain records and the summary
// it writes with them (the domains' tests check every entry they make
// with Check). frontend/src/pages/dashboard/sentence.test.ts has the
// same table: the web app's English must give the same summaries.
var examples = []struct {
	verb    string
	params  map[string]string
	summary string
}{
	{"service.deployed", map[string]string{"name": "n8n", "template": "n8n"}, "n8n is being deployed from n8n"},
	{"service.upgrade", map[string]string{"name": "my-db"}, "my-db: upgrade queued"},
	{"service.stop", map[string]string{"name": "my-db"}, "my-db: stop queued"},
	{"service.start", map[string]string{"name": "my-db"}, "my-db: start queued"},
	{"service.delete", map[string]string{"name": "my-db"}, "my-db: delete queued"},
	{"service.rollback", map[string]string{"name": "my-db", "revision": "3"}, "my-db: rollback to revision 3 queued"},
	{"service.rollback", map[string]string{"name": "my-db", "revision": "2", "previous": "true"}, "my-db: rollback to the previous revision (2) queued"},
	{"service.running", map[string]string{"name": "my-db"}, "my-db is running"},
	{"service.stopped", map[string]string{"name": "my-db"}, "my-db is stopped"},
	{"service.gone", map[string]string{"name": "my-db"}, "my-db was deleted"},
	{"service.error", map[string]string{"name": "my-db", "reason": "the chart was not found"}, "my-db failed: the chart was not found"},
	{"workspace.created", map[string]string{"name": "Acme Labs"}, "Workspace Acme Labs created"},
	{"workspace.updated", map[string]string{"from": "Acme", "to": "Acme Labs"}, "Workspace renamed Acme to Acme Labs"},
	{"workspace.updated", map[string]string{"descriptionChanged": "true"}, "Workspace changed the description"},
	{"workspace.updated", map[string]string{"from": "Acme", "to": "Acme Labs", "descriptionChanged": "true"}, "Workspace renamed Acme to Acme Labs and changed the description"},
	{"workspace.archived", map[string]string{"name": "Acme"}, "Workspace Acme archived"},
	{"workspace.ownership_transferred", map[string]string{"name": "Bob"}, "Bob is now the owner"},
	{"member.invited", map[string]string{"actor": "Ann", "role": "guest"}, "Ann invited someone as guest"},
	{"member.joined", map[string]string{"actor": "Ann Lee", "role": "admin"}, "Ann Lee joined as admin"},
	{"member.left", map[string]string{"name": "Bob"}, "Bob left"},
	{"member.removed", map[string]string{"name": "Bob"}, "Bob was removed"},
	{"member.role_changed", map[string]string{"name": "Bob", "role": "user", "was": "guest"}, "Bob is now user (was guest)"},
	{"invitation.declined", map[string]string{"role": "user"}, "An invitation as user was declined"},
	{"invitation.cancelled", map[string]string{"actor": "Ann"}, "Ann withdrew an invitation"},
	{"project.created", map[string]string{"name": "Website"}, "Project Website started"},
	{"project.deleted", map[string]string{"name": "Website"}, "Project Website deleted"},
	{"task.created", map[string]string{"name": "Fix login", "project": "Website"}, "Task Fix login added to Website"},
	{"task.deleted", map[string]string{"name": "Fix login"}, "Task Fix login deleted"},
	{"thread.created", map[string]string{"name": "“Backups”"}, "Thread “Backups” started"},
	{"thread.deleted", map[string]string{"name": "#12"}, "Thread #12 deleted"},
	{"smarthome.created", map[string]string{"name": "Cabin", "host": "cabin.example.com"}, "Smart home Cabin added (cabin.example.com)"},
	{"smarthome.retried", map[string]string{"name": "Cabin"}, "Provisioning of Cabin retried"},
	{"smarthome.deleted", map[string]string{"name": "Cabin"}, "Smart home Cabin is being deleted"},
	{"smarthome.active", map[string]string{"name": "Cabin", "host": "cabin.example.com"}, "Smart home Cabin is active at cabin.example.com"},
	{"smarthome.gone", map[string]string{"name": "Cabin"}, "Smart home Cabin was deleted"},
	{"smarthome.error", map[string]string{"name": "Cabin", "reason": "the tunnel could not be created"}, "Smart home Cabin failed: the tunnel could not be created"},
	{"smarthome.token_read", map[string]string{"name": "Cabin"}, "Tunnel token of Cabin read"},
	{"smarthome.tunnel_connected", map[string]string{"name": "Cabin"}, "Tunnel of Cabin is connected"},
	{"smarthome.tunnel_disconnected", map[string]string{"name": "Cabin"}, "Tunnel of Cabin is disconnected"},
	{"smarthome.tunnel_error", map[string]string{"name": "Cabin"}, "Tunnel of Cabin is error"},
	{"smarthome.tunnel_deleted", map[string]string{"name": "Cabin"}, "Tunnel of Cabin is deleted"},
}

func TestExamples(t *testing.T) {
	seen := map[string]bool{}
	for _, ex := range examples {
		seen[ex.verb] = true
		if got, ok := English(ex.verb, ex.params); !ok || got != ex.summary {
			t.Errorf("%s %s: got %q (%v), want %q", ex.verb, Format(ex.params), got, ok, ex.summary)
		}
	}
	for verb := range sentences {
		if !seen[verb] {
			t.Errorf("no example of %s", verb)
		}
	}
}

// A name that contains a sentence's wording, or a placeholder, is data.
func TestEnglishTakesNamesAsData(t *testing.T) {
	got, ok := English("service.deployed", map[string]string{"name": "x is being deployed from y", "template": "{{name}}"})
	if want := "x is being deployed from y is being deployed from {{name}}"; !ok || got != want {
		t.Errorf("got %q (%v), want %q", got, ok, want)
	}
}
