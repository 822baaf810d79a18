import { render } from "preact";
import { App } from "./app.tsx";
import { readEmbeddedData } from "./data.ts";

// marks for benchmarks: when the script started, had its data, and had drawn the first page
performance.mark("ag2-report:start");
const root = document.getElementById("app");
if (root) {
  try {
    const data = readEmbeddedData();
    performance.mark("ag2-report:data");
    render(<App data={data} />, root);
    performance.mark("ag2-report:rendered");
  } catch (error) {
    root.textContent = `This report could not be shown: ${(error as Error).message}`;
  }
}
