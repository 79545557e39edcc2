//go:build !linux

package gqlserver

import (
	"testing"
	"time"
)

var threadStart = time.Now()

// threadCPU falls back to the wall clock where there is no per-thread CPU
// clock: an upper bound of the CPU time on a locked thread.
func threadCPU(testing.TB) time.Duration { return time.Since(threadStart) }
