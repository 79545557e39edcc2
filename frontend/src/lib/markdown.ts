// Markdown to safe HTML: marked (GitHub-flavoured) renders, DOMPurify keeps
// only an allow-list of formatting tags and attributes. The output is the only
// thing components may pass to dangerouslySetInnerHTML (components/Markdown.tsx).
//
// What survives: headings, paragraphs, emphasis, links (http, https, mailto,
// relative), images (http, https, relative, and raster data:image), code,
// lists, tables, blockquotes, rules. Everything else (script, style, iframe,
// object, embed, form, input, svg, math, every on* attribute, style and id
// attributes, javascript:/vbscript:/data: links) is removed. Links open in a
// new tab with rel="noopener noreferrer".
import createDOMPurify, { type Config, type DOMPurify } from "dompurify";
import { Marked } from "marked";

const marked = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: {
    // GFM task lists: a text box instead of an <input> (inputs are not kept).
    checkbox({ checked }) {
      return checked ? "☑ " : "☐ ";
    },
  },
});

const allowedTags = [
  "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "details", "dl", "dt", "em",
  "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "kbd", "li", "ol", "p", "pre",
  "s", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
  "thead", "tr", "ul",
];
const allowedAttrs = ["href", "title", "alt", "src", "align", "start", "class", "colspan", "rowspan", "open"];

// A URL is kept when its scheme is http, https or mailto, or when it has no
// scheme at all (relative: "/x", "#x", "x/y"). DOMPurify strips whitespace and
// control characters and decodes entities before testing, so "java\nscript:"
// and "&#106;avascript:" are caught too.
const allowedUri = /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;
// Inline images only as raster data (an SVG could carry script in other contexts).
const safeDataImage = /^data:image\/(?:png|gif|jpe?g|webp|avif);base64,[a-z0-9+/=\s]*$/i;

const config: Config = {
  ALLOWED_TAGS: allowedTags,
  ALLOWED_ATTR: allowedAttrs,
  ALLOWED_URI_REGEXP: allowedUri,
  ALLOW_DATA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  FORBID_TAGS: ["script", "style", "iframe", "object", "embed", "form", "input", "svg", "math", "template"],
  FORBID_ATTR: ["style", "id", "name"],
};

let purifier: DOMPurify | null = null;

// A DOMPurify instance of our own, so these hooks never change how other
// code in the page sanitises.
function getPurifier(): DOMPurify {
  if (purifier) return purifier;
  const p = createDOMPurify(window);
  p.addHook("uponSanitizeAttribute", (node, data) => {
    const name = data.attrName;
    const value = data.attrValue.trim();
    if (name.startsWith("on")) {
      data.keepAttr = false;
    } else if (name === "class") {
      // Only the language class marked puts on fenced code.
      if (node.nodeName !== "CODE" || !/^language-[\w+#.-]+$/.test(value)) data.keepAttr = false;
    } else if ((name === "src" || name === "href") && /^data:/i.test(value.replace(/[\s\u0000-\u001f]/g, ""))) {
      if (!(name === "src" && node.nodeName === "IMG" && safeDataImage.test(value))) data.keepAttr = false;
    }
  });
  p.addHook("afterSanitizeAttributes", (node) => {
    if (node.nodeName === "A" && node.hasAttribute("href")) {
      node.setAttribute("target", "_blank");
      node.setAttribute("rel", "noopener noreferrer");
    } else if (node.nodeName === "IMG") {
      node.setAttribute("loading", "lazy");
      node.setAttribute("referrerpolicy", "no-referrer");
    }
  });
  purifier = p;
  return p;
}

// An event-handler attribute inside a tag (after white space, "/" or a
// closing quote, as HTML parsers read it).
const handlerAttr = /(<[a-z][^>]*?[\s/"'])on([a-z]+\s*=)/gi;

/**
 * Renames the event-handler attributes of raw HTML before DOMPurify parses
 * it: Chrome reports a Content Security Policy violation (a console error)
 * for each inline handler it parses, even in DOMPurify's inert document.
 * Not a safety measure (DOMPurify removes every on* attribute, and this
 * pass may miss some): it only keeps the console clean.
 */
export function renameHandlers(html: string): string {
  let prev = "";
  let out = html;
  while (out !== prev) {
    prev = out;
    out = out.replace(handlerAttr, "$1data-dropped-on$2");
  }
  return out;
}

/** Renders Markdown to sanitised HTML, safe to put into the page. */
export function renderMarkdown(src: string): string {
  const html = marked.parse(src ?? "") as string;
  return getPurifier().sanitize(renameHandlers(html), { ...config, RETURN_TRUSTED_TYPE: false }) as string;
}
