#!/usr/bin/env node
// `npm test`: typecheck, lint, build the web app, then one vitest run over every project.
// Extra arguments go to vitest, e.g. `npm test -- --project unit` or `npm test -- money`.
// The last line of output is always the summary, e.g. `tests: 212 passed, 0 failed`.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const vitestArgs = process.argv.slice(2);

/** A step that failed: its message is printed alone at the end, and npm test exits 1. */
class StepFailed extends Error {}

let current;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    current?.kill(signal);
    process.exit(130);
  });
}

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}: ${[path.relative(root, command) || command, ...args].join(" ")}`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, ...env },
    });
    current = child;
    child.on("error", (error) =>
      reject(new StepFailed(`${label} could not start ${command}: ${error.message}`)),
    );
    child.on("exit", (code, signal) => {
      current = undefined;
      resolve(signal ? 128 + (os.constants.signals[signal] ?? 0) : (code ?? 1));
    });
  });
}

async function step(label, command, args, env) {
  const code = await run(label, command, args, env);
  if (code !== 0) throw new StepFailed(`npm test stopped: ${label} failed (exit code ${code}).`);
}

/** The --project patterns given on the command line (`--project x`, `--project=x`). */
function projectFilters(args) {
  const patterns = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--project" && i + 1 < args.length) patterns.push(args[++i]);
    else if (arg.startsWith("--project=")) patterns.push(arg.slice("--project=".length));
  }
  return patterns;
}

/** Whether vitest's --project filter (globs, `!` to exclude) lets the named project run. */
function projectSelected(name, patterns) {
  const matches = (pattern) =>
    new RegExp(
      `^${pattern
        .split("*")
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
        .join(".*")}$`,
    ).test(name);
  const included = patterns.filter((p) => !p.startsWith("!"));
  const excluded = patterns.filter((p) => p.startsWith("!")).map((p) => p.slice(1));
  if (excluded.some(matches)) return false;
  return included.length === 0 || included.some(matches);
}

function onPath(name) {
  const found = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
  const where = found.status === 0 ? found.stdout.trim() : "";
  return where.startsWith("/") ? where : undefined;
}

function findChromium() {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!fs.existsSync(configured)) {
      throw new StepFailed(
        `CHROMIUM_PATH is ${configured}, but there is no such file.\n` +
          "Browser tests need Chromium: sudo apt-get install -y chromium (or set CHROMIUM_PATH)",
      );
    }
    return configured;
  }
  const found = onPath("chromium") ?? onPath("chromium-browser");
  if (!found) {
    throw new StepFailed(
      "Browser tests need Chromium: sudo apt-get install -y chromium (or set CHROMIUM_PATH)",
    );
  }
  return found;
}

/** Counts from vitest's JSON report; a test file that failed to load counts as one failure. */
function summarize(reportFile) {
  let report;
  try {
    report = JSON.parse(fs.readFileSync(reportFile, "utf8"));
  } catch {
    return undefined;
  }
  let failed = report.numFailedTests ?? 0;
  for (const file of report.testResults ?? []) {
    const failedInFile = (file.assertionResults ?? []).filter((t) => t.status === "failed").length;
    if (file.status === "failed" && failedInFile === 0) failed += 1;
  }
  return {
    passed: report.numPassedTests ?? 0,
    failed,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

async function main() {
  const browser = projectSelected("browser", projectFilters(vitestArgs));
  const env = {};
  if (browser) env.CHROMIUM_PATH = findChromium();

  await step("typecheck", bin("tsc"), ["--noEmit", "-p", "tsconfig.json"]);
  await step("lint", bin("eslint"), ["."]);
  await step("format check", bin("prettier"), ["--check", "."]);
  if (browser) await step("web build", bin("vite"), ["build"]);

  const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), "handoff-test-"));
  const reportFile = path.join(reportDir, "vitest.json");
  try {
    const code = await run(
      "tests",
      bin("vitest"),
      ["run", "--reporter=default", "--reporter=json", `--outputFile=${reportFile}`, ...vitestArgs],
      env,
    );
    const counts = summarize(reportFile);
    if (!counts) {
      throw new StepFailed(
        `npm test stopped: vitest exited with code ${code} and wrote no report.`,
      );
    }
    const line =
      `tests: ${counts.passed} passed, ${counts.failed} failed` +
      (counts.skipped > 0 ? `, ${counts.skipped} skipped` : "");
    const total = counts.passed + counts.failed;
    if (counts.failed === 0 && total === 0) {
      console.error("\nNo tests ran.");
    } else if (counts.failed === 0 && code !== 0) {
      console.error(`\nvitest exited with code ${code}: errors outside the tests, see above.`);
    }
    console.log(`\n${line}`);
    return counts.failed === 0 && total > 0 && code === 0 ? 0 : 1;
  } finally {
    fs.rmSync(reportDir, { recursive: true, force: true });
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  if (!(error instanceof StepFailed)) throw error;
  console.error(`\n${error.message}`);
  process.exitCode = 1;
}
