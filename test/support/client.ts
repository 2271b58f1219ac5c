import type { FastifyInstance } from "fastify";
import type { InjectOptions, Response } from "light-my-request";

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/**
 * Talks to the app over HTTP semantics (fastify.inject), keeping cookies like a browser
 * or sending a bearer token like a script.
 */
export class ApiClient {
  private cookies = new Map<string, string>();

  constructor(
    private readonly server: FastifyInstance,
    private readonly bearer?: string,
  ) {}

  withToken(token: string): ApiClient {
    return new ApiClient(this.server, token);
  }

  get sessionCookie(): string | undefined {
    return this.cookies.get("handoff_session");
  }

  /** Carries this session cookie from now on, as a browser would after signing in. */
  useSession(token: string): this {
    this.cookies.set("handoff_session", token);
    return this;
  }

  async request(
    method: Method,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const options: InjectOptions = {
      method,
      url,
      headers: {
        ...headers,
        ...(this.bearer && { authorization: `Bearer ${this.bearer}` }),
        ...(this.cookies.size > 0 && {
          cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "),
        }),
      },
      ...(body !== undefined && { payload: body as InjectOptions["payload"] }),
    };
    const response = await this.server.inject(options);
    for (const cookie of response.cookies as {
      name: string;
      value: string;
      maxAge?: number;
      expires?: Date;
    }[]) {
      const expired =
        cookie.value === "" ||
        (cookie.expires !== undefined && cookie.expires.getTime() < Date.now());
      if (expired) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return response;
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request("GET", url, undefined, headers);
  }
  post(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request("POST", url, body, headers);
  }
  patch(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request("PATCH", url, body, headers);
  }
  put(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request("PUT", url, body, headers);
  }
  /** Uploads a CSV file as the body, as the import forms do. */
  postCsv(url: string, csv: string) {
    return this.request("POST", url, csv, { "content-type": "text/csv" });
  }
  delete(url: string, headers?: Record<string, string>) {
    return this.request("DELETE", url, undefined, headers);
  }
}
