// The consent page of the OAuth authorization code flow (`/oauth2/authorize`):
// the server has checked the client and its redirect URI before serving it.
// It shows who asks, for what, and where the browser goes next, then
// answers with the user's decision and follows the redirect the server makes.
import { useState } from "react";
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
  const [params] = useSearchParams();
  const input = consentInput(params);
  if (!input.clientId || !input.redirectUri) {
    return (
      <AuthCard title="This request is incomplete" footer={<Link to="/">Go to your dashboard</Link>}>
        <ErrorMessage message="The link that brought you here has no client_id or redirect_uri. Start again from the app that sent you." />
      </AuthCard>
    );
  }
  return <ConsentRequest input={input} />;
}

function ConsentRequest({ input }: { input: ReturnType<typeof consentInput> }) {
  const viewer = useSignedInViewer();
  const [{ data, fetching, error }] = useQuery({ query: OAuthConsentDocument, variables: { input }, requestPolicy: "network-only" });
  const [answer, authorize] = useMutation(AuthorizeOAuthClientDocument);
  const [choice, setChoice] = useState<"approve" | "deny" | null>(null);
  const [leaving, setLeaving] = useState(false);

  if (fetching && !data) {
    return (
      <AuthCard title="Authorize an app" footer={<Link to="/">Go to your dashboard</Link>}>
        <Loading label="Checking the request…" />
      </AuthCard>
    );
  }
  const consent = data?.oauthConsent;
  if (!consent) {
    const e = appError(error);
    return (
      <AuthCard title="This request cannot be approved" footer={<Link to="/">Go to your dashboard</Link>}>
        <ErrorMessage message={e ? sentence(e.message) : "The request could not be checked. Please try again."} />
        <p className="muted">Start again from the app that sent you here.</p>
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
      title={`Allow ${consent.clientName} to use your account?`}
      intro={
        <>
          Signed in as <span className="break">{viewer.email}</span>.
        </>
      }
      footer={
        <>
          You can revoke this at any time in <Link to="/settings">Settings</Link>, under Connected apps.
        </>
      }
    >
      <section className="stack oauth-section" aria-labelledby="oauth-scopes">
        <h2 id="oauth-scopes" className="oauth-subtitle">
          {consent.clientName} asks to
        </h2>
        <ScopeList scopes={consent.scopes} />
      </section>
      <div className={`oauth-destination ${consent.registeredRedirect ? "" : "oauth-destination-unregistered"}`} role="note" aria-label="Where your browser goes next">
        <p>
          After you decide, your browser goes to <strong className="break oauth-host">{consent.redirectHost}</strong>
        </p>
        {!consent.registeredRedirect && (
          <p className="oauth-caution">
            This is the address entered in the app. Approve only if it is your own Home Assistant.
          </p>
        )}
      </div>
      {failed && <ErrorMessage message={sentence(failed.message)} />}
      <div role="status" className="oauth-status">
        {leaving && <span className="muted">Going to {consent.redirectHost}…</span>}
      </div>
      <div className="oauth-actions">
        <Button variant="primary" busy={busy && choice === "approve"} disabled={busy} onClick={() => decide(true)}>
          Approve
        </Button>
        <Button busy={busy && choice === "deny"} disabled={busy} onClick={() => decide(false)}>
          Deny
        </Button>
      </div>
    </AuthCard>
  );
}
