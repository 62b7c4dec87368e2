/**
 * Where a report goes. The input file is never written: the output is a new file beside it
 * (`<input>-kam-<report>.xlsx`) or the `--out` path, and an existing file is replaced only with
 * `--force`. These checks run before the input is read, so a refused run costs nothing.
 */
import * as fs from "fs";
import * as path from "path";
import type { Msg } from "../domain/errors";

export function defaultOutput(input: string, report: string): string {
  const dir = path.dirname(input);
  const base = path.basename(input).replace(/\.(xlsx|xlsm|csv|txt|tsv)$/i, "");
  return path.join(dir, `${base}-kam-${report}.xlsx`);
}

function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

export type OutputCheck = { readonly ok: true; readonly replaces: boolean } | { readonly ok: false; readonly error: Msg };

/**
 * Whether `file` may be written (`shown` is how messages name it). `inputs` are the files the run
 * reads (never overwritten, not even with --force); `mayReplace` says an existing file may be
 * replaced (--force, or the demo's own file).
 */
export function checkOutput(file: string, inputs: readonly string[], mayReplace: boolean, shown: string = file): OutputCheck {
  if (!/\.xlsx$/i.test(file)) {
    return { ok: false, error: { en: `output ${shown}: the output must be an .xlsx file`, zh: `输出文件 ${shown}：输出必须是 .xlsx 文件` } };
  }
  for (const input of inputs) {
    if (sameFile(file, input)) {
      return {
        ok: false,
        error: { en: `output ${shown} is the input file; kam never changes its input, choose another --out`, zh: `输出文件 ${shown} 就是输入文件；kam 从不修改输入文件，请用 --out 指定其他文件` },
      };
    }
  }
  const dir = path.dirname(path.resolve(file));
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    return { ok: false, error: { en: `output ${shown}: folder ${dir} does not exist`, zh: `输出文件 ${shown}：文件夹 ${dir} 不存在` } };
  }
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(file);
  } catch {
    stat = undefined;
  }
  if (stat === undefined) return { ok: true, replaces: false };
  if (!stat.isFile()) {
    return { ok: false, error: { en: `output ${shown} exists and is not a file`, zh: `输出路径 ${shown} 已存在且不是文件` } };
  }
  if (!mayReplace) {
    return {
      ok: false,
      error: { en: `output ${shown} already exists; add --force to replace it, or choose another --out`, zh: `输出文件 ${shown} 已存在；加 --force 覆盖，或用 --out 指定其他文件` },
    };
  }
  return { ok: true, replaces: true };
}
