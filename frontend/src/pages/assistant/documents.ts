// The GraphQL documents of the assistant pages (threads and chat) and of
// the AI administration page share these fragments.
import { graphql } from "../../gql";

/** What the chat shows of a message: author, status, text, error. */
export const ChatMessageFieldsFragment = graphql(`
  fragment ChatMessageFields on AIMessage {
    id
    role
    status
    content
    error
    createdAt
    authorUser {
      id
      name
    }
    authorAgent {
      id
      handle
      displayName
      avatarColor
    }
  }
`);

export const ThreadFieldsFragment = graphql(`
  fragment ThreadFields on AIThread {
    id
    title
    autoReply
    createdAt
    viewerCanDelete
    createdBy {
      id
      name
    }
    defaultAgent {
      id
      handle
      displayName
    }
  }
`);

/** The agents anyone signed in may call on (no system prompts). */
export const MentionAgentsDocument = graphql(`
  query MentionAgents {
    aiAgents {
      id
      handle
      displayName
      description
      active
      isDefault
    }
  }
`);

export const AssistantThreadsDocument = graphql(`
  query AssistantThreads($slug: String!) {
    workspace(slug: $slug) {
      id
      name
      slug
      state
      viewerRole
      viewerCanChat
      threads(first: 100, orderBy: { field: CREATED_AT, direction: DESC }) {
        totalCount
        edges {
          node {
            ...ThreadFields
          }
        }
      }
    }
  }
`);

export const ThreadPageDocument = graphql(`
  query ThreadPage($slug: String!, $id: ID!) {
    workspace(slug: $slug) {
      id
      name
      slug
      state
      viewerRole
      viewerCanChat
    }
    node(id: $id) {
      __typename
      ... on AIThread {
        ...ThreadFields
        messages(last: 100, orderBy: { field: CREATED_AT, direction: ASC }) {
          totalCount
          edges {
            node {
              ...ChatMessageFields
            }
          }
        }
      }
    }
  }
`);

export const CreateThreadDocument = graphql(`
  mutation CreateThread($input: CreateThreadInput!) {
    createThread(input: $input) {
      thread {
        ...ThreadFields
      }
    }
  }
`);

export const DeleteThreadDocument = graphql(`
  mutation DeleteThread($input: DeleteThreadInput!) {
    deleteThread(input: $input) {
      deletedId
    }
  }
`);

export const SendMessageDocument = graphql(`
  mutation SendMessage($input: SendMessageInput!) {
    sendMessage(input: $input) {
      message {
        ...ChatMessageFields
      }
      replies {
        ...ChatMessageFields
      }
    }
  }
`);

export const CancelGenerationDocument = graphql(`
  mutation CancelGeneration($input: CancelGenerationInput!) {
    cancelGeneration(input: $input) {
      message {
        ...ChatMessageFields
      }
    }
  }
`);

export const RegenerateMessageDocument = graphql(`
  mutation RegenerateMessage($input: RegenerateMessageInput!) {
    regenerateMessage(input: $input) {
      message {
        ...ChatMessageFields
      }
    }
  }
`);

export const MessageStreamDocument = graphql(`
  subscription MessageStream($threadId: ID!, $after: ID) {
    messageStream(threadId: $threadId, after: $after) {
      messageId
      delta
      status
      reset
      message {
        ...ChatMessageFields
      }
    }
  }
`);
