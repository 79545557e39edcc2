// Small building blocks every page uses, so that progress, errors and empty
// states look and read the same everywhere.
import { useEffect, useId, useRef, type ButtonHTMLAttributes, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { CombinedError } from "urql";
import { appError } from "../lib/errors";

export function Spinner({ label }: { label?: string }) {
  const { t } = useTranslation();
  return <span className="spinner" role="status" aria-label={label ?? t("loading")} />;
}

/** A page-sized loading state. */
export function Loading({ label: given }: { label?: string }) {
  const { t } = useTranslation();
  const label = given ?? t("loading");
  return (
    <div className="empty" aria-busy="true">
      <Spinner label={label} /> <span>{label}</span>
    </div>
  );
}

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: "primary" | "danger" | "ghost" | "default";
  size?: "sm" | "md";
  /** Shows a spinner and disables the button while an action runs. */
  busy?: boolean;
};

export function Button({ variant = "default", size = "md", busy, disabled, children, className, type, ...rest }: ButtonProps) {
  const cls = ["btn", variant !== "default" && `btn-${variant}`, size === "sm" && "btn-sm", className].filter(Boolean).join(" ");
  return (
    <button type={type ?? "button"} className={cls} disabled={disabled || busy} aria-busy={busy || undefined} {...rest}>
      {busy && <span className="spinner" aria-hidden="true" />}
      {children}
    </button>
  );
}

/** A readable error from a GraphQL result (or a plain message). */
export function ErrorMessage({ error, message }: { error?: CombinedError | null; message?: string }) {
  const text = message ?? appError(error)?.message;
  if (!text) return null;
  return (
    <div className="alert alert-error" role="alert">
      {text}
    </div>
  );
}

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty">
      <h3>{title}</h3>
      {children && <p>{children}</p>}
      {action}
    </div>
  );
}

export function PageHeader({ title, description, actions }: { title: ReactNode; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="page-header">
      <div>
        <h1>{title}</h1>
        {description && <p className="muted">{description}</p>}
      </div>
      {actions && <div className="row">{actions}</div>}
    </div>
  );
}

interface FieldProps {
  label: string;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  children: (props: { id: string; "aria-invalid"?: boolean; "aria-describedby"?: string; required?: boolean }) => ReactNode;
}

/** A labelled control with its hint and its error, wired for screen readers. */
export function Field({ label, error, hint, required, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errId = error ? `${id}-err` : undefined;
  const describedBy = [hintId, errId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required && (
          <span className="required" aria-hidden="true">
            *
          </span>
        )}
      </label>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy, required })}
      {hint && (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      )}
      {error && (
        <span className="error" id={errId}>
          {error}
        </span>
      )}
    </div>
  );
}

/**
 * A confirmation dialog (native <dialog>: focus trap, Escape closes).
 * Shown while `open`; `onConfirm` runs the action, `busy` shows its progress.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  danger,
  busy,
  error,
  errorMessage,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  /** The button that closes the dialog without acting. */
  cancelLabel?: string;
  danger?: boolean;
  busy?: boolean;
  error?: CombinedError | null;
  /** Shown instead of `error`'s own message, when the page words it better. */
  errorMessage?: string;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { t } = useTranslation();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal?.();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onClose={onClose} onCancel={onClose}>
      <div className="stack">
        <h2 id={titleId}>{title}</h2>
        {children}
        <ErrorMessage error={error} message={errorMessage} />
        <div className="row" style={{ justifyContent: "flex-end" }}>
          <Button onClick={onClose} disabled={busy}>
            {cancelLabel ?? t("actions.cancel")}
          </Button>
          <Button variant={danger ? "danger" : "primary"} busy={busy} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </div>
      </div>
    </dialog>
  );
}

/** "3 minutes ago" ("3 分鐘前"), in the app's language, with the exact time on hover. */
export function RelativeTime({ value }: { value: string }) {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? "en";
  const rtf = typeof Intl !== "undefined" ? new Intl.RelativeTimeFormat(lang, { numeric: "auto" }) : null;
  const d = new Date(value);
  const secs = Math.round((d.getTime() - Date.now()) / 1000);
  const abs = Math.abs(secs);
  let text: string;
  if (!rtf) text = d.toLocaleString();
  else if (abs < 45) text = rtf.format(0, "second");
  else if (abs < 3600) text = rtf.format(Math.round(secs / 60), "minute");
  else if (abs < 86400) text = rtf.format(Math.round(secs / 3600), "hour");
  else if (abs < 30 * 86400) text = rtf.format(Math.round(secs / 86400), "day");
  else text = d.toLocaleDateString(lang);
  return (
    <time dateTime={value} title={d.toLocaleString(lang)}>
      {text}
    </time>
  );
}
