package main

import (
	"archive/tar"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/layout"
	"github.com/google/go-containerregistry/pkg/v1/tarball"
	"github.com/google/go-containerregistry/pkg/v1/types"
)

// TestImage builds the binary the way `make image` does (static, with the
// version and revision linked in; the web app is embedded if
// frontend/dist was built, else the placeholder page), builds the image,
// writes it, reads both outputs back and checks the config, the files and
// that the binary inside runs.
func TestImage(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the server binary")
	}
	const (
		version  = "v0.0.0-imagetest"
		revision = "0123456789abcdef0123456789abcdef01234567"
	)
	dir := t.TempDir()
	bin := filepath.Join(dir, "woow")
	cmd := exec.Command("go", "build", "-trimpath",
		"-ldflags", "-s -w -X main.version="+version+" -X main.revision="+revision,
		"-o", bin, "github.com/woowtech/woow-paas")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS=linux")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	created := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	img, err := Build(Options{
		Binary:   bin,
		CACerts:  "/etc/ssl/certs/ca-certificates.crt",
		Version:  version,
		Revision: revision,
		Created:  created,
	})
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("no CA bundle on this machine: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "image")
	if err := Write(img, out, version); err != nil {
		t.Fatal(err)
	}
	want, err := img.Digest()
	if err != nil {
		t.Fatal(err)
	}

	fromLayout := readLayout(t, filepath.Join(out, "oci"), version)
	if d, _ := fromLayout.Digest(); d != want {
		t.Errorf("layout digest %s, built %s", d, want)
	}
	checkImage(t, fromLayout, version, revision)
	if cf, _ := fromLayout.ConfigFile(); !cf.Created.Equal(created) {
		t.Errorf("created %v, want %v", cf.Created, created)
	}

	fromTar, err := tarball.ImageFromPath(filepath.Join(out, "woow-paas.tar"), nil)
	if err != nil {
		t.Fatal(err)
	}
	wantCfg, _ := img.ConfigName()
	if c, _ := fromTar.ConfigName(); c != wantCfg {
		t.Errorf("tarball config %s, built %s", c, wantCfg)
	}

	// Same inputs, same image.
	again, err := Build(Options{Binary: bin, CACerts: "/etc/ssl/certs/ca-certificates.crt",
		Version: version, Revision: revision, Created: created})
	if err != nil {
		t.Fatal(err)
	}
	if d, _ := again.Digest(); d != want {
		t.Errorf("rebuild digest %s, first %s: not reproducible", d, want)
	}
}

// TestMadeImage checks what `make image` left in dist/image, if anything.
func TestMadeImage(t *testing.T) {
	dir := filepath.Join("..", "..", "dist", "image", "oci")
	if _, err := os.Stat(filepath.Join(dir, "index.json")); err != nil {
		t.Skip("no image: run make image")
	}
	img := readLayout(t, dir, "")
	cf, err := img.ConfigFile()
	if err != nil {
		t.Fatal(err)
	}
	l := cf.Config.Labels
	checkImage(t, img, l["org.opencontainers.image.version"], l["org.opencontainers.image.revision"])
}

