/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Who wrote it. */
export type AiMessageRole =
  /** An agent's answer. */
  | 'assistant'
  /** An instruction to the model, not shown as a message. */
  | 'system'
  /** A tool's result, passed to the model. */
  | 'tool'
  /** A member's message. */
  | 'user';

/** Whether the text is complete. */
export type AiMessageStatus =
  /** Stopped before its end (cancelGeneration); the text so far is kept. */
  | 'cancelled'
  /** Complete. */
  | 'complete'
  /** The provider failed (see error); the text so far is kept. */
  | 'error'
  /** The answer is being written. */
  | 'streaming';

/** Accept an invitation: one of your pending invitations by id, or a link's token. */
export type AcceptInvitationInput = {
  /** One of the viewer's pending invitations (for an account that verified the address). */
  id?: string | number | null | undefined;
  /** The token of the invitation link (anyone signed in). Give id or token, not both. */
  token?: string | null | undefined;
};

/** The marketplace category. */
export type AppTemplateCategory =
  /** AI models and assistants. */
  | 'ai_llm'
  /** Analytics and monitoring. */
  | 'analytics'
  /** Workflow automation. */
  | 'automation'
  /** Any container image. */
  | 'container'
  /** Databases. */
  | 'database'
  /** Developer tools and CI. */
  | 'devops'
  /** Websites and web apps. */
  | 'web';

/** The device page's answer. */
export type ApproveOAuthDeviceInput = {
  /** true lets the device get tokens for the viewer; false denies it. */
  approve: boolean;
  /** The code the device shows. */
  userCode: string;
};

/**
 * Archiving makes a workspace read-only: it stays visible to its members, but
 * nothing in it changes any more and it takes no new members. Its services
 * must be stopped or deleted first (CONFLICT otherwise).
 */
export type ArchiveWorkspaceInput = {
  /** The workspace (the owner only). */
  id: string | number;
};

/** The consent page's answer to an authorization request. */
export type AuthorizeOAuthClientInput = {
  /** true grants the scopes and issues a code; false denies. */
  approve: boolean;
  /** client_id, as in OAuthConsentInput. */
  clientId: string;
  /** code_challenge, as in OAuthConsentInput. */
  codeChallenge?: string | null | undefined;
  /** code_challenge_method, as in OAuthConsentInput. */
  codeChallengeMethod?: string | null | undefined;
  /** redirect_uri, as in OAuthConsentInput. */
  redirectUri: string;
  /** scope, as in OAuthConsentInput. */
  scope?: string | null | undefined;
  /** state, as in OAuthConsentInput. */
  state?: string | null | undefined;
};

/** What changed on a board. */
export type BoardChange =
  /** The project was renamed or described: project is its new state. */
  | 'PROJECT_CHANGED'
  /** The project was deleted: nothing more will come. */
  | 'PROJECT_DELETED'
  /** A stage was created, renamed, folded or moved: stage is its new state. */
  | 'STAGE_CHANGED'
  /** A stage was deleted (its tasks moved first): deletedId names it. */
  | 'STAGE_DELETED'
  /** A task was created, changed or moved: task is its new state. */
  | 'TASK_CHANGED'
  /** A task was deleted: deletedId names it. */
  | 'TASK_DELETED';

/** An answer to stop. */
export type CancelGenerationInput = {
  /** An answer being written. */
  messageId: string | number;
};

/** An invitation to withdraw. */
export type CancelInvitationInput = {
  /** The invitation; CONFLICT when it was answered already. */
  id: string | number;
};

/** A new password for the signed-in account. */
export type ChangePasswordInput = {
  /** The password now; BAD_USER_INPUT when wrong (TOO_MANY_REQUESTS after repeated tries). */
  currentPassword: string;
  /** At least 8 characters. */
  newPassword: string;
};

/** A new agent (platform admins). */
export type CreateAiAgentInput = {
  /** Whether it answers (default true). */
  active?: boolean | null | undefined;
  /** #rrggbb */
  avatarColor?: string | null | undefined;
  /** What it is for, at most 1000 characters. */
  description?: string | null | undefined;
  /** The name shown with its answers, 1 to 100 characters. */
  displayName: string;
  /** What follows @ in a mention: 1 to 50 lower-case letters, digits, _ or -. */
  handle: string;
  /** As in CreateWorkspaceInput: the same key again returns the agent the first request made (the viewer's keys: another admin's are theirs). */
  idempotencyKey?: string | null | undefined;
  /** The agent that answers when no one is mentioned; one at most. */
  isDefault?: boolean | null | undefined;
  /** Empty: the provider's default model. */
  model?: string | null | undefined;
  /** Its provider; without one the agent cannot answer. */
  providerId?: string | number | null | undefined;
  /** The instructions the model gets before every conversation. */
  systemPrompt?: string | null | undefined;
  /** 0 to 2; null for the provider's. */
  temperature?: number | null | undefined;
};

/** A new OpenAI-compatible provider (platform admins). */
export type CreateAiProviderInput = {
  /** Whether agents may use it (default true). */
  active?: boolean | null | undefined;
  /** Encrypted at rest; never returned. */
  apiKey?: string | null | undefined;
  /**
   * The OpenAI-compatible API's base, e.g. https://api.openai.com/v1; a URL
   * without a path gets /v1.
   */
  baseUrl: string;
  /** The model agents without one use; empty to set later. */
  defaultModel?: string | null | undefined;
  /** As in CreateWorkspaceInput: the same key again returns the provider the first request made (the viewer's keys: another admin's are theirs). */
  idempotencyKey?: string | null | undefined;
  /** 1 to 1,000,000 (default 2048). */
  maxTokens?: number | null | undefined;
  /** 1 to 100 characters. */
  name: string;
  /** 0 to 2 (default 0.7). */
  temperature?: number | null | undefined;
};

/** The fields of a new AppTemplate; those left out get their defaults. */
export type CreateAppTemplateInput = {
  /** Whether the marketplace lists it for everyone: an inactive template is listed for platform admins only (appTemplate(slug:) still finds it, and its services still show it). */
  active?: boolean | null | undefined;
  /** The marketplace category. */
  category: AppTemplateCategory;
  /** The Helm chart: oci://registry/repo/chart, a chart name in chartRepoURL, an http(s) archive URL, or a local chart path inside the server's WOOW_CHART_DIRS. */
  chartRef: string;
  /** The Helm repository of a chart name in chartRef; empty for oci:// and archive references. */
  chartRepoURL?: string | null | undefined;
  /** The chart version deployed; empty for the latest. */
  chartVersion?: string | null | undefined;
  /** The port of the app's HTTP service, which its address reaches. */
  defaultPort?: number | null | undefined;
  /** Chart values the platform sets, under what the user sets. */
  defaultValues?: Record<string, unknown> | null | undefined;
  /** A one-line summary for the marketplace, up to 500 characters. */
  description?: string | null | undefined;
  /** A link to the app's documentation; empty when none. */
  documentationURL?: string | null | undefined;
  /** The template's page text (Markdown). */
  fullDescription?: string | null | undefined;
  /** A Material Symbols icon name. */
  icon?: string | null | undefined;
  /** As in CreateWorkspaceInput: the same key again returns the AppTemplate the first request made (the viewer's keys: another's are theirs). */
  idempotencyKey?: string | null | undefined;
  /** Whether a deploy gets a public address (ingress) for the app. */
  ingressEnabled?: boolean | null | undefined;
  /** The memory the app needs at least, in GB. */
  minRAMGB?: number | null | undefined;
  /** The disk the app needs at least, in GB. */
  minStorageGB?: number | null | undefined;
  /** The virtual CPUs the app needs at least. */
  minVcpu?: number | null | undefined;
  /** The advertised monthly price; 0 for free. */
  monthlyPrice?: number | null | undefined;
  /** The display name, up to 100 characters. */
  name: string;
  /** The template's address in the marketplace, unique and fixed once created. */
  slug: string;
  /** Search keywords. */
  tags?: Array<string> | null | undefined;
  /** description and fullDescription in other languages, one per locale (zh-TW); those fields are English, and an empty translated field falls back to them. Setting it replaces every translation. */
  translations?: Array<TemplateTranslationInput> | null | undefined;
  /** The values a user sets when deploying, and their rules (the deploy form). */
  valueSpecs?: ValueSpecsInput | null | undefined;
};

/** An invitation that needs a new link. */
export type CreateInvitationLinkInput = {
  /** The invitation; CONFLICT when it was answered or cancelled. Its expiry moves too. */
  id: string | number;
  /**
   * As in CreateWorkspaceInput: the same key again makes no new link and
   * returns the invitation with link null (the server keeps only the link's
   * hash); the link the first request made keeps working.
   */
  idempotencyKey?: string | null | undefined;
};

/** A new OAuth client, owned by the viewer. */
export type CreateOAuthClientInput = {
  /**
   * As in CreateWorkspaceInput: the same key again returns the client the
   * first request made, without its secret (clientSecret is null): the server
   * keeps only a hash. rotateOAuthClientSecret makes a new one.
   */
  idempotencyKey?: string | null | undefined;
  /** The name users see on the consent page, 1 to 100 characters. */
  name: string;
  /** A public client (a native or browser app) has no secret and must use PKCE. */
  public: boolean;
  /** Exact redirect URIs (https, or http on a loopback host). */
  redirectUris: Array<string>;
  /** The scopes it may ask for (see OAuthScope). */
  scopes: Array<string>;
};

/** A new support project (members from user up). */
export type CreateProjectInput = {
  /** What the project is for (Markdown). */
  description?: string | null | undefined;
  /** A client-chosen key: creating again with the same key returns the first project. */
  idempotencyKey?: string | null | undefined;
  /** At most 200 characters. */
  name: string;
  /** The cloud service the project supports (one project per service). */
  serviceId?: string | number | null | undefined;
  /** The workspace; not archived. */
  workspaceId: string | number;
};

/** A smart home to add (workspace admins and owners). */
export type CreateSmartHomeInput = {
  /** Home Assistant's port on the machine that runs the connector (default 8123). */
  haPort?: number | null | undefined;
  /** As in CreateWorkspaceInput: the same key again returns the home the first request made. */
  idempotencyKey?: string | null | undefined;
  /** 1 to 100 characters. */
  name: string;
  /** The workspace; not archived. */
  workspaceId: string | number;
};

/** A new task (members from user up). */
export type CreateTaskInput = {
  /** The details (Markdown). */
  description?: string | null | undefined;
  /** A client-chosen key: creating again with the same key returns the first task. */
  idempotencyKey?: string | null | undefined;
  /** Where the task goes in its stage, counted from 0 (default: last). */
  position?: number | null | undefined;
  /** The project. */
  projectId: string | number;
  /** A stage of that project. */
  stageId: string | number;
  /** At most 300 characters. */
  title: string;
};

/** A new column on a board. */
export type CreateTaskStageInput = {
  /** As in CreateWorkspaceInput: the same key again returns the stage the first request made. */
  idempotencyKey?: string | null | undefined;
  /** At most 100 characters. */
  name: string;
  /** Where the stage goes, counted from 0 (default: last). */
  position?: number | null | undefined;
  /** The project. */
  projectId: string | number;
};

/** A new thread (members from user up). */
export type CreateThreadInput = {
  /** Whether messages that mention no agent get an answer from the default agent (default false). */
  autoReply?: boolean | null | undefined;
  /** The agent that answers when no one is mentioned and auto-reply is on. */
  defaultAgentId?: string | number | null | undefined;
  /** As in CreateWorkspaceInput: the same key again returns the thread the first request made. */
  idempotencyKey?: string | null | undefined;
  /** The task the thread is about (one thread per task). */
  taskId?: string | number | null | undefined;
  /** At most 200 characters. */
  title?: string | null | undefined;
  /** The workspace; not archived. */
  workspaceId: string | number;
};

/** A new workspace; the viewer becomes its owner. */
export type CreateWorkspaceInput = {
  /** What the workspace is for, at most 2000 characters. */
  description?: string | null | undefined;
  /**
   * A key the client makes for this request (a UUID): the same request sent
   * again with it (a double click, a retry after a lost answer) returns the
   * workspace the first made instead of making another. Kept for a day.
   */
  idempotencyKey?: string | null | undefined;
  /** The display name, 1 to 100 characters; the slug is made from it. */
  name: string;
};

/** Decline an invitation: one of your pending invitations by id, or a link's token. */
export type DeclineInvitationInput = {
  /** One of the viewer's pending invitations. */
  id?: string | number | null | undefined;
  /** The token of the invitation link. Give id or token, not both. */
  token?: string | null | undefined;
};

/** An agent to remove. */
export type DeleteAiAgentInput = {
  /** The agent. */
  id: string | number;
};

/** A provider to remove. */
export type DeleteAiProviderInput = {
  /** The provider; CONFLICT while an agent uses it. */
  id: string | number;
};

/** A client to delete. */
export type DeleteOAuthClientInput = {
  /** The client (its owner, or a platform admin). */
  id: string | number;
};

/** A project to delete (workspace admins). */
export type DeleteProjectInput = {
  /** The project. */
  id: string | number;
};

/** A service to delete. */
export type DeleteServiceInput = {
  /** The service. */
  id: string | number;
};

/** A smart home to delete (workspace admins and owners). */
export type DeleteSmartHomeInput = {
  /** The smart home. */
  id: string | number;
};

/** A task to delete. */
export type DeleteTaskInput = {
  /** The task. */
  id: string | number;
};

/** A column to delete. */
export type DeleteTaskStageInput = {
  /** The stage. */
  id: string | number;
  /** Where the stage's tasks go (at the end of that stage); required when it has tasks. */
  moveTasksTo?: string | number | null | undefined;
};

/** A thread to delete. */
export type DeleteThreadInput = {
  /** The thread (its author or a workspace admin). */
  id: string | number;
};

/** The uploaded chart to delete. */
export type DeleteUploadedChartInput = {
  /** Its chart reference, upload://<sha256>. */
  chartRef: string;
};

/** A service to deploy from a template (workspace admins and the owner). */
export type DeployServiceInput = {
  /** As in CreateWorkspaceInput: the same key again returns the service the first request made. */
  idempotencyKey?: string | null | undefined;
  /** The display name, 1 to 100 characters, unique in the workspace among the services not gone, whatever the case (BAD_USER_INPUT otherwise). */
  name: string;
  /** The template to deploy. */
  templateId: string | number;
  /** Flat dot-path keys allowed by the template's value specs. */
  values?: Record<string, unknown> | null | undefined;
  /** The workspace; not archived. */
  workspaceId: string | number;
};

/** Where an invitation stands. */
export type InvitationStatus =
  /** Accepted: the invitee is a member. */
  | 'accepted'
  /** Withdrawn by an admin. */
  | 'cancelled'
  /** Declined by the invitee. */
  | 'declined'
  /** Never answered before expiresAt; createInvitationLink revives it. */
  | 'expired'
  /** Waiting for an answer, and not expired. */
  | 'pending';

/** An invitation to send (admins and the owner). */
export type InviteMemberInput = {
  /** The address to invite; CONFLICT when it belongs to a member already. */
  email: string;
  /**
   * As in CreateWorkspaceInput: the same key again returns the invitation the
   * first request made, and sends no second e-mail. It has no link then
   * (link is null): the server keeps only the link's hash, and a new link
   * would stop the one e-mailed. createInvitationLink makes a new one.
   */
  idempotencyKey?: string | null | undefined;
  /** The role on accepting: admin, user or guest (owner is refused). */
  role: Role;
  /** The workspace. */
  workspaceId: string | number;
};

/** A workspace the viewer leaves. */
export type LeaveWorkspaceInput = {
  /** The workspace; its owner transfers ownership first (CONFLICT otherwise). */
  workspaceId: string | number;
};

/** Credentials to sign in with. */
export type LoginInput = {
  /** The account's address, in any case. */
  email: string;
  /**
   * The account's password. UNAUTHENTICATED when either is wrong;
   * TOO_MANY_REQUESTS after repeated failures.
   */
  password: string;
};

/** A task to move (moveTask writes only the moved task). */
export type MoveTaskInput = {
  /** The task. */
  id: string | number;
  /** The task's index in the target stage after the move, counted from 0; past the end means last. */
  position: number;
  /** A stage of the task's project. */
  stageId: string | number;
};

