// Package assistant runs the AI assistants (SPEC section 8): the
// OpenAI-compatible providers platform admins configure, the agents that
// answer when @mentioned, and (to come) threads and generation.
//
// Providers are called through package llm (go-openai). Their API
// keys are encrypted at rest (secretbox, bound to the provider) and never
// returned, logged or put into an error.
package assistant

import (
	"context"
	"fmt"
	"log/slog"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/aiagent"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/events"
	"github.com/woowtech/woow-paas/idempotency"
	"github.com/woowtech/woow-paas/live"
	"github.com/woowtech/woow-paas/llm"
	"github.com/woowtech/woow-paas/names"
	"github.com/woowtech/woow-paas/policy"
	"github.com/woowtech/woow-paas/secretbox"
)

// Service is the assistant domain.
type Service struct {
	client *ent.Client
	box    *secretbox.Box
	llm    *llm.Client
	bus    events.Bus
	cfg    Config
	log    *slog.Logger
	stream *live.Stream[*Event, int]

	mu      sync.Mutex
	gens    map[int]*generation // the answers being written here
	saveNow chan struct{}       // wakes the saver: an answer began, or grew by FlushBytes
	closing bool
	running sync.WaitGroup // one per generation in gens
	stop    context.CancelFunc
	bg      sync.WaitGroup
}

// New returns the assistant service, calling providers with llm and
// streaming answers on bus. Start begins its background work; Close ends
// it.
func New(client *ent.Client, box *secretbox.Box, llm *llm.Client, bus events.Bus, cfg Config, log *slog.Logger) *Service {
	cfg.defaults()
	s := &Service{client: client, box: box, llm: llm, bus: bus, cfg: cfg, log: log, gens: map[int]*generation{},
		saveNow: make(chan struct{}, 1)}
	s.stream = s.newStream()
	return s
}

// ProviderInput is what createAIProvider and updateAIProvider take; nil
// leaves a field as it is (on create: its default). IdempotencyKey is for
// create only.
type ProviderInput struct {
	Name, BaseURL, APIKey, DefaultModel *string
	MaxTokens                           *int
	Temperature                         *float64
	Active                              *bool
	IdempotencyKey                      *string
}

// CreateProvider adds a provider (platform admins). The same idempotency
// key again answers with the provider the first request made (see package
// idempotency).
func (s *Service) CreateProvider(ctx context.Context, in ProviderInput) (*ent.AIProvider, error) {
	if err := policy.PlatformAdmin(ctx); err != nil {
		return nil, err
	}
	key := deref(in.IdempotencyKey)
	if err := idempotency.Check("idempotencyKey", key); err != nil {
		return nil, err
	}
	if in.Name == nil || in.BaseURL == nil {
		return nil, errs.InvalidField("name", "a provider needs a name and a base URL")
	}
	var out *ent.AIProvider
	err := s.tx(ctx, func(ctx context.Context, c *ent.Client) error {
		id, err := idempotency.Earlier(ctx, c, "createAIProvider", key)
		if err != nil || id != 0 {
			if err == nil {
				out, err = c.AIProvider.Get(ctx, id)
			}
			return err
		}
		create := c.AIProvider.Create()
		p, err := checkProvider(in, create.Mutation())
		if err != nil {
			return err
		}
		if out, err = create.Save(ctx); err != nil {
			return err
		}
		if p.key != nil {
			if out, err = s.setKey(ctx, out, *p.key); err != nil {
				return err
			}
		}
		return idempotency.Remember(ctx, c, "createAIProvider", key, out.ID)
	})
	if err != nil {
		return nil, err
	}
	return out.Unwrap(), nil // read in the transaction: its edges load outside it
}

// UpdateProvider changes the fields in given (platform admins). An empty
// API key removes the key.
func (s *Service) UpdateProvider(ctx context.Context, id int, in ProviderInput) (*ent.AIProvider, error) {
	if err := policy.PlatformAdmin(ctx); err != nil {
		return nil, err
	}
	cur, err := s.provider(ctx, id)
	if err != nil {
		return nil, err
	}
	u := cur.Update()
	p, err := checkProvider(in, u.Mutation())
	if err != nil {
		return nil, err
	}
	out, err := u.Save(ctx)
	if err != nil {
		return nil, err
	}
	if p.key != nil {
		return s.setKey(ctx, out, *p.key)
	}
	return out, nil
}

// DeleteProvider removes a provider no agent uses (platform admins).
func (s *Service) DeleteProvider(ctx context.Context, id int) (int, error) {
	if err := policy.PlatformAdmin(ctx); err != nil {
		return 0, err
	}
	if _, err := s.provider(ctx, id); err != nil {
		return 0, err
	}
	users, err := s.client.AIAgent.Query().Where(aiagent.ProviderID(id)).
		Order(ent.Asc(aiagent.FieldHandle)).Limit(5).All(ctx)
	if err != nil {
		return 0, err
	}
	if len(users) > 0 {
		handles := make([]string, len(users))
		for i, a := range users {
			handles[i] = "@" + a.Handle
		}
		return 0, errs.E(errs.Conflict, "the provider is used by %s: give them another provider first", strings.Join(handles, ", "))
	}
	return id, s.client.AIProvider.DeleteOneID(id).Exec(ctx)
}

