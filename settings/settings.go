// Package settings holds the platform-wide settings that platform admins
// change at run time (SPEC section 11): the domain of service addresses,
// who may register, the default quota of a workspace namespace, the SMTP
// server mail goes through and the Cloudflare credentials of smart home
// tunnels. A setting fixed by an environment variable wins over the stored
// one and cannot be changed here; readers see which variable fixes it.
//
// Secrets (the SMTP URL, which may hold a password, and the Cloudflare API
// token) are sealed with the platform's secretbox in the database and are
// write-only: View says whether one is set, never what it is. Their
// values go only to the mailer and the tunnels client (Current).
//
// Values are read often (every service address is built from the domain),
// so each replica keeps them for CacheFor; a change made on another
// replica is seen within that time, on this one at once.
package settings

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/platformsetting"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/helmops"
	"github.com/woowtech/woow-paas/mail"
	"github.com/woowtech/woow-paas/policy"
	"github.com/woowtech/woow-paas/secretbox"
	"github.com/woowtech/woow-paas/store"
	"github.com/woowtech/woow-paas/viewer"
)

// Registration says who may open an account.
type Registration string

const (
	// Open: anyone who reaches the web app.
	Open Registration = "open"
	// Invitation: only addresses with a pending workspace invitation (and
	// the very first account, the platform admin).
	Invitation Registration = "invitation"
)

// Values are the effective settings. They hold the secrets in plain text:
// never log them (Mail and Cloudflare print without them) nor return them.
type Values struct {
	ServiceDomain  string
	Registration   Registration
	NamespaceQuota helmops.Quota
	// Mail is the SMTP URL (a secret) and the From address; no URL, no
	// mail.
	Mail mail.Settings
	// Cloudflare are the credentials of smart home tunnels.
	Cloudflare Cloudflare
}

// Cloudflare are the credentials the tunnels client calls Cloudflare with.
type Cloudflare struct {
	APIToken  string // a secret
	AccountID string
	ZoneID    string
}

// String never shows the token.
func (c Cloudflare) String() string {
	return fmt.Sprintf("{APIToken set: %t, AccountID: %q, ZoneID: %q}", c.APIToken != "", c.AccountID, c.ZoneID)
}

// The settings' keys: in the database, and as Locked names them.
const (
	KeyServiceDomain  = "serviceDomain"
	KeyRegistration   = "registration"
	KeyNamespaceQuota = "namespaceQuota"
	KeySMTPURL        = "smtpUrl"
	KeyMailFrom       = "mailFrom"
	KeyCFToken        = "cloudflareApiToken"
	KeyCFAccount      = "cloudflareAccountId"
	KeyCFZone         = "cloudflareZoneId"
)

// keys are all the settings' keys, sorted (the order of View.Locked).
var keys = []string{KeyCFToken, KeyCFAccount, KeyCFZone, KeyMailFrom, KeyNamespaceQuota, KeyRegistration, KeyServiceDomain, KeySMTPURL}

// secret are the keys whose values are sealed and never shown.
var secret = map[string]bool{KeySMTPURL: true, KeyCFToken: true}

// Env are the environment's values (empty: not set), each with the
// variable that sets it.
type Env struct {
	ServiceDomain  string // WOOW_DOMAIN
	Registration   string // WOOW_REGISTRATION
	NamespaceQuota string // WOOW_NAMESPACE_QUOTA: cpu=16,memory=32Gi,storage=200Gi
	SMTPURL        string // WOOW_SMTP_URL
	MailFrom       string // WOOW_MAIL_FROM
	CFToken        string // WOOW_CLOUDFLARE_API_TOKEN
	CFAccount      string // WOOW_CLOUDFLARE_ACCOUNT_ID
	CFZone         string // WOOW_CLOUDFLARE_ZONE_ID
	// NoPublicURL: the server does not know the web app's address
	// (WOOW_PUBLIC_URL), which e-mailed links need: no SMTP server is
	// taken, and a stored one is ignored.
	NoPublicURL bool
}

// Variables names the environment variable of each setting.
var Variables = map[string]string{
	KeyServiceDomain:  "WOOW_DOMAIN",
	KeyRegistration:   "WOOW_REGISTRATION",
	KeyNamespaceQuota: "WOOW_NAMESPACE_QUOTA",
	KeySMTPURL:        "WOOW_SMTP_URL",
	KeyMailFrom:       "WOOW_MAIL_FROM",
	KeyCFToken:        "WOOW_CLOUDFLARE_API_TOKEN",
	KeyCFAccount:      "WOOW_CLOUDFLARE_ACCOUNT_ID",
	KeyCFZone:         "WOOW_CLOUDFLARE_ZONE_ID",
}

