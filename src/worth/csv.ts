import { addIssueProblems, readCsvRows, refuseIfProblems, toCsv } from "../csv.ts";
import type { FieldProblems } from "../errors.ts";
import { formatMajorAmount, parseMajorAmount } from "../money/amount.ts";
import { taskInput, type AuditTask, type TaskInput } from "./schema.ts";

/** The task audit as CSV: the columns people see in a spreadsheet, money in major units. */
export const taskColumns = [
  "name",
  "area",
  "hours_per_week",
  "skill",
  "enjoyment",
  "strategic",
  "needed",
  "market_rate",
] as const;

export function tasksToCsv(tasks: AuditTask[], currency: string): string {
  return toCsv(
    taskColumns,
    tasks.map((task) => [
      task.name,
      task.areaName,
      task.hoursPerWeek,
      task.skill,
      task.enjoyment,
      task.strategic ? "yes" : "no",
      task.needed ? "yes" : "no",
      task.marketRate === null ? "" : formatMajorAmount(task.marketRate, currency),
    ]),
  );
}

const yes = new Set(["yes", "y", "true", "1"]);
const no = new Set(["no", "n", "false", "0", ""]);

export type ImportedTask = Omit<TaskInput, "areaId"> & { areaName: string };

/**
 * Reads an uploaded task list. Every problem is reported as "line N: column" so the owner
 * can fix the file; nothing is returned unless every line is valid.
 */
export function tasksFromCsv(text: string, currency: string): ImportedTask[] {
  const rows = readCsvRows(text, ["name", "area", "hours_per_week", "skill", "enjoyment"], "task");
  const problems: FieldProblems = {};
  const tasks: ImportedTask[] = [];
  rows.forEach(({ record, line }) => {
    const flag = (column: "strategic" | "needed", fallback: boolean) => {
      const value = (record[column] ?? "").toLowerCase();
      if (value === "") return fallback;
      if (yes.has(value)) return true;
      if (no.has(value)) return false;
      problems[`line ${line}: ${column}`] = "Use yes or no";
      return fallback;
    };
    const rateText = record.market_rate ?? "";
    const marketRate = rateText === "" ? null : parseMajorAmount(rateText, currency);
    if (rateText !== "" && marketRate === null) {
      problems[`line ${line}: market_rate`] = `Use an amount like 12.50 in ${currency}`;
    }
    const area = (record.area ?? "").trim();
    if (area === "" || area.length > 40)
      problems[`line ${line}: area`] = "Name an area (at most 40 characters)";
    const parsed = taskInput.omit({ areaId: true }).safeParse({
      name: record.name,
      hoursPerWeek: Number(record.hours_per_week === "" ? Number.NaN : record.hours_per_week),
      skill: Number(record.skill),
      enjoyment: Number(record.enjoyment),
      strategic: flag("strategic", false),
      needed: flag("needed", true),
      marketRate,
    });
    if (!parsed.success) {
      addIssueProblems(problems, line, parsed.error.issues, {
        hoursPerWeek: "hours_per_week",
        marketRate: "market_rate",
      });
      return;
    }
    tasks.push({ ...parsed.data, areaName: area });
  });
  refuseIfProblems(problems);
  return tasks;
}
