import { afterEach, describe, expect, it, vi } from "vitest";
import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { i18n } from "../../i18n";
import { Composer } from "./Composer";

const agents = [
  { id: "1", handle: "helper", displayName: "Helpful Helen", active: true },
  { id: "2", handle: "hermes", displayName: "Hermes", active: true },
  { id: "3", handle: "ops", displayName: "Operations", active: true },
];

type Send = (content: string, idempotencyKey: string) => Promise<boolean>;

function setup(onSend = vi.fn<Send>(async () => true)) {
  render(<Composer agents={agents} onSend={onSend} sending={false} />);
  return { onSend, box: screen.getByRole("textbox", { name: "Message" }) as HTMLTextAreaElement };
}

describe("Composer", () => {
  it("opens the agent list on @ at a word start, filters it, and chooses with the keyboard", async () => {
    const user = userEvent.setup();
    const { box } = setup();
    await user.type(box, "hi @he");
    const list = screen.getByRole("listbox", { name: "Agents" });
    const options = screen.getAllByRole("option");
    expect(options.map((o) => o.textContent)).toEqual(["@helper Helpful Helen", "@hermes Hermes"]);
    expect(options[0]).toHaveAttribute("aria-selected", "true");
    expect(box).toHaveAttribute("aria-activedescendant", options[0].id);
    expect(box).toHaveAttribute("aria-controls", list.id);
    await user.keyboard("{ArrowDown}");
    expect(screen.getAllByRole("option")[1]).toHaveAttribute("aria-selected", "true");
    expect(box).toHaveAttribute("aria-activedescendant", screen.getAllByRole("option")[1].id);
    await user.keyboard("{Enter}");
    expect(box.value).toBe("hi @hermes ");
    expect(screen.queryByRole("listbox")).toBeNull();
  });

  it("chooses with Tab and with the mouse, and closes with Escape", async () => {
    const user = userEvent.setup();
    const { box, onSend } = setup();
    await user.type(box, "@o");
    await user.keyboard("{Tab}");
    expect(box.value).toBe("@ops ");
    await user.type(box, "and @h");
    await user.click(screen.getByRole("option", { name: /hermes/ }));
    expect(box.value).toBe("@ops and @hermes ");
    await user.type(box, "@");
    expect(screen.getByRole("listbox")).toBeInTheDocument();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("listbox")).toBeNull();
    expect(onSend).not.toHaveBeenCalled();
  });

  it("does not open inside a word (an e-mail address)", async () => {
    const user = userEvent.setup();
    const { box } = setup();
    await user.type(box, "mail me@he");
    expect(screen.queryByRole("listbox")).toBeNull();
  });

  it("sends on Enter, keeps Shift+Enter as a new line, and clears after sending", async () => {
    const user = userEvent.setup();
    const { box, onSend } = setup();
    await user.type(box, "line one{Shift>}{Enter}{/Shift}line two");
    expect(box.value).toBe("line one\nline two");
    await user.keyboard("{Enter}");
    expect(onSend).toHaveBeenCalledTimes(1);
    expect(onSend.mock.calls[0][0]).toBe("line one\nline two");
    expect(box.value).toBe("");
  });

  it("sends once on a double submit, with one idempotency key until it succeeds", async () => {
    const user = userEvent.setup();
    let finish: (ok: boolean) => void = () => {};
    const onSend = vi.fn<Send>(() => new Promise<boolean>((r) => (finish = r)));
    const { box } = setup(onSend);
    await user.type(box, "hello");
    await user.keyboard("{Enter}");
    await user.click(screen.getByRole("button", { name: "Send" }));
    expect(onSend).toHaveBeenCalledTimes(1);
    finish(false);
    await new Promise((r) => setTimeout(r, 0));
    await user.keyboard("{Enter}");
    expect(onSend).toHaveBeenCalledTimes(2);
    expect(onSend.mock.calls[1][1]).toBe(onSend.mock.calls[0][1]);
  });
});

describe("Composer in Traditional Chinese", () => {
  afterEach(() => act(() => i18n.changeLanguage("en")));

  it("names the agent list, the hint and the button in zh-TW; the agents keep their names", async () => {
    await act(() => i18n.changeLanguage("zh-TW"));
    const user = userEvent.setup();
    render(<Composer agents={agents} onSend={vi.fn<Send>(async () => true)} sending={false} defaultHandle="helper" />);
    const box = screen.getByRole("textbox", { name: "訊息" });
    expect(screen.getByText("按 Enter 傳送，Shift+Enter 換行。沒有提及任何人時，由 @helper 回覆。")).toBeInTheDocument();
    await user.type(box, "@he");
    expect(screen.getByRole("listbox", { name: "AI 代理" })).toBeInTheDocument();
    expect(screen.getAllByRole("option").map((o) => o.textContent)).toEqual(["@helper Helpful Helen", "@hermes Hermes"]);
    expect(screen.getByRole("button", { name: "傳送" })).toBeEnabled();
  });
});
