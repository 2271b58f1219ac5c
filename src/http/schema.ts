import { z } from "zod";

/** The error body every route may answer with (see src/http/errors.ts). */
export const errorSchema = z.object({
  error: z.object({
    code: z.string().meta({ description: "Stable machine-readable code, e.g. invalid_input" }),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});

export const noContent = z.null().meta({ description: "No content" });

export const withErrors = { "4xx": errorSchema } as const;
