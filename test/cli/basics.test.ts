/** Help, language, the argument parser and the progress bar. */
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { parseArgs, splitList, type OptionSpec } from "../../src/cli/args";
import { langFromEnv, parseLang } from "../../src/cli/lang";
import { displayWidth, Progress } from "../../src/cli/progress";
import { COMMANDS } from "../../src/cli/run";
import { cleanTempDirs, kam, tempDir } from "./helpers";

afterAll(cleanTempDirs);

describe("help", () => {
  test("kam --help lists every command; kam alone prints it to stderr and exits 2", async () => {
    const d = tempDir();
    for (const flag of ["--help", "-h", "help"]) {
      const r = await kam(d, [flag]);
      expect(r.code).toBe(0);
      for (const c of ["abc", "score", "credit", "profile", "stakeholders", "cards", "demo"]) expect(r.stdout).toMatch(new RegExp(`^  ${c} `, "m"));
    }
    const bare = await kam(d, []);
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe("");
    expect(bare.stderr).toContain("kam <command> <file> [options]");
    expect((await kam(d, ["--version"])).stdout).toMatch(/^kam \d+\.\d+\.\d+\n$/);
  });

  test.each(COMMANDS.map((c) => [c.name]))("kam %s --help shows its usage, every option and examples", async (name) => {
    const d = tempDir();
    const cmd = COMMANDS.find((c) => c.name === name);
    if (!cmd) throw new Error(name);
    const r = await kam(d, [name, "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(cmd.usage);
    for (const o of cmd.options) expect(r.stdout).toContain(`--${o.name}`);
    expect(r.stdout).toContain("Examples:");
    const h = await kam(d, ["help", name]);
    expect(h.stdout).toBe(r.stdout);
  });

  test("help in Chinese with --lang zh or a Chinese LANG, and Chinese column names in the English help", async () => {
    const d = tempDir();
    const zh = await kam(d, ["abc", "--help", "--lang", "zh"]);
    expect(zh.stdout).toContain("用法：");
    expect(zh.stdout).toContain("客户 ABC 分类");
    const env = await kam(d, ["--help"], { env: { LANG: "zh_CN.UTF-8" } });
    expect(env.stdout).toContain("命令：");
    const en = await kam(d, ["score", "--help"]);
    expect(en.stdout).toContain("战略契合度");
    // Help lines stay within 100 terminal columns (Chinese characters count two).
    for (const line of zh.stdout.split("\n")) if (!line.startsWith("  kam ")) expect(displayWidth(line)).toBeLessThanOrEqual(100);
  });
});

describe("language", () => {
  test("LC_ALL wins over LANG; zh* is Chinese, anything else English", () => {
    expect(langFromEnv({ LANG: "zh_CN.UTF-8" })).toBe("zh");
    expect(langFromEnv({ LANG: "zh_TW.UTF-8" })).toBe("zh");
    expect(langFromEnv({ LC_ALL: "en_US.UTF-8", LANG: "zh_CN.UTF-8" })).toBe("en");
    expect(langFromEnv({ LANG: "de_DE.UTF-8" })).toBe("en");
    expect(langFromEnv({})).toBe("en");
    expect(parseLang("ZH-cn")).toBe("zh");
    expect(parseLang("中文")).toBe("zh");
    expect(parseLang("fr")).toBeUndefined();
  });

  test("error messages follow the language", async () => {
    const d = tempDir();
    const zh = await kam(d, ["abc", "nope.xlsx"], { env: { LANG: "zh_CN.UTF-8" } });
    expect(zh.stderr).toMatch(/^kam abc：找不到文件“.*nope\.xlsx”。\n$/);
    const en = await kam(d, ["abc", "nope.xlsx", "--lang", "en"], { env: { LANG: "zh_CN.UTF-8" } });
    expect(en.stderr).toMatch(/^kam abc: File ".*nope\.xlsx" was not found\.\n$/);
    const early = await kam(d, ["--lang", "zh", "abc", "--bogus"]);
    expect(early.code).toBe(2);
    expect(early.stderr).toContain("未知选项 --bogus");
  });
});

describe("argument parser", () => {
  const specs: OptionSpec[] = [
    { name: "sheet", value: true, help: { en: "", zh: "" } },
    { name: "force", value: false, help: { en: "", zh: "" } },
    { name: "account", value: true, repeat: true, help: { en: "", zh: "" } },
    { name: "a", value: true, help: { en: "", zh: "" } },
    { name: "help", short: "h", value: false, help: { en: "", zh: "" } },
  ];

  test("values, --name=value, flags, repeats, -h and -- ", () => {
    const r = parseArgs(["in.xlsx", "--sheet", "销售 明细", "--force", "--account=A", "--account", "B", "-h", "--a", "-0.5", "--", "--not-an-option"], specs);
    if (!r.ok) throw new Error(r.error.en);
    expect(r.args.positionals).toEqual(["in.xlsx", "--not-an-option"]);
    expect(r.args.options.get("sheet")).toBe("销售 明细");
    expect(r.args.options.get("force")).toBe(true);
    expect(r.args.options.get("account")).toEqual(["A", "B"]);
    expect(r.args.options.get("help")).toBe(true);
    expect(r.args.options.get("a")).toBe("-0.5");
  });

  test("mistakes are named", () => {
    const typo = parseArgs(["--forse"], specs);
    expect(typo.ok ? "" : typo.error.en).toBe("unknown option --forse (did you mean --force?)");
    const flagValue = parseArgs(["--force=yes"], specs);
    expect(flagValue.ok ? "" : flagValue.error.en).toBe("option --force takes no value");
    const noValue = parseArgs(["--sheet", "--force"], specs);
    expect(noValue.ok ? "" : noValue.error.en).toBe("option --sheet needs a value");
  });

  test("lists: commas separate, a comma before a space does not (\"Co., Ltd.\"), Chinese commas always do", () => {
    expect(splitList("A,B")).toEqual(["A", "B"]);
    expect(splitList("Fabrikam Co., Ltd.,Northwind Components Ltd.")).toEqual(["Fabrikam Co., Ltd.", "Northwind Components Ltd."]);
    expect(splitList("华东精密机械有限公司，Acme、Bolt")).toEqual(["华东精密机械有限公司", "Acme", "Bolt"]);
    expect(splitList("a\\,b,c")).toEqual(["a,b", "c"]);
    expect(splitList(" A,,B, ")).toEqual(["A", "B"]);
  });

  test("property: names without separators survive joining with commas and splitting", () => {
    const name = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !/[,，、\\]/.test(s) && s.trim() !== "" && s === s.trim());
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 8 }), (names) => {
        expect(splitList(names.join(","))).toEqual(names);
      }),
    );
  });
});

