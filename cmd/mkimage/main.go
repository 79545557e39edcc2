// Command mkimage builds Woow PaaS's OCI image without a container daemon
// (go-containerregistry): one layer on an empty base holding the static
// binary at /woow, the build machine's CA certificates, /etc/passwd and
// /etc/group with the non-root user woow (65532:65532), /data (the data
// directory, owned by woow) and /tmp. `make image` builds the binary and
// runs it:
//
//	go run ./cmd/mkimage -binary dist/image/woow -version v0.1.0 -out dist/image
//
// It writes an OCI image layout (out/oci, for skopeo, crane, podman) and a
// `docker load` tarball (out/woow-paas.tar), and prints the digest. The
// Dockerfile at the repository root builds the same image with Docker; keep
// the two in step.
//
// The revision and the creation time default to the binary's own build
// information (vcs.revision, vcs.time), so the labels describe exactly the
// binary inside; SOURCE_DATE_EPOCH overrides the time. Same inputs, same
// digest.
package main

import (
	"archive/tar"
	"bytes"
	"debug/buildinfo"
	"debug/elf"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"time"

	"github.com/google/go-containerregistry/pkg/name"
	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/layout"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
	"github.com/google/go-containerregistry/pkg/v1/tarball"
	"github.com/google/go-containerregistry/pkg/v1/types"
)

// The image's fixed parts. The Dockerfile repeats them.
const (
	UID        = 65532
	GID        = 65532
	User       = "woow"
	DataDir    = "/data"
	Port       = "8080/tcp"
	Repository = "ghcr.io/woowtech/woow-paas"
	Source     = "https://github.com/woowtech/woow-paas"
	Title      = "Woow PaaS"
)

// Options are one build's inputs.
type Options struct {
	Binary   string    // static linux binary, becomes /woow
	CACerts  string    // CA bundle, becomes /etc/ssl/certs/ca-certificates.crt
	Version  string    // org.opencontainers.image.version
	Revision string    // org.opencontainers.image.revision; "" = the binary's vcs.revision
	Created  time.Time // zero = the binary's vcs.time, else the Unix epoch
}

func main() {
	var o Options
	out := flag.String("out", "dist/image", "output directory: oci/ (OCI image layout) and woow-paas.tar (docker load)")
	tag := flag.String("tag", "", "tag in the layout and the tarball (default: the version)")
	flag.StringVar(&o.Binary, "binary", "dist/image/woow", "static linux binary (CGO_ENABLED=0)")
	flag.StringVar(&o.CACerts, "ca-certs", "/etc/ssl/certs/ca-certificates.crt", "CA certificate bundle")
	flag.StringVar(&o.Version, "version", "dev", "version label")
	flag.StringVar(&o.Revision, "revision", "", "revision label (default: the binary's vcs.revision)")
	flag.Parse()
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		sec, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			fail(fmt.Errorf("SOURCE_DATE_EPOCH: %w", err))
		}
		o.Created = time.Unix(sec, 0)
	}
	img, err := Build(o)
	if err != nil {
		fail(err)
	}
	if *tag == "" {
		*tag = o.Version
	}
	if err := Write(img, *out, *tag); err != nil {
		fail(err)
	}
	d, err := img.Digest()
	if err != nil {
		fail(err)
	}
	size, err := Size(img)
	if err != nil {
		fail(err)
	}
	fmt.Printf("%s:%s %s (%.1f MB compressed) in %s\n", Repository, SafeTag(*tag), d, float64(size)/1e6, *out)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "mkimage:", err)
	os.Exit(1)
}

