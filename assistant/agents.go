package assistant

import (
	"context"
	"regexp"
	"strings"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/aiagent"
	"github.com/woowtech/woow-paas/ent/aiprovider"
	"github.com/woowtech/woow-paas/ent/aithread"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/idempotency"
	"github.com/woowtech/woow-paas/names"
	"github.com/woowtech/woow-paas/policy"
	"github.com/woowtech/woow-paas/store"
	"github.com/woowtech/woow-paas/viewer"
)

// AgentInput is what createAIAgent and updateAIAgent take; nil leaves a
// field as it is (on create: its default). IdempotencyKey is for create
// only.
type AgentInput struct {
	Handle, DisplayName, Description, SystemPrompt, Model, AvatarColor *string
	ProviderID                                                         *int
	Temperature                                                        *float64
	IsDefault, Active                                                  *bool
	IdempotencyKey                                                     *string
}

// handleRE is what a @handle may be: it must stand alone after "@" in a
// message, so letters, digits, "_" and "-", starting with a letter.
var handleRE = regexp.MustCompile(`^[a-z][a-z0-9_-]{0,49}$`)

var colorRE = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// CreateAgent adds an agent (platform admins). Making it the default
// takes that from the agent that had it. The same idempotency key again
// answers with the agent the first request made (see package
// idempotency).
func (s *Service) CreateAgent(ctx context.Context, in AgentInput) (*ent.AIAgent, error) {
	if err := policy.PlatformAdmin(ctx); err != nil {
		return nil, err
	}
	key := deref(in.IdempotencyKey)
	if err := idempotency.Check("idempotencyKey", key); err != nil {
		return nil, err
	}
	if in.Handle == nil || in.DisplayName == nil {
		return nil, errs.InvalidField("handle", "an agent needs a handle and a display name")
	}
	var out *ent.AIAgent
	err := s.tx(ctx, func(ctx context.Context, c *ent.Client) error {
		id, err := idempotency.Earlier(ctx, c, "createAIAgent", key)
		if err != nil || id != 0 {
			if err == nil {
				out, err = agent(ctx, c, id)
			}
			return err
		}
		create := c.AIAgent.Create()
		if err := s.checkAgent(ctx, c, in, create.Mutation()); err != nil {
			return err
		}
		if out, err = create.Save(ctx); err != nil {
			return handleTaken(err, *in.Handle)
		}
		if err := idempotency.Remember(ctx, c, "createAIAgent", key, out.ID); err != nil {
			return err
		}
		return s.onlyDefault(ctx, c, out)
	})
	if err != nil {
		return nil, err
	}
	return out.Unwrap(), nil // read in the transaction: its edges load outside it
}

// UpdateAgent changes the fields in gives (platform admins).
func (s *Service) UpdateAgent(ctx context.Context, id int, in AgentInput) (*ent.AIAgent, error) {
	if err := policy.PlatformAdmin(ctx); err != nil {
		return nil, err
	}
	var out *ent.AIAgent
	err := s.tx(ctx, func(ctx context.Context, c *ent.Client) error {
		cur, err := agent(ctx, c, id)
		if err != nil {
			return err
		}
		u := cur.Update()
		if err := s.checkAgent(ctx, c, in, u.Mutation()); err != nil {
			return err
		}
		if out, err = u.Save(ctx); err != nil {
			return handleTaken(err, deref(in.Handle))
		}
		return s.onlyDefault(ctx, c, out)
	})
	if err != nil {
		return nil, err
	}
	return out.Unwrap(), nil // read in the transaction: its edges load outside it
}

// DeleteAgent removes an agent (platform admins). Its answers stay in
// their threads; threads it answered by default get no default.
func (s *Service) DeleteAgent(ctx context.Context, id int) (int, error) {
	if err := policy.PlatformAdmin(ctx); err != nil {
		return 0, err
	}
	err := s.tx(ctx, func(ctx context.Context, c *ent.Client) error {
		if _, err := agent(ctx, c, id); err != nil {
			return err
		}
		// Threads are the workspaces' data, which platform admins do not
		// read: the platform clears the defaults.
		sys := viewer.System(ctx)
		if _, err := c.AIThread.Update().Where(aithread.DefaultAgentID(id)).ClearDefaultAgentID().Save(sys); err != nil {
			return err
		}
		return c.AIAgent.DeleteOneID(id).Exec(ctx)
	})
	return id, err
}

