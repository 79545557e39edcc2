import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { MASKED, ruleError, ValuesForm, type Spec } from "./ValuesForm";

const envSpec: Spec = { key: "env", label: "Environment variables", type: "env" };

function Harness(props: { editing?: boolean; start?: Record<string, unknown>; onValues(v: Record<string, unknown>): void }) {
  const [values, setValues] = useState<Record<string, unknown>>(props.start ?? {});
  return (
    <ValuesForm
      required={[envSpec]}
      optional={[]}
      values={values}
      editing={props.editing}
      onChange={(v) => {
        setValues(v);
        props.onValues(v);
      }}
    />
  );
}

describe("ValuesForm env", { timeout: 20_000 }, () => {
  it("adds rows, sends {name, value, secret}, and types a secret value as a password", async () => {
    let last: Record<string, unknown> = {};
    render(<Harness onValues={(v) => (last = v)} />);
    await userEvent.click(screen.getByRole("button", { name: "Add variable" }));
    await userEvent.type(screen.getByLabelText("Name of variable 1"), "MODE");
    await userEvent.type(screen.getByLabelText("Value of variable 1"), "prod");
    await userEvent.click(screen.getByRole("button", { name: "Add variable" }));
    await userEvent.type(screen.getByLabelText("Name of variable 2"), "TOKEN");
    await userEvent.click(screen.getAllByRole("checkbox", { name: "Secret" })[1]);
    const secret = screen.getByLabelText("Value of variable 2");
    expect(secret).toHaveAttribute("type", "password");
    expect(screen.getByLabelText("Value of variable 1")).toHaveAttribute("type", "text");
    await userEvent.type(secret, "s3cret");
    expect(last.env).toEqual([
      { name: "MODE", value: "prod", secret: false },
      { name: "TOKEN", value: "s3cret", secret: true },
    ]);
    await userEvent.click(screen.getByRole("button", { name: "Remove variable 1" }));
    expect(last.env).toEqual([{ name: "TOKEN", value: "s3cret", secret: true }]);
    await userEvent.click(screen.getByRole("button", { name: "Remove variable 1" }));
    expect("env" in last).toBe(false);
  });

  it("editing, a stored secret shows empty as Unchanged and sends the mask back unless typed", async () => {
    let last: Record<string, unknown> = {};
    const start = { env: [{ name: "TOKEN", value: MASKED, secret: true }] };
    render(<Harness editing start={start} onValues={(v) => (last = v)} />);
    const input = screen.getByLabelText("Value of variable 1");
    expect(input).toHaveValue("");
    expect(input).toHaveAttribute("placeholder", "Unchanged");
    await userEvent.type(input, "new");
    expect(last.env).toEqual([{ name: "TOKEN", value: "new", secret: true }]);
    await userEvent.clear(input);
    expect(last.env).toEqual([{ name: "TOKEN", value: MASKED, secret: true }]);
  });

  it("checks names as the server does", () => {
    expect(ruleError(envSpec, [{ name: "OK_1", value: "x", secret: false }])).toBeUndefined();
    expect(ruleError(envSpec, [{ name: "BAD-NAME", value: "x", secret: false }])).toMatch(/"BAD-NAME" is not a valid name/);
    expect(ruleError(envSpec, [{ name: "1A", value: "x", secret: false }])).toMatch(/not a valid name/);
    expect(ruleError(envSpec, [{ name: "A", value: "", secret: false }, { name: "A", value: "", secret: false }])).toBe(
      "variable A is given twice",
    );
    expect(ruleError(envSpec, [{ name: "A", value: "", secret: true }])).toBe("variable A is secret but has no value");
  });
});
