package mail

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/woowtech/woow-paas/mail/mailtest"
)

func TestNewSMTPParsesURLs(t *testing.T) {
	for _, tt := range []struct {
		url, from, addr string
		tls             bool
		user, pass      string
		err             string
	}{
		{url: "smtp://mail.example.com", from: "Woow <noreply@example.com>", addr: "mail.example.com:587"},
		{url: "smtps://u%40x:p%3Ass@mail.example.com", from: "noreply@example.com", addr: "mail.example.com:465", tls: true, user: "u@x", pass: "p:ss"},
		{url: "smtp://127.0.0.1:2525", from: "a@b.c", addr: "127.0.0.1:2525"},
		{url: "http://mail.example.com", from: "a@b.c", err: "scheme"},
		{url: "smtp://", from: "a@b.c", err: "no host"},
		{url: "smtp://mail.example.com", from: "", err: "WOOW_MAIL_FROM"},
		{url: "smtp://mail.example.com", from: "not an address", err: "WOOW_MAIL_FROM"},
	} {
		s, err := NewSMTP(tt.url, tt.from)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("NewSMTP(%q, %q) = %v, want an error about %s", tt.url, tt.from, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("NewSMTP(%q) = %v", tt.url, err)
			continue
		}
		if s.addr != tt.addr || s.tls != tt.tls || s.username != tt.user || s.password != tt.pass {
			t.Errorf("NewSMTP(%q) = %+v", tt.url, s)
		}
	}
}

