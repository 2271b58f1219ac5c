import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countText, plainTextOf, readabilityOf, sentencesOf } from "../../src/sops/readability.ts";
import {
  DEFAULT_JARGON,
  DEFAULT_MIN_READING_EASE,
  holdsMoreThanOneAction,
  mayHandOver,
  scoreProcedure,
  type ProcedureContent,
} from "../../src/sops/rules.ts";

const settings = { minReadingEase: DEFAULT_MIN_READING_EASE, jargon: DEFAULT_JARGON };

function procedure(steps: string[], purpose = "Get a new post on the blog."): ProcedureContent {
  return {
    title: "Publish a blog post",
    purpose,
    definitionOfDone: "The post is live and shared.",
    tools: ["Blog editor"],
    steps: steps.map((instruction) => ({ instruction, detail: "", check: "", imageId: null })),
  };
}

describe("readability", () => {
  it("scores 'The cat sat on the mat.' with the Flesch formulas: ease 116.1, grade −1.4", () => {
    // 206.835 − 1.015 × 6 words − 84.6 × 6/6 syllables = 116.145; 0.39 × 6 + 11.8 − 15.59 = −1.45
    expect(countText("The cat sat on the mat.")).toEqual({ sentence: 1, word: 6, syllable: 6 });
    expect(readabilityOf("The cat sat on the mat.")).toMatchObject({
      readingEase: 116.1,
      gradeLevel: -1.4,
    });
  });

  it("rates short plain instructions as plain English and officialese far below it", () => {
    const plain = readabilityOf("Open the blog editor. Paste the title. Click publish.");
    expect(plain.readingEase).toBe(72.2);
    const dense = readabilityOf(
      "Subsequently, utilize the organizational infrastructure to facilitate comprehensive stakeholder communication initiatives.",
    );
    expect(dense.readingEase).toBeLessThan(0);
    expect(dense.longWords).toContain("infrastructure");
  });

  it("highlights sentences over twenty words", () => {
    const long = `${"Write one more word ".repeat(6).trim()}.`;
    expect(readabilityOf(`Short one. ${long}`).longSentences).toEqual([long]);
  });

  it("has no score for text without words", () => {
    expect(readabilityOf("  ... ")).toMatchObject({ readingEase: null, gradeLevel: null });
  });

  it("splits sentences at end marks and line breaks", () => {
    expect(sentencesOf("One. Two!\nThree? Four")).toEqual(["One.", "Two!", "Three?", "Four"]);
  });

  it("reads markdown as the words a reader sees", () => {
    expect(
      plainTextOf("Open [the editor](https://x.example) and **save** ![shot](a.png)").trim(),
    ).toBe("Open the editor and   save");
  });

  it("counts at least one syllable per word and no more sentences than words, whatever the text", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const counts = countText(text);
        return counts.syllable >= counts.word && counts.sentence <= counts.word;
      }),
    );
  });
});

describe("scoreProcedure", () => {
  it("passes a procedure written in plain English", () => {
    const score = scoreProcedure(
      procedure(["Open the blog editor.", "Paste the title.", "Click publish."]),
      settings,
    );
    expect(score.hardToFollow).toBe(false);
    expect(score.reasons).toEqual([]);
  });

  it("marks dense text hard to follow and says why", () => {
    const score = scoreProcedure(
      procedure(
        ["Utilize the organizational infrastructure to facilitate comprehensive communication."],
        "Subsequently leverage synergistic methodologies.",
      ),
      settings,
    );
    expect(score.hardToFollow).toBe(true);
    expect(score.reasons[0]).toMatch(
      /^Reading ease is -?\d+(\.\d)?, below the 60 of plain English$/,
    );
    expect(score.jargon).toEqual(expect.arrayContaining(["leverage", "utilize", "facilitate"]));
  });

  it("flags steps that hold more than one action", () => {
    expect(holdsMoreThanOneAction("Open the editor and then paste the title")).toBe(true);
    expect(holdsMoreThanOneAction("Open the editor. Paste the title.")).toBe(true);
    expect(holdsMoreThanOneAction("Save the draft; close the tab")).toBe(true);
    expect(holdsMoreThanOneAction("Open the editor")).toBe(false);
    const score = scoreProcedure(procedure(["Open the editor, then paste the title."]), settings);
    expect(score.steps[0]?.flags).toContain("Holds more than one action; split it into steps");
  });

  it("flags passive phrases", () => {
    const score = scoreProcedure(procedure(["The post is published by the editor."]), settings);
    expect(score.passivePhrases).toEqual(["is published"]);
  });

  it("refuses a procedure with no steps", () => {
    expect(scoreProcedure(procedure([]), settings).reasons).toContain("It has no steps");
  });

  it("uses the workspace's own bar", () => {
    const text = procedure(["Open the blog editor.", "Paste the title.", "Click publish."]);
    expect(scoreProcedure(text, { ...settings, minReadingEase: 110 }).hardToFollow).toBe(true);
  });
});

describe("mayHandOver", () => {
  it("hands over plain procedures, and hard ones only with a written reason", () => {
    expect(mayHandOver({ hardToFollow: false }, null)).toBe(true);
    expect(mayHandOver({ hardToFollow: true }, null)).toBe(false);
    expect(mayHandOver({ hardToFollow: true }, "   ")).toBe(false);
    expect(mayHandOver({ hardToFollow: true }, "The reader is a trained designer")).toBe(true);
  });
});
