import PDFDocument from "pdfkit";
import type { DocumentBlock, TextRun } from "./schema.ts";

/**
 * The contract as a PDF: the document's blocks typeset on Letter pages with the built-in
 * Helvetica, the payment schedule as a ruled table with amounts aligned right, the
 * acceptance record at the end and "Page n of m" on every page.
 */

export interface PdfAcceptance {
  typedName: string;
  /** The time of acceptance already written out in the business's time zone. */
  acceptedOn: string;
  ip: string;
  textHash: string;
}

export interface ContractPdfInput {
  title: string;
  version: number;
  blocks: readonly DocumentBlock[];
  textHash: string;
  acceptance: PdfAcceptance | null;
}

type Doc = PDFKit.PDFDocument;

const MARGIN = { top: 64, bottom: 72, left: 64, right: 64 };
const INK = "#1f2328";
const MUTED = "#59636e";
const ACCENT = "#1c5fa8";
const RULE = "#d0d7de";
const SHADE = "#f2f4f7";
const BODY = 10.5;
const LINE_GAP = 3;

const fonts = {
  regular: "Helvetica",
  bold: "Helvetica-Bold",
  italic: "Helvetica-Oblique",
  boldItalic: "Helvetica-BoldOblique",
  code: "Courier",
};

/** Characters the standard fonts cannot draw (they cover Windows-1252) become the nearest ones. */
const extraCharacters = new Set([
  0x0192, 0x02c6, 0x02dc, 0x0152, 0x0153, 0x0160, 0x0161, 0x0178, 0x017d, 0x017e, 0x2013, 0x2014,
  0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039,
  0x203a, 0x20ac, 0x2122,
]);
const lookalikes: Record<string, string> = {
  "\u2212": "-",
  "\u2010": "-",
  "\u2011": "-",
  "\u2264": "<=",
  "\u2265": ">=",
  "\u2192": "->",
  "\u202f": " ",
  "\u2009": " ",
  "\u200b": "",
  "\u0141": "L",
  "\u0142": "l",
  "\u0110": "D",
  "\u0111": "d",
  "\u0131": "i",
};

export function drawable(text: string): string {
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x100 || extraCharacters.has(code)) {
      out += char;
    } else if (lookalikes[char] !== undefined) {
      out += lookalikes[char];
    } else {
      const base = char.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
      out += [...base].every((c) => (c.codePointAt(0) ?? 0) < 0x100) && base ? base : "?";
    }
  }
  return out;
}

function fontOf(run: TextRun): string {
  if (run.code) return fonts.code;
  if (run.bold && run.italic) return fonts.boldItalic;
  if (run.bold) return fonts.bold;
  if (run.italic) return fonts.italic;
  return fonts.regular;
}

function plainText(runs: readonly TextRun[]): string {
  return runs.map((run) => run.text).join("");
}

/** Room left on the page above the bottom margin. */
function roomLeft(doc: Doc): number {
  return doc.page.height - MARGIN.bottom - doc.y;
}

function ensureRoom(doc: Doc, height: number): void {
  if (roomLeft(doc) < height) doc.addPage();
}

/** Styled runs as one flowing paragraph at x, in the given width. */
function drawRuns(
  doc: Doc,
  runs: readonly TextRun[],
  x: number,
  width: number,
  options: {
    size?: number;
    color?: string;
    align?: "left" | "right" | "center";
    bold?: boolean;
  } = {},
): void {
  const size = options.size ?? BODY;
  const pieces = runs.filter((run) => run.text.length > 0);
  if (pieces.length === 0) return;
  doc.x = x;
  pieces.forEach((run, index) => {
    const styled = options.bold ? { ...run, bold: true } : run;
    doc
      .font(fontOf(styled))
      .fontSize(run.code ? size - 0.5 : size)
      .fillColor(run.link ? ACCENT : (options.color ?? INK));
    const last = index === pieces.length - 1;
    const textOptions: PDFKit.Mixins.TextOptions = {
      width,
      lineGap: LINE_GAP,
      align: options.align ?? "left",
      continued: !last,
      link: run.link ?? null,
      underline: Boolean(run.link),
    };
    if (index === 0) doc.text(drawable(run.text), x, doc.y, textOptions);
    else doc.text(drawable(run.text), textOptions);
  });
  doc.fillColor(INK);
}

