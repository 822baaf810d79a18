import { render } from "preact";
import { App } from "./app.tsx";
import { readEmbeddedData } from "./data.ts";

const root = document.getElementById("app");
if (root) {
  try {
    render(<App data={readEmbeddedData()} />, root);
  } catch (error) {
    root.textContent = `This report could not be shown: ${(error as Error).message}`;
  }
}
