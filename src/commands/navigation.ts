/**
 * What the ribbon asks the task pane to show. A ribbon button runs in the shared runtime whether
 * or not the pane is open, so a request waits here until the pane subscribes, and reaches it at
 * once when it already has. webpack's `dependOn` gives the page one instance of this module for
 * the commands and the task pane entries (see webpack.config.js).
 */
import type { Label } from "../domain/labels";
import { mailbox } from "./mailbox";

export const FLOWS = ["abc", "score", "credit", "profiles", "stakeholders", "cards", "settings"] as const;
export type Flow = (typeof FLOWS)[number];

export const FLOW_LABELS: Readonly<Record<Flow, Label>> = {
  abc: { en: "ABC analysis", zh: "ABC 分析" },
  score: { en: "Account score", zh: "大客户评分" },
  credit: { en: "Credit grade", zh: "信用等级" },
  profiles: { en: "Profiles", zh: "客户画像" },
  stakeholders: { en: "Stakeholders", zh: "人员画像" },
  cards: { en: "Account cards", zh: "客户档案卡" },
  settings: { en: "Settings", zh: "设置" },
};

/** "selection": the flow should start from the cells selected when the button was pressed. */
export type FlowSource = "ribbon" | "selection";

export interface FlowRequest {
  readonly flow: Flow;
  readonly source: FlowSource;
  /** Increases with every request, so a pane can tell a repeated click from a stale one. */
  readonly seq: number;
}

export type FlowListener = (request: FlowRequest) => void;

let seq = 0;
const requests = mailbox<FlowRequest>();

export function isFlow(value: unknown): value is Flow {
  return typeof value === "string" && (FLOWS as readonly string[]).includes(value);
}

/** Ask for `flow`; delivered to every listener, or kept (the latest only) until one subscribes. */
export function requestFlow(flow: Flow, source: FlowSource = "ribbon"): FlowRequest {
  const request: FlowRequest = { flow, source, seq: ++seq };
  requests.post(request);
  return request;
}

/**
 * Subscribe to requests. A request made before anyone listened is delivered to the first
 * subscriber right away. Returns the function that unsubscribes.
 */
export function onFlowRequest(listener: FlowListener): () => void {
  return requests.listen(listener);
}

/** The request still waiting for a listener, if any (without taking it). */
export function pendingFlowRequest(): FlowRequest | undefined {
  return requests.pending();
}
