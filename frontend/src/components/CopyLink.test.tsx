import { afterEach, describe, expect, it, vi } from "vitest";
import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { i18n } from "../i18n";
import { CopyLink } from "./CopyLink";

describe("CopyLink", () => {
  it("copies the link and says so", async () => {
    const u = userEvent.setup();
    render(<CopyLink link="http://woow.test/invitation#token=abc" />);
    const field = screen.getByRole("textbox", { name: "Invitation link" });
    expect(field).toHaveValue("http://woow.test/invitation#token=abc");
    await u.click(screen.getByRole("button", { name: "Copy link" }));
    expect(await screen.findByText("Copied to the clipboard.")).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe("http://woow.test/invitation#token=abc");
  });

  it("selects the link to copy by hand when the browser refuses", async () => {
    const u = userEvent.setup();
    vi.spyOn(navigator.clipboard, "writeText").mockRejectedValue(new Error("not allowed"));
    render(<CopyLink link="http://woow.test/x" label="Link for Zoe" />);
    await u.click(screen.getByRole("button", { name: "Copy link" }));
    expect(await screen.findByText(/press Ctrl\+C/)).toBeInTheDocument();
    const field = screen.getByRole("textbox", { name: "Link for Zoe" }) as HTMLInputElement;
    expect(field).toHaveFocus();
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, "http://woow.test/x".length]);
  });
});

describe("CopyLink in Traditional Chinese", () => {
  afterEach(async () => {
    vi.restoreAllMocks();
    await act(() => i18n.changeLanguage("en"));
  });

  it("speaks Chinese, with the fallback's sentence for what is copied", async () => {
    await act(() => i18n.changeLanguage("zh-TW"));
    const u = userEvent.setup();
    vi.spyOn(navigator.clipboard, "writeText").mockRejectedValue(new Error("not allowed"));
    render(<CopyLink link="s3cret" label="Client secret" buttonLabel="Copy secret" what="secret" secret />);
    expect(screen.getByRole("button", { name: "顯示" })).toBeInTheDocument();
    await u.click(screen.getByRole("button", { name: "Copy secret" }));
    expect(await screen.findByText("此瀏覽器不允許複製：已選取密鑰，請按 Ctrl+C（Mac 上為 ⌘C）複製。")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "隱藏" })).toBeInTheDocument();
  });

  it("has Chinese defaults for an invitation link", async () => {
    await act(() => i18n.changeLanguage("zh-TW"));
    const u = userEvent.setup();
    render(<CopyLink link="http://woow.test/invitation#token=abc" />);
    expect(screen.getByRole("textbox", { name: "邀請連結" })).toBeInTheDocument();
    await u.click(screen.getByRole("button", { name: "複製連結" }));
    expect(await screen.findByText("已複製到剪貼簿。")).toBeInTheDocument();
  });
});
