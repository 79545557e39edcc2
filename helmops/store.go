package helmops

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"helm.sh/helm/v3/pkg/release"
	"helm.sh/helm/v3/pkg/storage/driver"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/helmrelease"
	"github.com/woowtech/woow-paas/ent/predicate"
	"github.com/woowtech/woow-paas/secretbox"
	"github.com/woowtech/woow-paas/viewer"
)

// DriverName is what ReleaseStore drivers answer to Helm's Driver.Name.
const DriverName = "woow-ent"

// defaultNamespace is where Helm puts a release that names no namespace.
const defaultNamespace = "default"

// helmOwner is the owner label Helm's own drivers set on every release.
const helmOwner = "helm"

// ReleaseStore keeps Helm releases in the database (the HelmRelease table),
// for dry-run mode, where no cluster keeps them in Secrets: history,
// rollback and status then survive restarts.
//
// It is platform-internal storage: every query runs with viewer.System.
//
// A release record holds the values it was rendered from and the manifest,
// so the secrets of a service too (passwords, secret environment values,
// the data of its Secrets): with a box, each record is stored encrypted
// (see encodeRelease), as the rest of the platform keeps secrets at rest.
type ReleaseStore struct {
	client *ent.Client
	box    *secretbox.Box
}

// NewReleaseStore returns a store over client that encrypts its records
// with box (nil: Helm's plain encoding, for tests that read records raw).
func NewReleaseStore(client *ent.Client, box *secretbox.Box) *ReleaseStore {
	return &ReleaseStore{client: client, box: box}
}

// Driver returns a Helm storage driver (helm.sh/helm/v3/pkg/storage/driver)
// scoped to namespace, as Helm's Secrets driver is scoped to the namespace
// of its client. Releases are written to that namespace; Get, Update and
// Delete look there. With namespace "" List and Query span all namespaces,
// writes go to the release's own namespace (or "default") and Get and
// Delete look in "default", as Helm's memory driver does.
//
// Helm's Driver interface takes no context: the driver uses ctx for its
// values only, never for cancellation, so that a release record Helm
// writes while finishing an operation is not lost to a cancelled caller.
func (s *ReleaseStore) Driver(ctx context.Context, namespace string) driver.Driver {
	return &entDriver{
		client:    s.client,
		box:       s.box,
		ctx:       viewer.System(context.WithoutCancel(ctx)),
		namespace: namespace,
	}
}

// entDriver implements driver.Driver over the HelmRelease table.
//
// The key column holds "<namespace>/<Helm key>": Helm's keys
// (sh.helm.release.v1.<name>.v<version>) are unique only within a
// namespace, while the column is unique across the table.
type entDriver struct {
	client    *ent.Client
	box       *secretbox.Box
	ctx       context.Context
	namespace string
}

var _ driver.Driver = (*entDriver)(nil)

func (d *entDriver) Name() string { return DriverName }

// readNamespace is the namespace Get and Delete look in.
func (d *entDriver) readNamespace() string {
	if d.namespace != "" {
		return d.namespace
	}
	return defaultNamespace
}

// writeNamespace is the namespace Create and Update write rls to.
func (d *entDriver) writeNamespace(rls *release.Release) string {
	switch {
	case d.namespace != "":
		return d.namespace
	case rls.Namespace != "":
		return rls.Namespace
	}
	return defaultNamespace
}

func rowKey(namespace, key string) string { return namespace + "/" + key }

// Get returns the release stored under key, or driver.ErrReleaseNotFound.
func (d *entDriver) Get(key string) (*release.Release, error) {
	row, err := d.client.HelmRelease.Query().
		Where(helmrelease.KeyEQ(rowKey(d.readNamespace(), key))).
		Only(d.ctx)
	if ent.IsNotFound(err) {
		return nil, driver.ErrReleaseNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("get %q: %w", key, err)
	}
	return decodeRow(row, d.box)
}

// List returns the releases (of the driver's namespace, or all) for which
// filter is true.
func (d *entDriver) List(filter func(*release.Release) bool) ([]*release.Release, error) {
	q := d.client.HelmRelease.Query().Where(helmrelease.OwnerEQ(helmOwner))
	if d.namespace != "" {
		q = q.Where(helmrelease.NamespaceEQ(d.namespace))
	}
	rows, err := q.Order(ent.Asc(helmrelease.FieldID)).All(d.ctx)
	if err != nil {
		return nil, fmt.Errorf("list: %w", err)
	}
	var out []*release.Release
	for _, row := range rows {
		rls, err := decodeRow(row, d.box)
		if err != nil {
			return nil, err
		}
		if filter(rls) {
			out = append(out, rls)
		}
	}
	return out, nil
}

