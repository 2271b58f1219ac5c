import type { AuditTask } from "../../../src/worth/schema.ts";

export type Recommendation = AuditTask["recommendation"];

export const recommendations: Recommendation[] = ["delegate", "barter", "eliminate", "keep"];

/**
 * Each recommendation's word and hue, the same in the table, the filters and the charts.
 * Badges carry white text, so their shade is dark enough for 4.5:1; chart marks use a
 * lighter shade of the same hue that stands out on both the light and the dark background.
 */
export const recommendationStyle: Record<
  Recommendation,
  { label: string; color: string; chartColor: string }
> = {
  delegate: { label: "Delegate", color: "teal.9", chartColor: "teal.7" },
  barter: { label: "Barter", color: "grape.8", chartColor: "grape.6" },
  eliminate: { label: "Eliminate", color: "red.9", chartColor: "red.7" },
  keep: { label: "Keep", color: "blue.8", chartColor: "blue.6" },
};
