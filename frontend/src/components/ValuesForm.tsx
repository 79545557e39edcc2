// A form generated from a marketplace template's value specs (SPEC section
// 4): required values first, optional ones under "Advanced settings". The
// values are flat dot-path keys → typed JSON values, as the API's `values`
// Map takes them: numbers are numbers, booleans booleans, and a key the user
// left empty is left out (so the template default applies) — except a
// required text, which is sent empty so that the server says it is required.
import { useEffect, useId, useState, type ReactNode } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Field } from "./ui";
import { graphql } from "../gql";
import i18n from "../i18n";
import { localized } from "../lib/localized";

// What the form needs of each spec; queries that feed it select
// `...ValueSpecFields` so the two cannot drift apart.
export const ValueSpecFieldsFragment = graphql(`
  fragment ValueSpecFields on ValueSpec {
    key
    label
    type
    default
    options
    placeholder
    description
    minLength
    maxLength
    pattern
    patternMessage
    min
    max
    translations {
      locale
      label
      description
      placeholder
      patternMessage
    }
  }
`);

export type ValueSpecType = "text" | "password" | "number" | "boolean" | "select" | "env";

/** One variable of an environment (type env), as the API takes it. */
export interface EnvVar {
  name: string;
  value: string;
  secret: boolean;
}

/** What the server shows for a secret (valuespec.MaskedValue); sent back, it keeps the stored value. */
export const MASKED = "••••••••";

/** The server's rules for a variable name (valuespec: a C identifier, at most 128 bytes). */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
export const MAX_ENV_VARS = 100;

/** A value as an environment's rows; anything else is no rows. */
export function envRows(value: unknown): EnvVar[] {
  if (!Array.isArray(value)) return [];
  return value.map((e) => {
    const o = (e ?? {}) as Record<string, unknown>;
    return { name: String(o.name ?? ""), value: o.value == null ? "" : String(o.value), secret: o.secret === true };
  });
}

export interface Spec {
  key: string;
  label: string;
  type: ValueSpecType;
  default?: unknown;
  options?: string[] | null;
  placeholder?: string | null;
  description?: string | null;
  /** Rules the server enforces too (valuespec), in the same words. */
  minLength?: number | null;
  maxLength?: number | null;
  pattern?: string | null;
  patternMessage?: string | null;
  min?: number | null;
  max?: number | null;
  /** label, description, placeholder and patternMessage in other languages (lib/localized). */
  translations?: SpecTranslation[] | null;
}

export interface SpecTranslation {
  locale: string;
  label: string;
  description: string;
  placeholder: string;
  patternMessage: string;
}

/** The spec with its words in the app's language (English where untranslated). */
function inAppLanguage(spec: Spec): Spec {
  return {
    ...spec,
    label: localized(spec, "label"),
    description: localized(spec, "description"),
    placeholder: localized(spec, "placeholder"),
    patternMessage: localized(spec, "patternMessage"),
  };
}

const rule = i18n.getFixedT(null, "catalog", "values.rules");

/** A spec's pattern as the server applies it: to the whole value. null when JavaScript cannot read it (the server still checks). */
function compiledPattern(pattern: string): RegExp | null {
  try {
    return new RegExp(`^(?:${pattern})$`, "u");
  } catch {
    return null;
  }
}

/**
 * What is wrong with a value under its spec's rules, in the server's words
 * ("must be at least 8 characters", the pattern's message), or undefined.
 * Like the server, an empty text is not held to them (required is), and
 * lengths count characters (code points), not UTF-16 units.
 */
export function ruleError(spec: Spec, value: unknown): string | undefined {
  if (spec.type === "text" || spec.type === "password") {
    if (typeof value !== "string" || value === "") return undefined;
    const n = [...value].length;
    if (spec.minLength != null && n < spec.minLength) return rule("minLength", { count: spec.minLength });
    if (spec.maxLength != null && n > spec.maxLength) return rule("maxLength", { count: spec.maxLength });
    if (spec.pattern) {
      const re = compiledPattern(spec.pattern);
      if (re && !re.test(value)) return localized(spec, "patternMessage") || rule("pattern");
    }
  } else if (spec.type === "env") {
    const rows = envRows(value);
    if (rows.length > MAX_ENV_VARS) return rule("tooManyVariables", { n: rows.length, max: MAX_ENV_VARS });
    const seen = new Set<string>();
    for (const [i, r] of rows.entries()) {
      if (r.name === "") return rule("variableNoName", { n: i + 1 });
      if (!ENV_NAME.test(r.name)) return rule("variableBadName", { n: i + 1, name: r.name });
      if (seen.has(r.name)) return rule("variableTwice", { name: r.name });
      seen.add(r.name);
      if (r.secret && r.value === "") return rule("variableSecretEmpty", { name: r.name });
    }
  } else if (spec.type === "number") {
    if (typeof value !== "number") return undefined;
    if (spec.min != null && value < spec.min) return rule("min", { min: spec.min });
    if (spec.max != null && value > spec.max) return rule("max", { max: spec.max });
  }
  return undefined;
}

