import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import {
  entrySpecifiers,
  installIntoFreshProject,
  type PackedPackage,
  packAll,
  peerSpecifiers,
  readJson,
  repoRoot,
  rootDevVersion,
} from "./packed-project.test-helper.js";

// What a user gets from the registry is the tarball, not the workspace: a file missing from
// `files`, an entry only the workspace's resolver finds, or types that only compile with our
// tsconfig would all pass every other test. So this packs every package, installs the tarballs
// with npm into a new project, and uses them from there.
let work: string;
let packed: PackedPackage[];
let project: string;

before(
  () => {
    work = mkdtempSync(join(tmpdir(), "ag2-eval-pack-"));
    packed = packAll(join(work, "tarballs"));
    project = installIntoFreshProject(packed, [
      `zod@${(readJson(join(repoRoot, "packages/core/package.json")) as { dependencies: Record<string, string> }).dependencies.zod}`,
      `@types/node@${rootDevVersion("@types/node")}`,
      ...peerSpecifiers(packed),
    ]);
  },
  { timeout: 300_000 },
);
after(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(project, { recursive: true, force: true });
});

const runJs = (file: string, source: string) => {
  writeFileSync(join(project, file), source);
  return execFileSync(process.execPath, [file], { cwd: project, encoding: "utf8" });
};

