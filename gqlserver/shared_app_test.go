package gqlserver_test

import (
	"testing"

	"github.com/vektah/gqlparser/v2"

	"github.com/woowtech/woow-paas/gqlserver"
	"github.com/woowtech/woow-paas/graph"
)

// The decisions on the application's own schema, for the operations the
// SPA and the benchmark send: a plain feed is shared; anything with an
// edge (read with the viewer's privacy rules) or a viewerCan field is not.
func TestSharedOperationOnAppSchema(t *testing.T) {
	schema := graph.NewExecutableSchema(graph.Config{}).Schema()
	for _, tc := range []struct {
		name, query string
		want        bool
	}{
		{"the benchmark's feed", `subscription($ws: ID!) { activity(workspaceId: $ws) { id verb summary createdAt } }`, true},
		{"the SPA's feed (actor and workspace edges)", `subscription DashboardActivity($workspaceId: ID!) {
			activity(workspaceId: $workspaceId) { ...DashboardActivityEntry } }
			fragment DashboardActivityEntry on ActivityEvent {
			  id verb summary createdAt actor { id name } workspace { id name slug } }`, false},
		{"service events, plain", `subscription($id: ID!) { serviceEvents(serviceId: $id) { id createdAt state level message } }`, true},
		{"the SPA's service events", `subscription ServiceEvents($serviceId: ID!) { serviceEvents(serviceId: $serviceId) {
			id createdAt state level message
			service { id state errorMessage helmRevision chartVersion deployedAt lastUpgradedAt ...ServiceViewerCan } } }
			fragment ServiceViewerCan on Service { viewerCanUpdate viewerCanStop viewerCanStart viewerCanRollback viewerCanDelete viewerCanInspect }`, false},
		{"services, plain", `subscription($ws: ID!) { workspaceServices(workspaceId: $ws) { __typename id name state errorMessage chartVersion helmRevision } }`, true},
		{"services with one viewerCan", `subscription($ws: ID!) { workspaceServices(workspaceId: $ws) { id state ... on Service { viewerCanStop } } }`, false},
		{"services with a resolved url", `subscription($ws: ID!) { workspaceServices(workspaceId: $ws) { id url } }`, false},
		{"the SPA's services", `subscription WorkspaceDetailServices($workspaceId: ID!) { workspaceServices(workspaceId: $workspaceId) {
			id name state errorMessage url chartVersion helmRevision ...ServiceViewerCan template { id name slug icon } } }
			fragment ServiceViewerCan on Service { viewerCanUpdate viewerCanStop viewerCanStart viewerCanRollback viewerCanDelete viewerCanInspect }`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, errList := gqlparser.LoadQuery(schema, tc.query)
			if errList != nil {
				t.Fatalf("invalid test query: %v", errList)
			}
			if got := gqlserver.SharedOperation(schema, doc, doc.Operations[0]); got != tc.want {
				t.Fatalf("shared = %v, want %v", got, tc.want)
			}
		})
	}
}
