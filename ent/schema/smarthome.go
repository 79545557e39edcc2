package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"github.com/google/uuid"

	"github.com/woowtech/woow-paas/policy"
)

// SmartHome is a Home Assistant installation reached through a Cloudflare
// Tunnel.
type SmartHome struct{ ent.Schema }

func (SmartHome) Mixin() []ent.Mixin {
	return []ent.Mixin{
		TimeMixin{},
		WorkspaceMixin{Ref: "smart_homes", Write: policy.ManageSmartHomes},
	}
}

func (SmartHome) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").NotEmpty().MaxRuneLen(100).
			Annotations(entgql.OrderField("NAME")),
		field.UUID("reference_id", uuid.UUID{}).Default(uuid.New).Unique().Immutable(),
		field.Enum("state").
			Values("pending", "provisioning", "active", "error", "deleting", "gone").
			Default("pending"),
		field.String("error_message").MaxRuneLen(4000).Default(""),
		field.String("tunnel_id").MaxRuneLen(100).Default(""),
		field.String("tunnel_name").MaxRuneLen(200).Default(""),
		// TunnelToken is encrypted with secretbox; only admins read it,
		// through a dedicated resolver.
		field.Bytes("tunnel_token").Optional().Sensitive().
			Annotations(entgql.Skip()),
		field.String("connector_id").MaxRuneLen(100).Default(""),
		field.String("connector_type").MaxRuneLen(50).Default(""),
		field.String("tunnel_route").MaxRuneLen(300).Default(""),
		field.Enum("tunnel_status").
			Values("unknown", "connected", "disconnected", "error", "deleted").
			Default("unknown"),
		field.Time("connected_since").Optional().Nillable(),
		field.Int("ha_port").Default(8123).Range(1, 65535),
		field.String("subdomain").NotEmpty().MaxRuneLen(200).Unique(),
		field.String("dns_record_id").MaxRuneLen(100).Default("").
			Annotations(entgql.Skip()),
		field.Time("deployed_at").Optional().Nillable(),
	}
}

func (SmartHome) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}
