// Package activitytest checks, in the tests of the domains that write the
// activity feed, that each entry's params say what its summary says: put
// in the English sentence of its verb, they give the summary back. The
// sentences are those of the web app (frontend/src/i18n/locales/en/
// dashboard.json, picked as frontend/src/pages/dashboard/sentence.ts
// picks them); a verb added here needs its sentence there too.
package activitytest

import (
	"context"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/viewer"
)

// sentences are the English sentences by verb, with {{param}} placeholders.
var sentences = map[string]string{
	"service.deployed":                "{{name}} is being deployed from {{template}}",
	"service.upgrade":                 "{{name}}: upgrade queued",
	"service.stop":                    "{{name}}: stop queued",
	"service.start":                   "{{name}}: start queued",
	"service.delete":                  "{{name}}: delete queued",
	"service.rollback":                "{{name}}: rollback to revision {{revision}} queued",
	"service.running":                 "{{name}} is running",
	"service.stopped":                 "{{name}} is stopped",
	"service.gone":                    "{{name}} was deleted",
	"service.error":                   "{{name}} failed: {{reason}}",
	"workspace.created":               "Workspace {{name}} created",
	"workspace.updated":               "Workspace renamed {{from}} to {{to}}",
	"workspace.archived":              "Workspace {{name}} archived",
	"workspace.ownership_transferred": "{{name}} is now the owner",
	"member.invited":                  "{{actor}} invited someone as {{role}}",
	"member.joined":                   "{{actor}} joined as {{role}}",
	"member.left":                     "{{name}} left",
	"member.removed":                  "{{name}} was removed",
	"member.role_changed":             "{{name}} is now {{role}} (was {{was}})",
	"invitation.declined":             "An invitation as {{role}} was declined",
	"invitation.cancelled":            "{{actor}} withdrew an invitation",
	"project.created":                 "Project {{name}} started",
	"project.deleted":                 "Project {{name}} deleted",
	"task.created":                    "Task {{name}} added to {{project}}",
	"task.deleted":                    "Task {{name}} deleted",
	"thread.created":                  "Thread {{name}} started",
	"thread.deleted":                  "Thread {{name}} deleted",
	"smarthome.created":               "Smart home {{name}} added ({{host}})",
	"smarthome.retried":               "Provisioning of {{name}} retried",
	"smarthome.deleted":               "Smart home {{name}} is being deleted",
	"smarthome.active":                "Smart home {{name}} is active at {{host}}",
	"smarthome.gone":                  "Smart home {{name}} was deleted",
	"smarthome.error":                 "Smart home {{name}} failed: {{reason}}",
	"smarthome.token_read":            "Tunnel token of {{name}} read",
	"smarthome.tunnel_connected":      "Tunnel of {{name}} is connected",
	"smarthome.tunnel_disconnected":   "Tunnel of {{name}} is disconnected",
	"smarthome.tunnel_error":          "Tunnel of {{name}} is error",
	"smarthome.tunnel_deleted":        "Tunnel of {{name}} is deleted",
}

// variant is the sentence of the verbs whose wording depends on the params.
func variant(verb string, p map[string]string) (string, bool) {
	switch verb {
	case "service.rollback":
		if p["previous"] == "true" {
			return "{{name}}: rollback to the previous revision ({{revision}}) queued", true
		}
	case "workspace.updated":
		renamed, described := p["from"] != "", p["descriptionChanged"] == "true"
		switch {
		case renamed && described:
			return "Workspace renamed {{from}} to {{to}} and changed the description", true
		case described:
			return "Workspace changed the description", true
		}
	}
	s, ok := sentences[verb]
	return s, ok
}

// English is the sentence of verb with params, as the web app says it in
// English; false for a verb it has no sentence for.
func English(verb string, params map[string]string) (string, bool) {
	s, ok := variant(verb, params)
	if !ok {
		return "", false
	}
	complete := true
	s = placeholder.ReplaceAllStringFunc(s, func(ph string) string {
		v, ok := params[ph[2:len(ph)-2]]
		complete = complete && ok
		return v
	})
	return s, complete
}

// placeholder is a {{param}} of a sentence.
var placeholder = regexp.MustCompile(`\{\{\w+\}\}`)

// Check fails tb for each entry of the feed (every workspace's) whose
// params are missing or do not give its summary back. Entries a test
// writes itself (verbs test.*) are not the domain's, and are skipped.
func Check(tb testing.TB, c *ent.Client) {
	tb.Helper()
	es, err := c.ActivityEvent.Query().All(viewer.System(context.Background()))
	if err != nil {
		tb.Fatalf("reading the feed: %v", err)
	}
	for _, e := range es {
		if strings.HasPrefix(e.Verb, "test.") {
			continue
		}
		got, ok := English(e.Verb, e.Params)
		if !ok || got != e.Summary {
			tb.Errorf("%s with params %s says %q, the summary %q", e.Verb, Format(e.Params), got, e.Summary)
		}
	}
}

// Format writes params as sorted name=value pairs, for messages.
func Format(params map[string]string) string {
	keys := make([]string, 0, len(params))
	for k := range params {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteString(" ")
		}
		b.WriteString(k + "=" + params[k])
	}
	return "{" + b.String() + "}"
}
