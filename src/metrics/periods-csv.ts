import { Transform, type Readable } from "node:stream";
import { parse } from "csv-parse";
import { toCsv } from "../csv.ts";
import { formatMajorAmount, parseMajorAmount } from "../money/amount.ts";
import { isMonth, type FunnelNumbers } from "./rules.ts";
import { periodInput, type PeriodInput } from "./schema.ts";

export const periodColumns = [
  "site",
  "month",
  "visitors",
  "prospects",
  "customers",
  "revenue",
  "traffic_cost",
  "other_costs",
] as const;

export interface CsvProblem {
  line: number;
  column: string;
  message: string;
}

export interface ParsedPeriod extends PeriodInput {
  line: number;
  site: string;
  month: string;
}

const fieldColumn: Record<string, string> = {
  visitors: "visitors",
  prospects: "prospects",
  customers: "customers",
  revenue: "revenue",
  trafficCost: "traffic_cost",
  otherCosts: "other_costs",
};

/** Large enough for decades of months across hundreds of sites; bounded so memory is too. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

class TooLarge extends Error {}

function sizeLimit(maxBytes: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > maxBytes)
        done(new TooLarge(`The file is larger than ${maxBytes / 1024 / 1024} MB`));
      else done(null, chunk);
    },
  });
}

function wholeNumber(text: string | undefined): number {
  return text !== undefined && /^\d{1,13}$/.test(text.trim()) ? Number(text) : Number.NaN;
}

/**
 * Reads funnel months from a CSV stream one record at a time, so a 100,000-line file
 * never sits in memory as text. Each bad cell is reported with its line and column.
 */
export async function readPeriods(
  stream: Readable,
  currency: string,
): Promise<{ periods: ParsedPeriod[]; problems: CsvProblem[] }> {
  const periods: ParsedPeriod[] = [];
  const problems: CsvProblem[] = [];
  const seen = new Map<string, number>();
  const limit = sizeLimit(MAX_IMPORT_BYTES);
  // Plain pipes, not pipeline(): a parse error must not destroy the request, whose
  // socket still has to carry the answer.
  const parser = stream.pipe(limit).pipe(
    parse({
      columns: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
      relax_column_count: true,
    }),
  );
  let headerChecked = false;
  let headerMissing = false;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      if (!headerChecked) {
        headerChecked = true;
        const missing = periodColumns.filter((column) => !(column in record));
        for (const column of missing) problems.push({ line: 1, column, message: "Missing column" });
        headerMissing = missing.length > 0;
      }
      // Without the right columns no line can be read; read on only to drain the upload.
      if (headerMissing) continue;
      const line = info.lines;
      const before = problems.length;
      const site = (record.site ?? "").trim();
      if (site === "" || site.length > 80) {
        problems.push({ line, column: "site", message: "Name the site (at most 80 characters)" });
      }
      const month = (record.month ?? "").trim();
      if (!isMonth(month)) {
        problems.push({ line, column: "month", message: "Use a month like 2026-03" });
      }
      const money = (column: "revenue" | "traffic_cost" | "other_costs") => {
        const value = parseMajorAmount(record[column] ?? "", currency);
        if (value === null) {
          problems.push({ line, column, message: `Use an amount like 1250.00 in ${currency}` });
        }
        return value ?? 0;
      };
      const candidate = {
        visitors: wholeNumber(record.visitors),
        prospects: wholeNumber(record.prospects),
        customers: wholeNumber(record.customers),
        revenue: money("revenue"),
        trafficCost: money("traffic_cost"),
        otherCosts: money("other_costs"),
      };
      const parsed = periodInput.safeParse(candidate);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const column = fieldColumn[String(issue.path[0])] ?? "row";
          // A cell that is not a whole number reaches zod as NaN; the schema's own message
          // ("Enter the number of …") would hide what is wrong with it, so say it here.
          const message = issue.code === "invalid_type" ? "Use a whole number" : issue.message;
          // Only this line's problems: scanning them all would make a bad file quadratic.
          if (!problems.slice(before).some((p) => p.column === column)) {
            problems.push({ line, column, message });
          }
        }
      }
      const key = `${site.toLowerCase()}|${month}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        problems.push({ line, column: "month", message: `Same site and month as line ${earlier}` });
      } else {
        seen.set(key, line);
      }
      if (problems.length === before && parsed.success) {
        periods.push({ ...parsed.data, line, site, month });
      }
    }
  } catch (error) {
    problems.push({
      line: 0,
      column: "file",
      message: `Not valid CSV: ${(error as Error).message}`,
    });
  }
  if (!headerChecked && problems.length === 0) {
    problems.push({ line: 1, column: "file", message: "The file has no rows" });
  }
  return { periods, problems };
}

export function periodsToCsv(
  rows: (FunnelNumbers & { site: string; month: string })[],
  currency: string,
): string {
  const money = (cents: number) => formatMajorAmount(cents, currency);
  return toCsv(
    periodColumns,
    rows.map((row) => [
      row.site,
      row.month,
      row.visitors,
      row.prospects,
      row.customers,
      money(row.revenue),
      money(row.trafficCost),
      money(row.otherCosts),
    ]),
  );
}
