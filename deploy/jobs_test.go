package deploy

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/woowtech/woow-paas/ent/service"
)

// refuseEvents makes the database refuse every service event whose message
// is LIKE pattern, as a full disk or a lost connection would.
func (f *fixture) refuseEvents(pattern string) {
	f.t.Helper()
	stmts := []string{fmt.Sprintf(`CREATE TRIGGER refuse_events BEFORE INSERT ON service_events
		WHEN NEW.message LIKE '%s' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`, pattern)}
	if f.db.Dialect == "postgres" {
		stmts = []string{
			fmt.Sprintf(`CREATE FUNCTION refuse_events() RETURNS trigger AS $$
			BEGIN
				IF NEW.message LIKE '%s' THEN RAISE EXCEPTION 'refused by the test'; END IF;
				RETURN NEW;
			END $$ LANGUAGE plpgsql`, pattern),
			`CREATE TRIGGER refuse_events BEFORE INSERT ON service_events
			FOR EACH ROW EXECUTE FUNCTION refuse_events()`,
		}
	}
	for _, q := range stmts {
		if _, err := f.db.SQL.Exec(q); err != nil {
			f.t.Fatalf("%s: %v", q, err)
		}
	}
}

// TestUnrecordedAttemptIsLogged: when the log line of a failed attempt
// cannot be stored, the job still retries and then fails as usual, and the
// lost line is logged with its reason instead of being dropped.
func TestUnrecordedAttemptIsLogged(t *testing.T) {
	t.Parallel()
	var logs lockedBuffer
	f := newFixture(t, options{chartVersion: "9.9.9", logs: &logs})
	f.refuseEvents("Attempt %")
	s, err := f.svc.Deploy(f.owner, DeployInput{WorkspaceID: f.ws.ID, TemplateID: f.tpl.ID, Name: "Shop",
		Values: map[string]any{"auth.password": password1}})
	if err != nil {
		t.Fatal(err)
	}
	s = f.waitState(s.ID, service.StateError, 20*time.Second)
	if !strings.Contains(s.ErrorMessage, "chart not found") {
		t.Errorf("error message %q", s.ErrorMessage)
	}
	for _, e := range f.serviceEvents(s.ID) {
		if strings.HasPrefix(e.Message, "Attempt") {
			t.Errorf("the refused event was stored: %q", e.Message)
		}
	}
	var found bool
	for line := range strings.Lines(logs.String()) {
		if strings.Contains(line, `level=ERROR msg="recording a failed attempt"`) &&
			strings.Contains(line, fmt.Sprintf("service_id=%d", s.ID)) &&
			strings.Contains(line, "attempt=1") && strings.Contains(line, "refused by the test") {
			found = true
		}
		if strings.Contains(line, password1) {
			t.Errorf("a log line shows the password: %s", line)
		}
	}
	if !found {
		t.Errorf("no log line says the attempt's event was lost:\n%s", logs.String())
	}
}
