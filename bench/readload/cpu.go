package main

import (
	"bytes"
	"errors"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// clockTick is the unit of utime and stime in /proc/PID/stat (USER_HZ,
// 100 on every Linux this runs on).
const clockTick = 10 * time.Millisecond

// procCPU returns the user+system CPU time of a process so far.
func procCPU(pid int) (time.Duration, error) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, err
	}
	// The command name (field 2) may contain spaces: fields after ')'.
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return 0, errors.New("malformed stat")
	}
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 13 {
		return 0, errors.New("malformed stat")
	}
	ut, err1 := strconv.ParseInt(f[11], 10, 64) // field 14
	st, err2 := strconv.ParseInt(f[12], 10, 64) // field 15
	if err1 != nil || err2 != nil {
		return 0, errors.New("malformed stat")
	}
	return time.Duration(ut+st) * clockTick, nil
}

// statFields returns the fields of /proc/PID/stat after the command
// name: [0] is field 3 (state), [1] field 4 (ppid), [11] field 14
// (utime), [14] field 17 (cstime).
func statFields(pid int) ([]string, error) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return nil, err
	}
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return nil, errors.New("malformed stat")
	}
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 15 {
		return nil, errors.New("malformed stat")
	}
	return f, nil
}

// clusterCPU is the CPU of the whole PostgreSQL server that runs the
// backend pid: its postmaster's own and its reaped children's (cutime,
// cstime: every backend that exited) plus its live children's. Unlike
// pgSampler it misses nothing, but counts every database on the server,
// other users' included.
func clusterCPU(backend int) (time.Duration, error) {
	f, err := statFields(backend)
	if err != nil {
		return 0, err
	}
	pm, _ := strconv.Atoi(f[1])
	pf, err := statFields(pm)
	if err != nil {
		return 0, err
	}
	var ticks int64
	for _, k := range []int{11, 12, 13, 14} { // utime stime cutime cstime
		v, _ := strconv.ParseInt(pf[k], 10, 64)
		ticks += v
	}
	ents, err := os.ReadDir("/proc")
	if err != nil {
		return 0, err
	}
	ppid := strconv.Itoa(pm)
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		cf, err := statFields(pid)
		if err != nil || cf[1] != ppid {
			continue
		}
		u, _ := strconv.ParseInt(cf[11], 10, 64)
		s, _ := strconv.ParseInt(cf[12], 10, 64)
		ticks += u + s
	}
	return time.Duration(ticks) * clockTick, nil
}

// pgSampler measures the CPU of the PostgreSQL backends connected to one
// database: the processes whose title ("postgres: [cluster: ]USER DB
// HOST(PORT) STATE") names the database. It rescans /proc every interval
// and keeps each backend's last reading, so a backend that starts during
// the window counts in full, and one that exits loses only what it used
// after its last reading (reported as Exited: our server's pool keeps 2
// idle connections and closes the others, see README).
type pgSampler struct {
	db       string
	interval time.Duration

	mu    sync.Mutex
	first map[int]time.Duration // at start (0 for backends started later)
	last  map[int]time.Duration
	gone  map[int]bool
	// cluster0 is clusterCPU at the start (-1: unknown).
	cluster0 time.Duration
	stop     chan struct{}
	done     chan struct{}
}

type pgCPU struct {
	CPU      time.Duration
	Cluster  time.Duration // clusterCPU's delta (-1: unknown)
	Backends int           // seen during the window
	Exited   int           // seen, then gone before the end
}

func startPGSampler(db string, interval time.Duration) *pgSampler {
	s := &pgSampler{db: db, interval: interval, first: map[int]time.Duration{}, last: map[int]time.Duration{},
		gone: map[int]bool{}, stop: make(chan struct{}), done: make(chan struct{})}
	s.scan(true)
	s.cluster0 = -1
	for pid := range s.last {
		if c, err := clusterCPU(pid); err == nil {
			s.cluster0 = c
		}
		break
	}
	go func() {
		defer close(s.done)
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-s.stop:
				return
			case <-t.C:
				s.scan(false)
			}
		}
	}()
	return s
}

// finish takes a last reading and returns the window's CPU.
func (s *pgSampler) finish() pgCPU {
	close(s.stop)
	<-s.done
	s.scan(false)
	s.mu.Lock()
	defer s.mu.Unlock()
	r := pgCPU{Cluster: -1}
	for pid := range s.last {
		if s.gone[pid] || s.cluster0 < 0 {
			continue
		}
		if c, err := clusterCPU(pid); err == nil {
			r.Cluster = c - s.cluster0
			break
		}
	}
	for pid, l := range s.last {
		r.CPU += l - s.first[pid]
		r.Backends++
		if s.gone[pid] {
			r.Exited++
		}
	}
	return r
}

func (s *pgSampler) scan(initial bool) {
	pids := backendPIDs(s.db)
	seen := make(map[int]bool, len(pids))
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, pid := range pids {
		cpu, err := procCPU(pid)
		if err != nil {
			continue
		}
		seen[pid] = true
		if _, ok := s.last[pid]; !ok {
			if initial {
				s.first[pid] = cpu
			} else {
				s.first[pid] = 0
			}
		}
		s.last[pid] = cpu
	}
	for pid := range s.last {
		if !seen[pid] {
			s.gone[pid] = true
		}
	}
}

// backendPIDs lists the PostgreSQL backends connected to database db.
func backendPIDs(db string) []int {
	ents, err := os.ReadDir("/proc")
	if err != nil {
		return nil
	}
	var out []int
	needle := " " + db + " "
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile("/proc/" + e.Name() + "/cmdline")
		if err != nil || !bytes.HasPrefix(b, []byte("postgres: ")) {
			continue
		}
		if strings.Contains(string(bytes.TrimRight(b, "\x00"))+" ", needle) {
			out = append(out, pid)
		}
	}
	return out
}
