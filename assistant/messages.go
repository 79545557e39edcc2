package assistant

import (
	"context"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/errs"
)

// SendMessage stores a message and starts the answers it calls for.
func (s *Service) SendMessage(ctx context.Context, threadID int, content string, idempotencyKey *string) (*ent.AIMessage, []*ent.AIMessage, error) {
	return nil, nil, errs.E(errs.Internal, "not yet")
}

// CancelGeneration stops an answer being written.
func (s *Service) CancelGeneration(ctx context.Context, id int) (*ent.AIMessage, error) {
	return nil, errs.E(errs.Internal, "not yet")
}

// Regenerate writes an answer again.
func (s *Service) Regenerate(ctx context.Context, id int) (*ent.AIMessage, error) {
	return nil, errs.E(errs.Internal, "not yet")
}

// StoredMessage is the message an event shows.
func (s *Service) StoredMessage(ctx context.Context, e *Event) (*ent.AIMessage, error) {
	return nil, nil
}

// Stream follows a thread's messages.
func (s *Service) Stream(ctx context.Context, threadID int, after *int) (<-chan *Event, error) {
	return nil, errs.E(errs.Internal, "not yet")
}
