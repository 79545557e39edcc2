package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/woowtech/woow-paas/policy"
)

// AIProvider is an OpenAI-compatible endpoint. Platform admins manage it.
type AIProvider struct{ ent.Schema }

func (AIProvider) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

func (AIProvider) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").NotEmpty().MaxRuneLen(100),
		field.String("base_url").NotEmpty().MaxRuneLen(500),
		// APIKey is encrypted with secretbox.
		field.Bytes("api_key").Optional().Sensitive().Annotations(entgql.Skip()),
		field.String("default_model").MaxRuneLen(200).Default(""),
		field.Int("max_tokens").Default(2048),
		field.Float("temperature").Default(0.7),
		field.Bool("active").Default(true),
	}
}

func (AIProvider) Edges() []ent.Edge {
	return []ent.Edge{edge.To("agents", AIAgent.Type).Annotations(entgql.Skip())}
}

func (AIProvider) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}

func (AIProvider) Policy() ent.Policy { return policy.AdminOnlyPolicy() }

// AIAgent is an assistant that answers in threads when @mentioned.
type AIAgent struct{ ent.Schema }

func (AIAgent) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

func (AIAgent) Fields() []ent.Field {
	return []ent.Field{
		field.String("handle").NotEmpty().MaxRuneLen(50).Unique().
			Match(handlePattern),
		field.String("display_name").NotEmpty().MaxRuneLen(100),
		field.String("description").MaxRuneLen(1000).Default(""),
		field.Text("system_prompt").Default("").Annotations(entgql.Skip()),
		field.Int("provider_id").Optional().Nillable(),
		field.String("model").MaxRuneLen(200).Default(""),
		field.Float("temperature").Optional().Nillable(),
		field.String("avatar_color").MaxRuneLen(20).Default(""),
		field.Bool("is_default").Default(false),
		field.Bool("active").Default(true),
	}
}

func (AIAgent) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("provider", AIProvider.Type).Ref("agents").Field("provider_id").
			Unique().Annotations(entgql.Skip()),
		edge.To("default_threads", AIThread.Type).Annotations(entgql.Skip()),
		edge.To("messages", AIMessage.Type).Annotations(entgql.Skip()),
	}
}

func (AIAgent) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}

func (AIAgent) Policy() ent.Policy { return policy.ReadableByAllPolicy() }

// AIThread is a conversation in a workspace, optionally about a task.
type AIThread struct{ ent.Schema }

func (AIThread) Mixin() []ent.Mixin {
	return []ent.Mixin{
		TimeMixin{},
		WorkspaceMixin{Ref: "ai_threads", Write: policy.Chat},
	}
}

func (AIThread) Fields() []ent.Field {
	return []ent.Field{
		field.String("title").MaxRuneLen(200).Default(""),
		field.Int("created_by_id").Optional().Nillable().Immutable(),
		field.Int("task_id").Optional().Nillable(),
		field.Int("default_agent_id").Optional().Nillable(),
		field.Bool("auto_reply").Default(false),
	}
}

func (AIThread) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("created_by", User.Type).Ref("threads_created").Field("created_by_id").
			Unique().Immutable(),
		edge.From("task", Task.Type).Ref("thread").Field("task_id").Unique(),
		edge.From("default_agent", AIAgent.Type).Ref("default_threads").
			Field("default_agent_id").Unique(),
		edge.To("messages", AIMessage.Type).Annotations(entgql.RelayConnection()),
	}
}

func (AIThread) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}

// AIMessage is one message in a thread; an assistant's answer is stored as
// it streams.
type AIMessage struct{ ent.Schema }

func (AIMessage) Mixin() []ent.Mixin {
	return []ent.Mixin{
		WorkspaceMixin{Ref: "ai_messages", Write: policy.Chat},
	}
}

func (AIMessage) Fields() []ent.Field {
	return []ent.Field{
		field.Int("thread_id").Immutable(),
		field.Enum("role").Values("user", "assistant", "system", "tool"),
		field.Int("author_user_id").Optional().Nillable().Immutable(),
		field.Int("author_agent_id").Optional().Nillable().Immutable(),
		field.Text("content").Default(""),
		field.Enum("status").Values("streaming", "complete", "cancelled", "error").
			Default("complete"),
		field.String("error").MaxRuneLen(2000).Default(""),
		field.Int("prompt_tokens").Default(0),
		field.Int("completion_tokens").Default(0),
		field.Time("created_at").Default(now).Immutable().
			Annotations(entgql.OrderField("CREATED_AT")),
		// updated_at is the heartbeat of a reply being written: a reply
		// left streaming whose heartbeat stopped was interrupted (its
		// server stopped) and is ended as such.
		field.Time("updated_at").Default(now).UpdateDefault(now).
			Annotations(entgql.Skip()),
		// attempt counts regenerations: the stream tells an answer written
		// again from the one before.
		field.Int("attempt").Default(0).
			Annotations(entgql.Skip()),
	}
}

func (AIMessage) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("thread", AIThread.Type).Ref("messages").Field("thread_id").
			Unique().Required().Immutable(),
		edge.From("author_user", User.Type).Ref("messages").Field("author_user_id").
			Unique().Immutable(),
		edge.From("author_agent", AIAgent.Type).Ref("messages").Field("author_agent_id").
			Unique().Immutable(),
	}
}

func (AIMessage) Indexes() []ent.Index {
	return []ent.Index{index.Fields("thread_id", "created_at"), index.Fields("status", "updated_at")}
}

func (AIMessage) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}
