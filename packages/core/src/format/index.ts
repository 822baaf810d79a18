// @ag2/eval-core/format: core's number format alone, with no import of its own, so a browser
// bundle (the HTML report's app) can show numbers exactly as the CLI and the summaries do
// without pulling in the rest of core and its Node built-ins.
export { formatNumber } from "../util/format-number.js";
