import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { buildApp, type App } from "../../src/app.ts";
import { testConfig } from "../../test/support/app.ts";
import { Mailbox } from "./mailbox.ts";

export const webDist = path.resolve(import.meta.dirname, "../../web/dist");

export interface RunningApp {
  app: App;
  /** Where the browser opens the app, e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  mailbox: Mailbox;
  close(): Promise<void>;
}

/** A port nothing listens on right now (the app's public URL must be known before it starts). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export interface RunningAppOptions {
  /** The app's clock, for a test that moves time itself; the real clock otherwise. */
  now?: () => number;
}

/**
 * The real app as people use it: the built web app and the API on one port, an empty
 * in-memory SQLite database, and mail going over SMTP to a mailbox the test can read.
 */
export async function startRunningApp(options: RunningAppOptions = {}): Promise<RunningApp> {
  if (!fs.existsSync(path.join(webDist, "index.html"))) {
    throw new Error(`The browser tests need the built web app in web/dist: run "npx vite build".`);
  }
  // A private copy, so a rebuild of web/dist during the run cannot swap files under the browser.
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), "handoff-e2e-web-"));
  fs.cpSync(webDist, dist, { recursive: true });
  const mailbox = await Mailbox.start();
  const forget = async () => {
    await mailbox.close();
    fs.rmSync(dist, { recursive: true, force: true });
  };
  try {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const app = await buildApp(
      testConfig({
        port,
        host: "127.0.0.1",
        publicUrl: new URL(baseUrl),
        database: { kind: "sqlite", file: ":memory:" },
        webDist: dist,
        smtpUrl: mailbox.url,
        backgroundWork: true,
        logLevel: "silent",
      }),
      { now: options.now },
    );
    try {
      await app.server.listen({ port, host: "127.0.0.1" });
    } catch (error) {
      await app.close();
      throw error;
    }
    return {
      app,
      baseUrl,
      mailbox,
      async close() {
        await app.close();
        await forget();
      },
    };
  } catch (error) {
    await forget();
    throw error;
  }
}