function heightOfRuns(doc: Doc, runs: readonly TextRun[], width: number, size = BODY): number {
  doc.font(fonts.regular).fontSize(size);
  return doc.heightOfString(drawable(plainText(runs)) || " ", { width, lineGap: LINE_GAP });
}

/** A heading never ends a page: it moves on with the start of what it introduces. */
function drawHeading(
  doc: Doc,
  level: number,
  runs: readonly TextRun[],
  width: number,
  following: number,
): void {
  const size = level <= 2 ? 13.5 : level === 3 ? 11.5 : 10.5;
  const before = level <= 2 ? 16 : 10;
  ensureRoom(doc, before + size * 2 + 12 + following);
  doc.y += before;
  if (level <= 2) {
    doc
      .moveTo(MARGIN.left, doc.y)
      .lineTo(MARGIN.left + width, doc.y)
      .lineWidth(0.6)
      .strokeColor(RULE)
      .stroke();
    doc.y += 8;
  }
  drawRuns(doc, runs, MARGIN.left, width, { size, bold: true });
  doc.y += level <= 2 ? 4 : 3;
}

function drawList(doc: Doc, block: Extract<DocumentBlock, { kind: "list" }>, width: number): void {
  block.items.forEach((item, index) => {
    const indent = 16 + item.depth * 16;
    const marker = block.ordered && item.depth === 0 ? `${block.start + index}.` : "\u2022";
    const x = MARGIN.left + indent;
    ensureRoom(doc, heightOfRuns(doc, item.runs, width - indent) + 4);
    const top = doc.y;
    doc
      .font(fonts.regular)
      .fontSize(BODY)
      .fillColor(MUTED)
      .text(marker, x - 14, top, { width: 12, lineBreak: false });
    doc.y = top;
    drawRuns(doc, item.runs, x, width - indent);
    doc.y += 2;
  });
  doc.y += 4;
}

interface Column {
  width: number;
  align: "left" | "center" | "right";
}

/** A cell this narrow is never wrapped: dates and amounts stay on one line. */
const UNBROKEN = 96;

/**
 * Columns laid out the way a browser does: each as wide as its content when everything fits;
 * otherwise each gets at least its longest word (a short cell's whole text), and the room
 * left goes to the columns that hold the most text.
 */
function tableColumns(
  doc: Doc,
  block: Extract<DocumentBlock, { kind: "table" }>,
  width: number,
  padding: number,
): Column[] {
  const rows = [block.header, ...block.rows];
  const natural: number[] = [];
  const minimum: number[] = [];
  block.align.forEach((_, column) => {
    let widest = 0;
    let narrowest = 0;
    for (const row of rows) {
      const cell = row[column] ?? [];
      doc.font(row === block.header || cell.some((run) => run.bold) ? fonts.bold : fonts.regular);
      doc.fontSize(row === block.header ? BODY - 1.5 : BODY - 0.5);
      const text = drawable(plainText(cell));
      const full = doc.widthOfString(text);
      const longestWord = Math.max(0, ...text.split(/\s+/).map((word) => doc.widthOfString(word)));
      widest = Math.max(widest, full);
      narrowest = Math.max(narrowest, full <= UNBROKEN ? full : longestWord);
    }
    natural.push(widest + padding * 2 + 1);
    minimum.push(narrowest + padding * 2 + 1);
  });
  const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
  const align = (i: number) => block.align[i] ?? "left";
  if (sum(natural) <= width) {
    const spare = width - sum(natural);
    const text = sum(natural.filter((_, i) => align(i) === "left")) || 1;
    return natural.map((w, i) => ({
      width: w + (align(i) === "left" ? (spare * w) / text : 0),
      align: align(i),
    }));
  }
  const spare = Math.max(0, width - sum(minimum));
  const wanted = natural.map((w, i) => w - minimum[i]!);
  const totalWanted = sum(wanted) || 1;
  return minimum.map((w, i) => ({
    width: w + (spare * wanted[i]!) / totalWanted,
    align: align(i),
  }));
}

