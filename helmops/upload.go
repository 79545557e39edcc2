package helmops

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"helm.sh/helm/v3/pkg/chart"
	"helm.sh/helm/v3/pkg/chart/loader"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/chartarchive"
	"github.com/woowtech/woow-paas/viewer"
)

// UploadScheme starts the chart reference of an uploaded chart archive
// ("upload://<sha256 hex>"), stored in the database (ChartArchive): every
// replica loads it with no network.
const UploadScheme = "upload://"

// Limits on an uploaded archive. Helm's loader bounds a chart to 100 MiB
// decompressed (loader.MaxDecompressedChartSize, a package variable this
// process shares): far more than a chart a person uploads needs, so the
// archive is measured here first, within these.
const (
	// MaxUploadBytes is the largest archive, compressed.
	MaxUploadBytes = 1 << 20
	// MaxUploadExpanded is the most its files may hold, decompressed.
	MaxUploadExpanded = 8 << 20
	// MaxUploadFiles is the most entries the archive may have.
	MaxUploadFiles = 1000
)

var digestRe = regexp.MustCompile(`^[0-9a-f]{64}$`)

// IsUpload reports whether ref names an uploaded chart archive.
func IsUpload(ref string) bool { return strings.HasPrefix(ref, UploadScheme) }

// UploadDigest returns the digest an upload:// reference names, or false
// when it is not one (wrong scheme or not a lowercase SHA-256 hex).
func UploadDigest(ref string) (string, bool) {
	d := strings.TrimPrefix(ref, UploadScheme)
	return d, IsUpload(ref) && digestRe.MatchString(d)
}

// ErrBadArchive is what CheckArchive returns for an archive it refuses;
// the message says why in words.
var ErrBadArchive = errors.New("not a chart archive")

// CheckArchive checks an uploaded archive and loads it: gzip-compressed,
// at most MaxUploadBytes, expanding to at most MaxUploadExpanded bytes in
// at most MaxUploadFiles entries, and a chart Helm's loader accepts (its
// reason in the error otherwise). Every refusal wraps ErrBadArchive.
func CheckArchive(data []byte) (*chart.Chart, error) {
	bad := func(format string, a ...any) error {
		return fmt.Errorf("%w: %s", ErrBadArchive, fmt.Sprintf(format, a...))
	}
	if len(data) > MaxUploadBytes {
		return nil, bad("the archive is larger than %d KiB", MaxUploadBytes>>10)
	}
	if !bytes.HasPrefix(data, []byte{0x1f, 0x8b}) {
		return nil, bad("the file is not gzip-compressed: upload a chart archive (.tgz) as helm package makes it")
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, bad("the gzip data is damaged: %v", err)
	}
	tr := tar.NewReader(io.LimitReader(zr, MaxUploadExpanded+1))
	files, total := 0, int64(0)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			if total+int64(files)*512 >= MaxUploadExpanded {
				return nil, bad("the archive expands to more than %d MiB", MaxUploadExpanded>>20)
			}
			return nil, bad("the file is not a tar archive: %v", err)
		}
		if files++; files > MaxUploadFiles {
			return nil, bad("the archive has more than %d files", MaxUploadFiles)
		}
		if total += h.Size; total > MaxUploadExpanded {
			return nil, bad("the archive expands to more than %d MiB", MaxUploadExpanded>>20)
		}
	}
	ch, err := loader.LoadArchive(bytes.NewReader(data))
	if err != nil {
		return nil, bad("Helm cannot load it: %v", err)
	}
	return ch, nil
}

// Uploads reads uploaded chart archives from the database.
type Uploads struct {
	client *ent.Client
}

// NewUploads returns the uploaded charts of client's database.
func NewUploads(client *ent.Client) *Uploads { return &Uploads{client: client} }

// Chart loads the archive ref names; one not stored (or a malformed
// reference) is ErrChartNotFound.
func (u *Uploads) Chart(ctx context.Context, ref string) (*chart.Chart, error) {
	digest, ok := UploadDigest(ref)
	if !ok || u == nil {
		return nil, fmt.Errorf("%w: no uploaded chart %q", ErrChartNotFound, ref)
	}
	a, err := u.client.ChartArchive.Query().Where(chartarchive.Digest(digest)).Only(viewer.System(ctx))
	if ent.IsNotFound(err) {
		return nil, fmt.Errorf("%w: no uploaded chart %q", ErrChartNotFound, ref)
	}
	if err != nil {
		return nil, err
	}
	return loader.LoadArchive(bytes.NewReader(a.Data))
}