// Build assembles the image.
func Build(o Options) (v1.Image, error) {
	bin, err := os.ReadFile(o.Binary)
	if err != nil {
		return nil, err
	}
	arch, err := staticLinuxArch(o.Binary)
	if err != nil {
		return nil, err
	}
	if o.Revision == "" || o.Created.IsZero() {
		rev, at := vcsInfo(o.Binary)
		if o.Revision == "" {
			o.Revision = rev
		}
		if o.Created.IsZero() {
			o.Created = at
		}
	}
	created := o.Created.UTC().Truncate(time.Second)
	certs, err := os.ReadFile(o.CACerts)
	if err != nil {
		return nil, err
	}
	fs, err := rootFS(created, bin, certs)
	if err != nil {
		return nil, err
	}
	layer, err := tarball.LayerFromOpener(func() (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(fs)), nil
	}, tarball.WithMediaType(types.OCILayer))
	if err != nil {
		return nil, err
	}
	img := mutate.MediaType(empty.Image, types.OCIManifestSchema1)
	img = mutate.ConfigMediaType(img, types.OCIConfigJSON)
	img, err = mutate.Append(img, mutate.Addendum{
		Layer:     layer,
		MediaType: types.OCILayer,
		History: v1.History{
			Created:   v1.Time{Time: created},
			CreatedBy: "mkimage: /woow, CA certificates, user woow, /data, /tmp",
			Comment:   "woow " + o.Version,
		},
	})
	if err != nil {
		return nil, err
	}
	cf, err := img.ConfigFile()
	if err != nil {
		return nil, err
	}
	cf = cf.DeepCopy()
	cf.OS = "linux"
	cf.Architecture = arch
	cf.Created = v1.Time{Time: created}
	labels := map[string]string{
		"org.opencontainers.image.title":    Title,
		"org.opencontainers.image.source":   Source,
		"org.opencontainers.image.version":  o.Version,
		"org.opencontainers.image.revision": o.Revision,
		"org.opencontainers.image.created":  created.Format(time.RFC3339),
	}
	cf.Config = v1.Config{
		User:       fmt.Sprintf("%d:%d", UID, GID),
		Entrypoint: []string{"/woow"},
		Cmd:        []string{"serve"},
		Env: []string{
			"PATH=/",
			"HOME=" + DataDir,
			"SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt",
			"WOOW_ADDR=0.0.0.0:8080",
			"WOOW_DATA_DIR=" + DataDir,
		},
		ExposedPorts: map[string]struct{}{Port: {}},
		Volumes:      map[string]struct{}{DataDir: {}},
		WorkingDir:   DataDir,
		Labels:       labels,
	}
	img, err = mutate.ConfigFile(img, cf)
	if err != nil {
		return nil, err
	}
	return mutate.Annotations(img, labels).(v1.Image), nil
}

