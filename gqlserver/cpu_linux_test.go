package gqlserver

import (
	"syscall"
	"testing"
	"time"
	"unsafe"
)

// clockThreadCPUTimeID is Linux's CLOCK_THREAD_CPUTIME_ID.
const clockThreadCPUTimeID = 3

// threadCPU is the CPU time of the calling OS thread, to the nanosecond.
// (getrusage(RUSAGE_THREAD) scales tick samples and was seen to report no
// time at all for a millisecond of work.)
func threadCPU(tb testing.TB) time.Duration {
	tb.Helper()
	var ts syscall.Timespec
	if _, _, errno := syscall.Syscall(syscall.SYS_CLOCK_GETTIME, clockThreadCPUTimeID, uintptr(unsafe.Pointer(&ts)), 0); errno != 0 {
		tb.Fatalf("clock_gettime: %v", errno)
	}
	return time.Duration(ts.Nano())
}
