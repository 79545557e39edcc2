// A link to hand on (an invitation's): shown in full in a read-only field,
// with a button that copies it. When the browser does not allow copying,
// the link is selected so that Ctrl+C (⌘C) copies it.
import { useEffect, useRef, useState } from "react";
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
  label = "Invitation link",
  buttonLabel = "Copy link",
  what = "link",
}: {
  link: string;
  label?: string;
  /** The copy button's text ("Copy secret"). */
  buttonLabel?: string;
  /** What is copied, in the fallback's words ("the secret is selected"). */
  what?: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  // A new link is not copied yet.
  useEffect(() => setState("idle"), [link]);

  const copy = async () => {
    const ok = await writeClipboard(link, input.current);
    if (!ok) {
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
          value={link}
          aria-label={label}
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button onClick={copy}>{buttonLabel}</Button>
      </div>
      <span className="copy-link-status muted" aria-live="polite">
        {state === "copied" && "Copied to the clipboard."}
        {state === "failed" && `This browser did not allow copying: the ${what} is selected, press Ctrl+C (⌘C on a Mac) to copy it.`}
      </span>
    </div>
  );
}
