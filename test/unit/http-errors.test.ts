import Fastify, { type FastifyInstance } from "fastify";
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  Conflict,
  Forbidden,
  Invalid,
  NotFound,
  RuleViolation,
  TooManyRequests,
  Unauthenticated,
  type DomainError,
} from "../../src/errors.ts";
import { registerErrorHandling } from "../../src/http/errors.ts";

const domainErrors: Record<string, () => DomainError> = {
  invalid: () => new Invalid("thing.invalid", "Bad thing", { size: "Too big" }),
  unauthenticated: () => new Unauthenticated("auth.required", "Sign in"),
  forbidden: () => new Forbidden("forbidden", "No"),
  "not-found": () => new NotFound("not_found", "Gone"),
  conflict: () => new Conflict("thing.taken", "Taken"),
  rule: () => new RuleViolation("payment.not_accepted", "Accept the work first"),
  "too-many": () => new TooManyRequests("too_many_requests", "Slow down"),
};

/** A bare server with only the error handling and one route per kind of failure. */
async function buildServer(): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: 1_000 }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  app.post(
    "/things/:id",
    {
      schema: {
        params: z.strictObject({ id: z.uuid() }),
        body: z.strictObject({
          name: z.string().min(1, "Enter a name"),
          address: z.strictObject({ city: z.string(), zip: z.string().length(5) }),
        }),
      },
    },
    async () => ({ ok: true }),
  );
  app.get("/domain/:kind", async (request) => {
    throw domainErrors[(request.params as { kind: string }).kind]!();
  });
  app.get("/unique/:code", async (request) => {
    throw Object.assign(new Error("duplicate key"), {
      code: (request.params as { code: string }).code,
    });
  });
  app.get("/boom", async () => {
    throw new Error("secret connection string postgres://admin:hunter2@db");
  });
  await app.ready();
  return app;
}

describe("the HTTP error mapping", () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildServer();
  });
  afterAll(() => app.close());

  const validId = "0190a0a0-0000-7000-8000-000000000000";
  const validBody = { name: "Lamp", address: { city: "Lviv", zip: "79000" } };
  const post = (payload: unknown, id = validId) =>
    app.inject({ method: "POST", url: `/things/${id}`, payload: payload as object });

  it("passes a valid request through", async () => {
    expect((await post(validBody)).statusCode).toBe(200);
  });

  it("names a missing field and says it is required", async () => {
    const response = await post({ address: validBody.address });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: {
        code: "invalid_input",
        message: "Some fields need attention",
        fields: { name: "This field is required" },
      },
    });
  });

  it("names a nested field by its dotted path, with the schema's message", async () => {
    const response = await post({ ...validBody, name: "", address: { city: "Lviv", zip: "1" } });
    const fields = response.json().error.fields;
    expect(fields.name).toBe("Enter a name");
    expect(Object.keys(fields).sort()).toEqual(["address.zip", "name"]);
  });

  it("names each unknown field, nested ones by their path", async () => {
    const response = await post({
      ...validBody,
      role: "admin",
      address: { ...validBody.address, floor: 3 },
    });
    expect(response.json().error.fields).toEqual({
      role: "Unknown field",
      "address.floor": "Unknown field",
    });
  });

  it("names a bad path parameter", async () => {
    const response = await post(validBody, "not-a-uuid");
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json().error.fields)).toEqual(["id"]);
  });

  it("calls a body that is not an object 'body'", async () => {
    const response = await post([validBody]);
    expect(Object.keys(response.json().error.fields)).toEqual(["body"]);
  });

  it.each([
    ["invalid", 400, "thing.invalid"],
    ["unauthenticated", 401, "auth.required"],
    ["forbidden", 403, "forbidden"],
    ["not-found", 404, "not_found"],
    ["conflict", 409, "thing.taken"],
    ["rule", 422, "payment.not_accepted"],
    ["too-many", 429, "too_many_requests"],
  ])("answers a domain error of kind %s with %i and its code", async (kind, status, code) => {
    const response = await app.inject({ method: "GET", url: `/domain/${kind}` });
    expect(response.statusCode).toBe(status);
    expect(response.json().error.code).toBe(code);
  });

  it("passes a domain error's fields through", async () => {
    const response = await app.inject({ method: "GET", url: "/domain/invalid" });
    expect(response.json()).toEqual({
      error: { code: "thing.invalid", message: "Bad thing", fields: { size: "Too big" } },
    });
  });

  it.each(["SQLITE_CONSTRAINT_UNIQUE", "23505"])(
    "answers a unique-constraint violation (%s) with 409 conflict",
    async (code) => {
      const response = await app.inject({ method: "GET", url: `/unique/${code}` });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe("conflict");
    },
  );

  it("answers an unexpected error with 500 and reveals nothing of it", async () => {
    const response = await app.inject({ method: "GET", url: "/boom" });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      error: { code: "internal", message: "Something went wrong on our side" },
    });
    expect(response.body).not.toContain("hunter2");
  });

  it("answers an unknown route with 404 not_found", async () => {
    const response = await app.inject({ method: "GET", url: "/nowhere?x=1" });
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toEqual({ code: "not_found", message: "No route GET /nowhere" });
  });

  it("answers malformed JSON with 400 bad_request", async () => {
    const response = await app.inject({
      method: "POST",
      url: `/things/${validId}`,
      headers: { "content-type": "application/json" },
      payload: "{",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("bad_request");
  });

  it("answers an unsupported content type with 415", async () => {
    const response = await app.inject({
      method: "POST",
      url: `/things/${validId}`,
      headers: { "content-type": "application/xml" },
      payload: "<thing/>",
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe("unsupported_media_type");
  });

  it("answers a body over the size limit with 413", async () => {
    const response = await post({ ...validBody, name: "x".repeat(5_000) });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe("too_large");
  });
});
