import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { initialValues, ruleError, ValuesForm, valuesErrors, type Spec } from "./ValuesForm";

const required: Spec[] = [
  { key: "auth.username", label: "Username", type: "text", default: "admin", description: "The first user." },
  { key: "_init.adminPassword", label: "Admin password", type: "password" },
  { key: "replicas", label: "Replicas", type: "number", default: 1 },
];
const optional: Spec[] = [
  { key: "metrics.enabled", label: "Metrics", type: "boolean", default: true },
  { key: "tier", label: "Tier", type: "select", options: ["small", "large"], default: "small" },
  { key: "storage", label: "Storage (GB)", type: "number", placeholder: "8" },
];

/** The form with its state, reporting every change. */
function Harness(props: { editing?: boolean; errors?: Record<string, string>; start?: Record<string, unknown>; onValues?: (v: Record<string, unknown>) => void }) {
  const [values, setValues] = useState<Record<string, unknown>>(props.start ?? initialValues(required, optional));
  return (
    <ValuesForm
      required={required}
      optional={optional}
      values={values}
      editing={props.editing}
      errors={props.errors}
      onChange={(v) => {
        setValues(v);
        props.onValues?.(v);
      }}
    />
  );
}

describe("ValuesForm", { timeout: 20_000 }, () => {
  it("renders every type with its default, required ones marked and optional ones under Advanced settings", () => {
    render(<Harness />);
    const user = screen.getByLabelText(/^Username/);
    expect(user).toHaveValue("admin");
    expect(user).toHaveAttribute("aria-required", "true");
    expect(user).toHaveAccessibleDescription("The first user.");
    expect(screen.getByLabelText(/^Admin password/)).toHaveAttribute("type", "password");
    expect(screen.getByLabelText(/^Replicas/)).toHaveValue(1);
    expect(screen.getByLabelText("Metrics")).toBeChecked();
    expect(screen.getByLabelText("Tier")).toHaveValue("small");
    expect(screen.getByRole("option", { name: "large" })).toBeInTheDocument();
    expect(screen.getByLabelText("Storage (GB)")).toHaveValue(null);
    expect(screen.getByLabelText("Storage (GB)")).not.toHaveAttribute("aria-required");
    const details = screen.getByText(/Advanced settings/).closest("details")!;
    expect(details).not.toHaveAttribute("open");
    expect(details).toContainElement(screen.getByLabelText("Tier"));
  });

  it("starts from the defaults", () => {
    expect(initialValues(required, optional)).toEqual({ "auth.username": "admin", replicas: 1, "metrics.enabled": true, tier: "small" });
  });

  it("sends numbers as numbers and removes an emptied number", async () => {
    const onValues = vi.fn();
    render(<Harness onValues={onValues} />);
    const replicas = screen.getByLabelText(/^Replicas/);
    await userEvent.clear(replicas);
    expect(onValues).toHaveBeenLastCalledWith(expect.not.objectContaining({ replicas: expect.anything() }));
    await userEvent.type(replicas, "3");
    expect(onValues.mock.lastCall![0].replicas).toBe(3);
    await userEvent.type(screen.getByLabelText("Storage (GB)"), "2.5");
    expect(onValues.mock.lastCall![0].storage).toBe(2.5);
    expect(typeof onValues.mock.lastCall![0].storage).toBe("number");
  });

  it("sends booleans, selections and texts as typed", async () => {
    const onValues = vi.fn();
    render(<Harness onValues={onValues} />);
    await userEvent.click(screen.getByText(/Advanced settings/));
    await userEvent.click(screen.getByLabelText("Metrics"));
    expect(onValues.mock.lastCall![0]["metrics.enabled"]).toBe(false);
    await userEvent.selectOptions(screen.getByLabelText("Tier"), "large");
    expect(onValues.mock.lastCall![0].tier).toBe("large");
    await userEvent.type(screen.getByLabelText(/^Admin password/), "s3cret!");
    expect(onValues.mock.lastCall![0]["_init.adminPassword"]).toBe("s3cret!");
  });

  it("shows and hides a password", async () => {
    render(<Harness />);
    const pw = screen.getByLabelText(/^Admin password/);
    await userEvent.click(screen.getByRole("button", { name: "Show Admin password" }));
    expect(pw).toHaveAttribute("type", "text");
    expect(screen.getByRole("button", { name: "Hide Admin password" })).toHaveAttribute("aria-pressed", "true");
    await userEvent.click(screen.getByRole("button", { name: "Hide Admin password" }));
    expect(pw).toHaveAttribute("type", "password");
  });

  it("when editing, an empty password keeps the current one: the key is not sent", async () => {
    const onValues = vi.fn();
    render(<Harness editing start={{ "auth.username": "admin", replicas: 2 }} onValues={onValues} />);
    const pw = screen.getByLabelText(/^Admin password/);
    expect(pw).toHaveAccessibleDescription(/Leave empty to keep the current password/);
    expect(pw).not.toHaveAttribute("aria-required");
    await userEvent.type(pw, "new");
    expect(onValues.mock.lastCall![0]["_init.adminPassword"]).toBe("new");
    await userEvent.clear(pw);
    const last = onValues.mock.lastCall![0];
    expect("_init.adminPassword" in last).toBe(false);
    expect(last).toEqual({ "auth.username": "admin", replicas: 2 });
  });

  it("shows the server's errors at their fields and opens Advanced settings for an optional one", () => {
    render(<Harness errors={{ "values.replicas": "must be a number", "values.tier": 'must be one of "small", "large"' }} />);
    const replicas = screen.getByLabelText(/^Replicas/);
    expect(replicas).toHaveAttribute("aria-invalid", "true");
    expect(replicas).toHaveAccessibleDescription("must be a number");
    expect(screen.getByLabelText(/^Username/)).not.toHaveAttribute("aria-invalid");
    const tier = screen.getByLabelText("Tier");
    expect(tier).toHaveAttribute("aria-invalid", "true");
    expect(tier).toHaveAccessibleDescription(/must be one of/);
    expect(screen.getByText(/Advanced settings/).closest("details")).toHaveAttribute("open");
  });
});

