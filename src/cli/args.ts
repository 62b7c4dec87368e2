/**
 * A small argument parser for `kam`: `--name value`, `--name=value`, boolean flags, `-h`, and `--`
 * to end options. Each command declares its options, so an unknown option or a missing value is a
 * usage error naming the option, not something silently ignored.
 */
import type { Msg } from "../domain/errors";

export interface OptionSpec {
  /** Long name without the dashes. */
  readonly name: string;
  /** True for options that take a value (`--sheet Sales`); false for flags (`--force`). */
  readonly value: boolean;
  /** May be given more than once (values collected in order). */
  readonly repeat?: boolean;
  /** Placeholder shown in help, e.g. "COL". */
  readonly meta?: string;
  readonly help: Msg;
  readonly short?: string;
}

export interface ParsedArgs {
  readonly positionals: readonly string[];
  /** Flags map to true; value options to their (last) value; repeatable options to all values. */
  readonly options: ReadonlyMap<string, string | true | readonly string[]>;
}

export type ParseResult = { readonly ok: true; readonly args: ParsedArgs } | { readonly ok: false; readonly error: Msg };

function suggestion(name: string, specs: readonly OptionSpec[]): string | undefined {
  // The closest option by edit distance, if close enough to be a typo.
  let best: { name: string; d: number } | undefined;
  for (const s of specs) {
    const d = editDistance(name, s.name);
    if (d <= 2 && (!best || d < best.d)) best = { name: s.name, d };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[]): ParseResult {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short as string, s]));
  const positionals: string[] = [];
  const options = new Map<string, string | true | string[]>();
  let onlyPositionals = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPositionals || arg === "-" || !arg.startsWith("-")) {
      positionals.push(arg);
      continue;
    }
    if (arg === "--") {
      onlyPositionals = true;
      continue;
    }
    let name: string;
    let inline: string | undefined;
    let spec: OptionSpec | undefined;
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
      spec = byName.get(name);
    } else {
      name = arg.slice(1);
      spec = byShort.get(name);
      // A negative number is a value, never an option (e.g. a threshold typed after its option).
      if (!spec && /^-\d/.test(arg)) {
        positionals.push(arg);
        continue;
      }
    }
    if (!spec) {
      const near = suggestion(name, specs);
      const hint = near ? { en: ` (did you mean --${near}?)`, zh: `（是否想用 --${near}？）` } : { en: "", zh: "" };
      return { ok: false, error: { en: `unknown option ${arg}${hint.en}`, zh: `未知选项 ${arg}${hint.zh}` } };
    }
    let value: string | true;
    if (spec.value) {
      if (inline !== undefined) value = inline;
      else if (i + 1 < argv.length && (argv[i + 1] === "-" || !argv[i + 1].startsWith("--"))) value = argv[++i];
      else return { ok: false, error: { en: `option --${spec.name} needs a value${spec.meta ? ` (${spec.meta})` : ""}`, zh: `选项 --${spec.name} 需要一个值${spec.meta ? `（${spec.meta}）` : ""}` } };
    } else {
      if (inline !== undefined) {
        return { ok: false, error: { en: `option --${spec.name} takes no value`, zh: `选项 --${spec.name} 不接受值` } };
      }
      value = true;
    }
    if (spec.repeat && typeof value === "string") {
      const list = options.get(spec.name);
      if (Array.isArray(list)) list.push(value);
      else options.set(spec.name, [value]);
    } else {
      options.set(spec.name, value);
    }
  }
  return { ok: true, args: { positionals, options } };
}

/** Value of a value option, or undefined. */
export function optString(args: ParsedArgs, name: string): string | undefined {
  const v = args.options.get(name);
  if (typeof v === "string") return v;
  if (Array.isArray(v)) return v[v.length - 1];
  return undefined;
}

export function optFlag(args: ParsedArgs, name: string): boolean {
  return args.options.get(name) === true;
}

export function optList(args: ParsedArgs, name: string): readonly string[] {
  const v = args.options.get(name);
  if (Array.isArray(v)) return v;
  if (typeof v === "string") return [v];
  return [];
}

/**
 * "A,B" → ["A", "B"]. A comma followed by a space does not separate, so company names such as
 * "Fabrikam Co., Ltd." stay whole; "\," is a literal comma anywhere. Chinese commas (，、) always
 * separate, since that is what a Chinese keyboard types.
 */
export function splitList(text: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\\" && text[i + 1] === ",") {
      cur += ",";
      i++;
    } else if ((ch === "," && (text[i + 1] !== " " || text.slice(i + 1).trim() === "")) || ch === "，" || ch === "、") {
      out.push(cur);
      cur = "";
    } else {
      cur += ch;
    }
  }
  out.push(cur);
  return out.map((s) => s.trim()).filter((s) => s !== "");
}
