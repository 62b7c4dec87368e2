/**
 * What a ribbon command that works without the pane ("ABC of selection") wants the pane to show:
 * the problem that stopped it, or the sheet it wrote. Like the flow requests in navigation.ts, the
 * latest outcome waits until the pane listens (the pane may open only because of it).
 */
import type { AbcRow } from "../domain/abc";
import type { AbcSummary } from "../reports/abc";
import type { Problem } from "./problems";

export type CommandOutcome =
  | { readonly kind: "problem"; readonly problem: Problem; readonly seq: number }
  | { readonly kind: "done"; readonly sheet: string; readonly summary: AbcSummary; readonly ranked: readonly AbcRow[]; readonly seq: number };

type Listener = (o: CommandOutcome) => void;

let seq = 0;
let pending: CommandOutcome | undefined;
const listeners = new Set<Listener>();

export function postOutcome(
  o: { kind: "problem"; problem: Problem } | { kind: "done"; sheet: string; summary: AbcSummary; ranked: readonly AbcRow[] },
): CommandOutcome {
  const outcome = { ...o, seq: ++seq } as CommandOutcome;
  if (listeners.size === 0) pending = outcome;
  else {
    pending = undefined;
    for (const l of [...listeners]) l(outcome);
  }
  return outcome;
}

export function onOutcome(listener: Listener): () => void {
  listeners.add(listener);
  if (pending !== undefined) {
    const waiting = pending;
    pending = undefined;
    listener(waiting);
  }
  return () => {
    listeners.delete(listener);
  };
}

export function hasListener(): boolean {
  return listeners.size > 0;
}
