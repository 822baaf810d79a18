import { basename, extname } from "node:path";
import { fileURLToPath } from "node:url";
import { readCsvTasks } from "./csv-suite.js";
import { readJsonTasks } from "./json-suite.js";
import { readNumberedLines } from "./jsonl-lines.js";
import { SuiteFileError } from "./suite-file-error.js";
import type { SuiteMapping } from "./suite-mapping.js";
import type { Task } from "./task.js";
import { TaskCollector } from "./task-collector.js";
import { type RecordPlace, type TaskRecord, taskFromRecord } from "./task-record.js";

/** Options of the {@link Suite} constructor. */
export interface SuiteOptions {
  /** Defaults to `"inline"`. */
  readonly name?: string;
  /** Where the tasks came from; defaults to `"inline"`. */
  readonly source?: string;
}

/**
 * An ordered, read-only collection of tasks with a name and a source. Load one from a JSONL
 * file with {@link Suite.fromJsonl} or from inline records with {@link Suite.fromList}; both
 * reject duplicate task ids, which would silently corrupt joins and run diffs.
 *
 * @example
 * ```ts
 * const suite = await Suite.fromJsonl("evals/capitals.jsonl");
 * console.log(suite.name, suite.size); // "capitals" 12
 * for (const task of suite) console.log(task.taskId);
 * ```
 */
export class Suite implements Iterable<Task> {
  readonly name: string;
  readonly source: string;
  readonly tasks: readonly Task[];

  constructor(tasks: Iterable<Task> = [], options: SuiteOptions = {}) {
    this.tasks = Object.freeze([...tasks]);
    this.name = options.name ?? "inline";
    this.source = options.source ?? "inline";
  }

  /** Number of tasks. */
  get size(): number {
    return this.tasks.length;
  }

  [Symbol.iterator](): Iterator<Task> {
    return this.tasks[Symbol.iterator]();
  }

  /**
   * Builds a suite from inline records (reference keys or camelCase aliases). Errors name
   * the record's 0-based index.
   *
   * @example
   * ```ts
   * const suite = Suite.fromList([{ inputs: { input: "2+2?" }, reference_outputs: { answer: "4" } }],
   *   { name: "math" }); // suite.tasks[0].taskId === "task-0000"
   * ```
   */
  static fromList(records: Iterable<TaskRecord>, options: { name?: string } = {}): Suite {
    const source = "inline";
    const tasks: Task[] = [];
    const firstIndex = new Map<string, number>();
    let index = 0;
    for (const record of records) {
      const place: RecordPlace = { path: source, index };
      const task = taskFromRecord(record, place);
      const first = firstIndex.get(task.taskId);
      if (first !== undefined) {
        throw new SuiteFileError(
          `${source}: task at index ${index}: duplicate task_id '${task.taskId}' (first at index ${first})`,
          { ...place, field: "task_id" },
        );
      }
      firstIndex.set(task.taskId, index);
      tasks.push(task);
      index++;
    }
    return new Suite(tasks, { name: options.name ?? "inline", source });
  }

  /**
   * Streams a JSONL file, one task per non-blank line; `name` is the file's stem and `source`
   * its path. Errors name the file and the 1-based physical line.
   *
   * @example
   * ```ts
   * const suite = await Suite.fromJsonl(new URL("./tasks.jsonl", import.meta.url));
   * ```
   */
  static async fromJsonl(path: string | URL, options: { name?: string } = {}): Promise<Suite> {
    const file = typeof path === "string" ? path : fileURLToPath(path);
    const collector = new TaskCollector();
    for await (const { line, text } of readNumberedLines(file)) {
      if (text.trim() === "") continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new SuiteFileError(
          `${file}: line ${line} is not valid JSON: ${reason}`,
          { path: file, line },
          { cause: error },
        );
      }
      collector.add(parsed, { path: file, line }, `line ${line}`);
    }
    const tasks = collector.tasks;
    const stem = basename(file, extname(file));
    return new Suite(tasks, { name: options.name ?? stem, source: file });
  }

  /**
   * Reads a CSV suite: a header row, then one task per row; quoted fields may hold commas,
   * quotes and line breaks. Columns become task parts by `mapping`, else by the default
   * (see {@link SuiteMapping}). Errors name the file, the row, its line and the column.
   *
   * @example
   * ```ts
   * // task_id,input,expected,tags
   * // fr,Capital of France?,Paris,geo;easy
   * const suite = await Suite.fromCsv("qa.csv"); // inputs.input, reference_outputs.expected
   * ```
   */
  static async fromCsv(path: string | URL, options: SuiteFileOptions = {}): Promise<Suite> {
    const file = typeof path === "string" ? path : fileURLToPath(path);
    const tasks = await readCsvTasks(file, options.mapping);
    return new Suite(tasks, { name: options.name ?? stemOf(file), source: file });
  }

  /**
   * Reads a suite written as one JSON array: each element a task record as in JSONL, or,
   * with `mapping`, an object whose named fields become the task's parts. Errors name the
   * file and the line the element starts on.
   *
   * @example
   * ```ts
   * const suite = await Suite.fromJson("qa.json", { mapping: { taskId: "id", inputs: "question" } });
   * ```
   */
  static async fromJson(path: string | URL, options: SuiteFileOptions = {}): Promise<Suite> {
    const file = typeof path === "string" ? path : fileURLToPath(path);
    const tasks = await readJsonTasks(file, options.mapping);
    return new Suite(tasks, { name: options.name ?? stemOf(file), source: file });
  }

  /**
   * Reads a suite file by its extension: `.csv` with {@link Suite.fromCsv}, `.json` with
   * {@link Suite.fromJson}, anything else as JSONL. A mapping is refused for JSONL, whose
   * lines are task records already.
   *
   * @example
   * ```ts
   * const suite = await Suite.fromFile(process.argv[2] ?? "evals/qa.csv");
   * ```
   */
  static fromFile(path: string | URL, options: SuiteFileOptions = {}): Promise<Suite> {
    const file = typeof path === "string" ? path : fileURLToPath(path);
    const ext = extname(file).toLowerCase();
    if (ext === ".csv") return Suite.fromCsv(file, options);
    if (ext === ".json") return Suite.fromJson(file, options);
    if (options.mapping !== undefined) {
      return Promise.reject(
        new SuiteFileError(
          `${file}: a suite mapping applies to .csv and .json suites, got a ${ext || "extensionless"} file read as JSONL`,
          { path: file },
        ),
      );
    }
    return Suite.fromJsonl(file, options);
  }
}

/** Options of {@link Suite.fromFile}, {@link Suite.fromCsv} and {@link Suite.fromJson}. */
export interface SuiteFileOptions {
  /** Defaults to the file's stem. */
  readonly name?: string;
  /** Which columns or fields hold each task part; see {@link SuiteMapping}. */
  readonly mapping?: SuiteMapping;
}

function stemOf(file: string): string {
  return basename(file, extname(file));
}