/** A column to move. */
export type MoveTaskStageInput = {
  /** The stage. */
  id: string | number;
  /** The stage's index among the project's stages after the move. */
  position: number;
};

/** The quota's parts to change; an empty or missing part keeps its value. */
export type NamespaceQuotaInput = {
  /** CPU cores, e.g. "16" or "1500m". */
  cpu?: string | null | undefined;
  /** Memory, e.g. "32Gi". */
  memory?: string | null | undefined;
  /** Storage, e.g. "200Gi". */
  storage?: string | null | undefined;
};

/** The parameters of an /oauth2/authorize request, as received. */
export type OAuthConsentInput = {
  /** client_id. */
  clientId: string;
  /** code_challenge (PKCE); required for public clients. */
  codeChallenge?: string | null | undefined;
  /** code_challenge_method: S256, the only method accepted. */
  codeChallengeMethod?: string | null | undefined;
  /** redirect_uri: one the client registered (see OAuthConsent.registeredRedirect). */
  redirectUri: string;
  /** scope: space-separated; null for the client's allowed scopes. */
  scope?: string | null | undefined;
  /** state, passed back to the client unchanged. */
  state?: string | null | undefined;
};

/** A smart home whose tunnel status to read again. */
export type RefreshSmartHomeStatusInput = {
  /** The smart home. */
  id: string | number;
};

/** An answer to write again. */
export type RegenerateMessageInput = {
  /** An answer that ended in error or was cancelled. */
  messageId: string | number;
};

/** A new account. */
export type RegisterInput = {
  /** The sign-in address, at most 254 characters; BAD_USER_INPUT when an account has it already. */
  email: string;
  /** The display name, at most 200 characters. */
  name: string;
  /** At least 8 characters. */
  password: string;
};

/** Who may open an account. */
export type RegistrationMode =
  /** Only addresses with a pending workspace invitation (and the very first account, the platform admin). */
  | 'invitation'
  /** Anyone who reaches the web app. */
  | 'open';

/** A member to remove (admins and the owner; never the owner). */
export type RemoveMemberInput = {
  /** The member's account. */
  userId: string | number;
  /** The workspace. */
  workspaceId: string | number;
};

/** Who forgot a password. */
export type RequestPasswordResetInput = {
  /** The account's address. */
  email: string;
};

/** A new password from a reset link. */
export type ResetPasswordInput = {
  /** At least 8 characters. */
  newPassword: string;
  /** The token of the e-mailed link. */
  token: string;
};

/** A smart home in error to provision again. */
export type RetrySmartHomeInput = {
  /** The smart home. */
  id: string | number;
};

/** A client the viewer no longer trusts. */
export type RevokeOAuthGrantInput = {
  /** The client's client_id. */
  clientId: string;
};

/** A member's role in a workspace: what the member may do there. Each role may do all that the roles below it may. */
export type Role =
  /** May rename the workspace, manage members and invitations, deploy and operate services and manage smart homes; and all a user may. */
  | 'admin'
  /** May read the workspace: its members, services, smart homes, projects, threads and activity. */
  | 'guest'
  /** The one member who may archive the workspace and transfer its ownership; and all an admin may. */
  | 'owner'
  /** May chat with the assistant and change projects, stages and tasks; and all a guest may. */
  | 'user';

/** A service to roll back (running or error). */
export type RollbackServiceInput = {
  /** The service. */
  id: string | number;
  /** The revision to return to; none = the previous one. */
  revision?: number | null | undefined;
};

/** A confidential client that needs a new secret. */
export type RotateOAuthClientSecretInput = {
  /** The client (its owner, or a platform admin). */
  id: string | number;
};

/** A message to send. */
export type SendMessageInput = {
  /** At most 32,000 characters. Agents mentioned as @handle answer; with none mentioned and auto-reply on, the thread's default agent does. */
  content: string;
  /** A client-chosen key (at most 100 characters): sending again with the same key returns the first message instead of a second one. */
  idempotencyKey?: string | null | undefined;
  /** The thread. */
  threadId: string | number;
};

/** How serious it is. */
export type ServiceEventLevel =
  /** The operation failed. */
  | 'error'
  /** A step as planned. */
  | 'info'
  /** Something to look at; the operation went on. */
  | 'warning';

/** Where the service is in its life. Each operation starts only from some states (CONFLICT otherwise); the viewerCan... fields say which are open now. */
export type ServiceState =
  /** The Helm release is being uninstalled. */
  | 'deleting'
  /** The first Helm install is running. */
  | 'deploying'
  /** The last operation failed (see errorMessage); upgrade, rollback or delete may follow. */
  | 'error'
  /** Deleted: kept for the record, no longer operable. */
  | 'gone'
  /** Installed; waiting for the app to become ready. */
  | 'initializing'
  /** Created; the deploy job has not started. */
  | 'pending'
  /** Ready and serving. */
  | 'running'
  /** Its workloads are being scaled back up. */
  | 'starting'
  /** Scaled to zero: installed, not running. */
  | 'stopped'
  /** Its workloads are being scaled to zero. */
  | 'stopping'
  /** A Helm upgrade or rollback is running. */
  | 'upgrading';

/** An account to make a platform admin, or to take the role from (platform admins). */
export type SetPlatformAdminInput = {
  /** true makes the account a platform admin, false takes the role away. */
  admin: boolean;
  /** The account; the viewer's own too, while another active platform admin remains. */
  userId: string | number;
};

/** An account to disable or enable (platform admins). */
export type SetUserDisabledInput = {
  /** true disables the account, false enables it again. */
  disabled: boolean;
  /** The account; not the viewer's own (BAD_USER_INPUT). */
  userId: string | number;
};

/** Where its provisioning is. */
export type SmartHomeState =
  /** Reachable once a connector runs the tunnel. */
  | 'active'
  /** The tunnel and its DNS record are being removed. */
  | 'deleting'
  /** Provisioning or deletion failed (see errorMessage); retrySmartHome tries again. */
  | 'error'
  /** Deleted: kept for the record. */
  | 'gone'
  /** Created; provisioning has not started. */
  | 'pending'
  /** The tunnel and its DNS record are being made. */
  | 'provisioning';

/** The tunnel's connection as Cloudflare last reported it (refreshSmartHomeStatus asks again). */
export type SmartHomeTunnelStatus =
  /** A connector is connected: the address works. */
  | 'connected'
  /** The tunnel no longer exists at Cloudflare. */
  | 'deleted'
  /** No connector is connected: run cloudflared with the token. */
  | 'disconnected'
  /** Cloudflare reports the tunnel unhealthy. */
  | 'error'
  /** Not asked yet. */
  | 'unknown';

/** A service to start (stopped only). */
export type StartServiceInput = {
  /** The service. */
  id: string | number;
};

/** A service to stop (running only). */
export type StopServiceInput = {
  /** The service. */
  id: string | number;
};

/** How urgent it is. */
export type TaskPriority =
  /** High. */
  | 'high'
  /** Low. */
  | 'low'
  /** Normal (the default). */
  | 'normal'
  /** Urgent: first. */
  | 'urgent';

/** A template's description and full description in one language (see TemplateTranslation). */
export type TemplateTranslationInput = {
  /** The one-line summary, up to 500 characters; empty: the English one. */
  description?: string | null | undefined;
  /** The page text (Markdown); empty: the English one. */
  fullDescription?: string | null | undefined;
  /** The language, a BCP 47 tag: zh-TW (once per template). */
  locale: string;
};

/** A provider to try. */
export type TestAiProviderInput = {
  /** The provider. */
  id: string | number;
};

/** A new owner for a workspace (the owner only). */
export type TransferOwnershipInput = {
  /** The member who becomes owner; the current owner becomes admin. */
  userId: string | number;
  /** The workspace. */
  workspaceId: string | number;
};

/** Changes to an agent (platform admins); fields left out stay. */
export type UpdateAiAgentInput = {
  /** Whether it answers. */
  active?: boolean | null | undefined;
  /** #rrggbb. */
  avatarColor?: string | null | undefined;
  /** At most 1000 characters. */
  description?: string | null | undefined;
  /** 1 to 100 characters. */
  displayName?: string | null | undefined;
  /** The new @handle, as in CreateAIAgentInput; unique. */
  handle?: string | null | undefined;
  /** The agent. */
  id: string | number;
  /** true makes it the default agent (the former default stops being one). */
  isDefault?: boolean | null | undefined;
  /** Empty: the provider's default model. */
  model?: string | null | undefined;
  /** Its provider. */
  providerId?: string | number | null | undefined;
  /** The instructions the model gets before every conversation. */
  systemPrompt?: string | null | undefined;
  /** 0 to 2. */
  temperature?: number | null | undefined;
};

/** Changes to a provider (platform admins); fields left out stay. */
export type UpdateAiProviderInput = {
  /** Whether agents may use it. */
  active?: boolean | null | undefined;
  /** A new key; an empty string removes the key. */
  apiKey?: string | null | undefined;
  /** The API's base URL, as in CreateAIProviderInput. */
  baseUrl?: string | null | undefined;
  /** The model agents without one use. */
  defaultModel?: string | null | undefined;
  /** The provider. */
  id: string | number;
  /** 1 to 1,000,000. */
  maxTokens?: number | null | undefined;
  /** 1 to 100 characters. */
  name?: string | null | undefined;
  /** 0 to 2. */
  temperature?: number | null | undefined;
};

/** Changes to the AppTemplate named by id: the fields given are set, those left out stay. */
export type UpdateAppTemplateInput = {
  /** Whether the marketplace lists it for everyone: an inactive template is listed for platform admins only (appTemplate(slug:) still finds it, and its services still show it). */
  active?: boolean | null | undefined;
  /** The marketplace category. */
  category?: AppTemplateCategory | null | undefined;
  /** The Helm chart: oci://registry/repo/chart, a chart name in chartRepoURL, an http(s) archive URL, or a local chart path inside the server's WOOW_CHART_DIRS. */
  chartRef?: string | null | undefined;
  /** The Helm repository of a chart name in chartRef; empty for oci:// and archive references. */
  chartRepoURL?: string | null | undefined;
  /** The chart version deployed; empty for the latest. */
  chartVersion?: string | null | undefined;
  /** The port of the app's HTTP service, which its address reaches. */
  defaultPort?: number | null | undefined;
  /** Chart values the platform sets, under what the user sets. */
  defaultValues?: Record<string, unknown> | null | undefined;
  /** A one-line summary for the marketplace, up to 500 characters. */
  description?: string | null | undefined;
  /** A link to the app's documentation; empty when none. */
  documentationURL?: string | null | undefined;
  /** The template's page text (Markdown). */
  fullDescription?: string | null | undefined;
  /** A Material Symbols icon name. */
  icon?: string | null | undefined;
  /** The AppTemplate to update. */
  id: string | number;
  /** Whether a deploy gets a public address (ingress) for the app. */
  ingressEnabled?: boolean | null | undefined;
  /** The memory the app needs at least, in GB. */
  minRAMGB?: number | null | undefined;
  /** The disk the app needs at least, in GB. */
  minStorageGB?: number | null | undefined;
  /** The virtual CPUs the app needs at least. */
  minVcpu?: number | null | undefined;
  /** The advertised monthly price; 0 for free. */
  monthlyPrice?: number | null | undefined;
  /** The display name, up to 100 characters. */
  name?: string | null | undefined;
  /** Search keywords. */
  tags?: Array<string> | null | undefined;
  /** description and fullDescription in other languages, one per locale (zh-TW); those fields are English, and an empty translated field falls back to them. Setting it replaces every translation. */
  translations?: Array<TemplateTranslationInput> | null | undefined;
  /** The values a user sets when deploying, and their rules (the deploy form). */
  valueSpecs?: ValueSpecsInput | null | undefined;
};

/** A member's new role (admins and the owner). */
export type UpdateMemberRoleInput = {
  /** The new role: admin, user or guest (transferOwnership makes an owner). */
  role: Role;
  /** The member's account; not the owner's (CONFLICT: ownership changes only by transferOwnership). */
  userId: string | number;
  /** The workspace. */
  workspaceId: string | number;
};

/** The settings to change; missing fields stay as they are. */
export type UpdatePlatformSettingsInput = {
  /** The Cloudflare account id, 32 hexadecimal digits; an empty string clears it. */
  cloudflareAccountId?: string | null | undefined;
  /** The Cloudflare API token (write-only); an empty string clears it. */
  cloudflareApiToken?: string | null | undefined;
  /** The Cloudflare zone id, 32 hexadecimal digits; an empty string clears it. */
  cloudflareZoneId?: string | null | undefined;
  /** The From address of e-mail; an empty string clears it. */
  mailFrom?: string | null | undefined;
  /** The default namespace quota. */
  namespaceQuota?: NamespaceQuotaInput | null | undefined;
  /** Who may register. */
  registration?: RegistrationMode | null | undefined;
  /** A domain name such as apps.example.com. */
  serviceDomain?: string | null | undefined;
  /**
   * The SMTP server, smtp://[user:password@]host[:port] (STARTTLS) or
   * smtps://... (TLS); ?starttls=optional allows a server without STARTTLS.
   * At most 2,000 characters; an empty string clears it (no e-mail).
   */
  smtpUrl?: string | null | undefined;
};

/** Changes to the signed-in account; fields left out stay. */
export type UpdateProfileInput = {
  /** A new sign-in email; it must not belong to another account. */
  email?: string | null | undefined;
  /** The web app's language: en or zh-TW; an empty string follows the browser. */
  locale?: string | null | undefined;
  /** The new display name, at most 200 characters. */
  name?: string | null | undefined;
};

/**
 * An upgrade: new values or chart version (workspace admins and the owner;
 * from running, stopped or error).
 */
export type UpdateServiceInput = {
  /** A chart version to upgrade to; null keeps the current one. */
  chartVersion?: string | null | undefined;
  /** The service. */
  id: string | number;
  /** Replaces the user's values; a password left out keeps its value. */
  values?: Record<string, unknown> | null | undefined;
};

/** Changes to a task; fields left out stay. */
export type UpdateTaskInput = {
  /** A member of the workspace; null leaves it, clearAssignee removes it. */
  assigneeId?: string | number | null | undefined;
  /** true removes the assignee. */
  clearAssignee?: boolean | null | undefined;
  /** true removes the deadline. */
  clearDeadline?: boolean | null | undefined;
  /** The due date; null leaves it, clearDeadline removes it. */
  deadline?: string | null | undefined;
  /** The details (Markdown). */
  description?: string | null | undefined;
  /** The task. */
  id: string | number;
  /** How urgent it is. */
  priority?: TaskPriority | null | undefined;
  /** Replaces the tags: at most 20, each 1 to 50 characters. */
  tags?: Array<string> | null | undefined;
  /** At most 300 characters. */
  title?: string | null | undefined;
};

/** Changes to a column; fields left out stay. */
export type UpdateTaskStageInput = {
  /** A folded stage shows as a narrow column. */
  folded?: boolean | null | undefined;
  /** The stage. */
  id: string | number;
  /** At most 100 characters. */
  name?: string | null | undefined;
};

/** Changes to a workspace (admins and the owner); fields left out stay. */
export type UpdateWorkspaceInput = {
  /** The new description, at most 2000 characters. */
  description?: string | null | undefined;
  /** The workspace. */
  id: string | number;
  /** The new display name, 1 to 100 characters (the slug stays). */
  name?: string | null | undefined;
};

/** One value a template lets a user set, and its rules (see ValueSpec). */
export type ValueSpecInput = {
  /** The value used when the user gives none, of the type's JSON type. */
  default?: unknown;
  /** Help text shown under the field. */
  description?: string | null | undefined;
  /**
   * A dot path into the chart values, unique in the template; `_init.` keys
   * are set-up inputs, not chart values.
   */
  key: string;
  /** What the form calls the value. */
  label: string;
  /** Rule for number: the largest value allowed (inclusive). */
  max?: number | null | undefined;
  /** Rule for text and password: the most characters (not bytes) a value may have. */
  maxLength?: number | null | undefined;
  /** Rule for number: the smallest value allowed (inclusive). */
  min?: number | null | undefined;
  /** Rule for text and password: the fewest characters (not bytes) a non-empty value may have. */
  minLength?: number | null | undefined;
  /** The values a select allows: its value must be one of them. */
  options?: Array<string> | null | undefined;
  /**
   * Rule for text and password: an RE2 regular expression the whole non-empty
   * value must match (as HTML's pattern attribute), at most 500 characters.
   */
  pattern?: string | null | undefined;
  /** What a user reads when a value does not match pattern; required with pattern. */
  patternMessage?: string | null | undefined;
  /** Example text shown in an empty field. */
  placeholder?: string | null | undefined;
  /**
   * label, description, placeholder and patternMessage in other languages,
   * one per locale; replaces the spec's translations. Absent: none.
   */
  translations?: Array<ValueSpecTranslationInput> | null | undefined;
  /** The form control, and the JSON type the value must have. */
  type: ValueSpecType;
};

