import { renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useCreateOnce } from "./createOnce";

describe("useCreateOnce", () => {
  it("runs one submit at a time, keeps the key until success, then takes a new one", async () => {
    const { result } = renderHook(() => useCreateOnce());
    const keys: string[] = [];
    let release!: (ok: boolean) => void;
    const slow = (key: string) => {
      keys.push(key);
      return new Promise<boolean>((r) => (release = r));
    };
    const first = result.current(slow);
    const second = result.current(slow); // a double click while the first is pending
    release(false); // refused: the form stays, with its key
    await Promise.all([first, second]);
    expect(keys).toHaveLength(1);

    await result.current(async (key) => (keys.push(key), true)); // the retry succeeds
    await result.current(async (key) => (keys.push(key), true)); // a new create
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[1]);
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
  });
});
