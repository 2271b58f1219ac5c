import type { HighlightTerm } from "@mantine/core";
import type { Version } from "../../../src/sops/schema.ts";

export type Score = Version["score"];
export type Readability = Score["whole"];

/** Flesch's own bands, from "very easy" down to "very hard". */
export function easeLabel(readingEase: number | null): string {
  if (readingEase === null) return "Nothing to read yet";
  if (readingEase >= 90) return "Very easy";
  if (readingEase >= 80) return "Easy";
  if (readingEase >= 70) return "Fairly easy";
  if (readingEase >= 60) return "Plain English";
  if (readingEase >= 50) return "Fairly hard";
  if (readingEase >= 30) return "Hard";
  return "Very hard";
}

export function formatScore(value: number | null): string {
  return value === null ? "–" : value.toFixed(1);
}

/** "Grade 7": the US school year that can read it. */
export function gradeLabel(gradeLevel: number | null): string {
  if (gradeLevel === null) return "No grade yet";
  if (gradeLevel <= 1) return "First grade";
  if (gradeLevel > 16) return "Postgraduate";
  if (gradeLevel > 12) return "College";
  return `Grade ${Math.round(gradeLevel)}`;
}

/** The words a reader trips over, each in its own colour (always listed in words as well). */
export const markColors = {
  longWord: "yellow.2",
  jargon: "orange.2",
  passive: "grape.2",
} as const;

export function markTerms(words: {
  longWords: readonly string[];
  jargon: readonly string[];
  passive: readonly string[];
}): HighlightTerm[] {
  return [
    ...words.longWords.map((text) => ({ text, color: markColors.longWord })),
    ...words.jargon.map((text) => ({ text, color: markColors.jargon })),
    ...words.passive.map((text) => ({ text, color: markColors.passive })),
  ];
}

/** The phrases of a list that occur in a text, compared without case. */
export function foundIn(text: string, phrases: readonly string[]): string[] {
  const lower = text.toLowerCase();
  return phrases.filter((phrase) => lower.includes(phrase.toLowerCase()));
}
