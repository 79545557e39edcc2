import { describe, expect, it } from "vitest";
import { choosesOption, filterAgents, insertMention, mentionAt, moveActive } from "./mention";

const agents = [
  { id: "1", handle: "helper", displayName: "Helpful Helen", active: true },
  { id: "2", handle: "hermes", displayName: "Hermes", active: true },
  { id: "3", handle: "ops", displayName: "Ops helper", active: true },
  { id: "4", handle: "herald", displayName: "Old herald", active: false },
];

describe("mentionAt", () => {
  it("finds an @ at the start of the text or after white space", () => {
    expect(mentionAt("@", 1)).toEqual({ start: 0, query: "" });
    expect(mentionAt("@hel", 4)).toEqual({ start: 0, query: "hel" });
    expect(mentionAt("hi @he", 6)).toEqual({ start: 3, query: "he" });
    expect(mentionAt("hi\n@o", 5)).toEqual({ start: 3, query: "o" });
  });

  it("reads only up to the caret", () => {
    expect(mentionAt("hi @helper and", 6)).toEqual({ start: 3, query: "he" });
  });

  it("is no mention inside a word, an address, or after other characters", () => {
    expect(mentionAt("mail me@x", 9)).toBeNull();
    expect(mentionAt("hi @he llo", 10)).toBeNull();
    expect(mentionAt("(@he", 4)).toBeNull();
    expect(mentionAt("hello", 5)).toBeNull();
    expect(mentionAt("", 0)).toBeNull();
    expect(mentionAt("@a.b", 4)).toBeNull();
  });
});

describe("filterAgents", () => {
  it("keeps the active agents whose handle starts with the prefix, case-insensitive", () => {
    expect(filterAgents(agents, "herm").map((a) => a.handle)).toEqual(["hermes"]);
    expect(filterAgents(agents, "HE").map((a) => a.handle)).toEqual(["helper", "hermes", "ops"]);
  });

  it("offers every active agent for an empty prefix, and none inactive", () => {
    expect(filterAgents(agents, "").map((a) => a.handle)).toEqual(["helper", "hermes", "ops"]);
    expect(filterAgents(agents, "hera")).toEqual([]);
  });

  it("adds display-name word matches after the handle matches", () => {
    expect(filterAgents(agents, "help").map((a) => a.handle)).toEqual(["helper", "ops"]);
  });

  it("offers at most the limit", () => {
    expect(filterAgents(agents, "", 2)).toHaveLength(2);
  });
});

describe("keyboard selection", () => {
  it("moves down and up, wrapping", () => {
    expect(moveActive(0, 3, "ArrowDown")).toBe(1);
    expect(moveActive(2, 3, "ArrowDown")).toBe(0);
    expect(moveActive(0, 3, "ArrowUp")).toBe(2);
    expect(moveActive(1, 3, "Home")).toBe(0);
    expect(moveActive(0, 3, "End")).toBe(2);
  });

  it("ignores other keys and an empty list", () => {
    expect(moveActive(0, 3, "a")).toBeNull();
    expect(moveActive(0, 0, "ArrowDown")).toBeNull();
  });

  it("chooses with Enter and Tab", () => {
    expect(choosesOption("Enter")).toBe(true);
    expect(choosesOption("Tab")).toBe(true);
    expect(choosesOption("Escape")).toBe(false);
  });
});

describe("insertMention", () => {
  it("replaces the typed prefix with the handle and a space", () => {
    const text = "hi @hel";
    const m = mentionAt(text, 7)!;
    expect(insertMention(text, m, 7, "helper")).toEqual({ text: "hi @helper ", caret: 11 });
  });

  it("keeps the text after the caret, without a second space", () => {
    const text = "@he please";
    const m = mentionAt(text, 3)!;
    expect(insertMention(text, m, 3, "helper")).toEqual({ text: "@helper please", caret: 8 });
  });

  it("replaces the rest of a handle the caret is inside of", () => {
    const text = "@hexx";
    const m = mentionAt(text, 3)!;
    expect(insertMention(text, m, 3, "helper").text).toBe("@helper ");
  });
});
