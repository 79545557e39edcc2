package assistant

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/aimessage"
	"github.com/woowtech/woow-paas/ent/predicate"
	"github.com/woowtech/woow-paas/llm"
	"github.com/woowtech/woow-paas/viewer"
)

// Config tunes generation; the zero value takes the defaults.
type Config struct {
	// FlushEvery is how often the text of the answers being written is
	// saved (default 250 ms), all in one transaction, or an answer's
	// sooner after FlushBytes more (2 KiB).
	FlushEvery time.Duration
	FlushBytes int
	// Heartbeat is how often a running answer marks itself alive
	// (default 5 s); one whose mark is older than Stale (default 20 s) was
	// left by a server that stopped, and is ended as interrupted.
	Heartbeat, Stale time.Duration
	// HistoryBytes bounds the thread's history sent with a question
	// (default 24,000 bytes, some 6,000 tokens); the newest is kept.
	HistoryBytes int
	// MaxAnswerBytes ends an answer that grows past it (default 256 KiB).
	MaxAnswerBytes int
	// MaxDuration ends an answer that takes longer (default 10 minutes).
	MaxDuration time.Duration
}

func (c *Config) defaults() {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&c.FlushEvery, 250*time.Millisecond)
	def(&c.Heartbeat, 5*time.Second)
	def(&c.Stale, 20*time.Second)
	def(&c.MaxDuration, 10*time.Minute)
	if c.FlushBytes <= 0 {
		c.FlushBytes = 2048
	}
	if c.HistoryBytes <= 0 {
		c.HistoryBytes = 24000
	}
	if c.MaxAnswerBytes <= 0 {
		c.MaxAnswerBytes = 256 << 10
	}
}

// Interrupted is the reason of an answer whose server stopped while it
// was being written.
const Interrupted = "interrupted"

// Why a generation ends before the provider finishes.
var (
	errCancelled = errors.New("cancelled")
	errShutdown  = errors.New(Interrupted)
	// errGone: the answer was ended or deleted elsewhere (a cancel whose
	// server did not answer, a deleted thread); nothing is left to write.
	errGone    = errors.New("the answer was ended elsewhere")
	errTooLong = errors.New("too long")
	errTooSlow = errors.New("too slow")
)

// controlTopic carries requests to the server writing an answer: stop it
// (cancel), or send the other servers its text so far and then its pieces
// (resync: a subscriber elsewhere follows it).
const controlTopic = "assistant.control"

type control struct {
	Op        string `json:"op"` // "cancel" or "resync"
	MessageID int    `json:"m"`
}

func threadTopic(id int) string { return "thread." + strconv.Itoa(id) + ".messages" }

// start is an answer to write: the stored reply and its agent.
type start struct {
	reply *ent.AIMessage
	agent *ent.AIAgent
}

// generation is an answer being written on this server. Its text grows
// under mu: each piece goes to this server's subscribers as it comes
// (append), the remote sender sends the other servers what is new once one
// of them follows the answer, and the saver stores it.
type generation struct {
	id, thread, attempt int
	cancel              context.CancelCauseFunc
	done                chan struct{}
	tracked             bool // counted in Service.running (track)

	mu         sync.Mutex
	text       []byte
	remote     bool // another server follows: send it the pieces
	sent       int  // sent to the other servers
	resync     bool // send the other servers the whole text again
	saved      int
	savedAt    time.Time
	failedAt   time.Time     // the last save that failed
	remoteWake chan struct{} // the remote sender's
}

func (g *generation) snapshot() []byte {
	g.mu.Lock()
	defer g.mu.Unlock()
	return append([]byte(nil), g.text...)
}

func poke(ch chan struct{}) {
	select {
	case ch <- struct{}{}:
	default:
	}
}

// announce tells the thread's subscribers about a stored message: its
// whole text, from the start.
func (s *Service) announce(ctx context.Context, m *ent.AIMessage) {
	s.publish(ctx, m.ThreadID, &Event{MessageID: m.ID, Attempt: m.Attempt, Delta: m.Content, Status: m.Status, Stored: true})
}

