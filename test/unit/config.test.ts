import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "../../src/config.ts";

describe("readConfig", () => {
  it("runs on port 3000 with SQLite in ./data/handoff.db when nothing is set", () => {
    const config = readConfig({});
    expect(config.port).toBe(3000);
    expect(config.host).toBe("0.0.0.0");
    expect(config.publicUrl.href).toBe("http://localhost:3000/");
    expect(config.dataDir).toBe(path.resolve("data"));
    expect(config.database).toEqual({
      kind: "sqlite",
      file: path.join(path.resolve("data"), "handoff.db"),
    });
    expect(config.smtpUrl).toBeUndefined();
    expect(config.trustProxy).toBe(false);
    expect(config.logLevel).toBe("info");
    expect(config.backgroundWork).toBe(true);
  });

  it("keeps the SQLite file in HANDOFF_DATA_DIR", () => {
    const config = readConfig({ HANDOFF_DATA_DIR: "/srv/handoff" });
    expect(config.database).toEqual({ kind: "sqlite", file: "/srv/handoff/handoff.db" });
  });

  it.each(["postgres://u:p@db:5432/handoff", "postgresql://db/handoff"])(
    "switches to PostgreSQL when DATABASE_URL is %s",
    (url) => {
      expect(readConfig({ DATABASE_URL: url }).database).toEqual({ kind: "postgres", url });
    },
  );

  it("derives the public address from PORT unless PUBLIC_URL says otherwise", () => {
    expect(readConfig({ PORT: "8080" }).publicUrl.href).toBe("http://localhost:8080/");
    const config = readConfig({ PORT: "8080", PUBLIC_URL: "https://handoff.example.com" });
    expect(config.port).toBe(8080);
    expect(config.publicUrl.origin).toBe("https://handoff.example.com");
  });

  it.each([
    ["true", true],
    ["1", true],
    ["false", false],
    ["0", false],
  ])("reads TRUST_PROXY=%s as %s", (value, expected) => {
    expect(readConfig({ TRUST_PROXY: value }).trustProxy).toBe(expected);
  });

  it.each([
    ["PORT", "abc"],
    ["PORT", "70000"],
    ["PORT", "0"],
    ["DATABASE_URL", "mysql://db/handoff"],
    ["SMTP_URL", "http://mail.example"],
    ["PUBLIC_URL", "not a url"],
    ["LOG_LEVEL", "loud"],
    ["TRUST_PROXY", "yes"],
  ])("throws a ConfigError naming %s when it is %s", (name, value) => {
    const read = () => readConfig({ [name]: value });
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(new RegExp(`\\b${name}\\b`));
  });

  it("names every bad variable at once", () => {
    expect(() => readConfig({ PORT: "abc", SMTP_URL: "ftp://x" })).toThrow(/PORT.*SMTP_URL/);
  });
});
