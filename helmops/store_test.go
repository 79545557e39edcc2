package helmops

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"helm.sh/helm/v3/pkg/chart"
	rspb "helm.sh/helm/v3/pkg/release"
	"helm.sh/helm/v3/pkg/storage"
	"helm.sh/helm/v3/pkg/storage/driver"
	helmtime "helm.sh/helm/v3/pkg/time"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	k8sfake "k8s.io/client-go/kubernetes/fake"

	"github.com/woowtech/woow-paas/secretbox"
	"github.com/woowtech/woow-paas/store/storetest"
	"github.com/woowtech/woow-paas/viewer"
)

// The cases below are adapted from Helm's own driver tests
// (pkg/storage/driver/memory_test.go and mock_test.go).

func releaseStub(name string, vers int, namespace string, status rspb.Status) *rspb.Release {
	return &rspb.Release{
		Name:      name,
		Version:   vers,
		Namespace: namespace,
		Info:      &rspb.Info{Status: status},
		Labels:    map[string]string{"key1": "val1", "key2": "val2"},
	}
}

func testKey(name string, vers int) string { return fmt.Sprintf("%s.v%d", name, vers) }

// fixture fills a store with Helm's test fixture and returns it.
func fixture(t *testing.T) *ReleaseStore {
	t.Helper()
	st := NewReleaseStore(storetest.Open(t).Client, nil)
	ctx := context.Background()
	for _, r := range []*rspb.Release{
		releaseStub("rls-a", 4, "default", rspb.StatusDeployed),
		releaseStub("rls-a", 1, "default", rspb.StatusSuperseded),
		releaseStub("rls-a", 3, "default", rspb.StatusSuperseded),
		releaseStub("rls-a", 2, "default", rspb.StatusSuperseded),
		releaseStub("rls-b", 4, "default", rspb.StatusDeployed),
		releaseStub("rls-b", 1, "default", rspb.StatusSuperseded),
		releaseStub("rls-b", 3, "default", rspb.StatusSuperseded),
		releaseStub("rls-b", 2, "default", rspb.StatusSuperseded),
		releaseStub("rls-c", 4, "mynamespace", rspb.StatusDeployed),
		releaseStub("rls-c", 1, "mynamespace", rspb.StatusSuperseded),
		releaseStub("rls-c", 3, "mynamespace", rspb.StatusSuperseded),
		releaseStub("rls-c", 2, "mynamespace", rspb.StatusSuperseded),
	} {
		if err := st.Driver(ctx, r.Namespace).Create(testKey(r.Name, r.Version), r); err != nil {
			t.Fatalf("fixture: %v", err)
		}
	}
	return st
}

func TestDriverName(t *testing.T) {
	st := NewReleaseStore(nil, nil)
	if got := st.Driver(context.Background(), "x").Name(); got != DriverName {
		t.Fatalf("Name() = %q", got)
	}
}