/**
 * A value spec's words in one language (see ValueSpecTranslation): each at
 * most as long as the English field, on one line but the description, with
 * no control characters.
 */
export type ValueSpecTranslationInput = {
  /** Help text shown under the field; empty: the English one. */
  description?: string | null | undefined;
  /** What the form calls the value; empty: the English label. */
  label?: string | null | undefined;
  /** The language, a BCP 47 tag: zh-TW (once per spec). */
  locale: string;
  /** What a user reads when a value does not match; only with a pattern. */
  patternMessage?: string | null | undefined;
  /** Example text shown in an empty field; empty: the English one. */
  placeholder?: string | null | undefined;
};

/** The form control of a value and the JSON type it must have. */
export type ValueSpecType =
  /** true or false. */
  | 'boolean'
  /**
   * A container's environment: a JSON list of `{name, value, secret}` (name a
   * C identifier, unique; at most 100). Secret entries are stored encrypted,
   * their values masked when shown and never returned; a masked value sent
   * back keeps the stored one.
   */
  | 'env'
  /** A JSON number, within min and max when given. */
  | 'number'
  /** A secret (a JSON string): stored encrypted, never returned, masked in revisions and diffs. */
  | 'password'
  /** One of options (a JSON string). */
  | 'select'
  /** A single line of text (a JSON string). */
  | 'text';

/** The values a template lets a user set, as an admin writes them (see ValueSpecs). */
export type ValueSpecsInput = {
  /** Values the user may give. */
  optional: Array<ValueSpecInput>;
  /** Values the user must give when deploying. */
  required: Array<ValueSpecInput>;
};

/** A verification link's token. */
export type VerifyEmailInput = {
  /** The token of the e-mailed link. */
  token: string;
};

/** active, or archived: read-only for good (archiveWorkspace). */
export type WorkspaceState =
  /** In use: members may change what their role allows. */
  | 'active'
  /** Read-only: visible to its members, nothing in it changes and it takes no new members. */
  | 'archived';

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: { ok: boolean } };

export type ValueSpecFieldsFragment = { key: string, label: string, type: ValueSpecType, default: unknown, options: Array<string> | null, placeholder: string | null, description: string | null, minLength: number | null, maxLength: number | null, pattern: string | null, patternMessage: string | null, min: number | null, max: number | null, translations: Array<{ locale: string, label: string, description: string, placeholder: string, patternMessage: string }> };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { id: string, name: string, email: string, emailVerifiedAt: string | null, platformAdmin: boolean, locale: string } | null };

export type MyWorkspacesQueryVariables = Exact<{ [key: string]: never; }>;


export type MyWorkspacesQuery = { workspaces: { totalCount: number, edges: Array<{ node: { id: string, name: string, slug: string, viewerRole: Role, viewerCanDeploy: boolean } | null } | null> | null } };

export type AdminTemplatesQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminTemplatesQuery = { appTemplates: { edges: Array<{ node: { id: string, name: string, slug: string, description: string, fullDescription: string, category: AppTemplateCategory, chartRef: string, chartRepoURL: string, chartVersion: string, defaultPort: number, ingressEnabled: boolean, active: boolean, translations: Array<{ locale: string, description: string, fullDescription: string }>, valueSpecs: { required: Array<{ key: string, label: string, type: ValueSpecType, default: unknown, options: Array<string> | null, placeholder: string | null, description: string | null, minLength: number | null, maxLength: number | null, pattern: string | null, patternMessage: string | null, min: number | null, max: number | null, translations: Array<{ locale: string, label: string, description: string, placeholder: string, patternMessage: string }> }>, optional: Array<{ key: string, label: string, type: ValueSpecType, default: unknown, options: Array<string> | null, placeholder: string | null, description: string | null, minLength: number | null, maxLength: number | null, pattern: string | null, patternMessage: string | null, min: number | null, max: number | null, translations: Array<{ locale: string, label: string, description: string, placeholder: string, patternMessage: string }> }> } } | null } | null> | null } };

export type AdminCreateTemplateMutationVariables = Exact<{
  input: CreateAppTemplateInput;
}>;


export type AdminCreateTemplateMutation = { createAppTemplate: { appTemplate: { id: string } } };

export type AdminUpdateTemplateMutationVariables = Exact<{
  input: UpdateAppTemplateInput;
}>;


export type AdminUpdateTemplateMutation = { updateAppTemplate: { appTemplate: { id: string, active: boolean } } };

export type AdminUsersQueryVariables = Exact<{
  search?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AdminUsersQuery = { users: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, email: string, platformAdmin: boolean, disabled: boolean, lastLoginAt: string | null } | null } | null> | null } };

export type SetPlatformAdminMutationVariables = Exact<{
  input: SetPlatformAdminInput;
}>;


export type SetPlatformAdminMutation = { setPlatformAdmin: { user: { id: string, platformAdmin: boolean, disabled: boolean } } };

export type SetUserDisabledMutationVariables = Exact<{
  input: SetUserDisabledInput;
}>;


export type SetUserDisabledMutation = { setUserDisabled: { user: { id: string, platformAdmin: boolean, disabled: boolean } } };

export type PlatformSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type PlatformSettingsQuery = { platformSettings: { serviceDomain: string, registration: RegistrationMode, mailFrom: string, cloudflareAccountId: string, cloudflareZoneId: string, namespaceQuota: { cpu: string, memory: string, storage: string }, smtpUrl: { set: boolean }, cloudflareApiToken: { set: boolean }, fromEnvironment: Array<{ setting: string, variable: string }> } };

export type UpdatePlatformSettingsMutationVariables = Exact<{
  input: UpdatePlatformSettingsInput;
}>;


export type UpdatePlatformSettingsMutation = { updatePlatformSettings: { settings: { serviceDomain: string, registration: RegistrationMode, mailFrom: string, cloudflareAccountId: string, cloudflareZoneId: string, namespaceQuota: { cpu: string, memory: string, storage: string }, smtpUrl: { set: boolean }, cloudflareApiToken: { set: boolean }, fromEnvironment: Array<{ setting: string, variable: string }> } } };

export type UploadedChartsQueryVariables = Exact<{ [key: string]: never; }>;


export type UploadedChartsQuery = { uploadedCharts: Array<{ chartRef: string, name: string, version: string, size: number, uploadedAt: string, templates: Array<{ id: string, name: string }> }> };

export type DeleteUploadedChartMutationVariables = Exact<{
  input: DeleteUploadedChartInput;
}>;


export type DeleteUploadedChartMutation = { deleteUploadedChart: { deletedChartRef: string } };

export type AiProviderFieldsFragment = { id: string, name: string, baseURL: string, defaultModel: string, active: boolean, hasApiKey: boolean };

export type AiAgentFieldsFragment = { id: string, handle: string, displayName: string, description: string, systemPrompt: string | null, providerID: string | null, model: string, isDefault: boolean, active: boolean };

export type AiAdminQueryVariables = Exact<{ [key: string]: never; }>;


export type AiAdminQuery = { aiProviders: Array<{ id: string, name: string, baseURL: string, defaultModel: string, active: boolean, hasApiKey: boolean }>, aiAgents: Array<{ id: string, handle: string, displayName: string, description: string, systemPrompt: string | null, providerID: string | null, model: string, isDefault: boolean, active: boolean }> };

export type CreateAiProviderMutationVariables = Exact<{
  input: CreateAiProviderInput;
}>;


export type CreateAiProviderMutation = { createAIProvider: { provider: { id: string, name: string, baseURL: string, defaultModel: string, active: boolean, hasApiKey: boolean } } };

export type UpdateAiProviderMutationVariables = Exact<{
  input: UpdateAiProviderInput;
}>;


export type UpdateAiProviderMutation = { updateAIProvider: { provider: { id: string, name: string, baseURL: string, defaultModel: string, active: boolean, hasApiKey: boolean } } };

export type DeleteAiProviderMutationVariables = Exact<{
  input: DeleteAiProviderInput;
}>;


export type DeleteAiProviderMutation = { deleteAIProvider: { deletedId: string } };

export type TestAiProviderMutationVariables = Exact<{
  input: TestAiProviderInput;
}>;


export type TestAiProviderMutation = { testAIProvider: { ok: boolean, models: Array<string>, message: string } };

export type CreateAiAgentMutationVariables = Exact<{
  input: CreateAiAgentInput;
}>;


export type CreateAiAgentMutation = { createAIAgent: { agent: { id: string, handle: string, displayName: string, description: string, systemPrompt: string | null, providerID: string | null, model: string, isDefault: boolean, active: boolean } } };

export type UpdateAiAgentMutationVariables = Exact<{
  input: UpdateAiAgentInput;
}>;


export type UpdateAiAgentMutation = { updateAIAgent: { agent: { id: string, handle: string, displayName: string, description: string, systemPrompt: string | null, providerID: string | null, model: string, isDefault: boolean, active: boolean } } };

export type DeleteAiAgentMutationVariables = Exact<{
  input: DeleteAiAgentInput;
}>;


export type DeleteAiAgentMutation = { deleteAIAgent: { deletedId: string } };

export type ChatMessageFieldsFragment = { id: string, role: AiMessageRole, status: AiMessageStatus, content: string, error: string, createdAt: string, authorUser: { id: string, name: string } | null, authorAgent: { id: string, handle: string, displayName: string, avatarColor: string } | null };

export type ThreadFieldsFragment = { id: string, title: string, autoReply: boolean, createdAt: string, viewerCanDelete: boolean, createdBy: { id: string, name: string } | null, defaultAgent: { id: string, handle: string, displayName: string } | null };

export type MentionAgentsQueryVariables = Exact<{ [key: string]: never; }>;


export type MentionAgentsQuery = { aiAgents: Array<{ id: string, handle: string, displayName: string, description: string, active: boolean, isDefault: boolean }> };

export type AssistantThreadsQueryVariables = Exact<{
  slug: string;
}>;


export type AssistantThreadsQuery = { workspace: { id: string, name: string, slug: string, state: WorkspaceState, viewerRole: Role, viewerCanChat: boolean, threads: { totalCount: number, edges: Array<{ node: { id: string, title: string, autoReply: boolean, createdAt: string, viewerCanDelete: boolean, createdBy: { id: string, name: string } | null, defaultAgent: { id: string, handle: string, displayName: string } | null } | null } | null> | null } } | null };

export type ThreadPageQueryVariables = Exact<{
  slug: string;
  id: string | number;
}>;


export type ThreadPageQuery = { workspace: { id: string, name: string, slug: string, state: WorkspaceState, viewerRole: Role, viewerCanChat: boolean } | null, node:
    | { __typename: 'AIAgent' }
    | { __typename: 'AIMessage' }
    | { __typename: 'AIProvider' }
    | { __typename: 'AIThread', id: string, title: string, autoReply: boolean, createdAt: string, viewerCanDelete: boolean, messages: { totalCount: number, edges: Array<{ node: { id: string, role: AiMessageRole, status: AiMessageStatus, content: string, error: string, createdAt: string, authorUser: { id: string, name: string } | null, authorAgent: { id: string, handle: string, displayName: string, avatarColor: string } | null } | null } | null> | null }, createdBy: { id: string, name: string } | null, defaultAgent: { id: string, handle: string, displayName: string } | null }
    | { __typename: 'ActivityEvent' }
    | { __typename: 'AppTemplate' }
    | { __typename: 'Invitation' }
    | { __typename: 'OAuthClient' }
    | { __typename: 'Project' }
    | { __typename: 'Service' }
    | { __typename: 'ServiceEvent' }
    | { __typename: 'ServiceRevision' }
    | { __typename: 'SmartHome' }
    | { __typename: 'Task' }
    | { __typename: 'TaskStage' }
    | { __typename: 'User' }
    | { __typename: 'Workspace' }
    | { __typename: 'WorkspaceMember' }
   | null };

export type CreateThreadMutationVariables = Exact<{
  input: CreateThreadInput;
}>;


export type CreateThreadMutation = { createThread: { thread: { id: string, title: string, autoReply: boolean, createdAt: string, viewerCanDelete: boolean, createdBy: { id: string, name: string } | null, defaultAgent: { id: string, handle: string, displayName: string } | null } } };

export type DeleteThreadMutationVariables = Exact<{
  input: DeleteThreadInput;
}>;


export type DeleteThreadMutation = { deleteThread: { deletedId: string } };

export type SendMessageMutationVariables = Exact<{
  input: SendMessageInput;
}>;


export type SendMessageMutation = { sendMessage: { message: { id: string, role: AiMessageRole, status: AiMessageStatus, content: string, error: string, createdAt: string, authorUser: { id: string, name: string } | null, authorAgent: { id: string, handle: string, displayName: string, avatarColor: string } | null }, replies: Array<{ id: string, role: AiMessageRole, status: AiMessageStatus, content: string, error: string, createdAt: string, authorUser: { id: string, name: string } | null, authorAgent: { id: string, handle: string, displayName: string, avatarColor: string } | null }> } };

export type CancelGenerationMutationVariables = Exact<{
  input: CancelGenerationInput;
}>;


export type CancelGenerationMutation = { cancelGeneration: { message: { id: string, role: AiMessageRole, status: AiMessageStatus, content: string, error: string, createdAt: string, authorUser: { id: string, name: string } | null, authorAgent: { id: string, handle: string, displayName: string, avatarColor: string } | null } } };

export type RegenerateMessageMutationVariables = Exact<{
  input: RegenerateMessageInput;
}>;


export type RegenerateMessageMutation = { regenerateMessage: { message: { id: string, role: AiMessageRole, status: AiMessageStatus, content: string, error: string, createdAt: string, authorUser: { id: string, name: string } | null, authorAgent: { id: string, handle: string, displayName: string, avatarColor: string } | null } } };

export type MessageStreamSubscriptionVariables = Exact<{
  threadId: string | number;
  after?: string | number | null | undefined;
}>;


export type MessageStreamSubscription = { messageStream: { messageId: string, delta: string, status: AiMessageStatus, reset: boolean, message: { id: string, role: AiMessageRole, status: AiMessageStatus, content: string, error: string, createdAt: string, authorUser: { id: string, name: string } | null, authorAgent: { id: string, handle: string, displayName: string, avatarColor: string } | null } | null } };

export type ForgotPasswordRequestMutationVariables = Exact<{
  input: RequestPasswordResetInput;
}>;


export type ForgotPasswordRequestMutation = { requestPasswordReset: { ok: boolean } };

export type LoginSignInMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginSignInMutation = { login: { user: { id: string, name: string, email: string, platformAdmin: boolean } } };

export type RegisterAccountMutationVariables = Exact<{
  input: RegisterInput;
}>;


export type RegisterAccountMutation = { register: { user: { id: string, name: string, email: string, platformAdmin: boolean } } };

export type ResetPasswordMutationVariables = Exact<{
  input: ResetPasswordInput;
}>;


export type ResetPasswordMutation = { resetPassword: { ok: boolean } };

export type RequestEmailVerificationMutationVariables = Exact<{ [key: string]: never; }>;


export type RequestEmailVerificationMutation = { requestEmailVerification: { ok: boolean } };

export type VerifyEmailMutationVariables = Exact<{
  input: VerifyEmailInput;
}>;


export type VerifyEmailMutation = { verifyEmail: { ok: boolean } };

export type DashboardStatsQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardStatsQuery = { dashboard: { workspaces: number, members: number, openTasks: number, servicesByState: Array<{ state: string, count: number }>, smartHomesByTunnelStatus: Array<{ state: string, count: number }>, recentActivity: { edges: Array<{ node: { id: string, verb: string, summary: string, params: Record<string, string> | null, createdAt: string, actor: { id: string, name: string } | null, workspace: { id: string, name: string, slug: string } } | null } | null> | null } } };

