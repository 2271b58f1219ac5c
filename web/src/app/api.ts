import { z } from "zod";

/** What went wrong with a request, as the API describes it (see docs/api.md, "Errors"). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Input name → what is wrong with it. */
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** A body sent as it is, not as JSON: a CSV file or an uploaded file, for instance. */
class RawBody {
  constructor(
    readonly contentType: string,
    readonly content: string | Blob,
  ) {}
}

async function send(
  method: Method,
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<Response> {
  const headers: Record<string, string> = { accept: "application/json", ...extraHeaders };
  if (body instanceof RawBody) headers["content-type"] = body.contentType;
  else if (body !== undefined) headers["content-type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body:
        body === undefined
          ? undefined
          : body instanceof RawBody
            ? body.content
            : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(
      0,
      "network",
      "Handoff can't be reached. Check your connection and try again.",
    );
  }
  if (!response.ok) throw await errorFrom(response);
  return response;
}

async function errorFrom(response: Response): Promise<ApiError> {
  return errorFromBody(response.status, await response.json().catch(() => null));
}

/** The API's error answer (already read as JSON) as an ApiError. */
export function errorFromBody(status: number, body: unknown): ApiError {
  const parsed = errorBodySchema.safeParse(body);
  if (parsed.success) {
    const { code, message, fields } = parsed.data.error;
    return new ApiError(status, code, message, fields);
  }
  return new ApiError(
    status,
    "unexpected",
    status >= 500
      ? "Something went wrong on the server. Try again in a moment."
      : `The request failed (${status}).`,
  );
}

async function read<S extends z.ZodType>(response: Response, schema: S): Promise<z.output<S>> {
  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) {
    throw new ApiError(response.status, "unexpected", "The server's answer was not understood.");
  }
  return parsed.data;
}

/** The JSON API, signed in by the session cookie. Answers are checked against the shared schemas. */
export const api = {
  async get<S extends z.ZodType>(path: string, schema: S): Promise<z.output<S>> {
    return read(await send("GET", path), schema);
  },
  async post<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.output<S>> {
    return read(await send("POST", path, body), schema);
  },
  /**
   * A money request, sent with an Idempotency-Key made once per intended action (not per
   * click), so a retry or a double click is answered without doing it twice.
   */
  async postWithKey<S extends z.ZodType>(
    path: string,
    body: unknown,
    schema: S,
    idempotencyKey: string,
  ): Promise<z.output<S>> {
    return read(await send("POST", path, body, { "Idempotency-Key": idempotencyKey }), schema);
  },
  async put<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.output<S>> {
    return read(await send("PUT", path, body), schema);
  },
  /** Sends a CSV file's text as the body (Content-Type: text/csv). */
  async postCsv<S extends z.ZodType>(path: string, csv: string, schema: S): Promise<z.output<S>> {
    return read(await send("POST", path, new RawBody("text/csv", csv)), schema);
  },
  /** Sends a file itself as the body, with its own Content-Type. */
  async postFile<S extends z.ZodType>(path: string, file: File, schema: S): Promise<z.output<S>> {
    const type = file.type || "application/octet-stream";
    return read(await send("POST", path, new RawBody(type, file)), schema);
  },
  async patch<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.output<S>> {
    return read(await send("PATCH", path, body), schema);
  },
  /** A request answered with 204 No Content. */
  async command(method: "POST" | "DELETE", path: string, body?: unknown): Promise<void> {
    await send(method, path, body);
  },
};

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}
