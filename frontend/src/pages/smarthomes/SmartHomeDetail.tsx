// A smart home's page (/workspaces/:slug/smart-homes/:id): its live state
// and tunnel status, the host name once active, refresh, retry (in error),
// delete, the tunnel token on request (admins), and the Home Assistant
// setup help.
import { useEffect, useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useMutation, useQuery, useSubscription, type CombinedError } from "urql";
import { graphql } from "../../gql";
import type { SmartHomeDetailQuery } from "../../gql/graphql";
import { CopyLink } from "../../components/CopyLink";
import { Button, ConfirmDialog, EmptyState, ErrorMessage, Loading, RelativeTime } from "../../components/ui";
import { appError } from "../../lib/errors";
import { SmartHomeStatusSubscription } from "./SmartHomes";
import {
  HomeAssistantHelp,
  SmartHomeStateBadge,
  TunnelStatusBadge,
  TunnelStatusText,
  isBusy,
  smartHomeStateInSentence,
} from "./parts";

export const SmartHomeDetailDocument = graphql(`
  query SmartHomeDetail($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on SmartHome {
        ...SmartHomeFields
        workspace {
          id
          name
          slug
          state
        }
      }
    }
  }
`);

/** A light query polled while a job runs, in case the live stream is down. */
const SmartHomeStateDocument = graphql(`
  query SmartHomeDetailState($id: ID!) {
    node(id: $id) {
      id
      ... on SmartHome {
        ...SmartHomeFields
      }
    }
  }
`);

/** The token: asked for only when the viewer presses "Reveal token" (each reading is logged). */
export const SmartHomeTunnelTokenDocument = graphql(`
  query SmartHomeTunnelToken($id: ID!) {
    node(id: $id) {
      id
      ... on SmartHome {
        id
        tunnelToken
      }
    }
  }
`);

const RefreshSmartHomeDocument = graphql(`
  mutation SmartHomeRefresh($input: RefreshSmartHomeStatusInput!) {
    refreshSmartHomeStatus(input: $input) {
      smartHome {
        ...SmartHomeFields
      }
    }
  }
`);

const RetrySmartHomeDocument = graphql(`
  mutation SmartHomeRetry($input: RetrySmartHomeInput!) {
    retrySmartHome(input: $input) {
      smartHome {
        ...SmartHomeFields
      }
    }
  }
`);

const DeleteSmartHomeDocument = graphql(`
  mutation SmartHomeDelete($input: DeleteSmartHomeInput!) {
    deleteSmartHome(input: $input) {
      smartHome {
        ...SmartHomeFields
      }
    }
  }
`);

export type SmartHomeData = Extract<NonNullable<SmartHomeDetailQuery["node"]>, { __typename: "SmartHome" }>;

export function SmartHomeDetail() {
  // A fresh page (revealed token, messages) for each home.
  const { id = "" } = useParams();
  return <SmartHomePage key={id} id={id} />;
}

