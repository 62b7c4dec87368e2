/**
 * One input-error type for the whole engine. Every failure a user can cause carries a stable
 * `code`, a `kind` that decides how Excel shows it, and a message in both languages.
 *  - kind "invalid" → #VALUE! (wrong type, unknown label, number out of range)
 *  - kind "missing" → #N/A (a value the rule needs is blank)
 */
export type Lang = "en" | "zh";

export interface Msg {
  en: string;
  zh: string;
}

export type ErrorKind = "invalid" | "missing";

export interface KamError {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly msg: Msg;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: KamError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function kamError(code: string, kind: ErrorKind, en: string, zh: string): KamError {
  return { code, kind, msg: { en, zh } };
}

export function fail<T = never>(code: string, kind: ErrorKind, en: string, zh: string): Result<T> {
  return { ok: false, error: kamError(code, kind, en, zh) };
}

export function failWith<T = never>(error: KamError): Result<T> {
  return { ok: false, error };
}

export function message(error: KamError, lang: Lang): string {
  return error.msg[lang];
}

/** Prefix an error with where it happened, e.g. "row 7: " / "第 7 行：". */
export function atRow(error: KamError, row: number): KamError {
  return { ...error, msg: { en: `row ${row}: ${error.msg.en}`, zh: `第 ${row} 行：${error.msg.zh}` } };
}

/** Prefix an error with a free-form location in both languages (a cell, a column, a sheet). */
export function at(error: KamError, where: Msg): KamError {
  return { ...error, msg: { en: `${where.en}: ${error.msg.en}`, zh: `${where.zh}：${error.msg.zh}` } };
}

/** An error that can be thrown across layers (hosts, CLI) and still carries both languages. */
export class KamInputException extends Error {
  constructor(readonly error: KamError) {
    super(error.msg.en);
    this.name = "KamInputException";
  }
}
