package gqlserver

import (
	"bytes"
	"errors"
	"io"
	"math/rand/v2"
	"net"
	"syscall"
	"testing"
	"time"
)

// spillPair is a spillConn on one end of a loopback TCP connection and
// the plain other end, both with small kernel buffers so that a client
// that stops reading fills them quickly.
func spillPair(t *testing.T) (*spillConn, *net.TCPConn) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	accepted := make(chan net.Conn, 1)
	go func() {
		c, _ := ln.Accept()
		accepted <- c
	}()
	client, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	server := <-accepted
	if server == nil {
		t.Fatal("accept failed")
	}
	_ = server.(*net.TCPConn).SetWriteBuffer(32 << 10)
	_ = client.(*net.TCPConn).SetReadBuffer(32 << 10)
	sc := newSpillConn(server)
	if sc == nil {
		t.Fatal("a TCP connection is not wrapped")
	}
	t.Cleanup(func() { sc.Close(); client.Close() })
	return sc, client.(*net.TCPConn)
}

// TestSpillKeepsOrder: while the client does not read, writes return at
// once and spill; once it reads, it gets every byte in order.
func TestSpillKeepsOrder(t *testing.T) {
	sc, client := spillPair(t)
	_ = sc.SetWriteDeadline(time.Now().Add(10 * time.Second))
	var sent bytes.Buffer
	const half = 256 << 10 // written before the client reads, and while it does
	for i := 0; sent.Len() < half; i++ {
		p := bytes.Repeat([]byte{byte('a' + i%26)}, min(1+rand.IntN(4<<10), half-sent.Len()))
		start := time.Now()
		if n, err := sc.Write(p); err != nil || n != len(p) {
			t.Fatalf("write %d: %d, %v", i, n, err)
		}
		if d := time.Since(start); d > 100*time.Millisecond {
			t.Fatalf("write %d blocked for %s", i, d)
		}
		sent.Write(p)
	}
	sc.mu.Lock()
	spilled := len(sc.spill)
	sc.mu.Unlock()
	if spilled == 0 {
		t.Fatal("256 KiB to a client that does not read: nothing spilled (the test proves nothing)")
	}
	// The client reads while more is written: what the socket takes once
	// there is room must not overtake what waits in the spill.
	got := make(chan []byte, 1)
	go func() {
		_ = client.SetReadDeadline(time.Now().Add(10 * time.Second))
		b := make([]byte, 2*half)
		if _, err := io.ReadFull(client, b); err != nil {
			b = nil
		}
		got <- b
	}()
	for i := 0; sent.Len() < 2*half; i++ {
		p := bytes.Repeat([]byte{byte('A' + i%26)}, min(1+rand.IntN(2<<10), 2*half-sent.Len()))
		if _, err := sc.Write(p); err != nil {
			t.Fatal(err)
		}
		sent.Write(p)
		if i%16 == 0 {
			time.Sleep(time.Millisecond)
		}
	}
	if b := <-got; !bytes.Equal(b, sent.Bytes()) {
		t.Fatalf("the bytes arrived out of order, altered or not at all (%d bytes)", len(b))
	}
	// Drained: writes go straight to the socket again, and arrive.
	deadline := time.Now().Add(5 * time.Second)
	for {
		sc.mu.Lock()
		spilling := sc.spilling
		sc.mu.Unlock()
		if !spilling {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the spill did not end")
		}
		time.Sleep(time.Millisecond)
	}
	if _, err := sc.Write([]byte("after")); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 5)
	if _, err := io.ReadFull(client, buf); err != nil || string(buf) != "after" {
		t.Fatalf("after the spill: %q, %v", buf, err)
	}
}

// TestSpillBounded: a client that does not read costs at most maxSpill
// (and the kernel's buffers); then a Write waits for room, and fails when
// the deadline passes with the client still not reading.
func TestSpillBounded(t *testing.T) {
	sc, _ := spillPair(t)
	const wait = 300 * time.Millisecond
	_ = sc.SetWriteDeadline(time.Now().Add(wait))
	p := make([]byte, 4<<10)
	start := time.Now()
	accepted := 0
	var err error
	for accepted < 4*maxSpill {
		if _, err = sc.Write(p); err != nil {
			break
		}
		accepted += len(p)
	}
	if !isTimeout(err) {
		t.Fatalf("writing to a client that never reads: %v after %d bytes, want the deadline's time-out", err, accepted)
	}
	if took := time.Since(start); took < wait/2 {
		t.Errorf("the writes failed after %s: they did not wait for room", took)
	}
	if accepted > maxSpill+256<<10 {
		t.Errorf("%d bytes accepted for a client that reads nothing, want at most maxSpill and the kernel's buffers", accepted)
	}
	if _, err := sc.Write([]byte("x")); !isTimeout(err) {
		t.Errorf("a write after the failure: %v", err)
	}
}

// TestSpillClose: Close lets the drain write what waits (the close frame,
// say) before the socket closes.
func TestSpillClose(t *testing.T) {
	sc, client := spillPair(t)
	_ = sc.SetWriteDeadline(time.Now().Add(10 * time.Second))
	var sent bytes.Buffer
	for i := 0; sent.Len() < 256<<10; i++ {
		p := bytes.Repeat([]byte{byte('a' + i%26)}, 4<<10)
		if _, err := sc.Write(p); err != nil {
			t.Fatal(err)
		}
		sent.Write(p)
	}
	sc.mu.Lock()
	spilling := sc.spilling
	sc.mu.Unlock()
	if !spilling {
		t.Fatal("nothing spilled (the test proves nothing)")
	}
	if err := sc.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := sc.Write([]byte("late")); !errors.Is(err, net.ErrClosed) {
		t.Errorf("a write after Close: %v", err)
	}
	_ = client.SetReadDeadline(time.Now().Add(10 * time.Second))
	got, err := io.ReadAll(client) // to the end: the socket closed
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, sent.Bytes()) {
		t.Fatalf("%d bytes read of %d written before Close", len(got), sent.Len())
	}
}

// TestSpillDeadline: a spill the client does not read within the write
// deadline ends the connection.
func TestSpillDeadline(t *testing.T) {
	sc, client := spillPair(t)
	_ = sc.SetWriteDeadline(time.Now().Add(200 * time.Millisecond))
	p := make([]byte, 64<<10)
	for range 8 {
		if _, err := sc.Write(p); err != nil {
			t.Fatal(err)
		}
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		_, err := sc.Write([]byte("x"))
		if err != nil {
			if !isTimeout(err) {
				t.Fatalf("failed with %v, want the deadline's time-out", err)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the spill outlived its deadline by seconds")
		}
		time.Sleep(20 * time.Millisecond)
	}
	// The socket is closed: the client reads its end after what came.
	_ = client.SetReadDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.Copy(io.Discard, client); err != nil && !errors.Is(err, syscall.ECONNRESET) {
		t.Fatalf("the client's end: %v, want its end or a reset", err)
	}
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}
