import path from "node:path";
import { z } from "zod";

/** Everything the process reads from its environment, validated once at start. */
export interface Config {
  port: number;
  host: string;
  publicUrl: URL;
  dataDir: string;
  database: { kind: "sqlite"; file: string } | { kind: "postgres"; url: string };
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: string;
  /** Believe X-Forwarded-* headers: set when running behind a load balancer or proxy. */
  trustProxy: boolean;
  /** Where the built web app lives; absent in API-only test servers. */
  webDist: string | undefined;
  /** Run the outbox dispatcher and scheduler inside this process. */
  backgroundWork: boolean;
}

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  PUBLIC_URL: z.url().optional(),
  HANDOFF_DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Handoff <handoff@localhost>"),
  TRUST_PROXY: z.enum(["true", "false", "1", "0"]).default("false"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export class ConfigError extends Error {}

export function readConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join(".")}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid environment: ${problems.join("; ")}`);
  }
  const env = parsed.data;
  const dataDir = path.resolve(env.HANDOFF_DATA_DIR);
  return {
    port: env.PORT,
    host: env.HOST,
    publicUrl: new URL(env.PUBLIC_URL ?? `http://localhost:${env.PORT}`),
    dataDir,
    database: env.DATABASE_URL
      ? { kind: "postgres", url: env.DATABASE_URL }
      : { kind: "sqlite", file: path.join(dataDir, "handoff.db") },
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    logLevel: env.LOG_LEVEL,
    trustProxy: env.TRUST_PROXY === "true" || env.TRUST_PROXY === "1",
    webDist: path.resolve(import.meta.dirname, "../web/dist"),
    backgroundWork: true,
  };
}
