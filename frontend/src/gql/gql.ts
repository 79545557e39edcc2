/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation Logout {\n    logout {\n      ok\n    }\n  }\n": typeof types.LogoutDocument,
    "\n  fragment ValueSpecFields on ValueSpec {\n    key\n    label\n    type\n    default\n    options\n    placeholder\n    description\n    minLength\n    maxLength\n    pattern\n    patternMessage\n    min\n    max\n    translations {\n      locale\n      label\n      description\n      placeholder\n      patternMessage\n    }\n  }\n": typeof types.ValueSpecFieldsFragmentDoc,
    "\n  query Viewer {\n    viewer {\n      id\n      name\n      email\n      # null until the account follows the link e-mailed to its address\n      emailVerifiedAt\n      platformAdmin\n      # the app's language: en, zh-TW, or \"\" to follow the browser\n      locale\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  query MyWorkspaces {\n    workspaces(first: 100, where: { state: active }, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          slug\n          viewerRole\n          viewerCanDeploy\n        }\n      }\n    }\n  }\n": typeof types.MyWorkspacesDocument,
    "\n  query AdminTemplates {\n    appTemplates(first: 100) {\n      edges {\n        node {\n          id\n          name\n          slug\n          description\n          fullDescription\n          translations {\n            locale\n            description\n            fullDescription\n          }\n          category\n          chartRef\n          chartRepoURL\n          chartVersion\n          defaultPort\n          ingressEnabled\n          active\n          valueSpecs {\n            required {\n              ...ValueSpecFields\n            }\n            optional {\n              ...ValueSpecFields\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.AdminTemplatesDocument,
    "\n  mutation AdminCreateTemplate($input: CreateAppTemplateInput!) {\n    createAppTemplate(input: $input) {\n      appTemplate {\n        id\n      }\n    }\n  }\n": typeof types.AdminCreateTemplateDocument,
    "\n  mutation AdminUpdateTemplate($input: UpdateAppTemplateInput!) {\n    updateAppTemplate(input: $input) {\n      appTemplate {\n        id\n        active\n      }\n    }\n  }\n": typeof types.AdminUpdateTemplateDocument,
    "\n  query AdminUsers($search: String, $first: Int, $after: Cursor) {\n    users(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          email\n          platformAdmin\n          disabled\n          lastLoginAt\n        }\n      }\n    }\n  }\n": typeof types.AdminUsersDocument,
    "\n  mutation SetPlatformAdmin($input: SetPlatformAdminInput!) {\n    setPlatformAdmin(input: $input) {\n      user {\n        id\n        platformAdmin\n        disabled\n      }\n    }\n  }\n": typeof types.SetPlatformAdminDocument,
    "\n  mutation SetUserDisabled($input: SetUserDisabledInput!) {\n    setUserDisabled(input: $input) {\n      user {\n        id\n        platformAdmin\n        disabled\n      }\n    }\n  }\n": typeof types.SetUserDisabledDocument,
    "\n  query PlatformSettings {\n    platformSettings {\n      serviceDomain\n      registration\n      namespaceQuota {\n        cpu\n        memory\n        storage\n      }\n      smtpUrl {\n        set\n      }\n      mailFrom\n      cloudflareApiToken {\n        set\n      }\n      cloudflareAccountId\n      cloudflareZoneId\n      fromEnvironment {\n        setting\n        variable\n      }\n    }\n  }\n": typeof types.PlatformSettingsDocument,
    "\n  mutation UpdatePlatformSettings($input: UpdatePlatformSettingsInput!) {\n    updatePlatformSettings(input: $input) {\n      settings {\n        serviceDomain\n        registration\n        namespaceQuota {\n          cpu\n          memory\n          storage\n        }\n        smtpUrl {\n          set\n        }\n        mailFrom\n        cloudflareApiToken {\n          set\n        }\n        cloudflareAccountId\n        cloudflareZoneId\n        fromEnvironment {\n          setting\n          variable\n        }\n      }\n    }\n  }\n": typeof types.UpdatePlatformSettingsDocument,
    "\n  query UploadedCharts {\n    uploadedCharts(first: 100) {\n      chartRef\n      name\n      version\n      size\n      uploadedAt\n      templates {\n        id\n        name\n      }\n    }\n  }\n": typeof types.UploadedChartsDocument,
    "\n  mutation DeleteUploadedChart($input: DeleteUploadedChartInput!) {\n    deleteUploadedChart(input: $input) {\n      deletedChartRef\n    }\n  }\n": typeof types.DeleteUploadedChartDocument,
    "\n  fragment AIProviderFields on AIProvider {\n    id\n    name\n    baseURL\n    defaultModel\n    active\n    hasApiKey\n  }\n": typeof types.AiProviderFieldsFragmentDoc,
    "\n  fragment AIAgentFields on AIAgent {\n    id\n    handle\n    displayName\n    description\n    systemPrompt\n    providerID\n    model\n    isDefault\n    active\n  }\n": typeof types.AiAgentFieldsFragmentDoc,
    "\n  query AIAdmin {\n    aiProviders {\n      ...AIProviderFields\n    }\n    aiAgents {\n      ...AIAgentFields\n    }\n  }\n": typeof types.AiAdminDocument,
    "\n  mutation CreateAIProvider($input: CreateAIProviderInput!) {\n    createAIProvider(input: $input) {\n      provider {\n        ...AIProviderFields\n      }\n    }\n  }\n": typeof types.CreateAiProviderDocument,
    "\n  mutation UpdateAIProvider($input: UpdateAIProviderInput!) {\n    updateAIProvider(input: $input) {\n      provider {\n        ...AIProviderFields\n      }\n    }\n  }\n": typeof types.UpdateAiProviderDocument,
    "\n  mutation DeleteAIProvider($input: DeleteAIProviderInput!) {\n    deleteAIProvider(input: $input) {\n      deletedId\n    }\n  }\n": typeof types.DeleteAiProviderDocument,
    "\n  mutation TestAIProvider($input: TestAIProviderInput!) {\n    testAIProvider(input: $input) {\n      ok\n      models\n      message\n    }\n  }\n": typeof types.TestAiProviderDocument,
    "\n  mutation CreateAIAgent($input: CreateAIAgentInput!) {\n    createAIAgent(input: $input) {\n      agent {\n        ...AIAgentFields\n      }\n    }\n  }\n": typeof types.CreateAiAgentDocument,
    "\n  mutation UpdateAIAgent($input: UpdateAIAgentInput!) {\n    updateAIAgent(input: $input) {\n      agent {\n        ...AIAgentFields\n      }\n    }\n  }\n": typeof types.UpdateAiAgentDocument,
    "\n  mutation DeleteAIAgent($input: DeleteAIAgentInput!) {\n    deleteAIAgent(input: $input) {\n      deletedId\n    }\n  }\n": typeof types.DeleteAiAgentDocument,
    "\n  fragment ChatMessageFields on AIMessage {\n    id\n    role\n    status\n    content\n    error\n    createdAt\n    authorUser {\n      id\n      name\n    }\n    authorAgent {\n      id\n      handle\n      displayName\n      avatarColor\n    }\n  }\n": typeof types.ChatMessageFieldsFragmentDoc,
    "\n  fragment ThreadFields on AIThread {\n    id\n    title\n    autoReply\n    createdAt\n    viewerCanDelete\n    createdBy {\n      id\n      name\n    }\n    defaultAgent {\n      id\n      handle\n      displayName\n    }\n  }\n": typeof types.ThreadFieldsFragmentDoc,
    "\n  query MentionAgents {\n    aiAgents {\n      id\n      handle\n      displayName\n      description\n      active\n      isDefault\n    }\n  }\n": typeof types.MentionAgentsDocument,
    "\n  query AssistantThreads($slug: String!) {\n    workspace(slug: $slug) {\n      id\n      name\n      slug\n      state\n      viewerRole\n      viewerCanChat\n      threads(first: 100, orderBy: { field: CREATED_AT, direction: DESC }) {\n        totalCount\n        edges {\n          node {\n            ...ThreadFields\n          }\n        }\n      }\n    }\n  }\n": typeof types.AssistantThreadsDocument,
    "\n  query ThreadPage($slug: String!, $id: ID!) {\n    workspace(slug: $slug) {\n      id\n      name\n      slug\n      state\n      viewerRole\n      viewerCanChat\n    }\n    node(id: $id) {\n      __typename\n      ... on AIThread {\n        ...ThreadFields\n        messages(last: 100, orderBy: { field: CREATED_AT, direction: ASC }) {\n          totalCount\n          edges {\n            node {\n              ...ChatMessageFields\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ThreadPageDocument,
    "\n  mutation CreateThread($input: CreateThreadInput!) {\n    createThread(input: $input) {\n      thread {\n        ...ThreadFields\n      }\n    }\n  }\n": typeof types.CreateThreadDocument,
    "\n  mutation DeleteThread($input: DeleteThreadInput!) {\n    deleteThread(input: $input) {\n      deletedId\n    }\n  }\n": typeof types.DeleteThreadDocument,
    "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      message {\n        ...ChatMessageFields\n      }\n      replies {\n        ...ChatMessageFields\n      }\n    }\n  }\n": typeof types.SendMessageDocument,
    "\n  mutation CancelGeneration($input: CancelGenerationInput!) {\n    cancelGeneration(input: $input) {\n      message {\n        ...ChatMessageFields\n      }\n    }\n  }\n": typeof types.CancelGenerationDocument,
    "\n  mutation RegenerateMessage($input: RegenerateMessageInput!) {\n    regenerateMessage(input: $input) {\n      message {\n        ...ChatMessageFields\n      }\n    }\n  }\n": typeof types.RegenerateMessageDocument,
    "\n  subscription MessageStream($threadId: ID!, $after: ID) {\n    messageStream(threadId: $threadId, after: $after) {\n      messageId\n      delta\n      status\n      reset\n      message {\n        ...ChatMessageFields\n      }\n    }\n  }\n": typeof types.MessageStreamDocument,
    "\n  mutation ForgotPasswordRequest($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) {\n      ok\n    }\n  }\n": typeof types.ForgotPasswordRequestDocument,
    "\n  mutation LoginSignIn($input: LoginInput!) {\n    login(input: $input) {\n      user {\n        id\n        name\n        email\n        platformAdmin\n      }\n    }\n  }\n": typeof types.LoginSignInDocument,
    "\n  mutation RegisterAccount($input: RegisterInput!) {\n    register(input: $input) {\n      user {\n        id\n        name\n        email\n        platformAdmin\n      }\n    }\n  }\n": typeof types.RegisterAccountDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      ok\n    }\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation RequestEmailVerification {\n    requestEmailVerification {\n      ok\n    }\n  }\n": typeof types.RequestEmailVerificationDocument,
    "\n  mutation VerifyEmail($input: VerifyEmailInput!) {\n    verifyEmail(input: $input) {\n      ok\n    }\n  }\n": typeof types.VerifyEmailDocument,
    "\n  query DashboardStats {\n    dashboard {\n      workspaces\n      members\n      servicesByState {\n        state\n        count\n      }\n      smartHomesByTunnelStatus {\n        state\n        count\n      }\n      openTasks\n      recentActivity(first: 20) {\n        edges {\n          node {\n            ...DashboardActivityEntry\n          }\n        }\n      }\n    }\n  }\n": typeof types.DashboardStatsDocument,
    "\n  query DashboardCluster {\n    cluster {\n      mode\n      reachable\n    }\n  }\n": typeof types.DashboardClusterDocument,
    "\n  fragment DashboardActivityEntry on ActivityEvent {\n    id\n    verb\n    summary\n    params\n    createdAt\n    actor {\n      id\n      name\n    }\n    workspace {\n      id\n      name\n      slug\n    }\n  }\n": typeof types.DashboardActivityEntryFragmentDoc,
    "\n  subscription DashboardActivity($workspaceId: ID!) {\n    activity(workspaceId: $workspaceId) {\n      ...DashboardActivityEntry\n    }\n  }\n": typeof types.DashboardActivityDocument,
    "\n  query InvitationByToken($token: String!) {\n    invitationByToken(token: $token) {\n      id\n      role\n      email\n      invitedBy\n      expiresAt\n      workspace {\n        id\n        name\n        slug\n      }\n    }\n  }\n": typeof types.InvitationByTokenDocument,
    "\n  mutation InvitationSignOut {\n    logout {\n      ok\n    }\n  }\n": typeof types.InvitationSignOutDocument,
    "\n  query ViewerPendingInvitations {\n    viewer {\n      id\n      pendingInvitations {\n        id\n        role\n        email\n        invitedBy\n        expiresAt\n        workspace {\n          id\n          name\n          slug\n        }\n      }\n    }\n  }\n": typeof types.ViewerPendingInvitationsDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      member {\n        id\n        role\n        workspace {\n          id\n          slug\n          name\n        }\n      }\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation DeclineInvitation($input: DeclineInvitationInput!) {\n    declineInvitation(input: $input) {\n      invitationId\n    }\n  }\n": typeof types.DeclineInvitationDocument,
    "\n  query ConfigureTemplate($slug: String!) {\n    appTemplate(slug: $slug) {\n      id\n      name\n      slug\n      description\n      fullDescription\n      translations {\n        locale\n        description\n        fullDescription\n      }\n      category\n      tags\n      icon\n      monthlyPrice\n      documentationURL\n      chartRef\n      chartRepoURL\n      chartVersion\n      defaultPort\n      minVcpu\n      minRAMGB\n      minStorageGB\n      active\n      valueSpecs {\n        required {\n          ...ValueSpecFields\n        }\n        optional {\n          ...ValueSpecFields\n        }\n      }\n    }\n  }\n": typeof types.ConfigureTemplateDocument,
    "\n  query ConfigureCluster {\n    cluster {\n      mode\n    }\n  }\n": typeof types.ConfigureClusterDocument,
    "\n  mutation ConfigureDeploy($input: DeployServiceInput!) {\n    deployService(input: $input) {\n      service {\n        id\n        name\n        state\n        workspaceID\n      }\n    }\n  }\n": typeof types.ConfigureDeployDocument,
    "\n  query MarketplaceTemplates($category: AppTemplateCategory, $search: String) {\n    appTemplates(category: $category, search: $search, first: 100, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          slug\n          description\n          translations {\n            locale\n            description\n          }\n          category\n          tags\n          icon\n          monthlyPrice\n          minVcpu\n          minRAMGB\n          minStorageGB\n          active\n        }\n      }\n    }\n  }\n": typeof types.MarketplaceTemplatesDocument,
    "\n  query OAuthConsent($input: OAuthConsentInput!) {\n    oauthConsent(input: $input) {\n      clientId\n      clientName\n      scopes {\n        name\n        description\n      }\n      redirectHost\n      registeredRedirect\n    }\n  }\n": typeof types.OAuthConsentDocument,
    "\n  mutation AuthorizeOAuthClient($input: AuthorizeOAuthClientInput!) {\n    authorizeOAuthClient(input: $input) {\n      redirectTo\n    }\n  }\n": typeof types.AuthorizeOAuthClientDocument,
    "\n  query OAuthDeviceRequest($userCode: String!) {\n    oauthDeviceRequest(userCode: $userCode) {\n      clientName\n      scopes {\n        name\n        description\n      }\n    }\n  }\n": typeof types.OAuthDeviceRequestDocument,
    "\n  mutation ApproveOAuthDevice($input: ApproveOAuthDeviceInput!) {\n    approveOAuthDevice(input: $input) {\n      clientName\n      scopes\n    }\n  }\n": typeof types.ApproveOAuthDeviceDocument,
    "\n  query WorkspaceProjects($slug: String!) {\n    workspace(slug: $slug) {\n      id\n      name\n      slug\n      state\n      viewerRole\n      viewerCanEditProjects\n      viewerCanAdminister\n      services(first: 100) {\n        edges {\n          node {\n            id\n            name\n          }\n        }\n      }\n      projects(first: 100, orderBy: { field: NAME, direction: ASC }) {\n        totalCount\n        edges {\n          node {\n            id\n            name\n            description\n            viewerCanEdit\n            service {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.WorkspaceProjectsDocument,
    "\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      project {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CreateProjectDocument,
    "\n  mutation DeleteProject($input: DeleteProjectInput!) {\n    deleteProject(input: $input) {\n      deletedId\n    }\n  }\n": typeof types.DeleteProjectDocument,
    "\n  query ServiceSupportProject($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Service {\n        name\n        supportProject {\n          id\n          name\n        }\n        workspace {\n          id\n          viewerRole\n          viewerCanEditProjects\n          state\n        }\n      }\n    }\n  }\n": typeof types.ServiceSupportProjectDocument,
    "\n  query BoardTaskThread($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Task {\n        thread {\n          id\n          messages(last: 50) {\n            edges {\n              node {\n                ...BoardChatMessage\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.BoardTaskThreadDocument,
    "\n  fragment BoardChatMessage on AIMessage {\n    id\n    role\n    content\n    status\n    error\n    authorUser {\n      name\n    }\n    authorAgent {\n      handle\n      displayName\n    }\n  }\n": typeof types.BoardChatMessageFragmentDoc,
    "\n  subscription BoardMessageStream($threadId: ID!, $after: ID) {\n    messageStream(threadId: $threadId, after: $after) {\n      messageId\n      delta\n      status\n      reset\n      message {\n        ...BoardChatMessage\n      }\n    }\n  }\n": typeof types.BoardMessageStreamDocument,
    "\n  mutation BoardSendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      message {\n        ...BoardChatMessage\n      }\n    }\n  }\n": typeof types.BoardSendMessageDocument,
    "\n  query BoardWorkspaceMembers($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Workspace {\n        members(first: 100) {\n          edges {\n            node {\n              id\n              user {\n                id\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.BoardWorkspaceMembersDocument,
    "\n  fragment BoardTaskFields on Task {\n    id\n    title\n    description\n    stageID\n    rank\n    priority\n    deadline\n    tags\n    assignee {\n      id\n      name\n    }\n  }\n": typeof types.BoardTaskFieldsFragmentDoc,
    "\n  query ProjectBoard($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Project {\n        id\n        name\n        description\n        viewerCanEdit\n        workspace {\n          id\n          name\n          slug\n          state\n        }\n        service {\n          id\n          name\n        }\n        stages {\n          id\n          name\n          sequence\n          folded\n          tasks {\n            ...BoardTaskFields\n          }\n        }\n      }\n    }\n  }\n": typeof types.ProjectBoardDocument,
    "\n  subscription ProjectBoardEvents($projectId: ID!) {\n    projectBoard(projectId: $projectId) {\n      change\n      deletedId\n      task {\n        ...BoardTaskFields\n      }\n      stage {\n        id\n        name\n        sequence\n        folded\n      }\n      project {\n        id\n        name\n        description\n      }\n    }\n  }\n": typeof types.ProjectBoardEventsDocument,
    "\n  mutation BoardCreateTask($input: CreateTaskInput!) {\n    createTask(input: $input) {\n      task {\n        ...BoardTaskFields\n      }\n    }\n  }\n": typeof types.BoardCreateTaskDocument,
    "\n  mutation BoardMoveTask($input: MoveTaskInput!) {\n    moveTask(input: $input) {\n      task {\n        ...BoardTaskFields\n      }\n    }\n  }\n": typeof types.BoardMoveTaskDocument,
    "\n  mutation BoardUpdateTask($input: UpdateTaskInput!) {\n    updateTask(input: $input) {\n      task {\n        ...BoardTaskFields\n      }\n    }\n  }\n": typeof types.BoardUpdateTaskDocument,
    "\n  mutation BoardDeleteTask($input: DeleteTaskInput!) {\n    deleteTask(input: $input) {\n      deletedId\n    }\n  }\n": typeof types.BoardDeleteTaskDocument,
    "\n  mutation BoardCreateStage($input: CreateTaskStageInput!) {\n    createTaskStage(input: $input) {\n      stage {\n        id\n        name\n        sequence\n        folded\n      }\n    }\n  }\n": typeof types.BoardCreateStageDocument,
    "\n  mutation BoardUpdateStage($input: UpdateTaskStageInput!) {\n    updateTaskStage(input: $input) {\n      stage {\n        id\n        name\n        sequence\n        folded\n      }\n    }\n  }\n": typeof types.BoardUpdateStageDocument,
    "\n  mutation BoardMoveStage($input: MoveTaskStageInput!) {\n    moveTaskStage(input: $input) {\n      stage {\n        id\n        name\n        sequence\n        folded\n      }\n    }\n  }\n": typeof types.BoardMoveStageDocument,
    "\n  mutation BoardDeleteStage($input: DeleteTaskStageInput!) {\n    deleteTaskStage(input: $input) {\n      deletedId\n    }\n  }\n": typeof types.BoardDeleteStageDocument,
    "\n  mutation ServiceDetailUpdate($input: UpdateServiceInput!) {\n    updateService(input: $input) {\n      service {\n        id\n        state\n        errorMessage\n        chartVersion\n        values\n        ...ServiceViewerCan\n      }\n    }\n  }\n": typeof types.ServiceDetailUpdateDocument,
    "\n  query ServiceDetail($id: ID!) {\n    cluster {\n      mode\n    }\n    node(id: $id) {\n      __typename\n      id\n      ... on Service {\n        id\n        name\n        state\n        errorMessage\n        errorDetail\n        url\n        chartVersion\n        helmRevision\n        deployedAt\n        lastUpgradedAt\n        releaseName\n        namespace\n        values\n        createdAt\n        ...ServiceViewerCan\n        workspace {\n          id\n          name\n          slug\n          state\n          viewerRole\n        }\n        template {\n          id\n          name\n          slug\n          chartRef\n          chartVersion\n          valueSpecs {\n            required {\n              ...ValueSpecFields\n            }\n            optional {\n              ...ValueSpecFields\n            }\n          }\n        }\n        revisions(first: 50, orderBy: { field: REVISION, direction: DESC }) {\n          totalCount\n          edges {\n            node {\n              id\n              revision\n              chartVersion\n              appVersion\n              status\n              description\n              createdAt\n            }\n          }\n        }\n        events(last: 100, orderBy: { field: CREATED_AT, direction: ASC }) {\n          totalCount\n          edges {\n            node {\n              id\n              createdAt\n              state\n              level\n              message\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ServiceDetailDocument,
    "\n  query ServiceDetailState($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Service {\n        id\n        state\n        errorMessage\n        errorDetail\n        helmRevision\n        ...ServiceViewerCan\n      }\n    }\n  }\n": typeof types.ServiceDetailStateDocument,
    "\n  subscription ServiceEvents($serviceId: ID!) {\n    serviceEvents(serviceId: $serviceId) {\n      id\n      createdAt\n      state\n      level\n      message\n      service {\n        id\n        state\n        errorMessage\n        errorDetail\n        helmRevision\n        chartVersion\n        deployedAt\n        lastUpgradedAt\n        ...ServiceViewerCan\n      }\n    }\n  }\n": typeof types.ServiceEventsDocument,
    "\n  mutation ServiceDetailStop($input: StopServiceInput!) {\n    stopService(input: $input) {\n      service {\n        id\n        state\n        errorMessage\n        errorDetail\n        ...ServiceViewerCan\n      }\n    }\n  }\n": typeof types.ServiceDetailStopDocument,
    "\n  mutation ServiceDetailStart($input: StartServiceInput!) {\n    startService(input: $input) {\n      service {\n        id\n        state\n        errorMessage\n        errorDetail\n        ...ServiceViewerCan\n      }\n    }\n  }\n": typeof types.ServiceDetailStartDocument,
    "\n  mutation ServiceDetailRetry($input: UpdateServiceInput!) {\n    updateService(input: $input) {\n      service {\n        id\n        state\n        errorMessage\n        errorDetail\n        ...ServiceViewerCan\n      }\n    }\n  }\n": typeof types.ServiceDetailRetryDocument,
    "\n  mutation ServiceDetailDelete($input: DeleteServiceInput!) {\n    deleteService(input: $input) {\n      service {\n        id\n        state\n        errorMessage\n        errorDetail\n        ...ServiceViewerCan\n      }\n    }\n  }\n": typeof types.ServiceDetailDeleteDocument,
    "\n  query ServiceDetailManifest($serviceId: ID!) {\n    serviceManifest(serviceId: $serviceId)\n  }\n": typeof types.ServiceDetailManifestDocument,
    "\n  query ServiceDetailValuesDiff($serviceId: ID!, $from: Int!, $to: Int!) {\n    serviceValuesDiff(serviceId: $serviceId, from: $from, to: $to) {\n      key\n      kind\n      old\n      new\n      secret\n    }\n  }\n": typeof types.ServiceDetailValuesDiffDocument,
    "\n  mutation ServiceDetailRollback($input: RollbackServiceInput!) {\n    rollbackService(input: $input) {\n      service {\n        id\n        state\n        errorMessage\n        ...ServiceViewerCan\n      }\n    }\n  }\n": typeof types.ServiceDetailRollbackDocument,
    "\n  fragment ServiceViewerCan on Service {\n    viewerCanUpdate\n    viewerCanStop\n    viewerCanStart\n    viewerCanRollback\n    viewerCanDelete\n    viewerCanInspect\n  }\n": typeof types.ServiceViewerCanFragmentDoc,
    "\n  query SettingsOAuthGrants($id: ID!) {\n    node(id: $id) {\n      ... on User {\n        id\n        oauthGrants {\n          clientId\n          clientName\n          scopes\n          grantedAt\n          lastUsedAt\n        }\n      }\n    }\n  }\n": typeof types.SettingsOAuthGrantsDocument,
    "\n  mutation RevokeOAuthGrant($input: RevokeOAuthGrantInput!) {\n    revokeOAuthGrant(input: $input) {\n      clientId\n    }\n  }\n": typeof types.RevokeOAuthGrantDocument,
    "\n  query SettingsOAuthClients {\n    oauthClients(first: 100) {\n      edges {\n        node {\n          id\n          clientId\n          name\n          public\n          redirectUris\n          allowedScopes\n          createdAt\n        }\n      }\n    }\n  }\n": typeof types.SettingsOAuthClientsDocument,
    "\n  mutation CreateOAuthClient($input: CreateOAuthClientInput!) {\n    createOAuthClient(input: $input) {\n      client {\n        id\n        clientId\n        name\n        public\n        redirectUris\n        allowedScopes\n        createdAt\n      }\n      clientSecret\n    }\n  }\n": typeof types.CreateOAuthClientDocument,
    "\n  mutation RotateOAuthClientSecret($input: RotateOAuthClientSecretInput!) {\n    rotateOAuthClientSecret(input: $input) {\n      client {\n        id\n      }\n      clientSecret\n    }\n  }\n": typeof types.RotateOAuthClientSecretDocument,
    "\n  mutation DeleteOAuthClient($input: DeleteOAuthClientInput!) {\n    deleteOAuthClient(input: $input) {\n      deletedId\n    }\n  }\n": typeof types.DeleteOAuthClientDocument,
    "\n  mutation SettingsUpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      user {\n        id\n        name\n        email\n        # A new address is not confirmed: the server clears it.\n        emailVerifiedAt\n        locale\n      }\n    }\n  }\n": typeof types.SettingsUpdateProfileDocument,
    "\n  mutation SettingsChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      ok\n    }\n  }\n": typeof types.SettingsChangePasswordDocument,
    "\n  query SmartHomeDetail($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on SmartHome {\n        ...SmartHomeFields\n        workspace {\n          id\n          name\n          slug\n          state\n        }\n      }\n    }\n  }\n": typeof types.SmartHomeDetailDocument,
    "\n  query SmartHomeDetailState($id: ID!) {\n    node(id: $id) {\n      id\n      ... on SmartHome {\n        ...SmartHomeFields\n      }\n    }\n  }\n": typeof types.SmartHomeDetailStateDocument,
    "\n  query SmartHomeTunnelToken($id: ID!) {\n    node(id: $id) {\n      id\n      ... on SmartHome {\n        id\n        tunnelToken\n      }\n    }\n  }\n": typeof types.SmartHomeTunnelTokenDocument,
    "\n  mutation SmartHomeRefresh($input: RefreshSmartHomeStatusInput!) {\n    refreshSmartHomeStatus(input: $input) {\n      smartHome {\n        ...SmartHomeFields\n      }\n    }\n  }\n": typeof types.SmartHomeRefreshDocument,
    "\n  mutation SmartHomeRetry($input: RetrySmartHomeInput!) {\n    retrySmartHome(input: $input) {\n      smartHome {\n        ...SmartHomeFields\n      }\n    }\n  }\n": typeof types.SmartHomeRetryDocument,
    "\n  mutation SmartHomeDelete($input: DeleteSmartHomeInput!) {\n    deleteSmartHome(input: $input) {\n      smartHome {\n        ...SmartHomeFields\n      }\n    }\n  }\n": typeof types.SmartHomeDeleteDocument,
    "\n  query WorkspaceSmartHomes($slug: String!) {\n    workspace(slug: $slug) {\n      id\n      smartHomes(first: 100, where: { stateNEQ: gone }, orderBy: { field: NAME, direction: ASC }) {\n        totalCount\n        edges {\n          node {\n            ...SmartHomeFields\n          }\n        }\n      }\n    }\n  }\n": typeof types.WorkspaceSmartHomesDocument,
    "\n  subscription SmartHomeStatus($workspaceId: ID!, $after: Time) {\n    smartHomeStatus(workspaceId: $workspaceId, after: $after) {\n      ...SmartHomeFields\n    }\n  }\n": typeof types.SmartHomeStatusDocument,
    "\n  mutation CreateSmartHome($input: CreateSmartHomeInput!) {\n    createSmartHome(input: $input) {\n      smartHome {\n        ...SmartHomeFields\n      }\n    }\n  }\n": typeof types.CreateSmartHomeDocument,
    "\n  fragment SmartHomeFields on SmartHome {\n    id\n    name\n    state\n    errorMessage\n    tunnelID\n    tunnelName\n    tunnelRoute\n    tunnelStatus\n    connectorID\n    connectorType\n    connectedSince\n    haPort\n    subdomain\n    deployedAt\n    createdAt\n    updatedAt\n    viewerCanManage\n  }\n": typeof types.SmartHomeFieldsFragmentDoc,
    "\n  mutation WorkspaceListCreate($input: CreateWorkspaceInput!) {\n    createWorkspace(input: $input) {\n      workspace {\n        id\n        name\n        slug\n        description\n        state\n        viewerRole\n      }\n    }\n  }\n": typeof types.WorkspaceListCreateDocument,
    "\n  query TeamPage($slug: String!) {\n    workspace(slug: $slug) {\n      id\n      name\n      slug\n      state\n      viewerRole\n      ...WorkspaceViewerCan\n      members(first: 100) {\n        totalCount\n        edges {\n          node {\n            id\n            role\n            invitedAt\n            createdAt\n            user {\n              id\n              name\n              email\n            }\n          }\n        }\n      }\n      pendingInvitations {\n        id\n        email\n        role\n        status\n        expiresAt\n        createdAt\n      }\n    }\n  }\n": typeof types.TeamPageDocument,
    "\n  mutation TeamInvite($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      invitation {\n        id\n        email\n        role\n        status\n        expiresAt\n        createdAt\n      }\n      link\n    }\n  }\n": typeof types.TeamInviteDocument,
    "\n  mutation TeamCancelInvitation($input: CancelInvitationInput!) {\n    cancelInvitation(input: $input) {\n      invitation {\n        id\n        status\n        workspace {\n          id\n        }\n      }\n    }\n  }\n": typeof types.TeamCancelInvitationDocument,
    "\n  mutation TeamInvitationLink($input: CreateInvitationLinkInput!) {\n    createInvitationLink(input: $input) {\n      invitation {\n        id\n        status\n        expiresAt\n      }\n      link\n    }\n  }\n": typeof types.TeamInvitationLinkDocument,
    "\n  mutation TeamUpdateRole($input: UpdateMemberRoleInput!) {\n    updateMemberRole(input: $input) {\n      member {\n        id\n        role\n      }\n    }\n  }\n": typeof types.TeamUpdateRoleDocument,
    "\n  mutation TeamRemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      removedUserId\n      workspace {\n        id\n      }\n    }\n  }\n": typeof types.TeamRemoveMemberDocument,
    "\n  mutation TeamLeave($input: LeaveWorkspaceInput!) {\n    leaveWorkspace(input: $input) {\n      workspaceId\n    }\n  }\n": typeof types.TeamLeaveDocument,
    "\n  mutation TeamTransferOwnership($input: TransferOwnershipInput!) {\n    transferOwnership(input: $input) {\n      workspace {\n        id\n        ownerID\n        viewerRole\n        ...WorkspaceViewerCan\n      }\n    }\n  }\n": typeof types.TeamTransferOwnershipDocument,
    "\n  query WorkspaceDetailPage($slug: String!) {\n    workspace(slug: $slug) {\n      id\n      name\n      slug\n      description\n      state\n      viewerRole\n      ...WorkspaceViewerCan\n      namespace\n      members(first: 0) {\n        totalCount\n      }\n      services(first: 100, where: { stateNEQ: gone }, orderBy: { field: NAME, direction: ASC }) {\n        totalCount\n        edges {\n          node {\n            id\n            name\n            state\n            errorMessage\n            url\n            chartVersion\n            helmRevision\n            template {\n              id\n              name\n              slug\n              icon\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.WorkspaceDetailPageDocument,
    "\n  subscription WorkspaceDetailServices($workspaceId: ID!) {\n    workspaceServices(workspaceId: $workspaceId) {\n      id\n      name\n      state\n      errorMessage\n      url\n      chartVersion\n      helmRevision\n      ...ServiceViewerCan\n      template {\n        id\n        name\n        slug\n        icon\n      }\n    }\n  }\n": typeof types.WorkspaceDetailServicesDocument,
    "\n  mutation WorkspaceDetailUpdate($input: UpdateWorkspaceInput!) {\n    updateWorkspace(input: $input) {\n      workspace {\n        id\n        name\n        description\n      }\n    }\n  }\n": typeof types.WorkspaceDetailUpdateDocument,
    "\n  mutation WorkspaceDetailArchive($input: ArchiveWorkspaceInput!) {\n    archiveWorkspace(input: $input) {\n      workspace {\n        id\n        state\n        ...WorkspaceViewerCan\n      }\n    }\n  }\n": typeof types.WorkspaceDetailArchiveDocument,
    "\n  query WorkspaceListPage {\n    workspaces(first: 100, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          slug\n          description\n          state\n          viewerRole\n          members(first: 0) {\n            totalCount\n          }\n          services(first: 0, where: { stateNEQ: gone }) {\n            totalCount\n          }\n        }\n      }\n    }\n  }\n": typeof types.WorkspaceListPageDocument,
    "\n  fragment WorkspaceViewerCan on Workspace {\n    viewerCanUpdate\n    viewerCanManageMembers\n    viewerCanAdminister\n    viewerCanDeploy\n    viewerCanLeave\n  }\n": typeof types.WorkspaceViewerCanFragmentDoc,
};
const documents: Documents = {
    "\n  mutation Logout {\n    logout {\n      ok\n    }\n  }\n": types.LogoutDocument,
    "\n  fragment ValueSpecFields on ValueSpec {\n    key\n    label\n    type\n    default\n    options\n    placeholder\n    description\n    minLength\n    maxLength\n    pattern\n    patternMessage\n    min\n    max\n    translations {\n      locale\n      label\n      description\n      placeholder\n      patternMessage\n    }\n  }\n": types.ValueSpecFieldsFragmentDoc,
    "\n  query Viewer {\n    viewer {\n      id\n      name\n      email\n      # null until the account follows the link e-mailed to its address\n      emailVerifiedAt\n      platformAdmin\n      # the app's language: en, zh-TW, or \"\" to follow the browser\n      locale\n    }\n  }\n": types.ViewerDocument,
    "\n  query MyWorkspaces {\n    workspaces(first: 100, where: { state: active }, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          slug\n          viewerRole\n          viewerCanDeploy\n        }\n      }\n    }\n  }\n": types.MyWorkspacesDocument,
    "\n  query AdminTemplates {\n    appTemplates(first: 100) {\n      edges {\n        node {\n          id\n          name\n          slug\n          description\n          fullDescription\n          translations {\n            locale\n            description\n            fullDescription\n          }\n          category\n          chartRef\n          chartRepoURL\n          chartVersion\n          defaultPort\n          ingressEnabled\n          active\n          valueSpecs {\n            required {\n              ...ValueSpecFields\n            }\n            optional {\n              ...ValueSpecFields\n            }\n          }\n        }\n      }\n    }\n  }\n": types.AdminTemplatesDocument,
    "\n  mutation AdminCreateTemplate($input: CreateAppTemplateInput!) {\n    createAppTemplate(input: $input) {\n      appTemplate {\n        id\n      }\n    }\n  }\n": types.AdminCreateTemplateDocument,
    "\n  mutation AdminUpdateTemplate($input: UpdateAppTemplateInput!) {\n    updateAppTemplate(input: $input) {\n      appTemplate {\n        id\n        active\n      }\n    }\n  }\n": types.AdminUpdateTemplateDocument,
    "\n  query AdminUsers($search: String, $first: Int, $after: Cursor) {\n    users(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          email\n          platformAdmin\n          disabled\n          lastLoginAt\n        }\n      }\n    }\n  }\n": types.AdminUsersDocument,
    "\n  mutation SetPlatformAdmin($input: SetPlatformAdminInput!) {\n    setPlatformAdmin(input: $input) {\n      user {\n        id\n        platformAdmin\n        disabled\n      }\n    }\n  }\n": types.SetPlatformAdminDocument,
    "\n  mutation SetUserDisabled($input: SetUserDisabledInput!) {\n    setUserDisabled(input: $input) {\n      user {\n        id\n        platformAdmin\n        disabled\n      }\n    }\n  }\n": types.SetUserDisabledDocument,
    "\n  query PlatformSettings {\n    platformSettings {\n      serviceDomain\n      registration\n      namespaceQuota {\n        cpu\n        memory\n        storage\n      }\n      smtpUrl {\n        set\n      }\n      mailFrom\n      cloudflareApiToken {\n        set\n      }\n      cloudflareAccountId\n      cloudflareZoneId\n      fromEnvironment {\n        setting\n        variable\n      }\n    }\n  }\n": types.PlatformSettingsDocument,
    "\n  mutation UpdatePlatformSettings($input: UpdatePlatformSettingsInput!) {\n    updatePlatformSettings(input: $input) {\n      settings {\n        serviceDomain\n        registration\n        namespaceQuota {\n          cpu\n          memory\n          storage\n        }\n        smtpUrl {\n          set\n        }\n        mailFrom\n        cloudflareApiToken {\n          set\n        }\n        cloudflareAccountId\n        cloudflareZoneId\n        fromEnvironment {\n          setting\n          variable\n        }\n      }\n    }\n  }\n": types.UpdatePlatformSettingsDocument,
    "\n  query UploadedCharts {\n    uploadedCharts(first: 100) {\n      chartRef\n      name\n      version\n      size\n      uploadedAt\n      templates {\n        id\n        name\n      }\n    }\n  }\n": types.UploadedChartsDocument,
    "\n  mutation DeleteUploadedChart($input: DeleteUploadedChartInput!) {\n    deleteUploadedChart(input: $input) {\n      deletedChartRef\n    }\n  }\n": types.DeleteUploadedChartDocument,
    "\n  fragment AIProviderFields on AIProvider {\n    id\n    name\n    baseURL\n    defaultModel\n    active\n    hasApiKey\n  }\n": types.AiProviderFieldsFragmentDoc,
    "\n  fragment AIAgentFields on AIAgent {\n    id\n    handle\n    displayName\n    description\n    systemPrompt\n    providerID\n    model\n    isDefault\n    active\n  }\n": types.AiAgentFieldsFragmentDoc,
    "\n  query AIAdmin {\n    aiProviders {\n      ...AIProviderFields\n    }\n    aiAgents {\n      ...AIAgentFields\n    }\n  }\n": types.AiAdminDocument,
    "\n  mutation CreateAIProvider($input: CreateAIProviderInput!) {\n    createAIProvider(input: $input) {\n      provider {\n        ...AIProviderFields\n      }\n    }\n  }\n": types.CreateAiProviderDocument,
    "\n  mutation UpdateAIProvider($input: UpdateAIProviderInput!) {\n    updateAIProvider(input: $input) {\n      provider {\n        ...AIProviderFields\n      }\n    }\n  }\n": types.UpdateAiProviderDocument,
    "\n  mutation DeleteAIProvider($input: DeleteAIProviderInput!) {\n    deleteAIProvider(input: $input) {\n      deletedId\n    }\n  }\n": types.DeleteAiProviderDocument,
    "\n  mutation TestAIProvider($input: TestAIProviderInput!) {\n    testAIProvider(input: $input) {\n      ok\n      models\n      message\n    }\n  }\n": types.TestAiProviderDocument,
    "\n  mutation CreateAIAgent($input: CreateAIAgentInput!) {\n    createAIAgent(input: $input) {\n      agent {\n        ...AIAgentFields\n      }\n    }\n  }\n": types.CreateAiAgentDocument,
    "\n  mutation UpdateAIAgent($input: UpdateAIAgentInput!) {\n    updateAIAgent(input: $input) {\n      agent {\n        ...AIAgentFields\n      }\n    }\n  }\n": types.UpdateAiAgentDocument,
    "\n  mutation DeleteAIAgent($input: DeleteAIAgentInput!) {\n    deleteAIAgent(input: $input) {\n      deletedId\n    }\n  }\n": types.DeleteAiAgentDocument,
    "\n  fragment ChatMessageFields on AIMessage {\n    id\n    role\n    status\n    content\n    error\n    createdAt\n    authorUser {\n      id\n      name\n    }\n    authorAgent {\n      id\n      handle\n      displayName\n      avatarColor\n    }\n  }\n": types.ChatMessageFieldsFragmentDoc,
    "\n  fragment ThreadFields on AIThread {\n    id\n    title\n    autoReply\n    createdAt\n    viewerCanDelete\n    createdBy {\n      id\n      name\n    }\n    defaultAgent {\n      id\n      handle\n      displayName\n    }\n  }\n": types.ThreadFieldsFragmentDoc,
    "\n  query MentionAgents {\n    aiAgents {\n      id\n      handle\n      displayName\n      description\n      active\n      isDefault\n    }\n  }\n": types.MentionAgentsDocument,
    "\n  query AssistantThreads($slug: String!) {\n    workspace(slug: $slug) {\n      id\n      name\n      slug\n      state\n      viewerRole\n      viewerCanChat\n      threads(first: 100, orderBy: { field: CREATED_AT, direction: DESC }) {\n        totalCount\n        edges {\n          node {\n            ...ThreadFields\n          }\n        }\n      }\n    }\n  }\n": types.AssistantThreadsDocument,
    "\n  query ThreadPage($slug: String!, $id: ID!) {\n    workspace(slug: $slug) {\n      id\n      name\n      slug\n      state\n      viewerRole\n      viewerCanChat\n    }\n    node(id: $id) {\n      __typename\n      ... on AIThread {\n        ...ThreadFields\n        messages(last: 100, orderBy: { field: CREATED_AT, direction: ASC }) {\n          totalCount\n          edges {\n            node {\n              ...ChatMessageFields\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ThreadPageDocument,
    "\n  mutation CreateThread($input: CreateThreadInput!) {\n    createThread(input: $input) {\n      thread {\n        ...ThreadFields\n      }\n    }\n  }\n": types.CreateThreadDocument,
    "\n  mutation DeleteThread($input: DeleteThreadInput!) {\n    deleteThread(input: $input) {\n      deletedId\n    }\n  }\n": types.DeleteThreadDocument,
    "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      message {\n        ...ChatMessageFields\n      }\n      replies {\n        ...ChatMessageFields\n      }\n    }\n  }\n": types.SendMessageDocument,
    "\n  mutation CancelGeneration($input: CancelGenerationInput!) {\n    cancelGeneration(input: $input) {\n      message {\n        ...ChatMessageFields\n      }\n    }\n  }\n": types.CancelGenerationDocument,
    "\n  mutation RegenerateMessage($input: RegenerateMessageInput!) {\n    regenerateMessage(input: $input) {\n      message {\n        ...ChatMessageFields\n      }\n    }\n  }\n": types.RegenerateMessageDocument,
    "\n  subscription MessageStream($threadId: ID!, $after: ID) {\n    messageStream(threadId: $threadId, after: $after) {\n      messageId\n      delta\n      status\n      reset\n      message {\n        ...ChatMessageFields\n      }\n    }\n  }\n": types.MessageStreamDocument,
    "\n  mutation ForgotPasswordRequest($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) {\n      ok\n    }\n  }\n": types.ForgotPasswordRequestDocument,
    "\n  mutation LoginSignIn($input: LoginInput!) {\n    login(input: $input) {\n      user {\n        id\n        name\n        email\n        platformAdmin\n      }\n    }\n  }\n": types.LoginSignInDocument,
    "\n  mutation RegisterAccount($input: RegisterInput!) {\n    register(input: $input) {\n      user {\n        id\n        name\n        email\n        platformAdmin\n      }\n    }\n  }\n": types.RegisterAccountDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      ok\n    }\n  }\n": types.ResetPasswordDocument,
    "\n  mutation RequestEmailVerification {\n    requestEmailVerification {\n      ok\n    }\n  }\n": types.RequestEmailVerificationDocument,
    "\n  mutation VerifyEmail($input: VerifyEmailInput!) {\n    verifyEmail(input: $input) {\n      ok\n    }\n  }\n": types.VerifyEmailDocument,
    "\n  query DashboardStats {\n    dashboard {\n      workspaces\n      members\n      servicesByState {\n        state\n        count\n      }\n      smartHomesByTunnelStatus {\n        state\n        count\n      }\n      openTasks\n      recentActivity(first: 20) {\n        edges {\n          node {\n            ...DashboardActivityEntry\n          }\n        }\n      }\n    }\n  }\n": types.DashboardStatsDocument,
    "\n  query DashboardCluster {\n    cluster {\n      mode\n      reachable\n    }\n  }\n": types.DashboardClusterDocument,
    "\n  fragment DashboardActivityEntry on ActivityEvent {\n    id\n    verb\n    summary\n    params\n    createdAt\n    actor {\n      id\n      name\n    }\n    workspace {\n      id\n      name\n      slug\n    }\n  }\n": types.DashboardActivityEntryFragmentDoc,
    "\n  subscription DashboardActivity($workspaceId: ID!) {\n    activity(workspaceId: $workspaceId) {\n      ...DashboardActivityEntry\n    }\n  }\n": types.DashboardActivityDocument,
    "\n  query InvitationByToken($token: String!) {\n    invitationByToken(token: $token) {\n      id\n      role\n      email\n      invitedBy\n      expiresAt\n      workspace {\n        id\n        name\n        slug\n      }\n    }\n  }\n": types.InvitationByTokenDocument,
    "\n  mutation InvitationSignOut {\n    logout {\n      ok\n    }\n  }\n": types.InvitationSignOutDocument,
    "\n  query ViewerPendingInvitations {\n    viewer {\n      id\n      pendingInvitations {\n        id\n        role\n        email\n        invitedBy\n        expiresAt\n        workspace {\n          id\n          name\n          slug\n        }\n      }\n    }\n  }\n": types.ViewerPendingInvitationsDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      member {\n        id\n        role\n        workspace {\n          id\n          slug\n          name\n        }\n      }\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  mutation DeclineInvitation($input: DeclineInvitationInput!) {\n    declineInvitation(input: $input) {\n      invitationId\n    }\n  }\n": types.DeclineInvitationDocument,
    "\n  query ConfigureTemplate($slug: String!) {\n    appTemplate(slug: $slug) {\n      id\n      name\n      slug\n      description\n      fullDescription\n      translations {\n        locale\n        description\n        fullDescription\n      }\n      category\n      tags\n      icon\n      monthlyPrice\n      documentationURL\n      chartRef\n      chartRepoURL\n      chartVersion\n      defaultPort\n      minVcpu\n      minRAMGB\n      minStorageGB\n      active\n      valueSpecs {\n        required {\n          ...ValueSpecFields\n        }\n        optional {\n          ...ValueSpecFields\n        }\n      }\n    }\n  }\n": types.ConfigureTemplateDocument,
    "\n  query ConfigureCluster {\n    cluster {\n      mode\n    }\n  }\n": types.ConfigureClusterDocument,
    "\n  mutation ConfigureDeploy($input: DeployServiceInput!) {\n    deployService(input: $input) {\n      service {\n        id\n        name\n        state\n        workspaceID\n      }\n    }\n  }\n": types.ConfigureDeployDocument,
    "\n  query MarketplaceTemplates($category: AppTemplateCategory, $search: String) {\n    appTemplates(category: $category, search: $search, first: 100, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          slug\n          description\n          translations {\n            locale\n            description\n          }\n          category\n          tags\n          icon\n          monthlyPrice\n          minVcpu\n          minRAMGB\n          minStorageGB\n          active\n        }\n      }\n    }\n  }\n": types.MarketplaceTemplatesDocument,
    "\n  query OAuthConsent($input: OAuthConsentInput!) {\n    oauthConsent(input: $input) {\n      clientId\n      clientName\n      scopes {\n        name\n        description\n      }\n      redirectHost\n      registeredRedirect\n    }\n  }\n": types.OAuthConsentDocument,
    "\n  mutation AuthorizeOAuthClient($input: AuthorizeOAuthClientInput!) {\n    authorizeOAuthClient(input: $input) {\n      redirectTo\n    }\n  }\n": types.AuthorizeOAuthClientDocument,
    "\n  query OAuthDeviceRequest($userCode: String!) {\n    oauthDeviceRequest(userCode: $userCode) {\n      clientName\n      scopes {\n        name\n        description\n      }\n    }\n  }\n": types.OAuthDeviceRequestDocument,
    "\n  mutation ApproveOAuthDevice($input: ApproveOAuthDeviceInput!) {\n    approveOAuthDevice(input: $input) {\n      clientName\n      scopes\n    }\n  }\n": types.ApproveOAuthDeviceDocument,
    "\n  query WorkspaceProjects($slug: String!) {\n    workspace(slug: $slug) {\n      id\n      name\n      slug\n      state\n      viewerRole\n      viewerCanEditProjects\n      viewerCanAdminister\n      services(first: 100) {\n        edges {\n          node {\n            id\n            name\n          }\n        }\n      }\n      projects(first: 100, orderBy: { field: NAME, direction: ASC }) {\n        totalCount\n        edges {\n          node {\n            id\n            name\n            description\n            viewerCanEdit\n            service {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": types.WorkspaceProjectsDocument,
    "\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      project {\n        id\n        name\n      }\n    }\n  }\n": types.CreateProjectDocument,
    "\n  mutation DeleteProject($input: DeleteProjectInput!) {\n    deleteProject(input: $input) {\n      deletedId\n    }\n  }\n": types.DeleteProjectDocument,
    "\n  query ServiceSupportProject($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Service {\n        name\n        supportProject {\n          id\n          name\n        }\n        workspace {\n          id\n          viewerRole\n          viewerCanEditProjects\n          state\n        }\n      }\n    }\n  }\n": types.ServiceSupportProjectDocument,
    "\n  query BoardTaskThread($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Task {\n        thread {\n          id\n          messages(last: 50) {\n            edges {\n              node {\n                ...BoardChatMessage\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.BoardTaskThreadDocument,
    "\n  fragment BoardChatMessage on AIMessage {\n    id\n    role\n    content\n    status\n    error\n    authorUser {\n      name\n    }\n    authorAgent {\n      handle\n      displayName\n    }\n  }\n": types.BoardChatMessageFragmentDoc,
    "\n  subscription BoardMessageStream($threadId: ID!, $after: ID) {\n    messageStream(threadId: $threadId, after: $after) {\n      messageId\n      delta\n      status\n      reset\n      message {\n        ...BoardChatMessage\n      }\n    }\n  }\n": types.BoardMessageStreamDocument,
    "\n  mutation BoardSendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      message {\n        ...BoardChatMessage\n      }\n    }\n  }\n": types.BoardSendMessageDocument,
    "\n  query BoardWorkspaceMembers($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Workspace {\n        members(first: 100) {\n          edges {\n            node {\n              id\n              user {\n                id\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.BoardWorkspaceMembersDocument,
    "\n  fragment BoardTaskFields on Task {\n    id\n    title\n    description\n    stageID\n    rank\n    priority\n    deadline\n    tags\n    assignee {\n      id\n      name\n    }\n  }\n": types.BoardTaskFieldsFragmentDoc,
    "\n  query ProjectBoard($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Project {\n        id\n        name\n        description\n        viewerCanEdit\n        workspace {\n          id\n          name\n          slug\n          state\n        }\n        service {\n          id\n          name\n        }\n        stages {\n          id\n          name\n          sequence\n          folded\n          tasks {\n            ...BoardTaskFields\n          }\n        }\n      }\n    }\n  }\n": types.ProjectBoardDocument,
    "\n  subscription ProjectBoardEvents($projectId: ID!) {\n    projectBoard(projectId: $projectId) {\n      change\n      deletedId\n      task {\n        ...BoardTaskFields\n      }\n      stage {\n        id\n        name\n        sequence\n        folded\n      }\n      project {\n        id\n        name\n        description\n      }\n    }\n  }\n": types.ProjectBoardEventsDocument,
    "\n  mutation BoardCreateTask($input: CreateTaskInput!) {\n    createTask(input: $input) {\n      task {\n        ...BoardTaskFields\n      }\n    }\n  }\n": types.BoardCreateTaskDocument,
    "\n  mutation BoardMoveTask($input: MoveTaskInput!) {\n    moveTask(input: $input) {\n      task {\n        ...BoardTaskFields\n      }\n    }\n  }\n": types.BoardMoveTaskDocument,
    "\n  mutation BoardUpdateTask($input: UpdateTaskInput!) {\n    updateTask(input: $input) {\n      task {\n        ...BoardTaskFields\n      }\n    }\n  }\n": types.BoardUpdateTaskDocument,
    "\n  mutation BoardDeleteTask($input: DeleteTaskInput!) {\n    deleteTask(input: $input) {\n      deletedId\n    }\n  }\n": types.BoardDeleteTaskDocument,
    "\n  mutation BoardCreateStage($input: CreateTaskStageInput!) {\n    createTaskStage(input: $input) {\n      stage {\n        id\n        name\n        sequence\n        folded\n      }\n    }\n  }\n": types.BoardCreateStageDocument,
    "\n  mutation BoardUpdateStage($input: UpdateTaskStageInput!) {\n    updateTaskStage(input: $input) {\n      stage {\n        id\n        name\n        sequence\n        folded\n      }\n    }\n  }\n": types.BoardUpdateStageDocument,
    "\n  mutation BoardMoveStage($input: MoveTaskStageInput!) {\n    moveTaskStage(input: $input) {\n      stage {\n        id\n        name\n        sequence\n        folded\n      }\n    }\n  }\n": types.BoardMoveStageDocument,
    "\n  mutation BoardDeleteStage($input: DeleteTaskStageInput!) {\n    deleteTaskStage(input: $input) {\n      deletedId\n    }\n  }\n": types.BoardDeleteStageDocument,
    "\n  mutation ServiceDetailUpdate($input: UpdateServiceInput!) {\n    updateService(input: $input) {\n      service {\n        id\n        state\n        errorMessage\n        chartVersion\n        values\n        ...ServiceViewerCan\n      }\n    }\n  }\n": types.ServiceDetailUpdateDocument,
    "\n  query ServiceDetail($id: ID!) {\n    cluster {\n      mode\n    }\n    node(id: $id) {\n      __typename\n      id\n      ... on Service {\n        id\n        name\n        state\n        errorMessage\n        errorDetail\n        url\n        chartVersion\n        helmRevision\n        deployedAt\n        lastUpgradedAt\n        releaseName\n        namespace\n        values\n        createdAt\n        ...ServiceViewerCan\n        workspace {\n          id\n          name\n          slug\n          state\n          viewerRole\n        }\n        template {\n          id\n          name\n          slug\n          chartRef\n          chartVersion\n          valueSpecs {\n            required {\n              ...ValueSpecFields\n            }\n            optional {\n              ...ValueSpecFields\n            }\n          }\n        }\n        revisions(first: 50, orderBy: { field: REVISION, direction: DESC }) {\n          totalCount\n          edges {\n            node {\n              id\n              revision\n              chartVersion\n              appVersion\n              status\n              description\n              createdAt\n            }\n          }\n        }\n        events(last: 100, orderBy: { field: CREATED_AT, direction: ASC }) {\n          totalCount\n          edges {\n            node {\n              id\n              createdAt\n              state\n              level\n              message\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ServiceDetailDocument,
    "\n  query ServiceDetailState($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Service {\n        id\n        state\n        errorMessage\n        errorDetail\n        helmRevision\n        ...ServiceViewerCan\n      }\n    }\n  }\n": types.ServiceDetailStateDocument,
    "\n  subscription ServiceEvents($serviceId: ID!) {\n    serviceEvents(serviceId: $serviceId) {\n      id\n      createdAt\n      state\n      level\n      message\n      service {\n        id\n        state\n        errorMessage\n        errorDetail\n        helmRevision\n        chartVersion\n        deployedAt\n        lastUpgradedAt\n        ...ServiceViewerCan\n      }\n    }\n  }\n": types.ServiceEventsDocument,
    "\n  mutation ServiceDetailStop($input: StopServiceInput!) {\n    stopService(input: $input) {\n      service {\n        id\n        state\n        errorMessage\n        errorDetail\n        ...ServiceViewerCan\n      }\n    }\n  }\n": types.ServiceDetailStopDocument,
    "\n  mutation ServiceDetailStart($input: StartServiceInput!) {\n    startService(input: $input) {\n      service {\n        id\n        state\n        errorMessage\n        errorDetail\n        ...ServiceViewerCan\n      }\n    }\n  }\n": types.ServiceDetailStartDocument,
    "\n  mutation ServiceDetailRetry($input: UpdateServiceInput!) {\n    updateService(input: $input) {\n      service {\n        id\n        state\n        errorMessage\n        errorDetail\n        ...ServiceViewerCan\n      }\n    }\n  }\n": types.ServiceDetailRetryDocument,
    "\n  mutation ServiceDetailDelete($input: DeleteServiceInput!) {\n    deleteService(input: $input) {\n      service {\n        id\n        state\n        errorMessage\n        errorDetail\n        ...ServiceViewerCan\n      }\n    }\n  }\n": types.ServiceDetailDeleteDocument,
    "\n  query ServiceDetailManifest($serviceId: ID!) {\n    serviceManifest(serviceId: $serviceId)\n  }\n": types.ServiceDetailManifestDocument,
    "\n  query ServiceDetailValuesDiff($serviceId: ID!, $from: Int!, $to: Int!) {\n    serviceValuesDiff(serviceId: $serviceId, from: $from, to: $to) {\n      key\n      kind\n      old\n      new\n      secret\n    }\n  }\n": types.ServiceDetailValuesDiffDocument,
    "\n  mutation ServiceDetailRollback($input: RollbackServiceInput!) {\n    rollbackService(input: $input) {\n      service {\n        id\n        state\n        errorMessage\n        ...ServiceViewerCan\n      }\n    }\n  }\n": types.ServiceDetailRollbackDocument,
    "\n  fragment ServiceViewerCan on Service {\n    viewerCanUpdate\n    viewerCanStop\n    viewerCanStart\n    viewerCanRollback\n    viewerCanDelete\n    viewerCanInspect\n  }\n": types.ServiceViewerCanFragmentDoc,
    "\n  query SettingsOAuthGrants($id: ID!) {\n    node(id: $id) {\n      ... on User {\n        id\n        oauthGrants {\n          clientId\n          clientName\n          scopes\n          grantedAt\n          lastUsedAt\n        }\n      }\n    }\n  }\n": types.SettingsOAuthGrantsDocument,
    "\n  mutation RevokeOAuthGrant($input: RevokeOAuthGrantInput!) {\n    revokeOAuthGrant(input: $input) {\n      clientId\n    }\n  }\n": types.RevokeOAuthGrantDocument,
    "\n  query SettingsOAuthClients {\n    oauthClients(first: 100) {\n      edges {\n        node {\n          id\n          clientId\n          name\n          public\n          redirectUris\n          allowedScopes\n          createdAt\n        }\n      }\n    }\n  }\n": types.SettingsOAuthClientsDocument,
    "\n  mutation CreateOAuthClient($input: CreateOAuthClientInput!) {\n    createOAuthClient(input: $input) {\n      client {\n        id\n        clientId\n        name\n        public\n        redirectUris\n        allowedScopes\n        createdAt\n      }\n      clientSecret\n    }\n  }\n": types.CreateOAuthClientDocument,
    "\n  mutation RotateOAuthClientSecret($input: RotateOAuthClientSecretInput!) {\n    rotateOAuthClientSecret(input: $input) {\n      client {\n        id\n      }\n      clientSecret\n    }\n  }\n": types.RotateOAuthClientSecretDocument,
    "\n  mutation DeleteOAuthClient($input: DeleteOAuthClientInput!) {\n    deleteOAuthClient(input: $input) {\n      deletedId\n    }\n  }\n": types.DeleteOAuthClientDocument,
    "\n  mutation SettingsUpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      user {\n        id\n        name\n        email\n        # A new address is not confirmed: the server clears it.\n        emailVerifiedAt\n        locale\n      }\n    }\n  }\n": types.SettingsUpdateProfileDocument,
    "\n  mutation SettingsChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      ok\n    }\n  }\n": types.SettingsChangePasswordDocument,
    "\n  query SmartHomeDetail($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on SmartHome {\n        ...SmartHomeFields\n        workspace {\n          id\n          name\n          slug\n          state\n        }\n      }\n    }\n  }\n": types.SmartHomeDetailDocument,
    "\n  query SmartHomeDetailState($id: ID!) {\n    node(id: $id) {\n      id\n      ... on SmartHome {\n        ...SmartHomeFields\n      }\n    }\n  }\n": types.SmartHomeDetailStateDocument,
    "\n  query SmartHomeTunnelToken($id: ID!) {\n    node(id: $id) {\n      id\n      ... on SmartHome {\n        id\n        tunnelToken\n      }\n    }\n  }\n": types.SmartHomeTunnelTokenDocument,
    "\n  mutation SmartHomeRefresh($input: RefreshSmartHomeStatusInput!) {\n    refreshSmartHomeStatus(input: $input) {\n      smartHome {\n        ...SmartHomeFields\n      }\n    }\n  }\n": types.SmartHomeRefreshDocument,
    "\n  mutation SmartHomeRetry($input: RetrySmartHomeInput!) {\n    retrySmartHome(input: $input) {\n      smartHome {\n        ...SmartHomeFields\n      }\n    }\n  }\n": types.SmartHomeRetryDocument,
    "\n  mutation SmartHomeDelete($input: DeleteSmartHomeInput!) {\n    deleteSmartHome(input: $input) {\n      smartHome {\n        ...SmartHomeFields\n      }\n    }\n  }\n": types.SmartHomeDeleteDocument,
    "\n  query WorkspaceSmartHomes($slug: String!) {\n    workspace(slug: $slug) {\n      id\n      smartHomes(first: 100, where: { stateNEQ: gone }, orderBy: { field: NAME, direction: ASC }) {\n        totalCount\n        edges {\n          node {\n            ...SmartHomeFields\n          }\n        }\n      }\n    }\n  }\n": types.WorkspaceSmartHomesDocument,
    "\n  subscription SmartHomeStatus($workspaceId: ID!, $after: Time) {\n    smartHomeStatus(workspaceId: $workspaceId, after: $after) {\n      ...SmartHomeFields\n    }\n  }\n": types.SmartHomeStatusDocument,
    "\n  mutation CreateSmartHome($input: CreateSmartHomeInput!) {\n    createSmartHome(input: $input) {\n      smartHome {\n        ...SmartHomeFields\n      }\n    }\n  }\n": types.CreateSmartHomeDocument,
    "\n  fragment SmartHomeFields on SmartHome {\n    id\n    name\n    state\n    errorMessage\n    tunnelID\n    tunnelName\n    tunnelRoute\n    tunnelStatus\n    connectorID\n    connectorType\n    connectedSince\n    haPort\n    subdomain\n    deployedAt\n    createdAt\n    updatedAt\n    viewerCanManage\n  }\n": types.SmartHomeFieldsFragmentDoc,
    "\n  mutation WorkspaceListCreate($input: CreateWorkspaceInput!) {\n    createWorkspace(input: $input) {\n      workspace {\n        id\n        name\n        slug\n        description\n        state\n        viewerRole\n      }\n    }\n  }\n": types.WorkspaceListCreateDocument,
    "\n  query TeamPage($slug: String!) {\n    workspace(slug: $slug) {\n      id\n      name\n      slug\n      state\n      viewerRole\n      ...WorkspaceViewerCan\n      members(first: 100) {\n        totalCount\n        edges {\n          node {\n            id\n            role\n            invitedAt\n            createdAt\n            user {\n              id\n              name\n              email\n            }\n          }\n        }\n      }\n      pendingInvitations {\n        id\n        email\n        role\n        status\n        expiresAt\n        createdAt\n      }\n    }\n  }\n": types.TeamPageDocument,
    "\n  mutation TeamInvite($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      invitation {\n        id\n        email\n        role\n        status\n        expiresAt\n        createdAt\n      }\n      link\n    }\n  }\n": types.TeamInviteDocument,
    "\n  mutation TeamCancelInvitation($input: CancelInvitationInput!) {\n    cancelInvitation(input: $input) {\n      invitation {\n        id\n        status\n        workspace {\n          id\n        }\n      }\n    }\n  }\n": types.TeamCancelInvitationDocument,
    "\n  mutation TeamInvitationLink($input: CreateInvitationLinkInput!) {\n    createInvitationLink(input: $input) {\n      invitation {\n        id\n        status\n        expiresAt\n      }\n      link\n    }\n  }\n": types.TeamInvitationLinkDocument,
    "\n  mutation TeamUpdateRole($input: UpdateMemberRoleInput!) {\n    updateMemberRole(input: $input) {\n      member {\n        id\n        role\n      }\n    }\n  }\n": types.TeamUpdateRoleDocument,
    "\n  mutation TeamRemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      removedUserId\n      workspace {\n        id\n      }\n    }\n  }\n": types.TeamRemoveMemberDocument,
    "\n  mutation TeamLeave($input: LeaveWorkspaceInput!) {\n    leaveWorkspace(input: $input) {\n      workspaceId\n    }\n  }\n": types.TeamLeaveDocument,
    "\n  mutation TeamTransferOwnership($input: TransferOwnershipInput!) {\n    transferOwnership(input: $input) {\n      workspace {\n        id\n        ownerID\n        viewerRole\n        ...WorkspaceViewerCan\n      }\n    }\n  }\n": types.TeamTransferOwnershipDocument,
    "\n  query WorkspaceDetailPage($slug: String!) {\n    workspace(slug: $slug) {\n      id\n      name\n      slug\n      description\n      state\n      viewerRole\n      ...WorkspaceViewerCan\n      namespace\n      members(first: 0) {\n        totalCount\n      }\n      services(first: 100, where: { stateNEQ: gone }, orderBy: { field: NAME, direction: ASC }) {\n        totalCount\n        edges {\n          node {\n            id\n            name\n            state\n            errorMessage\n            url\n            chartVersion\n            helmRevision\n            template {\n              id\n              name\n              slug\n              icon\n            }\n          }\n        }\n      }\n    }\n  }\n": types.WorkspaceDetailPageDocument,
    "\n  subscription WorkspaceDetailServices($workspaceId: ID!) {\n    workspaceServices(workspaceId: $workspaceId) {\n      id\n      name\n      state\n      errorMessage\n      url\n      chartVersion\n      helmRevision\n      ...ServiceViewerCan\n      template {\n        id\n        name\n        slug\n        icon\n      }\n    }\n  }\n": types.WorkspaceDetailServicesDocument,
    "\n  mutation WorkspaceDetailUpdate($input: UpdateWorkspaceInput!) {\n    updateWorkspace(input: $input) {\n      workspace {\n        id\n        name\n        description\n      }\n    }\n  }\n": types.WorkspaceDetailUpdateDocument,
    "\n  mutation WorkspaceDetailArchive($input: ArchiveWorkspaceInput!) {\n    archiveWorkspace(input: $input) {\n      workspace {\n        id\n        state\n        ...WorkspaceViewerCan\n      }\n    }\n  }\n": types.WorkspaceDetailArchiveDocument,
    "\n  query WorkspaceListPage {\n    workspaces(first: 100, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          slug\n          description\n          state\n          viewerRole\n          members(first: 0) {\n            totalCount\n          }\n          services(first: 0, where: { stateNEQ: gone }) {\n            totalCount\n          }\n        }\n      }\n    }\n  }\n": types.WorkspaceListPageDocument,
    "\n  fragment WorkspaceViewerCan on Workspace {\n    viewerCanUpdate\n    viewerCanManageMembers\n    viewerCanAdminister\n    viewerCanDeploy\n    viewerCanLeave\n  }\n": types.WorkspaceViewerCanFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout {\n      ok\n    }\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout {\n      ok\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ValueSpecFields on ValueSpec {\n    key\n    label\n    type\n    default\n    options\n    placeholder\n    description\n    minLength\n    maxLength\n    pattern\n    patternMessage\n    min\n    max\n    translations {\n      locale\n      label\n      description\n      placeholder\n      patternMessage\n    }\n  }\n"): (typeof documents)["\n  fragment ValueSpecFields on ValueSpec {\n    key\n    label\n    type\n    default\n    options\n    placeholder\n    description\n    minLength\n    maxLength\n    pattern\n    patternMessage\n    min\n    max\n    translations {\n      locale\n      label\n      description\n      placeholder\n      patternMessage\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      id\n      name\n      email\n      # null until the account follows the link e-mailed to its address\n      emailVerifiedAt\n      platformAdmin\n      # the app's language: en, zh-TW, or \"\" to follow the browser\n      locale\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      id\n      name\n      email\n      # null until the account follows the link e-mailed to its address\n      emailVerifiedAt\n      platformAdmin\n      # the app's language: en, zh-TW, or \"\" to follow the browser\n      locale\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyWorkspaces {\n    workspaces(first: 100, where: { state: active }, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          slug\n          viewerRole\n          viewerCanDeploy\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyWorkspaces {\n    workspaces(first: 100, where: { state: active }, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          slug\n          viewerRole\n          viewerCanDeploy\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminTemplates {\n    appTemplates(first: 100) {\n      edges {\n        node {\n          id\n          name\n          slug\n          description\n          fullDescription\n          translations {\n            locale\n            description\n            fullDescription\n          }\n          category\n          chartRef\n          chartRepoURL\n          chartVersion\n          defaultPort\n          ingressEnabled\n          active\n          valueSpecs {\n            required {\n              ...ValueSpecFields\n            }\n            optional {\n              ...ValueSpecFields\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminTemplates {\n    appTemplates(first: 100) {\n      edges {\n        node {\n          id\n          name\n          slug\n          description\n          fullDescription\n          translations {\n            locale\n            description\n            fullDescription\n          }\n          category\n          chartRef\n          chartRepoURL\n          chartVersion\n          defaultPort\n          ingressEnabled\n          active\n          valueSpecs {\n            required {\n              ...ValueSpecFields\n            }\n            optional {\n              ...ValueSpecFields\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateTemplate($input: CreateAppTemplateInput!) {\n    createAppTemplate(input: $input) {\n      appTemplate {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateTemplate($input: CreateAppTemplateInput!) {\n    createAppTemplate(input: $input) {\n      appTemplate {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateTemplate($input: UpdateAppTemplateInput!) {\n    updateAppTemplate(input: $input) {\n      appTemplate {\n        id\n        active\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateTemplate($input: UpdateAppTemplateInput!) {\n    updateAppTemplate(input: $input) {\n      appTemplate {\n        id\n        active\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUsers($search: String, $first: Int, $after: Cursor) {\n    users(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          email\n          platformAdmin\n          disabled\n          lastLoginAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminUsers($search: String, $first: Int, $after: Cursor) {\n    users(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          email\n          platformAdmin\n          disabled\n          lastLoginAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPlatformAdmin($input: SetPlatformAdminInput!) {\n    setPlatformAdmin(input: $input) {\n      user {\n        id\n        platformAdmin\n        disabled\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetPlatformAdmin($input: SetPlatformAdminInput!) {\n    setPlatformAdmin(input: $input) {\n      user {\n        id\n        platformAdmin\n        disabled\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetUserDisabled($input: SetUserDisabledInput!) {\n    setUserDisabled(input: $input) {\n      user {\n        id\n        platformAdmin\n        disabled\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetUserDisabled($input: SetUserDisabledInput!) {\n    setUserDisabled(input: $input) {\n      user {\n        id\n        platformAdmin\n        disabled\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlatformSettings {\n    platformSettings {\n      serviceDomain\n      registration\n      namespaceQuota {\n        cpu\n        memory\n        storage\n      }\n      smtpUrl {\n        set\n      }\n      mailFrom\n      cloudflareApiToken {\n        set\n      }\n      cloudflareAccountId\n      cloudflareZoneId\n      fromEnvironment {\n        setting\n        variable\n      }\n    }\n  }\n"): (typeof documents)["\n  query PlatformSettings {\n    platformSettings {\n      serviceDomain\n      registration\n      namespaceQuota {\n        cpu\n        memory\n        storage\n      }\n      smtpUrl {\n        set\n      }\n      mailFrom\n      cloudflareApiToken {\n        set\n      }\n      cloudflareAccountId\n      cloudflareZoneId\n      fromEnvironment {\n        setting\n        variable\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePlatformSettings($input: UpdatePlatformSettingsInput!) {\n    updatePlatformSettings(input: $input) {\n      settings {\n        serviceDomain\n        registration\n        namespaceQuota {\n          cpu\n          memory\n          storage\n        }\n        smtpUrl {\n          set\n        }\n        mailFrom\n        cloudflareApiToken {\n          set\n        }\n        cloudflareAccountId\n        cloudflareZoneId\n        fromEnvironment {\n          setting\n          variable\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePlatformSettings($input: UpdatePlatformSettingsInput!) {\n    updatePlatformSettings(input: $input) {\n      settings {\n        serviceDomain\n        registration\n        namespaceQuota {\n          cpu\n          memory\n          storage\n        }\n        smtpUrl {\n          set\n        }\n        mailFrom\n        cloudflareApiToken {\n          set\n        }\n        cloudflareAccountId\n        cloudflareZoneId\n        fromEnvironment {\n          setting\n          variable\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UploadedCharts {\n    uploadedCharts(first: 100) {\n      chartRef\n      name\n      version\n      size\n      uploadedAt\n      templates {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query UploadedCharts {\n    uploadedCharts(first: 100) {\n      chartRef\n      name\n      version\n      size\n      uploadedAt\n      templates {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteUploadedChart($input: DeleteUploadedChartInput!) {\n    deleteUploadedChart(input: $input) {\n      deletedChartRef\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteUploadedChart($input: DeleteUploadedChartInput!) {\n    deleteUploadedChart(input: $input) {\n      deletedChartRef\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AIProviderFields on AIProvider {\n    id\n    name\n    baseURL\n    defaultModel\n    active\n    hasApiKey\n  }\n"): (typeof documents)["\n  fragment AIProviderFields on AIProvider {\n    id\n    name\n    baseURL\n    defaultModel\n    active\n    hasApiKey\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AIAgentFields on AIAgent {\n    id\n    handle\n    displayName\n    description\n    systemPrompt\n    providerID\n    model\n    isDefault\n    active\n  }\n"): (typeof documents)["\n  fragment AIAgentFields on AIAgent {\n    id\n    handle\n    displayName\n    description\n    systemPrompt\n    providerID\n    model\n    isDefault\n    active\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AIAdmin {\n    aiProviders {\n      ...AIProviderFields\n    }\n    aiAgents {\n      ...AIAgentFields\n    }\n  }\n"): (typeof documents)["\n  query AIAdmin {\n    aiProviders {\n      ...AIProviderFields\n    }\n    aiAgents {\n      ...AIAgentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAIProvider($input: CreateAIProviderInput!) {\n    createAIProvider(input: $input) {\n      provider {\n        ...AIProviderFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateAIProvider($input: CreateAIProviderInput!) {\n    createAIProvider(input: $input) {\n      provider {\n        ...AIProviderFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAIProvider($input: UpdateAIProviderInput!) {\n    updateAIProvider(input: $input) {\n      provider {\n        ...AIProviderFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateAIProvider($input: UpdateAIProviderInput!) {\n    updateAIProvider(input: $input) {\n      provider {\n        ...AIProviderFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAIProvider($input: DeleteAIProviderInput!) {\n    deleteAIProvider(input: $input) {\n      deletedId\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteAIProvider($input: DeleteAIProviderInput!) {\n    deleteAIProvider(input: $input) {\n      deletedId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestAIProvider($input: TestAIProviderInput!) {\n    testAIProvider(input: $input) {\n      ok\n      models\n      message\n    }\n  }\n"): (typeof documents)["\n  mutation TestAIProvider($input: TestAIProviderInput!) {\n    testAIProvider(input: $input) {\n      ok\n      models\n      message\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAIAgent($input: CreateAIAgentInput!) {\n    createAIAgent(input: $input) {\n      agent {\n        ...AIAgentFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateAIAgent($input: CreateAIAgentInput!) {\n    createAIAgent(input: $input) {\n      agent {\n        ...AIAgentFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAIAgent($input: UpdateAIAgentInput!) {\n    updateAIAgent(input: $input) {\n      agent {\n        ...AIAgentFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateAIAgent($input: UpdateAIAgentInput!) {\n    updateAIAgent(input: $input) {\n      agent {\n        ...AIAgentFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAIAgent($input: DeleteAIAgentInput!) {\n    deleteAIAgent(input: $input) {\n      deletedId\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteAIAgent($input: DeleteAIAgentInput!) {\n    deleteAIAgent(input: $input) {\n      deletedId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ChatMessageFields on AIMessage {\n    id\n    role\n    status\n    content\n    error\n    createdAt\n    authorUser {\n      id\n      name\n    }\n    authorAgent {\n      id\n      handle\n      displayName\n      avatarColor\n    }\n  }\n"): (typeof documents)["\n  fragment ChatMessageFields on AIMessage {\n    id\n    role\n    status\n    content\n    error\n    createdAt\n    authorUser {\n      id\n      name\n    }\n    authorAgent {\n      id\n      handle\n      displayName\n      avatarColor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ThreadFields on AIThread {\n    id\n    title\n    autoReply\n    createdAt\n    viewerCanDelete\n    createdBy {\n      id\n      name\n    }\n    defaultAgent {\n      id\n      handle\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment ThreadFields on AIThread {\n    id\n    title\n    autoReply\n    createdAt\n    viewerCanDelete\n    createdBy {\n      id\n      name\n    }\n    defaultAgent {\n      id\n      handle\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MentionAgents {\n    aiAgents {\n      id\n      handle\n      displayName\n      description\n      active\n      isDefault\n    }\n  }\n"): (typeof documents)["\n  query MentionAgents {\n    aiAgents {\n      id\n      handle\n      displayName\n      description\n      active\n      isDefault\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssistantThreads($slug: String!) {\n    workspace(slug: $slug) {\n      id\n      name\n      slug\n      state\n      viewerRole\n      viewerCanChat\n      threads(first: 100, orderBy: { field: CREATED_AT, direction: DESC }) {\n        totalCount\n        edges {\n          node {\n            ...ThreadFields\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AssistantThreads($slug: String!) {\n    workspace(slug: $slug) {\n      id\n      name\n      slug\n      state\n      viewerRole\n      viewerCanChat\n      threads(first: 100, orderBy: { field: CREATED_AT, direction: DESC }) {\n        totalCount\n        edges {\n          node {\n            ...ThreadFields\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ThreadPage($slug: String!, $id: ID!) {\n    workspace(slug: $slug) {\n      id\n      name\n      slug\n      state\n      viewerRole\n      viewerCanChat\n    }\n    node(id: $id) {\n      __typename\n      ... on AIThread {\n        ...ThreadFields\n        messages(last: 100, orderBy: { field: CREATED_AT, direction: ASC }) {\n          totalCount\n          edges {\n            node {\n              ...ChatMessageFields\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ThreadPage($slug: String!, $id: ID!) {\n    workspace(slug: $slug) {\n      id\n      name\n      slug\n      state\n      viewerRole\n      viewerCanChat\n    }\n    node(id: $id) {\n      __typename\n      ... on AIThread {\n        ...ThreadFields\n        messages(last: 100, orderBy: { field: CREATED_AT, direction: ASC }) {\n          totalCount\n          edges {\n            node {\n              ...ChatMessageFields\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateThread($input: CreateThreadInput!) {\n    createThread(input: $input) {\n      thread {\n        ...ThreadFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateThread($input: CreateThreadInput!) {\n    createThread(input: $input) {\n      thread {\n        ...ThreadFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteThread($input: DeleteThreadInput!) {\n    deleteThread(input: $input) {\n      deletedId\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteThread($input: DeleteThreadInput!) {\n    deleteThread(input: $input) {\n      deletedId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      message {\n        ...ChatMessageFields\n      }\n      replies {\n        ...ChatMessageFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      message {\n        ...ChatMessageFields\n      }\n      replies {\n        ...ChatMessageFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelGeneration($input: CancelGenerationInput!) {\n    cancelGeneration(input: $input) {\n      message {\n        ...ChatMessageFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CancelGeneration($input: CancelGenerationInput!) {\n    cancelGeneration(input: $input) {\n      message {\n        ...ChatMessageFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegenerateMessage($input: RegenerateMessageInput!) {\n    regenerateMessage(input: $input) {\n      message {\n        ...ChatMessageFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RegenerateMessage($input: RegenerateMessageInput!) {\n    regenerateMessage(input: $input) {\n      message {\n        ...ChatMessageFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MessageStream($threadId: ID!, $after: ID) {\n    messageStream(threadId: $threadId, after: $after) {\n      messageId\n      delta\n      status\n      reset\n      message {\n        ...ChatMessageFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription MessageStream($threadId: ID!, $after: ID) {\n    messageStream(threadId: $threadId, after: $after) {\n      messageId\n      delta\n      status\n      reset\n      message {\n        ...ChatMessageFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ForgotPasswordRequest($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) {\n      ok\n    }\n  }\n"): (typeof documents)["\n  mutation ForgotPasswordRequest($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) {\n      ok\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LoginSignIn($input: LoginInput!) {\n    login(input: $input) {\n      user {\n        id\n        name\n        email\n        platformAdmin\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LoginSignIn($input: LoginInput!) {\n    login(input: $input) {\n      user {\n        id\n        name\n        email\n        platformAdmin\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterAccount($input: RegisterInput!) {\n    register(input: $input) {\n      user {\n        id\n        name\n        email\n        platformAdmin\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RegisterAccount($input: RegisterInput!) {\n    register(input: $input) {\n      user {\n        id\n        name\n        email\n        platformAdmin\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      ok\n    }\n  }\n"): (typeof documents)["\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      ok\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestEmailVerification {\n    requestEmailVerification {\n      ok\n    }\n  }\n"): (typeof documents)["\n  mutation RequestEmailVerification {\n    requestEmailVerification {\n      ok\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyEmail($input: VerifyEmailInput!) {\n    verifyEmail(input: $input) {\n      ok\n    }\n  }\n"): (typeof documents)["\n  mutation VerifyEmail($input: VerifyEmailInput!) {\n    verifyEmail(input: $input) {\n      ok\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardStats {\n    dashboard {\n      workspaces\n      members\n      servicesByState {\n        state\n        count\n      }\n      smartHomesByTunnelStatus {\n        state\n        count\n      }\n      openTasks\n      recentActivity(first: 20) {\n        edges {\n          node {\n            ...DashboardActivityEntry\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DashboardStats {\n    dashboard {\n      workspaces\n      members\n      servicesByState {\n        state\n        count\n      }\n      smartHomesByTunnelStatus {\n        state\n        count\n      }\n      openTasks\n      recentActivity(first: 20) {\n        edges {\n          node {\n            ...DashboardActivityEntry\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardCluster {\n    cluster {\n      mode\n      reachable\n    }\n  }\n"): (typeof documents)["\n  query DashboardCluster {\n    cluster {\n      mode\n      reachable\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DashboardActivityEntry on ActivityEvent {\n    id\n    verb\n    summary\n    params\n    createdAt\n    actor {\n      id\n      name\n    }\n    workspace {\n      id\n      name\n      slug\n    }\n  }\n"): (typeof documents)["\n  fragment DashboardActivityEntry on ActivityEvent {\n    id\n    verb\n    summary\n    params\n    createdAt\n    actor {\n      id\n      name\n    }\n    workspace {\n      id\n      name\n      slug\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DashboardActivity($workspaceId: ID!) {\n    activity(workspaceId: $workspaceId) {\n      ...DashboardActivityEntry\n    }\n  }\n"): (typeof documents)["\n  subscription DashboardActivity($workspaceId: ID!) {\n    activity(workspaceId: $workspaceId) {\n      ...DashboardActivityEntry\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvitationByToken($token: String!) {\n    invitationByToken(token: $token) {\n      id\n      role\n      email\n      invitedBy\n      expiresAt\n      workspace {\n        id\n        name\n        slug\n      }\n    }\n  }\n"): (typeof documents)["\n  query InvitationByToken($token: String!) {\n    invitationByToken(token: $token) {\n      id\n      role\n      email\n      invitedBy\n      expiresAt\n      workspace {\n        id\n        name\n        slug\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InvitationSignOut {\n    logout {\n      ok\n    }\n  }\n"): (typeof documents)["\n  mutation InvitationSignOut {\n    logout {\n      ok\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ViewerPendingInvitations {\n    viewer {\n      id\n      pendingInvitations {\n        id\n        role\n        email\n        invitedBy\n        expiresAt\n        workspace {\n          id\n          name\n          slug\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ViewerPendingInvitations {\n    viewer {\n      id\n      pendingInvitations {\n        id\n        role\n        email\n        invitedBy\n        expiresAt\n        workspace {\n          id\n          name\n          slug\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      member {\n        id\n        role\n        workspace {\n          id\n          slug\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      member {\n        id\n        role\n        workspace {\n          id\n          slug\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineInvitation($input: DeclineInvitationInput!) {\n    declineInvitation(input: $input) {\n      invitationId\n    }\n  }\n"): (typeof documents)["\n  mutation DeclineInvitation($input: DeclineInvitationInput!) {\n    declineInvitation(input: $input) {\n      invitationId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConfigureTemplate($slug: String!) {\n    appTemplate(slug: $slug) {\n      id\n      name\n      slug\n      description\n      fullDescription\n      translations {\n        locale\n        description\n        fullDescription\n      }\n      category\n      tags\n      icon\n      monthlyPrice\n      documentationURL\n      chartRef\n      chartRepoURL\n      chartVersion\n      defaultPort\n      minVcpu\n      minRAMGB\n      minStorageGB\n      active\n      valueSpecs {\n        required {\n          ...ValueSpecFields\n        }\n        optional {\n          ...ValueSpecFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConfigureTemplate($slug: String!) {\n    appTemplate(slug: $slug) {\n      id\n      name\n      slug\n      description\n      fullDescription\n      translations {\n        locale\n        description\n        fullDescription\n      }\n      category\n      tags\n      icon\n      monthlyPrice\n      documentationURL\n      chartRef\n      chartRepoURL\n      chartVersion\n      defaultPort\n      minVcpu\n      minRAMGB\n      minStorageGB\n      active\n      valueSpecs {\n        required {\n          ...ValueSpecFields\n        }\n        optional {\n          ...ValueSpecFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConfigureCluster {\n    cluster {\n      mode\n    }\n  }\n"): (typeof documents)["\n  query ConfigureCluster {\n    cluster {\n      mode\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfigureDeploy($input: DeployServiceInput!) {\n    deployService(input: $input) {\n      service {\n        id\n        name\n        state\n        workspaceID\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConfigureDeploy($input: DeployServiceInput!) {\n    deployService(input: $input) {\n      service {\n        id\n        name\n        state\n        workspaceID\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MarketplaceTemplates($category: AppTemplateCategory, $search: String) {\n    appTemplates(category: $category, search: $search, first: 100, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          slug\n          description\n          translations {\n            locale\n            description\n          }\n          category\n          tags\n          icon\n          monthlyPrice\n          minVcpu\n          minRAMGB\n          minStorageGB\n          active\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MarketplaceTemplates($category: AppTemplateCategory, $search: String) {\n    appTemplates(category: $category, search: $search, first: 100, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          slug\n          description\n          translations {\n            locale\n            description\n          }\n          category\n          tags\n          icon\n          monthlyPrice\n          minVcpu\n          minRAMGB\n          minStorageGB\n          active\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OAuthConsent($input: OAuthConsentInput!) {\n    oauthConsent(input: $input) {\n      clientId\n      clientName\n      scopes {\n        name\n        description\n      }\n      redirectHost\n      registeredRedirect\n    }\n  }\n"): (typeof documents)["\n  query OAuthConsent($input: OAuthConsentInput!) {\n    oauthConsent(input: $input) {\n      clientId\n      clientName\n      scopes {\n        name\n        description\n      }\n      redirectHost\n      registeredRedirect\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthorizeOAuthClient($input: AuthorizeOAuthClientInput!) {\n    authorizeOAuthClient(input: $input) {\n      redirectTo\n    }\n  }\n"): (typeof documents)["\n  mutation AuthorizeOAuthClient($input: AuthorizeOAuthClientInput!) {\n    authorizeOAuthClient(input: $input) {\n      redirectTo\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OAuthDeviceRequest($userCode: String!) {\n    oauthDeviceRequest(userCode: $userCode) {\n      clientName\n      scopes {\n        name\n        description\n      }\n    }\n  }\n"): (typeof documents)["\n  query OAuthDeviceRequest($userCode: String!) {\n    oauthDeviceRequest(userCode: $userCode) {\n      clientName\n      scopes {\n        name\n        description\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveOAuthDevice($input: ApproveOAuthDeviceInput!) {\n    approveOAuthDevice(input: $input) {\n      clientName\n      scopes\n    }\n  }\n"): (typeof documents)["\n  mutation ApproveOAuthDevice($input: ApproveOAuthDeviceInput!) {\n    approveOAuthDevice(input: $input) {\n      clientName\n      scopes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkspaceProjects($slug: String!) {\n    workspace(slug: $slug) {\n      id\n      name\n      slug\n      state\n      viewerRole\n      viewerCanEditProjects\n      viewerCanAdminister\n      services(first: 100) {\n        edges {\n          node {\n            id\n            name\n          }\n        }\n      }\n      projects(first: 100, orderBy: { field: NAME, direction: ASC }) {\n        totalCount\n        edges {\n          node {\n            id\n            name\n            description\n            viewerCanEdit\n            service {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WorkspaceProjects($slug: String!) {\n    workspace(slug: $slug) {\n      id\n      name\n      slug\n      state\n      viewerRole\n      viewerCanEditProjects\n      viewerCanAdminister\n      services(first: 100) {\n        edges {\n          node {\n            id\n            name\n          }\n        }\n      }\n      projects(first: 100, orderBy: { field: NAME, direction: ASC }) {\n        totalCount\n        edges {\n          node {\n            id\n            name\n            description\n            viewerCanEdit\n            service {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      project {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      project {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteProject($input: DeleteProjectInput!) {\n    deleteProject(input: $input) {\n      deletedId\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteProject($input: DeleteProjectInput!) {\n    deleteProject(input: $input) {\n      deletedId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServiceSupportProject($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Service {\n        name\n        supportProject {\n          id\n          name\n        }\n        workspace {\n          id\n          viewerRole\n          viewerCanEditProjects\n          state\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ServiceSupportProject($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Service {\n        name\n        supportProject {\n          id\n          name\n        }\n        workspace {\n          id\n          viewerRole\n          viewerCanEditProjects\n          state\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BoardTaskThread($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Task {\n        thread {\n          id\n          messages(last: 50) {\n            edges {\n              node {\n                ...BoardChatMessage\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BoardTaskThread($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Task {\n        thread {\n          id\n          messages(last: 50) {\n            edges {\n              node {\n                ...BoardChatMessage\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BoardChatMessage on AIMessage {\n    id\n    role\n    content\n    status\n    error\n    authorUser {\n      name\n    }\n    authorAgent {\n      handle\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment BoardChatMessage on AIMessage {\n    id\n    role\n    content\n    status\n    error\n    authorUser {\n      name\n    }\n    authorAgent {\n      handle\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription BoardMessageStream($threadId: ID!, $after: ID) {\n    messageStream(threadId: $threadId, after: $after) {\n      messageId\n      delta\n      status\n      reset\n      message {\n        ...BoardChatMessage\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription BoardMessageStream($threadId: ID!, $after: ID) {\n    messageStream(threadId: $threadId, after: $after) {\n      messageId\n      delta\n      status\n      reset\n      message {\n        ...BoardChatMessage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BoardSendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      message {\n        ...BoardChatMessage\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation BoardSendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      message {\n        ...BoardChatMessage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BoardWorkspaceMembers($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Workspace {\n        members(first: 100) {\n          edges {\n            node {\n              id\n              user {\n                id\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BoardWorkspaceMembers($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Workspace {\n        members(first: 100) {\n          edges {\n            node {\n              id\n              user {\n                id\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BoardTaskFields on Task {\n    id\n    title\n    description\n    stageID\n    rank\n    priority\n    deadline\n    tags\n    assignee {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment BoardTaskFields on Task {\n    id\n    title\n    description\n    stageID\n    rank\n    priority\n    deadline\n    tags\n    assignee {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectBoard($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Project {\n        id\n        name\n        description\n        viewerCanEdit\n        workspace {\n          id\n          name\n          slug\n          state\n        }\n        service {\n          id\n          name\n        }\n        stages {\n          id\n          name\n          sequence\n          folded\n          tasks {\n            ...BoardTaskFields\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProjectBoard($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Project {\n        id\n        name\n        description\n        viewerCanEdit\n        workspace {\n          id\n          name\n          slug\n          state\n        }\n        service {\n          id\n          name\n        }\n        stages {\n          id\n          name\n          sequence\n          folded\n          tasks {\n            ...BoardTaskFields\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ProjectBoardEvents($projectId: ID!) {\n    projectBoard(projectId: $projectId) {\n      change\n      deletedId\n      task {\n        ...BoardTaskFields\n      }\n      stage {\n        id\n        name\n        sequence\n        folded\n      }\n      project {\n        id\n        name\n        description\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ProjectBoardEvents($projectId: ID!) {\n    projectBoard(projectId: $projectId) {\n      change\n      deletedId\n      task {\n        ...BoardTaskFields\n      }\n      stage {\n        id\n        name\n        sequence\n        folded\n      }\n      project {\n        id\n        name\n        description\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BoardCreateTask($input: CreateTaskInput!) {\n    createTask(input: $input) {\n      task {\n        ...BoardTaskFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation BoardCreateTask($input: CreateTaskInput!) {\n    createTask(input: $input) {\n      task {\n        ...BoardTaskFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BoardMoveTask($input: MoveTaskInput!) {\n    moveTask(input: $input) {\n      task {\n        ...BoardTaskFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation BoardMoveTask($input: MoveTaskInput!) {\n    moveTask(input: $input) {\n      task {\n        ...BoardTaskFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BoardUpdateTask($input: UpdateTaskInput!) {\n    updateTask(input: $input) {\n      task {\n        ...BoardTaskFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation BoardUpdateTask($input: UpdateTaskInput!) {\n    updateTask(input: $input) {\n      task {\n        ...BoardTaskFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BoardDeleteTask($input: DeleteTaskInput!) {\n    deleteTask(input: $input) {\n      deletedId\n    }\n  }\n"): (typeof documents)["\n  mutation BoardDeleteTask($input: DeleteTaskInput!) {\n    deleteTask(input: $input) {\n      deletedId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BoardCreateStage($input: CreateTaskStageInput!) {\n    createTaskStage(input: $input) {\n      stage {\n        id\n        name\n        sequence\n        folded\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation BoardCreateStage($input: CreateTaskStageInput!) {\n    createTaskStage(input: $input) {\n      stage {\n        id\n        name\n        sequence\n        folded\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BoardUpdateStage($input: UpdateTaskStageInput!) {\n    updateTaskStage(input: $input) {\n      stage {\n        id\n        name\n        sequence\n        folded\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation BoardUpdateStage($input: UpdateTaskStageInput!) {\n    updateTaskStage(input: $input) {\n      stage {\n        id\n        name\n        sequence\n        folded\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BoardMoveStage($input: MoveTaskStageInput!) {\n    moveTaskStage(input: $input) {\n      stage {\n        id\n        name\n        sequence\n        folded\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation BoardMoveStage($input: MoveTaskStageInput!) {\n    moveTaskStage(input: $input) {\n      stage {\n        id\n        name\n        sequence\n        folded\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BoardDeleteStage($input: DeleteTaskStageInput!) {\n    deleteTaskStage(input: $input) {\n      deletedId\n    }\n  }\n"): (typeof documents)["\n  mutation BoardDeleteStage($input: DeleteTaskStageInput!) {\n    deleteTaskStage(input: $input) {\n      deletedId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ServiceDetailUpdate($input: UpdateServiceInput!) {\n    updateService(input: $input) {\n      service {\n        id\n        state\n        errorMessage\n        chartVersion\n        values\n        ...ServiceViewerCan\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ServiceDetailUpdate($input: UpdateServiceInput!) {\n    updateService(input: $input) {\n      service {\n        id\n        state\n        errorMessage\n        chartVersion\n        values\n        ...ServiceViewerCan\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServiceDetail($id: ID!) {\n    cluster {\n      mode\n    }\n    node(id: $id) {\n      __typename\n      id\n      ... on Service {\n        id\n        name\n        state\n        errorMessage\n        errorDetail\n        url\n        chartVersion\n        helmRevision\n        deployedAt\n        lastUpgradedAt\n        releaseName\n        namespace\n        values\n        createdAt\n        ...ServiceViewerCan\n        workspace {\n          id\n          name\n          slug\n          state\n          viewerRole\n        }\n        template {\n          id\n          name\n          slug\n          chartRef\n          chartVersion\n          valueSpecs {\n            required {\n              ...ValueSpecFields\n            }\n            optional {\n              ...ValueSpecFields\n            }\n          }\n        }\n        revisions(first: 50, orderBy: { field: REVISION, direction: DESC }) {\n          totalCount\n          edges {\n            node {\n              id\n              revision\n              chartVersion\n              appVersion\n              status\n              description\n              createdAt\n            }\n          }\n        }\n        events(last: 100, orderBy: { field: CREATED_AT, direction: ASC }) {\n          totalCount\n          edges {\n            node {\n              id\n              createdAt\n              state\n              level\n              message\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ServiceDetail($id: ID!) {\n    cluster {\n      mode\n    }\n    node(id: $id) {\n      __typename\n      id\n      ... on Service {\n        id\n        name\n        state\n        errorMessage\n        errorDetail\n        url\n        chartVersion\n        helmRevision\n        deployedAt\n        lastUpgradedAt\n        releaseName\n        namespace\n        values\n        createdAt\n        ...ServiceViewerCan\n        workspace {\n          id\n          name\n          slug\n          state\n          viewerRole\n        }\n        template {\n          id\n          name\n          slug\n          chartRef\n          chartVersion\n          valueSpecs {\n            required {\n              ...ValueSpecFields\n            }\n            optional {\n              ...ValueSpecFields\n            }\n          }\n        }\n        revisions(first: 50, orderBy: { field: REVISION, direction: DESC }) {\n          totalCount\n          edges {\n            node {\n              id\n              revision\n              chartVersion\n              appVersion\n              status\n              description\n              createdAt\n            }\n          }\n        }\n        events(last: 100, orderBy: { field: CREATED_AT, direction: ASC }) {\n          totalCount\n          edges {\n            node {\n              id\n              createdAt\n              state\n              level\n              message\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServiceDetailState($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Service {\n        id\n        state\n        errorMessage\n        errorDetail\n        helmRevision\n        ...ServiceViewerCan\n      }\n    }\n  }\n"): (typeof documents)["\n  query ServiceDetailState($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Service {\n        id\n        state\n        errorMessage\n        errorDetail\n        helmRevision\n        ...ServiceViewerCan\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ServiceEvents($serviceId: ID!) {\n    serviceEvents(serviceId: $serviceId) {\n      id\n      createdAt\n      state\n      level\n      message\n      service {\n        id\n        state\n        errorMessage\n        errorDetail\n        helmRevision\n        chartVersion\n        deployedAt\n        lastUpgradedAt\n        ...ServiceViewerCan\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ServiceEvents($serviceId: ID!) {\n    serviceEvents(serviceId: $serviceId) {\n      id\n      createdAt\n      state\n      level\n      message\n      service {\n        id\n        state\n        errorMessage\n        errorDetail\n        helmRevision\n        chartVersion\n        deployedAt\n        lastUpgradedAt\n        ...ServiceViewerCan\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ServiceDetailStop($input: StopServiceInput!) {\n    stopService(input: $input) {\n      service {\n        id\n        state\n        errorMessage\n        errorDetail\n        ...ServiceViewerCan\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ServiceDetailStop($input: StopServiceInput!) {\n    stopService(input: $input) {\n      service {\n        id\n        state\n        errorMessage\n        errorDetail\n        ...ServiceViewerCan\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ServiceDetailStart($input: StartServiceInput!) {\n    startService(input: $input) {\n      service {\n        id\n        state\n        errorMessage\n        errorDetail\n        ...ServiceViewerCan\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ServiceDetailStart($input: StartServiceInput!) {\n    startService(input: $input) {\n      service {\n        id\n        state\n        errorMessage\n        errorDetail\n        ...ServiceViewerCan\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ServiceDetailRetry($input: UpdateServiceInput!) {\n    updateService(input: $input) {\n      service {\n        id\n        state\n        errorMessage\n        errorDetail\n        ...ServiceViewerCan\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ServiceDetailRetry($input: UpdateServiceInput!) {\n    updateService(input: $input) {\n      service {\n        id\n        state\n        errorMessage\n        errorDetail\n        ...ServiceViewerCan\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ServiceDetailDelete($input: DeleteServiceInput!) {\n    deleteService(input: $input) {\n      service {\n        id\n        state\n        errorMessage\n        errorDetail\n        ...ServiceViewerCan\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ServiceDetailDelete($input: DeleteServiceInput!) {\n    deleteService(input: $input) {\n      service {\n        id\n        state\n        errorMessage\n        errorDetail\n        ...ServiceViewerCan\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServiceDetailManifest($serviceId: ID!) {\n    serviceManifest(serviceId: $serviceId)\n  }\n"): (typeof documents)["\n  query ServiceDetailManifest($serviceId: ID!) {\n    serviceManifest(serviceId: $serviceId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServiceDetailValuesDiff($serviceId: ID!, $from: Int!, $to: Int!) {\n    serviceValuesDiff(serviceId: $serviceId, from: $from, to: $to) {\n      key\n      kind\n      old\n      new\n      secret\n    }\n  }\n"): (typeof documents)["\n  query ServiceDetailValuesDiff($serviceId: ID!, $from: Int!, $to: Int!) {\n    serviceValuesDiff(serviceId: $serviceId, from: $from, to: $to) {\n      key\n      kind\n      old\n      new\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ServiceDetailRollback($input: RollbackServiceInput!) {\n    rollbackService(input: $input) {\n      service {\n        id\n        state\n        errorMessage\n        ...ServiceViewerCan\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ServiceDetailRollback($input: RollbackServiceInput!) {\n    rollbackService(input: $input) {\n      service {\n        id\n        state\n        errorMessage\n        ...ServiceViewerCan\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ServiceViewerCan on Service {\n    viewerCanUpdate\n    viewerCanStop\n    viewerCanStart\n    viewerCanRollback\n    viewerCanDelete\n    viewerCanInspect\n  }\n"): (typeof documents)["\n  fragment ServiceViewerCan on Service {\n    viewerCanUpdate\n    viewerCanStop\n    viewerCanStart\n    viewerCanRollback\n    viewerCanDelete\n    viewerCanInspect\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SettingsOAuthGrants($id: ID!) {\n    node(id: $id) {\n      ... on User {\n        id\n        oauthGrants {\n          clientId\n          clientName\n          scopes\n          grantedAt\n          lastUsedAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SettingsOAuthGrants($id: ID!) {\n    node(id: $id) {\n      ... on User {\n        id\n        oauthGrants {\n          clientId\n          clientName\n          scopes\n          grantedAt\n          lastUsedAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeOAuthGrant($input: RevokeOAuthGrantInput!) {\n    revokeOAuthGrant(input: $input) {\n      clientId\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeOAuthGrant($input: RevokeOAuthGrantInput!) {\n    revokeOAuthGrant(input: $input) {\n      clientId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SettingsOAuthClients {\n    oauthClients(first: 100) {\n      edges {\n        node {\n          id\n          clientId\n          name\n          public\n          redirectUris\n          allowedScopes\n          createdAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SettingsOAuthClients {\n    oauthClients(first: 100) {\n      edges {\n        node {\n          id\n          clientId\n          name\n          public\n          redirectUris\n          allowedScopes\n          createdAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOAuthClient($input: CreateOAuthClientInput!) {\n    createOAuthClient(input: $input) {\n      client {\n        id\n        clientId\n        name\n        public\n        redirectUris\n        allowedScopes\n        createdAt\n      }\n      clientSecret\n    }\n  }\n"): (typeof documents)["\n  mutation CreateOAuthClient($input: CreateOAuthClientInput!) {\n    createOAuthClient(input: $input) {\n      client {\n        id\n        clientId\n        name\n        public\n        redirectUris\n        allowedScopes\n        createdAt\n      }\n      clientSecret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateOAuthClientSecret($input: RotateOAuthClientSecretInput!) {\n    rotateOAuthClientSecret(input: $input) {\n      client {\n        id\n      }\n      clientSecret\n    }\n  }\n"): (typeof documents)["\n  mutation RotateOAuthClientSecret($input: RotateOAuthClientSecretInput!) {\n    rotateOAuthClientSecret(input: $input) {\n      client {\n        id\n      }\n      clientSecret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteOAuthClient($input: DeleteOAuthClientInput!) {\n    deleteOAuthClient(input: $input) {\n      deletedId\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteOAuthClient($input: DeleteOAuthClientInput!) {\n    deleteOAuthClient(input: $input) {\n      deletedId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SettingsUpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      user {\n        id\n        name\n        email\n        # A new address is not confirmed: the server clears it.\n        emailVerifiedAt\n        locale\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SettingsUpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      user {\n        id\n        name\n        email\n        # A new address is not confirmed: the server clears it.\n        emailVerifiedAt\n        locale\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SettingsChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      ok\n    }\n  }\n"): (typeof documents)["\n  mutation SettingsChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      ok\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SmartHomeDetail($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on SmartHome {\n        ...SmartHomeFields\n        workspace {\n          id\n          name\n          slug\n          state\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SmartHomeDetail($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on SmartHome {\n        ...SmartHomeFields\n        workspace {\n          id\n          name\n          slug\n          state\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SmartHomeDetailState($id: ID!) {\n    node(id: $id) {\n      id\n      ... on SmartHome {\n        ...SmartHomeFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query SmartHomeDetailState($id: ID!) {\n    node(id: $id) {\n      id\n      ... on SmartHome {\n        ...SmartHomeFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SmartHomeTunnelToken($id: ID!) {\n    node(id: $id) {\n      id\n      ... on SmartHome {\n        id\n        tunnelToken\n      }\n    }\n  }\n"): (typeof documents)["\n  query SmartHomeTunnelToken($id: ID!) {\n    node(id: $id) {\n      id\n      ... on SmartHome {\n        id\n        tunnelToken\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SmartHomeRefresh($input: RefreshSmartHomeStatusInput!) {\n    refreshSmartHomeStatus(input: $input) {\n      smartHome {\n        ...SmartHomeFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SmartHomeRefresh($input: RefreshSmartHomeStatusInput!) {\n    refreshSmartHomeStatus(input: $input) {\n      smartHome {\n        ...SmartHomeFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SmartHomeRetry($input: RetrySmartHomeInput!) {\n    retrySmartHome(input: $input) {\n      smartHome {\n        ...SmartHomeFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SmartHomeRetry($input: RetrySmartHomeInput!) {\n    retrySmartHome(input: $input) {\n      smartHome {\n        ...SmartHomeFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SmartHomeDelete($input: DeleteSmartHomeInput!) {\n    deleteSmartHome(input: $input) {\n      smartHome {\n        ...SmartHomeFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SmartHomeDelete($input: DeleteSmartHomeInput!) {\n    deleteSmartHome(input: $input) {\n      smartHome {\n        ...SmartHomeFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkspaceSmartHomes($slug: String!) {\n    workspace(slug: $slug) {\n      id\n      smartHomes(first: 100, where: { stateNEQ: gone }, orderBy: { field: NAME, direction: ASC }) {\n        totalCount\n        edges {\n          node {\n            ...SmartHomeFields\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WorkspaceSmartHomes($slug: String!) {\n    workspace(slug: $slug) {\n      id\n      smartHomes(first: 100, where: { stateNEQ: gone }, orderBy: { field: NAME, direction: ASC }) {\n        totalCount\n        edges {\n          node {\n            ...SmartHomeFields\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SmartHomeStatus($workspaceId: ID!, $after: Time) {\n    smartHomeStatus(workspaceId: $workspaceId, after: $after) {\n      ...SmartHomeFields\n    }\n  }\n"): (typeof documents)["\n  subscription SmartHomeStatus($workspaceId: ID!, $after: Time) {\n    smartHomeStatus(workspaceId: $workspaceId, after: $after) {\n      ...SmartHomeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSmartHome($input: CreateSmartHomeInput!) {\n    createSmartHome(input: $input) {\n      smartHome {\n        ...SmartHomeFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateSmartHome($input: CreateSmartHomeInput!) {\n    createSmartHome(input: $input) {\n      smartHome {\n        ...SmartHomeFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SmartHomeFields on SmartHome {\n    id\n    name\n    state\n    errorMessage\n    tunnelID\n    tunnelName\n    tunnelRoute\n    tunnelStatus\n    connectorID\n    connectorType\n    connectedSince\n    haPort\n    subdomain\n    deployedAt\n    createdAt\n    updatedAt\n    viewerCanManage\n  }\n"): (typeof documents)["\n  fragment SmartHomeFields on SmartHome {\n    id\n    name\n    state\n    errorMessage\n    tunnelID\n    tunnelName\n    tunnelRoute\n    tunnelStatus\n    connectorID\n    connectorType\n    connectedSince\n    haPort\n    subdomain\n    deployedAt\n    createdAt\n    updatedAt\n    viewerCanManage\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WorkspaceListCreate($input: CreateWorkspaceInput!) {\n    createWorkspace(input: $input) {\n      workspace {\n        id\n        name\n        slug\n        description\n        state\n        viewerRole\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation WorkspaceListCreate($input: CreateWorkspaceInput!) {\n    createWorkspace(input: $input) {\n      workspace {\n        id\n        name\n        slug\n        description\n        state\n        viewerRole\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamPage($slug: String!) {\n    workspace(slug: $slug) {\n      id\n      name\n      slug\n      state\n      viewerRole\n      ...WorkspaceViewerCan\n      members(first: 100) {\n        totalCount\n        edges {\n          node {\n            id\n            role\n            invitedAt\n            createdAt\n            user {\n              id\n              name\n              email\n            }\n          }\n        }\n      }\n      pendingInvitations {\n        id\n        email\n        role\n        status\n        expiresAt\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query TeamPage($slug: String!) {\n    workspace(slug: $slug) {\n      id\n      name\n      slug\n      state\n      viewerRole\n      ...WorkspaceViewerCan\n      members(first: 100) {\n        totalCount\n        edges {\n          node {\n            id\n            role\n            invitedAt\n            createdAt\n            user {\n              id\n              name\n              email\n            }\n          }\n        }\n      }\n      pendingInvitations {\n        id\n        email\n        role\n        status\n        expiresAt\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TeamInvite($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      invitation {\n        id\n        email\n        role\n        status\n        expiresAt\n        createdAt\n      }\n      link\n    }\n  }\n"): (typeof documents)["\n  mutation TeamInvite($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      invitation {\n        id\n        email\n        role\n        status\n        expiresAt\n        createdAt\n      }\n      link\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TeamCancelInvitation($input: CancelInvitationInput!) {\n    cancelInvitation(input: $input) {\n      invitation {\n        id\n        status\n        workspace {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation TeamCancelInvitation($input: CancelInvitationInput!) {\n    cancelInvitation(input: $input) {\n      invitation {\n        id\n        status\n        workspace {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TeamInvitationLink($input: CreateInvitationLinkInput!) {\n    createInvitationLink(input: $input) {\n      invitation {\n        id\n        status\n        expiresAt\n      }\n      link\n    }\n  }\n"): (typeof documents)["\n  mutation TeamInvitationLink($input: CreateInvitationLinkInput!) {\n    createInvitationLink(input: $input) {\n      invitation {\n        id\n        status\n        expiresAt\n      }\n      link\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TeamUpdateRole($input: UpdateMemberRoleInput!) {\n    updateMemberRole(input: $input) {\n      member {\n        id\n        role\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation TeamUpdateRole($input: UpdateMemberRoleInput!) {\n    updateMemberRole(input: $input) {\n      member {\n        id\n        role\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TeamRemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      removedUserId\n      workspace {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation TeamRemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      removedUserId\n      workspace {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TeamLeave($input: LeaveWorkspaceInput!) {\n    leaveWorkspace(input: $input) {\n      workspaceId\n    }\n  }\n"): (typeof documents)["\n  mutation TeamLeave($input: LeaveWorkspaceInput!) {\n    leaveWorkspace(input: $input) {\n      workspaceId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TeamTransferOwnership($input: TransferOwnershipInput!) {\n    transferOwnership(input: $input) {\n      workspace {\n        id\n        ownerID\n        viewerRole\n        ...WorkspaceViewerCan\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation TeamTransferOwnership($input: TransferOwnershipInput!) {\n    transferOwnership(input: $input) {\n      workspace {\n        id\n        ownerID\n        viewerRole\n        ...WorkspaceViewerCan\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkspaceDetailPage($slug: String!) {\n    workspace(slug: $slug) {\n      id\n      name\n      slug\n      description\n      state\n      viewerRole\n      ...WorkspaceViewerCan\n      namespace\n      members(first: 0) {\n        totalCount\n      }\n      services(first: 100, where: { stateNEQ: gone }, orderBy: { field: NAME, direction: ASC }) {\n        totalCount\n        edges {\n          node {\n            id\n            name\n            state\n            errorMessage\n            url\n            chartVersion\n            helmRevision\n            template {\n              id\n              name\n              slug\n              icon\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WorkspaceDetailPage($slug: String!) {\n    workspace(slug: $slug) {\n      id\n      name\n      slug\n      description\n      state\n      viewerRole\n      ...WorkspaceViewerCan\n      namespace\n      members(first: 0) {\n        totalCount\n      }\n      services(first: 100, where: { stateNEQ: gone }, orderBy: { field: NAME, direction: ASC }) {\n        totalCount\n        edges {\n          node {\n            id\n            name\n            state\n            errorMessage\n            url\n            chartVersion\n            helmRevision\n            template {\n              id\n              name\n              slug\n              icon\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WorkspaceDetailServices($workspaceId: ID!) {\n    workspaceServices(workspaceId: $workspaceId) {\n      id\n      name\n      state\n      errorMessage\n      url\n      chartVersion\n      helmRevision\n      ...ServiceViewerCan\n      template {\n        id\n        name\n        slug\n        icon\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription WorkspaceDetailServices($workspaceId: ID!) {\n    workspaceServices(workspaceId: $workspaceId) {\n      id\n      name\n      state\n      errorMessage\n      url\n      chartVersion\n      helmRevision\n      ...ServiceViewerCan\n      template {\n        id\n        name\n        slug\n        icon\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WorkspaceDetailUpdate($input: UpdateWorkspaceInput!) {\n    updateWorkspace(input: $input) {\n      workspace {\n        id\n        name\n        description\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation WorkspaceDetailUpdate($input: UpdateWorkspaceInput!) {\n    updateWorkspace(input: $input) {\n      workspace {\n        id\n        name\n        description\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WorkspaceDetailArchive($input: ArchiveWorkspaceInput!) {\n    archiveWorkspace(input: $input) {\n      workspace {\n        id\n        state\n        ...WorkspaceViewerCan\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation WorkspaceDetailArchive($input: ArchiveWorkspaceInput!) {\n    archiveWorkspace(input: $input) {\n      workspace {\n        id\n        state\n        ...WorkspaceViewerCan\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkspaceListPage {\n    workspaces(first: 100, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          slug\n          description\n          state\n          viewerRole\n          members(first: 0) {\n            totalCount\n          }\n          services(first: 0, where: { stateNEQ: gone }) {\n            totalCount\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WorkspaceListPage {\n    workspaces(first: 100, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          slug\n          description\n          state\n          viewerRole\n          members(first: 0) {\n            totalCount\n          }\n          services(first: 0, where: { stateNEQ: gone }) {\n            totalCount\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WorkspaceViewerCan on Workspace {\n    viewerCanUpdate\n    viewerCanManageMembers\n    viewerCanAdminister\n    viewerCanDeploy\n    viewerCanLeave\n  }\n"): (typeof documents)["\n  fragment WorkspaceViewerCan on Workspace {\n    viewerCanUpdate\n    viewerCanManageMembers\n    viewerCanAdminister\n    viewerCanDeploy\n    viewerCanLeave\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;