import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { initialValues, ValuesForm, type Spec } from "./ValuesForm";

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