// publish tells the thread's subscribers about e: this server's at once,
// on the caller's goroutine (so one goroutine's events, a message stored
// and then the pieces of its answer, arrive in its order), then the other
// servers' over the bus.
func (s *Service) publish(ctx context.Context, thread int, e *Event) {
	s.stream.Deliver(thread, e)
	data, err := json.Marshal(e)
	if err == nil {
		err = s.bus.PublishRemote(context.WithoutCancel(ctx), threadTopic(thread), data)
	}
	if err != nil {
		s.log.WarnContext(ctx, "assistant: publishing a message event", "message_id", e.MessageID, "err", err)
	}
}

// begin starts writing an answer on this server, unless it is shutting
// down (then the answer ends as interrupted at once).
func (s *Service) begin(ctx context.Context, st start) {
	gctx, cancel := context.WithCancelCause(context.Background())
	g := &generation{id: st.reply.ID, thread: st.reply.ThreadID, attempt: st.reply.Attempt, cancel: cancel,
		done: make(chan struct{}), remoteWake: make(chan struct{}, 1), savedAt: time.Now()}
	if g.tracked = s.track(g); !g.tracked {
		cancel(errShutdown)
	}
	// Announced once it is known here: another server that hears of it
	// and asks for its pieces (resync) finds it.
	s.announce(ctx, st.reply)
	poke(s.saveNow) // the saver sleeps while nothing is being written
	go s.generate(gctx, g, st)
}

// track counts g among the answers being written here (Close waits for
// them), unless the service is closing: false then.
func (s *Service) track(g *generation) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closing {
		return false
	}
	// A regenerated answer's earlier generation may still be finishing:
	// it is no longer found by id, but it keeps its own count.
	s.gens[g.id] = g
	s.running.Add(1)
	return true
}

// untrack ends what track began.
func (s *Service) untrack(g *generation) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.gens[g.id] == g {
		delete(s.gens, g.id)
	}
	s.running.Done()
}

// generate writes one answer: asks the provider, publishes each piece as
// it comes (the saver stores the text in batches), and stores the end.
func (s *Service) generate(ctx context.Context, g *generation, st start) {
	defer func() {
		if g.tracked {
			s.untrack(g)
		}
		g.cancel(nil)
		close(g.done)
	}()
	ctx, stop := context.WithTimeoutCause(ctx, s.cfg.MaxDuration, errTooSlow)
	defer stop()
	var workers sync.WaitGroup
	workers.Add(1)
	finished := make(chan struct{})
	go func() { defer workers.Done(); s.remoteSender(g, finished) }()

	usage, err := s.ask(ctx, g, st)
	close(finished)
	workers.Wait() // every piece published before the end is
	if cause := context.Cause(ctx); err != nil && cause != nil {
		err = cause
	}
	status, reason := aimessage.StatusComplete, ""
	switch {
	case err == nil:
	case errors.Is(err, errGone):
		return
	case errors.Is(err, errCancelled):
		status = aimessage.StatusCancelled
	case errors.Is(err, errShutdown):
		status, reason = aimessage.StatusError, Interrupted
	case errors.Is(err, errTooLong):
		status, reason = aimessage.StatusError, fmt.Sprintf("the answer grew past %d KiB and was cut there", s.cfg.MaxAnswerBytes>>10)
	case errors.Is(err, errTooSlow):
		status, reason = aimessage.StatusError, fmt.Sprintf("the answer took longer than %s and was cut there", s.cfg.MaxDuration)
	default:
		status, reason = aimessage.StatusError, describe(err)
	}
	s.finish(g, status, reason, usage)
}

// describe is the reason of a failed call in words; the provider's own
// words for its refusals.
func describe(err error) string {
	var known *refusal
	if errors.As(err, &known) {
		return known.reason
	}
	return llm.Describe(err)
}

// refusal is a reason found before calling the provider (no provider,
// no key that opens).
type refusal struct{ reason string }

func (r *refusal) Error() string { return r.reason }

