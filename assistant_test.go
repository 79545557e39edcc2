package main

// The assistant's conversations against the real server (SPEC section 8,
// issue 15): messages, the answers of the agents they call on, streamed
// over messageStream, stopped, written again, and ended when their server
// stops; the provider is llmfake, an OpenAI-compatible server on
// 127.0.0.1 that streams server-sent events.

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/woowtech/woow-paas/llm/llmfake"
	"github.com/woowtech/woow-paas/store/storetest"
)

const (
	sendMessageMut   = `mutation($in: SendMessageInput!) { sendMessage(input: $in) { message { id status content } replies { id status authorAgent { handle } } } }`
	cancelMut        = `mutation($id: ID!) { cancelGeneration(input: {messageId: $id}) { message { id status content } } }`
	regenerateMut    = `mutation($id: ID!) { regenerateMessage(input: {messageId: $id}) { message { id status content } } }`
	messageQuery     = `query($id: ID!) { node(id: $id) { ... on AIMessage { id status content error promptTokens completionTokens authorAgent { handle } } } }`
	messageStreamSub = `subscription($th: ID!, $after: ID) { messageStream(threadId: $th, after: $after) { messageId delta status reset message { id status content error } } }`
)

// chat is a workspace with members, two agents on the fake provider and
// two threads: one that auto-replies with @helper, one that does not.
type chat struct {
	env                     testEnv
	srv                     *testServer
	fake                    *llmfake.Fake
	owner, bob, guest, out  *account
	ws, thread, quiet       string
	helper, scribe, offline string // agent ids
}

const scribePrompt = "You are Scribe. Answer in one line."

func newChat(t *testing.T, env testEnv) *chat {
	t.Helper()
	c := &chat{env: env}
	if _, ok := env["WOOW_ASSISTANT_HEARTBEAT"]; !ok {
		env["WOOW_ASSISTANT_HEARTBEAT"] = "200ms"
	}
	c.srv = startServer(t, env)
	var url string
	c.fake, url = llmfake.Start(t)
	c.fake.Key = "sk-fake-123"
	c.owner = register(t, c.srv.URL, "owner@example.com", "Owner")
	c.bob = register(t, c.srv.URL, "bob@example.com", "Bob")
	c.guest = register(t, c.srv.URL, "guest@example.com", "Guest")
	c.out = register(t, c.srv.URL, "out@example.com", "Out")
	provider := pick[string](t, c.owner.mustDo(t, createProviderMut, map[string]any{"in": map[string]any{
		"name": "Fake", "baseUrl": url, "apiKey": "sk-fake-123", "defaultModel": "fake-small"}}), "createAIProvider.provider.id")
	agent := func(handle, prompt string, provider any, def bool) string {
		return pick[string](t, c.owner.mustDo(t, createAgentMut, map[string]any{"in": map[string]any{
			"handle": handle, "displayName": strings.ToUpper(handle[:1]) + handle[1:], "systemPrompt": prompt,
			"providerId": provider, "isDefault": def}}), "createAIAgent.agent.id")
	}
	c.helper = agent("helper", "You are Helper.", provider, true)
	c.scribe = agent("scribe", scribePrompt, provider, false)
	c.offline = agent("offline", "", nil, false)
	data := c.owner.mustDo(t, createWorkspaceMut, map[string]any{"name": "Acme"})
	c.ws = pick[string](t, data, "createWorkspace.workspace.id")
	join(t, c.owner, c.bob, c.ws, "user")
	join(t, c.owner, c.guest, c.ws, "guest")
	c.thread = pick[string](t, c.bob.mustDo(t, createThreadMut, map[string]any{"in": map[string]any{
		"workspaceId": c.ws, "title": "Ops", "defaultAgentId": c.helper, "autoReply": true}}), "createThread.thread.id")
	c.quiet = pick[string](t, c.bob.mustDo(t, createThreadMut, map[string]any{"in": map[string]any{
		"workspaceId": c.ws, "title": "Quiet", "autoReply": false}}), "createThread.thread.id")
	return c
}

type sent struct {
	id      string
	replies []struct {
		ID          string `json:"id"`
		Status      string `json:"status"`
		AuthorAgent struct {
			Handle string `json:"handle"`
		} `json:"authorAgent"`
	}
}

func (s sent) handles() []string {
	var out []string
	for _, r := range s.replies {
		out = append(out, r.AuthorAgent.Handle)
	}
	return out
}