func TestDriverContract(t *testing.T) {
	st := fixture(t)
	ctx := context.Background()

	t.Run("create", func(t *testing.T) {
		for _, tt := range []struct {
			desc string
			ns   string // driver namespace
			rls  *rspb.Release
			err  error
		}{
			{"create should succeed", "default", releaseStub("rls-c", 1, "default", rspb.StatusDeployed), nil},
			{"create should fail (release already exists)", "default", releaseStub("rls-a", 1, "default", rspb.StatusDeployed), driver.ErrReleaseExists},
			{"create in namespace should succeed", "mynamespace", releaseStub("rls-a", 1, "mynamespace", rspb.StatusDeployed), nil},
			{"create in other namespace should fail (release already exists)", "mynamespace", releaseStub("rls-c", 1, "mynamespace", rspb.StatusDeployed), driver.ErrReleaseExists},
			{"unscoped driver writes to the release's namespace", "", releaseStub("rls-c", 2, "default", rspb.StatusDeployed), nil},
			{"unscoped driver: existing", "", releaseStub("rls-c", 2, "mynamespace", rspb.StatusDeployed), driver.ErrReleaseExists},
		} {
			err := st.Driver(ctx, tt.ns).Create(testKey(tt.rls.Name, tt.rls.Version), tt.rls)
			if !errors.Is(err, tt.err) || (tt.err == nil && err != nil) {
				t.Errorf("%s: err = %v, want %v", tt.desc, err, tt.err)
			}
		}
	})

	t.Run("get", func(t *testing.T) {
		for _, tt := range []struct {
			desc, key, ns string
			err           bool
		}{
			{"release key should exist", "rls-a.v1", "default", false},
			{"release key should not exist", "rls-a.v5", "default", true},
			{"release key in namespace should exist", "rls-c.v3", "mynamespace", false},
			{"release key in namespace should not exist", "rls-b.v1", "mynamespace", true},
			{"unscoped driver reads default", "rls-b.v1", "", false},
		} {
			r, err := st.Driver(ctx, tt.ns).Get(tt.key)
			switch {
			case tt.err && !errors.Is(err, driver.ErrReleaseNotFound):
				t.Errorf("%s: err = %v, want ErrReleaseNotFound", tt.desc, err)
			case !tt.err && err != nil:
				t.Errorf("%s: %v", tt.desc, err)
			case !tt.err && (testKey(r.Name, r.Version) != tt.key || !reflect.DeepEqual(r.Labels, map[string]string{"key1": "val1", "key2": "val2"})):
				t.Errorf("%s: got %s labels %v", tt.desc, testKey(r.Name, r.Version), r.Labels)
			}
		}
	})

	t.Run("list", func(t *testing.T) {
		d := st.Driver(ctx, "default")
		count := func(s rspb.Status) int {
			ls, err := d.List(func(r *rspb.Release) bool { return r.Info.Status == s })
			if err != nil {
				t.Fatal(err)
			}
			return len(ls)
		}
		// The create subtest added rls-c v1 and v2 (deployed) to default.
		if n := count(rspb.StatusDeployed); n != 4 {
			t.Errorf("deployed in default = %d, want 4", n)
		}
		if n := count(rspb.StatusSuperseded); n != 6 {
			t.Errorf("superseded in default = %d, want 6", n)
		}
		if n := count(rspb.StatusUninstalled); n != 0 {
			t.Errorf("uninstalled = %d, want 0", n)
		}
		all, err := st.Driver(ctx, "").List(func(*rspb.Release) bool { return true })
		if err != nil || len(all) != 15 {
			t.Errorf("all namespaces: %d releases, %v; want 15", len(all), err)
		}
	})

	t.Run("query", func(t *testing.T) {
		for _, tt := range []struct {
			desc string
			xlen int
			ns   string
			lbs  map[string]string
		}{
			{"deployed in default", 4, "default", map[string]string{"status": "deployed"}},
			{"deployed in mynamespace", 2, "mynamespace", map[string]string{"status": "deployed"}},
			{"history of a release", 4, "default", map[string]string{"name": "rls-a", "owner": "helm"}},
			{"one version", 1, "default", map[string]string{"name": "rls-a", "version": "3"}},
			{"custom label", 3, "mynamespace", map[string]string{"name": "rls-c", "key1": "val1", "status": "superseded"}},
			{"all namespaces", 3, "", map[string]string{"name": "rls-c", "status": "deployed"}},
		} {
			l, err := st.Driver(ctx, tt.ns).Query(tt.lbs)
			if err != nil || len(l) != tt.xlen {
				t.Errorf("%s: %d results, %v; want %d", tt.desc, len(l), err, tt.xlen)
			}
		}
		for _, lbs := range []map[string]string{
			{"name": "nope", "owner": "helm"},
			{"name": "rls-a", "key1": "other"},
			{"name": "rls-a", "version": "x"},
		} {
			if _, err := st.Driver(ctx, "default").Query(lbs); !errors.Is(err, driver.ErrReleaseNotFound) {
				t.Errorf("query %v: err = %v, want ErrReleaseNotFound", lbs, err)
			}
		}
	})

	t.Run("update", func(t *testing.T) {
		for _, tt := range []struct {
			desc, key, ns string
			rls           *rspb.Release
			err           bool
		}{
			{"update release status", "rls-a.v4", "default", releaseStub("rls-a", 4, "default", rspb.StatusSuperseded), false},
			{"update release does not exist", "rls-z.v1", "default", releaseStub("rls-z", 1, "default", rspb.StatusUninstalled), true},
			{"update release status in namespace", "rls-c.v4", "mynamespace", releaseStub("rls-c", 4, "mynamespace", rspb.StatusSuperseded), false},
			{"update release in namespace does not exist", "rls-b.v1", "mynamespace", releaseStub("rls-b", 1, "mynamespace", rspb.StatusUninstalled), true},
		} {
			d := st.Driver(ctx, tt.ns)
			err := d.Update(tt.key, tt.rls)
			if tt.err {
				if !errors.Is(err, driver.ErrReleaseNotFound) {
					t.Errorf("%s: err = %v, want ErrReleaseNotFound", tt.desc, err)
				}
				continue
			}
			if err != nil {
				t.Fatalf("%s: %v", tt.desc, err)
			}
			r, err := d.Get(tt.key)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(r, tt.rls) {
				t.Errorf("%s: got %+v, want %+v", tt.desc, r, tt.rls)
			}
			// The status label follows the release.
			got, err := d.Query(map[string]string{"name": tt.rls.Name, "version": fmt.Sprint(tt.rls.Version), "status": "superseded"})
			if err != nil || len(got) != 1 {
				t.Errorf("%s: query by new status: %d, %v", tt.desc, len(got), err)
			}
		}
	})

	t.Run("delete", func(t *testing.T) {
		deployed := func() int {
			l, err := st.Driver(ctx, "").Query(map[string]string{"status": "deployed"})
			if err != nil && !errors.Is(err, driver.ErrReleaseNotFound) {
				t.Fatal(err)
			}
			return len(l)
		}
		start := deployed()
		for _, tt := range []struct {
			desc, key, ns string
			err           bool
		}{
			{"release key should exist", "rls-b.v4", "default", false},
			{"release key should not exist", "rls-a.v5", "default", true},
			{"release key from other namespace should not exist", "rls-c.v4", "default", true},
			{"release key from namespace should exist", "rls-c.v2", "mynamespace", false},
			{"release key from namespace should not exist", "rls-c.v5", "mynamespace", true},
			{"release key from namespace2 should not exist", "rls-b.v4", "mynamespace", true},
		} {
			d := st.Driver(ctx, tt.ns)
			rel, err := d.Delete(tt.key)
			if tt.err {
				if !errors.Is(err, driver.ErrReleaseNotFound) {
					t.Errorf("%s: err = %v, want ErrReleaseNotFound", tt.desc, err)
				}
				continue
			}
			if err != nil {
				t.Fatalf("%s: %v", tt.desc, err)
			}
			if testKey(rel.Name, rel.Version) != tt.key {
				t.Errorf("%s: deleted %s", tt.desc, testKey(rel.Name, rel.Version))
			}
			if _, err := d.Get(tt.key); !errors.Is(err, driver.ErrReleaseNotFound) {
				t.Errorf("%s: Get after Delete: %v", tt.desc, err)
			}
		}
		// Of the two deleted, only rls-b v4 was deployed.
		if end := deployed(); end != start-1 {
			t.Errorf("deployed releases: %d, want %d", end, start-1)
		}
	})
}

