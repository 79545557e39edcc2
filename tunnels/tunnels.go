// Package tunnels gives a smart home its public address through a
// Cloudflare Tunnel, with cloudflare-go: a remotely managed tunnel whose
// ingress sends the home's host name to Home Assistant, a proxied CNAME to
// the tunnel, and the token its connector (cloudflared) runs with.
//
// Every step is idempotent, so that a retried or resumed job finds what an
// earlier try created instead of creating it twice: tunnels are found by
// name, DNS records by host name. Deleting treats what is already gone as
// done. Errors say in words which step Cloudflare refused and quote
// Cloudflare's own message; they never carry the API token.
package tunnels

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/cloudflare/cloudflare-go"
)

// DefaultAPIURL is Cloudflare's v4 API.
const DefaultAPIURL = "https://api.cloudflare.com/client/v4"

// Credentials are as whom and for which account and zone the platform
// calls Cloudflare.
type Credentials struct {
	APIToken, AccountID, ZoneID string
}

// String never shows the token.
func (c Credentials) String() string {
	return fmt.Sprintf("{APIToken set: %t, AccountID: %q, ZoneID: %q}", c.APIToken != "", c.AccountID, c.ZoneID)
}

// Config is where and as whom the platform calls Cloudflare.
type Config struct {
	// The fixed credentials, used when Current is nil.
	APIToken, AccountID, ZoneID string
	// Current, when set, gives the credentials at every call instead (the
	// platform settings, which a platform admin changes at run time), so
	// a change applies to the next call without a restart.
	Current func(context.Context) (Credentials, error)
	// APIURL is the v4 base URL (default DefaultAPIURL; tests point it at
	// a local fake).
	APIURL string
	// RateLimit is how many requests a second the platform sends
	// (default 4, Cloudflare's limit of 1,200 per 5 minutes; tests
	// against a local fake raise it).
	RateLimit float64
}

// Client calls Cloudflare's API for one account and zone: the fixed
// ones, or the current ones of Config.Current.
type Client struct {
	cfg Config

	mu   sync.Mutex
	last Credentials
	conn *conn // of last
}

// conn is a cloudflare-go client for one set of credentials.
type conn struct {
	api           *cloudflare.API
	account, zone *cloudflare.ResourceContainer
}

// codeTunnelNameTaken is Cloudflare's answer to a second tunnel of one name.
const codeTunnelNameTaken = 1013

// codeTunnelConnected is Cloudflare's refusal to delete a tunnel that
// still has connections.
const codeTunnelConnected = 1022

// ErrNotConfigured: the platform has no Cloudflare credentials. Its
// message names the settings to make.
var ErrNotConfigured = errors.New("Cloudflare is not configured")

// ErrPermanent marks a failure that trying again will not mend (a refused
// request, a name taken): the job stops at once.
var ErrPermanent = errors.New("permanent")

// New returns a client. Without a token, account id or zone id (fixed,
// or current when called) its calls fail with ErrNotConfigured, saying
// what to set.
func New(cfg Config) (*Client, error) {
	if cfg.APIURL == "" {
		cfg.APIURL = DefaultAPIURL
	}
	c := &Client{cfg: cfg}
	if cfg.Current == nil {
		// Fixed credentials: a bad option shows now, not at the first call.
		if _, err := c.connect(context.Background()); err != nil && !errors.Is(err, ErrNotConfigured) {
			return nil, err
		}
	}
	return c, nil
}

// Configured reports whether calls can reach Cloudflare now.
func (c *Client) Configured(ctx context.Context) bool {
	_, err := c.connect(ctx)
	return err == nil
}