func readLayout(t *testing.T, dir, tag string) v1.Image {
	t.Helper()
	idx, err := layout.ImageIndexFromPath(dir)
	if err != nil {
		t.Fatal(err)
	}
	im, err := idx.IndexManifest()
	if err != nil {
		t.Fatal(err)
	}
	if len(im.Manifests) != 1 {
		t.Fatalf("layout has %d manifests, want 1", len(im.Manifests))
	}
	desc := im.Manifests[0]
	if desc.MediaType != types.OCIManifestSchema1 {
		t.Errorf("manifest media type %s", desc.MediaType)
	}
	if got := desc.Annotations["org.opencontainers.image.ref.name"]; tag != "" && got != tag {
		t.Errorf("ref.name %q, want %q", got, tag)
	}
	img, err := idx.Image(desc.Digest)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// checkImage checks the config, the layer's files, and runs /woow version.
func checkImage(t *testing.T, img v1.Image, version, revision string) {
	t.Helper()
	if version == "" || revision == "" {
		t.Errorf("version %q, revision %q: both must be set", version, revision)
	}
	cf, err := img.ConfigFile()
	if err != nil {
		t.Fatal(err)
	}
	c := cf.Config
	if cf.OS != "linux" || cf.Architecture == "" {
		t.Errorf("platform %s/%s", cf.OS, cf.Architecture)
	}
	if c.User != "65532:65532" {
		t.Errorf("user %q, want 65532:65532 (non-root)", c.User)
	}
	if !slices.Equal(c.Entrypoint, []string{"/woow"}) || !slices.Equal(c.Cmd, []string{"serve"}) {
		t.Errorf("entrypoint %q cmd %q", c.Entrypoint, c.Cmd)
	}
	for _, e := range []string{"WOOW_ADDR=0.0.0.0:8080", "WOOW_DATA_DIR=/data", "SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt"} {
		if !slices.Contains(c.Env, e) {
			t.Errorf("env %q lacks %s", c.Env, e)
		}
	}
	if _, ok := c.ExposedPorts["8080/tcp"]; !ok || len(c.ExposedPorts) != 1 {
		t.Errorf("exposed ports %v", c.ExposedPorts)
	}
	if _, ok := c.Volumes["/data"]; !ok || c.WorkingDir != "/data" {
		t.Errorf("volumes %v, working dir %q", c.Volumes, c.WorkingDir)
	}
	for k, v := range map[string]string{
		"org.opencontainers.image.version":  version,
		"org.opencontainers.image.revision": revision,
		"org.opencontainers.image.source":   Source,
		"org.opencontainers.image.title":    Title,
		"org.opencontainers.image.created":  cf.Created.UTC().Format(time.RFC3339),
	} {
		if c.Labels[k] != v {
			t.Errorf("label %s = %q, want %q", k, c.Labels[k], v)
		}
	}
	m, err := img.Manifest()
	if err != nil {
		t.Fatal(err)
	}
	if m.Annotations["org.opencontainers.image.revision"] != revision {
		t.Errorf("manifest annotations %v", m.Annotations)
	}

	layers, err := img.Layers()
	if err != nil {
		t.Fatal(err)
	}
	if len(layers) != 1 {
		t.Fatalf("%d layers, want 1", len(layers))
	}
	rc, err := layers[0].Uncompressed()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	type file struct {
		mode     int64
		uid, gid int
		dir      bool
	}
	want := map[string]file{
		"woow":                              {0o755, 0, 0, false},
		"etc/passwd":                        {0o644, 0, 0, false},
		"etc/group":                         {0o644, 0, 0, false},
		"etc/ssl/certs/ca-certificates.crt": {0o644, 0, 0, false},
		"data/":                             {0o750, 65532, 65532, true},
		"tmp/":                              {0o1777, 0, 0, true},
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "woow")
	var passwd string
	tr := tar.NewReader(rc)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		w, ok := want[h.Name]
		if !ok {
			continue
		}
		delete(want, h.Name)
		got := file{h.Mode, h.Uid, h.Gid, h.Typeflag == tar.TypeDir}
		if got != w {
			t.Errorf("%s: mode %o uid %d gid %d dir %v, want %o %d %d %v", h.Name, got.mode, got.uid, got.gid, got.dir, w.mode, w.uid, w.gid, w.dir)
		}
		switch h.Name {
		case "woow":
			f, err := os.OpenFile(bin, os.O_CREATE|os.O_WRONLY, 0o755)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := io.Copy(f, tr); err != nil {
				t.Fatal(err)
			}
			if err := f.Close(); err != nil {
				t.Fatal(err)
			}
		case "etc/passwd":
			b, _ := io.ReadAll(tr)
			passwd = string(b)
		case "etc/ssl/certs/ca-certificates.crt":
			b, _ := io.ReadAll(tr)
			if !strings.Contains(string(b), "BEGIN CERTIFICATE") {
				t.Error("CA bundle holds no certificate")
			}
		}
	}
	for name := range want {
		t.Errorf("%s missing from the image", name)
	}
	if !strings.Contains(passwd, "woow:x:65532:65532:") {
		t.Errorf("/etc/passwd lacks the woow user:\n%s", passwd)
	}

	if runtime.GOOS != "linux" || runtime.GOARCH != cf.Architecture {
		t.Logf("cannot run a linux/%s binary here", cf.Architecture)
		return
	}
	cmd := exec.Command(bin, "version")
	cmd.Env = []string{} // as in the image: nothing but what it sets
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("/woow version: %v\n%s", err, out)
	}
	line := strings.TrimSpace(string(out))
	if !strings.Contains(line, version) || !strings.Contains(line, revision) {
		t.Errorf("/woow version printed %q, want version %s and revision %s", line, version, revision)
	}
	t.Logf("/woow version: %s", line)
}