// TestDriverWithHelmStorage runs Helm's storage layer (history, last,
// deployed, history pruning) on the driver.
func TestDriverWithHelmStorage(t *testing.T) {
	st := NewReleaseStore(storetest.Open(t).Client, nil)
	s := storage.Init(st.Driver(context.Background(), "apps"))
	s.MaxHistory = 3
	for v := 1; v <= 5; v++ {
		if v > 1 {
			prev, err := s.Get("web", v-1)
			if err != nil {
				t.Fatal(err)
			}
			prev.Info.Status = rspb.StatusSuperseded
			if err := s.Update(prev); err != nil {
				t.Fatal(err)
			}
		}
		r := releaseStub("web", v, "apps", rspb.StatusDeployed)
		r.Chart = &chart.Chart{Metadata: &chart.Metadata{Name: "webapp", Version: fmt.Sprintf("0.%d.0", v)}}
		r.Config = map[string]any{"replicaCount": float64(v)}
		if err := s.Create(r); err != nil {
			t.Fatal(err)
		}
	}
	h, err := s.History("web")
	if err != nil || len(h) != 3 {
		t.Fatalf("history: %d revisions, %v; want 3 (MaxHistory)", len(h), err)
	}
	last, err := s.Last("web")
	if err != nil || last.Version != 5 || last.Chart.Metadata.Version != "0.5.0" || last.Config["replicaCount"] != float64(5) {
		t.Fatalf("last: %+v, %v", last, err)
	}
	dep, err := s.Deployed("web")
	if err != nil || dep.Version != 5 {
		t.Fatalf("deployed: %+v, %v", dep, err)
	}
	if _, err := s.History("other"); !errors.Is(err, driver.ErrReleaseNotFound) {
		t.Fatalf("history of an unknown release: %v", err)
	}
	if _, err := s.Deployed("other"); !errors.Is(err, driver.ErrNoDeployedReleases) {
		t.Fatalf("deployed of an unknown release: %v", err)
	}
}

