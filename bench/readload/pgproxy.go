package main

import (
	"encoding/binary"
	"errors"
	"io"
	"net"
	"os"
	"sync"
	"sync/atomic"
)

// stmtProxy is a PostgreSQL wire-protocol proxy that counts the statements
// its clients run: simple queries ('Q') and extended-protocol executions
// ('E'). Parse, Bind, Describe and Sync are not statements. Only the
// frontend's messages are parsed; the backend's are copied as they come.
type stmtProxy struct {
	ln       net.Listener
	upstream string
	count    atomic.Int64

	mu    sync.Mutex
	conns map[net.Conn]bool
	wg    sync.WaitGroup
}

// startProxy listens on 127.0.0.1:0 and forwards to upstream (host:port).
func startProxy(upstream string) (*stmtProxy, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	p := &stmtProxy{ln: ln, upstream: upstream, conns: map[net.Conn]bool{}}
	p.wg.Add(1)
	go p.accept()
	return p, nil
}

func (p *stmtProxy) Addr() string      { return p.ln.Addr().String() }
func (p *stmtProxy) Statements() int64 { return p.count.Load() }

// Close stops accepting and closes every proxied connection.
func (p *stmtProxy) Close() {
	p.ln.Close()
	p.mu.Lock()
	for c := range p.conns {
		c.Close()
	}
	p.mu.Unlock()
	p.wg.Wait()
}

func (p *stmtProxy) track(c net.Conn, on bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if on {
		p.conns[c] = true
	} else {
		delete(p.conns, c)
	}
}

func (p *stmtProxy) accept() {
	defer p.wg.Done()
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			p.serve(c)
		}()
	}
}

func (p *stmtProxy) serve(client net.Conn) {
	defer client.Close()
	server, err := net.Dial("tcp", p.upstream)
	if err != nil {
		return
	}
	defer server.Close()
	p.track(client, true)
	p.track(server, true)
	defer p.track(client, false)
	defer p.track(server, false)
	go func() {
		_, _ = io.Copy(client, server)
		client.Close()
	}()
	_ = p.frontend(client, server)
}

// traceProxy (READLOAD_TRACE_PROXY=1) logs every query text that passes.
var traceProxy = os.Getenv("READLOAD_TRACE_PROXY") == "1"

// SSLRequest and GSSENCRequest codes of an untyped startup-phase message.
const (
	sslRequest    = 80877103
	gssEncRequest = 80877104
)

// frontend copies the client's messages to the server, counting Q and E.
// The startup phase has untyped messages (int32 length, int32 code):
// SSL and GSS encryption requests are refused with 'N' here (the servers
// use sslmode=disable, so they do not ask), then the startup message is
// forwarded. Every later message is a type byte and an int32 length that
// counts itself.
func (p *stmtProxy) frontend(client, server net.Conn) error {
	for {
		var hdr [8]byte
		if _, err := io.ReadFull(client, hdr[:]); err != nil {
			return err
		}
		n := binary.BigEndian.Uint32(hdr[:4])
		code := binary.BigEndian.Uint32(hdr[4:])
		if n < 8 || n > 1<<16 {
			return errors.New("bad startup message")
		}
		if code == sslRequest || code == gssEncRequest {
			if _, err := client.Write([]byte{'N'}); err != nil {
				return err
			}
			continue
		}
		rest := make([]byte, n-8)
		if _, err := io.ReadFull(client, rest); err != nil {
			return err
		}
		if _, err := server.Write(append(hdr[:], rest...)); err != nil {
			return err
		}
		break
	}
	buf := make([]byte, 64<<10)
	for {
		var hdr [5]byte
		if _, err := io.ReadFull(client, hdr[:]); err != nil {
			return err
		}
		if hdr[0] == 'Q' || hdr[0] == 'E' {
			p.count.Add(1)
		}
		if _, err := server.Write(hdr[:]); err != nil {
			return err
		}
		n := int64(binary.BigEndian.Uint32(hdr[1:])) - 4
		if n < 0 {
			return errors.New("bad message length")
		}
		if traceProxy && (hdr[0] == 'Q' || hdr[0] == 'P') {
			body := make([]byte, n)
			if _, err := io.ReadFull(client, body); err != nil {
				return err
			}
			logf("proxy %c %.200q", hdr[0], body)
			if _, err := server.Write(body); err != nil {
				return err
			}
			continue
		}
		if _, err := io.CopyBuffer(server, io.LimitReader(client, n), buf); err != nil {
			return err
		}
	}
}