// Defaults are the values of settings neither set nor stored.
var Defaults = Values{
	ServiceDomain:  "woowtech.io",
	Registration:   Open,
	NamespaceQuota: helmops.Quota{CPU: "16", Memory: "32Gi", Storage: "200Gi"},
}

// CacheFor is how long a replica keeps the values it read.
const CacheFor = 2 * time.Second

// Service reads and changes the settings.
type Service struct {
	client *ent.Client
	box    *secretbox.Box // seals the secrets
	// fixed are the values the environment sets, by key.
	fixed  map[string]bool
	envVal Values
	// noPublicURL: see Env.NoPublicURL.
	noPublicURL bool
	now         func() time.Time

	mu     sync.Mutex
	cached Values
	readAt time.Time
}

// New checks the environment's values (an error names the variable, never
// quotes a secret) and returns the service; box seals the secrets.
func New(client *ent.Client, box *secretbox.Box, env Env) (*Service, error) {
	s := &Service{client: client, box: box, fixed: map[string]bool{}, now: time.Now, noPublicURL: env.NoPublicURL}
	if env.ServiceDomain != "" {
		d, err := parseDomain(env.ServiceDomain)
		if err != nil {
			return nil, fmt.Errorf("WOOW_DOMAIN: %s", err)
		}
		s.envVal.ServiceDomain, s.fixed[KeyServiceDomain] = d, true
	}
	if env.Registration != "" {
		r, err := parseRegistration(env.Registration)
		if err != nil {
			return nil, fmt.Errorf("WOOW_REGISTRATION: %s", err)
		}
		s.envVal.Registration, s.fixed[KeyRegistration] = r, true
	}
	if env.NamespaceQuota != "" {
		q, err := ParseQuota(env.NamespaceQuota)
		if err != nil {
			return nil, fmt.Errorf("WOOW_NAMESPACE_QUOTA: %s", err)
		}
		s.envVal.NamespaceQuota, s.fixed[KeyNamespaceQuota] = q, true
	}
	for _, e := range []struct {
		key, raw string
		to       *string
	}{
		{KeySMTPURL, env.SMTPURL, &s.envVal.Mail.URL},
		{KeyMailFrom, env.MailFrom, &s.envVal.Mail.From},
		{KeyCFToken, env.CFToken, &s.envVal.Cloudflare.APIToken},
		{KeyCFAccount, env.CFAccount, &s.envVal.Cloudflare.AccountID},
		{KeyCFZone, env.CFZone, &s.envVal.Cloudflare.ZoneID},
	} {
		if e.raw == "" {
			continue
		}
		v, err := parseString(e.key, e.raw)
		if err != nil {
			return nil, fmt.Errorf("%s: %s", Variables[e.key], err)
		}
		*e.to, s.fixed[e.key] = v, true
	}
	return s, nil
}

// strings are the settings held as one string, where Values keeps them.
func (v *Values) strings() map[string]*string {
	return map[string]*string{
		KeySMTPURL: &v.Mail.URL, KeyMailFrom: &v.Mail.From,
		KeyCFToken: &v.Cloudflare.APIToken, KeyCFAccount: &v.Cloudflare.AccountID, KeyCFZone: &v.Cloudflare.ZoneID,
	}
}

// Mail is the current SMTP settings, for mail.NewLive.
func (s *Service) Mail(ctx context.Context) (mail.Settings, error) {
	v, err := s.Current(ctx)
	return v.Mail, err
}

// CloudflareCredentials is the current Cloudflare credentials, for the
// tunnels client.
func (s *Service) CloudflareCredentials(ctx context.Context) (Cloudflare, error) {
	v, err := s.Current(ctx)
	return v.Cloudflare, err
}

// Current returns the effective values (environment, else stored, else
// default), at most CacheFor old. Anyone may call it: the server reads
// them for everyone.
func (s *Service) Current(ctx context.Context) (Values, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.readAt.IsZero() && s.now().Sub(s.readAt) < CacheFor {
		return s.cached, nil
	}
	v, err := s.read(ctx)
	if err != nil {
		return Values{}, err
	}
	s.cached, s.readAt = v, s.now()
	return v, nil
}

