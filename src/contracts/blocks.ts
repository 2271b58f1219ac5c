import { marked, type Token, type Tokens } from "marked";
import type { DocumentBlock, TextRun } from "./schema.ts";

/**
 * The contract's Markdown as a few kinds of block with styled runs of plain text: the page
 * and the PDF draw the same structure, and nothing in it is HTML, so nothing needs escaping.
 */

interface Style {
  bold?: boolean;
  italic?: boolean;
  link?: string;
}

const safeLink = /^(https?:|mailto:)/i;

function runsOf(tokens: readonly Token[] | undefined, style: Style = {}): TextRun[] {
  const runs: TextRun[] = [];
  for (const token of tokens ?? []) {
    switch (token.type) {
      case "strong":
        runs.push(...runsOf((token as Tokens.Strong).tokens, { ...style, bold: true }));
        break;
      case "em":
        runs.push(...runsOf((token as Tokens.Em).tokens, { ...style, italic: true }));
        break;
      case "del":
        runs.push(...runsOf((token as Tokens.Del).tokens, style));
        break;
      case "link": {
        const link = token as Tokens.Link;
        const href = safeLink.test(link.href) ? link.href : undefined;
        runs.push(...runsOf(link.tokens, href ? { ...style, link: href } : style));
        break;
      }
      case "codespan":
        runs.push({ text: (token as Tokens.Codespan).text, ...style, code: true });
        break;
      case "br":
        runs.push({ text: "\n", ...style });
        break;
      case "text": {
        const text = token as Tokens.Text;
        if (text.tokens) runs.push(...runsOf(text.tokens, style));
        else runs.push({ text: text.text, ...style });
        break;
      }
      default:
        // Escapes, inline HTML and image alt texts read as the characters typed.
        if ("text" in token && typeof token.text === "string") {
          runs.push({ text: token.text, ...style });
        }
    }
  }
  return merged(runs);
}

/** Neighbouring runs in the same style become one, so renderers see whole words. */
function merged(runs: readonly TextRun[]): TextRun[] {
  const out: TextRun[] = [];
  for (const run of runs) {
    const last = out.at(-1);
    if (
      last &&
      !!last.bold === !!run.bold &&
      !!last.italic === !!run.italic &&
      !!last.code === !!run.code &&
      last.link === run.link
    ) {
      out[out.length - 1] = { ...last, text: last.text + run.text };
    } else {
      out.push(run);
    }
  }
  return out;
}

function listItems(list: Tokens.List, depth: number): { runs: TextRun[]; depth: number }[] {
  return list.items.flatMap((item) => {
    const own: TextRun[] = [];
    const nested: { runs: TextRun[]; depth: number }[] = [];
    for (const token of item.tokens) {
      if (token.type === "list") nested.push(...listItems(token as Tokens.List, depth + 1));
      else if (token.type !== "space") {
        if (own.length > 0) own.push({ text: "\n" });
        own.push(...runsOf("tokens" in token ? token.tokens : undefined));
      }
    }
    return [{ runs: merged(own), depth }, ...nested];
  });
}

function blocksOf(tokens: readonly Token[]): DocumentBlock[] {
  return tokens.flatMap((token): DocumentBlock[] => {
    switch (token.type) {
      case "heading": {
        const heading = token as Tokens.Heading;
        return [{ kind: "heading", level: heading.depth, runs: runsOf(heading.tokens) }];
      }
      case "paragraph":
        return [{ kind: "paragraph", runs: runsOf((token as Tokens.Paragraph).tokens) }];
      case "list": {
        const list = token as Tokens.List;
        const start = typeof list.start === "number" ? list.start : 1;
        return [{ kind: "list", ordered: list.ordered, start, items: listItems(list, 0) }];
      }
      case "table": {
        const table = token as Tokens.Table;
        return [
          {
            kind: "table",
            align: table.align.map((align) => align ?? "left"),
            header: table.header.map((cell) => runsOf(cell.tokens)),
            rows: table.rows.map((row) => row.map((cell) => runsOf(cell.tokens))),
          },
        ];
      }
      case "code":
        return [{ kind: "code", text: (token as Tokens.Code).text }];
      case "blockquote":
        return blocksOf((token as Tokens.Blockquote).tokens).map((block) =>
          block.kind === "paragraph" ? { kind: "quote", runs: block.runs } : block,
        );
      case "hr":
        return [{ kind: "rule" }];
      case "space":
        return [];
      default:
        return "text" in token && typeof token.text === "string" && token.text.trim()
          ? [{ kind: "paragraph", runs: [{ text: token.text }] }]
          : [];
    }
  });
}

export function documentBlocks(markdown: string): DocumentBlock[] {
  return blocksOf(marked.lexer(markdown, { gfm: true, breaks: true }));
}
