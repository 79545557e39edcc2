import { render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { Markdown } from "./Markdown";

type Flagged = typeof globalThis & { __pwned?: unknown };
const g = globalThis as Flagged;

afterEach(() => {
  delete g.__pwned;
});

describe("Markdown", () => {
  it("renders Markdown into the page inside a .markdown container", () => {
    const { container } = render(
      <Markdown source={"## Install\n\nRun `helm install` then read [the docs](https://example.com/docs).\n\n- fast\n- safe"} />,
    );
    const root = container.firstElementChild!;
    expect(root).toHaveClass("markdown");
    expect(screen.getByRole("heading", { level: 2, name: "Install" })).toBeInTheDocument();
    const link = screen.getByRole("link", { name: "the docs" });
    expect(link).toHaveAttribute("href", "https://example.com/docs");
    expect(link).toHaveAttribute("target", "_blank");
    expect(link).toHaveAttribute("rel", "noopener noreferrer");
    expect(screen.getAllByRole("listitem").map((li) => li.textContent)).toEqual(["fast", "safe"]);
    expect(root.querySelector("code")).toHaveTextContent("helm install");
  });

  it("adds an extra class when asked", () => {
    const { container } = render(<Markdown source="x" className="message-body" />);
    expect(container.firstElementChild).toHaveClass("markdown", "message-body");
  });

  it("updates when the source changes (e.g. a streaming message)", () => {
    const { rerender } = render(<Markdown source="Hel" />);
    expect(screen.getByText("Hel")).toBeInTheDocument();
    rerender(<Markdown source="Hello **world**" />);
    expect(screen.getByText("world").tagName).toBe("STRONG");
  });

  it("runs nothing from a hostile message", async () => {
    const payloads = [
      "<script>window.__pwned = 'script'</script>",
      '<img src="x" onerror="window.__pwned = \'img\'">',
      '<svg onload="window.__pwned = \'svg\'"></svg>',
      '<iframe srcdoc="<script>parent.__pwned = \'iframe\'</script>"></iframe>',
      '<details open ontoggle="window.__pwned = \'details\'"><summary>x</summary></details>',
      '<body onload="window.__pwned = \'body\'">',
      '<input autofocus onfocus="window.__pwned = \'input\'">',
      "[click](javascript:window.__pwned='link')",
      '<a href="&#106;avascript:window.__pwned=\'entity\'">click</a>',
      '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=\'math\'"></style></mglyph></table></mtext></math>',
    ];
    const { container } = render(<Markdown source={payloads.join("\n\n")} />);
    // Give any event handler or queued task a chance to run.
    await new Promise((r) => setTimeout(r, 50));
    expect(g.__pwned).toBeUndefined();

    expect(container.querySelector("script, iframe, svg, math, input, style, body")).toBeNull();
    for (const el of Array.from(container.querySelectorAll("*"))) {
      for (const attr of Array.from(el.attributes)) {
        expect(attr.name).not.toMatch(/^on/i);
        expect(attr.value).not.toMatch(/javascript:/i);
      }
    }
    // Clicking what is left of the links does nothing either.
    for (const a of Array.from(container.querySelectorAll("a"))) {
      expect(a.getAttribute("href")).toBeNull();
      a.click();
    }
    expect(g.__pwned).toBeUndefined();
  });
});
