package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
	"github.com/google/uuid"

	"github.com/woowtech/woow-paas/policy"
	"github.com/woowtech/woow-paas/translation"
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
		field.String("name").Comment("The display name, up to 100 characters.").NotEmpty().MaxRuneLen(100).
			Annotations(entgql.OrderField("NAME")),
		// Slug is the template's address in the marketplace, fixed once
		// created.
		field.String("slug").Comment("The template's address in the marketplace, unique and fixed once created.").NotEmpty().MaxRuneLen(100).Unique().Immutable().
			Annotations(entgql.OrderField("SLUG")),
		field.String("description").Comment("A one-line summary for the marketplace, up to 500 characters.").MaxRuneLen(500).Default(""),
		field.Text("full_description").Comment("The template's page text (Markdown).").Default(""),
		// Translations are description and full_description in other
		// languages (package translation); those fields are English.
		// Setting them replaces the whole list. The column's default lets
		// the migration add it to existing templates.
		field.JSON("translations", []translation.Template{}).Comment("description and fullDescription in other languages, one per locale (zh-TW); those fields are English, and an empty translated field falls back to them. Setting it replaces every translation.").Default([]translation.Template{}).
			Annotations(entsql.Default("[]")),
		field.Enum("category").Comment("The marketplace category.").
			Annotations(enumValues{
				"ai_llm":     "AI models and assistants.",
				"automation": "Workflow automation.",
				"database":   "Databases.",
				"analytics":  "Analytics and monitoring.",
				"devops":     "Developer tools and CI.",
				"web":        "Websites and web apps.",
				"container":  "Any container image.",
			}).
			Values("ai_llm", "automation", "database", "analytics", "devops", "web", "container").
			Annotations(entgql.OrderField("CATEGORY")),
		field.JSON("tags", []string{}).Comment("Search keywords.").Default([]string{}),
		// Icon is a Material Symbols name.
		field.String("icon").Comment("A Material Symbols icon name.").MaxRuneLen(100).Default(""),
		field.Float("monthly_price").Comment("The advertised monthly price; 0 for free.").Default(0),
		field.String("documentation_url").Comment("A link to the app's documentation; empty when none.").MaxRuneLen(500).Default(""),
		// ChartRef is "oci://registry/repo/chart", a chart name in
		// ChartRepoURL, an http(s) archive URL, or a local chart path
		// (inside catalog.Config.ChartDirs).
		field.String("chart_ref").Comment("The Helm chart: oci://registry/repo/chart, a chart name in chartRepoURL, an http(s) archive URL, or a local chart path inside the server's WOOW_CHART_DIRS.").NotEmpty().MaxRuneLen(500),
		// ChartRepoURL is empty for oci:// references.
		field.String("chart_repo_url").Comment("The Helm repository of a chart name in chartRef; empty for oci:// and archive references.").MaxRuneLen(500).Default(""),
		// ChartVersion empty means the latest.
		field.String("chart_version").Comment("The chart version deployed; empty for the latest.").MaxRuneLen(100).Default(""),
		field.JSON("default_values", map[string]any{}).Comment("Chart values the platform sets, under what the user sets.").Default(map[string]any{}).
			Annotations(entgql.Type("Map")),
		// ValueSpecs is ValueSpecs in GraphQL and ValueSpecsInput in the
		// inputs: gqlgen.yml maps both to valuespec.Specs.
		field.JSON("value_specs", valuespec.Specs{}).Comment("The values a user sets when deploying, and their rules (the deploy form).").Default(valuespec.Specs{}),
		field.Int("default_port").Comment("The port of the app's HTTP service, which its address reaches.").Default(80),
		field.Bool("ingress_enabled").Comment("Whether a deploy gets a public address (ingress) for the app.").Default(false),
		field.Float("min_vcpu").Comment("The virtual CPUs the app needs at least.").Default(0),
		field.Float("min_ram_gb").Comment("The memory the app needs at least, in GB.").Default(0),
		field.Float("min_storage_gb").Comment("The disk the app needs at least, in GB.").Default(0),
		field.Bool("active").Comment("Whether the marketplace lists it for everyone: an inactive template is listed for platform admins only (appTemplate(slug:) still finds it, and its services still show it).").Default(true),
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
		schema.Comment("A marketplace entry: a Helm chart and the values a user may set when deploying it. Global: every signed-in account reads templates; only platform admins create and change them, and only they find inactive ones in the marketplace list."),

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
		field.Int("template_id").Comment("The ID of the template it was deployed from (see template).").Immutable().Annotations(shared()),
		field.String("name").Comment("The display name, up to 100 characters, unique in the workspace among the services not gone (whatever the case).").NotEmpty().MaxRuneLen(100).
			Annotations(entgql.OrderField("NAME"), shared()),
		field.UUID("reference_id", uuid.UUID{}).Comment("A UUID that names the service for good, whatever its name.").Default(uuid.New).Unique().Immutable().
			Annotations(shared()),
		field.Enum("state").Comment("Where the service is in its life. Each operation starts only from some states (CONFLICT otherwise); the viewerCan... fields say which are open now.").
			Annotations(enumValues{
				"pending":      "Created; the deploy job has not started.",
				"deploying":    "The first Helm install is running.",
				"initializing": "Installed; waiting for the app to become ready.",
				"running":      "Ready and serving.",
				"upgrading":    "A Helm upgrade or rollback is running.",
				"stopping":     "Its workloads are being scaled to zero.",
				"stopped":      "Scaled to zero: installed, not running.",
				"starting":     "Its workloads are being scaled back up.",
				"deleting":     "The Helm release is being uninstalled.",
				"gone":         "Deleted: kept for the record, no longer operable.",
				"error":        "The last operation failed (see errorMessage); upgrade, rollback or delete may follow.",
			}).
			Values("pending", "deploying", "initializing", "running", "upgrading",
				"stopping", "stopped", "starting", "deleting", "gone", "error").
			Default("pending").
			Annotations(entgql.OrderField("STATE"), shared()),
		field.String("error_message").Comment("Why the last operation failed, in words; empty unless state is error.").MaxRuneLen(4000).Default("").Annotations(shared()),
		// The raw error behind error_message (Go's and Helm's wording, with
		// addresses), passwords blanked; read through Service.errorDetail
		// by those who may inspect the service.
		field.String("error_detail").MaxRuneLen(4000).Default("").Annotations(entgql.Skip()),
		field.String("subdomain").Comment("The first label of its public host name (paas-cs-<workspace>-<8 hex digits>), unique on the platform; url is the whole address.").NotEmpty().MaxRuneLen(200).Unique().Annotations(shared()),
		field.String("custom_domain").Comment("A host name of the user's own that also reaches the app; null when none.").MaxRuneLen(253).Optional().Nillable().Annotations(shared()),
		field.Int("internal_port").Comment("The port of the app's HTTP service inside the cluster; 0 until deployed.").Default(0).Annotations(shared()),
		field.String("release_name").Comment("The Helm release's name (at most 53 characters).").NotEmpty().MaxRuneLen(53).Annotations(shared()),
		field.String("namespace").Comment("The Kubernetes namespace of the release: the workspace's.").NotEmpty().MaxRuneLen(63).Annotations(shared()),
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
		field.String("chart_version").Comment("The chart version of the current release; empty before the first deploy.").MaxRuneLen(100).Default("").Annotations(shared()),
		field.Int("helm_revision").Comment("The Helm revision of the current release; 0 before the first deploy.").Default(0).Annotations(shared()),
		// StateDeadline is when the current transitional state times out.
		field.Time("state_deadline").Optional().Nillable().
			Annotations(entgql.Skip()),
		field.Time("deployed_at").Comment("When the first deploy finished; null before.").Optional().Nillable().Annotations(shared()),
		field.Time("last_upgraded_at").Comment("When the last upgrade or rollback finished; null if none did.").Optional().Nillable().Annotations(shared()),
	}
}

