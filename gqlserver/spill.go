package gqlserver

import (
	"bufio"
	"net"
	"net/http"
	"sync"
	"syscall"
	"time"
)

// maxSpill is how much a connection holds for a client that reads slower
// than it is written to before a Write waits for room, as a plain socket
// write waits when the kernel's buffer is full (within the deadline).
const maxSpill = 1 << 20

// closeGrace bounds how long a closed connection keeps writing what it
// still holds (the last messages and the close frame) to a slow client.
const closeGrace = 5 * time.Second

// spillConn is a connection whose writes do not block while less than
// maxSpill waits: a Write puts what the socket takes at once into it (one
// non-blocking write), and leaves the rest, with every write after it
// until it is written, to a goroutine of its own (the drain), which writes
// it within the write deadline. So a subscription event can be written on
// the goroutine that made it (the one reading an AI provider, say)
// without a slow client holding it up. Bytes go out in the order they
// were written. With maxSpill waiting, a Write waits for the drain; a
// drain the client does not read within the deadline ends the connection:
// every later Write fails, as a blocked write that timed out did. Close
// lets the drain write what waits (the close frame too) for at most
// closeGrace before the socket closes.
type spillConn struct {
	net.Conn
	raw syscall.RawConn

	mu       sync.Mutex
	room     *sync.Cond // on mu: the drain wrote something, or failed
	spill    []byte     // written to spillConn, not yet to the socket
	inflight int        // bytes the drain is writing now
	spilling bool       // the drain runs: Writes append to spill
	closing  bool       // Close was called while spilling: the drain closes
	err      error      // the first failure; every Write after it returns it
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
	conn := &spillConn{Conn: c, raw: raw}
	conn.room = sync.NewCond(&conn.mu)
	return conn
}

// Write does not block on the client while less than maxSpill waits.
func (c *spillConn) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closing {
		return 0, net.ErrClosed
	}
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
	// The drain's writes end within the deadline, and wake room when
	// they do (failed or not).
	for c.spilling && len(c.spill)+c.inflight+len(rest) > maxSpill && c.err == nil && !c.closing {
		c.room.Wait()
	}
	if c.err != nil {
		return 0, c.err
	}
	if c.closing {
		return 0, net.ErrClosed
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
// empty; then Writes go straight to the socket again (or, after Close,
// the socket closes).
func (c *spillConn) drain() {
	for {
		c.mu.Lock()
		if c.err != nil || len(c.spill) == 0 {
			// The socket's own deadline would refuse the next direct
			// write once it has passed.
			_ = c.Conn.SetWriteDeadline(time.Time{})
			c.spill, c.spilling = nil, false
			closing := c.closing
			c.room.Broadcast()
			c.mu.Unlock()
			if closing {
				_ = c.Conn.Close()
			}
			return
		}
		buf, deadline := c.spill, c.deadline
		c.spill, c.inflight = nil, len(buf)
		c.mu.Unlock()
		err := c.Conn.SetWriteDeadline(deadline)
		if err == nil {
			_, err = c.Conn.Write(buf)
		}
		c.mu.Lock()
		c.inflight = 0
		if err != nil {
			c.fail(err)
		}
		c.room.Broadcast()
		c.mu.Unlock()
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

// Close closes the socket, once the drain has written what waits when it
// runs (within closeGrace: a client that does not read loses the rest).
func (c *spillConn) Close() error {
	c.mu.Lock()
	if c.spilling && c.err == nil && !c.closing {
		c.closing = true
		grace := time.Now().Add(closeGrace)
		if c.deadline.IsZero() || c.deadline.After(grace) {
			c.deadline = grace
		}
		// Also the write under way, which read the deadline before.
		_ = c.Conn.SetWriteDeadline(c.deadline)
		c.mu.Unlock()
		return nil
	}
	closed := c.closing
	c.mu.Unlock()
	if closed {
		return nil // the drain closes it
	}
	return c.Conn.Close()
}

// SetWriteDeadline bounds the drain's writes (Write itself waits only
// with maxSpill waiting).
func (c *spillConn) SetWriteDeadline(t time.Time) error {
	c.mu.Lock()
	if !c.closing {
		c.deadline = t
	}
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
