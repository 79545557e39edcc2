// Package mail sends the platform's e-mail (invitation and password reset
// links) through an SMTP server configured by URL.
//
// Messages go through an Outbox: posting never waits for the SMTP server
// (a request must not take as long as a mail server, and how long it takes
// must not tell whether an account exists), a bounded queue holds what is
// waiting, and failed deliveries are retried a few times and then logged.
// The queue lives in memory: what is waiting when the server stops is lost,
// and the links can be asked for again (a new invitation link, a new reset
// request). Message bodies carry secrets (links with tokens) and are never
// logged.
package mail

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/tls"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"net/smtp"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/woowtech/woow-paas/names"
)

// Message is one plain-text e-mail to one recipient.
type Message struct {
	To      string
	Subject string
	Text    string
}

// SMTP delivers messages to one SMTP server.
type SMTP struct {
	addr string // host:port
	host string
	tls  bool // implicit TLS (smtps://); otherwise STARTTLS
	// plainOK allows a server without STARTTLS (loopback, or asked for).
	plainOK  bool
	username string
	password string
	from     *mail.Address
	timeout  time.Duration
	// TLSConfig is used for TLS and STARTTLS; tests trust their own CA.
	TLSConfig *tls.Config
}

// NewSMTP parses an SMTP URL, smtp://[user:password@]host[:port]
// (STARTTLS, required: port 587 by default) or smtps://... (TLS from the
// first byte; port 465), and the From address. The links e-mailed are
// credentials, so a server that does not offer STARTTLS is refused, unless
// it is on this machine (loopback) or the URL says ?starttls=optional (a
// relay on a network you trust). Errors name the variables
// (WOOW_SMTP_URL, WOOW_MAIL_FROM) and never quote the URL: it may hold a
// password.
func NewSMTP(rawURL, from string) (*SMTP, error) {
	u, err := parseURL(rawURL)
	if err != nil {
		return nil, fmt.Errorf("WOOW_SMTP_URL: %w", err)
	}
	s := &SMTP{timeout: 30 * time.Second, host: u.Hostname()}
	port := "587"
	if u.Scheme == "smtps" {
		s.tls, port = true, "465"
	}
	if p := u.Port(); p != "" {
		port = p
	}
	s.addr = net.JoinHostPort(s.host, port)
	if u.Query().Get("starttls") == "optional" {
		s.plainOK = true
	} else {
		ip, err := net.ResolveIPAddr("ip", s.host)
		s.plainOK = s.host == "localhost" || (err == nil && ip.IP.IsLoopback())
	}
	if u.User != nil {
		s.username = u.User.Username()
		s.password, _ = u.User.Password()
	}
	if s.from, err = ParseFrom(from); err != nil {
		return nil, fmt.Errorf("WOOW_MAIL_FROM: %w", err)
	}
	return s, nil
}

// CheckURL tells whether raw is an SMTP URL NewSMTP takes, without
// looking anything up; its error never quotes the URL (it may hold a
// password).
func CheckURL(raw string) error {
	_, err := parseURL(raw)
	return err
}

func parseURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, errors.New("not a URL: want smtp://[user:password@]host[:port] or smtps://...")
	}
	switch u.Scheme {
	case "smtp", "smtps":
	default:
		return nil, errors.New("the scheme must be smtp or smtps (smtp://[user:password@]host[:port])")
	}
	if u.Hostname() == "" {
		return nil, errors.New("no host: want smtp://[user:password@]host[:port]")
	}
	if p := u.Port(); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
			return nil, errors.New("the port must be a number from 1 to 65535")
		}
	}
	switch u.Query().Get("starttls") {
	case "", "required", "optional":
	default:
		return nil, errors.New("starttls must be required or optional")
	}
	return u, nil
}

// ParseFrom reads a From address such as "Woow <noreply@example.com>".
// The sender's name is shown in every inbox, so it follows the rule of
// every name (names.Unsafe), encoded words (=?utf-8?q?...?=) decoded.
func ParseFrom(from string) (*mail.Address, error) {
	if strings.TrimSpace(from) == "" {
		return nil, errors.New("set the address mail is sent from")
	}
	a, err := mail.ParseAddress(from)
	if err != nil {
		return nil, fmt.Errorf("want an address such as \"Woow <noreply@example.com>\": %w", err)
	}
	if strings.ContainsFunc(a.Name, func(r rune) bool { return names.Unsafe(r, false) }) {
		return nil, errors.New("the sender's name cannot contain control characters or text direction overrides")
	}
	return a, nil
}

