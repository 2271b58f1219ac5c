import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app.ts";

interface JsonSchema {
  type?: string;
  required?: string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  additionalProperties?: boolean;
}
type Content = Record<string, { schema: JsonSchema }>;
interface Operation {
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content: Content };
  responses: Record<string, { content?: Content }>;
}
interface OpenApiDocument {
  openapi: string;
  info: { title: string };
  paths: Record<string, Record<string, Operation>>;
}

describe("the OpenAPI document", () => {
  let app: TestApp;
  let document: OpenApiDocument;
  beforeAll(async () => {
    app = await startTestApp();
    const response = await app.server.inject({ method: "GET", url: "/api/docs/json" });
    expect(response.statusCode).toBe(200);
    document = response.json();
  });
  afterAll(() => app.close());

  function operation(path: string, method: string): Operation {
    const found = document.paths[path]?.[method];
    expect(found, `${method} ${path} is not documented`).toBeDefined();
    return found!;
  }

  /** The JSON schema of an operation's request body, or of one of its answers. */
  function schemaOf(path: string, method: string, part: "request" | string): JsonSchema {
    const found = operation(path, method);
    const content =
      part === "request" ? found.requestBody?.content : found.responses[part]?.content;
    const schema = content?.["application/json"]?.schema;
    expect(schema, `${method} ${path} ${part} has no JSON schema`).toBeDefined();
    return schema!;
  }

  it("is an OpenAPI 3 document for the Handoff API", () => {
    expect(document.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(document.info.title).toBe("Handoff API");
  });

  it("describes POST /api/invites with its body and 201 answer", () => {
    const body = schemaOf("/api/invites", "post", "request");
    expect(body.type).toBe("object");
    expect(body.required).toEqual(expect.arrayContaining(["email", "role"]));
    expect(body.properties?.role?.enum).toEqual(["manager", "contractor"]);
    expect(body.additionalProperties).toBe(false);
    const created = schemaOf("/api/invites", "post", "201");
    expect(Object.keys(created.properties ?? {})).toEqual(
      expect.arrayContaining(["invite", "link", "emailed"]),
    );
    expect(schemaOf("/api/invites", "get", "200").type).toBe("array");
  });

  it("describes GET /api/me with the user, workspace and permissions", () => {
    const me = schemaOf("/api/me", "get", "200");
    expect(Object.keys(me.properties ?? {})).toEqual(["user", "workspace", "permissions"]);
    expect(me.properties?.permissions?.items?.enum).toContain("people.manage");
    expect(schemaOf("/api/me", "patch", "request").properties).toHaveProperty("timeZone");
  });

  it("documents the error shape on routes that can fail", () => {
    const errors = schemaOf("/api/invites", "post", "4XX");
    expect(errors.properties?.error?.required).toEqual(expect.arrayContaining(["code", "message"]));
  });

  it("documents the id path parameter", () => {
    expect(operation("/api/people/{id}", "patch").parameters).toContainEqual(
      expect.objectContaining({ name: "id", in: "path", required: true }),
    );
  });
});
