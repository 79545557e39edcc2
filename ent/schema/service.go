package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
	"github.com/google/uuid"

	"github.com/woowtech/woow-paas/policy"
	"github.com/woowtech/woow-paas/valuespec"
)

// AppTemplate is a marketplace entry: a Helm chart with the values a user
// may set. Global, managed by platform admins. Its fields are the one
// definition of a template: the GraphQL type and the create and update
// inputs (entgql.Mutations) are generated from them, and templates.json
// (package catalog) holds create inputs.
type AppTemplate struct{ ent.Schema }

func (AppTemplate) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

func (AppTemplate) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").NotEmpty().MaxRuneLen(100).
			Annotations(entgql.OrderField("NAME")),
		// Slug is the template's address in the marketplace, fixed once
		// created.
		field.String("slug").NotEmpty().MaxRuneLen(100).Unique().Immutable().
			Annotations(entgql.OrderField("SLUG")),
		field.String("description").MaxRuneLen(500).Default(""),
		field.Text("full_description").Default(""),
		field.Enum("category").
			Values("ai_llm", "automation", "database", "analytics", "devops", "web", "container").
			Annotations(entgql.OrderField("CATEGORY")),
		field.JSON("tags", []string{}).Default([]string{}),
		// Icon is a Material Symbols name.
		field.String("icon").MaxRuneLen(100).Default(""),
		field.Float("monthly_price").Default(0),
		field.String("documentation_url").MaxRuneLen(500).Default(""),
		// ChartRef is "oci://registry/repo/chart", a chart name in
		// ChartRepoURL, an http(s) archive URL, or a local chart path
		// (inside catalog.Config.ChartDirs).
		field.String("chart_ref").NotEmpty().MaxRuneLen(500),
		// ChartRepoURL is empty for oci:// references.
		field.String("chart_repo_url").MaxRuneLen(500).Default(""),
		// ChartVersion empty means the latest.
		field.String("chart_version").MaxRuneLen(100).Default(""),
		field.JSON("default_values", map[string]any{}).Default(map[string]any{}).
			Annotations(entgql.Type("Map")),
		// ValueSpecs is ValueSpecs in GraphQL and ValueSpecsInput in the
		// inputs: gqlgen.yml maps both to valuespec.Specs.
		field.JSON("value_specs", valuespec.Specs{}).Default(valuespec.Specs{}),
		field.Int("default_port").Default(80),
		field.Bool("ingress_enabled").Default(false),
		field.Float("min_vcpu").Default(0),
		field.Float("min_ram_gb").Default(0),
		field.Float("min_storage_gb").Default(0),
		field.Bool("active").Default(true),
		// SearchText is name, descriptions and tags, lower-cased in Go
		// (SQLite's LOWER folds ASCII only), one per line: the marketplace
		// search matches it the same way on both databases. Package
		// catalog, the only writer of templates, keeps it current.
		field.Text("search_text").Default("").Annotations(entgql.Skip()),
	}
}

func (AppTemplate) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("services", Service.Type).Annotations(entgql.Skip()),
	}
}

func (AppTemplate) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate()),
	}
}

func (AppTemplate) Policy() ent.Policy { return policy.TemplatePolicy() }

// Service is a marketplace app deployed into a workspace: one Helm release.
type Service struct{ ent.Schema }

func (Service) Mixin() []ent.Mixin {
	return []ent.Mixin{
		TimeMixin{},
		WorkspaceMixin{Ref: "services", Write: policy.OperateServices},
	}
}

