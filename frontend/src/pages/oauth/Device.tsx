// The device page (`/device`, RFC 8628): the user types the code a device
// (a Home Assistant, a TV) shows, sees who asks for what, and approves or
// denies. The device, polling the token endpoint, then gets its answer.
import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { useClient, useMutation, type CombinedError } from "urql";
import { graphql } from "../../gql";
import type { OAuthDeviceRequestQuery } from "../../gql/graphql";
import { Button, ErrorMessage, Field } from "../../components/ui";
import { appError, sentence } from "../../lib/errors";
import { useSignedInViewer } from "../../lib/session";
import { AuthCard } from "../auth/AuthCard";
import { ScopeList } from "./ScopeList";
import { USER_CODE_LENGTH, formatUserCode, normaliseUserCode } from "./userCode";

export const OAuthDeviceRequestDocument = graphql(`
  query OAuthDeviceRequest($userCode: String!) {
    oauthDeviceRequest(userCode: $userCode) {
      clientName
      scopes {
        name
        description
      }
    }
  }
`);

export const ApproveOAuthDeviceDocument = graphql(`
  mutation ApproveOAuthDevice($input: ApproveOAuthDeviceInput!) {
    approveOAuthDevice(input: $input) {
      clientName
      scopes
    }
  }
`);

type DeviceRequest = OAuthDeviceRequestQuery["oauthDeviceRequest"];

const notFound = "There is no pending request with this code (it may have expired). Check the code on your device, or start again there.";

/** What to say about a refused code: NOT_FOUND in plain words, the rest (TOO_MANY_REQUESTS too) as the server says it. */
function deviceError(err: CombinedError | undefined | null): string | undefined {
  const e = appError(err);
  if (!e) return undefined;
  if (e.code === "NOT_FOUND") return notFound;
  return sentence(e.message);
}

export function Device() {
  const viewer = useSignedInViewer();
  const [params] = useSearchParams();
  const client = useClient();
  const [code, setCode] = useState(() => formatUserCode(params.get("user_code") ?? ""));
  const [local, setLocal] = useState<string>();
  const [looking, setLooking] = useState(false);
  const [lookupError, setLookupError] = useState<string>();
  const [request, setRequest] = useState<{ code: string; req: DeviceRequest } | null>(null);
  const [answer, approveDevice] = useMutation(ApproveOAuthDeviceDocument);
  const [choice, setChoice] = useState<"approve" | "deny" | null>(null);
  const [done, setDone] = useState<{ approved: boolean; clientName: string } | null>(null);

  const startOver = () => {
    setRequest(null);
    setDone(null);
    setChoice(null);
    setLookupError(undefined);
    setCode("");
  };

  const lookUp = async (e: FormEvent) => {
    e.preventDefault();
    const c = normaliseUserCode(code);
    if (c.length !== USER_CODE_LENGTH) {
      setLocal(c ? `The code has ${USER_CODE_LENGTH} characters, like WDJB-MJHT` : "Enter the code your device shows");
      return;
    }
    setLocal(undefined);
    setLookupError(undefined);
    setLooking(true);
    const userCode = formatUserCode(c);
    const res = await client.query(OAuthDeviceRequestDocument, { userCode }, { requestPolicy: "network-only" }).toPromise();
    setLooking(false);
    if (res.data?.oauthDeviceRequest) setRequest({ code: userCode, req: res.data.oauthDeviceRequest });
    else setLookupError(deviceError(res.error) ?? "The code could not be checked. Please try again.");
  };

  const decide = async (approve: boolean) => {
    if (!request) return;
    setChoice(approve ? "approve" : "deny");
    const res = await approveDevice({ input: { userCode: request.code, approve } });
    if (res.data?.approveOAuthDevice) setDone({ approved: approve, clientName: res.data.approveOAuthDevice.clientName });
    setChoice(null);
  };

  const footer = <Link to="/">Go to your dashboard</Link>;

  if (done) {
    return (
      <AuthCard title={done.approved ? "Done — return to your device" : "Denied"} footer={footer}>
        <p role="status" className={`alert ${done.approved ? "alert-success" : "alert-info"}`}>
          {done.approved
            ? `${done.clientName} is connected to your account; it continues on its own in a few seconds. You can close this page.`
            : `${done.clientName} was not given access. You can close this page.`}
        </p>
        <div className="oauth-actions">
          <Button onClick={startOver}>Enter another code</Button>
        </div>
      </AuthCard>
    );
  }

  if (request) {
    const failed = choice === null ? deviceError(answer.error) : undefined;
    return (
      <AuthCard
        title={`Allow ${request.req.clientName} to use your account?`}
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
        <section className="stack oauth-section" aria-labelledby="device-scopes">
          <h2 id="device-scopes" className="oauth-subtitle">
            {request.req.clientName} asks to
          </h2>
          <ScopeList scopes={request.req.scopes} />
        </section>
        <p className="oauth-destination" role="note">
          Approve only if your device shows the code <strong className="oauth-code">{request.code}</strong> and you started this
          yourself.
        </p>
        {failed && <ErrorMessage message={failed} />}
        <div className="oauth-actions">
          <Button variant="primary" busy={choice === "approve"} disabled={choice !== null} onClick={() => decide(true)}>
            Approve
          </Button>
          <Button busy={choice === "deny"} disabled={choice !== null} onClick={() => decide(false)}>
            Deny
          </Button>
          <Button variant="ghost" disabled={choice !== null} onClick={startOver}>
            Use another code
          </Button>
        </div>
      </AuthCard>
    );
  }

  return (
    <AuthCard title="Connect a device" intro="Enter the code your device shows to connect it to your account." footer={footer}>
      <form className="stack" onSubmit={lookUp} noValidate aria-label="Connect a device">
        {lookupError && <ErrorMessage message={lookupError} />}
        <Field label="Code" error={local} hint="8 letters and digits, as your device shows them.">
          {(p) => (
            <input
              {...p}
              className="input oauth-code-input"
              name="user_code"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              autoFocus
              placeholder="XXXX-XXXX"
              value={code}
              onChange={(e) => {
                setCode(formatUserCode(e.target.value));
                setLocal(undefined);
              }}
            />
          )}
        </Field>
        <Button type="submit" variant="primary" busy={looking} className="auth-submit">
          {looking ? "Checking…" : "Continue"}
        </Button>
      </form>
    </AuthCard>
  );
}
