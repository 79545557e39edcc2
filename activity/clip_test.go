package activity_test

import (
	"context"
	"strings"
	"testing"

	"github.com/woowtech/woow-paas/activity"
	"github.com/woowtech/woow-paas/viewer"
)

// A failure's reason too long for the summary: Clip gives the tail as the
// stored summary ends, so the params still say the summary, and a param
// longer than ParamMax is cut too.
func TestClipKeepsParamsAndSummaryTogether(t *testing.T) {
	e := setup(t)
	prefix := "my-db failed: "
	reason := strings.Repeat("é", 600)
	ev, err := activity.Record(viewer.System(context.Background()), e.c, activity.Entry{
		WorkspaceID: e.id, Verb: "service.error", SubjectType: "Service",
		Summary: prefix + reason,
		Params:  map[string]string{"name": "my-db", "reason": activity.Clip(prefix, reason), "long": reason},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := prefix + ev.Params["reason"]; got != ev.Summary || len([]rune(ev.Summary)) != 500 {
		t.Errorf("summary %q (%d characters), params say %q", ev.Summary, len([]rune(ev.Summary)), got)
	}
	if n := len([]rune(ev.Params["long"])); n != activity.ParamMax {
		t.Errorf("a long param kept %d characters, want %d", n, activity.ParamMax)
	}
	if got := activity.Clip(prefix, "short"); got != "short" {
		t.Errorf("Clip of a short reason: %q", got)
	}
	if got := activity.Clip(strings.Repeat("x", 600), "tail"); got != "" {
		t.Errorf("Clip after a prefix that fills the summary: %q", got)
	}
}
