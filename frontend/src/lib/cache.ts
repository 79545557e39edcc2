// graphcache configuration. Objects that implement Node are normalised by
// id; the types below are values inside their parent (no id of their own).
// Each part of the app keeps its cache updates next to its pages and adds
// them here, so a mutation's effect on lists lives with the page that makes it.
import type { CacheExchangeOpts } from "@urql/exchange-graphcache";
import { mergeUpdates } from "./cacheUpdates";
import { workspaceUpdates } from "../pages/workspaces/cache";
import { serviceUpdates } from "../pages/services/cache";
import { activityUpdates } from "../pages/dashboard/cache";
import { marketplaceUpdates } from "../pages/marketplace/cache";
import { invitationUpdates } from "../pages/invitations/cache";
import { accountUpdates } from "../pages/auth/cache";
import { oauthUpdates } from "../pages/oauth/cache";
import { smartHomeUpdates } from "../pages/smarthomes/cache";
import { assistantUpdates } from "../pages/assistant/cache";

const embedded = () => null;

export const cacheConfig: CacheExchangeOpts = {
  keys: {
    Dashboard: embedded,
    StateCount: embedded,
    ValueSpecs: embedded,
    ValueSpec: embedded,
    Cluster: embedded,
    ValueChange: embedded,
    PageInfo: embedded,
    AuthPayload: embedded,
    LogoutPayload: embedded,
    WorkspacePayload: embedded,
    InviteMemberPayload: embedded,
    AcceptInvitationPayload: embedded,
    DeclineInvitationPayload: embedded,
    InvitationPayload: embedded,
    InvitationLinkPayload: embedded,
    RequestPasswordResetPayload: embedded,
    ResetPasswordPayload: embedded,
    RequestEmailVerificationPayload: embedded,
    VerifyEmailPayload: embedded,
    MemberPayload: embedded,
    RemoveMemberPayload: embedded,
    LeaveWorkspacePayload: embedded,
    AppTemplatePayload: embedded,
    ServicePayload: embedded,
    SmartHomePayload: embedded,
    ProfilePayload: embedded,
    ChangePasswordPayload: embedded,
    // Platform settings: one value of Query, its parts values of it.
    PlatformSettings: embedded,
    NamespaceQuota: embedded,
    SecretSetting: embedded,
    EnvironmentSetting: embedded,
    UpdatePlatformSettingsPayload: embedded,
    // An uploaded chart archive is named by its content: upload://<sha256>.
    UploadedChart: (c) => (c.chartRef as string) ?? null,
    DeleteUploadedChartPayload: embedded,
    // OAuth: requests, scopes and grants are values of their parent (a
    // grant belongs to the viewer's list); clients are Nodes.
    OAuthConsent: embedded,
    OAuthScope: embedded,
    OAuthDeviceRequest: embedded,
    OAuthGrant: embedded,
    AuthorizeOAuthClientPayload: embedded,
    ApproveOAuthDevicePayload: embedded,
    OAuthClientPayload: embedded,
    DeleteOAuthClientPayload: embedded,
    RevokeOAuthGrantPayload: embedded,
    // The assistant: messages, threads, agents and providers are Nodes.
    AIProviderPayload: embedded,
    DeleteAIProviderPayload: embedded,
    TestAIProviderPayload: embedded,
    AIAgentPayload: embedded,
    DeleteAIAgentPayload: embedded,
    ThreadPayload: embedded,
    DeleteThreadPayload: embedded,
    SendMessagePayload: embedded,
    MessagePayload: embedded,
    MessageStreamEvent: embedded,
  },
  updates: mergeUpdates(workspaceUpdates, serviceUpdates, activityUpdates, marketplaceUpdates, invitationUpdates, accountUpdates, oauthUpdates, smartHomeUpdates, assistantUpdates),
};
