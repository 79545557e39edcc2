package helmops

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/Masterminds/semver/v3"
	"helm.sh/helm/v3/pkg/chart"
	"helm.sh/helm/v3/pkg/chart/loader"
	"helm.sh/helm/v3/pkg/registry"
	"helm.sh/helm/v3/pkg/repo"
	"oras.land/oras-go/v2/errdef"
	"oras.land/oras-go/v2/registry/remote/errcode"
)

// ChartRef names a chart to fetch.
type ChartRef struct {
	// Ref is one of:
	//   - "oci://registry/repository/chart": a chart in an OCI registry;
	//   - a chart name, when RepoURL is set;
	//   - an http(s):// URL of a chart archive (.tgz);
	//   - a local chart directory or archive path, inside one of
	//     Config.ChartDirs (see LocalChartPath).
	Ref string
	// RepoURL is an HTTP(S) chart repository (one serving index.yaml) when
	// Ref is a chart name.
	RepoURL string
	// Version is a chart version or a semver constraint ("^1.2"); "" means
	// the latest stable version. Only an exact version lets a cached chart
	// be used without asking the repository.
	Version string
}

func (r ChartRef) String() string {
	s := r.Ref
	if r.RepoURL != "" {
		s = r.RepoURL + " " + s
	}
	if r.Version != "" {
		s += "@" + r.Version
	}
	return s
}

// Chart fetches and loads the chart ref names. Charts from a repository or
// registry are cached on disk (in Config.CacheDir) under (ref, repository,
// resolved version), written atomically, and reused: a chart asked for by
// exact version is read from the cache without any request; a latest or
// constraint version asks the index (or the registry's tags) each time and
// reuses a cached archive of the version it resolves to; an archive URL is
// cached under its URL. Local charts are loaded as they are, from inside
// Config.ChartDirs only (ErrLocalChartRefused otherwise). Downloads are
// bounded by Config.MaxChartBytes (and MaxIndexBytes for index.yaml) and
// Config.FetchTimeout.
//
// A chart, version or repository that does not exist (404, not in the
// index, no such path) is ErrChartNotFound.
func (e *Engine) Chart(ctx context.Context, ref ChartRef) (*chart.Chart, error) {
	switch {
	case ref.Ref == "":
		return nil, fmt.Errorf("%w: empty chart reference", ErrChartNotFound)
	case IsBuiltin(ref.Ref):
		return BuiltinChart(ref.Ref)
	case IsUpload(ref.Ref):
		return e.cfg.Uploads.Chart(ctx, ref.Ref)
	case registry.IsOCI(ref.Ref):
		return e.ociChart(ctx, ref)
	case ref.RepoURL != "":
		return e.repoChart(ctx, ref)
	case isURL(ref.Ref):
		return e.cachedChart(ctx, ref, ref.Version, func() ([]byte, error) {
			return e.download(ctx, ref.Ref, e.cfg.MaxChartBytes)
		})
	default:
		path, err := LocalChartPath(e.cfg.ChartDirs, ref.Ref)
		if err != nil {
			return nil, err
		}
		return localChart(path)
	}
}

// isURL tells whether ref is a chart archive's http(s) address.
func isURL(ref string) bool {
	return strings.HasPrefix(ref, "http://") || strings.HasPrefix(ref, "https://")
}

// IsLocal reports whether r names a chart on the server's disk (a path),
// which Chart loads only from inside Config.ChartDirs.
func (r ChartRef) IsLocal() bool {
	return r.Ref != "" && r.RepoURL == "" && !registry.IsOCI(r.Ref) && !isURL(r.Ref) && !IsBuiltin(r.Ref) && !IsUpload(r.Ref)
}

// localChart loads the chart at a path LocalChartPath resolved.
func localChart(path string) (*chart.Chart, error) {
	ch, err := loader.Load(path)
	if err != nil {
		return nil, fmt.Errorf("loading chart %s: %w", path, err)
	}
	return ch, nil
}