/** Every value that breaks its spec's rules, keyed "values.<key>" like the server's field errors. Empty: submit. */
export function valuesErrors(specs: Spec[], values: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of specs) {
    const e = ruleError(s, values[s.key]);
    if (e) out[`values.${s.key}`] = e;
  }
  return out;
}

export interface ValuesFormProps {
  required: Spec[];
  optional: Spec[];
  /** Flat dot-path keys → values, as the API's `values` Map takes them. */
  values: Record<string, unknown>;
  onChange(values: Record<string, unknown>): void;
  /** Server field errors keyed "values.<key>" (lib/errors fieldErrors). */
  errors?: Record<string, string>;
  disabled?: boolean;
  /** Editing a deployed service: an empty password keeps its stored value. */
  editing?: boolean;
  /** Open the "Advanced settings" section from the start. */
  advancedOpen?: boolean;
  /**
   * Show every rule a value breaks (after a submit the page held back:
   * valuesErrors). Until then a field shows its own once the user leaves it.
   */
  showRuleErrors?: boolean;
}

export function ValuesForm({
  required,
  optional,
  values,
  onChange,
  errors = {},
  disabled,
  editing,
  advancedOpen,
  showRuleErrors,
}: ValuesFormProps) {
  const { t } = useTranslation("catalog");
  const [touched, setTouched] = useState<Record<string, true>>({});
  // A broken rule shows once the field was left (or the page says so), and
  // goes as soon as the value is right; else the server's error, if any.
  const errorOf = (s: Spec) =>
    ((showRuleErrors || touched[s.key]) && ruleError(s, values[s.key])) || errors[`values.${s.key}`];
  const optionalError = optional.some((s) => errorOf(s));
  const [open, setOpen] = useState(!!advancedOpen);
  // A server error on an optional value must be visible: open the section.
  useEffect(() => {
    if (optionalError) setOpen(true);
  }, [optionalError]);

  const set = (spec: Spec, v: unknown, isRequired: boolean) => {
    const next = { ...values };
    if (v === undefined) delete next[spec.key];
    else if (v === "" && !isRequired) delete next[spec.key];
    else next[spec.key] = v;
    onChange(next);
  };

  const field = (spec: Spec, isRequired: boolean) => (
    <ValueField
      key={spec.key}
      spec={inAppLanguage(spec)}
      required={isRequired}
      value={values[spec.key]}
      error={errorOf(spec)}
      disabled={disabled}
      editing={editing}
      onChange={(v) => set(spec, v, isRequired)}
      onBlur={() => setTouched((t) => (t[spec.key] ? t : { ...t, [spec.key]: true }))}
    />
  );

  if (required.length === 0 && optional.length === 0) return null;
  return (
    <div className="values-form stack">
      {required.map((s) => field(s, true))}
      {optional.length > 0 && (
        <details
          className="values-advanced"
          open={open}
          onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
        >
          <summary>
            <Trans t={t} i18nKey="values.advanced" values={{ count: optional.length }} components={{ muted: <span className="muted" /> }} />
          </summary>
          <div className="stack">{optional.map((s) => field(s, false))}</div>
        </details>
      )}
    </div>
  );
}

interface ValueFieldProps {
  spec: Spec;
  required: boolean;
  value: unknown;
  error?: string;
  disabled?: boolean;
  editing?: boolean;
  /** undefined removes the key. */
  onChange(v: unknown): void;
  onBlur(): void;
}

