// The board's GraphQL documents, shared by its components.
import { graphql } from "../../gql";

export const BoardTaskFieldsFragment = graphql(`
  fragment BoardTaskFields on Task {
    id
    title
    description
    stageID
    rank
    priority
    deadline
    tags
    assignee {
      id
      name
    }
  }
`);

export const ProjectBoardDocument = graphql(`
  query ProjectBoard($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Project {
        id
        name
        description
        viewerCanEdit
        workspace {
          id
          name
          slug
          state
        }
        service {
          id
          name
        }
        stages {
          id
          name
          sequence
          folded
          tasks {
            ...BoardTaskFields
          }
        }
      }
    }
  }
`);

export const ProjectBoardEventsDocument = graphql(`
  subscription ProjectBoardEvents($projectId: ID!) {
    projectBoard(projectId: $projectId) {
      change
      deletedId
      task {
        ...BoardTaskFields
      }
      stage {
        id
        name
        sequence
        folded
      }
      project {
        id
        name
        description
      }
    }
  }
`);

export const CreateTaskDocument = graphql(`
  mutation BoardCreateTask($input: CreateTaskInput!) {
    createTask(input: $input) {
      task {
        ...BoardTaskFields
      }
    }
  }
`);

export const MoveTaskDocument = graphql(`
  mutation BoardMoveTask($input: MoveTaskInput!) {
    moveTask(input: $input) {
      task {
        ...BoardTaskFields
      }
    }
  }
`);

export const UpdateTaskDocument = graphql(`
  mutation BoardUpdateTask($input: UpdateTaskInput!) {
    updateTask(input: $input) {
      task {
        ...BoardTaskFields
      }
    }
  }
`);

export const DeleteTaskDocument = graphql(`
  mutation BoardDeleteTask($input: DeleteTaskInput!) {
    deleteTask(input: $input) {
      deletedId
    }
  }
`);

export const CreateStageDocument = graphql(`
  mutation BoardCreateStage($input: CreateTaskStageInput!) {
    createTaskStage(input: $input) {
      stage {
        id
        name
        sequence
        folded
      }
    }
  }
`);

export const UpdateStageDocument = graphql(`
  mutation BoardUpdateStage($input: UpdateTaskStageInput!) {
    updateTaskStage(input: $input) {
      stage {
        id
        name
        sequence
        folded
      }
    }
  }
`);

export const MoveStageDocument = graphql(`
  mutation BoardMoveStage($input: MoveTaskStageInput!) {
    moveTaskStage(input: $input) {
      stage {
        id
        name
        sequence
        folded
      }
    }
  }
`);

export const DeleteStageDocument = graphql(`
  mutation BoardDeleteStage($input: DeleteTaskStageInput!) {
    deleteTaskStage(input: $input) {
      deletedId
    }
  }
`);
