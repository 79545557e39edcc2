package catalog

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/apptemplate"
	"github.com/woowtech/woow-paas/ent/chartarchive"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/helmops"
	"github.com/woowtech/woow-paas/policy"
	"github.com/woowtech/woow-paas/viewer"
)

// UploadedChart is what an upload answers: the reference a template's
// chartRef takes, and what Helm read from the chart.
type UploadedChart struct {
	ChartRef string `json:"chartRef"`
	Name     string `json:"name"`
	Version  string `json:"version"`
	Size     int    `json:"size"`
}

// UploadChart stores a chart archive (.tgz) a platform admin uploads and
// returns its reference, upload://<sha256>; the same archive uploaded
// again answers with the same reference. Others are refused before body
// is read (UNAUTHENTICATED, FORBIDDEN). An archive that is too large, not
// gzip, or not a chart Helm loads is BAD_USER_INPUT on "chart", saying
// why (helmops.CheckArchive).
func (s *Service) UploadChart(ctx context.Context, body io.Reader) (*UploadedChart, error) {
	if err := policy.PlatformAdmin(ctx); err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(body, helmops.MaxUploadBytes+1))
	if err != nil {
		return nil, errs.InvalidField("chart", "the upload could not be read: %v", err)
	}
	ch, err := helmops.CheckArchive(data)
	if errors.Is(err, helmops.ErrBadArchive) {
		return nil, errs.InvalidField("chart", "%v", err)
	}
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	digest := hex.EncodeToString(sum[:])
	out := &UploadedChart{ChartRef: helmops.UploadScheme + digest, Name: ch.Metadata.Name, Version: ch.Metadata.Version, Size: len(data)}
	sys := viewer.System(ctx)
	exists, err := s.client.ChartArchive.Query().Where(chartarchive.Digest(digest)).Exist(sys)
	if err != nil || exists {
		return out, err
	}
	c := s.client.ChartArchive.Create().SetDigest(digest).SetName(clipName(ch.Metadata.Name)).
		SetVersion(clipName(ch.Metadata.Version)).SetSize(len(data)).SetData(data)
	if v := viewer.FromContext(ctx); v != nil && v.UserID != 0 {
		c.SetUploadedBy(v.UserID)
	}
	// Two uploads of one archive at once: the second finds it stored.
	if err := c.Exec(sys); err != nil && !ent.IsConstraintError(err) {
		return nil, err
	}
	return out, nil
}

// clipName bounds a name from Chart.yaml to what the table holds.
func clipName(s string) string {
	if r := []rune(s); len(r) > 100 {
		return string(r[:100])
	}
	return s
}

// StoredChart is an uploaded archive as the admin's list shows it: what it
// is and who depends on it (never its bytes).
type StoredChart struct {
	ChartRef   string
	Name       string
	Version    string
	Size       int
	UploadedAt time.Time
	// Templates names it as their chart, active or not. Services deploy
	// (and upgrade, start, roll back) with their template's chart, so
	// these are all that depend on it.
	Templates []*ent.AppTemplate
}

// MaxListedCharts bounds one page of UploadedCharts.
const MaxListedCharts = 100

// UploadedCharts lists the uploaded archives, newest first, at most first
// (1 to MaxListedCharts), with the templates that use each.
// Platform admins only. The archives' bytes are not read.
func (s *Service) UploadedCharts(ctx context.Context, first int) ([]*StoredChart, error) {
	if err := policy.PlatformAdmin(ctx); err != nil {
		return nil, err
	}
	if first < 1 || first > MaxListedCharts {
		return nil, errs.InvalidField("first", "must be between 1 and %d", MaxListedCharts)
	}
	sys := viewer.System(ctx)
	rows, err := s.client.ChartArchive.Query().
		Select(chartarchive.FieldDigest, chartarchive.FieldName, chartarchive.FieldVersion, chartarchive.FieldSize, chartarchive.FieldCreatedAt).
		Order(ent.Desc(chartarchive.FieldCreatedAt), ent.Desc(chartarchive.FieldID)).Limit(first).All(sys)
	if err != nil || len(rows) == 0 {
		return nil, err
	}
	out := make([]*StoredChart, len(rows))
	byRef := make(map[string]*StoredChart, len(rows))
	refs := make([]string, len(rows))
	for i, r := range rows {
		ref := helmops.UploadScheme + r.Digest
		out[i] = &StoredChart{ChartRef: ref, Name: r.Name, Version: r.Version, Size: r.Size, UploadedAt: r.CreatedAt}
		byRef[ref], refs[i] = out[i], ref
	}
	tpls, err := s.client.AppTemplate.Query().Where(apptemplate.ChartRefIn(refs...)).Order(ent.Asc(apptemplate.FieldName)).All(sys)
	if err != nil {
		return nil, err
	}
	for _, t := range tpls {
		byRef[t.ChartRef].Templates = append(byRef[t.ChartRef].Templates, t)
	}
	return out, nil
}

// DeleteUploadedChart deletes an uploaded archive that no template names
// (services deploy with their template's chart, so a template naming it
// means services may need it): one that is named is CONFLICT, saying by
// which templates. Platform admins only; an unknown reference is
// NOT_FOUND.
func (s *Service) DeleteUploadedChart(ctx context.Context, chartRef string) error {
	if err := policy.PlatformAdmin(ctx); err != nil {
		return err
	}
	digest, ok := helmops.UploadDigest(chartRef)
	if !ok {
		return errs.InvalidField("chartRef", "an uploaded chart's reference is upload:// and the archive's SHA-256 in lowercase hex")
	}
	sys := viewer.System(ctx)
	tpls, err := s.client.AppTemplate.Query().Where(apptemplate.ChartRef(chartRef)).
		Order(ent.Asc(apptemplate.FieldName)).Limit(4).All(sys)
	if err != nil {
		return err
	}
	if len(tpls) > 0 {
		names := make([]string, 0, len(tpls))
		for i, t := range tpls {
			if i == 3 {
				names = append(names, "…")
				break
			}
			names = append(names, strconv.Quote(t.Name))
		}
		return errs.E(errs.Conflict, "templates use this chart (%s): give them another chart first", strings.Join(names, ", "))
	}
	gone, err := s.client.ChartArchive.Delete().Where(chartarchive.Digest(digest)).Exec(sys)
	if err != nil {
		return err
	}
	if gone == 0 {
		return errs.E(errs.NotFound, "no chart archive was uploaded as %q", chartRef)
	}
	return nil
}
