const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

/** A lifetime from src/auth/rules.ts in words: "30 days", "1 hour". */
export function durationInWords(ms: number): string {
  const [count, unit] = ms % DAY === 0 ? [ms / DAY, "day"] : [Math.round(ms / HOUR), "hour"];
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}
