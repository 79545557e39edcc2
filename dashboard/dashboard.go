// Package dashboard computes the viewer's figures for the dashboard: how
// many workspaces and people, services by state, smart homes by tunnel
// status, open tasks. Every count goes through the privacy layer, so it
// covers exactly the viewer's workspaces.
package dashboard

import (
	"context"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/service"
	"github.com/woowtech/woow-paas/ent/smarthome"
	"github.com/woowtech/woow-paas/ent/task"
	"github.com/woowtech/woow-paas/ent/taskstage"
	"github.com/woowtech/woow-paas/ent/user"
	"github.com/woowtech/woow-paas/ent/workspace"
	"github.com/woowtech/woow-paas/ent/workspacemember"
	"github.com/woowtech/woow-paas/viewer"
)

// StateCount is how many things are in one state.
type StateCount struct {
	State string `json:"state"`
	Count int    `json:"count"`
}

// Stats are the viewer's dashboard figures, over their active workspaces.
type Stats struct {
	Workspaces int
	// Members counts distinct people, the viewer included.
	Members                  int
	ServicesByState          []StateCount
	SmartHomesByTunnelStatus []StateCount
	// OpenTasks are tasks in a stage that is not folded (folded stages
	// hold finished work).
	OpenTasks int
}

// Compute returns the viewer's figures.
func Compute(ctx context.Context, c *ent.Client) (*Stats, error) {
	v, err := viewer.Required(ctx)
	if err != nil {
		return nil, err
	}
	active := workspace.StateEQ(workspace.StateActive)
	var s Stats
	if s.Workspaces, err = c.Workspace.Query().Where(active).Count(ctx); err != nil {
		return nil, err
	}
	s.Members, err = c.User.Query().
		Where(user.HasMembershipsWith(workspacemember.HasWorkspaceWith(
			active, workspace.HasMembersWith(workspacemember.UserID(v.UserID))))).
		Count(ctx)
	if err != nil {
		return nil, err
	}
	err = c.Service.Query().
		Where(service.StateNEQ(service.StateGone), service.HasWorkspaceWith(active)).
		GroupBy(service.FieldState).
		Aggregate(ent.As(ent.Count(), "count")).
		Scan(ctx, &s.ServicesByState)
	if err != nil {
		return nil, err
	}
	var homes []struct {
		TunnelStatus string `json:"tunnel_status"`
		Count        int    `json:"count"`
	}
	err = c.SmartHome.Query().
		Where(smarthome.StateNEQ(smarthome.StateGone), smarthome.HasWorkspaceWith(active)).
		GroupBy(smarthome.FieldTunnelStatus).
		Aggregate(ent.As(ent.Count(), "count")).
		Scan(ctx, &homes)
	if err != nil {
		return nil, err
	}
	for _, h := range homes {
		s.SmartHomesByTunnelStatus = append(s.SmartHomesByTunnelStatus, StateCount{h.TunnelStatus, h.Count})
	}
	s.OpenTasks, err = c.Task.Query().
		Where(task.HasStageWith(taskstage.Folded(false)), task.HasWorkspaceWith(active)).
		Count(ctx)
	if err != nil {
		return nil, err
	}
	if s.ServicesByState == nil {
		s.ServicesByState = []StateCount{}
	}
	if s.SmartHomesByTunnelStatus == nil {
		s.SmartHomesByTunnelStatus = []StateCount{}
	}
	return &s, nil
}