// ServiceDomain is the current domain of service addresses; the default
// when the database cannot be read (a URL is better wrong than missing).
func (s *Service) ServiceDomain(ctx context.Context) string {
	v, err := s.Current(ctx)
	if err != nil {
		return s.fallback().ServiceDomain
	}
	return v.ServiceDomain
}

// NamespaceQuota is the current default quota of a workspace namespace.
func (s *Service) NamespaceQuota(ctx context.Context) (helmops.Quota, error) {
	v, err := s.Current(ctx)
	return v.NamespaceQuota, err
}

// InvitationOnly tells whether registration needs an invitation.
func (s *Service) InvitationOnly(ctx context.Context) (bool, error) {
	v, err := s.Current(ctx)
	return v.Registration == Invitation, err
}

// fallback is the environment over the defaults.
func (s *Service) fallback() Values {
	v := Defaults
	s.overlayEnv(&v)
	return v
}

func (s *Service) overlayEnv(v *Values) {
	if s.fixed[KeyServiceDomain] {
		v.ServiceDomain = s.envVal.ServiceDomain
	}
	if s.fixed[KeyRegistration] {
		v.Registration = s.envVal.Registration
	}
	if s.fixed[KeyNamespaceQuota] {
		v.NamespaceQuota = s.envVal.NamespaceQuota
	}
	env, to := s.envVal.strings(), v.strings()
	for k, p := range to {
		if s.fixed[k] {
			*p = *env[k]
		}
	}
}

func (s *Service) read(ctx context.Context) (Values, error) {
	rows, err := s.client.PlatformSetting.Query().All(viewer.System(ctx))
	if err != nil {
		return Values{}, err
	}
	v := Defaults
	str := v.strings()
	for _, r := range rows {
		// A stored value that no longer parses (written by another
		// version) keeps the default rather than stopping the server.
		switch r.Key {
		case KeyServiceDomain:
			var d string
			if json.Unmarshal([]byte(r.Value), &d) == nil && d != "" {
				v.ServiceDomain = d
			}
		case KeyRegistration:
			var reg string
			if json.Unmarshal([]byte(r.Value), &reg) == nil {
				if parsed, err := parseRegistration(reg); err == nil {
					v.Registration = parsed
				}
			}
		case KeyNamespaceQuota:
			var q helmops.Quota
			if json.Unmarshal([]byte(r.Value), &q) == nil && q.Validate() == nil {
				v.NamespaceQuota = q
			}
		case KeySMTPURL:
			if x, err := s.decode(r.Key, r.Value); err == nil && !s.noPublicURL {
				v.Mail.URL = x
			}
		default:
			if p, ok := str[r.Key]; ok {
				if x, err := s.decode(r.Key, r.Value); err == nil {
					*p = x
				}
			}
		}
	}
	s.overlayEnv(&v)
	return v, nil
}

// View is the settings as a platform admin sees them: the secrets only
// as whether they are set.
type View struct {
	ServiceDomain       string
	Registration        Registration
	NamespaceQuota      helmops.Quota
	SMTPURL             Secret
	MailFrom            string
	CloudflareAPIToken  Secret
	CloudflareAccountID string
	CloudflareZoneID    string
	// Locked are the keys an environment variable fixes, sorted.
	Locked []string
}

// Secret is a write-only setting: whether it has a value.
type Secret struct {
	Set bool
}

// Get returns the settings. Platform admins only.
func (s *Service) Get(ctx context.Context) (*View, error) {
	if err := policy.PlatformAdmin(ctx); err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.readAt = time.Time{} // an admin sees what is stored now
	s.mu.Unlock()
	v, err := s.Current(ctx)
	if err != nil {
		return nil, err
	}
	return s.view(v), nil
}

func (s *Service) view(v Values) *View {
	out := &View{
		ServiceDomain: v.ServiceDomain, Registration: v.Registration, NamespaceQuota: v.NamespaceQuota,
		SMTPURL: Secret{v.Mail.URL != ""}, MailFrom: v.Mail.From,
		CloudflareAPIToken: Secret{v.Cloudflare.APIToken != ""}, CloudflareAccountID: v.Cloudflare.AccountID, CloudflareZoneID: v.Cloudflare.ZoneID,
	}
	for _, k := range keys {
		if s.fixed[k] {
			out.Locked = append(out.Locked, k)
		}
	}
	return out
}