// ProviderTest is what testAIProvider answers.
type ProviderTest struct {
	OK      bool
	Models  []string
	Message string
}

// TestProvider lists the provider's models, or says in words why it
// cannot (platform admins). A provider that does not answer is not an
// error of this call: OK is false and Message says why.
func (s *Service) TestProvider(ctx context.Context, id int) (*ProviderTest, error) {
	if err := policy.PlatformAdmin(ctx); err != nil {
		return nil, err
	}
	p, err := s.provider(ctx, id)
	if err != nil {
		return nil, err
	}
	ep, err := s.endpoint(p)
	if err != nil {
		return nil, err
	}
	tctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	models, err := s.llm.Models(tctx, ep)
	if err != nil {
		return &ProviderTest{Message: llm.Describe(err)}, nil
	}
	msg := fmt.Sprintf("The provider answered with %d models.", len(models))
	if p.DefaultModel != "" && !slices.Contains(models, p.DefaultModel) && len(models) > 0 {
		msg += fmt.Sprintf(" The default model %q is not among them.", p.DefaultModel)
	}
	return &ProviderTest{OK: true, Models: models, Message: msg}, nil
}

// provider reads a provider (platform admins only see them).
func (s *Service) provider(ctx context.Context, id int) (*ent.AIProvider, error) {
	p, err := s.client.AIProvider.Get(ctx, id)
	if ent.IsNotFound(err) {
		return nil, errs.E(errs.NotFound, "provider not found")
	}
	return p, err
}

// endpoint is where and as whom to call p (its key decrypted).
func (s *Service) endpoint(p *ent.AIProvider) (llm.Provider, error) {
	out := llm.Provider{BaseURL: p.BaseURL}
	if len(p.APIKey) > 0 {
		raw, err := s.box.Open(p.APIKey, keyAAD(p.ID))
		if err != nil {
			return out, fmt.Errorf("decrypting the provider's key: %w", err)
		}
		out.APIKey = string(raw)
	}
	return out, nil
}

func keyAAD(id int) []byte { return fmt.Appendf(nil, "aiprovider:%d", id) }

// setKey stores key encrypted (bound to the provider's id, which exists
// only once it is saved); "" removes it.
func (s *Service) setKey(ctx context.Context, p *ent.AIProvider, key string) (*ent.AIProvider, error) {
	if key == "" {
		return p.Update().ClearAPIKey().Save(ctx)
	}
	sealed, err := s.box.Seal([]byte(key), keyAAD(p.ID))
	if err != nil {
		return nil, err
	}
	return p.Update().SetAPIKey(sealed).Save(ctx)
}

// checked is what checkProvider found besides the fields it set.
type checked struct{ key *string }

// checkProvider validates in and sets its fields on m (a create or an
// update); the key is returned, to be sealed once the provider has an id.
func checkProvider(in ProviderInput, m *ent.AIProviderMutation) (checked, error) {
	var out checked
	if in.Name != nil {
		name, err := names.Required("name", "name", *in.Name, 100)
		if err != nil {
			return out, err
		}
		m.SetName(name)
	}
	if in.BaseURL != nil {
		base := strings.TrimSpace(*in.BaseURL)
		u, err := url.Parse(base)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil ||
			u.RawQuery != "" || u.Fragment != "" || len(base) > 500 {
			return out, errs.InvalidField("baseUrl", "a base URL is http(s)://host[:port][/path] of at most 500 characters, e.g. https://api.openai.com/v1")
		}
		m.SetBaseURL(strings.TrimRight(base, "/"))
	}
	if in.APIKey != nil {
		key, err := names.Optional("apiKey", "API key", *in.APIKey, 1000)
		if err != nil {
			return out, err
		}
		out.key = &key
	}
	if in.DefaultModel != nil {
		model, err := names.Optional("defaultModel", "model name", *in.DefaultModel, 200)
		if err != nil {
			return out, err
		}
		m.SetDefaultModel(model)
	}
	if in.MaxTokens != nil {
		if *in.MaxTokens < 1 || *in.MaxTokens > 1_000_000 {
			return out, errs.InvalidField("maxTokens", "max tokens is from 1 to 1,000,000")
		}
		m.SetMaxTokens(*in.MaxTokens)
	}
	if in.Temperature != nil {
		if *in.Temperature < 0 || *in.Temperature > 2 {
			return out, errs.InvalidField("temperature", "a temperature is from 0 to 2")
		}
		m.SetTemperature(*in.Temperature)
	}
	if in.Active != nil {
		m.SetActive(*in.Active)
	}
	return out, nil
}
