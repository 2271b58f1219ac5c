import { marked } from "marked";
import sanitizeHtml from "sanitize-html";

/**
 * A step's Markdown detail as safe HTML: a small allow-list of tags, no scripts, styles or
 * event handlers, only http(s) and mailto links, and every link opens in a new tab without
 * handing the procedure page to the site it opens.
 */
export function renderDetail(markdown: string): string {
  if (markdown.trim() === "") return "";
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: true });
  return sanitizeHtml(html, {
    allowedTags: [
      "p",
      "br",
      "strong",
      "em",
      "del",
      "code",
      "pre",
      "blockquote",
      "ul",
      "ol",
      "li",
      "a",
      "h3",
      "h4",
      "h5",
      "h6",
      "hr",
      "table",
      "thead",
      "tbody",
      "tr",
      "th",
      "td",
    ],
    allowedAttributes: { a: ["href", "title", "target", "rel"] },
    allowedSchemes: ["http", "https", "mailto"],
    transformTags: {
      a: sanitizeHtml.simpleTransform("a", {
        target: "_blank",
        rel: "noopener noreferrer nofollow",
      }),
      h1: "h3",
      h2: "h4",
    },
  });
}
