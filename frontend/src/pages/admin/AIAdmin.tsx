// The AI administration page (platform admins): providers and agents. What
// a provider's Test found stays on the page, so the agent form can offer
// that provider's models.
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { EmptyState, ErrorMessage, Loading, PageHeader } from "../../components/ui";
import { useSignedInViewer } from "../../lib/session";
import { AIAgents } from "./AIAgents";
import { AIProviders, type TestResult } from "./AIProviders";
import { AIAdminDocument } from "./documents";

export function AIAdmin() {
  const viewer = useSignedInViewer();
  const { t } = useTranslation("admin");
  if (!viewer.platformAdmin) {
    return <EmptyState title={t("forAdmins")}>{t("ai.onlyAdmins")}</EmptyState>;
  }
  return <AIAdminPage />;
}

function AIAdminPage() {
  const { t } = useTranslation("admin");
  const [{ data, fetching, error }] = useQuery({ query: AIAdminDocument });
  const [tests, setTests] = useState<Record<string, TestResult>>({});
  const onTested = useCallback((id: string, r: TestResult) => setTests((prev) => ({ ...prev, [id]: r })), []);
  return (
    <div className="stack settings">
      <PageHeader title={t("ai.title")} description={t("ai.description")} />
      {!data && fetching ? (
        <Loading label={t("ai.loading")} />
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
