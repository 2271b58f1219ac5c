import { flesch } from "flesch";
import { fleschKincaid } from "flesch-kincaid";
import { syllable } from "syllable";

/**
 * Readability of procedure text, with the published formulas (via the `flesch` and
 * `flesch-kincaid` packages) over counts made here: sentences end at . ! ? or a line
 * break, words are runs of letters and digits, syllables come from the `syllable` package.
 */

export type TextCounts = {
  sentence: number;
  word: number;
  syllable: number;
};

export const LONG_SENTENCE_WORDS = 20;
export const LONG_WORD_SYLLABLES = 4;

export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => wordsOf(sentence).length > 0);
}

export function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}

export function countText(text: string): TextCounts {
  const words = wordsOf(text);
  return {
    sentence: sentencesOf(text).length,
    word: words.length,
    syllable: words.reduce((sum, word) => sum + Math.max(1, syllable(word)), 0),
  };
}

export interface Readability {
  /** Flesch reading ease, one decimal; 60–70 is plain English. Null for text without words. */
  readingEase: number | null;
  /** Flesch–Kincaid grade level, one decimal. */
  gradeLevel: number | null;
  longSentences: string[];
  longWords: string[];
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

export function readabilityOf(text: string): Readability {
  const counts = countText(text);
  const sentences = sentencesOf(text);
  const words = wordsOf(text);
  return {
    readingEase: counts.word === 0 ? null : oneDecimal(flesch(counts)),
    gradeLevel: counts.word === 0 ? null : oneDecimal(fleschKincaid(counts)),
    longSentences: sentences.filter((sentence) => wordsOf(sentence).length > LONG_SENTENCE_WORDS),
    longWords: [
      ...new Set(
        words.filter((word) => syllable(word) >= LONG_WORD_SYLLABLES).map((w) => w.toLowerCase()),
      ),
    ],
  };
}

/** Markdown to the words a reader reads: no link targets, images, code fences or markup. */
export function plainTextOf(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, " ")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<[^>]+>/g, " ")
    .replace(/[*_`#>|~]/g, " ");
}