const CELL_PADDING = 5;

function tableHeight(
  doc: Doc,
  block: Extract<DocumentBlock, { kind: "table" }>,
  width: number,
): number {
  const columns = tableColumns(doc, block, width, CELL_PADDING);
  return [block.header, ...block.rows].reduce(
    (sum, row, index) =>
      sum +
      Math.max(
        ...columns.map(
          (column, i) =>
            heightOfRuns(
              doc,
              row[i] ?? [],
              column.width - CELL_PADDING * 2,
              index === 0 ? BODY - 1.5 : BODY - 0.5,
            ) +
            CELL_PADDING * 2,
        ),
      ),
    0,
  );
}

/** Roughly how much of a block must follow a heading on the same page. */
function leadHeight(doc: Doc, block: DocumentBlock | undefined, width: number): number {
  if (!block) return 0;
  if (block.kind === "table") {
    const whole = tableHeight(doc, block, width);
    return whole <= doc.page.height - MARGIN.top - MARGIN.bottom - 80 ? whole : 60;
  }
  if (block.kind === "paragraph" || block.kind === "quote") {
    return Math.min(heightOfRuns(doc, block.runs, width), 48);
  }
  return 40;
}

function drawTable(
  doc: Doc,
  block: Extract<DocumentBlock, { kind: "table" }>,
  width: number,
): void {
  const padding = CELL_PADDING;
  const columns = tableColumns(doc, block, width, padding);
  const rowHeight = (row: readonly (readonly TextRun[])[], size: number) =>
    Math.max(
      ...columns.map(
        (column, i) =>
          heightOfRuns(doc, row[i] ?? [], column.width - padding * 2, size) + padding * 2,
      ),
    );
  const drawRow = (row: readonly (readonly TextRun[])[], header: boolean) => {
    const size = header ? BODY - 1.5 : BODY - 0.5;
    const height = rowHeight(row, size);
    const top = doc.y;
    if (header) doc.rect(MARGIN.left, top, width, height).fill(SHADE);
    let x = MARGIN.left;
    columns.forEach((column, i) => {
      doc.y = top + padding;
      drawRuns(doc, row[i] ?? [], x + padding, column.width - padding * 2, {
        size,
        align: column.align,
        bold: header,
        color: header ? MUTED : INK,
      });
      x += column.width;
    });
    doc
      .moveTo(MARGIN.left, top + height)
      .lineTo(MARGIN.left + width, top + height)
      .lineWidth(header ? 0.8 : 0.5)
      .strokeColor(header ? MUTED : RULE)
      .stroke();
    doc.y = top + height;
  };
  doc.y += 4;
  const whole = tableHeight(doc, block, width);
  const page = doc.page.height - MARGIN.top - MARGIN.bottom;
  // A table that fits on a page is kept on one; a longer one starts with its header and a row.
  ensureRoom(doc, whole <= page ? whole : rowHeight(block.header, BODY - 1.5) * 2 + 4);
  drawRow(block.header, true);
  for (const row of block.rows) {
    if (roomLeft(doc) < rowHeight(row, BODY - 0.5)) {
      doc.addPage();
      drawRow(block.header, true);
    }
    drawRow(row, false);
  }
  doc.x = MARGIN.left;
  doc.y += 10;
}

function drawBlock(
  doc: Doc,
  block: DocumentBlock,
  width: number,
  next: DocumentBlock | undefined,
): void {
  switch (block.kind) {
    case "heading":
      drawHeading(doc, block.level, block.runs, width, leadHeight(doc, next, width));
      return;
    case "paragraph":
      ensureRoom(doc, Math.min(heightOfRuns(doc, block.runs, width), 60));
      drawRuns(doc, block.runs, MARGIN.left, width);
      doc.y += 7;
      return;
    case "quote": {
      const top = doc.y;
      drawRuns(doc, block.runs, MARGIN.left + 14, width - 14, { color: MUTED });
      doc
        .moveTo(MARGIN.left + 4, top)
        .lineTo(MARGIN.left + 4, doc.y)
        .lineWidth(2)
        .strokeColor(RULE)
        .stroke();
      doc.y += 7;
      return;
    }
    case "list":
      drawList(doc, block, width);
      return;
    case "table":
      drawTable(doc, block, width);
      return;
    case "code":
      doc
        .font(fonts.code)
        .fontSize(BODY - 1)
        .fillColor(INK);
      doc.text(drawable(block.text), MARGIN.left + 8, doc.y, { width: width - 16, lineGap: 2 });
      doc.y += 7;
      return;
    case "rule":
      doc
        .moveTo(MARGIN.left, doc.y + 4)
        .lineTo(MARGIN.left + width, doc.y + 4)
        .lineWidth(0.5)
        .strokeColor(RULE)
        .stroke();
      doc.y += 12;
      return;
  }
}