// Query returns the releases whose labels include all of labels, or
// driver.ErrReleaseNotFound when none does (Helm's storage relies on that
// error, for instance to tell an unknown release from an empty history).
// The system labels name, owner, status and version are columns; any
// other label is compared on the stored label set.
func (d *entDriver) Query(labels map[string]string) ([]*release.Release, error) {
	preds := []predicate.HelmRelease{}
	if d.namespace != "" {
		preds = append(preds, helmrelease.NamespaceEQ(d.namespace))
	}
	rest := map[string]string{}
	for k, v := range labels {
		switch k {
		case "name":
			preds = append(preds, helmrelease.NameEQ(v))
		case "owner":
			preds = append(preds, helmrelease.OwnerEQ(v))
		case "status":
			preds = append(preds, helmrelease.StatusEQ(v))
		case "version":
			n, err := strconv.Atoi(v)
			if err != nil {
				return nil, driver.ErrReleaseNotFound
			}
			preds = append(preds, helmrelease.VersionEQ(n))
		default:
			rest[k] = v
		}
	}
	rows, err := d.client.HelmRelease.Query().Where(preds...).
		Order(ent.Asc(helmrelease.FieldNamespace), ent.Asc(helmrelease.FieldName), ent.Asc(helmrelease.FieldVersion)).
		All(d.ctx)
	if err != nil {
		return nil, fmt.Errorf("query: %w", err)
	}
	var out []*release.Release
	for _, row := range rows {
		if !hasLabels(row.Labels, rest) {
			continue
		}
		rls, err := decodeRow(row, d.box)
		if err != nil {
			return nil, err
		}
		out = append(out, rls)
	}
	if len(out) == 0 {
		return nil, driver.ErrReleaseNotFound
	}
	return out, nil
}

func hasLabels(have, want map[string]string) bool {
	for k, v := range want {
		if hv, ok := have[k]; !ok || hv != v {
			return false
		}
	}
	return true
}

// Create stores rls under key, or returns driver.ErrReleaseExists.
func (d *entDriver) Create(key string, rls *release.Release) error {
	ns := d.writeNamespace(rls)
	body, err := encodeRelease(rls, d.box, rowKey(ns, key))
	if err != nil {
		return fmt.Errorf("create %q: encoding: %w", key, err)
	}
	err = d.client.HelmRelease.Create().
		SetKey(rowKey(ns, key)).
		SetNamespace(ns).
		SetName(rls.Name).
		SetVersion(rls.Version).
		SetStatus(statusOf(rls)).
		SetOwner(helmOwner).
		SetLabels(storedLabels(rls)).
		SetBody(body).
		Exec(d.ctx)
	if ent.IsConstraintError(err) {
		return driver.ErrReleaseExists
	}
	if err != nil {
		return fmt.Errorf("create %q: %w", key, err)
	}
	return nil
}

// Update replaces the release stored under key, or returns
// driver.ErrReleaseNotFound.
func (d *entDriver) Update(key string, rls *release.Release) error {
	k := rowKey(d.writeNamespace(rls), key)
	body, err := encodeRelease(rls, d.box, k)
	if err != nil {
		return fmt.Errorf("update %q: encoding: %w", key, err)
	}
	n, err := d.client.HelmRelease.Update().
		Where(helmrelease.KeyEQ(k)).
		SetName(rls.Name).
		SetVersion(rls.Version).
		SetStatus(statusOf(rls)).
		SetLabels(storedLabels(rls)).
		SetBody(body).
		Save(d.ctx)
	if err != nil {
		return fmt.Errorf("update %q: %w", key, err)
	}
	if n == 0 {
		return driver.ErrReleaseNotFound
	}
	return nil
}

