// The AI administration page's documents (platform admins).
import { graphql } from "../../gql";

export const AIProviderFieldsFragment = graphql(`
  fragment AIProviderFields on AIProvider {
    id
    name
    baseURL
    defaultModel
    active
    hasApiKey
  }
`);

export const AIAgentFieldsFragment = graphql(`
  fragment AIAgentFields on AIAgent {
    id
    handle
    displayName
    description
    systemPrompt
    providerID
    model
    isDefault
    active
  }
`);

export const AIAdminDocument = graphql(`
  query AIAdmin {
    aiProviders {
      ...AIProviderFields
    }
    aiAgents {
      ...AIAgentFields
    }
  }
`);

export const CreateAIProviderDocument = graphql(`
  mutation CreateAIProvider($input: CreateAIProviderInput!) {
    createAIProvider(input: $input) {
      provider {
        ...AIProviderFields
      }
    }
  }
`);

export const UpdateAIProviderDocument = graphql(`
  mutation UpdateAIProvider($input: UpdateAIProviderInput!) {
    updateAIProvider(input: $input) {
      provider {
        ...AIProviderFields
      }
    }
  }
`);

export const DeleteAIProviderDocument = graphql(`
  mutation DeleteAIProvider($input: DeleteAIProviderInput!) {
    deleteAIProvider(input: $input) {
      deletedId
    }
  }
`);

export const TestAIProviderDocument = graphql(`
  mutation TestAIProvider($input: TestAIProviderInput!) {
    testAIProvider(input: $input) {
      ok
      models
      message
    }
  }
`);

export const CreateAIAgentDocument = graphql(`
  mutation CreateAIAgent($input: CreateAIAgentInput!) {
    createAIAgent(input: $input) {
      agent {
        ...AIAgentFields
      }
    }
  }
`);

export const UpdateAIAgentDocument = graphql(`
  mutation UpdateAIAgent($input: UpdateAIAgentInput!) {
    updateAIAgent(input: $input) {
      agent {
        ...AIAgentFields
      }
    }
  }
`);

export const DeleteAIAgentDocument = graphql(`
  mutation DeleteAIAgent($input: DeleteAIAgentInput!) {
    deleteAIAgent(input: $input) {
      deletedId
    }
  }
`);