function ValueField({ spec, required, value, error, disabled, editing, onChange, onBlur }: ValueFieldProps) {
  const { t } = useTranslation("catalog");
  const placeholder = spec.placeholder || undefined;
  const keepHint = editing && spec.type === "password" ? t("values.keepPassword") : null;
  const hint =
    spec.description || keepHint ? (
      <>
        {spec.description}
        {spec.description && keepHint ? " " : null}
        {keepHint}
      </>
    ) : undefined;
  // An editing form may leave a required password empty: it keeps its value.
  const markRequired = required && !(editing && spec.type === "password");

  if (spec.type === "boolean") {
    return <BooleanField spec={spec} value={value} error={error} hint={hint} disabled={disabled} onChange={onChange} />;
  }
  if (spec.type === "env") {
    return (
      <EnvField
        spec={spec}
        value={value}
        error={error}
        hint={hint}
        disabled={disabled}
        editing={editing}
        onChange={onChange}
        onBlur={onBlur}
      />
    );
  }
  return (
    <Field label={spec.label} error={error} hint={hint} required={markRequired}>
      {(p) => {
        const common = {
          id: p.id,
          "aria-invalid": p["aria-invalid"],
          "aria-describedby": p["aria-describedby"],
          "aria-required": markRequired || undefined,
          disabled,
          name: spec.key,
          onBlur,
        };
        // The rules as attributes too, for assistive technology and the
        // browser's own hints; the form itself validates (noValidate pages).
        const textRules = {
          minLength: spec.minLength ?? undefined,
          maxLength: spec.maxLength ?? undefined,
          pattern: spec.pattern || undefined,
        };
        switch (spec.type) {
          case "password":
            return (
              <PasswordInput
                {...common}
                {...textRules}
                label={spec.label}
                placeholder={editing ? placeholder ?? t("values.unchanged") : placeholder}
                value={typeof value === "string" ? value : ""}
                onValue={(v) => onChange(v === "" && editing ? undefined : v)}
              />
            );
          case "number":
            return (
              <NumberInput
                {...common}
                min={spec.min ?? undefined}
                max={spec.max ?? undefined}
                placeholder={placeholder}
                value={value}
                onValue={onChange}
              />
            );
          case "select": {
            const options = spec.options ?? [];
            const current = typeof value === "string" ? value : value == null ? "" : String(value);
            return (
              <select
                {...common}
                className="input"
                value={current}
                onChange={(e) => onChange(e.target.value === "" ? undefined : e.target.value)}
              >
                {(current === "" || !options.includes(current)) && (
                  <option value="">{current === "" ? placeholder ?? t("values.choose") : current}</option>
                )}
                {options.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            );
          }
          default:
            return (
              <input
                {...common}
                {...textRules}
                className="input"
                type="text"
                autoComplete="off"
                placeholder={placeholder}
                value={value == null ? "" : String(value)}
                onChange={(e) => onChange(e.target.value)}
              />
            );
        }
      }}
    </Field>
  );
}

function BooleanField({
  spec,
  value,
  error,
  hint,
  disabled,
  onChange,
}: {
  spec: Spec;
  value: unknown;
  error?: string;
  hint?: ReactNode;
  disabled?: boolean;
  onChange(v: unknown): void;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errId = error ? `${id}-err` : undefined;
  return (
    <div className="field">
      <label className="checkbox" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          name={spec.key}
          checked={value === true}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={[hintId, errId].filter(Boolean).join(" ") || undefined}
          onChange={(e) => onChange(e.target.checked)}
        />
        {spec.label}
      </label>
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
 * An environment: rows of name, value and a "Secret" box (a secret's value
 * is a password input; editing, a stored secret shows empty as
 * "Unchanged" and, left empty, sends the mask back, which keeps it).
 */
function EnvField({
  spec,
  value,
  error,
  hint,
  disabled,
  editing,
  onChange,
  onBlur,
}: {
  spec: Spec;
  value: unknown;
  error?: string;
  hint?: ReactNode;
  disabled?: boolean;
  editing?: boolean;
  onChange(v: unknown): void;
  onBlur(): void;
}) {
  const { t } = useTranslation("catalog");
  const id = useId();
  const rows = envRows(value);
  const hintId = hint ? `${id}-hint` : undefined;
  const errId = error ? `${id}-err` : undefined;
  const put = (next: EnvVar[]) => onChange(next.length === 0 ? undefined : next);
  const update = (i: number, patch: Partial<EnvVar>) => put(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="field env-field" aria-describedby={[hintId, errId].filter(Boolean).join(" ") || undefined}>
      <legend>{spec.label}</legend>
      {rows.map((r, i) => {
        const kept = editing && r.secret && r.value === MASKED;
        return (
          <div className="row env-row" key={i} role="group" aria-label={t("values.env.variable", { n: i + 1 })}>
            <input
              className="input"
              aria-label={t("values.env.name", { n: i + 1 })}
              placeholder={t("values.env.namePlaceholder")}
              autoComplete="off"
              spellCheck={false}
              value={r.name}
              disabled={disabled}
              onBlur={onBlur}
              onChange={(e) => update(i, { name: e.target.value })}
            />
            <input
              className="input"
              aria-label={t("values.env.value", { n: i + 1 })}
              type={r.secret ? "password" : "text"}
              autoComplete={r.secret ? "new-password" : "off"}
              spellCheck={false}
              placeholder={kept ? t("values.unchanged") : t("values.env.valuePlaceholder")}
              value={kept ? "" : r.value}
              disabled={disabled}
              onBlur={onBlur}
              onChange={(e) => update(i, { value: e.target.value === "" && editing && r.secret ? MASKED : e.target.value })}
            />
            <label className="checkbox">
              <input
                type="checkbox"
                checked={r.secret}
                disabled={disabled}
                // A plain value made secret keeps its text; a kept secret made plain must be typed again.
                onChange={(e) => update(i, { secret: e.target.checked, value: !e.target.checked && r.value === MASKED ? "" : r.value })}
              />
              {t("values.env.secret")}
            </label>
            <button
              type="button"
              className="btn btn-sm btn-ghost"
              aria-label={t("values.env.removeLabel", { n: i + 1 })}
              disabled={disabled}
              onClick={() => put(rows.filter((_, j) => j !== i))}
            >
              {t("values.env.remove")}
            </button>
          </div>
        );
      })}
      <div>
        <button
          type="button"
          className="btn btn-sm"
          disabled={disabled || rows.length >= MAX_ENV_VARS}
          onClick={() => put([...rows, { name: "", value: "", secret: false }])}
        >
          {t("values.env.add")}
        </button>
      </div>
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
    </fieldset>
  );
}

type InputAttrs = {
  id: string;
  name: string;
  disabled?: boolean;
  placeholder?: string;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
  "aria-required"?: boolean;
  onBlur?: () => void;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  min?: number;
  max?: number;
};

function PasswordInput({ label, value, onValue, ...rest }: InputAttrs & { label: string; value: string; onValue(v: string): void }) {
  const { t } = useTranslation("catalog");
  const [shown, setShown] = useState(false);
  return (
    <div className="password-input">
      <input
        {...rest}
        className="input"
        type={shown ? "text" : "password"}
        autoComplete="new-password"
        spellCheck={false}
        value={value}
        onChange={(e) => onValue(e.target.value)}
      />
      <button
        type="button"
        className="btn btn-sm btn-ghost"
        aria-pressed={shown}
        aria-label={shown ? t("values.hideLabel", { label }) : t("values.showLabel", { label })}
        aria-controls={rest.id}
        disabled={rest.disabled}
        onClick={() => setShown((s) => !s)}
      >
        {shown ? t("values.hide") : t("values.show")}
      </button>
    </div>
  );
}

/**
 * A number field that sends a JS number (or removes the key when empty) but
 * keeps what the user is typing ("-", "1.") until it is a number.
 */
function NumberInput({ value, onValue, ...rest }: InputAttrs & { value: unknown; onValue(v: number | undefined): void }) {
  const external = typeof value === "number" ? String(value) : typeof value === "string" ? value : "";
  const [text, setText] = useState(external);
  useEffect(() => {
    // Follow changes from outside (a reset, loaded values) that differ from what is typed.
    setText((t) => (Number(t) === Number(external) && t.trim() !== "" && external !== "" ? t : external));
  }, [external]);
  return (
    <input
      {...rest}
      className="input"
      type="number"
      inputMode="decimal"
      step="any"
      value={text}
      onChange={(e) => {
        const t = e.target.value;
        setText(t);
        if (t.trim() === "") onValue(undefined);
        else {
          const n = Number(t);
          if (Number.isFinite(n)) onValue(n);
        }
      }}
    />
  );
}

/** The values a new deploy starts from: each spec's default (a required checkbox without one starts unticked). */
export function initialValues(required: Spec[], optional: Spec[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of [...required, ...optional]) if (s.default !== undefined && s.default !== null) out[s.key] = s.default;
  for (const s of required) if (s.type === "boolean" && !(s.key in out)) out[s.key] = false;
  return out;
}
