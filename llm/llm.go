// Package llm calls OpenAI-compatible providers with
// github.com/sashabaranov/go-openai, and says in words why a call failed.
// Keys travel only in the Authorization header; errors never carry them.
package llm

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// Provider is where and as whom to call.
type Provider struct {
	// BaseURL is the API's base (e.g. https://api.openai.com/v1; a URL
	// without a path gets /v1).
	BaseURL string
	APIKey  string
}

// Client calls providers.
type Client struct {
	http *http.Client
}

// New returns a client; a nil httpClient has a 2 minute timeout per
// request.
func New(httpClient *http.Client) *Client {
	if httpClient == nil {
		httpClient = &http.Client{Timeout: 2 * time.Minute}
	}
	return &Client{http: httpClient}
}

func (c *Client) api(p Provider) *openai.Client {
	cfg := openai.DefaultConfig(p.APIKey)
	cfg.BaseURL = APIBase(p.BaseURL)
	cfg.HTTPClient = c.http
	return openai.NewClientWithConfig(cfg)
}

// Models lists the provider's model ids, sorted (at most 500).
func (c *Client) Models(ctx context.Context, p Provider) ([]string, error) {
	list, err := c.api(p).ListModels(ctx)
	if err != nil {
		return nil, err
	}
	models := make([]string, 0, len(list.Models))
	for _, m := range list.Models {
		if m.ID != "" && len(models) < 500 {
			models = append(models, m.ID)
		}
	}
	slices.Sort(models)
	return models, nil
}

// APIBase is the base go-openai calls: the URL as given, or with /v1 when
// it has no path (http://localhost:11434 serves the API under /v1).
func APIBase(raw string) string {
	raw = strings.TrimRight(raw, "/")
	if u, err := url.Parse(raw); err == nil && (u.Path == "" || u.Path == "/") {
		return raw + "/v1"
	}
	return raw
}

// Describe says in words why a provider call failed: its HTTP status and
// message ("the provider answered 503: provider overloaded"), a time-out,
// or an unreachable host.
func Describe(err error) string {
	var apiErr *openai.APIError
	var reqErr *openai.RequestError
	switch {
	case errors.As(err, &apiErr):
		msg := apiErr.Message
		if msg == "" {
			msg = http.StatusText(apiErr.HTTPStatusCode)
		}
		return clip(fmt.Sprintf("the provider answered %d: %s", apiErr.HTTPStatusCode, msg), 500)
	case errors.As(err, &reqErr):
		msg := strings.TrimSpace(string(reqErr.Body))
		if msg == "" {
			msg = http.StatusText(reqErr.HTTPStatusCode)
		}
		return clip(fmt.Sprintf("the provider answered %d: %s", reqErr.HTTPStatusCode, msg), 500)
	case errors.Is(err, context.DeadlineExceeded):
		return "the provider did not answer in time"
	}
	var uerr *url.Error
	if errors.As(err, &uerr) {
		return clip("could not reach the provider: "+uerr.Err.Error(), 500)
	}
	return clip("the provider call failed: "+err.Error(), 500)
}

func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