// TestEncodingMatchesHelm checks that bodies use the encoding of Helm's own
// drivers: a release written by Helm's Secrets driver decodes here, and
// one encoded here decodes there.
func TestEncodingMatchesHelm(t *testing.T) {
	cs := k8sfake.NewClientset()
	secrets := driver.NewSecrets(cs.CoreV1().Secrets("ns"))
	r := releaseStub("web", 1, "ns", rspb.StatusDeployed)
	r.Info.LastDeployed = helmtime.Now()
	r.Manifest = "kind: ConfigMap\n"
	r.Config = map[string]any{"a": "b"}
	if err := secrets.Create("sh.helm.release.v1.web.v1", r); err != nil {
		t.Fatal(err)
	}
	sec, err := cs.CoreV1().Secrets("ns").Get(context.Background(), "sh.helm.release.v1.web.v1", metav1.GetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeRelease(string(sec.Data["release"]), nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if got.Manifest != r.Manifest || got.Config["a"] != "b" || !got.Info.LastDeployed.Time.Equal(r.Info.LastDeployed.Time) {
		t.Fatalf("decoded %+v", got)
	}

	body, err := encodeRelease(r, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	sec.Data["release"] = []byte(body)
	if _, err := cs.CoreV1().Secrets("ns").Update(context.Background(), sec, metav1.UpdateOptions{}); err != nil {
		t.Fatal(err)
	}
	back, err := secrets.Get("sh.helm.release.v1.web.v1")
	if err != nil || back.Manifest != r.Manifest {
		t.Fatalf("Helm decoding ours: %+v, %v", back, err)
	}
}

// TestSealedRecords: with a box, a record is stored encrypted (its values
// and manifest unreadable in the table), bound to its row, and read back;
// records written plainly before stay readable.
func TestSealedRecords(t *testing.T) {
	box, err := secretbox.New(bytes.Repeat([]byte{7}, 32))
	if err != nil {
		t.Fatal(err)
	}
	db := storetest.Open(t)
	ctx := context.Background()
	sealed := NewReleaseStore(db.Client, box).Driver(ctx, "ns")
	r := releaseStub("web", 1, "ns", rspb.StatusDeployed)
	r.Config = map[string]any{"token": "very-secret-value"}
	r.Manifest = "kind: Secret\ndata:\n  TOKEN: dmVyeS1zZWNyZXQtdmFsdWU=\n"
	if err := sealed.Create(testKey("web", 1), r); err != nil {
		t.Fatal(err)
	}
	row := db.Client.HelmRelease.Query().OnlyX(viewer.System(ctx))
	raw, _ := base64.StdEncoding.DecodeString(strings.TrimPrefix(row.Body, sealedPrefix))
	if !strings.HasPrefix(row.Body, sealedPrefix) || bytes.HasPrefix(raw, gzipMagic) ||
		strings.Contains(row.Body, "very-secret") || bytes.Contains(raw, []byte("very-secret")) {
		t.Fatalf("stored body is not sealed: %.80s", row.Body)
	}
	got, err := sealed.Get(testKey("web", 1))
	if err != nil || got.Config["token"] != "very-secret-value" || got.Manifest != r.Manifest {
		t.Fatalf("Get = %+v, %v", got, err)
	}
	// Update re-seals.
	r.Config["token"] = "other-secret-value"
	if err := sealed.Update(testKey("web", 1), r); err != nil {
		t.Fatal(err)
	}
	if got, err := sealed.Get(testKey("web", 1)); err != nil || got.Config["token"] != "other-secret-value" {
		t.Fatalf("after Update: %+v, %v", got, err)
	}
	// Without the key the record does not open; nor under another row's key.
	if _, err := NewReleaseStore(db.Client, nil).Driver(ctx, "ns").Get(testKey("web", 1)); err == nil {
		t.Error("a sealed record opened without the key")
	}
	body := db.Client.HelmRelease.Query().OnlyX(viewer.System(ctx)).Body
	if _, err := decodeRelease(body, box, "ns/"+testKey("other", 1)); err == nil {
		t.Error("a sealed record opened under another row's key")
	}
	// A plain record (written before encryption) is read by a sealing store.
	plain := releaseStub("old", 1, "ns", rspb.StatusDeployed)
	if err := NewReleaseStore(db.Client, nil).Driver(ctx, "ns").Create(testKey("old", 1), plain); err != nil {
		t.Fatal(err)
	}
	if got, err := sealed.Get(testKey("old", 1)); err != nil || got.Name != "old" {
		t.Fatalf("plain record through the sealing store: %+v, %v", got, err)
	}
}
