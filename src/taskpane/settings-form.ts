/**
 * The settings form as data: which workbook settings the pane lets a user edit, how each is shown
 * (shares as percent, weights as decimals, amounts and points as typed), and the validation that
 * turns the typed text back into Settings. The engine's zod schema (parseSettings) decides what is
 * valid; this module only places its verdict next to the field it concerns, in both languages.
 */
import type { Msg } from "../domain/errors";
import type { Label } from "../domain/labels";
import { EXTERNAL_DIMENSIONS, INTERNAL_DIMENSIONS, PROFILE_DIMENSION_LABELS } from "../domain/profile";
import { parseSettings, type Settings } from "../domain/settings";
import { formatNumber, toNumber } from "../domain/values";
import { WEIGHTED_DIMENSIONS, WEIGHTED_DIMENSION_LABELS } from "../domain/weighted";
import type { MessageKey } from "../i18n/en";

/** percent: a share stored as 0.55 and shown as 55; plain: stored and shown as the same number. */
export type FieldUnit = "percent" | "plain";

export type FieldLabel = { readonly key: MessageKey } | { readonly label: Label; readonly suffix?: MessageKey };

export interface SettingsField {
  /** The path into Settings joined with ".", e.g. "abc.a", "external.baseline.2". */
  readonly id: string;
  readonly path: readonly (string | number)[];
  readonly unit: FieldUnit;
  readonly label: FieldLabel;
}

export type GroupId = "abc" | "score" | "weighted" | "credit" | "external" | "internal" | "sales";

export interface SettingsGroup {
  readonly id: GroupId;
  readonly title: MessageKey;
  readonly help: MessageKey;
  /** Settings paths whose object-level issues (e.g. "weights must sum to 1") belong to this group. */
  readonly paths: readonly string[];
  readonly fields: readonly SettingsField[];
  /** Profile lines are shown as a table: one row per dimension, one column per line. */
  readonly table?: { readonly lines: readonly { readonly key: string; readonly title: MessageKey }[]; readonly dimensions: readonly Label[] };
}

function field(path: readonly (string | number)[], unit: FieldUnit, label: FieldLabel): SettingsField {
  return { id: path.join("."), path, unit, label };
}

const key = (k: MessageKey): FieldLabel => ({ key: k });

function lineFields(section: "external" | "internal", line: string, dims: readonly string[]): SettingsField[] {
  return dims.map((d, i) => field([section, line, i], "plain", { label: PROFILE_DIMENSION_LABELS[d as keyof typeof PROFILE_DIMENSION_LABELS] }));
}

export const SETTINGS_GROUPS: readonly SettingsGroup[] = [
  {
    id: "abc",
    title: "settings.abc.title",
    help: "settings.abc.help",
    paths: ["abc"],
    fields: [field(["abc", "a"], "percent", key("settings.abc.a")), field(["abc", "b"], "percent", key("settings.abc.b"))],
  },
  {
    id: "score",
    title: "settings.score.title",
    help: "settings.score.help",
    paths: ["score"],
    fields: [field(["score", "keyAccount"], "plain", key("settings.score.keyAccount")), field(["score", "potential"], "plain", key("settings.score.potential"))],
  },
  {
    id: "weighted",
    title: "settings.weighted.title",
    help: "settings.weighted.help",
    paths: ["weighted", "weighted.weights"],
    fields: [
      ...WEIGHTED_DIMENSIONS.map((d) => field(["weighted", "weights", d], "plain", { label: WEIGHTED_DIMENSION_LABELS[d], suffix: "settings.weighted.weightSuffix" })),
      field(["weighted", "strategic"], "plain", key("settings.weighted.strategic")),
      field(["weighted", "key"], "plain", key("settings.weighted.key")),
    ],
  },
  {
    id: "credit",
    title: "settings.credit.title",
    help: "settings.credit.help",
    paths: ["credit"],
    fields: [
      field(["credit", "volumeMid"], "plain", key("settings.credit.volumeMid")),
      field(["credit", "volumeHigh"], "plain", key("settings.credit.volumeHigh")),
      field(["credit", "volumeTop"], "plain", key("settings.credit.volumeTop")),
      field(["credit", "aaa"], "plain", key("settings.credit.aaa")),
      field(["credit", "aa"], "plain", key("settings.credit.aa")),
      field(["credit", "redListMonths"], "plain", key("settings.credit.redListMonths")),
    ],
  },
  {
    id: "external",
    title: "settings.external.title",
    help: "settings.external.help",
    paths: ["external"],
    fields: [...lineFields("external", "baseline", EXTERNAL_DIMENSIONS), ...lineFields("external", "warning", EXTERNAL_DIMENSIONS)],
    table: {
      lines: [
        { key: "baseline", title: "settings.external.baseline" },
        { key: "warning", title: "settings.external.warning" },
      ],
      dimensions: EXTERNAL_DIMENSIONS.map((d) => PROFILE_DIMENSION_LABELS[d]),
    },
  },
  {
    id: "internal",
    title: "settings.internal.title",
    help: "settings.internal.help",
    paths: ["internal"],
    fields: [
      ...lineFields("internal", "keyAccount", INTERNAL_DIMENSIONS),
      ...lineFields("internal", "important", INTERNAL_DIMENSIONS),
      ...lineFields("internal", "general", INTERNAL_DIMENSIONS),
    ],
    table: {
      lines: [
        { key: "keyAccount", title: "settings.internal.keyAccount" },
        { key: "important", title: "settings.internal.important" },
        { key: "general", title: "settings.internal.general" },
      ],
      dimensions: INTERNAL_DIMENSIONS.map((d) => PROFILE_DIMENSION_LABELS[d]),
    },
  },
  {
    id: "sales",
    title: "settings.sales.title",
    help: "settings.sales.help",
    paths: [],
    fields: [field(["internal", "salesUnit"], "plain", key("settings.sales.unit")), field(["internal", "salesBreak"], "plain", key("settings.sales.break"))],
  },
];

