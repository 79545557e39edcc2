package deploy

import (
	"context"
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

// TestNewJobsWakeWorkers: a job starts when it is inserted, not at the
// next poll (a minute here), on whichever replica and however close
// together: River's own notification goes out once per fetch cooldown,
// which left the second of two quick deploys to the poll.
func TestNewJobsWakeWorkers(t *testing.T) {
	jobs := fastJobs()
	jobs.PollInterval = time.Minute
	f := newFixture(t, options{jobs: &jobs})
	// Another replica does the work; the fixture's only inserts from now.
	other := f.newService(f.engine)
	f.start(other, jobs)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := f.svc.jobs.Stop(ctx); err != nil {
		t.Fatalf("stopping the first replica's workers: %v", err)
	}
	// Each deploy follows the previous one's start at once, as a user
	// deploying twice does: within River's own notification limit.
	for i := range 5 {
		s, err := f.svc.Deploy(f.owner, DeployInput{WorkspaceID: f.ws.ID, TemplateID: f.tpl.ID,
			Name: fmt.Sprintf("quick-%d", i), Values: map[string]any{"auth.password": "Secret123"}})
		if err != nil {
			t.Fatal(err)
		}
		f.waitState(s.ID, service.StateRunning, 20*time.Second)
	}
}