export type DashboardClusterQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardClusterQuery = { cluster: { mode: string, reachable: boolean } };

export type DashboardActivityEntryFragment = { id: string, verb: string, summary: string, params: Record<string, string> | null, createdAt: string, actor: { id: string, name: string } | null, workspace: { id: string, name: string, slug: string } };

export type DashboardActivitySubscriptionVariables = Exact<{
  workspaceId: string | number;
}>;


export type DashboardActivitySubscription = { activity: { id: string, verb: string, summary: string, params: Record<string, string> | null, createdAt: string, actor: { id: string, name: string } | null, workspace: { id: string, name: string, slug: string } } };

export type InvitationByTokenQueryVariables = Exact<{
  token: string;
}>;


export type InvitationByTokenQuery = { invitationByToken: { id: string, role: Role, email: string, invitedBy: string | null, expiresAt: string, workspace: { id: string, name: string, slug: string } } | null };

export type InvitationSignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type InvitationSignOutMutation = { logout: { ok: boolean } };

export type ViewerPendingInvitationsQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerPendingInvitationsQuery = { viewer: { id: string, pendingInvitations: Array<{ id: string, role: Role, email: string, invitedBy: string | null, expiresAt: string, workspace: { id: string, name: string, slug: string } }> } | null };

export type AcceptInvitationMutationVariables = Exact<{
  input: AcceptInvitationInput;
}>;


export type AcceptInvitationMutation = { acceptInvitation: { member: { id: string, role: Role, workspace: { id: string, slug: string, name: string } } } };

export type DeclineInvitationMutationVariables = Exact<{
  input: DeclineInvitationInput;
}>;


export type DeclineInvitationMutation = { declineInvitation: { invitationId: string } };

export type ConfigureTemplateQueryVariables = Exact<{
  slug: string;
}>;


export type ConfigureTemplateQuery = { appTemplate: { id: string, name: string, slug: string, description: string, fullDescription: string, category: AppTemplateCategory, tags: Array<string>, icon: string, monthlyPrice: number, documentationURL: string, chartRef: string, chartRepoURL: string, chartVersion: string, defaultPort: number, minVcpu: number, minRAMGB: number, minStorageGB: number, active: boolean, translations: Array<{ locale: string, description: string, fullDescription: string }>, valueSpecs: { required: Array<{ key: string, label: string, type: ValueSpecType, default: unknown, options: Array<string> | null, placeholder: string | null, description: string | null, minLength: number | null, maxLength: number | null, pattern: string | null, patternMessage: string | null, min: number | null, max: number | null, translations: Array<{ locale: string, label: string, description: string, placeholder: string, patternMessage: string }> }>, optional: Array<{ key: string, label: string, type: ValueSpecType, default: unknown, options: Array<string> | null, placeholder: string | null, description: string | null, minLength: number | null, maxLength: number | null, pattern: string | null, patternMessage: string | null, min: number | null, max: number | null, translations: Array<{ locale: string, label: string, description: string, placeholder: string, patternMessage: string }> }> } } | null };

export type ConfigureClusterQueryVariables = Exact<{ [key: string]: never; }>;


export type ConfigureClusterQuery = { cluster: { mode: string } };

export type ConfigureDeployMutationVariables = Exact<{
  input: DeployServiceInput;
}>;


export type ConfigureDeployMutation = { deployService: { service: { id: string, name: string, state: ServiceState, workspaceID: string } } };

export type MarketplaceTemplatesQueryVariables = Exact<{
  category?: AppTemplateCategory | null | undefined;
  search?: string | null | undefined;
}>;


export type MarketplaceTemplatesQuery = { appTemplates: { totalCount: number, edges: Array<{ node: { id: string, name: string, slug: string, description: string, category: AppTemplateCategory, tags: Array<string>, icon: string, monthlyPrice: number, minVcpu: number, minRAMGB: number, minStorageGB: number, active: boolean, translations: Array<{ locale: string, description: string }> } | null } | null> | null } };

export type OAuthConsentQueryVariables = Exact<{
  input: OAuthConsentInput;
}>;


export type OAuthConsentQuery = { oauthConsent: { clientId: string, clientName: string, redirectHost: string, registeredRedirect: boolean, scopes: Array<{ name: string, description: string }> } };

export type AuthorizeOAuthClientMutationVariables = Exact<{
  input: AuthorizeOAuthClientInput;
}>;


export type AuthorizeOAuthClientMutation = { authorizeOAuthClient: { redirectTo: string } };

export type OAuthDeviceRequestQueryVariables = Exact<{
  userCode: string;
}>;


export type OAuthDeviceRequestQuery = { oauthDeviceRequest: { clientName: string, scopes: Array<{ name: string, description: string }> } };

export type ApproveOAuthDeviceMutationVariables = Exact<{
  input: ApproveOAuthDeviceInput;
}>;


export type ApproveOAuthDeviceMutation = { approveOAuthDevice: { clientName: string, scopes: Array<string> } };

export type WorkspaceProjectsQueryVariables = Exact<{
  slug: string;
}>;


export type WorkspaceProjectsQuery = { workspace: { id: string, name: string, slug: string, state: WorkspaceState, viewerRole: Role, viewerCanEditProjects: boolean, viewerCanAdminister: boolean, services: { edges: Array<{ node: { id: string, name: string } | null } | null> | null }, projects: { totalCount: number, edges: Array<{ node: { id: string, name: string, description: string, viewerCanEdit: boolean, service: { id: string, name: string } | null } | null } | null> | null } } | null };

export type CreateProjectMutationVariables = Exact<{
  input: CreateProjectInput;
}>;


export type CreateProjectMutation = { createProject: { project: { id: string, name: string } } };

export type DeleteProjectMutationVariables = Exact<{
  input: DeleteProjectInput;
}>;


export type DeleteProjectMutation = { deleteProject: { deletedId: string } };

export type ServiceSupportProjectQueryVariables = Exact<{
  id: string | number;
}>;


export type ServiceSupportProjectQuery = { node:
    | { __typename: 'AIAgent', id: string }
    | { __typename: 'AIMessage', id: string }
    | { __typename: 'AIProvider', id: string }
    | { __typename: 'AIThread', id: string }
    | { __typename: 'ActivityEvent', id: string }
    | { __typename: 'AppTemplate', id: string }
    | { __typename: 'Invitation', id: string }
    | { __typename: 'OAuthClient', id: string }
    | { __typename: 'Project', id: string }
    | { __typename: 'Service', name: string, id: string, supportProject: { id: string, name: string } | null, workspace: { id: string, viewerRole: Role, viewerCanEditProjects: boolean, state: WorkspaceState } }
    | { __typename: 'ServiceEvent', id: string }
    | { __typename: 'ServiceRevision', id: string }
    | { __typename: 'SmartHome', id: string }
    | { __typename: 'Task', id: string }
    | { __typename: 'TaskStage', id: string }
    | { __typename: 'User', id: string }
    | { __typename: 'Workspace', id: string }
    | { __typename: 'WorkspaceMember', id: string }
   | null };

export type BoardTaskThreadQueryVariables = Exact<{
  id: string | number;
}>;


export type BoardTaskThreadQuery = { node:
    | { __typename: 'AIAgent', id: string }
    | { __typename: 'AIMessage', id: string }
    | { __typename: 'AIProvider', id: string }
    | { __typename: 'AIThread', id: string }
    | { __typename: 'ActivityEvent', id: string }
    | { __typename: 'AppTemplate', id: string }
    | { __typename: 'Invitation', id: string }
    | { __typename: 'OAuthClient', id: string }
    | { __typename: 'Project', id: string }
    | { __typename: 'Service', id: string }
    | { __typename: 'ServiceEvent', id: string }
    | { __typename: 'ServiceRevision', id: string }
    | { __typename: 'SmartHome', id: string }
    | { __typename: 'Task', id: string, thread: { id: string, messages: { edges: Array<{ node: { id: string, role: AiMessageRole, content: string, status: AiMessageStatus, error: string, authorUser: { name: string } | null, authorAgent: { handle: string, displayName: string } | null } | null } | null> | null } } | null }
    | { __typename: 'TaskStage', id: string }
    | { __typename: 'User', id: string }
    | { __typename: 'Workspace', id: string }
    | { __typename: 'WorkspaceMember', id: string }
   | null };

export type BoardChatMessageFragment = { id: string, role: AiMessageRole, content: string, status: AiMessageStatus, error: string, authorUser: { name: string } | null, authorAgent: { handle: string, displayName: string } | null };

export type BoardMessageStreamSubscriptionVariables = Exact<{
  threadId: string | number;
  after?: string | number | null | undefined;
}>;


export type BoardMessageStreamSubscription = { messageStream: { messageId: string, delta: string, status: AiMessageStatus, reset: boolean, message: { id: string, role: AiMessageRole, content: string, status: AiMessageStatus, error: string, authorUser: { name: string } | null, authorAgent: { handle: string, displayName: string } | null } | null } };

export type BoardSendMessageMutationVariables = Exact<{
  input: SendMessageInput;
}>;


export type BoardSendMessageMutation = { sendMessage: { message: { id: string, role: AiMessageRole, content: string, status: AiMessageStatus, error: string, authorUser: { name: string } | null, authorAgent: { handle: string, displayName: string } | null } } };

export type BoardWorkspaceMembersQueryVariables = Exact<{
  id: string | number;
}>;


export type BoardWorkspaceMembersQuery = { node:
    | { __typename: 'AIAgent', id: string }
    | { __typename: 'AIMessage', id: string }
    | { __typename: 'AIProvider', id: string }
    | { __typename: 'AIThread', id: string }
    | { __typename: 'ActivityEvent', id: string }
    | { __typename: 'AppTemplate', id: string }
    | { __typename: 'Invitation', id: string }
    | { __typename: 'OAuthClient', id: string }
    | { __typename: 'Project', id: string }
    | { __typename: 'Service', id: string }
    | { __typename: 'ServiceEvent', id: string }
    | { __typename: 'ServiceRevision', id: string }
    | { __typename: 'SmartHome', id: string }
    | { __typename: 'Task', id: string }
    | { __typename: 'TaskStage', id: string }
    | { __typename: 'User', id: string }
    | { __typename: 'Workspace', id: string, members: { edges: Array<{ node: { id: string, user: { id: string, name: string } } | null } | null> | null } }
    | { __typename: 'WorkspaceMember', id: string }
   | null };

export type BoardTaskFieldsFragment = { id: string, title: string, description: string, stageID: string, rank: string, priority: TaskPriority, deadline: string | null, tags: Array<string>, assignee: { id: string, name: string } | null };

export type ProjectBoardQueryVariables = Exact<{
  id: string | number;
}>;


export type ProjectBoardQuery = { node:
    | { __typename: 'AIAgent', id: string }
    | { __typename: 'AIMessage', id: string }
    | { __typename: 'AIProvider', id: string }
    | { __typename: 'AIThread', id: string }
    | { __typename: 'ActivityEvent', id: string }
    | { __typename: 'AppTemplate', id: string }
    | { __typename: 'Invitation', id: string }
    | { __typename: 'OAuthClient', id: string }
    | { __typename: 'Project', id: string, name: string, description: string, viewerCanEdit: boolean, workspace: { id: string, name: string, slug: string, state: WorkspaceState }, service: { id: string, name: string } | null, stages: Array<{ id: string, name: string, sequence: number, folded: boolean, tasks: Array<{ id: string, title: string, description: string, stageID: string, rank: string, priority: TaskPriority, deadline: string | null, tags: Array<string>, assignee: { id: string, name: string } | null }> }> }
    | { __typename: 'Service', id: string }
    | { __typename: 'ServiceEvent', id: string }
    | { __typename: 'ServiceRevision', id: string }
    | { __typename: 'SmartHome', id: string }
    | { __typename: 'Task', id: string }
    | { __typename: 'TaskStage', id: string }
    | { __typename: 'User', id: string }
    | { __typename: 'Workspace', id: string }
    | { __typename: 'WorkspaceMember', id: string }
   | null };

export type ProjectBoardEventsSubscriptionVariables = Exact<{
  projectId: string | number;
}>;


export type ProjectBoardEventsSubscription = { projectBoard: { change: BoardChange, deletedId: string | null, task: { id: string, title: string, description: string, stageID: string, rank: string, priority: TaskPriority, deadline: string | null, tags: Array<string>, assignee: { id: string, name: string } | null } | null, stage: { id: string, name: string, sequence: number, folded: boolean } | null, project: { id: string, name: string, description: string } | null } };

export type BoardCreateTaskMutationVariables = Exact<{
  input: CreateTaskInput;
}>;


export type BoardCreateTaskMutation = { createTask: { task: { id: string, title: string, description: string, stageID: string, rank: string, priority: TaskPriority, deadline: string | null, tags: Array<string>, assignee: { id: string, name: string } | null } } };

export type BoardMoveTaskMutationVariables = Exact<{
  input: MoveTaskInput;
}>;


export type BoardMoveTaskMutation = { moveTask: { task: { id: string, title: string, description: string, stageID: string, rank: string, priority: TaskPriority, deadline: string | null, tags: Array<string>, assignee: { id: string, name: string } | null } } };

export type BoardUpdateTaskMutationVariables = Exact<{
  input: UpdateTaskInput;
}>;


export type BoardUpdateTaskMutation = { updateTask: { task: { id: string, title: string, description: string, stageID: string, rank: string, priority: TaskPriority, deadline: string | null, tags: Array<string>, assignee: { id: string, name: string } | null } } };

export type BoardDeleteTaskMutationVariables = Exact<{
  input: DeleteTaskInput;
}>;


export type BoardDeleteTaskMutation = { deleteTask: { deletedId: string } };

export type BoardCreateStageMutationVariables = Exact<{
  input: CreateTaskStageInput;
}>;


export type BoardCreateStageMutation = { createTaskStage: { stage: { id: string, name: string, sequence: number, folded: boolean } } };

export type BoardUpdateStageMutationVariables = Exact<{
  input: UpdateTaskStageInput;
}>;


export type BoardUpdateStageMutation = { updateTaskStage: { stage: { id: string, name: string, sequence: number, folded: boolean } } };

export type BoardMoveStageMutationVariables = Exact<{
  input: MoveTaskStageInput;
}>;


export type BoardMoveStageMutation = { moveTaskStage: { stage: { id: string, name: string, sequence: number, folded: boolean } } };

export type BoardDeleteStageMutationVariables = Exact<{
  input: DeleteTaskStageInput;
}>;


export type BoardDeleteStageMutation = { deleteTaskStage: { deletedId: string } };

export type ServiceDetailUpdateMutationVariables = Exact<{
  input: UpdateServiceInput;
}>;


export type ServiceDetailUpdateMutation = { updateService: { service: { id: string, state: ServiceState, errorMessage: string, chartVersion: string, values: Record<string, unknown>, viewerCanUpdate: boolean, viewerCanStop: boolean, viewerCanStart: boolean, viewerCanRollback: boolean, viewerCanDelete: boolean, viewerCanInspect: boolean } } };

export type ServiceDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type ServiceDetailQuery = { cluster: { mode: string }, node:
    | { __typename: 'AIAgent', id: string }
    | { __typename: 'AIMessage', id: string }
    | { __typename: 'AIProvider', id: string }
    | { __typename: 'AIThread', id: string }
    | { __typename: 'ActivityEvent', id: string }
    | { __typename: 'AppTemplate', id: string }
    | { __typename: 'Invitation', id: string }
    | { __typename: 'OAuthClient', id: string }
    | { __typename: 'Project', id: string }
    | { __typename: 'Service', id: string, name: string, state: ServiceState, errorMessage: string, errorDetail: string | null, url: string | null, chartVersion: string, helmRevision: number, deployedAt: string | null, lastUpgradedAt: string | null, releaseName: string, namespace: string, values: Record<string, unknown>, createdAt: string, viewerCanUpdate: boolean, viewerCanStop: boolean, viewerCanStart: boolean, viewerCanRollback: boolean, viewerCanDelete: boolean, viewerCanInspect: boolean, workspace: { id: string, name: string, slug: string, state: WorkspaceState, viewerRole: Role }, template: { id: string, name: string, slug: string, chartRef: string, chartVersion: string, valueSpecs: { required: Array<{ key: string, label: string, type: ValueSpecType, default: unknown, options: Array<string> | null, placeholder: string | null, description: string | null, minLength: number | null, maxLength: number | null, pattern: string | null, patternMessage: string | null, min: number | null, max: number | null, translations: Array<{ locale: string, label: string, description: string, placeholder: string, patternMessage: string }> }>, optional: Array<{ key: string, label: string, type: ValueSpecType, default: unknown, options: Array<string> | null, placeholder: string | null, description: string | null, minLength: number | null, maxLength: number | null, pattern: string | null, patternMessage: string | null, min: number | null, max: number | null, translations: Array<{ locale: string, label: string, description: string, placeholder: string, patternMessage: string }> }> } }, revisions: { totalCount: number, edges: Array<{ node: { id: string, revision: number, chartVersion: string, appVersion: string, status: string, description: string, createdAt: string } | null } | null> | null }, events: { totalCount: number, edges: Array<{ node: { id: string, createdAt: string, state: string, level: ServiceEventLevel, message: string } | null } | null> | null } }
    | { __typename: 'ServiceEvent', id: string }
    | { __typename: 'ServiceRevision', id: string }
    | { __typename: 'SmartHome', id: string }
    | { __typename: 'Task', id: string }
    | { __typename: 'TaskStage', id: string }
    | { __typename: 'User', id: string }
    | { __typename: 'Workspace', id: string }
    | { __typename: 'WorkspaceMember', id: string }
   | null };

