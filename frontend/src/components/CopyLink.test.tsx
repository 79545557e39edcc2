import { describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
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