// Send delivers m, or says why not.
func (s *SMTP) Send(ctx context.Context, m Message) error {
	to, err := mail.ParseAddress(m.To)
	if err != nil {
		return fmt.Errorf("recipient: %w", err)
	}
	body, err := s.compose(to, m)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	conn, err := s.dial(ctx)
	if err != nil {
		return err
	}
	// The deadline covers the whole exchange; ctx ending closes it.
	deadline, _ := ctx.Deadline()
	_ = conn.SetDeadline(deadline)
	stop := context.AfterFunc(ctx, func() { _ = conn.Close() })
	defer stop()
	c, err := smtp.NewClient(conn, s.host)
	if err != nil {
		conn.Close()
		return err
	}
	defer c.Close()
	if err := c.Hello("localhost"); err != nil {
		return err
	}
	if !s.tls {
		if ok, _ := c.Extension("STARTTLS"); ok {
			if err := c.StartTLS(s.tlsConfig()); err != nil {
				return fmt.Errorf("STARTTLS: %w", err)
			}
		} else if !s.plainOK {
			return errors.New("the SMTP server does not offer STARTTLS: the links would travel in plain text (add ?starttls=optional to WOOW_SMTP_URL to allow it)")
		}
	}
	if s.username != "" {
		// PlainAuth refuses to send the password over a connection that
		// is neither TLS nor to localhost.
		if err := c.Auth(smtp.PlainAuth("", s.username, s.password, s.host)); err != nil {
			return fmt.Errorf("authenticating: %w", err)
		}
	}
	if err := c.Mail(s.from.Address); err != nil {
		return err
	}
	if err := c.Rcpt(to.Address); err != nil {
		return err
	}
	w, err := c.Data()
	if err != nil {
		return err
	}
	if _, err := w.Write(body); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return c.Quit()
}

func (s *SMTP) tlsConfig() *tls.Config {
	if s.TLSConfig != nil {
		cfg := s.TLSConfig.Clone()
		if cfg.ServerName == "" {
			cfg.ServerName = s.host
		}
		return cfg
	}
	return &tls.Config{ServerName: s.host, MinVersion: tls.VersionTLS12}
}

func (s *SMTP) dial(ctx context.Context) (net.Conn, error) {
	if s.tls {
		d := &tls.Dialer{Config: s.tlsConfig()}
		return d.DialContext(ctx, "tcp", s.addr)
	}
	var d net.Dialer
	return d.DialContext(ctx, "tcp", s.addr)
}

// compose writes the message: headers encoded for non-ASCII text, the body
// as quoted-printable UTF-8. Header values come from parsed addresses and a
// subject without line breaks, so nothing can inject a header.
func (s *SMTP) compose(to *mail.Address, m Message) ([]byte, error) {
	var id [12]byte
	_, _ = rand.Read(id[:])
	domain := s.from.Address[strings.LastIndexByte(s.from.Address, '@')+1:]
	subject := strings.Map(func(r rune) rune {
		if r == '\r' || r == '\n' {
			return ' '
		}
		return r
	}, m.Subject)
	var b bytes.Buffer
	fmt.Fprintf(&b, "From: %s\r\n", s.from.String())
	fmt.Fprintf(&b, "To: %s\r\n", to.String())
	fmt.Fprintf(&b, "Subject: %s\r\n", mime.QEncoding.Encode("utf-8", subject))
	fmt.Fprintf(&b, "Date: %s\r\n", time.Now().UTC().Format(time.RFC1123Z))
	fmt.Fprintf(&b, "Message-ID: <%s@%s>\r\n", hex.EncodeToString(id[:]), domain)
	b.WriteString("MIME-Version: 1.0\r\n")
	b.WriteString("Content-Type: text/plain; charset=utf-8\r\n")
	b.WriteString("Content-Transfer-Encoding: quoted-printable\r\n\r\n")
	qp := quotedprintable.NewWriter(&b)
	if _, err := qp.Write([]byte(strings.ReplaceAll(m.Text, "\n", "\r\n"))); err != nil {
		return nil, err
	}
	if err := qp.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Sender delivers one message; *SMTP is the real one.
type Sender interface {
	Send(ctx context.Context, m Message) error
}

// ErrNotConfigured is what a nil Outbox, or a Live sender without
// settings, answers: the server has no SMTP server to send through.
var ErrNotConfigured = errors.New("mail: no SMTP server configured (the platform settings, or WOOW_SMTP_URL and WOOW_MAIL_FROM)")

// ErrQueueFull is what Post answers when too many messages are waiting.
var ErrQueueFull = errors.New("mail: too many messages waiting")

// Outbox sends messages in the background, one at a time. A nil *Outbox
// is a server without mail: Post answers ErrNotConfigured. A message whose
// delivery failed waits for its retry on a timer, not in the worker, so a
// failing message does not hold up the others.
type Outbox struct {
	sender  Sender
	queue   chan queued
	log     *slog.Logger
	retries []time.Duration
}

// queued is a message and how many times its delivery failed.
type queued struct {
	Message
	failures int
}

// QueueSize bounds the messages waiting to be sent.
const QueueSize = 256

// NewOutbox returns an Outbox on sender; Run sends.
func NewOutbox(sender Sender, log *slog.Logger) *Outbox {
	if log == nil {
		log = slog.Default()
	}
	return &Outbox{sender: sender, queue: make(chan queued, QueueSize), log: log,
		retries: []time.Duration{5 * time.Second, 30 * time.Second, 2 * time.Minute}}
}

// Enabled reports whether mail can be sent now: an Outbox on a Live
// sender asks it (the settings may change at any time), any other is.
func (o *Outbox) Enabled(ctx context.Context) bool {
	if o == nil {
		return false
	}
	if c, ok := o.sender.(interface{ Configured(context.Context) bool }); ok {
		return c.Configured(ctx)
	}
	return true
}

// Post queues m without waiting.
func (o *Outbox) Post(m Message) error {
	if o == nil {
		return ErrNotConfigured
	}
	select {
	case o.queue <- queued{Message: m}:
		return nil
	default:
		return ErrQueueFull
	}
}

// Run sends queued messages until ctx ends, retrying failures with
// backoff.
func (o *Outbox) Run(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case m := <-o.queue:
			o.deliver(ctx, m)
		}
	}
}

