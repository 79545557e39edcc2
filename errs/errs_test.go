package errs_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/woowtech/woow-paas/errs"
)

func TestPublic(t *testing.T) {
	domain := errs.InvalidField("email", "bad address")
	internal := &errs.Error{Code: errs.Internal, Message: errs.InternalMessage}
	for _, tt := range []struct {
		name string
		err  error
		want *errs.Error
	}{
		{"nil", nil, nil},
		{"domain error", domain, domain},
		{"wrapped domain error", fmt.Errorf("load: %w", domain), domain},
		{"foreign error", context.DeadlineExceeded, internal},
		{"internal domain error", errs.E(errs.Internal, "disk on fire"), internal},
		{"no code", &errs.Error{Message: "who knows"}, internal},
		{"joined", errors.Join(errors.New("first"), domain), domain},
		{"nil *Error", (*errs.Error)(nil), internal},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := errs.Public(tt.err)
			if (got == nil) != (tt.want == nil) || got != nil && *got != *tt.want {
				t.Errorf("Public(%v) = %+v, want %+v", tt.err, got, tt.want)
			}
		})
	}
}

func TestCodeOf(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want errs.Code
	}{
		{nil, ""},
		{errs.E(errs.NotFound, "gone"), errs.NotFound},
		{fmt.Errorf("x: %w", errs.E(errs.Conflict, "taken")), errs.Conflict},
		{errors.New("plain"), errs.Internal},
	} {
		if got := errs.CodeOf(tt.err); got != tt.want {
			t.Errorf("CodeOf(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
}

func TestClientGone(t *testing.T) {
	live := context.Background()
	gone, cancel := context.WithCancel(live)
	cancel()
	timedOut, stop := context.WithTimeout(live, 0)
	defer stop()
	<-timedOut.Done()
	for _, tt := range []struct {
		name string
		ctx  context.Context
		err  error
		want bool
	}{
		{"the request was cancelled", gone, fmt.Errorf("query: %w", context.Canceled), true},
		{"cancelled inside, the request live", live, context.Canceled, false},
		{"timed out", timedOut, context.DeadlineExceeded, false},
		{"another error of a cancelled request", gone, errors.New("disk full"), false},
		{"no error", gone, nil, false},
	} {
		if got := errs.ClientGone(tt.ctx, tt.err); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}