// finish stores the end of an answer, if it is still this generation's
// to end, and tells the subscribers with its whole text.
func (s *Service) finish(g *generation, status aimessage.Status, reason string, usage llm.Usage) {
	ctx, cancel := context.WithTimeout(viewer.System(context.Background()), 10*time.Second)
	defer cancel()
	text := g.snapshot()
	n, err := s.client.AIMessage.Update().
		Where(aimessage.ID(g.id), aimessage.StatusEQ(aimessage.StatusStreaming), aimessage.Attempt(g.attempt)).
		SetContent(string(text)).SetStatus(status).SetError(clip(reason, 2000)).
		SetPromptTokens(usage.PromptTokens).SetCompletionTokens(usage.CompletionTokens).Save(ctx)
	if err != nil {
		// Left streaming: the heartbeat stops, and the sweep ends it.
		s.log.Error("assistant: storing the end of an answer", "message_id", g.id, "err", err)
		return
	}
	if n == 0 {
		return // ended elsewhere, or deleted
	}
	s.publish(ctx, g.thread, &Event{MessageID: g.id, Attempt: g.attempt, Delta: string(text), Status: status, Stored: true})
}

func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// ask calls the provider with the agent's system prompt and the thread's
// history, and appends each piece to g.
func (s *Service) ask(ctx context.Context, g *generation, st start) (llm.Usage, error) {
	sys := viewer.System(ctx)
	a := st.agent
	if a.ProviderID == nil {
		return llm.Usage{}, &refusal{"the agent @" + a.Handle + " has no provider: a platform admin sets one"}
	}
	p, err := s.client.AIProvider.Get(sys, *a.ProviderID)
	if ent.IsNotFound(err) {
		return llm.Usage{}, &refusal{"the agent @" + a.Handle + "'s provider was removed"}
	}
	if err != nil {
		return llm.Usage{}, err
	}
	if !p.Active {
		return llm.Usage{}, &refusal{"the provider " + p.Name + " is turned off"}
	}
	ep, err := s.endpoint(p)
	if err != nil {
		return llm.Usage{}, err
	}
	msgs, err := s.history(sys, st.reply, a.SystemPrompt)
	if err != nil {
		return llm.Usage{}, err
	}
	model := a.Model
	if model == "" {
		model = p.DefaultModel
	}
	temp := p.Temperature
	if a.Temperature != nil {
		temp = *a.Temperature
	}
	return s.llm.Chat(ctx, ep, llm.Request{Model: model, Messages: msgs, MaxTokens: p.MaxTokens, Temperature: float32(temp)},
		func(piece string) error { return s.append(g, piece) })
}

// append adds a piece to the answer and hands it to this server's
// subscribers at once, on the goroutine reading the provider: no wake-up
// and no encoding between the provider's write and the subscribers'
// streams. It wakes the remote sender when another server follows (and
// the saver, after FlushBytes).
func (s *Service) append(g *generation, piece string) error {
	if strings.IndexByte(piece, 0) >= 0 {
		// PostgreSQL's text holds no NUL (and no client needs one): an
		// answer with one could never be saved.
		piece = strings.ReplaceAll(piece, "\x00", "")
	}
	if piece == "" {
		return nil
	}
	g.mu.Lock()
	if len(g.text)+len(piece) > s.cfg.MaxAnswerBytes {
		g.mu.Unlock()
		return errTooLong
	}
	from := len(g.text)
	g.text = append(g.text, piece...)
	full := len(g.text)-g.saved >= s.cfg.FlushBytes
	remote := g.remote
	g.mu.Unlock()
	s.stream.Deliver(g.thread, &Event{MessageID: g.id, Attempt: g.attempt, Offset: from, Delta: piece, Status: aimessage.StatusStreaming})
	if remote {
		poke(g.remoteWake)
	}
	if full {
		poke(s.saveNow)
	}
	return nil
}

