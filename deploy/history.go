package deploy

import (
	"context"
	"time"

	"github.com/woowtech/woow-paas/ent/activityevent"
	"github.com/woowtech/woow-paas/ent/serviceevent"
	"github.com/woowtech/woow-paas/ent/servicerevision"
	"github.com/woowtech/woow-paas/ent/setting"
	"github.com/woowtech/woow-paas/viewer"
)

// historyScrubbed is the setting that records that ScrubHistory ran.
const historyScrubbed = "history.passwords_scrubbed"

// ScrubHistory blanks the passwords of every service in what earlier
// versions stored without redacting them: deploy log lines, error
// messages, revision descriptions and activity entries about the service
// (a failed deploy could quote rendered values). It runs once per
// installation; a setting records that it did. Call it with the start-up
// lock held, so that replicas starting together do it once.
func (s *Deployer) ScrubHistory(ctx context.Context) error {
	sys := viewer.System(ctx)
	c := s.db.Client
	if done, err := c.Setting.Query().Where(setting.Key(historyScrubbed)).Exist(sys); err != nil || done {
		return err
	}
	svcs, err := c.Service.Query().All(sys)
	if err != nil {
		return err
	}
	changed := 0
	for _, svc := range svcs {
		revs, err := c.ServiceRevision.Query().Where(servicerevision.ServiceID(svc.ID)).
			Select(servicerevision.FieldRevision).Ints(sys)
		if err != nil {
			return err
		}
		scrub := s.scrubber(ctx, svc, revs...)
		evs, err := c.ServiceEvent.Query().Where(serviceevent.ServiceID(svc.ID)).All(sys)
		if err != nil {
			return err
		}
		for _, ev := range evs {
			if m := scrub(ev.Message); m != ev.Message {
				if err := c.ServiceEvent.UpdateOne(ev).SetMessage(clip(m)).Exec(sys); err != nil {
					return err
				}
				changed++
			}
		}
		rs, err := c.ServiceRevision.Query().Where(servicerevision.ServiceID(svc.ID)).All(sys)
		if err != nil {
			return err
		}
		for _, r := range rs {
			if d := scrub(r.Description); d != r.Description {
				if err := c.ServiceRevision.UpdateOne(r).SetDescription(clip(d)).Exec(sys); err != nil {
					return err
				}
				changed++
			}
		}
		if m := scrub(svc.ErrorMessage); m != svc.ErrorMessage {
			if err := c.Service.UpdateOne(svc).SetErrorMessage(clip(m)).Exec(sys); err != nil {
				return err
			}
			changed++
		}
		acts, err := c.ActivityEvent.Query().
			Where(activityevent.SubjectType("Service"), activityevent.SubjectID(svc.ID)).All(sys)
		if err != nil {
			return err
		}
		for _, a := range acts {
			if m := scrub(a.Summary); m != a.Summary {
				// The feed is append-only (its summary immutable in the
				// schema); this one-time repair writes beside ent.
				q := `UPDATE activity_events SET summary = ? WHERE id = ?`
				if s.db.Dialect == "postgres" {
					q = `UPDATE activity_events SET summary = $1 WHERE id = $2`
				}
				if _, err := s.db.SQL.ExecContext(ctx, q, clipTo(m, 500), a.ID); err != nil {
					return err
				}
				changed++
			}
		}
	}
	if changed > 0 {
		s.log.Info("passwords blanked in stored history", "rows", changed)
	}
	return c.Setting.Create().SetKey(historyScrubbed).SetValue(time.Now().UTC().Format(time.RFC3339)).Exec(sys)
}
