package gqlserver

import (
	"syscall"
	"unsafe"
)

// writeNonblocking writes p to fd, a non-blocking socket, without telling
// the scheduler: the call cannot block (it returns EAGAIN when the socket
// is full), so the goroutine's P need not be handed to another thread
// while it runs. Through syscall.Write, every event written to a
// subscriber's socket was a blocking system call to the runtime: the
// system monitor woke every 20 µs while answers streamed (8% of the
// server's samples) to take back Ps from writes that, on a busy virtual
// machine, last longer than that.
func writeNonblocking(fd uintptr, p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	n, _, errno := syscall.RawSyscall(syscall.SYS_WRITE, fd, uintptr(unsafe.Pointer(&p[0])), uintptr(len(p)))
	if errno != 0 {
		return 0, errno
	}
	return int(n), nil
}
