package gqlserver

import (
	"bufio"
	"errors"
	"net"
	"net/http"
	"sync"
	"syscall"
	"time"
)

// maxSpill bounds what a connection holds for a client that reads slower
// than it is written to: past it (the kernel's buffer full as well) the
// client has fallen too far behind, and the connection ends.
const maxSpill = 1 << 20

// errSpillFull is the write error of a connection whose client fell
// maxSpill behind.
var errSpillFull = errors.New("the client reads too slowly: more than 1 MiB is waiting for it")

// spillConn is a connection whose writes never block: a Write puts what
// the socket takes at once into it (one non-blocking write), and leaves
// the rest, with every write after it until it is written, to a goroutine
// of its own (the spill), which writes it within the write deadline. So a
// subscription event can be written on the goroutine that made it (the
// one reading an AI provider, say) without a slow client holding it up.
// Bytes go out in the order they were written. A spill over maxSpill, or
// one the client does not read within the deadline, ends the connection:
// every later Write fails, as a blocked write that timed out would.
type spillConn struct {
	net.Conn
	raw syscall.RawConn

	mu       sync.Mutex
	spill    []byte // written to spillConn, not yet to the socket
	spilling bool   // the spill goroutine runs: Writes append to spill
	err      error  // the first failure; every Write after it returns it
	deadline time.Time
}

// newSpillConn wraps c when it is a socket whose writes can be tried
// without blocking (TCP, Unix); otherwise it returns nil.
func newSpillConn(c net.Conn) *spillConn {
	sc, ok := c.(syscall.Conn)
	if !ok {
		return nil
	}
	raw, err := sc.SyscallConn()
	if err != nil {
		return nil
	}
	return &spillConn{Conn: c, raw: raw}
}

// Write never blocks on the client.
func (c *spillConn) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.err != nil {
		return 0, c.err
	}
	rest := p
	if !c.spilling {
		n, err := c.tryWrite(p)
		if err != nil {
			c.fail(err)
			return n, err
		}
		rest = p[n:]
		if len(rest) == 0 {
			return len(p), nil
		}
	}
	if len(c.spill)+len(rest) > maxSpill {
		c.fail(errSpillFull)
		return 0, errSpillFull
	}
	c.spill = append(c.spill, rest...)
	if !c.spilling {
		c.spilling = true
		go c.drain()
	}
	return len(p), nil
}

// tryWrite writes what the socket takes at once.
func (c *spillConn) tryWrite(p []byte) (int, error) {
	var n int
	var werr error
	err := c.raw.Write(func(fd uintptr) bool {
		for n < len(p) {
			m, err := syscall.Write(int(fd), p[n:])
			if err == syscall.EINTR {
				continue
			}
			if err == syscall.EAGAIN {
				return true // full: the rest spills
			}
			if err != nil {
				werr = err
				return true
			}
			n += m
		}
		return true
	})
	if werr == nil {
		werr = err
	}
	return n, werr
}

// drain writes the spill, blocking within the deadline, until it is
// empty; then Writes go straight to the socket again.
func (c *spillConn) drain() {
	for {
		c.mu.Lock()
		if c.err != nil || len(c.spill) == 0 {
			// The socket's own deadline would refuse the next direct
			// write once it has passed.
			_ = c.Conn.SetWriteDeadline(time.Time{})
			c.spill, c.spilling = nil, false
			c.mu.Unlock()
			return
		}
		buf, deadline := c.spill, c.deadline
		c.spill = nil
		c.mu.Unlock()
		err := c.Conn.SetWriteDeadline(deadline)
		if err == nil {
			_, err = c.Conn.Write(buf)
		}
		if err != nil {
			c.mu.Lock()
			c.fail(err)
			c.mu.Unlock()
		}
	}
}

// fail records the first failure and closes the socket, which ends the
// connection's reader too. Under mu.
func (c *spillConn) fail(err error) {
	if c.err == nil {
		c.err = err
		_ = c.Conn.Close()
	}
}

// SetWriteDeadline bounds the spill's writes (Write itself never waits).
func (c *spillConn) SetWriteDeadline(t time.Time) error {
	c.mu.Lock()
	c.deadline = t
	c.mu.Unlock()
	return nil
}

// SetDeadline sets the read deadline on the socket and the write deadline
// here.
func (c *spillConn) SetDeadline(t time.Time) error {
	_ = c.SetWriteDeadline(t)
	return c.Conn.SetReadDeadline(t)
}

// spillWriter hands gorilla's Upgrade a hijacked connection whose writes
// never block (spillConn), when the connection is a socket.
type spillWriter struct {
	http.ResponseWriter
	conn *spillConn // set by Hijack when it wrapped
}

func (w *spillWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (w *spillWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	c, brw, err := http.NewResponseController(w.ResponseWriter).Hijack()
	if err != nil {
		return c, brw, err
	}
	if sc := newSpillConn(c); sc != nil {
		w.conn = sc
		return sc, brw, nil
	}
	return c, brw, nil
}