export const SETTINGS_FIELDS: readonly SettingsField[] = SETTINGS_GROUPS.flatMap((g) => g.fields);

/** Typed text per field id, plus the label language. */
export interface SettingsForm {
  readonly values: Readonly<Record<string, string>>;
  readonly language: Settings["language"];
}

function getPath(obj: unknown, path: readonly (string | number)[]): unknown {
  let cur: unknown = obj;
  for (const p of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string | number, unknown>)[p];
  }
  return cur;
}

function setPath(obj: Record<string, unknown>, path: readonly (string | number)[], value: unknown): void {
  let cur: Record<string | number, unknown> = obj;
  for (let i = 0; i < path.length - 1; i++) cur = cur[path[i]] as Record<string | number, unknown>;
  cur[path[path.length - 1]] = value;
}

function shown(v: number, unit: FieldUnit): string {
  return formatNumber(unit === "percent" ? v * 100 : v);
}

export function formFromSettings(s: Settings): SettingsForm {
  const values: Record<string, string> = {};
  for (const f of SETTINGS_FIELDS) {
    const v = getPath(s, f.path);
    values[f.id] = typeof v === "number" ? shown(v, f.unit) : "";
  }
  return { values, language: s.language };
}

export interface FormVerdict {
  /** The settings to save, present only when every field is valid. */
  readonly settings?: Settings;
  /** Field id → message. */
  readonly fieldErrors: Readonly<Record<string, Msg>>;
  /** Group id → message for issues that concern a whole group (weights that do not sum to 1). */
  readonly groupErrors: Readonly<Partial<Record<GroupId, Msg>>>;
  /** Issues no group of the form shows (settings the form does not edit were invalid). */
  readonly otherErrors: readonly Msg[];
}

/** The number a field's text stands for, in the unit Settings stores. */
export function parseFieldText(text: string, f: SettingsField): { ok: true; value: number } | { ok: false; msg: Msg } {
  const r = toNumber(text, { en: "value", zh: "数值" });
  if (!r.ok) {
    return r.error.kind === "missing"
      ? { ok: false, msg: { en: "Enter a number.", zh: "请输入数字。" } }
      : { ok: false, msg: { en: `Enter a number, not "${text.trim()}".`, zh: `请输入数字，而不是“${text.trim()}”。` } };
  }
  // toNumber already reads "55%" as 0.55; a bare 55 in a percent field means 55 % as well.
  if (f.unit === "percent" && !text.normalize("NFKC").trim().endsWith("%")) return { ok: true, value: r.value / 100 };
  return { ok: true, value: r.value };
}

