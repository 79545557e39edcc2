// Confirming the account's address: the server e-mails a link
// (`/verify-email#token=…`, valid a day) when an account registers or
// changes its address, and again on request. Only a confirmed address shows
// the invitations sent to it on the dashboard; until then they reach the
// account through their links. Used by the Settings page and the
// /verify-email page.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { graphql } from "../../gql";
import { Button } from "../../components/ui";
import { appError, sentence } from "../../lib/errors";

export const RequestEmailVerificationDocument = graphql(`
  mutation RequestEmailVerification {
    requestEmailVerification {
      ok
    }
  }
`);

export const VerifyEmailDocument = graphql(`
  mutation VerifyEmail($input: VerifyEmailInput!) {
    verifyEmail(input: $input) {
      ok
    }
  }
`);

/**
 * "Send a confirmation link": asks the server to e-mail the signed-in
 * account a new link, and says what came of it. A server without e-mail
 * answers CONFLICT ("e-mail is not set up on this server"), shown as it is.
 */
export function SendConfirmationLink({ email, label }: { email: string; label?: string }) {
  const { t } = useTranslation("auth");
  const [op, request] = useMutation(RequestEmailVerificationDocument);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const error = appError(op.error);

  return (
    <div className="email-confirm-send">
      <Button
        busy={op.fetching}
        onClick={async () => {
          setSentTo(null);
          const res = await request({});
          if (res.data?.requestEmailVerification.ok) setSentTo(email);
        }}
      >
        {op.fetching ? t("confirmation.sending") : (label ?? t("confirmation.send"))}
      </Button>
      <div role="status">
        {sentTo && !op.fetching && (
          <p className="alert alert-success email-confirm-result">
            {t("confirmation.sent", { email: sentTo })}
          </p>
        )}
      </div>
      {error && !op.fetching && (
        <div className="alert alert-error email-confirm-result" role="alert">
          {sentence(error.message)}
          {error.code === "CONFLICT" && (
            <span className="email-confirm-note">
              {t("confirmation.noEmail")}
            </span>
          )}
        </div>
      )}
    </div>
  );
}
