import { openStages, pipelineStages } from "../../../src/people/schema.ts";
import type { Stage } from "./api.ts";

export const stageLabels: Record<Stage, string> = {
  sourced: "Sourced",
  screening: "Screening",
  interview: "Interview",
  test_project: "Test project",
  hired: "Hired",
  rejected: "Rejected",
};

/** The board's columns: the open stages, then the outcomes. */
export const boardStages: readonly Stage[] = pipelineStages;

/** Where a card may be sent by a move; hiring has its own button on the candidate's page. */
export const movableStages: readonly Stage[] = [...openStages, "rejected"];

/** Dark shades, so white badge text reads in light and dark schemes. */
export const stageColors: Record<Stage, string> = {
  sourced: "gray.7",
  screening: "blue.8",
  interview: "grape.8",
  test_project: "cyan.9",
  hired: "teal.9",
  rejected: "red.9",
};
