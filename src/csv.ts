import { stringify } from "csv-stringify/sync";

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

export function toCsv(columns: readonly string[], rows: (string | number)[][]): string {
  return stringify(
    rows.map((row) => row.map(safeCell)),
    { header: true, columns: [...columns] },
  );
}