func (Service) Fields() []ent.Field {
	return []ent.Field{
		field.Int("template_id").Immutable().Annotations(shared()),
		field.String("name").NotEmpty().MaxRuneLen(100).
			Annotations(entgql.OrderField("NAME"), shared()),
		field.UUID("reference_id", uuid.UUID{}).Default(uuid.New).Unique().Immutable().
			Annotations(shared()),
		field.Enum("state").
			Values("pending", "deploying", "initializing", "running", "upgrading",
				"stopping", "stopped", "starting", "deleting", "gone", "error").
			Default("pending").
			Annotations(entgql.OrderField("STATE"), shared()),
		field.String("error_message").MaxRuneLen(4000).Default("").Annotations(shared()),
		field.String("subdomain").NotEmpty().MaxRuneLen(200).Unique().Annotations(shared()),
		field.String("custom_domain").MaxRuneLen(253).Optional().Nillable().Annotations(shared()),
		field.Int("internal_port").Default(0).Annotations(shared()),
		field.String("release_name").NotEmpty().MaxRuneLen(53).Annotations(shared()),
		field.String("namespace").NotEmpty().MaxRuneLen(63).Annotations(shared()),
		// UserValues holds only what the user set (no secrets): upgrades and
		// rollbacks diff it; effective values merge it over the defaults.
		field.JSON("user_values", map[string]any{}).Default(map[string]any{}).
			Annotations(entgql.Skip()),
		// SecretValues holds password-typed values and _init. inputs,
		// encrypted with secretbox; never exposed.
		field.Bytes("secret_values").Optional().Sensitive().
			Annotations(entgql.Skip()),
		// ReplicaCounts remembers workload replicas while stopped.
		field.JSON("replica_counts", map[string]int32{}).Optional().
			Annotations(entgql.Skip()),
		field.String("chart_version").MaxRuneLen(100).Default("").Annotations(shared()),
		field.Int("helm_revision").Default(0).Annotations(shared()),
		// StateDeadline is when the current transitional state times out.
		field.Time("state_deadline").Optional().Nillable().
			Annotations(entgql.Skip()),
		field.Time("deployed_at").Optional().Nillable().Annotations(shared()),
		field.Time("last_upgraded_at").Optional().Nillable().Annotations(shared()),
	}
}

func (Service) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("template", AppTemplate.Type).Ref("services").Field("template_id").
			Unique().Required().Immutable(),
		edge.To("revisions", ServiceRevision.Type).
			Annotations(entgql.RelayConnection()),
		edge.To("events", ServiceEvent.Type).
			Annotations(entgql.RelayConnection()),
		edge.To("support_project", Project.Type).Unique(),
	}
}

func (Service) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}

// ServiceRevision is one entry of a release's history.
type ServiceRevision struct{ ent.Schema }

func (ServiceRevision) Mixin() []ent.Mixin {
	return []ent.Mixin{
		WorkspaceMixin{Ref: "service_revisions", Write: policy.OperateServices},
	}
}

func (ServiceRevision) Fields() []ent.Field {
	return []ent.Field{
		field.Int("service_id").Immutable(),
		field.Int("revision").Immutable().Annotations(entgql.OrderField("REVISION")),
		field.String("chart_version").MaxRuneLen(100).Default(""),
		field.String("app_version").MaxRuneLen(100).Default(""),
		// ValuesSnapshot is the user's values at this revision, passwords
		// masked.
		field.JSON("values_snapshot", map[string]any{}).Default(map[string]any{}).
			Annotations(entgql.Type("Map")),
		field.String("status").MaxRuneLen(50).Default(""),
		field.String("description").MaxRuneLen(1000).Default(""),
		field.Time("created_at").Default(now).Immutable(),
	}
}

func (ServiceRevision) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("service", Service.Type).Ref("revisions").Field("service_id").
			Unique().Required().Immutable(),
	}
}

func (ServiceRevision) Indexes() []ent.Index {
	return []ent.Index{index.Fields("service_id", "revision").Unique()}
}

func (ServiceRevision) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}

// ServiceEvent is a line of the deploy log a user watches live.
type ServiceEvent struct{ ent.Schema }

func (ServiceEvent) Mixin() []ent.Mixin {
	return []ent.Mixin{
		WorkspaceMixin{Ref: "service_events", Write: policy.OperateServices},
	}
}

func (ServiceEvent) Fields() []ent.Field {
	return []ent.Field{
		field.Int("service_id").Immutable().Annotations(shared()),
		field.Time("created_at").Default(now).Immutable().
			Annotations(entgql.OrderField("CREATED_AT"), shared()),
		field.String("state").MaxRuneLen(50).Annotations(shared()),
		field.Enum("level").Values("info", "warning", "error").Default("info").Annotations(shared()),
		field.String("message").MaxRuneLen(4000).Annotations(shared()),
	}
}

func (ServiceEvent) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("service", Service.Type).Ref("events").Field("service_id").
			Unique().Required().Immutable(),
	}
}

func (ServiceEvent) Indexes() []ent.Index {
	return []ent.Index{index.Fields("service_id", "created_at")}
}

func (ServiceEvent) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}
