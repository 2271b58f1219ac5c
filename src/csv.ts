import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { Invalid, type FieldProblems } from "./errors.ts";

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * A spreadsheet runs a cell that starts with =, +, - or @ as a formula. Text people typed
 * (a task or site name) is prefixed with an apostrophe so opening an export runs nothing.
 */
function safeCell(value: string | number): string | number {
  if (typeof value !== "string" || !FORMULA_START.test(value) || PLAIN_NUMBER.test(value)) {
    return value;
  }
  return `'${value}`;
}

/** Undoes safeCell, so a file exported here imports back to the same values. */
function plainCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

export function toCsv(columns: readonly string[], rows: (string | number)[][]): string {
  return stringify(
    rows.map((row) => row.map(safeCell)),
    { header: true, columns: [...columns] },
  );
}

/** One data row of an uploaded file, with the line it starts on (blank lines still count). */
export interface CsvRow {
  line: number;
  record: Record<string, string>;
}

/**
 * Reads an uploaded file with a header row. A file that is not CSV, lacks a required
 * column or has no rows is refused whole, with the problems named.
 */
export function readCsvRows(
  text: string,
  requiredColumns: readonly string[],
  noun: string,
): CsvRow[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
    });
  } catch (error) {
    throw new Invalid("csv.unreadable", `The file is not valid CSV: ${(error as Error).message}`);
  }
  const problems: FieldProblems = {};
  const header = Object.keys(records[0]?.record ?? {});
  for (const column of requiredColumns) {
    if (records.length > 0 && !header.includes(column))
      problems[`header: ${column}`] = "Missing column";
  }
  if (records.length === 0) problems.file = `The file has no ${noun} rows`;
  if (Object.keys(problems).length > 0) {
    throw new Invalid("csv.invalid", "The file cannot be imported", problems);
  }
  return records.map(({ record, info }) => ({
    line: info.lines,
    record: Object.fromEntries(
      Object.entries(record).map(([key, value]) => [key, plainCell(value)]),
    ),
  }));
}

/** Records each schema issue once, as "line N: column", naming fields by their CSV column. */
export function addIssueProblems(
  problems: FieldProblems,
  line: number,
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  columnOf: Readonly<Record<string, string>>,
): void {
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "row");
    problems[`line ${line}: ${columnOf[field] ?? field}`] ??= issue.message;
  }
}

/** All or nothing: any problem on any line refuses the whole file. */
export function refuseIfProblems(problems: FieldProblems): void {
  if (Object.keys(problems).length > 0) {
    throw new Invalid("csv.invalid", "Some lines need fixing; nothing was imported", problems);
  }
}