func (o *Outbox) deliver(ctx context.Context, m queued) {
	err := o.sender.Send(ctx, m.Message)
	if err == nil || ctx.Err() != nil {
		return
	}
	// Mail switched off meanwhile: retrying would not help.
	if m.failures == len(o.retries) || errors.Is(err, ErrNotConfigured) {
		// The recipient and subject only: the body holds a link.
		o.log.Error("mail: giving up", "to", m.To, "subject", m.Subject, "err", err)
		return
	}
	o.log.Warn("mail: sending failed; retrying", "to", m.To, "attempt", m.failures+1, "err", err)
	wait := o.retries[m.failures]
	m.failures++
	time.AfterFunc(wait, func() {
		select {
		case o.queue <- m:
		default:
			o.log.Error("mail: giving up, the queue is full", "to", m.To, "subject", m.Subject)
		}
	})
}

// Settings are an SMTP server and the address mail is sent from, as
// NewSMTP takes them. Both empty: no mail.
type Settings struct {
	URL, From string
}

// String never shows the URL: it may hold a password.
func (s Settings) String() string {
	return fmt.Sprintf("{URL set: %t, From: %q}", s.URL != "", s.From)
}

// Live is a Sender that reads its settings at every message (the platform
// settings, which a platform admin changes at run time), so that a change
// applies to the next message without a restart. It keeps the SMTP client
// of the last settings it saw.
type Live struct {
	current func(context.Context) (Settings, error)
	// TLSConfig is given to every SMTP client it makes (tests trust their
	// own CA).
	TLSConfig *tls.Config

	mu   sync.Mutex
	last Settings
	smtp *SMTP
}

// NewLive returns a Live sender on current.
func NewLive(current func(context.Context) (Settings, error)) *Live {
	return &Live{current: current}
}

// Configured tells whether both the URL and the From address are set now.
func (l *Live) Configured(ctx context.Context) bool {
	s, err := l.current(ctx)
	return err == nil && s.URL != "" && s.From != ""
}

// Send delivers m through the SMTP server the settings name now.
func (l *Live) Send(ctx context.Context, m Message) error {
	smtp, err := l.client(ctx)
	if err != nil {
		return err
	}
	return smtp.Send(ctx, m)
}

func (l *Live) client(ctx context.Context) (*SMTP, error) {
	s, err := l.current(ctx)
	if err != nil {
		return nil, fmt.Errorf("reading the mail settings: %w", err)
	}
	if s.URL == "" || s.From == "" {
		return nil, ErrNotConfigured
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.smtp != nil && l.last == s {
		return l.smtp, nil
	}
	smtp, err := NewSMTP(s.URL, s.From)
	if err != nil {
		return nil, err
	}
	smtp.TLSConfig = l.TLSConfig
	l.last, l.smtp = s, smtp
	return smtp, nil
}