/** The schema's own refinement messages (settings.ts), in both languages. */
const REFINEMENTS: Readonly<Record<string, Msg>> = {
  "the potential cut-off must be below the key-account cut-off": {
    en: "The potential cut-off must be below the key-account cut-off.",
    zh: "潜在大客户分数线必须低于大客户分数线。",
  },
  "the weights must sum to 1": { en: "The four weights must add up to 1.", zh: "四项权重之和必须等于 1。" },
  "the key cut-off must be below the strategic cut-off": {
    en: "The key cut-off must be below the strategic cut-off.",
    zh: "重点级分数线必须低于战略级分数线。",
  },
  "volume bands must rise: mid < high < top": {
    en: "The volume bands must rise: mid < high < top.",
    zh: "成交量分段必须递增：中 < 高 < 满分。",
  },
  "the AA cut-off must be below the AAA cut-off": { en: "The AA cut-off must be below the AAA cut-off.", zh: "AA 分数线必须低于 AAA 分数线。" },
  "A + B must not exceed 100 %": { en: "A + B must not exceed 100 %.", zh: "A 与 B 之和不能超过 100%。" },
  "the sales break must not be below the sales unit": {
    en: "The sales break must not be below the sales unit.",
    zh: "销售规模分界点不能低于计分单位。",
  },
  "the low end of a band must not be above its high end": { en: "The low end must not be above the high end.", zh: "下限不能高于上限。" },
};

/** A zod issue message as a bilingual message, bounds shown in the field's unit. */
export function issueMessage(message: string, unit: FieldUnit): Msg {
  const known = REFINEMENTS[message];
  if (known) return known;
  const bound = (x: string, zh: boolean): string => {
    const n = Number(x);
    if (!Number.isFinite(n)) return x;
    return unit === "percent" ? `${formatNumber(n * 100)}${zh ? "%" : " %"}` : formatNumber(n);
  };
  const small = /^Too small: expected number to be (>=?)(.+)$/.exec(message);
  if (small) {
    const [e, z] = [bound(small[2], false), bound(small[2], true)];
    return small[1] === ">" ? { en: `Must be above ${e}.`, zh: `必须大于 ${z}。` } : { en: `Must be at least ${e}.`, zh: `不能小于 ${z}。` };
  }
  const big = /^Too big: expected number to be (<=?)(.+)$/.exec(message);
  if (big) {
    const [e, z] = [bound(big[2], false), bound(big[2], true)];
    return big[1] === "<" ? { en: `Must be below ${e}.`, zh: `必须小于 ${z}。` } : { en: `Must be at most ${e}.`, zh: `不能大于 ${z}。` };
  }
  if (/expected int/.test(message)) return { en: "Must be a whole number.", zh: "必须是整数。" };
  if (/expected number/.test(message)) return { en: "Enter a number.", zh: "请输入数字。" };
  return { en: `Invalid setting: ${message}`, zh: `设置无效：${message}` };
}

/**
 * Validate the form against `base` (the workbook's current settings, which holds every setting the
 * form does not show). Only a form without a single problem yields settings.
 */
export function validateForm(form: SettingsForm, base: Settings): FormVerdict {
  const fieldErrors: Record<string, Msg> = {};
  const groupErrors: Partial<Record<GroupId, Msg>> = {};
  const otherErrors: Msg[] = [];
  const candidate = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
  candidate.language = form.language;
  for (const f of SETTINGS_FIELDS) {
    const parsed = parseFieldText(form.values[f.id] ?? "", f);
    if (parsed.ok) setPath(candidate, f.path, parsed.value);
    else fieldErrors[f.id] = parsed.msg;
  }
  const byId = new Map(SETTINGS_FIELDS.map((f) => [f.id, f]));
  const r = parseSettings(candidate);
  if (!r.ok) {
    for (const issue of r.issues) {
      const f = byId.get(issue.path);
      if (f) {
        // A field whose text is not even a number keeps that message.
        if (!fieldErrors[f.id]) fieldErrors[f.id] = issueMessage(issue.message, f.unit);
        continue;
      }
      const group = SETTINGS_GROUPS.find((g) => g.paths.includes(issue.path)) ?? SETTINGS_GROUPS.find((g) => g.fields.some((x) => x.id.startsWith(`${issue.path}.`)));
      const msg = issueMessage(issue.message, "plain");
      if (group) groupErrors[group.id] ??= msg;
      else otherErrors.push({ en: `${issue.path}: ${msg.en}`, zh: `${issue.path}：${msg.zh}` });
    }
  }
  const valid = r.ok && Object.keys(fieldErrors).length === 0;
  return { ...(valid ? { settings: r.settings } : {}), fieldErrors, groupErrors, otherErrors };
}

/** Whether two settings objects mean the same (the form's "unsaved changes" marker). */
export function sameSettings(a: Settings, b: Settings): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
