// Package kubetest starts a real Kubernetes API server for tests: etcd and
// kube-apiserver on loopback, the way controller-runtime's envtest does.
// scripts/kubeapi.sh builds both from the Go module proxy (a module of
// their own, scripts/kubeapi) and `make test-kube` runs the cluster tests
// with WOOW_KUBEAPI_BIN naming the directory that holds them.
//
// Everything the platform asks of the API (namespaces, quotas, Helm's
// release Secrets, workloads, scaling, validation, admission) is the real
// server's. What it lacks is nodes: there is no kubelet and no
// controller-manager, so no pod ever runs and nothing would mark a
// Deployment rolled out, and Helm's --wait would wait forever. Cluster
// plays that part for Deployments and StatefulSets only (see rollOut): it
// gives each Deployment a ReplicaSet for its current template and reports
// the replicas ready, as the controllers and kubelets would once pods ran.
package kubetest

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"encoding/pem"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/clientcmd"
)

// BinEnv names the directory with the etcd and kube-apiserver binaries.
const BinEnv = "WOOW_KUBEAPI_BIN"

// Cluster is a running API server.
type Cluster struct {
	// Kubeconfig is the path of a kubeconfig for a cluster admin.
	Kubeconfig string
	// Config and Clientset talk to the server as that admin.
	Config    *rest.Config
	Clientset kubernetes.Interface

	dir   string
	procs []*proc
	stop  context.CancelFunc
	done  chan struct{}
}

var (
	sharedOnce sync.Once
	shared     *Cluster
	sharedErr  error
)

// Shared returns the test binary's API server, started by its first
// caller (about 20 seconds) and stopped by Stop. Without BinEnv it skips
// the test: `go test ./...` runs without a cluster, and `make test-kube`
// (part of `make test`) builds the binaries and sets it, so there a
// missing binary fails.
func Shared(tb testing.TB) *Cluster {
	tb.Helper()
	bin := os.Getenv(BinEnv)
	if bin == "" {
		tb.Skipf("no Kubernetes API server: %s is not set (`make test-kube` builds one and runs these tests)", BinEnv)
	}
	sharedOnce.Do(func() { shared, sharedErr = Start(bin) })
	if sharedErr != nil {
		tb.Fatalf("starting the Kubernetes API server: %v", sharedErr)
	}
	return shared
}

// Stop stops the shared API server, if one started. Call it from TestMain
// after m.Run.
func Stop() {
	if shared != nil {
		shared.Close()
	}
}

// Start starts etcd and kube-apiserver from the binaries in bin, waits
// until the API server is ready, and starts the roll-out stand-in.
func Start(bin string) (_ *Cluster, err error) {
	dir, err := os.MkdirTemp("", "woow-kubeapi-")
	if err != nil {
		return nil, err
	}
	c := &Cluster{dir: dir, done: make(chan struct{})}
	defer func() {
		if err != nil {
			c.stopAll() // the directory stays, for its logs
			err = fmt.Errorf("%w (logs in %s)", err, dir)
		}
	}()

	ports, err := freePorts(3)
	if err != nil {
		return nil, err
	}
	etcdURL := "http://127.0.0.1:" + strconv.Itoa(ports[0])
	peerURL := "http://127.0.0.1:" + strconv.Itoa(ports[1])
	if err := c.run(filepath.Join(bin, "etcd"), "etcd.log",
		"--name=default",
		"--data-dir="+filepath.Join(dir, "etcd"),
		"--listen-client-urls="+etcdURL, "--advertise-client-urls="+etcdURL,
		"--listen-peer-urls="+peerURL, "--initial-advertise-peer-urls="+peerURL,
		"--initial-cluster=default="+peerURL,
		"--unsafe-no-fsync", // a throw-away store: durability buys nothing here
	); err != nil {
		return nil, err
	}

	token, err := randomHex(16)
	if err != nil {
		return nil, err
	}
	// Members of system:masters pass every RBAC check.
	tokens := filepath.Join(dir, "tokens.csv")
	if err := os.WriteFile(tokens, []byte(token+`,admin,admin,"system:masters"`+"\n"), 0o600); err != nil {
		return nil, err
	}
	saKey := filepath.Join(dir, "sa.key")
	if err := writeRSAKey(saKey); err != nil {
		return nil, err
	}
	port := ports[2]
	if err := c.run(filepath.Join(bin, "kube-apiserver"), "kube-apiserver.log",
		"--etcd-servers="+etcdURL,
		"--bind-address=127.0.0.1", "--advertise-address=127.0.0.1",
		"--secure-port="+strconv.Itoa(port),
		"--cert-dir="+filepath.Join(dir, "certs"),
		"--token-auth-file="+tokens,
		"--authorization-mode=RBAC",
		"--service-account-issuer=https://kubernetes.default.svc",
		"--service-account-key-file="+saKey,
		"--service-account-signing-key-file="+saKey,
		"--service-cluster-ip-range=10.0.0.0/24",
		// No controller-manager mints service account tokens.
		"--disable-admission-plugins=ServiceAccount",
	); err != nil {
		return nil, err
	}

	server := "https://127.0.0.1:" + strconv.Itoa(port)
	if err := waitReady(server, token, c.exited, 2*time.Minute); err != nil {
		return nil, err
	}
	c.Kubeconfig = filepath.Join(dir, "kubeconfig")
	if err := os.WriteFile(c.Kubeconfig, []byte(kubeconfig(server, token)), 0o600); err != nil {
		return nil, err
	}
	if c.Config, err = clientcmd.BuildConfigFromFlags("", c.Kubeconfig); err != nil {
		return nil, err
	}
	if c.Clientset, err = kubernetes.NewForConfig(c.Config); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	c.stop = cancel
	go func() {
		defer close(c.done)
		rollOut(ctx, c.Clientset)
	}()
	return c, nil
}

