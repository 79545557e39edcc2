// Package deploy runs marketplace apps as Helm releases: the service state
// machine of SPEC section 4, the GraphQL-facing operations that change it,
// and the durable background jobs (River) that do the Helm work.
//
// An operation validates, moves the service into its transitional state,
// writes a ServiceEvent and an ActivityEvent, and inserts the job, all in
// one transaction: either everything happened or nothing did. The job
// then runs Helm (package helmops) and moves the service to its next
// state. Every transition is a ServiceEvent, published to subscribers
// after it commits.
package deploy

import (
	"time"

	"github.com/woowtech/woow-paas/ent/service"
)

// Op is what a job does to a release.
type Op string

const (
	OpDeploy   Op = "deploy"
	OpUpgrade  Op = "upgrade"
	OpStop     Op = "stop"
	OpStart    Op = "start"
	OpRollback Op = "rollback"
	OpDelete   Op = "delete"
)

// transition says, for each operation, from which states it may start and
// which transitional state the service is in while its job runs.
var transition = map[Op]struct {
	from    []service.State
	through service.State
}{
	OpDeploy:   {nil, service.StatePending},
	OpUpgrade:  {[]service.State{service.StateRunning, service.StateError, service.StateStopped}, service.StateUpgrading},
	OpStop:     {[]service.State{service.StateRunning}, service.StateStopping},
	OpStart:    {[]service.State{service.StateStopped}, service.StateStarting},
	OpRollback: {[]service.State{service.StateRunning, service.StateError}, service.StateUpgrading},
	OpDelete: {[]service.State{service.StatePending, service.StateRunning, service.StateStopped,
		service.StateError}, service.StateDeleting},
}

// done is the state a successful job leaves the service in.
var done = map[Op]service.State{
	OpDeploy:   service.StateRunning,
	OpUpgrade:  service.StateRunning,
	OpStop:     service.StateStopped,
	OpStart:    service.StateRunning,
	OpRollback: service.StateRunning,
	OpDelete:   service.StateGone,
}

// Deadline is how long a transitional state may last without reaching its
// end before the reconciler declares it failed ("timed out"): Helm's own
// wait plus retries with backoff.
var Deadline = map[service.State]time.Duration{
	service.StatePending:      15 * time.Minute,
	service.StateDeploying:    15 * time.Minute,
	service.StateInitializing: 15 * time.Minute,
	service.StateUpgrading:    15 * time.Minute,
	service.StateStopping:     5 * time.Minute,
	service.StateStarting:     10 * time.Minute,
	service.StateDeleting:     10 * time.Minute,
}

// transitional reports whether a state is one a job is working through.
func transitional(s service.State) bool {
	_, ok := Deadline[s]
	return ok
}

func allowed(op Op, from service.State) bool {
	for _, s := range transition[op].from {
		if s == from {
			return true
		}
	}
	return false
}
