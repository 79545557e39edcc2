// A link to hand on (an invitation's): shown in full in a read-only field,
// with a button that copies it. When the browser does not allow copying,
// the link is selected so that Ctrl+C (⌘C) copies it. A `secret` (a tunnel
// token) is masked until shown; copying does not need it shown.
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "./ui";

async function writeClipboard(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Not allowed (no permission, not focused): try the old way.
  }
  if (!input) return false;
  input.focus();
  input.select();
  try {
    return typeof document.execCommand === "function" && document.execCommand("copy");
  } catch {
    return false;
  }
}

export function CopyLink({
  link,
  label,
  buttonLabel,
  what = "link",
  secret = false,
}: {
  link: string;
  label?: string;
  /** The copy button's text ("Copy secret"). */
  buttonLabel?: string;
  /** What is copied, for the fallback's sentence ("the secret is selected"). */
  what?: "link" | "secret" | "token";
  /** Masked (a password field) until "Show" is pressed. */
  secret?: boolean;
}) {
  const { t } = useTranslation("services");
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const [shown, setShown] = useState(!secret);
  // A new link is not copied yet.
  useEffect(() => setState("idle"), [link]);

  const copy = async () => {
    // A password field cannot be copied from: the fallback shows it first.
    if (!shown && !navigator.clipboard?.writeText) setShown(true);
    const ok = await writeClipboard(link, input.current);
    if (!ok) {
      setShown(true);
      input.current?.focus();
      input.current?.select();
    }
    setState(ok ? "copied" : "failed");
  };

  return (
    <div className="copy-link">
      <div className="copy-link-row">
        <input
          ref={input}
          className="input copy-link-input"
          readOnly
          type={shown ? "text" : "password"}
          autoComplete="off"
          value={link}
          aria-label={label ?? t("copyLink.label")}
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
        />
        {secret && (
          <Button aria-pressed={shown} onClick={() => setShown((v) => !v)}>
            {shown ? t("copyLink.hide") : t("copyLink.show")}
          </Button>
        )}
        <Button onClick={copy}>{buttonLabel ?? t("copyLink.button")}</Button>
      </div>
      <span className="copy-link-status muted" aria-live="polite">
        {state === "copied" && t("copyLink.copied")}
        {state === "failed" && t(`copyLink.failed.${what}`)}
      </span>
    </div>
  );
}
