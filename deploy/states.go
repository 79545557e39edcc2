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
	"slices"
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

// The state machine is written as functions rather than tables, so that
// nothing can change it at run time.

// from is the states op may start from; nil for deploy, which creates the
// service.
func (op Op) from() []service.State {
	switch op {
	case OpUpgrade:
		return []service.State{service.StateRunning, service.StateError, service.StateStopped}
	case OpStop:
		return []service.State{service.StateRunning}
	case OpStart:
		return []service.State{service.StateStopped}
	case OpRollback:
		return []service.State{service.StateRunning, service.StateError}
	case OpDelete:
		return []service.State{service.StatePending, service.StateRunning, service.StateStopped, service.StateError}
	}
	return nil
}

// through is the transitional state the service is in while op's job runs
// ("" for an unknown op).
func (op Op) through() service.State {
	switch op {
	case OpDeploy:
		return service.StatePending
	case OpUpgrade, OpRollback:
		return service.StateUpgrading
	case OpStop:
		return service.StateStopping
	case OpStart:
		return service.StateStarting
	case OpDelete:
		return service.StateDeleting
	}
	return ""
}

// done is the state a successful job of op leaves the service in ("" for
// an unknown op).
func (op Op) done() service.State {
	switch op {
	case OpDeploy, OpUpgrade, OpStart, OpRollback:
		return service.StateRunning
	case OpStop:
		return service.StateStopped
	case OpDelete:
		return service.StateGone
	}
	return ""
}

// defaultDeadline is how long a transitional state may last without
// reaching its end before the reconciler declares it failed ("timed
// out"): Helm's own wait plus retries with backoff. It is 0 for a settled
// state. Config.Deadlines overrides it (see Deployer.deadline).
func defaultDeadline(st service.State) time.Duration {
	switch st {
	case service.StatePending, service.StateDeploying, service.StateInitializing, service.StateUpgrading:
		return 15 * time.Minute
	case service.StateStopping:
		return 5 * time.Minute
	case service.StateStarting, service.StateDeleting:
		return 10 * time.Minute
	}
	return 0
}

// transitional reports whether a state is one a job is working through:
// exactly the states with a deadline.
func transitional(st service.State) bool { return defaultDeadline(st) > 0 }

// transitionalStates lists the states for which transitional is true (the
// reconciler looks for services stuck in them).
func transitionalStates() []service.State {
	return []service.State{
		service.StatePending, service.StateDeploying, service.StateInitializing, service.StateUpgrading,
		service.StateStopping, service.StateStarting, service.StateDeleting,
	}
}

// deadline is how long a service may stay in st: Config.Deadlines[st] when
// set, else the default; 0 when st is settled (no deadline).
func (s *Deployer) deadline(st service.State) time.Duration {
	if d := s.cfg.Deadlines[st]; d > 0 && transitional(st) {
		return d
	}
	return defaultDeadline(st)
}

func allowed(op Op, from service.State) bool {
	return slices.Contains(op.from(), from)
}