// repoChart fetches a chart by name from an HTTP chart repository: its
// index.yaml (Helm's repo package parses and searches it), then the
// archive the index points to, checked against the index's digest.
func (e *Engine) repoChart(ctx context.Context, ref ChartRef) (*chart.Chart, error) {
	if isExactVersion(ref.Version) {
		if ch := e.cacheLookup(ref, ref.Version); ch != nil {
			return ch, nil
		}
	}
	indexURL, err := repo.ResolveReferenceURL(ref.RepoURL, "index.yaml")
	if err != nil {
		return nil, err
	}
	data, err := e.download(ctx, indexURL, e.cfg.MaxIndexBytes)
	if err != nil {
		return nil, err
	}
	idx, err := loadIndex(e.cfg.CacheDir, data)
	if err != nil {
		return nil, fmt.Errorf("chart repository %s: %w", ref.RepoURL, err)
	}
	cv, err := idx.Get(ref.Ref, ref.Version)
	if err != nil {
		return nil, fmt.Errorf("%w: %s in %s: %w", ErrChartNotFound, ref.Ref, ref.RepoURL, err)
	}
	if len(cv.URLs) == 0 {
		return nil, fmt.Errorf("%w: %s %s in %s has no download URL", ErrChartNotFound, ref.Ref, cv.Version, ref.RepoURL)
	}
	chartURL, err := repo.ResolveReferenceURL(ref.RepoURL, cv.URLs[0])
	if err != nil {
		return nil, err
	}
	return e.cachedChart(ctx, ref, cv.Version, func() ([]byte, error) {
		b, err := e.download(ctx, chartURL, e.cfg.MaxChartBytes)
		if err != nil {
			return nil, err
		}
		if cv.Digest != "" {
			sum := sha256.Sum256(b)
			if got := hex.EncodeToString(sum[:]); !strings.EqualFold(got, cv.Digest) {
				return nil, fmt.Errorf("chart %s: digest %s does not match the index (%s)", chartURL, got, cv.Digest)
			}
		}
		return b, nil
	})
}

// loadIndex parses an index.yaml with Helm's repo.LoadIndexFile (the only
// exported loader takes a path), through a temporary file in dir.
func loadIndex(dir string, data []byte) (*repo.IndexFile, error) {
	f, err := os.CreateTemp(dir, ".index-*.yaml")
	if err != nil {
		return nil, err
	}
	defer os.Remove(f.Name())
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	return repo.LoadIndexFile(f.Name())
}

// ociChart pulls a chart from an OCI registry with Helm's registry client.
func (e *Engine) ociChart(ctx context.Context, ref ChartRef) (*chart.Chart, error) {
	name := strings.TrimPrefix(ref.Ref, "oci://")
	if last := name[strings.LastIndex(name, "/")+1:]; strings.ContainsAny(last, ":@") {
		return nil, fmt.Errorf("chart %s: give the version in ChartRef.Version, not in the reference", ref.Ref)
	}
	tag := ref.Version
	if isExactVersion(tag) {
		if ch := e.cacheLookup(ref, tag); ch != nil {
			return ch, nil
		}
	} else {
		var tags []string
		err := withContext(ctx, func() (err error) {
			tags, err = e.registry.Tags(name)
			return err
		})
		if err != nil {
			return nil, ociError(ref, err)
		}
		if tag, err = registry.GetTagMatchingVersionOrConstraint(tags, ref.Version); err != nil {
			return nil, fmt.Errorf("%w: %s: %w", ErrChartNotFound, ref, err)
		}
	}
	return e.cachedChart(ctx, ref, tag, func() ([]byte, error) {
		var res *registry.PullResult
		err := withContext(ctx, func() (err error) {
			res, err = e.registry.Pull(name+":"+tag, registry.PullOptWithChart(true))
			return err
		})
		if err != nil {
			return nil, ociError(ref, err)
		}
		return res.Chart.Data, nil
	})
}

func ociError(ref ChartRef, err error) error {
	var resp *errcode.ErrorResponse
	if errors.Is(err, errdef.ErrNotFound) || (errors.As(err, &resp) && resp.StatusCode == http.StatusNotFound) {
		return fmt.Errorf("%w: %s: %w", ErrChartNotFound, ref, err)
	}
	return fmt.Errorf("pulling %s: %w", ref, err)
}