export type ServiceDetailStateQueryVariables = Exact<{
  id: string | number;
}>;


export type ServiceDetailStateQuery = { node:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string, state: ServiceState, errorMessage: string, errorDetail: string | null, helmRevision: number, viewerCanUpdate: boolean, viewerCanStop: boolean, viewerCanStart: boolean, viewerCanRollback: boolean, viewerCanDelete: boolean, viewerCanInspect: boolean }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null };

export type ServiceEventsSubscriptionVariables = Exact<{
  serviceId: string | number;
}>;


export type ServiceEventsSubscription = { serviceEvents: { id: string, createdAt: string, state: string, level: ServiceEventLevel, message: string, service: { id: string, state: ServiceState, errorMessage: string, errorDetail: string | null, helmRevision: number, chartVersion: string, deployedAt: string | null, lastUpgradedAt: string | null, viewerCanUpdate: boolean, viewerCanStop: boolean, viewerCanStart: boolean, viewerCanRollback: boolean, viewerCanDelete: boolean, viewerCanInspect: boolean } } };

export type ServiceDetailStopMutationVariables = Exact<{
  input: StopServiceInput;
}>;


export type ServiceDetailStopMutation = { stopService: { service: { id: string, state: ServiceState, errorMessage: string, errorDetail: string | null, viewerCanUpdate: boolean, viewerCanStop: boolean, viewerCanStart: boolean, viewerCanRollback: boolean, viewerCanDelete: boolean, viewerCanInspect: boolean } } };

export type ServiceDetailStartMutationVariables = Exact<{
  input: StartServiceInput;
}>;


export type ServiceDetailStartMutation = { startService: { service: { id: string, state: ServiceState, errorMessage: string, errorDetail: string | null, viewerCanUpdate: boolean, viewerCanStop: boolean, viewerCanStart: boolean, viewerCanRollback: boolean, viewerCanDelete: boolean, viewerCanInspect: boolean } } };

export type ServiceDetailRetryMutationVariables = Exact<{
  input: UpdateServiceInput;
}>;


export type ServiceDetailRetryMutation = { updateService: { service: { id: string, state: ServiceState, errorMessage: string, errorDetail: string | null, viewerCanUpdate: boolean, viewerCanStop: boolean, viewerCanStart: boolean, viewerCanRollback: boolean, viewerCanDelete: boolean, viewerCanInspect: boolean } } };

export type ServiceDetailDeleteMutationVariables = Exact<{
  input: DeleteServiceInput;
}>;


export type ServiceDetailDeleteMutation = { deleteService: { service: { id: string, state: ServiceState, errorMessage: string, errorDetail: string | null, viewerCanUpdate: boolean, viewerCanStop: boolean, viewerCanStart: boolean, viewerCanRollback: boolean, viewerCanDelete: boolean, viewerCanInspect: boolean } } };

export type ServiceDetailManifestQueryVariables = Exact<{
  serviceId: string | number;
}>;


export type ServiceDetailManifestQuery = { serviceManifest: string };

export type ServiceDetailValuesDiffQueryVariables = Exact<{
  serviceId: string | number;
  from: number;
  to: number;
}>;


export type ServiceDetailValuesDiffQuery = { serviceValuesDiff: Array<{ key: string, kind: string, old: unknown, new: unknown, secret: boolean }> };

export type ServiceDetailRollbackMutationVariables = Exact<{
  input: RollbackServiceInput;
}>;


export type ServiceDetailRollbackMutation = { rollbackService: { service: { id: string, state: ServiceState, errorMessage: string, viewerCanUpdate: boolean, viewerCanStop: boolean, viewerCanStart: boolean, viewerCanRollback: boolean, viewerCanDelete: boolean, viewerCanInspect: boolean } } };

export type ServiceViewerCanFragment = { viewerCanUpdate: boolean, viewerCanStop: boolean, viewerCanStart: boolean, viewerCanRollback: boolean, viewerCanDelete: boolean, viewerCanInspect: boolean };

export type SettingsOAuthGrantsQueryVariables = Exact<{
  id: string | number;
}>;


export type SettingsOAuthGrantsQuery = { node:
    | { id: string, oauthGrants: Array<{ clientId: string, clientName: string, scopes: Array<string>, grantedAt: string, lastUsedAt: string | null }> }
    | Record<PropertyKey, never>
   | null };

export type RevokeOAuthGrantMutationVariables = Exact<{
  input: RevokeOAuthGrantInput;
}>;


export type RevokeOAuthGrantMutation = { revokeOAuthGrant: { clientId: string } };

export type SettingsOAuthClientsQueryVariables = Exact<{ [key: string]: never; }>;


export type SettingsOAuthClientsQuery = { oauthClients: { edges: Array<{ node: { id: string, clientId: string, name: string, public: boolean, redirectUris: Array<string>, allowedScopes: Array<string>, createdAt: string } | null } | null> | null } };

export type CreateOAuthClientMutationVariables = Exact<{
  input: CreateOAuthClientInput;
}>;


export type CreateOAuthClientMutation = { createOAuthClient: { clientSecret: string | null, client: { id: string, clientId: string, name: string, public: boolean, redirectUris: Array<string>, allowedScopes: Array<string>, createdAt: string } } };

export type RotateOAuthClientSecretMutationVariables = Exact<{
  input: RotateOAuthClientSecretInput;
}>;


export type RotateOAuthClientSecretMutation = { rotateOAuthClientSecret: { clientSecret: string | null, client: { id: string } } };

export type DeleteOAuthClientMutationVariables = Exact<{
  input: DeleteOAuthClientInput;
}>;


export type DeleteOAuthClientMutation = { deleteOAuthClient: { deletedId: string } };

export type SettingsUpdateProfileMutationVariables = Exact<{
  input: UpdateProfileInput;
}>;


export type SettingsUpdateProfileMutation = { updateProfile: { user: { id: string, name: string, email: string, emailVerifiedAt: string | null, locale: string } } };

export type SettingsChangePasswordMutationVariables = Exact<{
  input: ChangePasswordInput;
}>;


export type SettingsChangePasswordMutation = { changePassword: { ok: boolean } };

export type SmartHomeDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type SmartHomeDetailQuery = { node:
    | { __typename: 'AIAgent', id: string }
    | { __typename: 'AIMessage', id: string }
    | { __typename: 'AIProvider', id: string }
    | { __typename: 'AIThread', id: string }
    | { __typename: 'ActivityEvent', id: string }
    | { __typename: 'AppTemplate', id: string }
    | { __typename: 'Invitation', id: string }
    | { __typename: 'OAuthClient', id: string }
    | { __typename: 'Project', id: string }
    | { __typename: 'Service', id: string }
    | { __typename: 'ServiceEvent', id: string }
    | { __typename: 'ServiceRevision', id: string }
    | { __typename: 'SmartHome', id: string, name: string, state: SmartHomeState, errorMessage: string, tunnelID: string, tunnelName: string, tunnelRoute: string, tunnelStatus: SmartHomeTunnelStatus, connectorID: string, connectorType: string, connectedSince: string | null, haPort: number, subdomain: string, deployedAt: string | null, createdAt: string, updatedAt: string, viewerCanManage: boolean, workspace: { id: string, name: string, slug: string, state: WorkspaceState } }
    | { __typename: 'Task', id: string }
    | { __typename: 'TaskStage', id: string }
    | { __typename: 'User', id: string }
    | { __typename: 'Workspace', id: string }
    | { __typename: 'WorkspaceMember', id: string }
   | null };

export type SmartHomeDetailStateQueryVariables = Exact<{
  id: string | number;
}>;


export type SmartHomeDetailStateQuery = { node:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string, name: string, state: SmartHomeState, errorMessage: string, tunnelID: string, tunnelName: string, tunnelRoute: string, tunnelStatus: SmartHomeTunnelStatus, connectorID: string, connectorType: string, connectedSince: string | null, haPort: number, subdomain: string, deployedAt: string | null, createdAt: string, updatedAt: string, viewerCanManage: boolean }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null };

export type SmartHomeTunnelTokenQueryVariables = Exact<{
  id: string | number;
}>;


export type SmartHomeTunnelTokenQuery = { node:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string, tunnelToken: string | null }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null };

export type SmartHomeRefreshMutationVariables = Exact<{
  input: RefreshSmartHomeStatusInput;
}>;


export type SmartHomeRefreshMutation = { refreshSmartHomeStatus: { smartHome: { id: string, name: string, state: SmartHomeState, errorMessage: string, tunnelID: string, tunnelName: string, tunnelRoute: string, tunnelStatus: SmartHomeTunnelStatus, connectorID: string, connectorType: string, connectedSince: string | null, haPort: number, subdomain: string, deployedAt: string | null, createdAt: string, updatedAt: string, viewerCanManage: boolean } } };

export type SmartHomeRetryMutationVariables = Exact<{
  input: RetrySmartHomeInput;
}>;


export type SmartHomeRetryMutation = { retrySmartHome: { smartHome: { id: string, name: string, state: SmartHomeState, errorMessage: string, tunnelID: string, tunnelName: string, tunnelRoute: string, tunnelStatus: SmartHomeTunnelStatus, connectorID: string, connectorType: string, connectedSince: string | null, haPort: number, subdomain: string, deployedAt: string | null, createdAt: string, updatedAt: string, viewerCanManage: boolean } } };

export type SmartHomeDeleteMutationVariables = Exact<{
  input: DeleteSmartHomeInput;
}>;


export type SmartHomeDeleteMutation = { deleteSmartHome: { smartHome: { id: string, name: string, state: SmartHomeState, errorMessage: string, tunnelID: string, tunnelName: string, tunnelRoute: string, tunnelStatus: SmartHomeTunnelStatus, connectorID: string, connectorType: string, connectedSince: string | null, haPort: number, subdomain: string, deployedAt: string | null, createdAt: string, updatedAt: string, viewerCanManage: boolean } } };

export type WorkspaceSmartHomesQueryVariables = Exact<{
  slug: string;
}>;


export type WorkspaceSmartHomesQuery = { workspace: { id: string, smartHomes: { totalCount: number, edges: Array<{ node: { id: string, name: string, state: SmartHomeState, errorMessage: string, tunnelID: string, tunnelName: string, tunnelRoute: string, tunnelStatus: SmartHomeTunnelStatus, connectorID: string, connectorType: string, connectedSince: string | null, haPort: number, subdomain: string, deployedAt: string | null, createdAt: string, updatedAt: string, viewerCanManage: boolean } | null } | null> | null } } | null };

export type SmartHomeStatusSubscriptionVariables = Exact<{
  workspaceId: string | number;
  after?: string | null | undefined;
}>;


export type SmartHomeStatusSubscription = { smartHomeStatus: { id: string, name: string, state: SmartHomeState, errorMessage: string, tunnelID: string, tunnelName: string, tunnelRoute: string, tunnelStatus: SmartHomeTunnelStatus, connectorID: string, connectorType: string, connectedSince: string | null, haPort: number, subdomain: string, deployedAt: string | null, createdAt: string, updatedAt: string, viewerCanManage: boolean } };

export type CreateSmartHomeMutationVariables = Exact<{
  input: CreateSmartHomeInput;
}>;


export type CreateSmartHomeMutation = { createSmartHome: { smartHome: { id: string, name: string, state: SmartHomeState, errorMessage: string, tunnelID: string, tunnelName: string, tunnelRoute: string, tunnelStatus: SmartHomeTunnelStatus, connectorID: string, connectorType: string, connectedSince: string | null, haPort: number, subdomain: string, deployedAt: string | null, createdAt: string, updatedAt: string, viewerCanManage: boolean } } };

export type SmartHomeFieldsFragment = { id: string, name: string, state: SmartHomeState, errorMessage: string, tunnelID: string, tunnelName: string, tunnelRoute: string, tunnelStatus: SmartHomeTunnelStatus, connectorID: string, connectorType: string, connectedSince: string | null, haPort: number, subdomain: string, deployedAt: string | null, createdAt: string, updatedAt: string, viewerCanManage: boolean };

export type WorkspaceListCreateMutationVariables = Exact<{
  input: CreateWorkspaceInput;
}>;


export type WorkspaceListCreateMutation = { createWorkspace: { workspace: { id: string, name: string, slug: string, description: string, state: WorkspaceState, viewerRole: Role } } };

export type TeamPageQueryVariables = Exact<{
  slug: string;
}>;


export type TeamPageQuery = { workspace: { id: string, name: string, slug: string, state: WorkspaceState, viewerRole: Role, viewerCanUpdate: boolean, viewerCanManageMembers: boolean, viewerCanAdminister: boolean, viewerCanDeploy: boolean, viewerCanLeave: boolean, members: { totalCount: number, edges: Array<{ node: { id: string, role: Role, invitedAt: string | null, createdAt: string, user: { id: string, name: string, email: string } } | null } | null> | null }, pendingInvitations: Array<{ id: string, email: string, role: Role, status: InvitationStatus, expiresAt: string, createdAt: string }> } | null };

export type TeamInviteMutationVariables = Exact<{
  input: InviteMemberInput;
}>;


export type TeamInviteMutation = { inviteMember: { link: string | null, invitation: { id: string, email: string, role: Role, status: InvitationStatus, expiresAt: string, createdAt: string } } };

export type TeamCancelInvitationMutationVariables = Exact<{
  input: CancelInvitationInput;
}>;


export type TeamCancelInvitationMutation = { cancelInvitation: { invitation: { id: string, status: InvitationStatus, workspace: { id: string } } } };

export type TeamInvitationLinkMutationVariables = Exact<{
  input: CreateInvitationLinkInput;
}>;


export type TeamInvitationLinkMutation = { createInvitationLink: { link: string | null, invitation: { id: string, status: InvitationStatus, expiresAt: string } } };

export type TeamUpdateRoleMutationVariables = Exact<{
  input: UpdateMemberRoleInput;
}>;


export type TeamUpdateRoleMutation = { updateMemberRole: { member: { id: string, role: Role } } };

export type TeamRemoveMemberMutationVariables = Exact<{
  input: RemoveMemberInput;
}>;


export type TeamRemoveMemberMutation = { removeMember: { removedUserId: string, workspace: { id: string } } };

export type TeamLeaveMutationVariables = Exact<{
  input: LeaveWorkspaceInput;
}>;


export type TeamLeaveMutation = { leaveWorkspace: { workspaceId: string } };

export type TeamTransferOwnershipMutationVariables = Exact<{
  input: TransferOwnershipInput;
}>;


export type TeamTransferOwnershipMutation = { transferOwnership: { workspace: { id: string, ownerID: string, viewerRole: Role, viewerCanUpdate: boolean, viewerCanManageMembers: boolean, viewerCanAdminister: boolean, viewerCanDeploy: boolean, viewerCanLeave: boolean } } };

export type WorkspaceDetailPageQueryVariables = Exact<{
  slug: string;
}>;