// rootFS is the layer's tar: fixed owners, modes and times, so the same
// inputs give the same bytes.
func rootFS(mtime time.Time, bin, certs []byte) ([]byte, error) {
	passwd := fmt.Sprintf("root:x:0:0:root:/root:/sbin/nologin\n%s:x:%d:%d:%s:%s:/sbin/nologin\n", User, UID, GID, User, DataDir)
	group := fmt.Sprintf("root:x:0:\n%s:x:%d:\n", User, GID)
	type entry struct {
		name     string
		mode     int64
		uid, gid int
		data     []byte // nil: a directory
	}
	entries := []entry{
		{"data/", 0o750, UID, GID, nil},
		{"etc/", 0o755, 0, 0, nil},
		{"etc/group", 0o644, 0, 0, []byte(group)},
		{"etc/passwd", 0o644, 0, 0, []byte(passwd)},
		{"etc/ssl/", 0o755, 0, 0, nil},
		{"etc/ssl/certs/", 0o755, 0, 0, nil},
		{"etc/ssl/certs/ca-certificates.crt", 0o644, 0, 0, certs},
		{"tmp/", 0o1777, 0, 0, nil},
		{"woow", 0o755, 0, 0, bin},
	}
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	for _, e := range entries {
		h := &tar.Header{
			Name:    e.name,
			Mode:    e.mode,
			Uid:     e.uid,
			Gid:     e.gid,
			ModTime: mtime,
			Format:  tar.FormatPAX,
		}
		if e.uid == UID {
			h.Uname, h.Gname = User, User
		} else {
			h.Uname, h.Gname = "root", "root"
		}
		if e.data == nil {
			h.Typeflag = tar.TypeDir
		} else {
			h.Typeflag = tar.TypeReg
			h.Size = int64(len(e.data))
		}
		if err := tw.WriteHeader(h); err != nil {
			return nil, err
		}
		if _, err := tw.Write(e.data); err != nil {
			return nil, err
		}
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// staticLinuxArch checks that the binary is a statically linked linux ELF
// file (no interpreter: the image has no libc) and returns its GOARCH.
func staticLinuxArch(path string) (string, error) {
	f, err := elf.Open(path)
	if err != nil {
		return "", fmt.Errorf("%s: not a linux binary: %w", path, err)
	}
	defer f.Close()
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			return "", fmt.Errorf("%s is dynamically linked: build it with CGO_ENABLED=0", path)
		}
	}
	arch, ok := map[elf.Machine]string{
		elf.EM_X86_64:  "amd64",
		elf.EM_AARCH64: "arm64",
		elf.EM_386:     "386",
		elf.EM_RISCV:   "riscv64",
		elf.EM_PPC64:   "ppc64le",
		elf.EM_S390:    "s390x",
	}[f.Machine]
	if !ok {
		return "", fmt.Errorf("%s: unsupported machine %v", path, f.Machine)
	}
	if arch == "ppc64le" && f.Data == elf.ELFDATA2MSB {
		arch = "ppc64"
	}
	return arch, nil
}

// vcsInfo reads the commit the binary was built from and its time; the
// time is the Unix epoch when unknown.
func vcsInfo(path string) (rev string, at time.Time) {
	at = time.Unix(0, 0)
	bi, err := buildinfo.ReadFile(path)
	if err != nil {
		return "", at
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			if t, err := time.Parse(time.RFC3339, s.Value); err == nil {
				at = t
			}
		}
	}
	return rev, at
}

var notTagChar = regexp.MustCompile(`[^A-Za-z0-9_.-]`)

// SafeTag makes a version (git describe's output) a valid image tag.
func SafeTag(s string) string {
	s = notTagChar.ReplaceAllString(s, "-")
	if s == "" || s[0] == '.' || s[0] == '-' {
		s = "v" + s
	}
	if len(s) > 128 {
		s = s[:128]
	}
	return s
}

// Write replaces out/oci with an OCI image layout holding the image (its
// ref.name annotation is the tag, for `skopeo copy oci:out/oci:tag`) and
// out/woow-paas.tar with a tarball for `docker load` and `podman load`.
func Write(img v1.Image, out, tag string) error {
	tag = SafeTag(tag)
	dir := filepath.Join(out, "oci")
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	p, err := layout.Write(dir, empty.Index)
	if err != nil {
		return err
	}
	if err := p.AppendImage(img, layout.WithAnnotations(map[string]string{
		"org.opencontainers.image.ref.name": tag,
	})); err != nil {
		return err
	}
	ref, err := name.NewTag(Repository + ":" + tag)
	if err != nil {
		return err
	}
	tarPath := filepath.Join(out, "woow-paas.tar")
	if err := tarball.WriteToFile(tarPath, ref, img); err != nil {
		return errors.Join(err, os.Remove(tarPath))
	}
	return nil
}

// Size is the image's size as pushed: manifest, config and compressed
// layers.
func Size(img v1.Image) (int64, error) {
	m, err := img.Manifest()
	if err != nil {
		return 0, err
	}
	raw, err := img.RawManifest()
	if err != nil {
		return 0, err
	}
	n := int64(len(raw)) + m.Config.Size
	for _, l := range m.Layers {
		n += l.Size
	}
	return n, nil
}