function SmartHomePage({ id }: { id: string }) {
  const { t } = useTranslation("smarthomes");
  const { slug = "" } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: SmartHomeDetailDocument, variables: { id } });
  const node = data?.node;
  const home = node && node.__typename === "SmartHome" ? (node as SmartHomeData) : null;

  // Live: the workspace's stream updates this home in the cache.
  const [sub] = useSubscription({
    query: SmartHomeStatusSubscription,
    variables: { workspaceId: home?.workspace.id ?? "" },
    pause: !home || home.workspace.state !== "active",
  });

  // While a job runs, poll the state as well: the page settles even if the
  // WebSocket is down.
  const busy = !!home && isBusy(home.state);
  const [, repoll] = useQuery({
    query: SmartHomeStateDocument,
    variables: { id },
    pause: !busy,
    requestPolicy: "network-only",
  });
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => repoll({ requestPolicy: "network-only" }), 4000);
    return () => clearInterval(timer);
  }, [busy, repoll]);

  if (!data && fetching) return <Loading label={t("detail.loading")} />;
  if (!home) {
    const err = appError(error);
    if (err && err.code !== "NOT_FOUND") return <ErrorMessage error={error} />;
    return (
      <EmptyState
        title={t("detail.notFoundTitle")}
        action={
          <Link to={slug ? `/workspaces/${encodeURIComponent(slug)}` : "/workspaces"} className="btn btn-primary">
            {t("detail.backToWorkspace")}
          </Link>
        }
      >
        {t("detail.notFoundBody")}
      </EmptyState>
    );
  }
  const subErr = appError(sub.error);
  return (
    <div className="stack">
      <Header home={home} />
      {sub.error && subErr?.code !== "UNAUTHENTICATED" && (
        <p className="muted" role="status">
          {t("detail.paused", { reason: subErr?.message })}
        </p>
      )}
      {home.state === "error" && (
        <div className="alert alert-error" role="alert">
          <strong>{t("detail.failed")}</strong> {home.errorMessage || t("detail.noReason")}
          {home.viewerCanManage && <> {t("detail.retryOrDelete")}</>}
        </div>
      )}
      {home.state === "gone" && (
        <div className="alert alert-warning" role="status">
          {t("detail.gone")}{" "}
          <Link to={`/workspaces/${encodeURIComponent(home.workspace.slug)}`}>
            {t("detail.backTo", { name: home.workspace.name })}
          </Link>
        </div>
      )}
      {home.state === "deleting" && (
        <div className="alert alert-info" role="status">
          {t("detail.deleting")}
        </div>
      )}
      <Facts home={home} />
      {home.viewerCanManage && (home.state === "active" || home.state === "error") && <TunnelToken home={home} />}
      {home.state !== "gone" && <HomeAssistantHelp haPort={home.haPort} />}
    </div>
  );
}

function Header({ home }: { home: SmartHomeData }) {
  const { t } = useTranslation(["smarthomes", "common"]);
  const vars = { input: { id: home.id } };
  const [refresh, doRefresh] = useMutation(RefreshSmartHomeDocument);
  const [retry, doRetry] = useMutation(RetrySmartHomeDocument);
  const [del, doDelete] = useMutation(DeleteSmartHomeDocument);
  const [failed, setFailed] = useState<CombinedError | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [deleteFailed, setDeleteFailed] = useState(false);
  const live = home.state !== "gone" && home.state !== "deleting";

  const run = async (fn: () => Promise<{ error?: CombinedError }>) => {
    setFailed(null);
    const r = await fn();
    if (r.error) setFailed(r.error);
  };

  return (
    <div className="stack" style={{ gap: "0.5rem" }}>
      <div className="page-header" style={{ marginBottom: 0 }}>
        <div>
          <div className="row">
            <h1 style={{ margin: 0, overflowWrap: "anywhere" }}>{home.name}</h1>
            <span aria-live="polite" aria-atomic="true">
              <span className="visually-hidden">{t("detail.stateLabel")}</span>
              <SmartHomeStateBadge state={home.state} />
            </span>
          </div>
          <p className="muted" style={{ margin: "0.25rem 0 0" }}>
            <Trans
              t={t}
              i18nKey="detail.in"
              values={{ name: home.workspace.name }}
              components={{ workspace: <Link to={`/workspaces/${encodeURIComponent(home.workspace.slug)}`} /> }}
            />
          </p>
        </div>
        <div className="row">
          {live && (
            <Button busy={refresh.fetching} onClick={() => run(() => doRefresh(vars))}>
              {t("detail.refresh")}
            </Button>
          )}
          {home.state === "error" && home.viewerCanManage && (
            <Button busy={retry.fetching} onClick={() => run(() => doRetry(vars))}>
              {t("detail.retry")}
            </Button>
          )}
          {home.viewerCanManage && live && (
            <Button
              variant="danger"
              onClick={() => {
                setDeleteFailed(false);
                setDeleting(true);
              }}
            >
              {t("common:actions.delete")}
            </Button>
          )}
        </div>
      </div>
      <ErrorMessage error={failed} />
      <ConfirmDialog
        open={deleting}
        title={t("detail.deleteTitle", { name: home.name })}
        confirmLabel={t("detail.deleteConfirm")}
        danger
        busy={del.fetching}
        error={deleteFailed ? del.error : undefined}
        onClose={() => setDeleting(false)}
        onConfirm={async () => {
          setDeleteFailed(false);
          const r = await doDelete(vars);
          if (r.data) setDeleting(false);
          else setDeleteFailed(true);
        }}
      >
        <p>{t("detail.deleteBody", { subdomain: home.subdomain })}</p>
      </ConfirmDialog>
    </div>
  );
}

