import { plainTextOf, readabilityOf, sentencesOf, type Readability } from "./readability.ts";
import { countOf } from "../words.ts";

/**
 * The blueprint's judgement: is a procedure plain enough for a layman, and may it be
 * handed to a contractor? Pure.
 */

export interface ProcedureStep {
  instruction: string;
  /** Markdown. */
  detail: string;
  /** What the worker confirms before ticking the step, or "" for none. */
  check: string;
  imageId: string | null;
}

export interface ProcedureContent {
  title: string;
  purpose: string;
  definitionOfDone: string;
  tools: string[];
  steps: ProcedureStep[];
}

/** Reading ease of plain English (Flesch 60–70): the default bar a procedure must clear. */
export const DEFAULT_MIN_READING_EASE = 60;

export const DEFAULT_JARGON = [
  "leverage",
  "utilize",
  "synergy",
  "facilitate",
  "paradigm",
  "robust",
  "streamline",
  "holistic",
  "actionable",
  "deliverable",
  "bandwidth",
  "ideate",
  "seamless",
  "scalable",
  "optimize",
] as const;

const PASSIVE =
  /\b(?:am|is|are|was|were|be|been|being)\s+(?:\w+ed|\w+en|done|made|sent|put|set|kept|built)\b/gi;
/** Words that chain a second action onto a step. */
const SECOND_ACTION = /\b(?:and then|then|after that|afterwards|also|as well as)\b|;/i;

export interface StepScore {
  readability: Readability;
  /** Why this step may trip a reader, in plain words. */
  flags: string[];
}

export interface ProcedureScore {
  whole: Readability;
  steps: StepScore[];
  passivePhrases: string[];
  jargon: string[];
  hardToFollow: boolean;
  /** Why it is hard to follow; empty when it is not. */
  reasons: string[];
}

function findJargon(text: string, jargon: readonly string[]): string[] {
  const lower = text.toLowerCase();
  return jargon.filter((word) => new RegExp(`\\b${word.toLowerCase()}\\w*\\b`).test(lower));
}

function stepText(step: ProcedureStep): string {
  return [step.instruction, plainTextOf(step.detail), step.check].filter(Boolean).join("\n");
}

/** A step should be one action: one sentence, no "then", no semicolon. */
export function holdsMoreThanOneAction(instruction: string): boolean {
  return sentencesOf(instruction).length > 1 || SECOND_ACTION.test(instruction);
}

export function scoreProcedure(
  content: ProcedureContent,
  settings: { minReadingEase: number; jargon: readonly string[] },
): ProcedureScore {
  const wholeText = [
    content.purpose,
    content.definitionOfDone,
    ...content.steps.map(stepText),
  ].join("\n");
  const whole = readabilityOf(wholeText);
  const steps = content.steps.map((step) => {
    const readability = readabilityOf(stepText(step));
    const flags: string[] = [];
    if (holdsMoreThanOneAction(step.instruction)) {
      flags.push("Holds more than one action; split it into steps");
    }
    if (readability.longSentences.length > 0) flags.push("Has a long sentence");
    if (readability.readingEase !== null && readability.readingEase < settings.minReadingEase) {
      flags.push(`Reading ease ${readability.readingEase} is below ${settings.minReadingEase}`);
    }
    return { readability, flags };
  });
  const passivePhrases = [...new Set(wholeText.match(PASSIVE) ?? [])];
  const jargon = findJargon(wholeText, settings.jargon);

  const reasons: string[] = [];
  if (whole.readingEase === null) {
    reasons.push("It has no words to read yet");
  } else if (whole.readingEase < settings.minReadingEase) {
    reasons.push(
      `Reading ease is ${whole.readingEase}, below the ${settings.minReadingEase} of plain English`,
    );
  }
  if (content.steps.length === 0) reasons.push("It has no steps");
  return {
    whole,
    steps,
    passivePhrases,
    jargon,
    hardToFollow: reasons.length > 0,
    reasons,
  };
}

/** A version may go to a contractor when it reads plainly, or the owner overrode the gate in writing. */
export function mayHandOver(
  score: { hardToFollow: boolean },
  overrideReason: string | null,
): boolean {
  return !score.hardToFollow || (overrideReason !== null && overrideReason.trim().length > 0);
}

/** Minutes each ticked step took: from the tick before it (or the run's start) to its own. */
export function minutesPerStep(
  startedAt: number,
  checks: readonly { stepIndex: number; checkedAt: number }[],
): Map<number, number> {
  const minutes = new Map<number, number>();
  let previous = startedAt;
  for (const check of [...checks].sort((a, b) => a.checkedAt - b.checkedAt)) {
    minutes.set(
      check.stepIndex,
      Math.max(0, Math.round((check.checkedAt - previous) / 6_000) / 10),
    );
    previous = check.checkedAt;
  }
  return minutes;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? null)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** A step is a sticking point when half the runs ask about it, or it takes far longer than the rest. */
export const STUCK_QUESTION_SHARE = 0.5;
export const STUCK_SLOWNESS = 3;
export const STUCK_MIN_MINUTES = 10;

export function stuckReason(step: {
  runs: number;
  questions: number;
  medianMinutes: number | null;
  typicalMinutes: number | null;
}): string | null {
  if (step.runs > 0 && step.questions > 0 && step.questions / step.runs >= STUCK_QUESTION_SHARE) {
    return `${countOf(step.questions, "question")} over ${countOf(step.runs, "run")}: the step may need clearer words`;
  }
  if (
    step.medianMinutes !== null &&
    step.typicalMinutes !== null &&
    step.medianMinutes >= STUCK_MIN_MINUTES &&
    step.medianMinutes >= STUCK_SLOWNESS * step.typicalMinutes
  ) {
    return `Takes ${step.medianMinutes} minutes, about ${Math.round(step.medianMinutes / Math.max(step.typicalMinutes, 0.1))}× a typical step: split it or add an example`;
  }
  return null;
}
