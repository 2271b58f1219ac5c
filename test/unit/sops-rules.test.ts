import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countText, plainTextOf, readabilityOf, sentencesOf } from "../../src/sops/readability.ts";
import {
  DEFAULT_JARGON,
  DEFAULT_MIN_READING_EASE,
  holdsMoreThanOneAction,
  mayHandOver,
  median,
  minutesPerStep,
  scoreProcedure,
  STUCK_MIN_MINUTES,
  stuckReason,
  type ProcedureContent,
} from "../../src/sops/rules.ts";
import { draftInput } from "../../src/sops/schema.ts";
import { templates } from "../../src/sops/templates.ts";

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

const MINUTE = 60_000;

describe("minutesPerStep", () => {
  const start = 1_700_000_000_000;

  it("is empty before any step is ticked", () => {
    expect(minutesPerStep(start, [])).toEqual(new Map());
  });

  it("counts each step from the tick before it, the first from the start", () => {
    const minutes = minutesPerStep(start, [
      { stepIndex: 0, checkedAt: start + 2 * MINUTE },
      { stepIndex: 1, checkedAt: start + 5 * MINUTE },
      { stepIndex: 2, checkedAt: start + 50 * MINUTE },
    ]);
    expect([...minutes]).toEqual([
      [0, 2],
      [1, 3],
      [2, 45],
    ]);
  });

  it("follows the order of the ticks, not of the steps", () => {
    const minutes = minutesPerStep(start, [
      { stepIndex: 0, checkedAt: start + 10 * MINUTE },
      { stepIndex: 2, checkedAt: start + 4 * MINUTE },
    ]);
    expect(minutes.get(2)).toBe(4);
    expect(minutes.get(0)).toBe(6);
  });

  it("rounds to a tenth of a minute and never goes below zero", () => {
    const minutes = minutesPerStep(start, [
      { stepIndex: 0, checkedAt: start - 5 * MINUTE },
      { stepIndex: 1, checkedAt: start + 90_000 },
      { stepIndex: 2, checkedAt: start + 90_000 + 2_900 },
      { stepIndex: 3, checkedAt: start + 90_000 + 2_900 + 3_000 },
    ]);
    expect(minutes.get(0)).toBe(0);
    // From the tick before (5 minutes before the start): 6.5 minutes.
    expect(minutes.get(1)).toBe(6.5);
    expect(minutes.get(2)).toBe(0);
    expect(minutes.get(3)).toBe(0.1);
  });

  it("does not reorder the ticks it is given", () => {
    const checks = [
      { stepIndex: 1, checkedAt: start + 2 * MINUTE },
      { stepIndex: 0, checkedAt: start + MINUTE },
    ];
    const copy = structuredClone(checks);
    minutesPerStep(start, checks);
    expect(checks).toEqual(copy);
  });
});

describe("median", () => {
  it("is null for no values, the middle one for an odd count, the mean of the two middle ones for an even count", () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([45, 2, 3, 2])).toBe(2.5);
  });

  it("leaves its input as it was", () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it("lies between the smallest and the largest value, whatever the values", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1 }), (values) => {
        const middle = median(values)!;
        return middle >= Math.min(...values) && middle <= Math.max(...values);
      }),
    );
  });
});

describe("stuckReason", () => {
  const calm = { runs: 4, questions: 0, medianMinutes: 2, typicalMinutes: 2 };

  it("is null for a step that is neither asked about nor slow", () => {
    expect(stuckReason(calm)).toBeNull();
  });

  it("flags a step asked about in half the runs or more, not less", () => {
    expect(stuckReason({ ...calm, questions: 2 })).toBe(
      "2 questions over 4 runs: the step may need clearer words",
    );
    expect(stuckReason({ ...calm, questions: 1 })).toBeNull();
    expect(stuckReason({ ...calm, runs: 0, questions: 0 })).toBeNull();
  });

  it("flags a step that takes three times a typical step, from ten minutes on", () => {
    expect(stuckReason({ ...calm, medianMinutes: 30, typicalMinutes: 10 })).toBe(
      "Takes 30 minutes, about 3× a typical step: split it or add an example",
    );
    expect(stuckReason({ ...calm, medianMinutes: 29.9, typicalMinutes: 10 })).toBeNull();
    // Ten times as slow, but under ten minutes: not worth a flag.
    expect(
      stuckReason({ ...calm, medianMinutes: STUCK_MIN_MINUTES - 0.1, typicalMinutes: 0.9 }),
    ).toBeNull();
    expect(stuckReason({ ...calm, medianMinutes: STUCK_MIN_MINUTES, typicalMinutes: 1 })).toMatch(
      /^Takes 10 minutes, about 10× a typical step/,
    );
  });

  it("does not divide by zero when the typical step takes no time", () => {
    expect(stuckReason({ ...calm, medianMinutes: 12, typicalMinutes: 0 })).toBe(
      "Takes 12 minutes, about 120× a typical step: split it or add an example",
    );
  });

  it("says nothing of time it does not know", () => {
    expect(stuckReason({ ...calm, medianMinutes: null, typicalMinutes: 1 })).toBeNull();
    expect(stuckReason({ ...calm, medianMinutes: 60, typicalMinutes: null })).toBeNull();
  });

  it("gives the questions as the reason when a step is both asked about and slow", () => {
    expect(stuckReason({ runs: 1, questions: 1, medianMinutes: 60, typicalMinutes: 2 })).toMatch(
      /^1 question over 1 run:/,
    );
  });
});

describe("templates", () => {
  it.each(Object.entries(templates))(
    "%s is a valid draft that clears the default bar",
    (_key, template) => {
      expect(draftInput.parse(template)).toEqual(template);
      const score = scoreProcedure(template, settings);
      expect(score.reasons).toEqual([]);
      expect(score.hardToFollow).toBe(false);
      expect(score.whole.readingEase).toBeGreaterThanOrEqual(DEFAULT_MIN_READING_EASE);
      expect(score.jargon).toEqual([]);
      for (const step of template.steps) {
        expect(holdsMoreThanOneAction(step.instruction), step.instruction).toBe(false);
      }
    },
  );

  it("are the four examples the demo copies", () => {
    expect(Object.keys(templates)).toEqual([
      "publish-blog-post",
      "submit-article-directories",
      "answer-support-email",
      "social-post-from-blog",
    ]);
  });
});