// The n8n owner password of the seeded catalogue, and a bounded number.
const ruled: Spec[] = [
  {
    key: "_init.owner_password",
    label: "Owner password",
    type: "password",
    minLength: 8,
    maxLength: 64,
    pattern: ".*[a-z].*[A-Z].*[0-9].*|.*[a-z].*[0-9].*[A-Z].*|.*[A-Z].*[a-z].*[0-9].*|.*[A-Z].*[0-9].*[a-z].*|.*[0-9].*[a-z].*[A-Z].*|.*[0-9].*[A-Z].*[a-z].*",
    patternMessage: "must contain upper- and lower-case letters and a digit",
  },
  { key: "name", label: "Name", type: "text", maxLength: 3, pattern: "", patternMessage: "" },
  { key: "replicas", label: "Replicas", type: "number", min: 1, max: 10 },
];

function RuledHarness(props: { showRuleErrors?: boolean; errors?: Record<string, string> }) {
  const [values, setValues] = useState<Record<string, unknown>>({});
  return (
    <ValuesForm required={ruled} optional={[]} values={values} onChange={setValues} errors={props.errors} showRuleErrors={props.showRuleErrors} />
  );
}

describe("ValuesForm rules", { timeout: 20_000 }, () => {
  it("in the server's words: lengths in characters, the pattern's message, number bounds", () => {
    const [pw, name, replicas] = ruled;
    expect(ruleError(pw, "weak")).toBe("must be at least 8 characters");
    expect(ruleError(pw, "weakpassword")).toBe("must contain upper- and lower-case letters and a digit");
    expect(ruleError(pw, "9xY-long-enough")).toBeUndefined();
    expect(ruleError(pw, "")).toBeUndefined();
    expect(ruleError(name, "密碼密")).toBeUndefined();
    expect(ruleError(name, "😀😀😀")).toBeUndefined();
    expect(ruleError(name, "abcd")).toBe("must be at most 3 characters");
    expect(ruleError({ ...name, maxLength: 1 }, "ab")).toBe("must be at most 1 character");
    expect(ruleError(replicas, 0)).toBe("must be at least 1");
    expect(ruleError(replicas, 10.5)).toBe("must be at most 10");
    expect(ruleError(replicas, 10)).toBeUndefined();
    expect(ruleError({ ...name, pattern: "[a-z", patternMessage: "x" }, "abc")).toBeUndefined();
    expect(valuesErrors(ruled, { "_init.owner_password": "weak", replicas: 3 })).toEqual({
      "values._init.owner_password": "must be at least 8 characters",
    });
  });

  it("sets the rules as input attributes", () => {
    render(<RuledHarness />);
    const pw = screen.getByLabelText(/^Owner password/);
    expect(pw).toHaveAttribute("minlength", "8");
    expect(pw).toHaveAttribute("maxlength", "64");
    expect(pw).toHaveAttribute("pattern", ruled[0].pattern);
    expect(screen.getByLabelText(/^Name/)).not.toHaveAttribute("pattern");
    const replicas = screen.getByLabelText(/^Replicas/);
    expect(replicas).toHaveAttribute("min", "1");
    expect(replicas).toHaveAttribute("max", "10");
  });

  it("shows a broken rule once the field is left, and clears it when the value is right", async () => {
    render(<RuledHarness />);
    const pw = screen.getByLabelText(/^Owner password/);
    await userEvent.type(pw, "weak");
    expect(pw).not.toHaveAttribute("aria-invalid");
    await userEvent.tab();
    expect(pw).toHaveAttribute("aria-invalid", "true");
    expect(pw).toHaveAccessibleDescription("must be at least 8 characters");
    await userEvent.type(pw, "password");
    expect(pw).toHaveAccessibleDescription("must contain upper- and lower-case letters and a digit");
    await userEvent.clear(pw);
    await userEvent.type(pw, "Weak-passw0rd");
    expect(pw).not.toHaveAttribute("aria-invalid");
    const replicas = screen.getByLabelText(/^Replicas/);
    await userEvent.type(replicas, "11");
    await userEvent.tab();
    expect(replicas).toHaveAccessibleDescription("must be at most 10");
  });

  it("shows every broken rule when the page holds a submit back, before the server's error", async () => {
    const { rerender } = render(<RuledHarness errors={{ "values.name": "from the server" }} />);
    const pw = screen.getByLabelText(/^Owner password/);
    await userEvent.type(pw, "weak");
    expect(screen.getByLabelText(/^Name/)).toHaveAccessibleDescription("from the server");
    rerender(<RuledHarness showRuleErrors errors={{ "values.name": "from the server" }} />);
    expect(pw).toHaveAccessibleDescription("must be at least 8 characters");
    expect(screen.getByLabelText(/^Name/)).toHaveAccessibleDescription("from the server");
  });
});