export type WorkspaceDetailPageQuery = { workspace: { id: string, name: string, slug: string, description: string, state: WorkspaceState, viewerRole: Role, namespace: string, viewerCanUpdate: boolean, viewerCanManageMembers: boolean, viewerCanAdminister: boolean, viewerCanDeploy: boolean, viewerCanLeave: boolean, members: { totalCount: number }, services: { totalCount: number, edges: Array<{ node: { id: string, name: string, state: ServiceState, errorMessage: string, url: string | null, chartVersion: string, helmRevision: number, template: { id: string, name: string, slug: string, icon: string } } | null } | null> | null } } | null };

export type WorkspaceDetailServicesSubscriptionVariables = Exact<{
  workspaceId: string | number;
}>;


export type WorkspaceDetailServicesSubscription = { workspaceServices: { id: string, name: string, state: ServiceState, errorMessage: string, url: string | null, chartVersion: string, helmRevision: number, viewerCanUpdate: boolean, viewerCanStop: boolean, viewerCanStart: boolean, viewerCanRollback: boolean, viewerCanDelete: boolean, viewerCanInspect: boolean, template: { id: string, name: string, slug: string, icon: string } } };

export type WorkspaceDetailUpdateMutationVariables = Exact<{
  input: UpdateWorkspaceInput;
}>;


export type WorkspaceDetailUpdateMutation = { updateWorkspace: { workspace: { id: string, name: string, description: string } } };

export type WorkspaceDetailArchiveMutationVariables = Exact<{
  input: ArchiveWorkspaceInput;
}>;


export type WorkspaceDetailArchiveMutation = { archiveWorkspace: { workspace: { id: string, state: WorkspaceState, viewerCanUpdate: boolean, viewerCanManageMembers: boolean, viewerCanAdminister: boolean, viewerCanDeploy: boolean, viewerCanLeave: boolean } } };

export type WorkspaceListPageQueryVariables = Exact<{ [key: string]: never; }>;


export type WorkspaceListPageQuery = { workspaces: { totalCount: number, edges: Array<{ node: { id: string, name: string, slug: string, description: string, state: WorkspaceState, viewerRole: Role, members: { totalCount: number }, services: { totalCount: number } } | null } | null> | null } };

export type WorkspaceViewerCanFragment = { viewerCanUpdate: boolean, viewerCanManageMembers: boolean, viewerCanAdminister: boolean, viewerCanDeploy: boolean, viewerCanLeave: boolean };

