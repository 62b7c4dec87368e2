/**
 * Errors of the Excel double, shaped like the ones Office.js raises at runtime
 * (EXCEL-BEHAVIOUR §1: name "RichApi.Error", `code`, `debugInfo.errorLocation`, `httpStatusCode`).
 */
export type ErrorCode =
  | "InvalidArgument"
  | "InvalidReference"
  | "InvalidOperation"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "GeneralException"
  | "NotImplemented"
  | "ApiNotFound"
  | "PropertyNotLoaded"
  | "ValueNotLoaded"
  | "InvalidObjectPath"
  | "InvalidRequestContext"
  | "InvalidSelection"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "MergedRangeConflict"
  | "EmptyChartSeries"
  | "UndoNotSupported";

export interface DebugInfo {
  readonly code: string;
  readonly message: string;
  readonly errorLocation: string;
  readonly statement?: string;
  readonly surroundingStatements?: readonly string[];
}

const HTTP: Partial<Record<ErrorCode, number>> = {
  InvalidArgument: 400,
  ItemNotFound: 404,
  ItemAlreadyExists: 409,
  ApiNotFound: 404,
  RequestPayloadSizeLimitExceeded: 413,
  ResponsePayloadSizeLimitExceeded: 413,
  NotImplemented: 501,
};

export class RichApiError extends Error {
  readonly code: ErrorCode;
  readonly debugInfo: DebugInfo;
  readonly httpStatusCode: number;

  constructor(code: ErrorCode, message: string, errorLocation: string, statement?: string, surrounding?: readonly string[]) {
    super(message);
    // The runtime name, not the documented "OfficeExtension.Error" (oj#6964).
    this.name = "RichApi.Error";
    this.code = code;
    this.httpStatusCode = HTTP[code] ?? 500;
    this.debugInfo = { code, message, errorLocation, statement, surroundingStatements: surrounding };
  }

  /** The same error, told which statement of the batch failed. */
  at(statement: string, surrounding: readonly string[]): RichApiError {
    return new RichApiError(this.code, this.message, this.debugInfo.errorLocation, statement, surrounding);
  }
}

export function apiError(code: ErrorCode, message: string, location: string): RichApiError {
  return new RichApiError(code, message, location);
}

export function notLoaded(type: string, prop: string): RichApiError {
  return new RichApiError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${type}.${prop}`,
  );
}
