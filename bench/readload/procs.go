package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"time"
)

// child is a server process of the bench: ours (the woow binary) or the
// lower bound (this binary's serve-lowerbound), on 127.0.0.1:0.
type child struct {
	Name string // "ours" or "lowerbound"
	Addr string
	cmd  *exec.Cmd
	log  string
	done chan struct{}
}

func (c *child) Pid() int { return c.cmd.Process.Pid }

var listeningLine = regexp.MustCompile(`"msg":"listening","addr":"([^"]*)"`)

// startOurs starts the woow binary on dsn. It migrates (nothing to do)
// and seeds the catalogue at start; its River workers run as usual.
func startOurs(ctx context.Context, woow, dsn, tmp, label string) (*child, error) {
	data := filepath.Join(tmp, "data-"+label)
	if err := os.MkdirAll(data, 0o700); err != nil {
		return nil, err
	}
	cmd := exec.Command(woow, "serve")
	cmd.Env = append(filteredEnv("DATABASE_URL", "WOOW_"),
		"DATABASE_URL="+dsn,
		"WOOW_ADDR=127.0.0.1:0",
		"WOOW_DATA_DIR="+data,
		"WOOW_PUBLIC_URL=http://127.0.0.1",
		// info, not warn: the address comes from the "listening" line,
		// logged at info; requests are logged at debug, so not here.
		"WOOW_LOG_LEVEL=info",
	)
	return startChild(ctx, "ours", cmd, filepath.Join(tmp, "ours-"+label+".log"))
}

// startLowerBound starts this binary's serve-lowerbound on dsn.
func startLowerBound(ctx context.Context, dsn, tmp, label string) (*child, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(self, "serve-lowerbound", "-dsn", dsn, "-addr", "127.0.0.1:0")
	cmd.Env = os.Environ()
	return startChild(ctx, "lowerbound", cmd, filepath.Join(tmp, "lowerbound-"+label+".log"))
}

func filteredEnv(prefixes ...string) []string {
	var out []string
next:
	for _, kv := range os.Environ() {
		for _, p := range prefixes {
			if strings.HasPrefix(kv, p) {
				continue next
			}
		}
		out = append(out, kv)
	}
	return out
}

// startChild starts cmd with its stderr teed to logPath and waits for the
// "listening" log line (at most 60 s), whose address must be 127.0.0.1.
func startChild(ctx context.Context, name string, cmd *exec.Cmd, logPath string) (*child, error) {
	logf, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	pr, pw := io.Pipe()
	cmd.Stdout = logf
	cmd.Stderr = pw
	// No Pdeathsig: it fires when the forking OS thread exits, not the
	// process. Ctrl-C reaches the children through the process group,
	// and run stops them on every other path.
	if err := cmd.Start(); err != nil {
		logf.Close()
		return nil, err
	}
	c := &child{Name: name, cmd: cmd, log: logPath, done: make(chan struct{})}
	addrc := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(pr)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		sent := false
		for sc.Scan() {
			fmt.Fprintln(logf, sc.Text())
			if m := listeningLine.FindStringSubmatch(sc.Text()); m != nil && !sent {
				addrc <- m[1]
				sent = true
			}
		}
		_, _ = io.Copy(logf, pr)
	}()
	go func() {
		_ = cmd.Wait()
		pw.Close()
		logf.Close()
		close(c.done)
	}()
	select {
	case c.Addr = <-addrc:
	case <-c.done:
		return nil, fmt.Errorf("%s exited at start; its log: %s\n%s", name, logPath, tail(logPath))
	case <-time.After(60 * time.Second):
		c.stop()
		return nil, fmt.Errorf("%s did not start within 60 s; its log: %s", name, logPath)
	case <-ctx.Done():
		c.stop()
		return nil, ctx.Err()
	}
	if !strings.HasPrefix(c.Addr, "127.0.0.1:") {
		c.stop()
		return nil, fmt.Errorf("%s listens on %s, not 127.0.0.1", name, c.Addr)
	}
	return c, nil
}

// stop sends SIGTERM and after 15 s SIGKILL, and waits for the exit.
func (c *child) stop() {
	if c == nil {
		return
	}
	_ = c.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-c.done:
	case <-time.After(15 * time.Second):
		_ = c.cmd.Process.Kill()
		<-c.done
	}
}

// alive reports an error when the child has exited.
func (c *child) alive() error {
	select {
	case <-c.done:
		return fmt.Errorf("%s exited (%v); its log: %s\n%s", c.Name, c.cmd.ProcessState, c.log, tail(c.log))
	default:
		return nil
	}
}

func tail(path string) string {
	b, _ := os.ReadFile(path)
	if len(b) > 2000 {
		b = b[len(b)-2000:]
	}
	return string(b)
}