func (Service) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("template", AppTemplate.Type).Comment("The template it was deployed from.").Ref("services").Field("template_id").
			Unique().Required().Immutable(),
		edge.To("revisions", ServiceRevision.Type).Comment("The release's history, one entry per Helm revision (rollbackService takes one).").
			Annotations(entgql.RelayConnection()),
		edge.To("events", ServiceEvent.Type).Comment("The deploy log: every state change and message, oldest first by default.").
			Annotations(entgql.RelayConnection()),
		edge.To("support_project", Project.Type).Comment("The support project (Kanban board) of this service; null when none was made.").Unique(),
	}
}

func (Service) Annotations() []schema.Annotation {
	return []schema.Annotation{
		schema.Comment("A marketplace app deployed into a workspace: one Helm release. Members see it; who may operate it depends on their role (viewerCan... fields). Its state moves through deploys, stops, starts, upgrades, rollbacks and deletion; serviceEvents streams each step."),
		entgql.RelayConnection()}
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
		field.Int("service_id").Comment("The ID of the service (see service).").Immutable(),
		field.Int("revision").Comment("The Helm revision number, from 1, unique per service.").Immutable().Annotations(entgql.OrderField("REVISION")),
		field.String("chart_version").Comment("The chart version of this revision.").MaxRuneLen(100).Default(""),
		field.String("app_version").Comment("The app version the chart declares; empty when it declares none.").MaxRuneLen(100).Default(""),
		// ValuesSnapshot is the user's values at this revision, passwords
		// masked.
		field.JSON("values_snapshot", map[string]any{}).Comment("The user's values at this revision; password values masked.").Default(map[string]any{}).
			Annotations(entgql.Type("Map")),
		field.String("status").Comment("Helm's status of the revision (deployed, superseded, failed, ...).").MaxRuneLen(50).Default(""),
		field.String("description").Comment("Helm's description of the revision (Install complete, Upgrade complete, Rollback to 2, ...).").MaxRuneLen(1000).Default(""),
		field.Time("created_at").Comment("When the revision was made (UTC).").Default(now).Immutable(),
	}
}