// history is what the provider reads: the system prompt, then the
// thread's messages before the reply (people's, and answers that
// completed), newest kept within HistoryBytes.
func (s *Service) history(ctx context.Context, reply *ent.AIMessage, prompt string) ([]llm.Message, error) {
	budget := s.cfg.HistoryBytes
	var rev []llm.Message
	// Read newest first, a page at a time, until the budget is spent.
	before := reply.ID
	for budget > 0 {
		page, err := s.client.AIMessage.Query().
			Where(aimessage.ThreadID(reply.ThreadID), aimessage.IDLT(before)).
			Order(ent.Desc(aimessage.FieldID)).Limit(50).All(ctx)
		if err != nil {
			return nil, err
		}
		for _, m := range page {
			before = m.ID
			if m.Role == aimessage.RoleAssistant && m.Status != aimessage.StatusComplete || m.Content == "" {
				continue
			}
			role := "user"
			if m.Role == aimessage.RoleAssistant {
				role = "assistant"
			}
			content := m.Content
			if len(content) > budget {
				if len(rev) > 0 {
					budget = 0
					break
				}
				// The newest message alone is over budget: its end is kept.
				content = "…" + string([]rune(content[len(content)-budget:]))
			}
			budget -= len(content)
			rev = append(rev, llm.Message{Role: role, Content: content})
		}
		if len(page) < 50 {
			break
		}
	}
	out := make([]llm.Message, 0, len(rev)+1)
	if prompt != "" {
		out = append(out, llm.Message{Role: "system", Content: prompt})
	}
	for i := len(rev) - 1; i >= 0; i-- {
		out = append(out, rev[i])
	}
	return out, nil
}

// remoteSender sends the other servers what is new of g's text once one
// of them follows the answer (it asked for the text so far: resync), as
// fast as the bus carries it: several pieces in one when it is slower than
// the provider. Until then the pieces stay on this server, which saves a
// round trip through the database per piece when no other server has a
// subscriber of the thread. After finished it sends what is left and
// returns.
func (s *Service) remoteSender(g *generation, finished <-chan struct{}) {
	topic := threadTopic(g.thread)
	for {
		select {
		case <-g.remoteWake:
			s.sendRemote(topic, g)
		case <-finished:
			s.sendRemote(topic, g)
			return
		}
	}
}

// sendRemote sends the other servers what is new of g's text since the
// last send (all of it after a resync), if one follows it.
func (s *Service) sendRemote(topic string, g *generation) {
	g.mu.Lock()
	if !g.remote {
		g.mu.Unlock()
		return
	}
	from := g.sent
	if g.resync {
		from, g.resync = 0, false
	}
	delta := string(g.text[from:])
	g.sent = len(g.text)
	g.mu.Unlock()
	if delta == "" {
		return
	}
	data, _ := json.Marshal(&Event{MessageID: g.id, Attempt: g.attempt, Offset: from, Delta: delta, Status: aimessage.StatusStreaming})
	if err := s.bus.PublishRemote(context.Background(), topic, data); err != nil {
		s.log.Warn("assistant: sending an answer's pieces to the other servers", "message_id", g.id, "err", err)
	}
}

// maxSaveBatch bounds the answers saved in one transaction, so that a
// server writing thousands of answers holds no transaction for long.
const maxSaveBatch = 64

// saver stores the text of the answers being written here, in one
// transaction for all of them: every FlushEvery those that grew (and
// those whose heartbeat is due, Heartbeat after their last save), and at
// once those that grew by FlushBytes (append pokes saveNow). A hundred
// answers cost one commit per FlushEvery, not a hundred: on PostgreSQL
// each commit is a flush of the write-ahead log. It sleeps while no answer
// is being written here, and returns when ctx ends (Close ends the
// answers first).
func (s *Service) saver(ctx context.Context) {
	t := time.NewTimer(s.cfg.FlushEvery)
	defer t.Stop()
	armed := true // t runs
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			armed = false
			if s.saveAll(ctx, true) {
				t.Reset(s.cfg.FlushEvery)
				armed = true
			}
		case <-s.saveNow: // an answer began, or one grew by FlushBytes
			if s.saveAll(ctx, false) && !armed {
				t.Reset(s.cfg.FlushEvery)
				armed = true
			}
		}
	}
}

