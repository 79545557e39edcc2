// Package llm calls OpenAI-compatible providers with
// github.com/sashabaranov/go-openai, and says in words why a call failed.
// Keys travel only in the Authorization header; errors never carry them.
package llm

import (
	"context"
	"errors"
	"fmt"
	"io"
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
	// stream has no overall time-out: an answer may take minutes. Its
	// transport bounds the wait for the first byte; Chat bounds the
	// silence between pieces.
	stream *http.Client
	idle   time.Duration
}

// New returns a client. A nil httpClient has a 2 minute timeout per
// request, and streamed answers may fall silent for at most 2 minutes.
func New(httpClient *http.Client) *Client {
	c := &Client{http: httpClient, stream: httpClient, idle: 2 * time.Minute}
	if httpClient == nil {
		c.http = &http.Client{Timeout: 2 * time.Minute}
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.ResponseHeaderTimeout = 2 * time.Minute
		c.stream = &http.Client{Transport: t}
	}
	return c
}

func (c *Client) api(p Provider, hc *http.Client) *openai.Client {
	cfg := openai.DefaultConfig(p.APIKey)
	cfg.BaseURL = APIBase(p.BaseURL)
	cfg.HTTPClient = hc
	return openai.NewClientWithConfig(cfg)
}

// Message is one message of a conversation: Role is system, user or
// assistant.
type Message struct {
	Role, Content string
}

// Request is a chat completion to stream.
type Request struct {
	Model       string
	Messages    []Message
	MaxTokens   int
	Temperature float32
}

// Usage counts the tokens of a call, as the provider reports them (or,
// when it does not, the pieces it sent).
type Usage struct {
	PromptTokens, CompletionTokens int
}

// ErrSilent is the cause of a streamed answer given up after the provider
// sent nothing for too long.
var ErrSilent = errors.New("the provider stopped sending the answer")

// Chat streams an answer: each piece of text goes to onDelta as it
// arrives; an error from onDelta stops the call. Ending ctx closes the
// connection to the provider at once.
func (c *Client) Chat(ctx context.Context, p Provider, req Request, onDelta func(string) error) (Usage, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	silence := time.AfterFunc(c.idle, func() { cancel(ErrSilent) })
	defer silence.Stop()
	msgs := make([]openai.ChatCompletionMessage, len(req.Messages))
	for i, m := range req.Messages {
		msgs[i] = openai.ChatCompletionMessage{Role: m.Role, Content: m.Content}
	}
	var usage Usage
	stream, err := c.api(p, c.stream).CreateChatCompletionStream(ctx, openai.ChatCompletionRequest{
		Model: req.Model, Messages: msgs, MaxTokens: req.MaxTokens, Temperature: req.Temperature,
		Stream: true, StreamOptions: &openai.StreamOptions{IncludeUsage: true},
	})
	if err != nil {
		return usage, causeOf(ctx, err)
	}
	defer stream.Close()
	pieces := 0
	for {
		resp, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return usage, causeOf(ctx, err)
		}
		silence.Reset(c.idle)
		if resp.Usage != nil {
			usage = Usage{PromptTokens: resp.Usage.PromptTokens, CompletionTokens: resp.Usage.CompletionTokens}
		}
		for _, ch := range resp.Choices {
			if ch.Delta.Content == "" {
				continue
			}
			pieces++
			if err := onDelta(ch.Delta.Content); err != nil {
				return usage, err
			}
		}
	}
	if usage.CompletionTokens == 0 {
		usage.CompletionTokens = pieces
	}
	return usage, nil
}

// causeOf prefers why ctx ended (a cancel, the silence) to the read error
// it caused.
func causeOf(ctx context.Context, err error) error {
	if cause := context.Cause(ctx); cause != nil {
		return cause
	}
	return err
}

// Models lists the provider's model ids, sorted (at most 500).
func (c *Client) Models(ctx context.Context, p Provider) ([]string, error) {
	list, err := c.api(p, c.http).ListModels(ctx)
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
	case errors.Is(err, ErrSilent):
		return "the provider stopped sending the answer (nothing for too long)"
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
