import { readSuiteText } from "./read-suite-text.js";
import { SuiteFileError } from "./suite-file-error.js";
import { recordFromRow, resolveMapping, type SuiteMapping } from "./suite-mapping.js";
import type { Task } from "./task.js";
import { TaskCollector } from "./task-collector.js";

interface CsvRecordInfo {
  readonly record: string[];
  readonly raw: string;
  readonly info: { readonly lines: number };
}

interface CsvParseError {
  readonly code?: string;
  readonly lines?: number;
  readonly message: string;
}

/** The physical line a record starts on: its end line less the line breaks inside it. */
function startLine(entry: CsvRecordInfo): number {
  const body = entry.raw.replace(/^(\r?\n)+/, "").replace(/\r?\n$/, "");
  return entry.info.lines - (body.match(/\n/g)?.length ?? 0);
}

async function parseCsv(file: string, text: string): Promise<CsvRecordInfo[]> {
  // loaded only for a CSV suite, so that JSONL users never pay for the parser at start-up
  const { parse } = await import("csv-parse/sync");
  try {
    return parse(text, {
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
    }) as unknown as CsvRecordInfo[];
  } catch (error) {
    const csv = error as CsvParseError;
    const reason = csv.message.replace(/^Invalid Record Length: |^Quote Not Closed: /, "");
    throw new SuiteFileError(
      `${file}: line ${csv.lines ?? "?"} is not valid CSV: ${reason}`,
      { path: file, line: csv.lines },
      { cause: error },
    );
  }
}

/**
 * Reads a CSV suite: the first record is the header, each further one a task, mapped by
 * `mapping` over the default. Rows are numbered from 1 for the first task, with the physical
 * line each starts on, so a quoted field with line breaks does not shift later numbers.
 */
export async function readCsvTasks(file: string, mapping: SuiteMapping = {}): Promise<Task[]> {
  const entries = await parseCsv(file, await readSuiteText(file, "a CSV suite file"));
  const [head, ...rows] = entries;
  if (head === undefined) {
    throw new SuiteFileError(`${file}: empty CSV, expected a header row of column names`, {
      path: file,
      line: 1,
    });
  }
  const header = head.record.map((name) => name.trim());
  const seen = new Set<string>();
  for (const [at, name] of header.entries()) {
    if (seen.has(name) || name === "") {
      throw new SuiteFileError(
        `${file}: line ${startLine(head)}, column ${at + 1}: header name '${name}' is ${name === "" ? "empty" : "repeated"}; each column needs its own name`,
        { path: file, line: startLine(head), field: name },
      );
    }
    seen.add(name);
  }
  const resolved = resolveMapping(header, mapping, file);
  const collector = new TaskCollector();
  for (const [at, entry] of rows.entries()) {
    const row = at + 1;
    const line = startLine(entry);
    if (entry.record.length !== header.length) {
      const extra = entry.record.length > header.length;
      const column = extra ? header.length + 1 : entry.record.length + 1;
      throw new SuiteFileError(
        `${file}: row ${row} (line ${line}), column ${column}: got ${entry.record.length} fields, expected ${header.length} as in the header (${header.join(", ")})`,
        { path: file, line, index: at },
      );
    }
    const cells = Object.fromEntries(header.map((name, i) => [name, entry.record[i]]));
    collector.add(
      recordFromRow(cells, resolved),
      { path: file, line },
      `row ${row} (line ${line})`,
    );
  }
  return collector.tasks;
}