// saving is one answer's text to store.
type saving struct {
	g    *generation
	text string
}

// saveAll stores the text of the answers being written here that grew
// (all: every such one, and those whose heartbeat is due; else only those
// FlushBytes ahead of their last save) and stops those that are no longer
// this server's to write. busy: answers are being written here.
func (s *Service) saveAll(ctx context.Context, all bool) (busy bool) {
	s.mu.Lock()
	gens := make([]*generation, 0, len(s.gens))
	for _, g := range s.gens {
		gens = append(gens, g)
	}
	s.mu.Unlock()
	now := time.Now()
	var due []saving
	for _, g := range gens {
		g.mu.Lock()
		grown := len(g.text) - g.saved
		if grown >= s.cfg.FlushBytes && now.After(g.failedAt.Add(s.cfg.FlushEvery)) ||
			all && (grown > 0 || now.Sub(g.savedAt) >= s.cfg.Heartbeat) {
			due = append(due, saving{g, string(g.text)})
		}
		g.mu.Unlock()
	}
	// In one order, so that two servers' or a delete's row locks cannot
	// wait on each other in a cycle.
	slices.SortFunc(due, func(a, b saving) int { return a.g.id - b.g.id })
	for len(due) > 0 {
		n := min(len(due), maxSaveBatch)
		if err := s.save(ctx, due[:n]); err != nil {
			// One answer the database refuses must not keep the others
			// unsaved (and so without a heartbeat): each on its own.
			for _, one := range due[:n] {
				if n > 1 {
					err = s.save(ctx, []saving{one})
				}
				if err != nil {
					s.log.Warn("assistant: saving an answer being written", "message_id", one.g.id, "err", err)
					one.g.mu.Lock()
					one.g.failedAt = now // pokes wait FlushEvery before trying again
					one.g.mu.Unlock()
				}
			}
		}
		due = due[n:]
	}
	return len(gens) > 0
}

