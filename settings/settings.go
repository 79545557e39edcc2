// Package settings holds the platform-wide settings that platform admins
// change at run time (SPEC section 11): the domain of service addresses,
// who may register, and the default quota of a workspace namespace. A
// setting fixed by an environment variable wins over the stored one and
// cannot be changed here; readers see which variable fixes it.
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
	"github.com/woowtech/woow-paas/policy"
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

// Values are the effective settings.
type Values struct {
	ServiceDomain  string
	Registration   Registration
	NamespaceQuota helmops.Quota
}

// The settings' keys: in the database, and as Locked names them.
const (
	KeyServiceDomain  = "serviceDomain"
	KeyRegistration   = "registration"
	KeyNamespaceQuota = "namespaceQuota"
)

// Env are the environment's values (empty: not set), each with the
// variable that sets it.
type Env struct {
	ServiceDomain  string // WOOW_DOMAIN
	Registration   string // WOOW_REGISTRATION
	NamespaceQuota string // WOOW_NAMESPACE_QUOTA: cpu=16,memory=32Gi,storage=200Gi
}

// Variables names the environment variable of each setting.
var Variables = map[string]string{
	KeyServiceDomain:  "WOOW_DOMAIN",
	KeyRegistration:   "WOOW_REGISTRATION",
	KeyNamespaceQuota: "WOOW_NAMESPACE_QUOTA",
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
	// fixed are the values the environment sets, by key.
	fixed  map[string]bool
	envVal Values
	now    func() time.Time

	mu     sync.Mutex
	cached Values
	readAt time.Time
}

// New checks the environment's values (an error names the variable) and
// returns the service.
func New(client *ent.Client, env Env) (*Service, error) {
	s := &Service{client: client, fixed: map[string]bool{}, now: time.Now}
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
	return s, nil
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
}

func (s *Service) read(ctx context.Context) (Values, error) {
	rows, err := s.client.PlatformSetting.Query().All(viewer.System(ctx))
	if err != nil {
		return Values{}, err
	}
	v := Defaults
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
		}
	}
	s.overlayEnv(&v)
	return v, nil
}

// View is the settings as a platform admin sees them.
type View struct {
	Values
	// Locked are the keys an environment variable fixes, sorted.
	Locked []string
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
	out := &View{Values: v}
	for _, k := range []string{KeyNamespaceQuota, KeyRegistration, KeyServiceDomain} {
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
	for k := range set {
		if s.fixed[k] {
			return nil, errs.InvalidField(k, "%s is set by the environment variable %s; change it there", k, Variables[k])
		}
	}
	sys := viewer.System(ctx)
	err = store.WithTx(sys, s.client, func(tx *ent.Tx) error {
		for k, v := range set {
			b, err := json.Marshal(v)
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