/** The title block: the document's first heading, set large, and the line under it. */
function drawTitle(doc: Doc, title: readonly TextRun[], width: number): void {
  doc
    .font(fonts.bold)
    .fontSize(8.5)
    .fillColor(MUTED)
    .text("CONTRACT", MARGIN.left, MARGIN.top, { characterSpacing: 1.5 });
  doc.y += 6;
  drawRuns(doc, title, MARGIN.left, width, { size: 22, bold: true });
  doc.y += 4;
}

function drawAcceptance(doc: Doc, input: ContractPdfInput, width: number): void {
  const lines: TextRun[][] = input.acceptance
    ? [
        [
          { text: "Accepted by ", bold: false },
          { text: input.acceptance.typedName, bold: true },
        ],
        [
          {
            text: `On ${input.acceptance.acceptedOn}, from the network address ${input.acceptance.ip}.`,
          },
        ],
        [{ text: `Version ${input.version}. SHA-256 fingerprint of the accepted text:` }],
        [{ text: input.acceptance.textHash, code: true }],
      ]
    : [
        [{ text: "Not yet accepted.", bold: true }],
        [{ text: `Version ${input.version}. SHA-256 fingerprint of this text:` }],
        [{ text: input.textHash, code: true }],
      ];
  const inner = width - 28;
  const height =
    lines.reduce((sum, line) => sum + heightOfRuns(doc, line, inner, BODY - 0.5) + 3, 0) + 46;
  ensureRoom(doc, height + 16);
  doc.y += 16;
  const top = doc.y;
  doc.roundedRect(MARGIN.left, top, width, height, 4).fillAndStroke(SHADE, RULE);
  doc.y = top + 14;
  drawRuns(doc, [{ text: "Acceptance record" }], MARGIN.left + 14, inner, {
    size: 11.5,
    bold: true,
  });
  doc.y += 6;
  for (const line of lines) {
    drawRuns(doc, line, MARGIN.left + 14, inner, { size: BODY - 0.5 });
    doc.y += 3;
  }
  doc.y = top + height;
}

function drawFooters(doc: Doc, input: ContractPdfInput, width: number): void {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index += 1) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN.bottom + 28;
    doc.font(fonts.regular).fontSize(8).fillColor(MUTED);
    doc.text(drawable(`${input.title}, version ${input.version}`), MARGIN.left, y, {
      width: width - 90,
      lineBreak: false,
      ellipsis: true,
    });
    doc.text(`Page ${index - start + 1} of ${count}`, MARGIN.left, y, {
      width,
      align: "right",
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}

export function contractPdf(input: ContractPdfInput): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "LETTER",
    margins: MARGIN,
    bufferPages: true,
    info: { Title: drawable(input.title), Subject: `Contract, version ${input.version}` },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  const [first, ...rest] = input.blocks;
  if (first?.kind === "heading" && first.level === 1) {
    drawTitle(doc, first.runs, width);
  } else {
    drawTitle(doc, [{ text: input.title }], width);
    if (first) rest.unshift(first);
  }
  const [subtitle, ...body] = rest;
  if (subtitle?.kind === "paragraph") {
    drawRuns(doc, subtitle.runs, MARGIN.left, width, { color: MUTED, size: BODY - 0.5 });
    doc.y += 4;
  } else if (subtitle) {
    body.unshift(subtitle);
  }
  body.forEach((block, index) => drawBlock(doc, block, width, body[index + 1]));
  drawAcceptance(doc, input, width);
  drawFooters(doc, input, width);
  doc.end();
  return done;
}
