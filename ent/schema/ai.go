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
		field.String("name").Comment("The display name, up to 100 characters.").NotEmpty().MaxRuneLen(100),
		field.String("base_url").Comment("The API's base URL, e.g. https://api.openai.com/v1.").NotEmpty().MaxRuneLen(500),
		// APIKey is encrypted with secretbox.
		field.Bytes("api_key").Optional().Sensitive().Annotations(entgql.Skip()),
		field.String("default_model").Comment("The model agents without one of their own use.").MaxRuneLen(200).Default(""),
		field.Int("max_tokens").Comment("The most tokens one answer may have.").Default(2048),
		field.Float("temperature").Comment("The sampling temperature agents without one of their own use (0 to 2).").Default(0.7),
		field.Bool("active").Comment("Whether agents may use it: answers through an inactive provider fail.").Default(true),
	}
}

func (AIProvider) Edges() []ent.Edge {
	return []ent.Edge{edge.To("agents", AIAgent.Type).Annotations(entgql.Skip())}
}

func (AIProvider) Annotations() []schema.Annotation {
	return []schema.Annotation{
		schema.Comment("An OpenAI-compatible endpoint that agents' answers come from. Only platform admins see and manage providers; the API key is never readable."),
		entgql.RelayConnection()}
}

func (AIProvider) Policy() ent.Policy { return policy.AdminOnlyPolicy() }

// AIAgent is an assistant that answers in threads when @mentioned.
type AIAgent struct{ ent.Schema }

func (AIAgent) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

func (AIAgent) Fields() []ent.Field {
	return []ent.Field{
		field.String("handle").Comment("The name to @mention: lower-case letters, digits, _ and -, starting with a letter; unique.").NotEmpty().MaxRuneLen(50).Unique().
			Match(handlePattern),
		field.String("display_name").Comment("The name shown with its answers.").NotEmpty().MaxRuneLen(100),
		field.String("description").Comment("What the agent is for, shown in the @ list.").MaxRuneLen(1000).Default(""),
		field.Text("system_prompt").Default("").Annotations(entgql.Skip()),
		field.Int("provider_id").Comment("The ID of its provider; null until a platform admin sets one (the agent cannot answer without one).").Optional().Nillable(),
		field.String("model").Comment("The model it uses; empty for its provider's default.").MaxRuneLen(200).Default(""),
		field.Float("temperature").Comment("Its sampling temperature; null for its provider's.").Optional().Nillable(),
		field.String("avatar_color").Comment("A CSS color for its avatar; empty for the default.").MaxRuneLen(20).Default(""),
		field.Bool("is_default").Comment("Whether it answers, in threads with autoReply on and no default agent of their own, the messages that mention no agent (at most one agent is the default).").Default(false),
		field.Bool("active").Comment("Whether it answers: an inactive agent is not offered and ignores mentions.").Default(true),
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
	return []schema.Annotation{
		schema.Comment("An assistant that answers in threads when @mentioned (and, in a thread with autoReply on, the default agent answers messages that mention none). Every signed-in account may read agents; platform admins manage them."),
		entgql.RelayConnection()}
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
		field.String("title").Comment("The title; empty until one is given or made from the first message.").MaxRuneLen(200).Default(""),
		field.Int("created_by_id").Comment("The ID of the account that started it; null when that account is gone.").Optional().Nillable().Immutable(),
		field.Int("task_id").Comment("The ID of the task it is about; null for a thread of its own.").Optional().Nillable(),
		field.Int("default_agent_id").Comment("The ID of the agent that answers messages mentioning none when autoReply is on; null for the default agent (AIAgent.isDefault).").Optional().Nillable(),
		field.Bool("auto_reply").Comment("Whether messages that mention no agent get an answer from the default agent.").Default(false),
	}
}

func (AIThread) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("created_by", User.Type).Comment("The account that started it; null when gone.").Ref("threads_created").Field("created_by_id").
			Unique().Immutable(),
		edge.From("task", Task.Type).Comment("The task it is about, if any.").Ref("thread").Field("task_id").Unique(),
		edge.From("default_agent", AIAgent.Type).Comment("The agent that answers messages mentioning none when autoReply is on; null for the default agent (AIAgent.isDefault).").Ref("default_threads").
			Field("default_agent_id").Unique(),
		edge.To("messages", AIMessage.Type).Comment("The messages, oldest first by default.").Annotations(entgql.RelayConnection()),
	}
}

func (AIThread) Annotations() []schema.Annotation {
	return []schema.Annotation{
		schema.Comment("An assistant conversation in a workspace, optionally about a task. Members read it; from the user role up they write in it."),
		entgql.RelayConnection()}
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
		field.Int("thread_id").Comment("The ID of the thread (see thread).").Immutable(),
		field.Enum("role").Comment("Who wrote it.").
			Annotations(enumValues{
				"user":      "A member's message.",
				"assistant": "An agent's answer.",
				"system":    "An instruction to the model, not shown as a message.",
				"tool":      "A tool's result, passed to the model.",
			}).Values("user", "assistant", "system", "tool"),
		field.Int("author_user_id").Comment("The ID of the member who wrote it; null for an agent's.").Optional().Nillable().Immutable(),
		field.Int("author_agent_id").Comment("The ID of the agent that wrote it; null for a member's.").Optional().Nillable().Immutable(),
		field.Text("content").Comment("The text (Markdown), so far while it streams.").Default(""),
		field.Enum("status").Comment("Whether the text is complete.").
			Annotations(enumValues{
				"streaming": "The answer is being written.",
				"complete":  "Complete.",
				"cancelled": "Stopped before its end (cancelGeneration); the text so far is kept.",
				"error":     "The provider failed (see error); the text so far is kept.",
			}).Values("streaming", "complete", "cancelled", "error").
			Default("complete"),
		field.String("error").Comment("Why the answer failed, in words; empty unless status is error.").MaxRuneLen(2000).Default(""),
		field.Int("prompt_tokens").Comment("Tokens the provider counted in the prompt of an answer; 0 for members' messages.").Default(0),
		field.Int("completion_tokens").Comment("Tokens the provider counted in the answer; 0 for members' messages.").Default(0),
		field.Time("created_at").Comment("When it was sent (UTC).").Default(now).Immutable().
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
		edge.From("thread", AIThread.Type).Comment("The thread.").Ref("messages").Field("thread_id").
			Unique().Required().Immutable(),
		edge.From("author_user", User.Type).Comment("The member who wrote it; null for an agent's, or when the account is gone.").Ref("messages").Field("author_user_id").
			Unique().Immutable(),
		edge.From("author_agent", AIAgent.Type).Comment("The agent that wrote it; null for a member's.").Ref("messages").Field("author_agent_id").
			Unique().Immutable(),
	}
}

func (AIMessage) Indexes() []ent.Index {
	return []ent.Index{index.Fields("thread_id", "created_at"), index.Fields("status", "updated_at")}
}

func (AIMessage) Annotations() []schema.Annotation {
	return []schema.Annotation{
		schema.Comment("A message of a thread: a member's, or an agent's answer, which is stored as it streams (messageStream sends it token by token)."),
		entgql.RelayConnection()}
}