function Facts({ home }: { home: SmartHomeData }) {
  const { t } = useTranslation("smarthomes");
  const url = `https://${home.subdomain}`;
  return (
    <section className="card stack" aria-labelledby="sh-facts-h">
      <h2 id="sh-facts-h">{t("facts.title")}</h2>
      <dl className="svc-facts">
        <dt>{t("facts.address")}</dt>
        <dd>
          {home.state === "active" ? (
            <a href={url} target="_blank" rel="noreferrer noopener">
              {url}
              <span className="visually-hidden"> {t("facts.newTab")}</span>
            </a>
          ) : (
            <>
              <span>{home.subdomain}</span>{" "}
              <span className="muted">
                {home.state === "gone" ? t("facts.removed") : t("facts.reachableLater")}
              </span>
            </>
          )}
        </dd>
        <dt>{t("facts.tunnel")}</dt>
        <dd>
          <span aria-live="polite" aria-atomic="true">
            <TunnelStatusBadge status={home.tunnelStatus} /> <TunnelStatusText home={home} />
          </span>
        </dd>
        <dt>{t("facts.port")}</dt>
        <dd>{home.haPort}</dd>
        {home.tunnelID && (
          <>
            <dt>{t("facts.tunnelId")}</dt>
            <dd>
              <code>{home.tunnelID}</code>
            </dd>
          </>
        )}
        <dt>{t("facts.tunnelName")}</dt>
        <dd>
          <code>{home.tunnelName}</code>
        </dd>
        <dt>{t("facts.activeSince")}</dt>
        <dd>
          {home.deployedAt ? <RelativeTime value={home.deployedAt} /> : <span className="muted">{t("facts.notYet")}</span>}
        </dd>
        <dt>{t("facts.added")}</dt>
        <dd>
          <RelativeTime value={home.createdAt} />
        </dd>
      </dl>
    </section>
  );
}

/**
 * The tunnel token, read only when asked for: the query is paused until
 * "Reveal token" (every reading goes into the activity feed), and asked of
 * the network each time.
 */
export function TunnelToken({ home }: { home: Pick<SmartHomeData, "id" | "state"> }) {
  const { t } = useTranslation("smarthomes");
  const [revealed, setRevealed] = useState(false);
  const [{ data, fetching, error }] = useQuery({
    query: SmartHomeTunnelTokenDocument,
    variables: { id: home.id },
    pause: !revealed,
    requestPolicy: "network-only",
  });
  const node = data?.node;
  const token = node && "tunnelToken" in node ? node.tunnelToken : undefined;

  return (
    <section className="card stack" aria-labelledby="sh-token-h">
      <h2 id="sh-token-h">{t("token.title")}</h2>
      <p className="muted" style={{ margin: 0 }}>
        {t("token.intro")}
      </p>
      {!revealed ? (
        <div className="row">
          <Button onClick={() => setRevealed(true)}>{t("token.reveal")}</Button>
        </div>
      ) : fetching && !data ? (
        <Loading label={t("token.reading")} />
      ) : error ? (
        <ErrorMessage error={error} />
      ) : token ? (
        <CopyLink link={token} label={t("token.label")} buttonLabel={t("token.copy")} what="token" secret />
      ) : (
        <p className="muted" role="status" style={{ margin: 0 }}>
          {t("token.none", { state: smartHomeStateInSentence(home.state) })}
        </p>
      )}
    </section>
  );
}
