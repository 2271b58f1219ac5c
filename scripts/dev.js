#!/usr/bin/env node
// `npm run dev`: the API on :3000, restarting when a source file changes, and the vite dev
// server on :5173 with hot reload, which passes /api on to :3000. Ctrl-C stops both.
import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const apiPort = process.env.PORT ?? "3000";
const webPort = "5173";
const webUrl = `http://localhost:${webPort}`;

const children = new Map();
let stopping = false;

function start(name, command, args, env = {}) {
  const child = spawn(command, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  children.set(name, child);
  child.on("error", (error) => {
    console.error(`[dev] could not start the ${name}: ${error.message}`);
    stop(1);
  });
  child.on("exit", (code, signal) => {
    children.delete(name);
    if (!stopping) {
      console.error(`[dev] the ${name} stopped (${signal ?? `exit code ${code}`}); stopping.`);
      stop(code || 1);
    } else if (children.size === 0) {
      process.exit(process.exitCode ?? 0);
    }
  });
  return child;
}

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  process.exitCode = code;
  if (children.size === 0) process.exit(code);
  for (const child of children.values()) child.kill("SIGTERM");
  // Whatever has not stopped after a few seconds is ended for good.
  setTimeout(() => {
    for (const child of children.values()) child.kill("SIGKILL");
    process.exit(code);
  }, 5000).unref();
}

process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));

start("API server", bin("tsx"), ["watch", "--clear-screen=false", "src/main.ts", "start"], {
  PORT: apiPort,
  // Links in emails (invites, password resets) should open the hot-reloading web app.
  PUBLIC_URL: process.env.PUBLIC_URL ?? webUrl,
});
start("web dev server", bin("vite"), ["--port", webPort, "--strictPort"]);

console.log(
  `\n[dev] Open ${webUrl} (web app with hot reload; /api goes to the API on http://localhost:${apiPort}).` +
    `\n[dev] The API restarts when a file under src/ changes. Ctrl-C stops both.\n`,
);