func (ServiceRevision) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("service", Service.Type).Comment("The service.").Ref("revisions").Field("service_id").
			Unique().Required().Immutable(),
	}
}

func (ServiceRevision) Indexes() []ent.Index {
	return []ent.Index{index.Fields("service_id", "revision").Unique()}
}

func (ServiceRevision) Annotations() []schema.Annotation {
	return []schema.Annotation{
		schema.Comment("One entry of a service's release history (a Helm revision)."),
		entgql.RelayConnection()}
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
		field.Int("service_id").Comment("The ID of the service (see service).").Immutable().Annotations(shared()),
		field.Time("created_at").Comment("When it happened (UTC).").Default(now).Immutable().
			Annotations(entgql.OrderField("CREATED_AT"), shared()),
		field.String("state").Comment("The service's state when it was written.").MaxRuneLen(50).Annotations(shared()),
		field.Enum("level").Comment("How serious it is.").
			Annotations(enumValues{
				"info":    "A step as planned.",
				"warning": "Something to look at; the operation went on.",
				"error":   "The operation failed.",
			}).Values("info", "warning", "error").Default("info").Annotations(shared()),
		field.String("message").Comment("What happened, in words, up to 4000 characters.").MaxRuneLen(4000).Annotations(shared()),
	}
}

func (ServiceEvent) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("service", Service.Type).Comment("The service.").Ref("events").Field("service_id").
			Unique().Required().Immutable(),
	}
}

func (ServiceEvent) Indexes() []ent.Index {
	return []ent.Index{index.Fields("service_id", "created_at")}
}

func (ServiceEvent) Annotations() []schema.Annotation {
	return []schema.Annotation{
		schema.Comment("A line of a service's deploy log, which members watch live (serviceEvents)."),
		entgql.RelayConnection()}
}
