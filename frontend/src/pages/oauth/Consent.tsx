// The consent page of the OAuth authorization code flow (`/oauth2/authorize`):
// the server has checked the client and its redirect URI before serving it.
// It shows who asks, for what, and where the browser goes next, then
// answers with the user's decision and follows the redirect the server makes.
import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import { Button, ErrorMessage, Loading } from "../../components/ui";
import { appError, sentence } from "../../lib/errors";
import { useSignedInViewer } from "../../lib/session";
import { AuthCard } from "../auth/AuthCard";
import { ScopeList } from "./ScopeList";

export const OAuthConsentDocument = graphql(`
  query OAuthConsent($input: OAuthConsentInput!) {
    oauthConsent(input: $input) {
      clientId
      clientName
      scopes {
        name
        description
      }
      redirectHost
      registeredRedirect
    }
  }
`);

export const AuthorizeOAuthClientDocument = graphql(`
  mutation AuthorizeOAuthClient($input: AuthorizeOAuthClientInput!) {
    authorizeOAuthClient(input: $input) {
      redirectTo
    }
  }
`);

/** The request's parameters as the GraphQL input spells them; absent ones are left out. */
export function consentInput(params: URLSearchParams) {
  const input: {
    clientId: string;
    redirectUri: string;
    scope?: string;
    state?: string;
    codeChallenge?: string;
    codeChallengeMethod?: string;
  } = { clientId: params.get("client_id") ?? "", redirectUri: params.get("redirect_uri") ?? "" };
  const optional = [
    ["scope", "scope"],
    ["state", "state"],
    ["codeChallenge", "code_challenge"],
    ["codeChallengeMethod", "code_challenge_method"],
  ] as const;
  for (const [field, param] of optional) {
    const v = params.get(param);
    if (v !== null) input[field] = v;
  }
  return input;
}

/** Moves the browser to the client (a page outside this app); tests replace it. */
export const browser = {
  go(url: string) {
    window.location.assign(url);
  },
};

export function Consent() {
  const { t } = useTranslation("oauth");
  const [params] = useSearchParams();
  const input = consentInput(params);
  if (!input.clientId || !input.redirectUri) {
    return (
      <AuthCard title={t("consent.incompleteTitle")} footer={<Link to="/">{t("dashboard")}</Link>}>
        <ErrorMessage message={t("consent.incomplete")} />
      </AuthCard>
    );
  }
  return <ConsentRequest input={input} />;
}

function ConsentRequest({ input }: { input: ReturnType<typeof consentInput> }) {
  const { t } = useTranslation("oauth");
  const viewer = useSignedInViewer();
  const [{ data, fetching, error }] = useQuery({ query: OAuthConsentDocument, variables: { input }, requestPolicy: "network-only" });
  const [answer, authorize] = useMutation(AuthorizeOAuthClientDocument);
  const [choice, setChoice] = useState<"approve" | "deny" | null>(null);
  const [leaving, setLeaving] = useState(false);

  if (fetching && !data) {
    return (
      <AuthCard title={t("consent.title")} footer={<Link to="/">{t("dashboard")}</Link>}>
        <Loading label={t("consent.checking")} />
      </AuthCard>
    );
  }
  const consent = data?.oauthConsent;
  if (!consent) {
    const e = appError(error);
    return (
      <AuthCard title={t("consent.refusedTitle")} footer={<Link to="/">{t("dashboard")}</Link>}>
        <ErrorMessage message={e ? sentence(e.message) : t("consent.uncheckable")} />
        <p className="muted">{t("consent.startAgain")}</p>
      </AuthCard>
    );
  }

  const decide = async (approve: boolean) => {
    setChoice(approve ? "approve" : "deny");
    const res = await authorize({ input: { ...input, approve } });
    const to = res.data?.authorizeOAuthClient.redirectTo;
    if (to) {
      setLeaving(true);
      browser.go(to);
    } else {
      setChoice(null);
    }
  };
  const busy = answer.fetching || leaving;
  const failed = !busy && answer.error ? appError(answer.error) : undefined;

  return (
    <AuthCard
      title={t("ask.title", { client: consent.clientName })}
      intro={<Trans t={t} i18nKey="ask.signedInAs" values={{ email: viewer.email }} components={{ email: <span className="break" /> }} />}
      footer={<Trans t={t} i18nKey="ask.revoke" components={{ settings: <Link to="/settings" /> }} />}
    >
      <section className="stack oauth-section" aria-labelledby="oauth-scopes">
        <h2 id="oauth-scopes" className="oauth-subtitle">
          {t("ask.asksTo", { client: consent.clientName })}
        </h2>
        <ScopeList scopes={consent.scopes} />
      </section>
      <div className={`oauth-destination ${consent.registeredRedirect ? "" : "oauth-destination-unregistered"}`} role="note" aria-label={t("consent.destinationLabel")}>
        <p>
          <Trans
            t={t}
            i18nKey="consent.destination"
            values={{ host: consent.redirectHost }}
            components={{ host: <strong className="break oauth-host" /> }}
          />
        </p>
        {!consent.registeredRedirect && (
          <p className="oauth-caution">
            {t("consent.caution")}
          </p>
        )}
      </div>
      {failed && <ErrorMessage message={sentence(failed.message)} />}
      <div role="status" className="oauth-status">
        {leaving && <span className="muted">{t("consent.going", { host: consent.redirectHost })}</span>}
      </div>
      <div className="oauth-actions">
        <Button variant="primary" busy={busy && choice === "approve"} disabled={busy} onClick={() => decide(true)}>
          {t("ask.approve")}
        </Button>
        <Button busy={busy && choice === "deny"} disabled={busy} onClick={() => decide(false)}>
          {t("ask.deny")}
        </Button>
      </div>
    </AuthCard>
  );
}
