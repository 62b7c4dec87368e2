/**
 * The `kam` dispatcher: picks the command, parses its options, runs it and turns every outcome
 * into an exit code — 0 done, 2 bad input or options (one line naming file, sheet, column, cell),
 * 1 anything unexpected (a bug: the message says so).
 */
import type { Lang, Msg } from "../domain/errors";
import { KamInputException } from "../domain/errors";
import { parseArgs, optFlag, optString } from "./args";
import { loadSettings, UsageError, type Command, type Ctx } from "./command";
import { abcCommand } from "./commands/abc";
import { cardsCommand } from "./commands/cards";
import { creditCommand } from "./commands/credit";
import { demoCommand } from "./commands/demo";
import { portfolioCommand } from "./commands/portfolio";
import { profileCommand } from "./commands/profile";
import { scoreCommand } from "./commands/score";
import { stakeholdersCommand } from "./commands/stakeholders";
import { commandHelp, toolHelp } from "./help";
import type { CliIo } from "./io";
import { langFromEnv, parseLang } from "./lang";
import { Progress } from "./progress";

export const VERSION = "0.1.0";

export const COMMANDS: readonly Command[] = [abcCommand, scoreCommand, creditCommand, profileCommand, stakeholdersCommand, cardsCommand, portfolioCommand, demoCommand];

export const EXIT_OK = 0;
export const EXIT_UNEXPECTED = 1;
export const EXIT_INPUT = 2;

/** --lang as typed anywhere on the line (before the options are parsed, so parse errors use it too). */
function earlyLang(argv: readonly string[], io: CliIo): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = a.startsWith("--lang=") ? a.slice(7) : a === "--lang" ? argv[i + 1] : undefined;
    const l = v !== undefined ? parseLang(v) : undefined;
    if (l) return l;
  }
  return langFromEnv(io.env);
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let lang = earlyLang(argv, io);
  const err = (m: Msg): void => io.stderr(`${m[lang]}\n`);

  const first = argv[0];
  if (first === undefined) {
    io.stderr(toolHelp(COMMANDS, lang, VERSION));
    return EXIT_INPUT;
  }
  if (first === "-h" || first === "--help" || first === "help") {
    const topic = first === "help" ? COMMANDS.find((c) => c.name === argv[1]) : undefined;
    io.stdout(topic ? commandHelp(topic, lang) : toolHelp(COMMANDS, lang, VERSION));
    return EXIT_OK;
  }
  if (first === "--version" || first === "-V") {
    io.stdout(`kam ${VERSION}\n`);
    return EXIT_OK;
  }
  if (first.startsWith("--lang")) {
    // "kam --lang zh" alone, or before the command: move it behind the command.
    const rest = first === "--lang" ? argv.slice(2) : argv.slice(1);
    const moved = first === "--lang" ? [first, argv[1] ?? ""] : [first];
    if (rest.length === 0) {
      io.stdout(toolHelp(COMMANDS, lang, VERSION));
      return EXIT_OK;
    }
    return run([rest[0], ...moved, ...rest.slice(1)], io);
  }
  const cmd = COMMANDS.find((c) => c.name === first);
  if (!cmd) {
    err({
      en: `kam: unknown command "${first}". Commands: ${COMMANDS.map((c) => c.name).join(", ")}. Run "kam --help".`,
      zh: `kam：未知命令“${first}”。可用命令：${COMMANDS.map((c) => c.name).join("、")}。运行“kam --help”查看帮助。`,
    });
    return EXIT_INPUT;
  }

  const parsed = parseArgs(argv.slice(1), cmd.options);
  if (!parsed.ok) {
    err({ en: `kam ${cmd.name}: ${parsed.error.en}. Run "kam ${cmd.name} --help".`, zh: `kam ${cmd.name}：${parsed.error.zh}。运行“kam ${cmd.name} --help”查看帮助。` });
    return EXIT_INPUT;
  }
  const args = parsed.args;
  const langOpt = optString(args, "lang");
  if (langOpt !== undefined) {
    const l = parseLang(langOpt);
    if (!l) {
      err({ en: `kam ${cmd.name}: --lang must be "en" or "zh", got "${langOpt}"`, zh: `kam ${cmd.name}：--lang 必须是“en”或“zh”，而不是“${langOpt}”` });
      return EXIT_INPUT;
    }
    lang = l;
  }
  if (optFlag(args, "help")) {
    io.stdout(commandHelp(cmd, lang));
    return EXIT_OK;
  }

  const progress = new Progress({ write: (t) => io.stderr(t), isTTY: io.stderrIsTTY, columns: io.stderrColumns }, lang);
  try {
    const settings = loadSettings(args, io, lang);
    const ctx: Ctx = { command: cmd.name, io, lang, args, settings, progress };
    return await cmd.run(ctx);
  } catch (e) {
    progress.done();
    if (e instanceof KamInputException) {
      err({ en: `kam ${cmd.name}: ${e.error.msg.en}`, zh: `kam ${cmd.name}：${e.error.msg.zh}` });
      return EXIT_INPUT;
    }
    if (e instanceof UsageError) {
      err({ en: `kam ${cmd.name}: ${e.msg.en}. Run "kam ${cmd.name} --help".`, zh: `kam ${cmd.name}：${e.msg.zh}。运行“kam ${cmd.name} --help”查看帮助。` });
      return EXIT_INPUT;
    }
    const message = e instanceof Error ? e.message : String(e);
    err({
      en: `kam ${cmd.name}: unexpected error: ${message}. This is a bug in kam; set KAM_DEBUG=1 for details and please report it.`,
      zh: `kam ${cmd.name}：意外错误：${message}。这是 kam 的缺陷；设置 KAM_DEBUG=1 可查看详情，请反馈给我们。`,
    });
    if (io.env.KAM_DEBUG && e instanceof Error && e.stack) io.stderr(`${e.stack}\n`);
    return EXIT_UNEXPECTED;
  }
}
