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

type Method = "GET" | "POST" | "PATCH" | "DELETE";

async function send(method: Method, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
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
  const parsed = errorBodySchema.safeParse(await response.json().catch(() => null));
  if (parsed.success) {
    const { code, message, fields } = parsed.data.error;
    return new ApiError(response.status, code, message, fields);
  }
  return new ApiError(
    response.status,
    "unexpected",
    response.status >= 500
      ? "Something went wrong on the server. Try again in a moment."
      : `The request failed (${response.status}).`,
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