// Agents lists the agents, active ones first, by handle (every signed-in
// user; at most 500).
func (s *Service) Agents(ctx context.Context) ([]*ent.AIAgent, error) {
	if _, err := viewer.Required(ctx); err != nil {
		return nil, err
	}
	return s.client.AIAgent.Query().
		Order(ent.Desc(aiagent.FieldActive), ent.Asc(aiagent.FieldHandle)).Limit(500).All(ctx)
}

// Providers lists the providers by name (platform admins; at most 500).
func (s *Service) Providers(ctx context.Context) ([]*ent.AIProvider, error) {
	if err := policy.PlatformAdmin(ctx); err != nil {
		return nil, err
	}
	return s.client.AIProvider.Query().Order(ent.Asc(aiprovider.FieldName)).Limit(500).All(ctx)
}

// SystemPrompt is an agent's system prompt for platform admins (who edit
// it), nil for everyone else.
func (s *Service) SystemPrompt(ctx context.Context, a *ent.AIAgent) (*string, error) {
	if policy.PlatformAdmin(ctx) != nil {
		return nil, nil
	}
	return &a.SystemPrompt, nil
}

// HasKey reports whether a provider has an API key (the key itself is
// never shown).
func HasKey(p *ent.AIProvider) bool { return len(p.APIKey) > 0 }

func agent(ctx context.Context, c *ent.Client, id int) (*ent.AIAgent, error) {
	a, err := c.AIAgent.Get(ctx, id)
	if ent.IsNotFound(err) {
		return nil, errs.E(errs.NotFound, "agent not found")
	}
	return a, err
}

// onlyDefault keeps one default agent: a when it just became it.
func (s *Service) onlyDefault(ctx context.Context, c *ent.Client, a *ent.AIAgent) error {
	if !a.IsDefault {
		return nil
	}
	_, err := c.AIAgent.Update().Where(aiagent.IDNEQ(a.ID), aiagent.IsDefault(true)).SetIsDefault(false).Save(ctx)
	return err
}

func handleTaken(err error, handle string) error {
	if ent.IsConstraintError(err) {
		return errs.InvalidField("handle", "the handle @%s is taken", handle)
	}
	return err
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// checkAgent validates in and sets its fields on m.
func (s *Service) checkAgent(ctx context.Context, c *ent.Client, in AgentInput, m *ent.AIAgentMutation) error {
	if in.Handle != nil {
		h := strings.TrimPrefix(strings.TrimSpace(*in.Handle), "@")
		if !handleRE.MatchString(h) {
			return errs.InvalidField("handle", "a handle is 1 to 50 lower-case letters, digits, _ or -, starting with a letter")
		}
		m.SetHandle(h)
	}
	for _, f := range []struct {
		field, label string
		p            *string
		check        func(field, label, s string, max int) (string, error)
		max          int
		set          func(string)
	}{
		{"displayName", "display name", in.DisplayName, names.Required, 100, func(v string) { m.SetDisplayName(v) }},
		{"description", "description", in.Description, names.Text, 1000, func(v string) { m.SetDescription(v) }},
		{"systemPrompt", "system prompt", in.SystemPrompt, names.Text, 20000, func(v string) { m.SetSystemPrompt(v) }},
		{"model", "model name", in.Model, names.Optional, 200, func(v string) { m.SetModel(v) }},
	} {
		if f.p == nil {
			continue
		}
		v, err := f.check(f.field, f.label, *f.p, f.max)
		if err != nil {
			return err
		}
		f.set(v)
	}
	if in.AvatarColor != nil {
		if *in.AvatarColor != "" && !colorRE.MatchString(*in.AvatarColor) {
			return errs.InvalidField("avatarColor", "a colour is #rrggbb")
		}
		m.SetAvatarColor(*in.AvatarColor)
	}
	if in.ProviderID != nil {
		if _, err := c.AIProvider.Get(ctx, *in.ProviderID); ent.IsNotFound(err) {
			return errs.InvalidField("providerId", "no such provider")
		} else if err != nil {
			return err
		}
		m.SetProviderID(*in.ProviderID)
	}
	if in.Temperature != nil {
		if *in.Temperature < 0 || *in.Temperature > 2 {
			return errs.InvalidField("temperature", "a temperature is from 0 to 2")
		}
		m.SetTemperature(*in.Temperature)
	}
	if in.IsDefault != nil {
		m.SetIsDefault(*in.IsDefault)
	}
	if in.Active != nil {
		m.SetActive(*in.Active)
	}
	return nil
}

// tx runs fn in one transaction.
func (s *Service) tx(ctx context.Context, fn func(ctx context.Context, c *ent.Client) error) error {
	return store.WithTx(ctx, s.client, func(tx *ent.Tx) error { return fn(ctx, tx.Client()) })
}
