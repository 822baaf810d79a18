#!/usr/bin/env node
// Builds the report app (Preact + TSX) into dist/app/app.js and its style sheet into
// dist/app/app.css. renderReport inlines both into every report, so nothing is fetched at
// run time; the script must never contain "</script" (it would end its element early).
import { mkdirSync, writeFileSync } from "node:fs";
import { build } from "esbuild";

mkdirSync("dist/app", { recursive: true });
const common = {
  bundle: true,
  minify: true,
  write: false,
  logLevel: "warning",
  legalComments: "none",
};
const js = await build({
  ...common,
  entryPoints: ["app/main.tsx"],
  format: "iife",
  target: "es2020",
  jsx: "automatic",
  jsxImportSource: "preact",
  define: { "process.env.NODE_ENV": '"production"' },
});
const css = await build({ ...common, entryPoints: ["app/styles.css"] });
const script = js.outputFiles[0].text.replace(/<\/(script)/gi, "<\\/$1");
if (/<!--|<script/i.test(script)) {
  console.error(
    "build-app: the app script holds <!-- or <script, which would break its inline element",
  );
  process.exit(1);
}
writeFileSync("dist/app/app.js", script);
writeFileSync("dist/app/app.css", css.outputFiles[0].text);