describe("progress bar", () => {
  function sink(tty: boolean): { out: string[]; s: { write: (t: string) => void; isTTY: boolean; columns: number } } {
    const out: string[] = [];
    return { out, s: { write: (t) => out.push(t), isTTY: tty, columns: 80 } };
  }
  const label = { en: "Reading", zh: "读取" };

  test("nothing on a pipe, nothing for small inputs", () => {
    const pipe = sink(false);
    const p1 = new Progress(pipe.s, "en");
    p1.size(1_000_000);
    p1.reading(label, 900_000, 1_000_000);
    p1.stage(label);
    p1.done();
    expect(pipe.out).toEqual([]);
    const small = sink(true);
    const p2 = new Progress(small.s, "en");
    p2.reading(label, 40_000, 40_000);
    p2.stage(label);
    p2.done();
    expect(small.out).toEqual([]);
  });

  test("a bar for big inputs on a terminal, redrawn at most every 100 ms, cleared at the end", () => {
    const term = sink(true);
    let now = 0;
    const p = new Progress(term.s, "en", () => now);
    p.reading(label, 10_000, 200_000);
    expect(term.out).toHaveLength(1);
    expect(term.out[0]).toMatch(/^\rReading \[#+-+\] 5% 10,000 \/ 200,000$/);
    p.reading(label, 20_000, 200_000); // too soon
    expect(term.out).toHaveLength(1);
    now = 150;
    p.reading(label, 100_000, 200_000);
    expect(term.out[1]).toContain("50%");
    p.stage({ en: "Writing", zh: "写入" });
    expect(term.out[2]).toMatch(/^\rWriting {2,}$/);
    p.done();
    expect(term.out[3]).toMatch(/^\r +\r$/);
  });

  test("the CLI draws it on a terminal for a 60,000-row input, and never on a pipe", async () => {
    const d = tempDir();
    const lines = ["Customer,Sales"];
    for (let i = 0; i < 60_000; i++) lines.push(`C${i % 500},${(i % 97) + 1}`);
    fs.writeFileSync(path.join(d, "big.csv"), lines.join("\n"));
    const tty = await kam(d, ["abc", "big.csv", "--json"], { tty: true });
    expect(tty.code).toBe(0);
    expect(tty.stderr).toContain("\rBuilding the report from 60,000 rows…");
    const pipe = await kam(d, ["abc", "big.csv", "--json"]);
    expect(pipe.stderr).not.toContain("\r");
    expect(JSON.parse(pipe.stdout)).toEqual(JSON.parse(tty.stdout));
  });
});
