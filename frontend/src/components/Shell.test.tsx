import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { Provider } from "urql";
import { describe, expect, it, vi } from "vitest";
import { Shell } from "./Shell";
import { mockClient } from "../test/mockClient";

vi.mock("../lib/session", () => ({
  useSession: () => ({ reset: vi.fn() }),
  useSignedInViewer: () => ({ id: "u1", name: "Ada", email: "ada@example.com", platformAdmin: false }),
}));
vi.mock("../lib/workspace", () => ({
  useWorkspaces: () => ({ workspaces: [], current: null, select: vi.fn(), loading: false }),
}));

describe("user menu", () => {
  it("is usable with the keyboard: open focuses the first item, arrows move, Escape closes", async () => {
    const { client } = mockClient({});
    const user = userEvent.setup();
    render(
      <Provider value={client}>
        <MemoryRouter>
          <Shell />
        </MemoryRouter>
      </Provider>,
    );
    const button = screen.getByRole("button", { name: /ada/i });
    await user.click(button);
    const items = screen.getAllByRole("menuitem");
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveFocus();
    await user.keyboard("{ArrowDown}");
    expect(items[1]).toHaveFocus();
    await user.keyboard("{ArrowUp}{ArrowUp}");
    expect(items[2]).toHaveFocus(); // wraps around
    await user.keyboard("{Home}");
    expect(items[0]).toHaveFocus();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("menu")).not.toBeInTheDocument();
    expect(button).toHaveFocus();
  });
});