func TestSMTPSendsToARealServer(t *testing.T) {
	srv := mailtest.Start(t)
	srv.RequireAuth = "woow:s3cret"
	s, err := NewSMTP("smtp://woow:s3cret@"+srv.Addr, "Woow PaaS <noreply@woow.test>")
	if err != nil {
		t.Fatal(err)
	}
	text := "Héllo,\nopen https://woow.test/invitation#token=abc_DEF-123 to join.\n" + strings.Repeat("long line ", 20) + "\n.\nend"
	err = s.Send(t.Context(), Message{To: "Ada <ada@example.com>", Subject: "Welcome\r\nBcc: evil@example.com to Wöow", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	m := srv.Next(t, 5*time.Second)
	if m.From != "noreply@woow.test" || len(m.To) != 1 || m.To[0] != "ada@example.com" {
		t.Errorf("envelope from %q to %v", m.From, m.To)
	}
	if m.Auth != "woow:s3cret" {
		t.Errorf("authenticated as %q", m.Auth)
	}
	// The line break in the subject did not become a header.
	if m.Header.Get("Bcc") != "" || strings.Contains(m.Raw, "\r\nBcc:") {
		t.Errorf("a header was injected: %q", m.Raw)
	}
	if got, _ := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject")); got != "Welcome  Bcc: evil@example.com to Wöow" {
		t.Errorf("subject %q", got)
	}
	if strings.TrimSuffix(m.Body, "\n") != text {
		t.Errorf("body %q, want %q", m.Body, text)
	}
	if m.Token() != "abc_DEF-123" {
		t.Errorf("token %q", m.Token())
	}
	if m.Header.Get("Message-Id") == "" || m.Header.Get("Date") == "" {
		t.Errorf("headers %v", m.Header)
	}

	// Wrong credentials: the server's refusal is the error.
	bad, _ := NewSMTP("smtp://woow:wrong@"+srv.Addr, "noreply@woow.test")
	if err := bad.Send(t.Context(), Message{To: "ada@example.com", Subject: "x", Text: "y"}); err == nil {
		t.Error("sent with wrong credentials")
	}
	// A bad recipient never reaches the server.
	if err := s.Send(t.Context(), Message{To: "ada@example.com\r\nRCPT TO:<x@y>", Subject: "x", Text: "y"}); err == nil {
		t.Error("sent to a malformed recipient")
	}
}

type fakeSender struct {
	fails atomic.Int32 // fail this many times first
	sent  chan Message
}

func (f *fakeSender) Send(_ context.Context, m Message) error {
	if f.fails.Add(-1) >= 0 {
		return errors.New("temporary failure")
	}
	f.sent <- m
	return nil
}

func TestOutboxRetriesAndBounds(t *testing.T) {
	f := &fakeSender{sent: make(chan Message, 10)}
	f.fails.Store(2)
	o := NewOutbox(f, slog.New(slog.NewTextHandler(io.Discard, nil)))
	o.retries = []time.Duration{time.Millisecond, time.Millisecond, time.Millisecond}
	if err := o.Post(Message{To: "a@b.c", Subject: "one"}); err != nil {
		t.Fatal(err)
	}
	go o.Run(t.Context())
	select {
	case m := <-f.sent:
		if m.Subject != "one" {
			t.Errorf("sent %q", m.Subject)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("not sent after two failures")
	}

	// Posting never waits: a full queue refuses.
	stuck := NewOutbox(f, nil)
	for range QueueSize {
		if err := stuck.Post(Message{}); err != nil {
			t.Fatal(err)
		}
	}
	if err := stuck.Post(Message{}); !errors.Is(err, ErrQueueFull) {
		t.Errorf("Post on a full queue = %v", err)
	}
	var none *Outbox
	if none.Enabled(t.Context()) || !errors.Is(none.Post(Message{}), ErrNotConfigured) {
		t.Error("a nil Outbox sends")
	}
}

// TestSTARTTLSRequired: links are credentials; a server that does not
// offer STARTTLS gets none, unless it is on this machine or the URL allows
// plain text.
func TestSTARTTLSRequired(t *testing.T) {
	for url, plain := range map[string]bool{
		"smtp://mail.example.com":                   false,
		"smtp://mail.example.com?starttls=required": false,
		"smtp://mail.example.com?starttls=optional": true,
		"smtp://127.0.0.1:2525":                     true,
		"smtp://localhost:2525":                     true,
		"smtp://[::1]:2525":                         true,
	} {
		s, err := NewSMTP(url, "a@b.c")
		if err != nil || s.plainOK != plain {
			t.Errorf("NewSMTP(%q): plain text allowed %v (%v), want %v", url, s != nil && s.plainOK, err, plain)
		}
	}
	if _, err := NewSMTP("smtp://mail.example.com?starttls=maybe", "a@b.c"); err == nil {
		t.Error("an unknown starttls value was accepted")
	}
	srv := mailtest.Start(t) // offers no STARTTLS
	s, err := NewSMTP(srv.URL(), "a@b.c")
	if err != nil {
		t.Fatal(err)
	}
	s.plainOK = false // as if it were elsewhere
	err = s.Send(t.Context(), Message{To: "x@y.z", Subject: "s", Text: "t"})
	if err == nil || !strings.Contains(err.Error(), "STARTTLS") {
		t.Fatalf("Send without STARTTLS = %v", err)
	}
	srv.Quiet(t, 100*time.Millisecond)
}

// TestLiveFollowsSettings: a Live sender reads its settings at each
// message, so a change applies to the next one; without settings the
// Outbox is not enabled and nothing is sent.
func TestLiveFollowsSettings(t *testing.T) {
	var cur atomic.Pointer[Settings]
	cur.Store(&Settings{})
	live := NewLive(func(context.Context) (Settings, error) { return *cur.Load(), nil })
	out := NewOutbox(live, slog.New(slog.NewTextHandler(io.Discard, nil)))
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	go out.Run(ctx)
	if out.Enabled(ctx) {
		t.Error("enabled without settings")
	}
	if err := live.Send(ctx, Message{To: "a@b.c"}); !errors.Is(err, ErrNotConfigured) {
		t.Errorf("Send without settings = %v", err)
	}
	cur.Store(&Settings{URL: "smtp://127.0.0.1:25"})
	if out.Enabled(ctx) {
		t.Error("enabled without a From address")
	}

	first, second := mailtest.Start(t), mailtest.Start(t)
	second.RequireAuth = "u:pw"
	cur.Store(&Settings{URL: first.URL(), From: "one@woow.test"})
	if !out.Enabled(ctx) {
		t.Fatal("not enabled with settings")
	}
	if err := out.Post(Message{To: "x@y.z", Subject: "first", Text: "t"}); err != nil {
		t.Fatal(err)
	}
	if m := first.Next(t, 5*time.Second); m.From != "one@woow.test" || m.Header.Get("Subject") != "first" {
		t.Errorf("first server got %+v", m)
	}
	cur.Store(&Settings{URL: "smtp://u:pw@" + second.Addr, From: "two@woow.test"})
	if err := out.Post(Message{To: "x@y.z", Subject: "second", Text: "t"}); err != nil {
		t.Fatal(err)
	}
	if m := second.Next(t, 5*time.Second); m.From != "two@woow.test" || m.Auth != "u:pw" {
		t.Errorf("second server got %+v", m)
	}
	first.Quiet(t, 100*time.Millisecond)
	if s := fmt.Sprint(Settings{URL: "smtp://u:pw@h", From: "f@x.y"}); strings.Contains(s, "pw") {
		t.Errorf("Settings print their URL: %s", s)
	}
}

func TestCheckURL(t *testing.T) {
	for raw, ok := range map[string]bool{
		"smtp://mail.example.com": true, "smtps://u:p@mail.example.com:465": true, "smtp://h?starttls=optional": true,
		"http://mail.example.com": false, "smtp://": false, "mail.example.com": false, "smtp://h:99999": false,
		"smtp://h?starttls=maybe": false, "smtp://u:secretpw@h:x": false,
	} {
		err := CheckURL(raw)
		if (err == nil) != ok {
			t.Errorf("CheckURL(%q) = %v", raw, err)
		}
		if err != nil && strings.Contains(err.Error(), "secretpw") {
			t.Errorf("the error quotes the password: %v", err)
		}
	}
}
