/**
 * What a ribbon command that works without the pane ("ABC of selection") wants the pane to show:
 * the problem that stopped it, or the sheet it wrote. Like the flow requests in navigation.ts, the
 * latest outcome waits until the pane listens (the pane may open only because of it).
 */
import type { AbcRow } from "../domain/abc";
import type { AbcSummary } from "../reports/abc";
import type { Problem } from "./problems";
import { mailbox } from "../commands/mailbox";

export type CommandOutcome =
  | { readonly kind: "problem"; readonly problem: Problem; readonly seq: number }
  | { readonly kind: "done"; readonly sheet: string; readonly summary: AbcSummary; readonly ranked: readonly AbcRow[]; readonly seq: number };

type Listener = (o: CommandOutcome) => void;

let seq = 0;
const outcomes = mailbox<CommandOutcome>();

export function postOutcome(
  o: { kind: "problem"; problem: Problem } | { kind: "done"; sheet: string; summary: AbcSummary; ranked: readonly AbcRow[] },
): CommandOutcome {
  const outcome = { ...o, seq: ++seq } as CommandOutcome;
  outcomes.post(outcome);
  return outcome;
}

export function onOutcome(listener: Listener): () => void {
  return outcomes.listen(listener);
}

export function hasListener(): boolean {
  return outcomes.hasListener();
}