export const ValueSpecFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ValueSpecFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValueSpec"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"default"}},{"kind":"Field","name":{"kind":"Name","value":"options"}},{"kind":"Field","name":{"kind":"Name","value":"placeholder"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"minLength"}},{"kind":"Field","name":{"kind":"Name","value":"maxLength"}},{"kind":"Field","name":{"kind":"Name","value":"pattern"}},{"kind":"Field","name":{"kind":"Name","value":"patternMessage"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"translations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"placeholder"}},{"kind":"Field","name":{"kind":"Name","value":"patternMessage"}}]}}]}}]} as unknown as DocumentNode<ValueSpecFieldsFragment, unknown>;
export const AiProviderFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AIProviderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AIProvider"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"baseURL"}},{"kind":"Field","name":{"kind":"Name","value":"defaultModel"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"hasApiKey"}}]}}]} as unknown as DocumentNode<AiProviderFieldsFragment, unknown>;
export const AiAgentFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AIAgentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AIAgent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"systemPrompt"}},{"kind":"Field","name":{"kind":"Name","value":"providerID"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]} as unknown as DocumentNode<AiAgentFieldsFragment, unknown>;
export const ChatMessageFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChatMessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AIMessage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"authorUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"authorAgent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"avatarColor"}}]}}]}}]} as unknown as DocumentNode<ChatMessageFieldsFragment, unknown>;
export const ThreadFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThreadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AIThread"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"autoReply"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanDelete"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"defaultAgent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<ThreadFieldsFragment, unknown>;
export const DashboardActivityEntryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DashboardActivityEntry"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActivityEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"verb"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"params"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"workspace"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]} as unknown as DocumentNode<DashboardActivityEntryFragment, unknown>;
export const BoardChatMessageFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BoardChatMessage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AIMessage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"authorUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"authorAgent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<BoardChatMessageFragment, unknown>;
export const BoardTaskFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BoardTaskFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"stageID"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<BoardTaskFieldsFragment, unknown>;
export const ServiceViewerCanFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ServiceViewerCan"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Service"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewerCanUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanStop"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanStart"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanRollback"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanDelete"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanInspect"}}]}}]} as unknown as DocumentNode<ServiceViewerCanFragment, unknown>;
export const SmartHomeFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SmartHomeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SmartHome"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"tunnelID"}},{"kind":"Field","name":{"kind":"Name","value":"tunnelName"}},{"kind":"Field","name":{"kind":"Name","value":"tunnelRoute"}},{"kind":"Field","name":{"kind":"Name","value":"tunnelStatus"}},{"kind":"Field","name":{"kind":"Name","value":"connectorID"}},{"kind":"Field","name":{"kind":"Name","value":"connectorType"}},{"kind":"Field","name":{"kind":"Name","value":"connectedSince"}},{"kind":"Field","name":{"kind":"Name","value":"haPort"}},{"kind":"Field","name":{"kind":"Name","value":"subdomain"}},{"kind":"Field","name":{"kind":"Name","value":"deployedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanManage"}}]}}]} as unknown as DocumentNode<SmartHomeFieldsFragment, unknown>;
export const WorkspaceViewerCanFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkspaceViewerCan"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Workspace"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewerCanUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanManageMembers"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanAdminister"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanDeploy"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanLeave"}}]}}]} as unknown as DocumentNode<WorkspaceViewerCanFragment, unknown>;
export const LogoutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Logout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}}]}}]}}]} as unknown as DocumentNode<LogoutMutation, LogoutMutationVariables>;
export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerifiedAt"}},{"kind":"Field","name":{"kind":"Name","value":"platformAdmin"}},{"kind":"Field","name":{"kind":"Name","value":"locale"}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const MyWorkspacesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyWorkspaces"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workspaces"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"state"},"value":{"kind":"EnumValue","value":"active"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"field"},"value":{"kind":"EnumValue","value":"NAME"}},{"kind":"ObjectField","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"ASC"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanDeploy"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyWorkspacesQuery, MyWorkspacesQueryVariables>;
export const AdminTemplatesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminTemplates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appTemplates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"fullDescription"}},{"kind":"Field","name":{"kind":"Name","value":"translations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"fullDescription"}}]}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"chartRef"}},{"kind":"Field","name":{"kind":"Name","value":"chartRepoURL"}},{"kind":"Field","name":{"kind":"Name","value":"chartVersion"}},{"kind":"Field","name":{"kind":"Name","value":"defaultPort"}},{"kind":"Field","name":{"kind":"Name","value":"ingressEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"valueSpecs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"required"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ValueSpecFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"optional"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ValueSpecFields"}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ValueSpecFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValueSpec"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"default"}},{"kind":"Field","name":{"kind":"Name","value":"options"}},{"kind":"Field","name":{"kind":"Name","value":"placeholder"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"minLength"}},{"kind":"Field","name":{"kind":"Name","value":"maxLength"}},{"kind":"Field","name":{"kind":"Name","value":"pattern"}},{"kind":"Field","name":{"kind":"Name","value":"patternMessage"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"translations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"placeholder"}},{"kind":"Field","name":{"kind":"Name","value":"patternMessage"}}]}}]}}]} as unknown as DocumentNode<AdminTemplatesQuery, AdminTemplatesQueryVariables>;
export const AdminCreateTemplateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminCreateTemplate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateAppTemplateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createAppTemplate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appTemplate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<AdminCreateTemplateMutation, AdminCreateTemplateMutationVariables>;
export const AdminUpdateTemplateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminUpdateTemplate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateAppTemplateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateAppTemplate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appTemplate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]}}]} as unknown as DocumentNode<AdminUpdateTemplateMutation, AdminUpdateTemplateMutationVariables>;
export const AdminUsersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminUsers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Cursor"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"platformAdmin"}},{"kind":"Field","name":{"kind":"Name","value":"disabled"}},{"kind":"Field","name":{"kind":"Name","value":"lastLoginAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AdminUsersQuery, AdminUsersQueryVariables>;
export const SetPlatformAdminDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetPlatformAdmin"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetPlatformAdminInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setPlatformAdmin"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"platformAdmin"}},{"kind":"Field","name":{"kind":"Name","value":"disabled"}}]}}]}}]}}]} as unknown as DocumentNode<SetPlatformAdminMutation, SetPlatformAdminMutationVariables>;
export const SetUserDisabledDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetUserDisabled"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetUserDisabledInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setUserDisabled"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"platformAdmin"}},{"kind":"Field","name":{"kind":"Name","value":"disabled"}}]}}]}}]}}]} as unknown as DocumentNode<SetUserDisabledMutation, SetUserDisabledMutationVariables>;
export const PlatformSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PlatformSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"platformSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serviceDomain"}},{"kind":"Field","name":{"kind":"Name","value":"registration"}},{"kind":"Field","name":{"kind":"Name","value":"namespaceQuota"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cpu"}},{"kind":"Field","name":{"kind":"Name","value":"memory"}},{"kind":"Field","name":{"kind":"Name","value":"storage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"smtpUrl"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"set"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mailFrom"}},{"kind":"Field","name":{"kind":"Name","value":"cloudflareApiToken"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"set"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cloudflareAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"cloudflareZoneId"}},{"kind":"Field","name":{"kind":"Name","value":"fromEnvironment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setting"}},{"kind":"Field","name":{"kind":"Name","value":"variable"}}]}}]}}]}}]} as unknown as DocumentNode<PlatformSettingsQuery, PlatformSettingsQueryVariables>;
export const UpdatePlatformSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdatePlatformSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdatePlatformSettingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updatePlatformSettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serviceDomain"}},{"kind":"Field","name":{"kind":"Name","value":"registration"}},{"kind":"Field","name":{"kind":"Name","value":"namespaceQuota"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cpu"}},{"kind":"Field","name":{"kind":"Name","value":"memory"}},{"kind":"Field","name":{"kind":"Name","value":"storage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"smtpUrl"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"set"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mailFrom"}},{"kind":"Field","name":{"kind":"Name","value":"cloudflareApiToken"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"set"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cloudflareAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"cloudflareZoneId"}},{"kind":"Field","name":{"kind":"Name","value":"fromEnvironment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setting"}},{"kind":"Field","name":{"kind":"Name","value":"variable"}}]}}]}}]}}]}}]} as unknown as DocumentNode<UpdatePlatformSettingsMutation, UpdatePlatformSettingsMutationVariables>;
export const UploadedChartsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UploadedCharts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uploadedCharts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chartRef"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"uploadedAt"}},{"kind":"Field","name":{"kind":"Name","value":"templates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<UploadedChartsQuery, UploadedChartsQueryVariables>;
export const DeleteUploadedChartDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteUploadedChart"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteUploadedChartInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteUploadedChart"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedChartRef"}}]}}]}}]} as unknown as DocumentNode<DeleteUploadedChartMutation, DeleteUploadedChartMutationVariables>;
export const AiAdminDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AIAdmin"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aiProviders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AIProviderFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"aiAgents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AIAgentFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AIProviderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AIProvider"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"baseURL"}},{"kind":"Field","name":{"kind":"Name","value":"defaultModel"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"hasApiKey"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AIAgentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AIAgent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"systemPrompt"}},{"kind":"Field","name":{"kind":"Name","value":"providerID"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]} as unknown as DocumentNode<AiAdminQuery, AiAdminQueryVariables>;
export const CreateAiProviderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateAIProvider"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateAIProviderInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createAIProvider"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AIProviderFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AIProviderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AIProvider"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"baseURL"}},{"kind":"Field","name":{"kind":"Name","value":"defaultModel"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"hasApiKey"}}]}}]} as unknown as DocumentNode<CreateAiProviderMutation, CreateAiProviderMutationVariables>;
export const UpdateAiProviderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateAIProvider"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateAIProviderInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateAIProvider"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AIProviderFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AIProviderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AIProvider"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"baseURL"}},{"kind":"Field","name":{"kind":"Name","value":"defaultModel"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"hasApiKey"}}]}}]} as unknown as DocumentNode<UpdateAiProviderMutation, UpdateAiProviderMutationVariables>;
export const DeleteAiProviderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteAIProvider"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteAIProviderInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteAIProvider"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<DeleteAiProviderMutation, DeleteAiProviderMutationVariables>;
export const TestAiProviderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestAIProvider"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TestAIProviderInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testAIProvider"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"models"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<TestAiProviderMutation, TestAiProviderMutationVariables>;
export const CreateAiAgentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateAIAgent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateAIAgentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createAIAgent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AIAgentFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AIAgentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AIAgent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"systemPrompt"}},{"kind":"Field","name":{"kind":"Name","value":"providerID"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]} as unknown as DocumentNode<CreateAiAgentMutation, CreateAiAgentMutationVariables>;
export const UpdateAiAgentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateAIAgent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateAIAgentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateAIAgent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AIAgentFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AIAgentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AIAgent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"systemPrompt"}},{"kind":"Field","name":{"kind":"Name","value":"providerID"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]} as unknown as DocumentNode<UpdateAiAgentMutation, UpdateAiAgentMutationVariables>;
export const DeleteAiAgentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteAIAgent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteAIAgentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteAIAgent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<DeleteAiAgentMutation, DeleteAiAgentMutationVariables>;
export const MentionAgentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MentionAgents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aiAgents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}}]}}]}}]} as unknown as DocumentNode<MentionAgentsQuery, MentionAgentsQueryVariables>;
export const AssistantThreadsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AssistantThreads"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workspace"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanChat"}},{"kind":"Field","name":{"kind":"Name","value":"threads"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"field"},"value":{"kind":"EnumValue","value":"CREATED_AT"}},{"kind":"ObjectField","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"DESC"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ThreadFields"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThreadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AIThread"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"autoReply"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanDelete"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"defaultAgent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<AssistantThreadsQuery, AssistantThreadsQueryVariables>;
export const ThreadPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ThreadPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workspace"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanChat"}}]}},{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AIThread"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ThreadFields"}},{"kind":"Field","name":{"kind":"Name","value":"messages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"field"},"value":{"kind":"EnumValue","value":"CREATED_AT"}},{"kind":"ObjectField","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"ASC"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChatMessageFields"}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThreadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AIThread"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"autoReply"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanDelete"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"defaultAgent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChatMessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AIMessage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"authorUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"authorAgent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"avatarColor"}}]}}]}}]} as unknown as DocumentNode<ThreadPageQuery, ThreadPageQueryVariables>;
export const CreateThreadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateThread"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateThreadInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createThread"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"thread"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ThreadFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThreadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AIThread"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"autoReply"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanDelete"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"defaultAgent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<CreateThreadMutation, CreateThreadMutationVariables>;
export const DeleteThreadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteThread"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteThreadInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteThread"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<DeleteThreadMutation, DeleteThreadMutationVariables>;
export const SendMessageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendMessage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SendMessageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChatMessageFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"replies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChatMessageFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChatMessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AIMessage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"authorUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"authorAgent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"avatarColor"}}]}}]}}]} as unknown as DocumentNode<SendMessageMutation, SendMessageMutationVariables>;
export const CancelGenerationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelGeneration"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CancelGenerationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelGeneration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChatMessageFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChatMessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AIMessage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"authorUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"authorAgent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"avatarColor"}}]}}]}}]} as unknown as DocumentNode<CancelGenerationMutation, CancelGenerationMutationVariables>;
export const RegenerateMessageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegenerateMessage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegenerateMessageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regenerateMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChatMessageFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChatMessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AIMessage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"authorUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"authorAgent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"avatarColor"}}]}}]}}]} as unknown as DocumentNode<RegenerateMessageMutation, RegenerateMessageMutationVariables>;
export const MessageStreamDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"MessageStream"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"threadId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageStream"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"threadId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"threadId"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"delta"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reset"}},{"kind":"Field","name":{"kind":"Name","value":"message"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChatMessageFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChatMessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AIMessage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"authorUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"authorAgent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"avatarColor"}}]}}]}}]} as unknown as DocumentNode<MessageStreamSubscription, MessageStreamSubscriptionVariables>;
export const ForgotPasswordRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ForgotPasswordRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestPasswordResetInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestPasswordReset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}}]}}]}}]} as unknown as DocumentNode<ForgotPasswordRequestMutation, ForgotPasswordRequestMutationVariables>;
export const LoginSignInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LoginSignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LoginInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"platformAdmin"}}]}}]}}]}}]} as unknown as DocumentNode<LoginSignInMutation, LoginSignInMutationVariables>;
export const RegisterAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"register"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"platformAdmin"}}]}}]}}]}}]} as unknown as DocumentNode<RegisterAccountMutation, RegisterAccountMutationVariables>;
export const ResetPasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResetPassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResetPasswordInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resetPassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}}]}}]}}]} as unknown as DocumentNode<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const RequestEmailVerificationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestEmailVerification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestEmailVerification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}}]}}]}}]} as unknown as DocumentNode<RequestEmailVerificationMutation, RequestEmailVerificationMutationVariables>;
export const VerifyEmailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"VerifyEmail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"VerifyEmailInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyEmail"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}}]}}]}}]} as unknown as DocumentNode<VerifyEmailMutation, VerifyEmailMutationVariables>;
export const DashboardStatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dashboard"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workspaces"}},{"kind":"Field","name":{"kind":"Name","value":"members"}},{"kind":"Field","name":{"kind":"Name","value":"servicesByState"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"smartHomesByTunnelStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"openTasks"}},{"kind":"Field","name":{"kind":"Name","value":"recentActivity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DashboardActivityEntry"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DashboardActivityEntry"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActivityEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"verb"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"params"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"workspace"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]} as unknown as DocumentNode<DashboardStatsQuery, DashboardStatsQueryVariables>;
export const DashboardClusterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardCluster"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cluster"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"reachable"}}]}}]}}]} as unknown as DocumentNode<DashboardClusterQuery, DashboardClusterQueryVariables>;
export const DashboardActivityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DashboardActivity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"workspaceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"workspaceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"workspaceId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DashboardActivityEntry"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DashboardActivityEntry"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActivityEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"verb"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"params"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"workspace"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]} as unknown as DocumentNode<DashboardActivitySubscription, DashboardActivitySubscriptionVariables>;
export const InvitationByTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InvitationByToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invitationByToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"invitedBy"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"workspace"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]}}]} as unknown as DocumentNode<InvitationByTokenQuery, InvitationByTokenQueryVariables>;
export const InvitationSignOutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InvitationSignOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}}]}}]}}]} as unknown as DocumentNode<InvitationSignOutMutation, InvitationSignOutMutationVariables>;
export const ViewerPendingInvitationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ViewerPendingInvitations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"pendingInvitations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"invitedBy"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"workspace"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ViewerPendingInvitationsQuery, ViewerPendingInvitationsQueryVariables>;
export const AcceptInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AcceptInvitationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"workspace"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AcceptInvitationMutation, AcceptInvitationMutationVariables>;
export const DeclineInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeclineInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeclineInvitationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"declineInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invitationId"}}]}}]}}]} as unknown as DocumentNode<DeclineInvitationMutation, DeclineInvitationMutationVariables>;
export const ConfigureTemplateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConfigureTemplate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appTemplate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"fullDescription"}},{"kind":"Field","name":{"kind":"Name","value":"translations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"fullDescription"}}]}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"icon"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyPrice"}},{"kind":"Field","name":{"kind":"Name","value":"documentationURL"}},{"kind":"Field","name":{"kind":"Name","value":"chartRef"}},{"kind":"Field","name":{"kind":"Name","value":"chartRepoURL"}},{"kind":"Field","name":{"kind":"Name","value":"chartVersion"}},{"kind":"Field","name":{"kind":"Name","value":"defaultPort"}},{"kind":"Field","name":{"kind":"Name","value":"minVcpu"}},{"kind":"Field","name":{"kind":"Name","value":"minRAMGB"}},{"kind":"Field","name":{"kind":"Name","value":"minStorageGB"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"valueSpecs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"required"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ValueSpecFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"optional"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ValueSpecFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ValueSpecFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValueSpec"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"default"}},{"kind":"Field","name":{"kind":"Name","value":"options"}},{"kind":"Field","name":{"kind":"Name","value":"placeholder"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"minLength"}},{"kind":"Field","name":{"kind":"Name","value":"maxLength"}},{"kind":"Field","name":{"kind":"Name","value":"pattern"}},{"kind":"Field","name":{"kind":"Name","value":"patternMessage"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"translations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"placeholder"}},{"kind":"Field","name":{"kind":"Name","value":"patternMessage"}}]}}]}}]} as unknown as DocumentNode<ConfigureTemplateQuery, ConfigureTemplateQueryVariables>;
export const ConfigureClusterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConfigureCluster"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cluster"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}}]}}]}}]} as unknown as DocumentNode<ConfigureClusterQuery, ConfigureClusterQueryVariables>;
export const ConfigureDeployDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfigureDeploy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeployServiceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deployService"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"workspaceID"}}]}}]}}]}}]} as unknown as DocumentNode<ConfigureDeployMutation, ConfigureDeployMutationVariables>;
export const MarketplaceTemplatesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MarketplaceTemplates"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"category"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AppTemplateCategory"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appTemplates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"category"},"value":{"kind":"Variable","name":{"kind":"Name","value":"category"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"field"},"value":{"kind":"EnumValue","value":"NAME"}},{"kind":"ObjectField","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"ASC"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"translations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"icon"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyPrice"}},{"kind":"Field","name":{"kind":"Name","value":"minVcpu"}},{"kind":"Field","name":{"kind":"Name","value":"minRAMGB"}},{"kind":"Field","name":{"kind":"Name","value":"minStorageGB"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MarketplaceTemplatesQuery, MarketplaceTemplatesQueryVariables>;
export const OAuthConsentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OAuthConsent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OAuthConsentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"oauthConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"clientName"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"redirectHost"}},{"kind":"Field","name":{"kind":"Name","value":"registeredRedirect"}}]}}]}}]} as unknown as DocumentNode<OAuthConsentQuery, OAuthConsentQueryVariables>;
export const AuthorizeOAuthClientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AuthorizeOAuthClient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AuthorizeOAuthClientInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authorizeOAuthClient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"redirectTo"}}]}}]}}]} as unknown as DocumentNode<AuthorizeOAuthClientMutation, AuthorizeOAuthClientMutationVariables>;
export const OAuthDeviceRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OAuthDeviceRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"oauthDeviceRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientName"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]} as unknown as DocumentNode<OAuthDeviceRequestQuery, OAuthDeviceRequestQueryVariables>;
export const ApproveOAuthDeviceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApproveOAuthDevice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApproveOAuthDeviceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveOAuthDevice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientName"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}}]}}]}}]} as unknown as DocumentNode<ApproveOAuthDeviceMutation, ApproveOAuthDeviceMutationVariables>;
export const WorkspaceProjectsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WorkspaceProjects"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workspace"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanEditProjects"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanAdminister"}},{"kind":"Field","name":{"kind":"Name","value":"services"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"projects"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"field"},"value":{"kind":"EnumValue","value":"NAME"}},{"kind":"ObjectField","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"ASC"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanEdit"}},{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<WorkspaceProjectsQuery, WorkspaceProjectsQueryVariables>;
export const CreateProjectDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateProject"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateProjectInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createProject"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<CreateProjectMutation, CreateProjectMutationVariables>;
export const DeleteProjectDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteProject"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteProjectInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteProject"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<DeleteProjectMutation, DeleteProjectMutationVariables>;
export const ServiceSupportProjectDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ServiceSupportProject"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Service"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"supportProject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"workspace"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanEditProjects"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ServiceSupportProjectQuery, ServiceSupportProjectQueryVariables>;
export const BoardTaskThreadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BoardTaskThread"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"thread"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"messages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BoardChatMessage"}}]}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BoardChatMessage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AIMessage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"authorUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"authorAgent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<BoardTaskThreadQuery, BoardTaskThreadQueryVariables>;
export const BoardMessageStreamDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"BoardMessageStream"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"threadId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageStream"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"threadId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"threadId"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"delta"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reset"}},{"kind":"Field","name":{"kind":"Name","value":"message"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BoardChatMessage"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BoardChatMessage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AIMessage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"authorUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"authorAgent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<BoardMessageStreamSubscription, BoardMessageStreamSubscriptionVariables>;
export const BoardSendMessageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BoardSendMessage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SendMessageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BoardChatMessage"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BoardChatMessage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AIMessage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"authorUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"authorAgent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<BoardSendMessageMutation, BoardSendMessageMutationVariables>;
export const BoardWorkspaceMembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BoardWorkspaceMembers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Workspace"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<BoardWorkspaceMembersQuery, BoardWorkspaceMembersQueryVariables>;
export const ProjectBoardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProjectBoard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Project"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanEdit"}},{"kind":"Field","name":{"kind":"Name","value":"workspace"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}},{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"folded"}},{"kind":"Field","name":{"kind":"Name","value":"tasks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BoardTaskFields"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BoardTaskFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"stageID"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ProjectBoardQuery, ProjectBoardQueryVariables>;
export const ProjectBoardEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ProjectBoardEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"projectBoard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"projectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"change"}},{"kind":"Field","name":{"kind":"Name","value":"deletedId"}},{"kind":"Field","name":{"kind":"Name","value":"task"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BoardTaskFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"folded"}}]}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BoardTaskFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"stageID"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ProjectBoardEventsSubscription, ProjectBoardEventsSubscriptionVariables>;
export const BoardCreateTaskDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BoardCreateTask"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTaskInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTask"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"task"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BoardTaskFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BoardTaskFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"stageID"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<BoardCreateTaskMutation, BoardCreateTaskMutationVariables>;
export const BoardMoveTaskDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BoardMoveTask"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MoveTaskInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"moveTask"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"task"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BoardTaskFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BoardTaskFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"stageID"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<BoardMoveTaskMutation, BoardMoveTaskMutationVariables>;
export const BoardUpdateTaskDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BoardUpdateTask"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateTaskInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateTask"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"task"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BoardTaskFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BoardTaskFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"stageID"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<BoardUpdateTaskMutation, BoardUpdateTaskMutationVariables>;
export const BoardDeleteTaskDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BoardDeleteTask"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteTaskInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteTask"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<BoardDeleteTaskMutation, BoardDeleteTaskMutationVariables>;
export const BoardCreateStageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BoardCreateStage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTaskStageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTaskStage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"folded"}}]}}]}}]}}]} as unknown as DocumentNode<BoardCreateStageMutation, BoardCreateStageMutationVariables>;
export const BoardUpdateStageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BoardUpdateStage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateTaskStageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateTaskStage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"folded"}}]}}]}}]}}]} as unknown as DocumentNode<BoardUpdateStageMutation, BoardUpdateStageMutationVariables>;
export const BoardMoveStageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BoardMoveStage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MoveTaskStageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"moveTaskStage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"folded"}}]}}]}}]}}]} as unknown as DocumentNode<BoardMoveStageMutation, BoardMoveStageMutationVariables>;
export const BoardDeleteStageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BoardDeleteStage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteTaskStageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteTaskStage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<BoardDeleteStageMutation, BoardDeleteStageMutationVariables>;
export const ServiceDetailUpdateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ServiceDetailUpdate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateServiceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateService"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"chartVersion"}},{"kind":"Field","name":{"kind":"Name","value":"values"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ServiceViewerCan"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ServiceViewerCan"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Service"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewerCanUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanStop"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanStart"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanRollback"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanDelete"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanInspect"}}]}}]} as unknown as DocumentNode<ServiceDetailUpdateMutation, ServiceDetailUpdateMutationVariables>;
export const ServiceDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ServiceDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cluster"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Service"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"errorDetail"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"chartVersion"}},{"kind":"Field","name":{"kind":"Name","value":"helmRevision"}},{"kind":"Field","name":{"kind":"Name","value":"deployedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpgradedAt"}},{"kind":"Field","name":{"kind":"Name","value":"releaseName"}},{"kind":"Field","name":{"kind":"Name","value":"namespace"}},{"kind":"Field","name":{"kind":"Name","value":"values"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ServiceViewerCan"}},{"kind":"Field","name":{"kind":"Name","value":"workspace"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}}]}},{"kind":"Field","name":{"kind":"Name","value":"template"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"chartRef"}},{"kind":"Field","name":{"kind":"Name","value":"chartVersion"}},{"kind":"Field","name":{"kind":"Name","value":"valueSpecs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"required"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ValueSpecFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"optional"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ValueSpecFields"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"revisions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"field"},"value":{"kind":"EnumValue","value":"REVISION"}},{"kind":"ObjectField","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"DESC"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"chartVersion"}},{"kind":"Field","name":{"kind":"Name","value":"appVersion"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"events"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"field"},"value":{"kind":"EnumValue","value":"CREATED_AT"}},{"kind":"ObjectField","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"ASC"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ServiceViewerCan"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Service"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewerCanUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanStop"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanStart"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanRollback"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanDelete"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanInspect"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ValueSpecFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValueSpec"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"default"}},{"kind":"Field","name":{"kind":"Name","value":"options"}},{"kind":"Field","name":{"kind":"Name","value":"placeholder"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"minLength"}},{"kind":"Field","name":{"kind":"Name","value":"maxLength"}},{"kind":"Field","name":{"kind":"Name","value":"pattern"}},{"kind":"Field","name":{"kind":"Name","value":"patternMessage"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"translations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"placeholder"}},{"kind":"Field","name":{"kind":"Name","value":"patternMessage"}}]}}]}}]} as unknown as DocumentNode<ServiceDetailQuery, ServiceDetailQueryVariables>;
export const ServiceDetailStateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ServiceDetailState"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Service"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"errorDetail"}},{"kind":"Field","name":{"kind":"Name","value":"helmRevision"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ServiceViewerCan"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ServiceViewerCan"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Service"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewerCanUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanStop"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanStart"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanRollback"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanDelete"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanInspect"}}]}}]} as unknown as DocumentNode<ServiceDetailStateQuery, ServiceDetailStateQueryVariables>;
export const ServiceEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ServiceEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"serviceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serviceEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"serviceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"serviceId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"errorDetail"}},{"kind":"Field","name":{"kind":"Name","value":"helmRevision"}},{"kind":"Field","name":{"kind":"Name","value":"chartVersion"}},{"kind":"Field","name":{"kind":"Name","value":"deployedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpgradedAt"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ServiceViewerCan"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ServiceViewerCan"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Service"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewerCanUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanStop"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanStart"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanRollback"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanDelete"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanInspect"}}]}}]} as unknown as DocumentNode<ServiceEventsSubscription, ServiceEventsSubscriptionVariables>;
export const ServiceDetailStopDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ServiceDetailStop"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StopServiceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stopService"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"errorDetail"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ServiceViewerCan"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ServiceViewerCan"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Service"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewerCanUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanStop"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanStart"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanRollback"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanDelete"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanInspect"}}]}}]} as unknown as DocumentNode<ServiceDetailStopMutation, ServiceDetailStopMutationVariables>;
export const ServiceDetailStartDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ServiceDetailStart"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartServiceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startService"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"errorDetail"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ServiceViewerCan"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ServiceViewerCan"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Service"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewerCanUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanStop"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanStart"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanRollback"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanDelete"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanInspect"}}]}}]} as unknown as DocumentNode<ServiceDetailStartMutation, ServiceDetailStartMutationVariables>;
export const ServiceDetailRetryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ServiceDetailRetry"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateServiceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateService"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"errorDetail"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ServiceViewerCan"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ServiceViewerCan"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Service"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewerCanUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanStop"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanStart"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanRollback"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanDelete"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanInspect"}}]}}]} as unknown as DocumentNode<ServiceDetailRetryMutation, ServiceDetailRetryMutationVariables>;
export const ServiceDetailDeleteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ServiceDetailDelete"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteServiceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteService"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"errorDetail"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ServiceViewerCan"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ServiceViewerCan"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Service"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewerCanUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanStop"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanStart"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanRollback"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanDelete"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanInspect"}}]}}]} as unknown as DocumentNode<ServiceDetailDeleteMutation, ServiceDetailDeleteMutationVariables>;
export const ServiceDetailManifestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ServiceDetailManifest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"serviceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serviceManifest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"serviceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"serviceId"}}}]}]}}]} as unknown as DocumentNode<ServiceDetailManifestQuery, ServiceDetailManifestQueryVariables>;
export const ServiceDetailValuesDiffDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ServiceDetailValuesDiff"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"serviceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serviceValuesDiff"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"serviceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"serviceId"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"old"}},{"kind":"Field","name":{"kind":"Name","value":"new"}},{"kind":"Field","name":{"kind":"Name","value":"secret"}}]}}]}}]} as unknown as DocumentNode<ServiceDetailValuesDiffQuery, ServiceDetailValuesDiffQueryVariables>;
export const ServiceDetailRollbackDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ServiceDetailRollback"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RollbackServiceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rollbackService"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ServiceViewerCan"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ServiceViewerCan"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Service"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewerCanUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanStop"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanStart"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanRollback"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanDelete"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanInspect"}}]}}]} as unknown as DocumentNode<ServiceDetailRollbackMutation, ServiceDetailRollbackMutationVariables>;
export const SettingsOAuthGrantsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SettingsOAuthGrants"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"oauthGrants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"clientName"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"grantedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SettingsOAuthGrantsQuery, SettingsOAuthGrantsQueryVariables>;
export const RevokeOAuthGrantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeOAuthGrant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RevokeOAuthGrantInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeOAuthGrant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}}]}}]}}]} as unknown as DocumentNode<RevokeOAuthGrantMutation, RevokeOAuthGrantMutationVariables>;
export const SettingsOAuthClientsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SettingsOAuthClients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"oauthClients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"public"}},{"kind":"Field","name":{"kind":"Name","value":"redirectUris"}},{"kind":"Field","name":{"kind":"Name","value":"allowedScopes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SettingsOAuthClientsQuery, SettingsOAuthClientsQueryVariables>;
export const CreateOAuthClientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateOAuthClient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateOAuthClientInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createOAuthClient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"public"}},{"kind":"Field","name":{"kind":"Name","value":"redirectUris"}},{"kind":"Field","name":{"kind":"Name","value":"allowedScopes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clientSecret"}}]}}]}}]} as unknown as DocumentNode<CreateOAuthClientMutation, CreateOAuthClientMutationVariables>;
export const RotateOAuthClientSecretDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RotateOAuthClientSecret"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RotateOAuthClientSecretInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rotateOAuthClientSecret"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clientSecret"}}]}}]}}]} as unknown as DocumentNode<RotateOAuthClientSecretMutation, RotateOAuthClientSecretMutationVariables>;
export const DeleteOAuthClientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteOAuthClient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteOAuthClientInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteOAuthClient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<DeleteOAuthClientMutation, DeleteOAuthClientMutationVariables>;
export const SettingsUpdateProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SettingsUpdateProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateProfileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateProfile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerifiedAt"}},{"kind":"Field","name":{"kind":"Name","value":"locale"}}]}}]}}]}}]} as unknown as DocumentNode<SettingsUpdateProfileMutation, SettingsUpdateProfileMutationVariables>;
export const SettingsChangePasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SettingsChangePassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ChangePasswordInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changePassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}}]}}]}}]} as unknown as DocumentNode<SettingsChangePasswordMutation, SettingsChangePasswordMutationVariables>;
export const SmartHomeDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SmartHomeDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SmartHome"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SmartHomeFields"}},{"kind":"Field","name":{"kind":"Name","value":"workspace"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SmartHomeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SmartHome"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"tunnelID"}},{"kind":"Field","name":{"kind":"Name","value":"tunnelName"}},{"kind":"Field","name":{"kind":"Name","value":"tunnelRoute"}},{"kind":"Field","name":{"kind":"Name","value":"tunnelStatus"}},{"kind":"Field","name":{"kind":"Name","value":"connectorID"}},{"kind":"Field","name":{"kind":"Name","value":"connectorType"}},{"kind":"Field","name":{"kind":"Name","value":"connectedSince"}},{"kind":"Field","name":{"kind":"Name","value":"haPort"}},{"kind":"Field","name":{"kind":"Name","value":"subdomain"}},{"kind":"Field","name":{"kind":"Name","value":"deployedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanManage"}}]}}]} as unknown as DocumentNode<SmartHomeDetailQuery, SmartHomeDetailQueryVariables>;
export const SmartHomeDetailStateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SmartHomeDetailState"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SmartHome"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SmartHomeFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SmartHomeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SmartHome"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"tunnelID"}},{"kind":"Field","name":{"kind":"Name","value":"tunnelName"}},{"kind":"Field","name":{"kind":"Name","value":"tunnelRoute"}},{"kind":"Field","name":{"kind":"Name","value":"tunnelStatus"}},{"kind":"Field","name":{"kind":"Name","value":"connectorID"}},{"kind":"Field","name":{"kind":"Name","value":"connectorType"}},{"kind":"Field","name":{"kind":"Name","value":"connectedSince"}},{"kind":"Field","name":{"kind":"Name","value":"haPort"}},{"kind":"Field","name":{"kind":"Name","value":"subdomain"}},{"kind":"Field","name":{"kind":"Name","value":"deployedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanManage"}}]}}]} as unknown as DocumentNode<SmartHomeDetailStateQuery, SmartHomeDetailStateQueryVariables>;
export const SmartHomeTunnelTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SmartHomeTunnelToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SmartHome"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tunnelToken"}}]}}]}}]}}]} as unknown as DocumentNode<SmartHomeTunnelTokenQuery, SmartHomeTunnelTokenQueryVariables>;
export const SmartHomeRefreshDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SmartHomeRefresh"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RefreshSmartHomeStatusInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refreshSmartHomeStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"smartHome"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SmartHomeFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SmartHomeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SmartHome"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"tunnelID"}},{"kind":"Field","name":{"kind":"Name","value":"tunnelName"}},{"kind":"Field","name":{"kind":"Name","value":"tunnelRoute"}},{"kind":"Field","name":{"kind":"Name","value":"tunnelStatus"}},{"kind":"Field","name":{"kind":"Name","value":"connectorID"}},{"kind":"Field","name":{"kind":"Name","value":"connectorType"}},{"kind":"Field","name":{"kind":"Name","value":"connectedSince"}},{"kind":"Field","name":{"kind":"Name","value":"haPort"}},{"kind":"Field","name":{"kind":"Name","value":"subdomain"}},{"kind":"Field","name":{"kind":"Name","value":"deployedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanManage"}}]}}]} as unknown as DocumentNode<SmartHomeRefreshMutation, SmartHomeRefreshMutationVariables>;
export const SmartHomeRetryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SmartHomeRetry"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RetrySmartHomeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retrySmartHome"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"smartHome"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SmartHomeFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SmartHomeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SmartHome"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"tunnelID"}},{"kind":"Field","name":{"kind":"Name","value":"tunnelName"}},{"kind":"Field","name":{"kind":"Name","value":"tunnelRoute"}},{"kind":"Field","name":{"kind":"Name","value":"tunnelStatus"}},{"kind":"Field","name":{"kind":"Name","value":"connectorID"}},{"kind":"Field","name":{"kind":"Name","value":"connectorType"}},{"kind":"Field","name":{"kind":"Name","value":"connectedSince"}},{"kind":"Field","name":{"kind":"Name","value":"haPort"}},{"kind":"Field","name":{"kind":"Name","value":"subdomain"}},{"kind":"Field","name":{"kind":"Name","value":"deployedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanManage"}}]}}]} as unknown as DocumentNode<SmartHomeRetryMutation, SmartHomeRetryMutationVariables>;
export const SmartHomeDeleteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SmartHomeDelete"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteSmartHomeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteSmartHome"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"smartHome"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SmartHomeFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SmartHomeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SmartHome"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"tunnelID"}},{"kind":"Field","name":{"kind":"Name","value":"tunnelName"}},{"kind":"Field","name":{"kind":"Name","value":"tunnelRoute"}},{"kind":"Field","name":{"kind":"Name","value":"tunnelStatus"}},{"kind":"Field","name":{"kind":"Name","value":"connectorID"}},{"kind":"Field","name":{"kind":"Name","value":"connectorType"}},{"kind":"Field","name":{"kind":"Name","value":"connectedSince"}},{"kind":"Field","name":{"kind":"Name","value":"haPort"}},{"kind":"Field","name":{"kind":"Name","value":"subdomain"}},{"kind":"Field","name":{"kind":"Name","value":"deployedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanManage"}}]}}]} as unknown as DocumentNode<SmartHomeDeleteMutation, SmartHomeDeleteMutationVariables>;
export const WorkspaceSmartHomesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WorkspaceSmartHomes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workspace"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"smartHomes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"stateNEQ"},"value":{"kind":"EnumValue","value":"gone"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"field"},"value":{"kind":"EnumValue","value":"NAME"}},{"kind":"ObjectField","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"ASC"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SmartHomeFields"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SmartHomeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SmartHome"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"tunnelID"}},{"kind":"Field","name":{"kind":"Name","value":"tunnelName"}},{"kind":"Field","name":{"kind":"Name","value":"tunnelRoute"}},{"kind":"Field","name":{"kind":"Name","value":"tunnelStatus"}},{"kind":"Field","name":{"kind":"Name","value":"connectorID"}},{"kind":"Field","name":{"kind":"Name","value":"connectorType"}},{"kind":"Field","name":{"kind":"Name","value":"connectedSince"}},{"kind":"Field","name":{"kind":"Name","value":"haPort"}},{"kind":"Field","name":{"kind":"Name","value":"subdomain"}},{"kind":"Field","name":{"kind":"Name","value":"deployedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanManage"}}]}}]} as unknown as DocumentNode<WorkspaceSmartHomesQuery, WorkspaceSmartHomesQueryVariables>;
export const SmartHomeStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"SmartHomeStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"workspaceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Time"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"smartHomeStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"workspaceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"workspaceId"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SmartHomeFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SmartHomeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SmartHome"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"tunnelID"}},{"kind":"Field","name":{"kind":"Name","value":"tunnelName"}},{"kind":"Field","name":{"kind":"Name","value":"tunnelRoute"}},{"kind":"Field","name":{"kind":"Name","value":"tunnelStatus"}},{"kind":"Field","name":{"kind":"Name","value":"connectorID"}},{"kind":"Field","name":{"kind":"Name","value":"connectorType"}},{"kind":"Field","name":{"kind":"Name","value":"connectedSince"}},{"kind":"Field","name":{"kind":"Name","value":"haPort"}},{"kind":"Field","name":{"kind":"Name","value":"subdomain"}},{"kind":"Field","name":{"kind":"Name","value":"deployedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanManage"}}]}}]} as unknown as DocumentNode<SmartHomeStatusSubscription, SmartHomeStatusSubscriptionVariables>;
export const CreateSmartHomeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateSmartHome"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateSmartHomeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createSmartHome"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"smartHome"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SmartHomeFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SmartHomeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SmartHome"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"tunnelID"}},{"kind":"Field","name":{"kind":"Name","value":"tunnelName"}},{"kind":"Field","name":{"kind":"Name","value":"tunnelRoute"}},{"kind":"Field","name":{"kind":"Name","value":"tunnelStatus"}},{"kind":"Field","name":{"kind":"Name","value":"connectorID"}},{"kind":"Field","name":{"kind":"Name","value":"connectorType"}},{"kind":"Field","name":{"kind":"Name","value":"connectedSince"}},{"kind":"Field","name":{"kind":"Name","value":"haPort"}},{"kind":"Field","name":{"kind":"Name","value":"subdomain"}},{"kind":"Field","name":{"kind":"Name","value":"deployedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanManage"}}]}}]} as unknown as DocumentNode<CreateSmartHomeMutation, CreateSmartHomeMutationVariables>;
export const WorkspaceListCreateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WorkspaceListCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateWorkspaceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createWorkspace"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workspace"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}}]}}]}}]}}]} as unknown as DocumentNode<WorkspaceListCreateMutation, WorkspaceListCreateMutationVariables>;
export const TeamPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TeamPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workspace"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"WorkspaceViewerCan"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"invitedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pendingInvitations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkspaceViewerCan"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Workspace"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewerCanUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanManageMembers"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanAdminister"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanDeploy"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanLeave"}}]}}]} as unknown as DocumentNode<TeamPageQuery, TeamPageQueryVariables>;
export const TeamInviteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TeamInvite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InviteMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inviteMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invitation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"link"}}]}}]}}]} as unknown as DocumentNode<TeamInviteMutation, TeamInviteMutationVariables>;
export const TeamCancelInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TeamCancelInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CancelInvitationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invitation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"workspace"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TeamCancelInvitationMutation, TeamCancelInvitationMutationVariables>;
export const TeamInvitationLinkDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TeamInvitationLink"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateInvitationLinkInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createInvitationLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invitation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"link"}}]}}]}}]} as unknown as DocumentNode<TeamInvitationLinkMutation, TeamInvitationLinkMutationVariables>;
export const TeamUpdateRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TeamUpdateRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateMemberRoleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateMemberRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]}}]} as unknown as DocumentNode<TeamUpdateRoleMutation, TeamUpdateRoleMutationVariables>;
export const TeamRemoveMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TeamRemoveMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RemoveMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removedUserId"}},{"kind":"Field","name":{"kind":"Name","value":"workspace"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<TeamRemoveMemberMutation, TeamRemoveMemberMutationVariables>;
export const TeamLeaveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TeamLeave"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LeaveWorkspaceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leaveWorkspace"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workspaceId"}}]}}]}}]} as unknown as DocumentNode<TeamLeaveMutation, TeamLeaveMutationVariables>;
export const TeamTransferOwnershipDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TeamTransferOwnership"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TransferOwnershipInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transferOwnership"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workspace"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"ownerID"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"WorkspaceViewerCan"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkspaceViewerCan"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Workspace"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewerCanUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanManageMembers"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanAdminister"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanDeploy"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanLeave"}}]}}]} as unknown as DocumentNode<TeamTransferOwnershipMutation, TeamTransferOwnershipMutationVariables>;
export const WorkspaceDetailPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WorkspaceDetailPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workspace"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"WorkspaceViewerCan"}},{"kind":"Field","name":{"kind":"Name","value":"namespace"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"0"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"services"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"stateNEQ"},"value":{"kind":"EnumValue","value":"gone"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"field"},"value":{"kind":"EnumValue","value":"NAME"}},{"kind":"ObjectField","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"ASC"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"chartVersion"}},{"kind":"Field","name":{"kind":"Name","value":"helmRevision"}},{"kind":"Field","name":{"kind":"Name","value":"template"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"icon"}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkspaceViewerCan"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Workspace"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewerCanUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanManageMembers"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanAdminister"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanDeploy"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanLeave"}}]}}]} as unknown as DocumentNode<WorkspaceDetailPageQuery, WorkspaceDetailPageQueryVariables>;
export const WorkspaceDetailServicesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"WorkspaceDetailServices"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"workspaceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workspaceServices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"workspaceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"workspaceId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"chartVersion"}},{"kind":"Field","name":{"kind":"Name","value":"helmRevision"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ServiceViewerCan"}},{"kind":"Field","name":{"kind":"Name","value":"template"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"icon"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ServiceViewerCan"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Service"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewerCanUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanStop"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanStart"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanRollback"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanDelete"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanInspect"}}]}}]} as unknown as DocumentNode<WorkspaceDetailServicesSubscription, WorkspaceDetailServicesSubscriptionVariables>;
export const WorkspaceDetailUpdateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WorkspaceDetailUpdate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateWorkspaceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateWorkspace"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workspace"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]} as unknown as DocumentNode<WorkspaceDetailUpdateMutation, WorkspaceDetailUpdateMutationVariables>;
export const WorkspaceDetailArchiveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WorkspaceDetailArchive"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ArchiveWorkspaceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"archiveWorkspace"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workspace"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"WorkspaceViewerCan"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkspaceViewerCan"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Workspace"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewerCanUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanManageMembers"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanAdminister"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanDeploy"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanLeave"}}]}}]} as unknown as DocumentNode<WorkspaceDetailArchiveMutation, WorkspaceDetailArchiveMutationVariables>;
export const WorkspaceListPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WorkspaceListPage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workspaces"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"field"},"value":{"kind":"EnumValue","value":"NAME"}},{"kind":"ObjectField","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"ASC"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"0"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"services"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"0"}},{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"stateNEQ"},"value":{"kind":"EnumValue","value":"gone"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<WorkspaceListPageQuery, WorkspaceListPageQueryVariables>;