// The AI administration page (platform admins): providers and agents. What
// a provider's Test found stays on the page, so the agent form can offer
// that provider's models.
import { useCallback, useState } from "react";
import { useQuery } from "urql";
import { EmptyState, ErrorMessage, Loading, PageHeader } from "../../components/ui";
import { useSignedInViewer } from "../../lib/session";
import { AIAgents } from "./AIAgents";
import { AIProviders, type TestResult } from "./AIProviders";
import { AIAdminDocument } from "./documents";

export function AIAdmin() {
  const viewer = useSignedInViewer();
  if (!viewer.platformAdmin) {
    return (
      <EmptyState title="For platform admins">
        Only platform admins manage the AI providers and agents. Everyone can call on the agents in a workspace's
        threads.
      </EmptyState>
    );
  }
  return <AIAdminPage />;
}

function AIAdminPage() {
  const [{ data, fetching, error }] = useQuery({ query: AIAdminDocument });
  const [tests, setTests] = useState<Record<string, TestResult>>({});
  const onTested = useCallback((id: string, r: TestResult) => setTests((t) => ({ ...t, [id]: r })), []);
  return (
    <div className="stack settings">
      <PageHeader title="AI assistant" description="The providers the agents answer through, and the agents members call on in threads." />
      {!data && fetching ? (
        <Loading label="Loading the providers and agents…" />
      ) : !data ? (
        <ErrorMessage error={error} />
      ) : (
        <>
          <AIProviders providers={data.aiProviders} tests={tests} onTested={onTested} />
          <AIAgents agents={data.aiAgents} providers={data.aiProviders} tests={tests} />
        </>
      )}
    </div>
  );
}
