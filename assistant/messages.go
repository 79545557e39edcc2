package assistant

import (
	"context"
	"regexp"
	"strings"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/aiagent"
	"github.com/woowtech/woow-paas/ent/aimessage"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/idempotency"
	"github.com/woowtech/woow-paas/names"
	"github.com/woowtech/woow-paas/policy"
	"github.com/woowtech/woow-paas/viewer"
)

// Limits of a message and of what one may start.
const (
	// MaxMessageRunes is the longest message a member may send.
	MaxMessageRunes = 32000
	// MaxMentions is how many agents one message may call on.
	MaxMentions = 5
	// MaxRunningPerWorkspace is how many answers a workspace may have
	// being written at once: each holds a connection to a provider.
	MaxRunningPerWorkspace = 16
)

// mention is @handle after the start or a character that cannot precede
// a handle in an e-mail address or a word ("bob@helper.com" mentions no
// one). The handle is taken whole: [a-z0-9_-] runs to its end.
var mention = regexp.MustCompile(`(?:^|[^\p{L}\p{N}_.@+\-])@([a-zA-Z][a-zA-Z0-9_\-]{0,49})`)

// Mentions lists the handles mentioned in content, lower-cased, each
// once, in order of first mention.
func Mentions(content string) []string {
	var out []string
	for _, m := range mention.FindAllStringSubmatch(content, -1) {
		h := strings.ToLower(m[1])
		if !contains(out, h) {
			out = append(out, h)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// SendMessage stores the viewer's message in a thread (members from user
// up) and starts the answers it calls for: each agent mentioned, in order
// of first mention, or, with none and auto-reply on, the thread's default
// agent (the platform's default when the thread names none). The replies
// are returned in streaming status; they are written in the background.
func (s *Service) SendMessage(ctx context.Context, threadID int, content string, idempotencyKey *string) (*ent.AIMessage, []*ent.AIMessage, error) {
	v, err := viewer.Required(ctx)
	if err != nil {
		return nil, nil, err
	}
	th, err := thread(ctx, s.client, threadID)
	if err != nil {
		return nil, nil, err
	}
	if err := policy.Can(ctx, s.client, th.WorkspaceID, policy.Chat); err != nil {
		return nil, nil, err
	}
	key := deref(idempotencyKey)
	if err := idempotency.Check("idempotencyKey", key); err != nil {
		return nil, nil, err
	}
	if strings.TrimSpace(content) == "" {
		return nil, nil, errs.InvalidField("content", "a message needs some text")
	}
	content, err = names.Text("content", "message", content, MaxMessageRunes)
	if err != nil {
		return nil, nil, err
	}
	var msg *ent.AIMessage
	var replies []*ent.AIMessage
	var starts []start
	fresh := false
	err = s.tx(ctx, func(ctx context.Context, c *ent.Client) error {
		if id, err := idempotency.Earlier(ctx, c, "sendMessage", key); err != nil || id != 0 {
			if err == nil {
				msg, replies, err = s.earlier(ctx, c, id)
			}
			return err
		}
		agents, err := s.answering(ctx, c, th, content)
		if err != nil {
			return err
		}
		if len(agents) > 0 {
			running, err := c.AIMessage.Query().Where(aimessage.WorkspaceID(th.WorkspaceID),
				aimessage.StatusEQ(aimessage.StatusStreaming)).Count(viewer.System(ctx))
			if err != nil {
				return err
			}
			if running+len(agents) > MaxRunningPerWorkspace {
				return errs.E(errs.Conflict, "%d answers are being written in this workspace: wait for one to finish", running)
			}
		}
		msg, err = c.AIMessage.Create().SetWorkspaceID(th.WorkspaceID).SetThreadID(th.ID).
			SetRole(aimessage.RoleUser).SetAuthorUserID(v.UserID).SetContent(content).
			SetStatus(aimessage.StatusComplete).Save(ctx)
		if err != nil {
			return err
		}
		for _, a := range agents {
			r, err := c.AIMessage.Create().SetWorkspaceID(th.WorkspaceID).SetThreadID(th.ID).
				SetRole(aimessage.RoleAssistant).SetAuthorAgentID(a.ID).
				SetStatus(aimessage.StatusStreaming).Save(ctx)
			if err != nil {
				return err
			}
			replies = append(replies, r)
			starts = append(starts, start{reply: r, agent: a})
		}
		if err := c.AIThread.UpdateOneID(th.ID).Exec(ctx); err != nil { // the thread's updatedAt
			return err
		}
		if err := idempotency.Remember(ctx, c, "sendMessage", key, msg.ID); err != nil {
			return err
		}
		fresh = true
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	// Read in the transaction: unwrapped, their edges load outside it.
	msg = msg.Unwrap()
	for i := range replies {
		replies[i] = replies[i].Unwrap()
	}
	if fresh { // committed: now others may hear of it
		s.announce(ctx, msg)
		for _, st := range starts {
			s.begin(ctx, st)
		}
	}
	if replies == nil {
		replies = []*ent.AIMessage{}
	}
	return msg, replies, nil
}

// earlier is what an earlier sendMessage with the same key returned: the
// message and the answers that follow it up to the next message of a
// person.
func (s *Service) earlier(ctx context.Context, c *ent.Client, id int) (*ent.AIMessage, []*ent.AIMessage, error) {
	msg, err := c.AIMessage.Get(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	after, err := c.AIMessage.Query().Where(aimessage.ThreadID(msg.ThreadID), aimessage.IDGT(id)).
		Order(ent.Asc(aimessage.FieldID)).Limit(MaxMentions + 1).All(ctx)
	if err != nil {
		return nil, nil, err
	}
	replies := []*ent.AIMessage{}
	for _, m := range after {
		if m.Role != aimessage.RoleAssistant {
			break
		}
		replies = append(replies, m)
	}
	return msg, replies, nil
}

// answering lists the agents that answer content in th: those mentioned
// (active ones; unknown handles are text), else the default agent when
// auto-reply is on.
func (s *Service) answering(ctx context.Context, c *ent.Client, th *ent.AIThread, content string) ([]*ent.AIAgent, error) {
	sys := viewer.System(ctx)
	handles := Mentions(content)
	if len(handles) > 0 {
		found, err := c.AIAgent.Query().Where(aiagent.HandleIn(handles...), aiagent.Active(true)).All(sys)
		if err != nil {
			return nil, err
		}
		var out []*ent.AIAgent
		for _, h := range handles {
			for _, a := range found {
				if a.Handle == h {
					out = append(out, a)
				}
			}
		}
		if len(out) > MaxMentions {
			return nil, errs.InvalidField("content", "a message may call on at most %d agents", MaxMentions)
		}
		if len(out) > 0 {
			return out, nil
		}
	}
	if !th.AutoReply {
		return nil, nil
	}
	q := c.AIAgent.Query().Where(aiagent.Active(true))
	if th.DefaultAgentID != nil {
		q = q.Where(aiagent.ID(*th.DefaultAgentID))
	} else {
		q = q.Where(aiagent.IsDefault(true))
	}
	a, err := q.First(sys)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return []*ent.AIAgent{a}, nil
}

// message reads a message through the privacy layer: another
// workspace's does not exist.
func message(ctx context.Context, c *ent.Client, id int) (*ent.AIMessage, error) {
	m, err := c.AIMessage.Get(ctx, id)
	if ent.IsNotFound(err) {
		return nil, errs.E(errs.NotFound, "message not found")
	}
	return m, err
}

// Regenerate writes again an answer that ended in error or was cancelled
// (members from user up), in its place: the same message starts over.
func (s *Service) Regenerate(ctx context.Context, id int) (*ent.AIMessage, error) {
	m, err := message(ctx, s.client, id)
	if err != nil {
		return nil, err
	}
	if err := policy.Can(ctx, s.client, m.WorkspaceID, policy.Chat); err != nil {
		return nil, err
	}
	if m.Role != aimessage.RoleAssistant || m.AuthorAgentID == nil {
		return nil, errs.InvalidField("messageId", "only an agent's answer can be written again")
	}
	if m.Status != aimessage.StatusError && m.Status != aimessage.StatusCancelled {
		return nil, errs.E(errs.Conflict, "only an answer that failed or was stopped can be written again; this one is %s", m.Status)
	}
	a, err := s.client.AIAgent.Get(viewer.System(ctx), *m.AuthorAgentID)
	if ent.IsNotFound(err) {
		return nil, errs.E(errs.Conflict, "the agent that wrote this answer was removed")
	}
	if err != nil {
		return nil, err
	}
	var out *ent.AIMessage
	err = s.tx(ctx, func(ctx context.Context, c *ent.Client) error {
		running, err := c.AIMessage.Query().Where(aimessage.WorkspaceID(m.WorkspaceID),
			aimessage.StatusEQ(aimessage.StatusStreaming)).Count(viewer.System(ctx))
		if err != nil {
			return err
		}
		if running >= MaxRunningPerWorkspace {
			return errs.E(errs.Conflict, "%d answers are being written in this workspace: wait for one to finish", running)
		}
		// Only from the state read: two presses start one answer.
		n, err := c.AIMessage.Update().Where(aimessage.ID(id), aimessage.StatusIn(aimessage.StatusError, aimessage.StatusCancelled),
			aimessage.Attempt(m.Attempt)).
			SetStatus(aimessage.StatusStreaming).SetContent("").SetError("").SetPromptTokens(0).
			SetCompletionTokens(0).SetAttempt(m.Attempt + 1).Save(viewer.System(ctx))
		if err != nil {
			return err
		}
		if n == 0 {
			return errs.E(errs.Conflict, "the answer is being written again already")
		}
		out, err = c.AIMessage.Get(ctx, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	out = out.Unwrap()
	s.begin(ctx, start{reply: out, agent: a})
	return out, nil
}

// CancelGeneration stops an answer being written, on whichever server
// writes it, and returns it as kept: cancelled, with the text so far
// (members from user up). An answer that has ended already is returned
// as it is.
func (s *Service) CancelGeneration(ctx context.Context, id int) (*ent.AIMessage, error) {
	m, err := message(ctx, s.client, id)
	if err != nil {
		return nil, err
	}
	if err := policy.Can(ctx, s.client, m.WorkspaceID, policy.Chat); err != nil {
		return nil, err
	}
	if m.Role != aimessage.RoleAssistant {
		return nil, errs.InvalidField("messageId", "only an agent's answer can be stopped")
	}
	if m.Status != aimessage.StatusStreaming {
		return m, nil
	}
	if err := s.cancel(ctx, m); err != nil {
		return nil, err
	}
	return message(ctx, s.client, id)
}

// StoredMessage is the stored message an event shows: on the events that
// start and end a message, read with the subscriber's rights (nil when it
// is gone).
func (s *Service) StoredMessage(ctx context.Context, e *Event) (*ent.AIMessage, error) {
	if !e.Stored {
		return nil, nil
	}
	m, err := s.client.AIMessage.Get(ctx, e.MessageID)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	return m, err
}