// save stores batch in one transaction; an answer no longer streaming in
// this attempt (ended or deleted elsewhere) has its generation stopped.
func (s *Service) save(ctx context.Context, batch []saving) error {
	wctx, cancel := context.WithTimeout(viewer.System(context.WithoutCancel(ctx)), 10*time.Second)
	defer cancel()
	tx, err := s.client.Tx(wctx)
	if err != nil {
		return err
	}
	gone := make([]bool, len(batch))
	for i, b := range batch {
		n, err := tx.AIMessage.Update().
			Where(aimessage.ID(b.g.id), aimessage.StatusEQ(aimessage.StatusStreaming), aimessage.Attempt(b.g.attempt)).
			SetContent(b.text).Save(wctx)
		if err != nil {
			_ = tx.Rollback()
			return err
		}
		gone[i] = n == 0
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	now := time.Now()
	for i, b := range batch {
		if gone[i] {
			b.g.cancel(errGone)
			continue
		}
		b.g.mu.Lock()
		b.g.saved, b.g.savedAt = len(b.text), now
		b.g.mu.Unlock()
	}
	return nil
}

// Start saves the answers being written here (saver), listens for
// cancels and resyncs meant for them, and ends the answers left streaming
// by a server that stopped, now and every Heartbeat, until Close.
func (s *Service) Start(ctx context.Context) {
	ctx, cancel := context.WithCancel(ctx)
	s.stop = cancel
	controls := s.bus.Subscribe(ctx, controlTopic)
	s.bg.Add(3)
	go func() { defer s.bg.Done(); s.saver(ctx) }()
	go func() {
		defer s.bg.Done()
		for m := range controls {
			var c control
			if json.Unmarshal(m.Data, &c) != nil {
				continue
			}
			s.mu.Lock()
			g := s.gens[c.MessageID]
			s.mu.Unlock()
			if g == nil {
				continue
			}
			switch c.Op {
			case "cancel":
				g.cancel(errCancelled)
			case "resync":
				g.mu.Lock()
				g.remote, g.resync = true, true
				g.mu.Unlock()
				poke(g.remoteWake)
			}
		}
	}()
	go func() {
		defer s.bg.Done()
		t := time.NewTicker(s.cfg.Heartbeat)
		defer t.Stop()
		for {
			if err := s.sweep(ctx); err != nil && ctx.Err() == nil {
				s.log.Warn("assistant: ending interrupted answers", "err", err)
			}
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
	}()
}

// sweep ends as interrupted the answers whose heartbeat stopped.
func (s *Service) sweep(ctx context.Context) error {
	sys := viewer.System(ctx)
	stale, err := s.client.AIMessage.Query().
		Where(aimessage.StatusEQ(aimessage.StatusStreaming), aimessage.UpdatedAtLT(time.Now().Add(-s.cfg.Stale))).
		Limit(500).All(sys)
	if err != nil {
		return err
	}
	for _, m := range stale {
		s.mu.Lock()
		_, mine := s.gens[m.ID]
		s.mu.Unlock()
		if mine {
			continue
		}
		if err := s.end(sys, m, aimessage.StatusError, Interrupted, aimessage.UpdatedAtLT(time.Now().Add(-s.cfg.Stale))); err != nil {
			return err
		}
	}
	return nil
}

// end stores the end of m, left streaming by a server that stopped, with
// the text it saved (if m is still streaming and meets the conditions),
// and tells its subscribers.
func (s *Service) end(ctx context.Context, m *ent.AIMessage, status aimessage.Status, reason string, cond ...predicate.AIMessage) error {
	n, err := s.client.AIMessage.Update().
		Where(aimessage.ID(m.ID), aimessage.StatusEQ(aimessage.StatusStreaming), aimessage.Attempt(m.Attempt)).
		Where(cond...).
		SetStatus(status).SetError(reason).Save(viewer.System(ctx))
	if err != nil || n == 0 {
		return err
	}
	s.log.Info("assistant: an answer was ended", "message_id", m.ID, "status", status, "reason", reason)
	s.publish(ctx, m.ThreadID, &Event{MessageID: m.ID, Attempt: m.Attempt, Delta: m.Content, Status: status, Stored: true})
	return nil
}

// cancel stops m's generation: here, or on the server writing it, which
// is asked on the bus. When no server answers within a few seconds (it
// stopped), m is ended here as cancelled with the text saved.
func (s *Service) cancel(ctx context.Context, m *ent.AIMessage) error {
	s.mu.Lock()
	g := s.gens[m.ID]
	s.mu.Unlock()
	wait := 5 * time.Second
	if g != nil {
		g.cancel(errCancelled)
		select {
		case <-g.done:
			return nil
		case <-time.After(wait):
			return fmt.Errorf("assistant: answer %d did not stop within %s", m.ID, wait)
		}
	}
	wctx, stop := context.WithTimeout(context.WithoutCancel(ctx), wait)
	defer stop()
	ended := s.bus.Subscribe(wctx, threadTopic(m.ThreadID))
	data, _ := json.Marshal(control{Op: "cancel", MessageID: m.ID})
	if err := s.bus.Publish(wctx, controlTopic, data); err != nil {
		return err
	}
	for msg := range ended {
		var e Event
		if json.Unmarshal(msg.Data, &e) == nil && e.MessageID == m.ID && e.Status != aimessage.StatusStreaming {
			return nil
		}
	}
	cur, err := s.client.AIMessage.Get(viewer.System(ctx), m.ID)
	if err != nil || cur.Status != aimessage.StatusStreaming {
		return err
	}
	return s.end(ctx, cur, aimessage.StatusCancelled, "")
}

// Close ends the answers being written here as interrupted, saving their
// text, and stops listening. Answers started after it end at once.
func (s *Service) Close() {
	s.mu.Lock()
	s.closing = true
	for _, g := range s.gens {
		g.cancel(errShutdown)
	}
	s.mu.Unlock()
	s.running.Wait()
	if s.stop != nil {
		s.stop()
	}
	s.bg.Wait()
}