// withContext runs fn, which cannot be cancelled (Helm's registry client
// takes no context), and returns early when ctx ends; fn is bounded by the
// HTTP client's timeout.
func withContext(ctx context.Context, fn func() error) error {
	done := make(chan error, 1)
	go func() { done <- fn() }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// isExactVersion tells whether v names one version (not a constraint).
func isExactVersion(v string) bool {
	_, err := semver.StrictNewVersion(v)
	return err == nil
}

// cacheFile is where the chart for (ref, repository, version) is cached.
func (e *Engine) cacheFile(ref ChartRef, version string) string {
	sum := sha256.Sum256([]byte(ref.Ref + "\x00" + ref.RepoURL + "\x00" + version))
	return filepath.Join(e.cfg.CacheDir, hex.EncodeToString(sum[:16])+".tgz")
}

// cacheLookup loads a cached chart, or returns nil (a damaged cache file is
// removed, to be fetched again).
func (e *Engine) cacheLookup(ref ChartRef, version string) *chart.Chart {
	path := e.cacheFile(ref, version)
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	ch, err := loader.LoadArchive(f)
	if err != nil {
		e.log.Warn("removing damaged cached chart", "chart", ref.String(), "file", path, "err", err)
		_ = os.Remove(path)
		return nil
	}
	return ch
}

// cachedChart returns the cached chart for (ref, version), or fetches it,
// checks that it loads, and caches it. Concurrent fetches of one chart
// share one download.
func (e *Engine) cachedChart(ctx context.Context, ref ChartRef, version string, fetch func() ([]byte, error)) (*chart.Chart, error) {
	if ch := e.cacheLookup(ref, version); ch != nil {
		return ch, nil
	}
	path := e.cacheFile(ref, version)
	// The download is shared; each caller loads its own chart, since Helm
	// changes a chart while installing it (dependency processing).
	v, err, _ := e.fetches.Do(path, func() (any, error) {
		data, err := fetch()
		if err != nil {
			return nil, err
		}
		if _, err := loader.LoadArchive(bytes.NewReader(data)); err != nil {
			return nil, fmt.Errorf("chart %s: %w", ref, err)
		}
		if err := writeFileAtomic(path, data); err != nil {
			e.log.Warn("caching chart", "chart", ref.String(), "err", err)
		}
		return data, nil
	})
	if err != nil {
		return nil, err
	}
	return loader.LoadArchive(bytes.NewReader(v.([]byte)))
}

// writeFileAtomic writes data to path through a temporary file in the same
// directory, synced and renamed, so that readers never see a partial file.
func writeFileAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".chart-*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

// errTooLarge is returned for a download over its size limit.
var errTooLarge = errors.New("exceeds the size limit")

// download GETs rawURL with the engine's HTTP client (bounded by
// FetchTimeout) and returns at most limit bytes; a larger body is an error,
// a 404 is ErrChartNotFound.
func (e *Engine) download(ctx context.Context, rawURL string, limit int64) ([]byte, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, fmt.Errorf("chart URL %q: must be http or https", rawURL)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", "woow-paas-helmops")
	resp, err := e.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("fetching %s: %w", redact(u), err)
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotFound:
		return nil, fmt.Errorf("%w: %s: %s", ErrChartNotFound, redact(u), resp.Status)
	case resp.StatusCode != http.StatusOK:
		return nil, fmt.Errorf("fetching %s: %s", redact(u), resp.Status)
	case resp.ContentLength > limit:
		return nil, fmt.Errorf("fetching %s: %d bytes %w of %d bytes", redact(u), resp.ContentLength, errTooLarge, limit)
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, fmt.Errorf("fetching %s: %w", redact(u), err)
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("fetching %s: body %w of %d bytes", redact(u), errTooLarge, limit)
	}
	return b, nil
}

// redact drops credentials from a URL for messages.
func redact(u *url.URL) string {
	c := *u
	c.User = nil
	return c.String()
}

// limitTransport bounds every response body it returns to limit bytes:
// reading past it fails. Helm's registry client reads whole blobs into
// memory, so this is where an OCI pull gets its size limit.
type limitTransport struct {
	base  http.RoundTripper
	limit int64
}

func (t limitTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.base.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	if resp.ContentLength > t.limit {
		resp.Body.Close()
		return nil, fmt.Errorf("%s: %d bytes %w of %d bytes", req.URL.Redacted(), resp.ContentLength, errTooLarge, t.limit)
	}
	resp.Body = &limitedBody{rc: resp.Body, left: t.limit}
	return resp, nil
}

type limitedBody struct {
	rc   io.ReadCloser
	left int64
}

func (b *limitedBody) Read(p []byte) (int, error) {
	if b.left <= 0 {
		// Probe for one more byte: reaching EOF exactly at the limit is fine.
		var one [1]byte
		n, err := b.rc.Read(one[:])
		if n > 0 {
			return 0, fmt.Errorf("response body %w", errTooLarge)
		}
		return 0, err
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.rc.Read(p)
	b.left -= int64(n)
	return n, err
}

func (b *limitedBody) Close() error { return b.rc.Close() }
