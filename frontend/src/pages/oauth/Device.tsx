// The device page (`/device`, RFC 8628): the user types the code a device
// (a Home Assistant, a TV) shows, sees who asks for what, and approves or
// denies. The device, polling the token endpoint, then gets its answer.
import { useState, type FormEvent } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useClient, useMutation, type CombinedError } from "urql";
import { graphql } from "../../gql";
import { i18n } from "../../i18n";
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

/** What to say about a refused code: NOT_FOUND in plain words, the rest (TOO_MANY_REQUESTS too) as the server says it. */
function deviceError(err: CombinedError | undefined | null): string | undefined {
  const e = appError(err);
  if (!e) return undefined;
  if (e.code === "NOT_FOUND") return i18n.t("oauth:device.notFound");
  return sentence(e.message);
}

export function Device() {
  const { t } = useTranslation("oauth");
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
      setLocal(c ? t("device.codeLength", { length: USER_CODE_LENGTH }) : t("device.enterCode"));
      return;
    }
    setLocal(undefined);
    setLookupError(undefined);
    setLooking(true);
    const userCode = formatUserCode(c);
    const res = await client.query(OAuthDeviceRequestDocument, { userCode }, { requestPolicy: "network-only" }).toPromise();
    setLooking(false);
    if (res.data?.oauthDeviceRequest) setRequest({ code: userCode, req: res.data.oauthDeviceRequest });
    else setLookupError(deviceError(res.error) ?? t("device.uncheckable"));
  };

  const decide = async (approve: boolean) => {
    if (!request) return;
    setChoice(approve ? "approve" : "deny");
    const res = await approveDevice({ input: { userCode: request.code, approve } });
    if (res.data?.approveOAuthDevice) setDone({ approved: approve, clientName: res.data.approveOAuthDevice.clientName });
    setChoice(null);
  };

  const footer = <Link to="/">{t("dashboard")}</Link>;

  if (done) {
    return (
      <AuthCard title={done.approved ? t("device.doneTitle") : t("device.deniedTitle")} footer={footer}>
        <p role="status" className={`alert ${done.approved ? "alert-success" : "alert-info"}`}>
          {t(done.approved ? "device.approved" : "device.denied", { client: done.clientName })}
        </p>
        <div className="oauth-actions">
          <Button onClick={startOver}>{t("device.enterAnother")}</Button>
        </div>
      </AuthCard>
    );
  }

  if (request) {
    const failed = choice === null ? deviceError(answer.error) : undefined;
    return (
      <AuthCard
        title={t("ask.title", { client: request.req.clientName })}
        intro={<Trans t={t} i18nKey="ask.signedInAs" values={{ email: viewer.email }} components={{ email: <span className="break" /> }} />}
        footer={<Trans t={t} i18nKey="ask.revoke" components={{ settings: <Link to="/settings" /> }} />}
      >
        <section className="stack oauth-section" aria-labelledby="device-scopes">
          <h2 id="device-scopes" className="oauth-subtitle">
            {t("ask.asksTo", { client: request.req.clientName })}
          </h2>
          <ScopeList scopes={request.req.scopes} />
        </section>
        <p className="oauth-destination" role="note">
          <Trans t={t} i18nKey="device.check" values={{ code: request.code }} components={{ code: <strong className="oauth-code" /> }} />
        </p>
        {failed && <ErrorMessage message={failed} />}
        <div className="oauth-actions">
          <Button variant="primary" busy={choice === "approve"} disabled={choice !== null} onClick={() => decide(true)}>
            {t("ask.approve")}
          </Button>
          <Button busy={choice === "deny"} disabled={choice !== null} onClick={() => decide(false)}>
            {t("ask.deny")}
          </Button>
          <Button variant="ghost" disabled={choice !== null} onClick={startOver}>
            {t("device.useAnother")}
          </Button>
        </div>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t("device.title")} intro={t("device.intro")} footer={footer}>
      <form className="stack" onSubmit={lookUp} noValidate aria-label={t("device.title")}>
        {lookupError && <ErrorMessage message={lookupError} />}
        <Field label={t("device.code")} error={local} hint={t("device.codeHint")}>
          {(p) => (
            <input
              {...p}
              className="input oauth-code-input"
              name="user_code"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              autoFocus
              // i18n-ignore: the code's shape, the same in every language
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
          {looking ? t("device.checking") : t("device.continue")}
        </Button>
      </form>
    </AuthCard>
  );
}
