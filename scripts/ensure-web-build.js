#!/usr/bin/env node
// Runs before `npm start`: builds the web app only when web/dist is missing or older than
// its sources (web/src, the shared zod schemas in src/**/schema.ts, the vite config).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const builtIndex = path.join(root, "web", "dist", "index.html");

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** The newest modification time of the files under dir that pass the filter. */
function newest(dir, accept = () => true) {
  let latest = 0;
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(full, accept));
    else if (entry.isFile() && accept(entry.name)) latest = Math.max(latest, mtime(full));
  }
  return latest;
}

function sourcesTime() {
  return Math.max(
    newest(path.join(root, "web", "src")),
    newest(path.join(root, "web", "public")),
    mtime(path.join(root, "web", "index.html")),
    mtime(path.join(root, "vite.config.ts")),
    newest(path.join(root, "src"), (name) => name === "schema.ts"),
  );
}

const built = mtime(builtIndex);
if (built === 0 || built < sourcesTime()) {
  console.log("Building the web app…");
  const vite = path.join(root, "node_modules", ".bin", "vite");
  const result = spawnSync(vite, ["build", "--logLevel", "warn"], { cwd: root, stdio: "inherit" });
  if (result.error) {
    console.error(`Could not run vite: ${result.error.message}`);
    process.exit(1);
  }
  if (result.status !== 0) {
    console.error("The web app did not build; see the errors above.");
    process.exit(result.status ?? 1);
  }
}
