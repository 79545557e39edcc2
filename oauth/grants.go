package oauth

import (
	"context"
	"slices"

	"github.com/woowtech/woow-paas/ent"
	"github.com/woowtech/woow-paas/ent/oauthclient"
	"github.com/woowtech/woow-paas/ent/oauthgrant"
	"github.com/woowtech/woow-paas/errs"
	"github.com/woowtech/woow-paas/store"
	"github.com/woowtech/woow-paas/viewer"
)

// recordGrant records that user consented to client for scopes (added to
// what was granted before).
func (s *Service) recordGrant(ctx context.Context, userID, clientID int, scopes []string) error {
	sys := viewer.System(ctx)
	for attempt := 0; ; attempt++ {
		g, err := s.client.OAuthGrant.Query().
			Where(oauthgrant.UserID(userID), oauthgrant.ClientID(clientID)).Only(sys)
		if ent.IsNotFound(err) {
			err = s.client.OAuthGrant.Create().SetUserID(userID).SetClientID(clientID).
				SetScopes(scopes).SetCreatedAt(s.Now()).Exec(sys)
			if ent.IsConstraintError(err) && attempt == 0 {
				continue // a concurrent consent created it: merge into that
			}
			return err
		}
		if err != nil {
			return err
		}
		merged := slices.Clone(g.Scopes)
		for _, sc := range scopes {
			if !slices.Contains(merged, sc) {
				merged = append(merged, sc)
			}
		}
		return g.Update().SetScopes(merged).Exec(sys)
	}
}

// Grants lists the viewer's grants, newest first.
func (s *Service) Grants(ctx context.Context) ([]*Grant, error) {
	v, err := firstParty(ctx)
	if err != nil {
		return nil, err
	}
	// A system read, narrowed to the viewer's grants here: the client of a
	// grant is loaded with it, and a user reads the clients they granted,
	// not only those they own (the seeded one has no owner).
	gs, err := s.client.OAuthGrant.Query().
		Where(oauthgrant.UserID(v.UserID)).
		WithClient(func(q *ent.OAuthClientQuery) { q.Select(oauthclient.FieldClientID, oauthclient.FieldName) }).
		Order(ent.Desc(oauthgrant.FieldCreatedAt), ent.Desc(oauthgrant.FieldID)).
		Limit(500).
		All(viewer.System(ctx))
	if err != nil {
		return nil, err
	}
	out := make([]*Grant, 0, len(gs))
	for _, g := range gs {
		out = append(out, &Grant{ClientID: g.Edges.Client.ClientID, ClientName: g.Edges.Client.Name,
			Scopes: g.Scopes, GrantedAt: g.CreatedAt, LastUsedAt: g.LastUsedAt})
	}
	return out, nil
}

// RevokeGrant revokes the viewer's grant to the client with clientID: the
// grant, every token the client holds for the viewer (they stop working
// at once), its unused codes and pending device approvals. NOT_FOUND when
// there is no such grant.
func (s *Service) RevokeGrant(ctx context.Context, clientID string) error {
	v, err := firstParty(ctx)
	if err != nil {
		return err
	}
	c, err := s.clientByID(ctx, clientID)
	if err != nil {
		return err
	}
	if c == nil {
		return errs.E(errs.NotFound, "no such connected app")
	}
	var ended []int
	err = store.WithTx(ctx, s.client, func(tx *ent.Tx) error {
		// The viewer's context: the privacy rule keeps it to their own.
		n, err := tx.OAuthGrant.Delete().Where(oauthgrant.UserID(v.UserID), oauthgrant.ClientID(c.ID)).Exec(ctx)
		if err != nil {
			return err
		}
		if n == 0 {
			return errs.E(errs.NotFound, "no such connected app")
		}
		ended, err = s.revokeIssued(ctx, tx, v.UserID, c)
		return err
	})
	if err != nil {
		return err
	}
	s.ended(ctx, ended)
	return nil
}
