/** Help texts: the tool's overview and each command's usage, options, details and examples. */
import type { Lang } from "../domain/errors";
import type { OptionSpec } from "./args";
import type { Command } from "./command";
import { displayWidth } from "./progress";

/**
 * Wrap text to `width` terminal columns. Latin words stay whole; Chinese may break between any two
 * characters (it has no spaces), and takes two columns a character.
 */
function wrap(text: string, width: number, indent: string): string[] {
  const tokens = text.match(/[\u2e80-\u9fff\uff00-\uffef]|[^\s\u2e80-\u9fff\uff00-\uffef]+|\s+/g) ?? [];
  const out: string[] = [];
  let line = "";
  let w = indent.length;
  for (const t of tokens) {
    const space = /^\s+$/.test(t);
    const tw = space ? 1 : displayWidth(t);
    if (!space && line !== "" && w + tw > width) {
      out.push(indent + line.trimEnd());
      line = "";
      w = indent.length;
    }
    if (space && line === "") continue;
    line += space ? " " : t;
    w += tw;
  }
  if (line.trim() !== "") out.push(indent + line.trimEnd());
  return out;
}

function optionLabel(o: OptionSpec): string {
  const long = `--${o.name}${o.value ? ` ${o.meta ?? "VALUE"}` : ""}`;
  return o.short ? `-${o.short}, ${long}` : `    ${long}`;
}

export function commandHelp(cmd: Command, lang: Lang, width = 100): string {
  const L = (en: string, zh: string): string => (lang === "en" ? en : zh);
  const lines: string[] = [];
  lines.push(`kam ${cmd.name} — ${cmd.summary[lang]}`, "", L("Usage:", "用法："), `  ${cmd.usage}`, "");
  for (const d of cmd.details ?? []) lines.push(...wrap(d[lang], width, "  "), "");
  lines.push(L("Options:", "选项："));
  const labels = cmd.options.map(optionLabel);
  const pad = Math.min(34, Math.max(...labels.map((l) => l.length)) + 2);
  cmd.options.forEach((o, i) => {
    const label = `  ${labels[i]}`;
    const helpText = o.help[lang];
    if (label.length + 1 > pad + 2) lines.push(label, `${" ".repeat(pad + 2)}${helpText}`);
    else lines.push(`${label.padEnd(pad + 2)}${helpText}`);
  });
  lines.push("", L("Examples:", "示例："), ...cmd.examples.map((e) => `  ${e}`), "");
  lines.push(
    L(
      "Exit codes: 0 done, 2 bad input or options (the message names the file, sheet, column and cell), 1 unexpected error.",
      "退出码：0 成功；2 输入或选项有误（消息指明文件、工作表、列和单元格）；1 意外错误。",
    ),
    "",
  );
  return lines.join("\n");
}

export function toolHelp(commands: readonly Command[], lang: Lang, version: string): string {
  const L = (en: string, zh: string): string => (lang === "en" ? en : zh);
  const lines: string[] = [
    `kam ${version} — ${L("KAM for Excel on the command line: key-account reports from .xlsx and .csv files", "大客户管理命令行工具：由 .xlsx 和 .csv 文件生成大客户报表")}`,
    "",
    L("Usage:", "用法："),
    "  kam <command> <file> [options]",
    "  kam <command> --help",
    "",
    L("Commands:", "命令："),
  ];
  const pad = Math.max(...commands.map((c) => c.name.length)) + 4;
  for (const c of commands) lines.push(`  ${c.name.padEnd(pad)}${c.summary[lang]}`);
  lines.push(
    "",
    ...wrap(
      L(
        "Columns are found by their headers in English or Chinese (Customer/客户名称, Sales/销售额, Profit/利润, …) and can be named by header text or column letter (--customer 客户名称, --amount C). The input is never changed: each report goes to a new workbook beside it (<input>-kam-<report>.xlsx) or to --out; an existing file is replaced only with --force.",
        "列按英文或中文标题识别（Customer/客户名称、Sales/销售额、Profit/利润……），也可用标题或列字母指定（--customer 客户名称、--amount C）。输入文件从不修改：报表写入其旁边的新工作簿（<输入>-kam-<报表>.xlsx）或 --out 指定的文件；已存在的文件只有加 --force 才会覆盖。",
      ),
      100,
      "",
    ),
    "",
    L("Language: --lang en|zh, or LANG=zh_CN.UTF-8 for Chinese.", "语言：--lang en|zh，或设置 LANG=zh_CN.UTF-8 使用中文。"),
    L("Exit codes: 0 done, 2 bad input or options, 1 unexpected error.", "退出码：0 成功，2 输入或选项有误，1 意外错误。"),
    "",
    L("Try: kam demo", "试一试：kam demo"),
    "",
  );
  return lines.join("\n");
}
