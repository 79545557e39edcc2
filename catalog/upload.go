package catalog

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"

	"github.com/woowtech/woow-paas/ent"
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
