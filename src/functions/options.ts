/**
 * The option words some functions take (KAM.TIER's model, KAM.CREDITGRADE's output, KAM.PROFILE's
 * kind), accepted in English or Chinese like every other label.
 */
import { failWith, ok, type Msg, type Result } from "../domain/errors";
import { labelIndex, normalize, parseLabel, type ParseableLabel } from "../domain/labels";
import { unknownOption } from "./messages";

export type TierModel = "score" | "weighted";
export const TIER_MODEL_LABELS: Readonly<Record<TierModel, ParseableLabel>> = {
  score: { en: "score", zh: "评分", aliases: ["six criteria", "key-account score", "六项评分", "大客户评分"] },
  weighted: { en: "weighted", zh: "加权", aliases: ["weighted model", "加权模型", "多维加权"] },
};

export type CreditOutput = "grade" | "score" | "list";
export const CREDIT_OUTPUT_LABELS: Readonly<Record<CreditOutput, ParseableLabel>> = {
  grade: { en: "grade", zh: "等级", aliases: ["credit grade", "信用等级"] },
  score: { en: "score", zh: "分数", aliases: ["credit score", "得分", "信用分"] },
  list: { en: "list", zh: "名单", aliases: ["colour", "color", "颜色"] },
};

export type ProfileKind = "external" | "internal";
export const PROFILE_KIND_LABELS: Readonly<Record<ProfileKind, ParseableLabel>> = {
  external: { en: "external", zh: "外部", aliases: ["external profile", "外部画像"] },
  internal: { en: "internal", zh: "内部", aliases: ["internal profile", "内部画像"] },
};

export interface OptionSpec<K extends string> {
  readonly arg: Msg;
  readonly labels: Readonly<Record<K, ParseableLabel>>;
  readonly index: ReadonlyMap<string, K>;
  readonly fallback: K;
}

export function optionSpec<K extends string>(arg: Msg, labels: Readonly<Record<K, ParseableLabel>>, fallback: K): OptionSpec<K> {
  return { arg, labels, index: labelIndex(labels), fallback };
}

/** `"score" (评分) or "weighted" (加权)` — what the user may type, both spellings. */
function expected<K extends string>(labels: Readonly<Record<K, ParseableLabel>>): Msg {
  const keys = Object.keys(labels) as K[];
  const en = keys.map((k) => `"${labels[k].en}"`);
  const zh = keys.map((k) => `"${labels[k].en}"（${labels[k].zh}）`);
  const join = (parts: string[], or: string, sep: string) =>
    parts.length <= 1 ? parts.join("") : `${parts.slice(0, -1).join(sep)}${or}${parts[parts.length - 1]}`;
  return { en: join(en, " or ", ", "), zh: join(zh, " 或 ", "、") };
}

/**
 * The option the user chose. Left out, blank, or 0 (what Excel desktop passes for an empty cell,
 * EXCEL-BEHAVIOUR §12 — never a valid option word) → the default.
 */
export function parseOption<K extends string>(v: unknown, spec: OptionSpec<K>): Result<K> {
  if (v === undefined || v === null || v === 0 || (typeof v === "string" && normalize(v) === "")) return ok(spec.fallback);
  const key = parseLabel(v, spec.index);
  if (key !== undefined) return ok(key);
  return failWith(unknownOption(spec.arg, v, expected(spec.labels)));
}
