import type { z } from "zod";

/** Validates command-line input with the API's own schema and reports problems per option. */
export function parseOptions<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(
    (issue) => `  --${issue.path.join(".") || "input"}: ${issue.message}`,
  );
  throw new Error(`Please fix:\n${problems.join("\n")}`);
}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}
