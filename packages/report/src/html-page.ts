import { createHash } from "node:crypto";
import { appAssets } from "./app-assets.js";
import { embedJson, escapeHtml } from "./embed-json.js";

/** The id of the `<script type="application/json">` element the app reads its data from. */
export const DATA_ELEMENT_ID = "ag2-report-data";

/** What {@link htmlPage} puts around the app. */
export interface HtmlPageOptions {
  readonly title: string;
  /** The data the app renders (embedded as JSON). */
  readonly data: unknown;
  /** Lets the page fetch from its own origin (the viewer); a report file never fetches. */
  readonly sameOriginFetch?: boolean;
}

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

/**
 * The HTML document: the app's CSS and JS inline, the data as JSON, and a Content-Security-
 * Policy that allows exactly that inline script and style (by hash) and nothing remote: no
 * other script, style, font, frame, form target or connection.
 *
 * @example
 * ```ts
 * const html = htmlPage({ title: "Run r1", data: reportData({ kind: "run", run }) });
 * ```
 */
export function htmlPage(options: HtmlPageOptions): string {
  const { js, css } = appAssets();
  const policy = [
    "default-src 'none'",
    `script-src ${sha256(js)}`,
    `style-src ${sha256(css)}`,
    "img-src data:",
    `connect-src ${options.sameOriginFetch ? "'self'" : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${policy}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<title>${escapeHtml(options.title)}</title>`,
    `<style>${css}</style>`,
    "</head>",
    "<body>",
    '<div id="app"></div>',
    `<script type="application/json" id="${DATA_ELEMENT_ID}">${embedJson(options.data)}</script>`,
    `<script>${js}</script>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
