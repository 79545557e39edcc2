//go:build !linux

package gqlserver

import "syscall"

// writeNonblocking writes p to fd, a non-blocking socket (see the Linux
// version).
func writeNonblocking(fd uintptr, p []byte) (int, error) { return syscall.Write(int(fd), p) }