// connect returns the cloudflare-go client of the current credentials,
// made anew when they changed.
func (c *Client) connect(ctx context.Context) (*conn, error) {
	cred := Credentials{c.cfg.APIToken, c.cfg.AccountID, c.cfg.ZoneID}
	if c.cfg.Current != nil {
		var err error
		if cred, err = c.cfg.Current(ctx); err != nil {
			return nil, fmt.Errorf("reading the Cloudflare settings: %w", err)
		}
	}
	var missing []string
	for _, m := range []struct{ v, name string }{
		{cred.APIToken, "WOOW_CLOUDFLARE_API_TOKEN"}, {cred.AccountID, "WOOW_CLOUDFLARE_ACCOUNT_ID"}, {cred.ZoneID, "WOOW_CLOUDFLARE_ZONE_ID"},
	} {
		if m.v == "" {
			missing = append(missing, m.name)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("%w: set the Cloudflare API token, account id and zone id in the platform settings, or %s",
			ErrNotConfigured, strings.Join(missing, ", "))
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.conn != nil && c.last == cred {
		return c.conn, nil
	}
	opts := []cloudflare.Option{
		cloudflare.BaseURL(strings.TrimRight(c.cfg.APIURL, "/")),
		cloudflare.HTTPClient(&http.Client{Timeout: 30 * time.Second}),
		cloudflare.UserAgent("woow-paas"),
		// Failed calls are retried by the jobs, with their backoff and
		// their record of each attempt, not inside one call.
		cloudflare.UsingRetryPolicy(0, 0, 0),
	}
	if c.cfg.RateLimit > 0 {
		opts = append(opts, cloudflare.UsingRateLimit(c.cfg.RateLimit))
	}
	api, err := cloudflare.NewWithAPIToken(cred.APIToken, opts...)
	if err != nil {
		return nil, fmt.Errorf("the Cloudflare client: %w", err)
	}
	c.last = cred
	c.conn = &conn{api: api, account: cloudflare.AccountIdentifier(cred.AccountID), zone: cloudflare.ZoneIdentifier(cred.ZoneID)}
	return c.conn, nil
}

// Target is the CNAME content that routes a host name to a tunnel.
func Target(tunnelID string) string { return tunnelID + ".cfargotunnel.com" }

// EnsureTunnel returns the id of the live, remotely managed tunnel called
// name, creating it when there is none.
func (c *Client) EnsureTunnel(ctx context.Context, name string) (string, error) {
	cn, err := c.connect(ctx)
	if err != nil {
		return "", err
	}
	if id, err := cn.findTunnel(ctx, name); err != nil || id != "" {
		return id, err
	}
	secret := make([]byte, 32)
	if _, err := rand.Read(secret); err != nil {
		return "", err
	}
	t, err := cn.api.CreateTunnel(ctx, cn.account, cloudflare.TunnelCreateParams{
		Name: name, Secret: base64.StdEncoding.EncodeToString(secret), ConfigSrc: "cloudflare",
	})
	var cf *cloudflare.Error
	if errors.As(err, &cf) && cf.InternalErrorCodeIs(codeTunnelNameTaken) {
		// Another try created it since we looked.
		if id, ferr := cn.findTunnel(ctx, name); ferr != nil || id != "" {
			return id, ferr
		}
	}
	if err != nil {
		return "", explain("create the tunnel", err)
	}
	return t.ID, nil
}

// findTunnel is the id of the live tunnel called name, "" when none.
func (cn *conn) findTunnel(ctx context.Context, name string) (string, error) {
	live := false
	ts, _, err := cn.api.ListTunnels(ctx, cn.account, cloudflare.TunnelListParams{Name: name, IsDeleted: &live})
	if err != nil {
		return "", explain("list the tunnels", err)
	}
	for _, t := range ts {
		if t.Name == name && t.DeletedAt == nil {
			return t.ID, nil
		}
	}
	return "", nil
}

// Configure sets the tunnel's ingress: host to Home Assistant on the
// connector's machine, anything else 404.
func (c *Client) Configure(ctx context.Context, tunnelID, host string, haPort int) error {
	cn, err := c.connect(ctx)
	if err != nil {
		return err
	}
	_, err = cn.api.UpdateTunnelConfiguration(ctx, cn.account, cloudflare.TunnelConfigurationParams{
		TunnelID: tunnelID,
		Config: cloudflare.TunnelConfiguration{Ingress: []cloudflare.UnvalidatedIngressRule{
			{Hostname: host, Service: fmt.Sprintf("http://localhost:%d", haPort)},
			{Service: "http_status:404"},
		}},
	})
	return explain("configure the tunnel's ingress", err)
}

// EnsureRoute returns the id of the proxied CNAME from host to the tunnel,
// creating it when there is none. A record of that name pointing elsewhere
// is ErrPermanent: the name is taken.
func (c *Client) EnsureRoute(ctx context.Context, host, tunnelID string) (string, error) {
	cn, err := c.connect(ctx)
	if err != nil {
		return "", err
	}
	recs, _, err := cn.api.ListDNSRecords(ctx, cn.zone, cloudflare.ListDNSRecordsParams{Name: host})
	if err != nil {
		return "", explain("look up the DNS record", err)
	}
	for _, r := range recs {
		if !strings.EqualFold(r.Name, host) {
			continue
		}
		if r.Type == "CNAME" && strings.EqualFold(r.Content, Target(tunnelID)) {
			return r.ID, nil
		}
		return "", fmt.Errorf("%w: the host name %s is already taken in the Cloudflare zone (a %s record to %s)",
			ErrPermanent, host, r.Type, r.Content)
	}
	proxied := true
	r, err := cn.api.CreateDNSRecord(ctx, cn.zone, cloudflare.CreateDNSRecordParams{
		Type: "CNAME", Name: host, Content: Target(tunnelID), Proxied: &proxied, TTL: 1,
		Comment: "Woow PaaS smart home",
	})
	if err != nil {
		return "", explain("create the DNS record", err)
	}
	return r.ID, nil
}

// Token is the token the tunnel's connector runs with.
func (c *Client) Token(ctx context.Context, tunnelID string) (string, error) {
	cn, err := c.connect(ctx)
	if err != nil {
		return "", err
	}
	tok, err := cn.api.GetTunnelToken(ctx, cn.account, tunnelID)
	if err != nil {
		return "", explain("fetch the tunnel token", err)
	}
	if tok == "" {
		return "", errors.New("Cloudflare returned an empty tunnel token")
	}
	return tok, nil
}

// Status is what Cloudflare says of a tunnel's connectors.
type Status struct {
	// State is connected, disconnected or deleted.
	State string
	// The first connector's, when connected.
	ConnectorID, ConnectorType string
	OpenedAt                   time.Time
}

// Status reads the tunnel's connections. A tunnel Cloudflare no longer
// has is deleted.
func (c *Client) Status(ctx context.Context, tunnelID string) (Status, error) {
	cn, err := c.connect(ctx)
	if err != nil {
		return Status{}, err
	}
	conns, err := cn.api.ListTunnelConnections(ctx, cn.account, tunnelID)
	if isNotFound(err) {
		return Status{State: "deleted"}, nil
	}
	if err != nil {
		return Status{}, explain("read the tunnel's connections", err)
	}
	for _, cn := range conns {
		if len(cn.Connections) == 0 {
			continue
		}
		st := Status{State: "connected", ConnectorID: cn.ID, ConnectorType: connectorType(cn)}
		for _, tc := range cn.Connections {
			if t, err := time.Parse(time.RFC3339, tc.OpenedAt); err == nil && (st.OpenedAt.IsZero() || t.Before(st.OpenedAt)) {
				st.OpenedAt = t.UTC()
			}
		}
		if st.OpenedAt.IsZero() && cn.RunAt != nil {
			st.OpenedAt = cn.RunAt.UTC()
		}
		return st, nil
	}
	return Status{State: "disconnected"}, nil
}

// connectorType describes a connector as Cloudflare's dashboard does:
// cloudflared, its version and platform.
func connectorType(cn cloudflare.Connection) string {
	s := strings.TrimSpace("cloudflared " + cn.Version)
	if cn.Arch != "" {
		s += " (" + cn.Arch + ")"
	}
	if r := []rune(s); len(r) > 50 {
		s = string(r[:50])
	}
	return s
}

// Remove deletes what EnsureTunnel and EnsureRoute made: the DNS record
// (by id, else by host name when it points to this tunnel), the tunnel's
// stale connections, then the tunnel (by id, else by name). What is
// already gone counts as done. Cloudflare refuses to delete a tunnel with
// live connections: a connector still running fails it, saying so.
func (c *Client) Remove(ctx context.Context, name, tunnelID, recordID, host string) error {
	cn, err := c.connect(ctx)
	if err != nil {
		return err
	}
	if tunnelID == "" {
		id, err := cn.findTunnel(ctx, name)
		if err != nil {
			return err
		}
		tunnelID = id
	}
	if recordID == "" && tunnelID != "" {
		recs, _, err := cn.api.ListDNSRecords(ctx, cn.zone, cloudflare.ListDNSRecordsParams{Name: host, Type: "CNAME"})
		if err != nil {
			return explain("look up the DNS record", err)
		}
		for _, r := range recs {
			if strings.EqualFold(r.Name, host) && strings.EqualFold(r.Content, Target(tunnelID)) {
				recordID = r.ID
			}
		}
	}
	if recordID != "" {
		if err := cn.api.DeleteDNSRecord(ctx, cn.zone, recordID); err != nil && !isNotFound(err) {
			return explain("delete the DNS record", err)
		}
	}
	if tunnelID == "" {
		return nil
	}
	if err := cn.api.CleanupTunnelConnections(ctx, cn.account, tunnelID); err != nil && !isNotFound(err) {
		return explain("clean up the tunnel's connections", err)
	}
	if err := cn.api.DeleteTunnel(ctx, cn.account, tunnelID); err != nil && !isNotFound(err) {
		var cf *cloudflare.Error
		if errors.As(err, &cf) && cf.InternalErrorCodeIs(codeTunnelConnected) {
			return fmt.Errorf("%w; a connector is still running: stop cloudflared (the Woow PaaS integration or the Cloudflared add-on) and delete again", explain("delete the tunnel", err))
		}
		return explain("delete the tunnel", err)
	}
	return nil
}

func isNotFound(err error) bool {
	var nf *cloudflare.NotFoundError
	return errors.As(err, &nf)
}

// explain turns a cloudflare-go error into words: the step, Cloudflare's
// own messages and codes. A refusal (4xx other than 429) is ErrPermanent.
// cloudflare-go's errors hold the response, never the request's token.
func explain(step string, err error) error {
	if err == nil {
		return nil
	}
	var cf *cloudflare.Error
	if !errors.As(err, &cf) {
		return fmt.Errorf("could not %s: %w", step, err)
	}
	var parts []string
	for _, e := range cf.Errors {
		if e.Code != 0 {
			parts = append(parts, fmt.Sprintf("%s (code %d)", e.Message, e.Code))
		} else {
			parts = append(parts, e.Message)
		}
	}
	said := strings.Join(parts, "; ")
	if said == "" {
		said = http.StatusText(cf.StatusCode)
	}
	msg := fmt.Errorf("Cloudflare refused to %s: %s (HTTP %d)", step, said, cf.StatusCode)
	if cf.StatusCode >= 400 && cf.StatusCode < 500 && cf.StatusCode != http.StatusTooManyRequests {
		return fmt.Errorf("%w%w", msg, permanent{})
	}
	return msg
}

// permanent wraps ErrPermanent without changing the message.
type permanent struct{}

func (permanent) Error() string        { return "" }
func (permanent) Is(target error) bool { return target == ErrPermanent }