// Close stops the stand-in, the API server and etcd, and removes their
// files.
func (c *Cluster) Close() {
	c.stopAll()
	os.RemoveAll(c.dir)
}

func (c *Cluster) stopAll() {
	if c.stop != nil {
		c.stop()
		<-c.done
	}
	for i := len(c.procs) - 1; i >= 0; i-- { // the API server before etcd
		p := c.procs[i]
		_ = p.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-p.done:
		case <-time.After(10 * time.Second):
			_ = p.cmd.Process.Kill()
			<-p.done
		}
	}
}

// run starts a program with its output in a log file in the cluster's
// directory.
func (c *Cluster) run(path, logName string, args ...string) error {
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("%s: %w (build it with scripts/kubeapi.sh)", path, err)
	}
	log, err := os.Create(filepath.Join(c.dir, logName))
	if err != nil {
		return err
	}
	cmd := exec.Command(path, args...)
	cmd.Stdout, cmd.Stderr = log, log
	// Its own process group, and killed with the test binary.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		log.Close()
		return err
	}
	log.Close() // the child holds its own descriptor
	p := &proc{cmd: cmd, done: make(chan struct{})}
	go func() {
		_ = cmd.Wait()
		close(p.done)
	}()
	c.procs = append(c.procs, p)
	return nil
}

// proc is a started program; done closes when it has ended.
type proc struct {
	cmd  *exec.Cmd
	done chan struct{}
}

// exited tells whether a started program has already ended, so that a
// failed start is reported at once rather than after the ready timeout.
func (c *Cluster) exited() error {
	for _, p := range c.procs {
		select {
		case <-p.done:
			return fmt.Errorf("%s exited: %s", filepath.Base(p.cmd.Path), p.cmd.ProcessState)
		default:
		}
	}
	return nil
}

// waitReady polls the API server's /readyz until it answers ok.
func waitReady(server, token string, exited func() error, timeout time.Duration) error {
	client := &http.Client{
		Timeout: 2 * time.Second,
		// The serving certificate is self-signed by kube-apiserver at start.
		Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}},
	}
	deadline := time.Now().Add(timeout)
	var last error
	for time.Now().Before(deadline) {
		if err := exited(); err != nil {
			return err
		}
		req, _ := http.NewRequest(http.MethodGet, server+"/readyz", nil)
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := client.Do(req)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
			err = fmt.Errorf("/readyz answered %s", resp.Status)
		}
		last = err
		time.Sleep(250 * time.Millisecond)
	}
	return fmt.Errorf("the API server was not ready within %s: %v", timeout, last)
}

func kubeconfig(server, token string) string {
	return `apiVersion: v1
kind: Config
clusters:
- name: test
  cluster:
    server: ` + server + `
    insecure-skip-tls-verify: true
users:
- name: admin
  user:
    token: ` + token + `
contexts:
- name: test
  context:
    cluster: test
    user: admin
current-context: test
`
}

func writeRSAKey(path string) error {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return err
	}
	pemBytes := pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(key)})
	return os.WriteFile(path, pemBytes, 0o600)
}

func randomHex(n int) (string, error) {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}

// freePorts finds n loopback ports nothing listens on.
func freePorts(n int) ([]int, error) {
	var (
		ports []int
		ls    []net.Listener
	)
	defer func() {
		for _, l := range ls {
			l.Close()
		}
	}()
	for range n {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, err
		}
		ls = append(ls, l)
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	return ports, nil
}