// Delete removes the release stored under key and returns it, or returns
// driver.ErrReleaseNotFound.
func (d *entDriver) Delete(key string) (*release.Release, error) {
	k := rowKey(d.readNamespace(), key)
	row, err := d.client.HelmRelease.Query().Where(helmrelease.KeyEQ(k)).Only(d.ctx)
	if ent.IsNotFound(err) {
		return nil, driver.ErrReleaseNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("delete %q: %w", key, err)
	}
	rls, err := decodeRow(row, d.box)
	if err != nil {
		return nil, err
	}
	n, err := d.client.HelmRelease.Delete().Where(helmrelease.IDEQ(row.ID)).Exec(d.ctx)
	if err != nil {
		return nil, fmt.Errorf("delete %q: %w", key, err)
	}
	if n == 0 { // deleted meanwhile by someone else
		return nil, driver.ErrReleaseNotFound
	}
	return rls, nil
}

func statusOf(rls *release.Release) string {
	if rls.Info == nil {
		return ""
	}
	return rls.Info.Status.String()
}

// storedLabels is the label set kept with a release, as Helm's Secrets
// driver keeps it on the Secret: the release's custom labels plus the
// system labels name, owner, status and version (which win).
func storedLabels(rls *release.Release) map[string]string {
	lbs := make(map[string]string, len(rls.Labels)+4)
	maps.Copy(lbs, rls.Labels)
	lbs["name"] = rls.Name
	lbs["owner"] = helmOwner
	lbs["status"] = statusOf(rls)
	lbs["version"] = strconv.Itoa(rls.Version)
	return lbs
}

// decodeRow decodes a stored release and gives it back its custom labels
// (Release.Labels is not part of the encoded body, as in Helm's drivers).
func decodeRow(row *ent.HelmRelease, box *secretbox.Box) (*release.Release, error) {
	rls, err := decodeRelease(row.Body, box, row.Key)
	if err != nil {
		return nil, fmt.Errorf("decoding release %q: %w", row.Key, err)
	}
	custom := map[string]string{}
	for k, v := range row.Labels {
		if !slices.Contains(driver.GetSystemLabels(), k) {
			custom[k] = v
		}
	}
	rls.Labels = custom
	return rls, nil
}

var gzipMagic = []byte{0x1f, 0x8b, 0x08}

// sealedPrefix starts a record encrypted with the store's box.
const sealedPrefix = "sealed:v1:"

// encodeRelease encodes rls as Helm's drivers do (driver/util.go): JSON,
// gzip, base64; with a box, the gzip data is encrypted first, bound to the
// row's key (a record copied to another row does not open), and the
// base64 marked with sealedPrefix.
func encodeRelease(rls *release.Release, box *secretbox.Box, key string) (string, error) {
	b, err := json.Marshal(rls)
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return "", err
	}
	if _, err := w.Write(b); err != nil {
		return "", err
	}
	if err := w.Close(); err != nil {
		return "", err
	}
	if box == nil {
		return base64.StdEncoding.EncodeToString(buf.Bytes()), nil
	}
	sealed, err := box.Seal(buf.Bytes(), releaseAD(key))
	if err != nil {
		return "", err
	}
	return sealedPrefix + base64.StdEncoding.EncodeToString(sealed), nil
}

// releaseAD binds a sealed record to its row.
func releaseAD(key string) []byte { return []byte("helm-release:" + key) }

// decodeRelease reverses encodeRelease; like Helm it also accepts an
// uncompressed body, and a plain (unsealed) record whatever the box, so
// that records written before encryption stay readable.
func decodeRelease(data string, box *secretbox.Box, key string) (*release.Release, error) {
	sealed := strings.HasPrefix(data, sealedPrefix)
	b, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(data, sealedPrefix))
	if err != nil {
		return nil, err
	}
	if sealed {
		if box == nil {
			return nil, errors.New("the record is encrypted and no key was given")
		}
		if b, err = box.Open(b, releaseAD(key)); err != nil {
			return nil, fmt.Errorf("decrypting: %w", err)
		}
	}
	if len(b) > 3 && bytes.Equal(b[:3], gzipMagic) {
		r, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			return nil, err
		}
		defer r.Close()
		if b, err = io.ReadAll(r); err != nil {
			return nil, err
		}
	}
	var rls release.Release
	if err := json.Unmarshal(b, &rls); err != nil {
		return nil, err
	}
	if rls.Name == "" {
		return nil, errors.New("release has no name")
	}
	return &rls, nil
}
