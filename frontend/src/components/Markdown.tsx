import { useMemo } from "react";
import { renderMarkdown } from "../lib/markdown";

// Renders Markdown (e.g. a template's description, an AI message) as
// sanitised HTML: lib/markdown.ts allows formatting, links, code, lists and
// tables, nothing that runs.
export function Markdown({ source, className }: { source: string; className?: string }) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  return (
    <div
      className={className ? `markdown ${className}` : "markdown"}
      // Safe: the output of DOMPurify with a strict allow-list (lib/markdown.ts).
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
