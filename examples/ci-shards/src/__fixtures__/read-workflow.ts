/** One step of a job: what the test needs of it. */
export interface WorkflowStep {
  readonly uses: string | null;
  readonly run: string | null;
  readonly workingDirectory: string | null;
  /** The step's `with:` block, a `|` block's lines joined by newlines. */
  readonly with: Readonly<Record<string, string>>;
}

/** A job of the workflow: its `needs`, its matrix values by name, and its steps in order. */
export interface WorkflowJob {
  readonly needs: string | null;
  readonly matrix: Readonly<Record<string, readonly string[]>>;
  readonly steps: readonly WorkflowStep[];
}

/**
 * Reads the jobs of a GitHub Actions workflow written in the plain block style the example
 * uses (two-space indents, one `run:` line per step, `[a, b]` matrix lists). Not a YAML
 * parser: a line it does not expect under a step fails loudly, naming the line, so an edit
 * to the workflow cannot slip past the test unread.
 */
export function readWorkflow(text: string): Record<string, WorkflowJob> {
  const lines = text.split("\n");
  const jobsAt = lines.indexOf("jobs:");
  if (jobsAt < 0) throw new Error("workflow: no top-level 'jobs:' line");
  const jobs: Record<string, WorkflowJob> = {};
  let job: { needs: string | null; matrix: Record<string, string[]>; steps: MutableStep[] } | null =
    null;
  let step: MutableStep | null = null;
  let inWith = false;
  let inMatrix = false;
  let block: { key: string; indent: number } | null = null;
  for (const [at, line] of lines.entries()) {
    if (at <= jobsAt || line.trim() === "" || line.trim().startsWith("#")) continue;
    const indent = line.length - line.trimStart().length;
    const text = line.trim();
    if (block && step && indent > block.indent) {
      const previous = step.with[block.key];
      step.with[block.key] = previous ? `${previous}\n${text}` : text;
      continue;
    }
    block = null;
    if (indent === 2) {
      job = { needs: null, matrix: {}, steps: [] };
      jobs[text.replace(/:$/, "")] = job;
      step = null;
      continue;
    }
    if (!job) throw new Error(`workflow line ${at + 1}: expected a job, got '${text}'`);
    if (indent === 4) {
      inMatrix = false;
      if (text.startsWith("needs:")) job.needs = value(text);
      continue;
    }
    if (indent === 6 && text === "matrix:") inMatrix = true;
    if (inMatrix && indent === 8) {
      const [name, list] = [text.slice(0, text.indexOf(":")), value(text)];
      job.matrix[name] = list.replace(/^\[|\]$/g, "").split(/,\s*/);
      continue;
    }
    if (indent === 6 && text.startsWith("- ")) {
      step = { uses: null, run: null, workingDirectory: null, with: {} };
      job.steps.push(step);
      inWith = false;
      readStepKey(step, text.slice(2), at);
      continue;
    }
    if (!step) continue;
    if (indent === 8) {
      inWith = text === "with:";
      if (!inWith) readStepKey(step, text, at);
    } else if (indent === 10 && inWith) {
      const key = text.slice(0, text.indexOf(":"));
      step.with[key] = value(text) === "|" ? "" : value(text);
      if (value(text) === "|") block = { key, indent };
    } else throw new Error(`workflow line ${at + 1}: unexpected '${text}'`);
  }
  return jobs;
}

interface MutableStep {
  uses: string | null;
  run: string | null;
  workingDirectory: string | null;
  with: Record<string, string>;
}

function readStepKey(step: MutableStep, text: string, at: number): void {
  const key = text.slice(0, text.indexOf(":"));
  if (key === "uses") step.uses = value(text);
  else if (key === "run") step.run = value(text);
  else if (key === "working-directory") step.workingDirectory = value(text);
  else if (key !== "name" && key !== "if") {
    throw new Error(`workflow line ${at + 1}: unexpected step key '${key}'`);
  }
}

const value = (text: string): string => text.slice(text.indexOf(":") + 1).trim();
