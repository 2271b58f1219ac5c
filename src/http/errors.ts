import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { DomainError, type FieldProblems } from "../errors.ts";
import { isForeignKeyViolation, isUniqueViolation } from "../db/errors.ts";

interface ErrorBody {
  error: { code: string; message: string; fields?: FieldProblems };
}

function body(code: string, message: string, fields?: FieldProblems): ErrorBody {
  return { error: fields ? { code, message, fields } : { code, message } };
}

/** Turns zod issues into one message per field, named by its dotted path. */
function fieldProblems(
  issues: {
    instancePath: string;
    keyword: string;
    message?: string;
    params: Record<string, unknown>;
  }[],
  part: string,
): FieldProblems {
  const fields: FieldProblems = {};
  for (const issue of issues) {
    const path = issue.instancePath.replace(/^\//, "").replaceAll("/", ".");
    if (issue.keyword === "unrecognized_keys" && Array.isArray(issue.params.keys)) {
      for (const key of issue.params.keys) {
        fields[path ? `${path}.${String(key)}` : String(key)] = "Unknown field";
      }
      continue;
    }
    const name = path || part;
    const message = /received undefined/.test(issue.message ?? "")
      ? "This field is required"
      : (issue.message ?? "Invalid value");
    fields[name] ??= message;
  }
  return fields;
}

/** The one place domain and framework errors become HTTP answers. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) {
      return reply.status(error.status).send(body(error.code, error.message, error.fields));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = fieldProblems(error.validation, error.validationContext ?? "body");
      return reply.status(400).send(body("invalid_input", "Some fields need attention", fields));
    }
    if (isUniqueViolation(error)) {
      return reply.status(409).send(body("conflict", "That already exists"));
    }
    if (isForeignKeyViolation(error)) {
      return reply.status(409).send(body("in_use", "Something else still uses this"));
    }
    const status = error.statusCode ?? 500;
    if (status === 429) {
      return reply
        .status(429)
        .send(body("too_many_requests", "Too many attempts; try again later"));
    }
    if (status >= 400 && status < 500) {
      const code =
        status === 415 ? "unsupported_media_type" : status === 413 ? "too_large" : "bad_request";
      return reply.status(status).send(body(code, error.message));
    }
    request.log.error({ err: error }, "unexpected error");
    return reply.status(500).send(body("internal", "Something went wrong on our side"));
  });

  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send(body("not_found", `No route ${request.method} ${request.url.split("?")[0]}`)),
  );
}
