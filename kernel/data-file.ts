import { readFileSync } from 'node:fs';
import { GraphQLError } from 'graphql';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';

// Data files (YAML) read and checked with the file, the path inside it, its line and the reason in every
// problem, so whoever edits a data folder can find the line to fix. Used by the data loader (data/loader/)
// and the stand-in inspection platform; the checks themselves are the domain's own validators.

export type DataPath = (string | number)[];

export interface DataProblem {
  file: string;
  /** Where in the file, e.g. officers[3].credentialNumber ('' for the file as a whole). */
  path: string;
  line: number | null;
  reason: string;
}

export const formatProblem = (p: DataProblem) => `${p.file}${p.line ? `:${p.line}` : ''} ${p.path || '（文件）'}：${p.reason}`;

/** Refused data: every problem found, nothing loaded. */
export class DataFileError extends Error {
  constructor(readonly problems: DataProblem[]) {
    super(`数据文件有误，未导入任何数据：\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
    this.name = 'DataFileError';
  }
}

/** officers[3].credentialNumber from ['officers', 3, 'credentialNumber'] (or from 'officers.3.credentialNumber'). */
export function formatPath(path: DataPath | string): string {
  const segments = typeof path === 'string' ? splitField(path) : path;
  return segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

/** A domain validator's dotted field ('cases.0.party.uscc') as path segments. */
export const splitField = (field: string): DataPath =>
  field
    .split('.')
    .filter(Boolean)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));

const zh = z.locales.zhCN();

/** One data file, parsed, with the problems found in it so far. */
export class DataFile {
  readonly problems: DataProblem[] = [];
  private constructor(
    /** As shown in problems: the path given to {@link DataFile.read}. */
    readonly file: string,
    private readonly doc: Document | null,
    private readonly lines: LineCounter,
    /** The file's content as plain data (undefined when it could not be parsed). */
    readonly raw: unknown,
  ) {}

  /** Reads and parses a YAML file; syntax errors become problems (with their line), not exceptions. */
  static read(path: string, shownAs = path): DataFile {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      const f = new DataFile(shownAs, null, new LineCounter(), undefined);
      f.problems.push({ file: shownAs, path: '', line: null, reason: `无法读取文件：${(err as NodeJS.ErrnoException).code ?? String(err)}` });
      return f;
    }
    const lines = new LineCounter();
    // Aliases are how a file says "the same text as above" (anchors); cap them anyway against alias bombs.
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const f = new DataFile(shownAs, doc, lines, undefined);
    for (const e of doc.errors)
      f.problems.push({ file: shownAs, path: '', line: lines.linePos(e.pos[0]).line, reason: `YAML 语法错误：${e.message.split('\n')[0]}` });
    if (doc.errors.length) return f;
    try {
      return new DataFile(shownAs, doc, lines, doc.toJS({ maxAliasCount: 10_000 }));
    } catch (err) {
      f.problems.push({ file: shownAs, path: '', line: null, reason: `YAML 无法解析：${(err as Error).message}` });
      return f;
    }
  }

  /** The line of the deepest node that exists on the path (a missing field points at its parent). */
  lineOf(path: DataPath): number | null {
    if (!this.doc) return null;
    for (let n = path.length; n >= 0; n--) {
      const node = this.doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return this.lines.linePos(node.range[0]).line;
    }
    return null;
  }

  problem(path: DataPath | string, reason: string): DataProblem {
    const segments = typeof path === 'string' ? splitField(path) : path;
    const p = { file: this.file, path: formatPath(segments), line: this.lineOf(segments), reason };
    // Several entries may point at one faulty entry (two cases, one party): say it once.
    if (!this.problems.some((q) => q.path === p.path && q.reason === p.reason)) this.problems.push(p);
    return p;
  }

  /** The file's shape, checked by a zod schema (reasons in Chinese). Undefined when it does not fit. */
  shape<T extends z.ZodType>(schema: T): z.output<T> | undefined {
    if (this.raw === undefined && this.problems.length) return undefined;
    const r = schema.safeParse(this.raw ?? {}, { error: zh.localeError });
    if (r.success) return r.data;
    for (const issue of r.error.issues) {
      if (issue.code === 'unrecognized_keys') for (const key of issue.keys) this.problem([...issue.path, key] as DataPath, `未知字段“${key}”`);
      else if (issue.code === 'invalid_type' && valueAt(this.raw, issue.path as DataPath) === undefined) this.problem(issue.path as DataPath, '缺少此字段');
      else this.problem(issue.path as DataPath, issue.message);
    }
    return undefined;
  }

  /**
   * Runs one of the domain's validators (the same the API runs); a refusal (BAD_USER_INPUT with its fields)
   * becomes problems at `path` + the validator's field. Undefined when refused.
   */
  check<T>(path: DataPath, run: () => T, renamed: Record<string, string> = {}): T | undefined {
    try {
      return run();
    } catch (err) {
      const problems = refusalProblems(err);
      if (!problems) throw err;
      // The validator's field names where the file calls them otherwise (an id the file gives as a key).
      for (const p of problems) {
        const field = splitField(p.field).map((s) => (typeof s === 'string' ? (renamed[s] ?? s) : s));
        this.problem([...path, ...field.filter((s) => s !== '')], p.reason);
      }
      return undefined;
    }
  }

  /** Keys the validator dropped from an object (it strips what it does not know): a misspelt field is an error, not a silent default. */
  unknownKeys(path: DataPath, given: unknown, kept: unknown): void {
    if (Array.isArray(given) && Array.isArray(kept)) {
      given.forEach((g, i) => this.unknownKeys([...path, i], g, kept[i]));
    } else if (isPlainObject(given) && isPlainObject(kept)) {
      for (const [k, v] of Object.entries(given)) {
        if (!(k in kept)) this.problem([...path, k], `未知字段“${k}”`);
        else this.unknownKeys([...path, k], v, kept[k]);
      }
    }
  }
}

const valueAt = (v: unknown, path: DataPath): unknown =>
  path.reduce<unknown>((x, k) => (x && typeof x === 'object' ? (x as Record<string | number, unknown>)[k] : undefined), v);

const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** The field problems of a BAD_USER_INPUT refusal (errors.ts badInput/badInputs), or null for any other error. */
export function refusalProblems(err: unknown): { field: string; reason: string }[] | null {
  if (!(err instanceof GraphQLError) || err.extensions.code !== 'BAD_USER_INPUT') return null;
  const ext = err.extensions as { field?: string; reason?: string; problems?: { field: string; reason: string }[] };
  return ext.problems ?? [{ field: ext.field ?? '', reason: ext.reason ?? err.message }];
}

/** Throws every problem of the files at once, or nothing. */
export function throwIfProblems(files: DataFile[], more: DataProblem[] = []): void {
  const all = [...files.flatMap((f) => f.problems), ...more];
  if (all.length) throw new DataFileError(all);
}
