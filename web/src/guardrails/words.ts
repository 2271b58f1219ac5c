import { countOf } from "../../../src/words.ts";

/** "2 tasks · 1 procedure · 3 people with the skill": why an area is on the bench. */
export function usedByText(usedBy: { tasks: number; procedures: number; people: number }): string {
  const parts = [
    usedBy.tasks > 0 && countOf(usedBy.tasks, "task"),
    usedBy.procedures > 0 && countOf(usedBy.procedures, "procedure"),
    usedBy.people > 0 && `${countOf(usedBy.people, "person", "people")} with the skill`,
  ];
  return parts.filter(Boolean).join(" · ");
}