describe("each packed tarball", () => {
  const license = readFileSync(join(repoRoot, "LICENSE"), "utf8");

  it("carries the Apache-2.0 LICENSE, a README and the manifest", () => {
    assert.match(license, /Apache License\s+Version 2\.0/);
    for (const { dir, files, manifest } of packed) {
      for (const file of ["LICENSE", "README.md", "package.json"]) {
        assert.ok(files.includes(file), `${manifest.name} ships ${file}`);
      }
      assert.equal(readFileSync(join(dir, "LICENSE"), "utf8"), license, `${manifest.name}/LICENSE`);
    }
  });

  it("ships only bundles, chunks, the bin and types: no per-file modules, tests or build info", () => {
    for (const { files, manifest } of packed) {
      const stray = files.filter(
        (file) =>
          /\.(js|mjs|cjs)$/.test(file) &&
          !/\.bundle\.js$/.test(file) &&
          !/^dist\/chunk-[A-Z0-9]+\.js$/.test(file) &&
          !file.startsWith("bin/"),
      );
      assert.deepEqual(stray, [], `${manifest.name} ships per-file modules`);
      const tests = files.filter((file) =>
        /\.test(-helper)?\.|__fixtures__|tsbuildinfo/.test(file),
      );
      assert.deepEqual(tests, [], `${manifest.name} ships test or build files`);
    }
  });

  it("ships source maps only with the sources inside them", () => {
    for (const { dir, files, manifest } of packed) {
      const maps = files.filter((file) => file.endsWith(".map"));
      assert.ok(
        maps.every((file) => !file.endsWith(".d.ts.map")),
        `${manifest.name}: declaration maps point at src/, which is not shipped`,
      );
      for (const file of maps) {
        const map = readJson(join(dir, file)) as { sources: string[]; sourcesContent?: unknown[] };
        assert.equal(map.sourcesContent?.length, map.sources.length, `${manifest.name}/${file}`);
      }
    }
  });

  it("holds every file its manifest points at (main, types, exports, bin)", () => {
    for (const { files, manifest } of packed) {
      assert.ok(manifest.types && manifest.main, `${manifest.name} has a top-level main and types`);
      const targets: (string | undefined)[] = [
        manifest.main,
        manifest.types,
        ...Object.values(manifest.bin ?? {}),
      ];
      for (const target of Object.values(manifest.exports ?? {})) {
        if (typeof target === "object") targets.push(target.types, target.import, target.default);
      }
      for (const target of targets) {
        if (target === undefined || target === "./package.json") continue;
        assert.ok(files.includes(target.replace(/^\.\//, "")), `${manifest.name}: ${target}`);
      }
    }
  });
});

describe("the packages installed with npm into a fresh project", () => {
  const specifiers = () => packed.flatMap(({ manifest }) => entrySpecifiers(manifest));

  it("import from ESM: every exports entry loads and exports something", () => {
    const out = runJs(
      "esm.mjs",
      `const counts = {};\nfor (const s of ${JSON.stringify(specifiers())}) counts[s] = Object.keys(await import(s)).length;\nconsole.log(JSON.stringify(counts));\n`,
    );
    const counts = JSON.parse(out) as Record<string, number>;
    for (const specifier of specifiers()) assert.ok(counts[specifier]! > 0, specifier);
  });

  it("require from CommonJS: every exports entry loads and exports something", () => {
    const out = runJs(
      "cjs.cjs",
      `process.removeAllListeners("warning");\nconst counts = {};\nfor (const s of ${JSON.stringify(specifiers())}) counts[s] = Object.keys(require(s)).length;\nconsole.log(JSON.stringify(counts));\n`,
    );
    const counts = JSON.parse(out) as Record<string, number>;
    for (const specifier of specifiers()) assert.ok(counts[specifier]! > 0, specifier);
  });

  it("type-checks a consumer's evaluation with tsc --strict", () => {
    writeFileSync(join(project, "tsconfig.json"), JSON.stringify(CONSUMER_TSCONFIG));
    writeFileSync(join(project, "evaluation.ts"), CONSUMER_SOURCE);
    const tsc = join(repoRoot, "node_modules/typescript/bin/tsc");
    try {
      execFileSync(process.execPath, [tsc, "-p", "tsconfig.json"], {
        cwd: project,
        encoding: "utf8",
      });
    } catch (error) {
      assert.fail(`tsc --strict failed:\n${(error as { stdout?: string }).stdout ?? error}`);
    }
  });

  it("runs the ag2-eval bin from node_modules/.bin: a JS agent, a suite, a saved run", () => {
    const cli = packed.find(({ manifest }) => manifest.bin?.["ag2-eval"]);
    assert.ok(cli, "a package provides the ag2-eval bin");
    const bin = join(project, "node_modules/.bin/ag2-eval");
    assert.equal(
      execFileSync(bin, ["--version"], { encoding: "utf8" }).trim(),
      cli.manifest.version,
    );
    writeFileSync(
      join(project, "suite.jsonl"),
      `${JSON.stringify({ task_id: "hello", inputs: { input: "hi" }, reference_outputs: { answer: "hello" } })}\n`,
    );
    writeFileSync(join(project, "agent.mjs"), AGENT_SOURCE);
    writeFileSync(join(project, "scorers.mjs"), SCORERS_SOURCE);
    const out = execFileSync(
      bin,
      [
        "run",
        "suite.jsonl",
        "--agent",
        "./agent.mjs",
        "--scorers",
        "./scorers.mjs",
        "--run-id",
        "packed",
        "--store",
        "runs",
      ],
      { cwd: project, encoding: "utf8" },
    );
    assert.match(out, /final_answer_matches/);
    const run = readJson(join(project, "runs/packed.json")) as { tasks: { task_id: string }[] };
    assert.deepEqual(
      run.tasks.map((task) => task.task_id),
      ["hello"],
    );
  });
});

const CONSUMER_TSCONFIG = {
  compilerOptions: {
    strict: true,
    noEmit: true,
    target: "ES2022",
    module: "NodeNext",
    moduleResolution: "NodeNext",
    skipLibCheck: false,
    types: ["node"],
  },
  files: ["evaluation.ts"],
};

const CONSUMER_SOURCE = `import { Agent, finalAnswerMatches, runAgent, scorer, TestConfig, tool, toolCalled } from "@ag2/eval";
import { fsRunStore } from "@ag2/eval-store-fs";
import { z } from "zod";

const getWeather = tool({
  name: "get_weather",
  description: "Current weather for a city",
  parameters: z.object({ city: z.string() }),
  execute: async ({ city }) => \`\${city.toUpperCase()}: sunny\`,
});
const agent = new Agent({
  name: "weather",
  tools: [getWeather],
  config: new TestConfig({ name: "get_weather", arguments: { city: "Tokyo" } }, "Tokyo is sunny."),
});
const short = scorer(({ outputs }) => (outputs.body ?? "").length < 100, { key: "short" });
const result = await runAgent(
  [{ task_id: "tokyo", inputs: { input: "Weather in Tokyo?" }, reference_outputs: { answer: "Tokyo is sunny." } }],
  { agent, scorers: [toolCalled("get_weather"), finalAnswerMatches("answer"), short], store: fsRunStore("runs") },
);
const rate: number = result.passRate("short");
console.log(result.summary(), rate);
`;

const AGENT_SOURCE = `export default { name: "echo", async ask() { return "hello"; } };\n`;

const SCORERS_SOURCE = `import { finalAnswerMatches } from "@ag2/eval";\nexport default [finalAnswerMatches("answer")];\n`;
