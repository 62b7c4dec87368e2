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
import { msgOf, translate, type MessageKey } from "../i18n";

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
    return r.error.kind === "missing" ? { ok: false, msg: msgOf("settings.error.empty") } : { ok: false, msg: msgOf("settings.error.notNumber", { text: text.trim() }) };
  }
  // toNumber already reads "55%" as 0.55; a bare 55 in a percent field means 55 % as well.
  if (f.unit === "percent" && !text.normalize("NFKC").trim().endsWith("%")) return { ok: true, value: r.value / 100 };
  return { ok: true, value: r.value };
}

/** The schema's own refinement messages (settings.ts) → the catalog entry that says it to a user. */
const REFINEMENTS: Readonly<Record<string, MessageKey>> = {
  "the potential cut-off must be below the key-account cut-off": "settings.error.potentialBelowKey",
  "the weights must sum to 1": "settings.error.weightsSum",
  "the key cut-off must be below the strategic cut-off": "settings.error.keyBelowStrategic",
  "volume bands must rise: mid < high < top": "settings.error.volumeBands",
  "the AA cut-off must be below the AAA cut-off": "settings.error.aaBelowAaa",
  "A + B must not exceed 100 %": "settings.error.abcSum",
  "the sales break must not be below the sales unit": "settings.error.salesBreak",
  "the low end of a band must not be above its high end": "settings.error.band",
};

/** A zod issue message as a bilingual message, bounds shown in the field's unit. */
export function issueMessage(message: string, unit: FieldUnit): Msg {
  const known = REFINEMENTS[message];
  if (known) return msgOf(known);
  const bounded = (key: MessageKey, x: string): Msg => {
    const n = Number(x);
    const value = Number.isFinite(n) ? formatNumber(unit === "percent" ? n * 100 : n) : x;
    const en = translate("en", key, { bound: unit === "percent" ? `${value} %` : value });
    const zh = translate("zh", key, { bound: unit === "percent" ? `${value}%` : value });
    return { en, zh };
  };
  const small = /^Too small: expected number to be (>=?)(.+)$/.exec(message);
  if (small) return bounded(small[1] === ">" ? "settings.error.above" : "settings.error.atLeast", small[2]);
  const big = /^Too big: expected number to be (<=?)(.+)$/.exec(message);
  if (big) return bounded(big[1] === "<" ? "settings.error.below" : "settings.error.atMost", big[2]);
  if (/expected int/.test(message)) return msgOf("settings.error.whole");
  if (/expected number/.test(message)) return msgOf("settings.error.empty");
  return msgOf("settings.error.other", { message });
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