func send(t *testing.T, who *account, thread, content string) sent {
	t.Helper()
	data := who.mustDo(t, sendMessageMut, map[string]any{"in": map[string]any{"threadId": thread, "content": content}})
	s := sent{id: pick[string](t, data, "sendMessage.message.id")}
	s.replies = pick[[]struct {
		ID          string `json:"id"`
		Status      string `json:"status"`
		AuthorAgent struct {
			Handle string `json:"handle"`
		} `json:"authorAgent"`
	}](t, data, "sendMessage.replies")
	for _, r := range s.replies {
		if r.Status != "streaming" {
			t.Fatalf("a reply just started is %s: %s", r.Status, data)
		}
	}
	return s
}

// stored is a message as messageQuery reads it.
type stored struct {
	ID               string `json:"id"`
	Status           string `json:"status"`
	Content          string `json:"content"`
	Error            string `json:"error"`
	PromptTokens     int    `json:"promptTokens"`
	CompletionTokens int    `json:"completionTokens"`
}

func readMessage(t *testing.T, who *account, id string) stored {
	t.Helper()
	return pick[stored](t, who.mustDo(t, messageQuery, map[string]any{"id": id}), "node")
}

// waitEnd polls a message until it has ended (not streaming).
func waitEnd(t *testing.T, who *account, id string, d time.Duration) stored {
	t.Helper()
	deadline := time.Now().Add(d)
	for {
		m := readMessage(t, who, id)
		if m.Status != "streaming" {
			return m
		}
		if time.Now().After(deadline) {
			t.Fatalf("message %s still streaming after %s: %q", id, d, m.Content)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// streamEvent is one messageStream event.
type streamEvent struct {
	MessageID string  `json:"messageId"`
	Delta     string  `json:"delta"`
	Status    string  `json:"status"`
	Reset     bool    `json:"reset"`
	Message   *stored `json:"message"`
}

// watcher reads one messageStream subscription and keeps each message's
// text the way a client does.
type watcher struct {
	ws     *wsClient
	id     string
	text   map[string]string
	status map[string]string
	events map[string][]streamEvent
}

func watch(t *testing.T, c *chat, who *account, name, thread string, after any) *watcher {
	t.Helper()
	ws := mustDialWS(t, c.srv.URL, name, wsDial{token: who.sessionCookie(t)}, nil)
	ws.subscribe(t, "m", messageStreamSub, map[string]any{"th": thread, "after": after})
	return &watcher{ws: ws, id: "m", text: map[string]string{}, status: map[string]string{}, events: map[string][]streamEvent{}}
}

// live returns once the subscription is registered: the subscribe
// message is answered by nothing, so who sends "ping <i>" to the thread
// (one that does not auto-reply) until the subscription shows one.
func (w *watcher) live(t *testing.T, who *account, thread string) {
	t.Helper()
	for i := range 20 {
		ping := "ping " + strconv.Itoa(i)
		send(t, who, thread, ping)
		for {
			m, ok, timedOut := w.ws.tryRecv(2 * time.Second)
			if timedOut {
				break
			}
			if !ok {
				t.Fatalf("%s: connection ended while waiting for the subscription to start: %v", w.ws.name, w.ws.err)
			}
			if e := w.apply(t, m); e.Delta == ping {
				return
			}
		}
	}
	t.Fatalf("%s: the subscription showed no ping", w.ws.name)
}

// next applies the next event and returns it.
func (w *watcher) next(t *testing.T, d time.Duration) streamEvent {
	t.Helper()
	return w.apply(t, w.ws.recv(t, d))
}

// apply keeps the event of m, as a client does, and returns it.
func (w *watcher) apply(t *testing.T, m wsMsg) streamEvent {
	t.Helper()
	if m.Type != "next" || m.ID != w.id {
		t.Fatalf("%s: got %v, want a messageStream event", w.ws.name, m)
	}
	var p struct {
		Data struct {
			MessageStream *streamEvent `json:"messageStream"`
		} `json:"data"`
		Errors []gqlErr `json:"errors"`
	}
	if err := json.Unmarshal(m.Payload, &p); err != nil || len(p.Errors) > 0 || p.Data.MessageStream == nil {
		t.Fatalf("%s: got %v", w.ws.name, m)
	}
	e := *p.Data.MessageStream
	if e.Reset {
		w.text[e.MessageID] = e.Delta
	} else {
		if _, ok := w.text[e.MessageID]; !ok {
			t.Fatalf("%s: a continuation of message %s before its start: %+v", w.ws.name, e.MessageID, e)
		}
		w.text[e.MessageID] += e.Delta
	}
	if prev := w.status[e.MessageID]; prev != "" && prev != "streaming" && !e.Reset { // a reset: written again
		t.Fatalf("%s: an event after message %s ended %s: %+v", w.ws.name, e.MessageID, prev, e)
	}
	w.status[e.MessageID] = e.Status
	w.events[e.MessageID] = append(w.events[e.MessageID], e)
	return e
}

// until reads events until message id has ended, and returns its text.
func (w *watcher) until(t *testing.T, id string, d time.Duration) string {
	t.Helper()
	deadline := time.Now().Add(d)
	for w.status[id] == "" || w.status[id] == "streaming" {
		w.next(t, time.Until(deadline))
	}
	evs := w.events[id]
	if last := evs[len(evs)-1]; last.Message == nil || last.Message.Content != w.text[id] {
		t.Fatalf("%s: the last event of %s does not carry the stored message with the text %q: %+v", w.ws.name, id, w.text[id], last)
	}
	return w.text[id]
}

// growUntil reads events until message id's text contains s.
func (w *watcher) growUntil(t *testing.T, id, s string, d time.Duration) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !strings.Contains(w.text[id], s) {
		w.next(t, time.Until(deadline))
	}
}

func words(n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		b.WriteString("w" + strconv.Itoa(i) + " ")
	}
	return b.String()
}

func TestMessagesCallOnAgents(t *testing.T) {
	c := newChat(t, newTestEnv(t))
	for _, tc := range []struct {
		thread, content string
		want            []string
	}{
		{c.thread, "hello there", []string{"helper"}},    // auto-reply: the default agent
		{c.thread, "@scribe please", []string{"scribe"}}, // a mention replaces it
		{c.thread, "@scribe and @helper, then @scribe again", []string{"scribe", "helper"}},
		{c.thread, "@nobody hi", []string{"helper"}},                   // an unknown handle is text
		{c.quiet, "hello there", nil},                                  // no auto-reply: no one
		{c.quiet, "mail bob@helper.com please", nil},                   // an e-mail address mentions no one
		{c.quiet, "@helperbot, @help and @helper", []string{"helper"}}, // whole handles only
	} {
		s := send(t, c.bob, tc.thread, tc.content)
		if got := s.handles(); !slices.Equal(got, tc.want) {
			t.Errorf("%q answered by %q, want %q", tc.content, got, tc.want)
		}
		for _, r := range s.replies {
			m := waitEnd(t, c.bob, r.ID, 10*time.Second)
			if m.Status != "complete" || !strings.HasPrefix(m.Content, "You said: ") {
				t.Errorf("reply to %q: %+v", tc.content, m)
			}
		}
	}
	// The provider got the agent's system prompt, then the thread's
	// history (people's messages and completed answers, oldest first), the
	// question last; the key as a bearer token (the fake refuses others).
	reqs := c.fake.Requests()
	var last llmfake.Request
	for _, r := range reqs {
		if r.Messages[0].Content == scribePrompt {
			last = r
		}
	}
	if last.Model != "fake-small" || last.Messages[0].Role != "system" || last.Last() != "@scribe and @helper, then @scribe again" {
		t.Fatalf("scribe's last request: %+v", last)
	}
	var history []string
	for _, m := range last.Messages[1:] {
		history = append(history, m.Role+": "+m.Content)
	}
	want := []string{"user: hello there", "assistant: You said: hello there", "user: @scribe please",
		"assistant: You said: @scribe please", "user: @scribe and @helper, then @scribe again"}
	if !slices.Equal(history, want) {
		t.Errorf("history sent:\n%s\nwant:\n%s", strings.Join(history, "\n"), strings.Join(want, "\n"))
	}
	// Token counts are stored.
	s := send(t, c.bob, c.quiet, "@helper count 7")
	m := waitEnd(t, c.bob, s.replies[0].ID, 10*time.Second)
	if m.Content != words(7) || m.CompletionTokens != 7 || m.PromptTokens == 0 {
		t.Errorf("counted: %+v", m)
	}
	// Bad input.
	c.bob.expectErr(t, "BAD_USER_INPUT", "content", sendMessageMut, map[string]any{"in": map[string]any{"threadId": c.thread, "content": "  \n "}})
	c.bob.expectErr(t, "BAD_USER_INPUT", "content", sendMessageMut, map[string]any{"in": map[string]any{"threadId": c.thread, "content": strings.Repeat("x", 32001)}})
	c.bob.expectErr(t, "BAD_USER_INPUT", "content", sendMessageMut, map[string]any{"in": map[string]any{"threadId": c.thread, "content": "hi\u202e"}})
	// A double submit with one key stores one message.
	in := map[string]any{"in": map[string]any{"threadId": c.quiet, "content": "@scribe once", "idempotencyKey": "k-1"}}
	a := c.bob.mustDo(t, sendMessageMut, in)
	b := c.bob.mustDo(t, sendMessageMut, in)
	if pick[string](t, a, "sendMessage.message.id") != pick[string](t, b, "sendMessage.message.id") ||
		pick[string](t, a, "sendMessage.replies.0.id") != pick[string](t, b, "sendMessage.replies.0.id") {
		t.Errorf("two sends with one key: %s and %s", a, b)
	}
}

func TestAnswersStream(t *testing.T) {
	c := newChat(t, newTestEnv(t))
	// Two members watch; a third joins in the middle of the answer.
	w1 := watch(t, c, c.bob, "bob", c.quiet, nil)
	w2 := watch(t, c, c.guest, "guest", c.quiet, nil) // guests read
	w1.live(t, c.bob, c.quiet)
	w2.live(t, c.bob, c.quiet)
	s := send(t, c.bob, c.quiet, "@helper slow 15 count 60")
	reply := s.replies[0].ID
	e := w1.next(t, 5*time.Second)
	for strings.HasPrefix(e.Delta, "ping ") { // w2's pings
		e = w1.next(t, 5*time.Second)
	}
	if e.MessageID != s.id || !e.Reset || e.Delta != "@helper slow 15 count 60" || e.Message == nil {
		t.Fatalf("first event: %+v, want the question, whole", e)
	}
	w1.growUntil(t, reply, "w10 ", 10*time.Second)
	w3 := watch(t, c, c.bob, "late", c.quiet, nil)
	first := w3.next(t, 5*time.Second)
	if first.MessageID != reply || !first.Reset || !strings.HasPrefix(words(60), first.Delta) || len(first.Delta) < len("w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 ") {
		t.Fatalf("a late subscriber's first event: %+v, want the text so far", first)
	}
	for _, w := range []*watcher{w1, w2, w3} {
		if got := w.until(t, reply, 15*time.Second); got != words(60) {
			t.Errorf("%s: text %q", w.ws.name, got)
		}
	}
	if m := readMessage(t, c.bob, reply); m.Content != words(60) || m.Status != "complete" {
		t.Errorf("stored: %+v", m)
	}
	// A client that reloads after the end catches up with after: every
	// message after the last it holds, whole.
	w4 := watch(t, c, c.bob, "reload", c.quiet, s.id)
	if e := w4.next(t, 5*time.Second); e.MessageID != reply || !e.Reset || e.Delta != words(60) || e.Status != "complete" {
		t.Errorf("caught up: %+v", e)
	}
	// Another workspace's thread does not exist, subscriptions included.
	ws := mustDialWS(t, c.srv.URL, "outsider", wsDial{token: c.out.sessionCookie(t)}, nil)
	ws.subscribe(t, "x", messageStreamSub, map[string]any{"th": c.thread})
	if errs := opErrors(ws.recv(t, 5*time.Second)); len(errs) == 0 || errs[0].Extensions.Code != "NOT_FOUND" {
		t.Errorf("outsider's subscription: %v", errs)
	}
}

// TestAnswersSavedAsTheyGrow: the text of the answers being written is
// saved while they are written (one transaction for all of them), and an
// answer whose thread is deleted meanwhile stops: the save finds it gone,
// and the provider's connection is closed.
func TestAnswersSavedAsTheyGrow(t *testing.T) {
	c := newChat(t, newTestEnv(t))
	s := send(t, c.bob, c.thread, "@helper and @scribe, slow 40 count 500")
	if len(s.replies) != 2 {
		t.Fatalf("replies: %+v", s.replies)
	}
	for _, r := range s.replies {
		deadline := time.Now().Add(10 * time.Second)
		for m := readMessage(t, c.bob, r.ID); !strings.Contains(m.Content, "w5 "); m = readMessage(t, c.bob, r.ID) {
			if m.Status != "streaming" || time.Now().After(deadline) {
				t.Fatalf("answer %s not saved as it grows: %+v", r.ID, m)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	c.bob.mustDo(t, deleteThreadMut, map[string]any{"id": c.thread})
	deadline := time.Now().Add(5 * time.Second)
	for c.fake.Cut() != 2 {
		if time.Now().After(deadline) {
			t.Fatalf("the deleted answers' connections were not closed (cut %d of 2)", c.fake.Cut())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestAnswerWithNUL: a provider's NUL is dropped from the answer, which
// PostgreSQL could not store otherwise (its saves and its end would fail).
func TestAnswerWithNUL(t *testing.T) {
	c := newChat(t, newTestEnv(t))
	c.fake.Reply = func(r llmfake.Request) llmfake.Script {
		return llmfake.Script{Tokens: []string{"nul\x00", "\x00 ", "inside"}}
	}
	s := send(t, c.bob, c.thread, "@helper hello")
	if m := waitEnd(t, c.bob, s.replies[0].ID, 10*time.Second); m.Status != "complete" || m.Content != "nul inside" {
		t.Errorf("stored: %+v", m)
	}
}

func TestCancelAndRegenerate(t *testing.T) {
	c := newChat(t, newTestEnv(t))
	w := watch(t, c, c.bob, "bob", c.thread, nil)
	s := send(t, c.bob, c.thread, "@helper slow 100 count 30")
	reply := s.replies[0].ID
	w.growUntil(t, reply, "w3 ", 10*time.Second)
	// Guests read only; outsiders see nothing.
	c.guest.expectErr(t, "FORBIDDEN", "", cancelMut, map[string]any{"id": reply})
	c.out.expectErr(t, "NOT_FOUND", "", cancelMut, map[string]any{"id": reply})
	data := c.bob.mustDo(t, cancelMut, map[string]any{"id": reply})
	kept := pick[stored](t, data, "cancelGeneration.message")
	if kept.Status != "cancelled" || !strings.HasPrefix(words(30), kept.Content) || !strings.Contains(kept.Content, "w3 ") || kept.Content == words(30) {
		t.Fatalf("cancelled: %+v", kept)
	}
	// The upstream request was closed, not left to run.
	deadline := time.Now().Add(5 * time.Second)
	for c.fake.Cut() != 1 {
		if time.Now().After(deadline) {
			t.Fatalf("the provider's connection was not closed (cut %d)", c.fake.Cut())
		}
		time.Sleep(10 * time.Millisecond)
	}
	if got := w.until(t, reply, 5*time.Second); got != kept.Content || w.status[reply] != "cancelled" {
		t.Errorf("stream ended %s with %q, want CANCELLED with %q", w.status[reply], got, kept.Content)
	}
	time.Sleep(300 * time.Millisecond)
	if m := readMessage(t, c.bob, reply); m.Content != kept.Content {
		t.Errorf("the answer grew after its cancel: %q", m.Content)
	}
	// Cancelling what has ended changes nothing.
	if again := pick[stored](t, c.bob.mustDo(t, cancelMut, map[string]any{"id": reply}), "cancelGeneration.message"); again != kept {
		t.Errorf("a second cancel: %+v", again)
	}
	// Written again, in place: the stream starts its text over.
	c.guest.expectErr(t, "FORBIDDEN", "", regenerateMut, map[string]any{"id": reply})
	c.bob.expectErr(t, "BAD_USER_INPUT", "messageId", regenerateMut, map[string]any{"id": s.id})
	c.fake.Reply = func(r llmfake.Request) llmfake.Script { return llmfake.Script{Tokens: []string{"Second ", "try."}} }
	if st := pick[string](t, c.bob.mustDo(t, regenerateMut, map[string]any{"id": reply}), "regenerateMessage.message.status"); st != "streaming" {
		t.Fatalf("regenerated: %s", st)
	}
	c.bob.expectErr(t, "CONFLICT", "", regenerateMut, map[string]any{"id": reply})
	e := w.next(t, 5*time.Second)
	for e.MessageID != reply {
		e = w.next(t, 5*time.Second)
	}
	if !e.Reset || e.Status != "streaming" {
		t.Fatalf("regenerated answer's first event: %+v", e)
	}
	if got := w.until(t, reply, 5*time.Second); got != "Second try." {
		t.Errorf("written again: %q", got)
	}
	c.bob.expectErr(t, "CONFLICT", "", regenerateMut, map[string]any{"id": reply}) // complete now
}

func TestProviderErrors(t *testing.T) {
	c := newChat(t, newTestEnv(t))
	for _, tc := range []struct{ content, want string }{
		{"@helper fail 503 provider overloaded", "the provider answered 503: provider overloaded"},
		{"@helper fail 429 Rate limit reached", "the provider answered 429: Rate limit reached"},
		{"@offline hi", "the agent @offline has no provider: a platform admin sets one"},
	} {
		s := send(t, c.bob, c.thread, tc.content)
		m := waitEnd(t, c.bob, s.replies[0].ID, 10*time.Second)
		if m.Status != "error" || m.Error != tc.want {
			t.Errorf("%q ended %s with %q, want ERROR with %q", tc.content, m.Status, m.Error, tc.want)
		}
	}
	// A wrong key: the provider's refusal in words, never the key.
	c.fake.Key = "sk-other"
	s := send(t, c.bob, c.thread, "@helper hi")
	m := waitEnd(t, c.bob, s.replies[0].ID, 10*time.Second)
	if m.Status != "error" || !strings.Contains(m.Error, "401") || strings.Contains(m.Error, "sk-fake") {
		t.Errorf("wrong key: %+v", m)
	}
	if strings.Contains(c.srv.Log.String(), "sk-fake-123") {
		t.Error("the API key is in the server's log")
	}
	// Errors are written again.
	c.fake.Key = "sk-fake-123"
	c.fake.Reply = func(r llmfake.Request) llmfake.Script { return llmfake.Script{Tokens: []string{"Fine now."}} }
	c.bob.mustDo(t, regenerateMut, map[string]any{"id": s.replies[0].ID})
	if m := waitEnd(t, c.bob, s.replies[0].ID, 10*time.Second); m.Status != "complete" || m.Content != "Fine now." || m.Error != "" {
		t.Errorf("regenerated after an error: %+v", m)
	}
}

func TestAnswerPermissions(t *testing.T) {
	c := newChat(t, newTestEnv(t))
	in := map[string]any{"in": map[string]any{"threadId": c.thread, "content": "hi"}}
	c.guest.expectErr(t, "FORBIDDEN", "", sendMessageMut, in)
	c.out.expectErr(t, "NOT_FOUND", "", sendMessageMut, in)
	anon := newClient(t, c.srv.URL, "anonymous")
	data, errs := anon.do(t, sendMessageMut, in)
	if len(errs) == 0 || errs[0].Extensions.Code != "UNAUTHENTICATED" {
		t.Errorf("anonymous send: %s %v", data, errs)
	}
	s := send(t, c.bob, c.thread, "hello")
	c.out.expectErr(t, "NOT_FOUND", "", regenerateMut, map[string]any{"id": s.replies[0].ID})
	c.out.expectErr(t, "NOT_FOUND", "", messageQuery, map[string]any{"id": s.id})
}

// TestAnswerOutlivesItsServer: a server killed mid-answer leaves the
// answer streaming with its last save; the next server to start ends it
// as interrupted. A server that shuts down ends its answers itself.
func TestAnswerOutlivesItsServer(t *testing.T) {
	env := newTestEnv(t)
	env["WOOW_ASSISTANT_HEARTBEAT"] = "100ms"
	c := newChat(t, env)
	c.srv.Stop(t)

	// Killed: the same installation in a child process, SIGKILLed.
	bin := buildWoow(t)
	p, err := startProcess(t, bin, "killed", env)
	if err != nil {
		t.Fatal(err)
	}
	bob := &account{client: newClient(t, p.URL, "bob"), email: c.bob.email}
	bob.setSessionCookie(t, c.bob.sessionCookie(t))
	s := send(t, bob, c.thread, "@helper slow 50 count 200")
	reply := s.replies[0].ID
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(readMessage(t, bob, reply).Content, "w10 ") { // saved
		if time.Now().After(deadline) {
			t.Fatal("nothing saved in 10 s")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := p.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-p.exited
	srv := startServer(t, env)
	bob = &account{client: newClient(t, srv.URL, "bob"), email: c.bob.email}
	bob.setSessionCookie(t, c.bob.sessionCookie(t))
	m := waitEnd(t, bob, reply, 10*time.Second)
	if m.Status != "error" || m.Error != "interrupted" || !strings.HasPrefix(words(200), m.Content) || !strings.Contains(m.Content, "w10 ") {
		t.Errorf("after the kill: %+v", m)
	}

	// Shut down: the answer ends at once, its text saved.
	s = send(t, bob, c.thread, "@helper slow 50 count 200")
	reply = s.replies[0].ID
	deadline = time.Now().Add(10 * time.Second)
	for !strings.Contains(readMessage(t, bob, reply).Content, "w3 ") {
		if time.Now().After(deadline) {
			t.Fatal("nothing saved in 10 s")
		}
		time.Sleep(20 * time.Millisecond)
	}
	srv.Stop(t)
	srv = startServer(t, env)
	bob = &account{client: newClient(t, srv.URL, "bob"), email: c.bob.email}
	bob.setSessionCookie(t, c.bob.sessionCookie(t))
	if m := readMessage(t, bob, reply); m.Status != "error" || m.Error != "interrupted" || !strings.Contains(m.Content, "w3 ") {
		t.Errorf("after a shutdown: %+v", m)
	}
}

// TestAnswersAcrossReplicas: on PostgreSQL, two servers share the
// installation. A subscriber on one follows an answer written on the
// other from the middle, and a cancel sent to one stops the answer the
// other writes.
func TestAnswersAcrossReplicas(t *testing.T) {
	if storetest.Dialect() != "postgres" {
		t.Skip("replicas share PostgreSQL; SQLite is one server")
	}
	env := newTestEnv(t)
	c := newChat(t, env) // replica A
	b := startServer(t, env)
	bobB := &account{client: newClient(t, b.URL, "bob@B"), email: c.bob.email}
	bobB.setSessionCookie(t, c.bob.sessionCookie(t))

	s := send(t, c.bob, c.thread, "@helper slow 20 count 80") // written on A
	reply := s.replies[0].ID
	wA := watch(t, c, c.bob, "A", c.thread, nil)
	wA.growUntil(t, reply, "w20 ", 10*time.Second)
	onB := &chat{srv: b}
	wB := watch(t, onB, c.bob, "B", c.thread, nil)
	first := wB.next(t, 5*time.Second)
	if first.MessageID != reply || !first.Reset || !strings.HasPrefix(words(80), first.Delta) {
		t.Fatalf("B's first event: %+v, want the text so far", first)
	}
	for _, w := range []*watcher{wA, wB} {
		if got := w.until(t, reply, 15*time.Second); got != words(80) {
			t.Errorf("%s: text %q", w.ws.name, got)
		}
	}

	// An answer started while B follows the thread: A sends the other
	// servers its pieces only once one asks, and B asks when it hears of
	// the answer. B gets every word, in order, while it is written.
	s = send(t, c.bob, c.thread, "@helper slow 20 count 60") // on A
	reply = s.replies[0].ID
	wB.growUntil(t, reply, "w30 ", 10*time.Second)
	if wB.status[reply] != "streaming" {
		t.Fatalf("B saw the answer only at its end (%s): A sent it no pieces", wB.status[reply])
	}
	for _, w := range []*watcher{wA, wB} {
		if got := w.until(t, reply, 15*time.Second); got != words(60) {
			t.Errorf("%s: text %q", w.ws.name, got)
		}
	}

	s = send(t, c.bob, c.thread, "@helper slow 100 count 50") // on A
	reply = s.replies[0].ID
	wA.growUntil(t, reply, "w3 ", 10*time.Second)
	kept := pick[stored](t, bobB.mustDo(t, cancelMut, map[string]any{"id": reply}), "cancelGeneration.message") // on B
	if kept.Status != "cancelled" || !strings.Contains(kept.Content, "w3 ") || kept.Content == words(50) {
		t.Fatalf("cancelled through B: %+v", kept)
	}
	if got := wA.until(t, reply, 5*time.Second); got != kept.Content {
		t.Errorf("A's stream ended with %q, want %q", got, kept.Content)
	}
	deadline := time.Now().Add(5 * time.Second)
	for c.fake.Cut() != 1 {
		if time.Now().After(deadline) {
			t.Fatalf("the provider's connection was not closed (cut %d)", c.fake.Cut())
		}
		time.Sleep(10 * time.Millisecond)
	}
}
