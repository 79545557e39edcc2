// Package mailtest is an SMTP server for tests: it speaks enough of RFC
// 5321 (EHLO/HELO, optional AUTH PLAIN, MAIL, RCPT, DATA, RSET, NOOP,
// QUIT) for net/smtp and real clients, on 127.0.0.1, and keeps what it
// receives.
package mailtest

import (
	"bufio"
	"encoding/base64"
	"fmt"
	"io"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// Message is one received e-mail.
type Message struct {
	From string
	To   []string
	// Raw is the DATA as received (dot-unstuffed).
	Raw string
	// Header and Body are Raw parsed; Body is decoded from
	// quoted-printable when the message says so.
	Header mail.Header
	Body   string
	// Auth is the "user:password" the client authenticated with, if any.
	Auth string
}

// Server is a running test SMTP server.
type Server struct {
	Addr string // host:port
	// RequireAuth, when set, refuses MAIL until AUTH PLAIN with these
	// credentials ("user:password").
	RequireAuth string

	ln   net.Listener
	mu   sync.Mutex
	msgs []Message
	in   chan Message
}

// Start runs a server until the test ends.
func Start(t testing.TB) *Server {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{Addr: ln.Addr().String(), ln: ln, in: make(chan Message, 100)}
	go s.serve()
	t.Cleanup(func() { ln.Close() })
	return s
}

// URL is the smtp:// URL of the server.
func (s *Server) URL() string { return "smtp://" + s.Addr }

// Messages returns what has been received so far.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.msgs...)
}

// Next waits up to d for the next message.
func (s *Server) Next(t testing.TB, d time.Duration) Message {
	t.Helper()
	select {
	case m := <-s.in:
		return m
	case <-time.After(d):
		t.Fatalf("no e-mail within %v", d)
	}
	return Message{}
}

// NextAbout waits up to d for the next message to to whose subject
// contains about, skipping others (verification e-mails, say).
func (s *Server) NextAbout(t testing.TB, to, about string, d time.Duration) Message {
	t.Helper()
	deadline := time.After(d)
	for {
		select {
		case m := <-s.in:
			if len(m.To) == 1 && m.To[0] == to && strings.Contains(m.Header.Get("Subject"), about) {
				return m
			}
		case <-deadline:
			t.Fatalf("no e-mail to %s about %q within %v", to, about, d)
		}
	}
}

// Quiet checks that no message arrives within d.
func (s *Server) Quiet(t testing.TB, d time.Duration) {
	t.Helper()
	select {
	case m := <-s.in:
		t.Fatalf("unexpected e-mail to %v: %q", m.To, m.Header.Get("Subject"))
	case <-time.After(d):
	}
}

var linkRE = regexp.MustCompile(`https?://\S+#token=[A-Za-z0-9_-]+`)

// Link is the first link with a token in the body.
func (m Message) Link() string { return linkRE.FindString(m.Body) }

// Token is the token of Link.
func (m Message) Token() string {
	_, tok, _ := strings.Cut(m.Link(), "#token=")
	return tok
}

func (s *Server) serve() {
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return
		}
		go s.session(c)
	}
}

func (s *Server) session(c net.Conn) {
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(time.Minute))
	r := bufio.NewReader(c)
	w := bufio.NewWriter(c)
	reply := func(format string, args ...any) {
		fmt.Fprintf(w, format+"\r\n", args...)
		_ = w.Flush()
	}
	reply("220 mailtest ready")
	var m Message
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		line = strings.TrimRight(line, "\r\n")
		verb, arg, _ := strings.Cut(line, " ")
		switch strings.ToUpper(verb) {
		case "EHLO":
			reply("250-mailtest")
			reply("250 AUTH PLAIN")
		case "HELO":
			reply("250 mailtest")
		case "AUTH":
			mech, ir, _ := strings.Cut(arg, " ")
			if !strings.EqualFold(mech, "PLAIN") {
				reply("504 only PLAIN")
				continue
			}
			raw, err := base64.StdEncoding.DecodeString(ir)
			parts := strings.Split(string(raw), "\x00")
			if err != nil || len(parts) != 3 {
				reply("501 bad AUTH")
				continue
			}
			m.Auth = parts[1] + ":" + parts[2]
			if s.RequireAuth != "" && m.Auth != s.RequireAuth {
				reply("535 authentication failed")
				continue
			}
			reply("235 ok")
		case "MAIL":
			if s.RequireAuth != "" && m.Auth != s.RequireAuth {
				reply("530 authentication required")
				continue
			}
			m.From = addrOf(arg)
			reply("250 ok")
		case "RCPT":
			m.To = append(m.To, addrOf(arg))
			reply("250 ok")
		case "DATA":
			reply("354 go ahead")
			var b strings.Builder
			for {
				l, err := r.ReadString('\n')
				if err != nil {
					return
				}
				if l == ".\r\n" || l == ".\n" {
					break
				}
				b.WriteString(strings.TrimPrefix(l, "."))
			}
			m.Raw = b.String()
			if msg, err := mail.ReadMessage(strings.NewReader(m.Raw)); err == nil {
				m.Header = msg.Header
				var body io.Reader = msg.Body
				if strings.EqualFold(msg.Header.Get("Content-Transfer-Encoding"), "quoted-printable") {
					body = quotedprintable.NewReader(body)
				}
				raw, _ := io.ReadAll(body)
				m.Body = strings.ReplaceAll(string(raw), "\r\n", "\n")
			}
			s.mu.Lock()
			s.msgs = append(s.msgs, m)
			s.mu.Unlock()
			select {
			case s.in <- m:
			default:
			}
			auth := m.Auth
			m = Message{Auth: auth}
			reply("250 queued")
		case "RSET":
			m = Message{Auth: m.Auth}
			reply("250 ok")
		case "NOOP":
			reply("250 ok")
		case "QUIT":
			reply("221 bye")
			return
		default:
			reply("502 not implemented")
		}
	}
}

// addrOf takes the address out of "FROM:<a@b>" or "TO:<a@b>".
func addrOf(arg string) string {
	_, a, _ := strings.Cut(arg, ":")
	a = strings.TrimSpace(a)
	if i := strings.IndexByte(a, ' '); i >= 0 {
		a = a[:i]
	}
	return strings.Trim(a, "<>")
}
