package helmops

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"syscall"
	"testing"
)

func TestExplain(t *testing.T) {
	dns := &url.Error{Op: "Get", URL: "https://8gears.container-registry.com/v2/library/n8n/manifests/1.0.0",
		Err: &net.OpError{Op: "dial", Net: "tcp", Err: &net.DNSError{Err: "no such host", Name: "8gears.container-registry.com", Server: "10.96.0.10:53", IsNotFound: true}}}
	for _, tc := range []struct {
		name string
		err  error
		want string
	}{
		{"unresolvable registry", fmt.Errorf("pulling the chart: %w", dns),
			"could not fetch the chart from 8gears.container-registry.com: the host name does not resolve"},
		{"refused", &url.Error{Op: "Get", URL: "http://127.0.0.1:1/index.yaml", Err: &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}},
			"could not fetch the chart from 127.0.0.1: the connection was refused"},
		{"cluster down", &url.Error{Op: "Get", URL: "https://10.0.0.1:6443/api/v1/namespaces/x", Err: &net.OpError{Op: "dial", Net: "tcp", Err: syscall.EHOSTUNREACH}},
			"could not reach the cluster's API at 10.0.0.1: the host cannot be reached from here"},
		{"not found", errors.New("failed to fetch https://charts.example.com/app-1.0.0.tgz : 404 Not Found"),
			"could not fetch the chart: nothing is there (404); check the chart reference and version"},
		{"unauthorised", errors.New("unexpected status from HEAD request to https://r.example.com/v2/x: 401 Unauthorized"),
			"could not fetch the chart: access was refused (401 Unauthorized); the chart may need credentials"},
		{"template error, two lines", errors.New("template: app/templates/x.yaml:3:5: executing\n  \"x\" at <.Values.y>: nil pointer"),
			`template: app/templates/x.yaml:3:5: executing "x" at <.Values.y>: nil pointer`},
		{"our timeout stays ours", fmt.Errorf("timed out after 6m0s: %w", context.DeadlineExceeded), "timed out after 6m0s: context deadline exceeded"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Explain(tc.err); got != tc.want {
				t.Errorf("Explain = %q\nwant      %q", got, tc.want)
			}
		})
	}
	if got := Explain(dns); strings.Contains(got, "10.96.0.10") {
		t.Errorf("the resolver's address leaks: %q", got)
	}
}

// TestExplainRealErrors: the words for errors Go's HTTP client really
// returns here.
func TestExplainRealErrors(t *testing.T) {
	_, err := http.Get("http://127.0.0.1:1/charts/index.yaml")
	if err == nil {
		t.Skip("something listens on port 1")
	}
	if got, want := Explain(err), "could not fetch the chart from 127.0.0.1: the connection was refused"; got != want {
		t.Errorf("Explain(%v) = %q, want %q", err, got, want)
	}
}
