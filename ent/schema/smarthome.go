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
		field.String("name").Comment("The display name, up to 100 characters.").NotEmpty().MaxRuneLen(100).
			Annotations(entgql.OrderField("NAME")),
		field.UUID("reference_id", uuid.UUID{}).Comment("A UUID that names the home for good, whatever its name; its first 8 hex digits are in its host name.").Default(uuid.New).Unique().Immutable(),
		field.Enum("state").Comment("Where its provisioning is.").
			Annotations(enumValues{
				"pending":      "Created; provisioning has not started.",
				"provisioning": "The tunnel and its DNS record are being made.",
				"active":       "Reachable once a connector runs the tunnel.",
				"error":        "Provisioning or deletion failed (see errorMessage); retrySmartHome tries again.",
				"deleting":     "The tunnel and its DNS record are being removed.",
				"gone":         "Deleted: kept for the record.",
			}).
			Values("pending", "provisioning", "active", "error", "deleting", "gone").
			Default("pending"),
		field.String("error_message").Comment("Why provisioning or deletion failed, in words; empty unless state is error.").MaxRuneLen(4000).Default(""),
		field.String("tunnel_id").Comment("Cloudflare's ID of its tunnel; empty until provisioned.").MaxRuneLen(100).Default(""),
		field.String("tunnel_name").Comment("The tunnel's name at Cloudflare.").MaxRuneLen(200).Default(""),
		// TunnelToken is encrypted with secretbox; only admins read it,
		// through a dedicated resolver.
		field.Bytes("tunnel_token").Optional().Sensitive().
			Annotations(entgql.Skip()),
		field.String("connector_id").Comment("Cloudflare's ID of the connector (cloudflared) last seen on the tunnel; empty when none.").MaxRuneLen(100).Default(""),
		field.String("connector_type").Comment("That connector's version and architecture, as cloudflared 2024.6.1 (linux_amd64); empty when none.").MaxRuneLen(50).Default(""),
		field.String("tunnel_route").Comment("The home's public address (https://<subdomain>), which the tunnel serves; empty until active.").MaxRuneLen(300).Default(""),
		field.Enum("tunnel_status").Comment("The tunnel's connection as Cloudflare last reported it (refreshSmartHomeStatus asks again).").
			Annotations(enumValues{
				"unknown":      "Not asked yet.",
				"connected":    "A connector is connected: the address works.",
				"disconnected": "No connector is connected: run cloudflared with the token.",
				"error":        "Cloudflare reports the tunnel unhealthy.",
				"deleted":      "The tunnel no longer exists at Cloudflare.",
			}).
			Values("unknown", "connected", "disconnected", "error", "deleted").
			Default("unknown"),
		field.Time("connected_since").Comment("Since when a connector has been connected; null when none is.").Optional().Nillable(),
		field.Int("ha_port").Comment("Home Assistant's port on the installation's network (8123 by default).").Default(8123).Range(1, 65535),
		field.String("subdomain").Comment("The host name of its public address, unique on the platform.").NotEmpty().MaxRuneLen(200).Unique(),
		field.String("dns_record_id").MaxRuneLen(100).Default("").
			Annotations(entgql.Skip()),
		field.Time("deployed_at").Comment("When provisioning finished; null before.").Optional().Nillable(),
	}
}

func (SmartHome) Annotations() []schema.Annotation {
	return []schema.Annotation{
		schema.Comment("A Home Assistant installation reached from the internet through a Cloudflare Tunnel. Members see it; admins and the owner add, retry and delete smart homes and read the tunnel's token."),
		entgql.RelayConnection()}
}
