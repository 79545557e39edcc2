package helmops

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/url"
	"regexp"
	"strings"
	"syscall"
)

// Explain says in words why a Helm operation failed, for the people who
// deployed: what could not be reached and why ("could not fetch the chart
// from charts.example.com: the host name does not resolve"), without the
// addresses of the machine's resolvers or Go's layers of wrapping. The raw
// error stays the detail admins can read. An error it does not know is
// returned as it is, on one line.
func Explain(err error) string {
	if err == nil {
		return ""
	}
	if why, ok := network(err); ok {
		return reaching(err) + ": " + why
	}
	msg := oneLine(err.Error())
	if m := httpStatus.FindStringSubmatch(msg); m != nil {
		what := reaching(err)
		switch m[1] {
		case "401", "403":
			return fmt.Sprintf("%s: access was refused (%s %s); the chart may need credentials", what, m[1], m[2])
		case "404":
			return fmt.Sprintf("%s: nothing is there (404); check the chart reference and version", what)
		}
		return fmt.Sprintf("%s: it answered %s %s", what, m[1], m[2])
	}
	return msg
}

// httpStatus finds the status Helm's getters report ("... : 404 Not Found").
var httpStatus = regexp.MustCompile(`\b([45]\d\d) ([A-Z][A-Za-z ]+?)\s*$`)

// network names a failure to connect, if err is one.
func network(err error) (string, bool) {
	var dns *net.DNSError
	if errors.As(err, &dns) {
		if dns.IsNotFound {
			return "the host name does not resolve", true
		}
		if dns.IsTimeout {
			return "looking up the host name timed out", true
		}
		return "the host name could not be looked up", true
	}
	var unknownCA x509.UnknownAuthorityError
	var hostname x509.HostnameError
	var invalid x509.CertificateInvalidError
	switch {
	case errors.As(err, &unknownCA), errors.As(err, &hostname), errors.As(err, &invalid):
		return "its TLS certificate is not trusted", true
	case errors.Is(err, syscall.ECONNREFUSED):
		return "the connection was refused", true
	case errors.Is(err, syscall.EHOSTUNREACH), errors.Is(err, syscall.ENETUNREACH):
		return "the host cannot be reached from here", true
	case errors.Is(err, syscall.ECONNRESET):
		return "the connection was reset", true
	}
	var nerr net.Error
	if errors.As(err, &nerr) && nerr.Timeout() && !errors.Is(err, context.DeadlineExceeded) {
		return "it did not answer in time", true
	}
	return "", false
}

// reaching says what was being reached, from the URL in err: the
// cluster's API, or a chart's repository or registry.
func reaching(err error) string {
	var uerr *url.Error
	host := ""
	if errors.As(err, &uerr) {
		if u, perr := url.Parse(uerr.URL); perr == nil {
			host = u.Hostname()
			if strings.HasPrefix(u.Path, "/api/") || strings.HasPrefix(u.Path, "/apis/") || u.Path == "/api" || u.Path == "/version" {
				return "could not reach the cluster's API at " + host
			}
		}
	}
	if host == "" {
		var dns *net.DNSError
		if errors.As(err, &dns) {
			host = dns.Name
		}
	}
	if host == "" {
		return "could not fetch the chart"
	}
	return "could not fetch the chart from " + host
}

// oneLine joins a multi-line message (Helm's template errors) into one.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
