package deploy

import (
	"fmt"
	"io"
	"slices"
	"testing"
	"time"

	"github.com/woowtech/woow-paas/ent/service"
	"github.com/woowtech/woow-paas/store/storetest"
)

// BenchmarkJobPickup measures how long a deploy waits for a worker, from
// its pending event (written in the transaction that inserts its job) to
// its deploying event (a worker took the job), with the production poll
// interval (a second). On PostgreSQL it runs twice in one command: first
// polling alone (the baseline; River's database/sql driver cannot LISTEN),
// then woken by the insert's notification. Run it on both databases with
// `make bench-pickup`; it reports the p50 and p99 wait in ms.
func BenchmarkJobPickup(b *testing.B) {
	modes := []struct {
		name     string
		pollOnly bool
	}{{"wake", false}}
	if storetest.Dialect() == "postgres" {
		modes = append([]struct {
			name     string
			pollOnly bool
		}{{"poll-only", true}}, modes...)
	}
	for _, m := range modes {
		b.Run(m.name, func(b *testing.B) {
			jobs := fastJobs()
			jobs.PollInterval = 0 // the production default
			jobs.PollOnly = m.pollOnly
			f := newFixture(b, options{jobs: &jobs, logs: io.Discard})
			var waits []time.Duration
			for i := 0; b.Loop(); i++ {
				s, err := f.svc.Deploy(f.owner, DeployInput{WorkspaceID: f.ws.ID, TemplateID: f.tpl.ID,
					Name: fmt.Sprintf("app-%d", i), Values: map[string]any{"auth.password": "Secret123"}})
				if err != nil {
					b.Fatal(err)
				}
				f.waitState(s.ID, service.StateRunning, 20*time.Second)
				var pending, deploying time.Time
				for _, e := range f.serviceEvents(s.ID) {
					switch {
					case e.State == string(service.StatePending) && pending.IsZero():
						pending = e.CreatedAt
					case e.State == string(service.StateDeploying) && deploying.IsZero():
						deploying = e.CreatedAt
					}
				}
				if pending.IsZero() || deploying.IsZero() {
					b.Fatalf("service %d has no pending or no deploying event:\n%s", s.ID, f.eventLog(s.ID))
				}
				waits = append(waits, deploying.Sub(pending))
			}
			slices.Sort(waits)
			ms := func(q float64) float64 {
				return float64(waits[int(q*float64(len(waits)-1))]) / float64(time.Millisecond)
			}
			b.ReportMetric(ms(0.5), "p50-ms")
			b.ReportMetric(ms(0.99), "p99-ms")
		})
	}
}