// Update is a change of some settings; nil fields stay as they are.
type Update struct {
	ServiceDomain *string
	Registration  *Registration
	// NamespaceQuota's empty fields keep their current value.
	NamespaceQuota *helmops.Quota
	// The string settings; "" clears one (back to its default: unset).
	SMTPURL, MailFrom          *string
	CFToken, CFAccount, CFZone *string
}

// Update stores the given settings. Platform admins only; a setting an
// environment variable fixes is refused (BAD_USER_INPUT naming it and the
// variable), as is a bad value.
func (s *Service) Update(ctx context.Context, in Update) (*View, error) {
	if err := policy.PlatformAdmin(ctx); err != nil {
		return nil, err
	}
	cur, err := s.Get(ctx)
	if err != nil {
		return nil, err
	}
	set := map[string]any{}
	// clear are the keys whose rows go ("" given).
	clear := map[string]bool{}
	for k, p := range map[string]*string{
		KeySMTPURL: in.SMTPURL, KeyMailFrom: in.MailFrom, KeyCFToken: in.CFToken, KeyCFAccount: in.CFAccount, KeyCFZone: in.CFZone,
	} {
		switch {
		case p == nil:
		case strings.TrimSpace(*p) == "":
			clear[k] = true
		default:
			v, err := parseString(k, *p)
			if err != nil {
				return nil, errs.InvalidField(k, "%s", err)
			}
			set[k] = v
		}
	}
	if in.ServiceDomain != nil {
		d, err := parseDomain(*in.ServiceDomain)
		if err != nil {
			return nil, errs.InvalidField(KeyServiceDomain, "%s", err)
		}
		set[KeyServiceDomain] = d
	}
	if in.Registration != nil {
		r, err := parseRegistration(string(*in.Registration))
		if err != nil {
			return nil, errs.InvalidField(KeyRegistration, "%s", err)
		}
		set[KeyRegistration] = string(r)
	}
	if in.NamespaceQuota != nil {
		q := cur.NamespaceQuota
		for _, f := range []struct {
			to *string
			v  string
		}{
			{&q.CPU, in.NamespaceQuota.CPU}, {&q.Memory, in.NamespaceQuota.Memory}, {&q.Storage, in.NamespaceQuota.Storage},
		} {
			if f.v != "" {
				*f.to = strings.TrimSpace(f.v)
			}
		}
		if err := q.Validate(); err != nil {
			return nil, errs.InvalidField(KeyNamespaceQuota, "%s", strings.TrimPrefix(err.Error(), "quota "))
		}
		set[KeyNamespaceQuota] = q
	}
	if _, ok := set[KeySMTPURL]; ok && s.noPublicURL && !s.fixed[KeySMTPURL] {
		return nil, errs.InvalidField(KeySMTPURL, "set WOOW_PUBLIC_URL on the server first: the links in e-mails point to the web app's address")
	}
	for k := range clear {
		set[k] = nil
	}
	for k := range set {
		if s.fixed[k] {
			return nil, errs.InvalidField(k, "%s is set by the environment variable %s; change it there", k, Variables[k])
		}
	}
	sys := viewer.System(ctx)
	err = store.WithTx(sys, s.client, func(tx *ent.Tx) error {
		for k, v := range set {
			if clear[k] {
				if _, err := tx.PlatformSetting.Delete().Where(platformsetting.Key(k)).Exec(sys); err != nil {
					return err
				}
				continue
			}
			b, err := s.encode(k, v)
			if err != nil {
				return err
			}
			n, err := tx.PlatformSetting.Update().Where(platformsetting.Key(k)).SetValue(string(b)).Save(sys)
			if err != nil {
				return err
			}
			if n == 0 {
				// Two first changes at once: one fails on the unique key
				// and its admin tries again.
				if err := tx.PlatformSetting.Create().SetKey(k).SetValue(string(b)).Exec(sys); ent.IsConstraintError(err) {
					return errs.E(errs.Conflict, "the settings changed meanwhile; try again")
				} else if err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.Get(ctx)
}

// encode is a setting's stored value: JSON, of the sealed bytes for a
// secret. The key is the associated data, so a sealed value copied to
// another row does not open.
func (s *Service) encode(key string, v any) ([]byte, error) {
	if secret[key] {
		if s.box == nil {
			return nil, errors.New("settings: no secretbox to seal " + key + " with")
		}
		sealed, err := s.box.Seal([]byte(v.(string)), aad(key))
		if err != nil {
			return nil, err
		}
		v = sealed // encoding/json writes it as base64
	}
	return json.Marshal(v)
}

// decode reads what encode wrote for a string setting.
func (s *Service) decode(key, stored string) (string, error) {
	if !secret[key] {
		var x string
		err := json.Unmarshal([]byte(stored), &x)
		return x, err
	}
	var sealed []byte
	if err := json.Unmarshal([]byte(stored), &sealed); err != nil {
		return "", err
	}
	if s.box == nil {
		return "", errors.New("settings: no secretbox")
	}
	raw, err := s.box.Open(sealed, aad(key))
	return string(raw), err
}

func aad(key string) []byte { return []byte("platform-setting:" + key) }

// Limits on the string settings.
const (
	maxSMTPURL = 2000
	maxToken   = 200
)

// cloudflareID is an account or zone id as Cloudflare shows it: 32 hex
// digits.
var cloudflareID = regexp.MustCompile(`^[0-9a-f]{32}$`)

// tokenChars are those of a Cloudflare API token: printable ASCII, no
// spaces (it goes into an Authorization header).
var tokenChars = regexp.MustCompile(`^[\x21-\x7e]+$`)

// parseString checks and normalises a string setting. Its errors never
// quote a secret.
func parseString(key, raw string) (string, error) {
	v := strings.TrimSpace(raw)
	switch key {
	case KeySMTPURL:
		if len(v) > maxSMTPURL {
			return "", fmt.Errorf("the SMTP URL is longer than %d characters", maxSMTPURL)
		}
		if err := mail.CheckURL(v); err != nil {
			return "", fmt.Errorf("the SMTP URL: %s", err)
		}
	case KeyMailFrom:
		if len(v) > 320 {
			return "", errors.New("the From address is longer than 320 characters")
		}
		if _, err := mail.ParseFrom(v); err != nil {
			return "", fmt.Errorf("the From address: %s", err)
		}
	case KeyCFToken:
		if len(v) > maxToken || !tokenChars.MatchString(v) {
			return "", fmt.Errorf("a Cloudflare API token is up to %d printable characters without spaces", maxToken)
		}
	case KeyCFAccount, KeyCFZone:
		what := map[string]string{KeyCFAccount: "account", KeyCFZone: "zone"}[key]
		v = strings.ToLower(v)
		if !cloudflareID.MatchString(v) {
			return "", fmt.Errorf("a Cloudflare %s id is 32 hexadecimal digits (the dashboard shows it on the domain's Overview page)", what)
		}
	}
	return v, nil
}

// domainLabel is one DNS label: lower-case letters, digits, inner hyphens.
var domainLabel = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$`)

// parseDomain accepts a DNS name of at least two labels, such as
// apps.example.com, in lower case.
func parseDomain(raw string) (string, error) {
	d := strings.ToLower(strings.TrimSuffix(strings.TrimSpace(raw), "."))
	if d == "" || len(d) > 200 {
		return "", errors.New("want a domain name such as apps.example.com, of at most 200 characters")
	}
	labels := strings.Split(d, ".")
	if len(labels) < 2 {
		return "", fmt.Errorf("%q is not a domain name such as apps.example.com", raw)
	}
	for _, l := range labels {
		if !domainLabel.MatchString(l) {
			return "", fmt.Errorf("%q is not a domain name: each part has letters, digits and inner hyphens only", raw)
		}
	}
	return d, nil
}

func parseRegistration(raw string) (Registration, error) {
	switch r := Registration(strings.ToLower(strings.TrimSpace(raw))); r {
	case Open, Invitation:
		return r, nil
	}
	return "", fmt.Errorf("want %q or %q, got %q", Open, Invitation, raw)
}

// ParseQuota reads "cpu=16,memory=32Gi,storage=200Gi" (any of the three;
// the others keep their defaults).
func ParseQuota(raw string) (helmops.Quota, error) {
	q := Defaults.NamespaceQuota
	for part := range strings.SplitSeq(raw, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		v = strings.TrimSpace(v)
		switch {
		case !ok || v == "":
			return q, fmt.Errorf("want cpu=..., memory=..., storage=... separated by commas, got %q", part)
		case k == "cpu":
			q.CPU = v
		case k == "memory":
			q.Memory = v
		case k == "storage":
			q.Storage = v
		default:
			return q, fmt.Errorf("unknown resource %q: want cpu, memory or storage", k)
		}
	}
	return q, q.Validate()
}
