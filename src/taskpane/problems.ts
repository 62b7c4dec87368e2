/**
 * What went wrong, as the pane shows it. Input problems (KamInputException) already name the
 * sheet, the column and the cell in both languages; Excel's own errors carry a code worth showing;
 * anything else is a bug and says so.
 */
import { KamInputException, type Msg } from "../domain/errors";
import { msgOf } from "../i18n";

export type ProblemKind = "input" | "excel" | "unexpected";

export interface Problem {
  readonly kind: ProblemKind;
  readonly msg: Msg;
  /** Whether anything had been written to the workbook when it happened. */
  readonly wrote: boolean;
}

/** The shape of an Office.js error (OfficeExtension.Error / "RichApi.Error"). */
interface OfficeErrorLike {
  readonly code: string;
  readonly message?: string;
  readonly debugInfo?: { readonly errorLocation?: string };
}

function isOfficeError(e: unknown): e is OfficeErrorLike {
  if (typeof e !== "object" || e === null) return false;
  const o = e as { code?: unknown; name?: unknown };
  return typeof o.code === "string" && (o.name === "RichApi.Error" || o.name === "OfficeExtension.Error" || "debugInfo" in o);
}

/** KamInputException, also when it comes from another copy of the module (a separately built chunk). */
function inputMessage(e: unknown): Msg | undefined {
  if (e instanceof KamInputException) return e.error.msg;
  const o = e as { name?: unknown; error?: { msg?: { en?: unknown; zh?: unknown } } } | null;
  if (o && o.name === "KamInputException" && typeof o.error?.msg?.en === "string" && typeof o.error.msg.zh === "string") {
    return { en: o.error.msg.en, zh: o.error.msg.zh };
  }
  return undefined;
}

/**
 * `writing`: whether the failing step was one that writes. An input problem never counts as a
 * partial write: the builders check all input, and the host checks what it needs (a template
 * sheet, a free name) in its read before its first write.
 */
export function problemOf(e: unknown, writing: boolean): Problem {
  const wrote = writing && inputMessage(e) === undefined;
  const input = inputMessage(e);
  if (input) return { kind: "input", msg: input, wrote };
  if (isOfficeError(e)) {
    const where = e.debugInfo?.errorLocation ? ` (${e.debugInfo.errorLocation})` : "";
    const text = e.message ? `: ${e.message}` : "";
    return {
      kind: "excel",
      msg: msgOf("problem.excel", { code: e.code, where, text }),
      wrote,
    };
  }
  const text = e instanceof Error ? e.message : String(e);
  return { kind: "unexpected", msg: msgOf("problem.unexpected", { text }), wrote };
}
