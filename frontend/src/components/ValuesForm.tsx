// Placeholder with the agreed interface; the marketplace helper implements it.
export type ValueSpecType = "text" | "password" | "number" | "boolean" | "select";

export interface Spec {
  key: string;
  label: string;
  type: ValueSpecType;
  default?: unknown;
  options?: string[] | null;
  placeholder?: string | null;
  description?: string | null;
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
}

export function ValuesForm(_: ValuesFormProps) {
  return null;
}

/** The values a new deploy starts from: each spec's default. */
export function initialValues(required: Spec[], optional: Spec[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of [...required, ...optional]) if (s.default !== undefined && s.default !== null) out[s.key] = s.default;
  return out;
}
