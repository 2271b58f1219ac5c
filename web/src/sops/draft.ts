import type { DraftInput, Version } from "../../../src/sops/schema.ts";

/** One step as it is being written; `key` keeps React's idea of it while steps move. */
export interface StepForm {
  key: number;
  instruction: string;
  detail: string;
  check: string;
  imageId: string | null;
}

export interface DraftForm {
  title: string;
  purpose: string;
  definitionOfDone: string;
  tools: string[];
  steps: StepForm[];
}

let nextKey = 1;

export function newStep(): StepForm {
  return { key: nextKey++, instruction: "", detail: "", check: "", imageId: null };
}

export function formOf(version: Version): DraftForm {
  return {
    title: version.title,
    purpose: version.purpose,
    definitionOfDone: version.definitionOfDone,
    tools: [...version.tools],
    steps: version.steps.map((step) => ({
      key: nextKey++,
      instruction: step.instruction,
      detail: step.detail,
      check: step.check,
      imageId: step.imageId,
    })),
  };
}

/** What is sent to save the draft: trimmed, as the server keeps it. */
export function inputOf(form: DraftForm): DraftInput {
  return {
    title: form.title.trim(),
    purpose: form.purpose.trim(),
    definitionOfDone: form.definitionOfDone.trim(),
    tools: form.tools.map((tool) => tool.trim()).filter((tool) => tool !== ""),
    steps: form.steps.map((step) => ({
      instruction: step.instruction.trim(),
      detail: step.detail.trim(),
      check: step.check.trim(),
      imageId: step.imageId,
    })),
  };
}

function inputOfVersion(version: Version): DraftInput {
  return inputOf({
    ...version,
    steps: version.steps.map((step) => ({ ...step, key: 0 })),
  });
}

export function sameContent(form: DraftForm, version: Version): boolean {
  return JSON.stringify(inputOf(form)) === JSON.stringify(inputOfVersion(version));
}

export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return [...list];
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  if (item !== undefined) copy.splice(to, 0, item);
  return copy;
}
