// Test helpers of the marketplace pages: a urql client answering by operation
// name, and the pages inside a router.
export { badInput, mockClient, opName, type Answer, type Answers } from "../../test/mockClient";
