/**
 * The ribbon's ExecuteFunction buttons (manifest.xml, <FunctionName>). They run in the shared
 * runtime, the same JavaScript context as the task pane and the custom functions.
 *  - The "open" buttons ask the pane for a flow (navigation.ts) and show the pane.
 *  - "ABC of selection" runs the ABC report on the selection with the workbook's settings without
 *    opening the pane; only a problem opens it, on the ABC flow, with the message.
 * "Open KAM" needs no code (it is a ShowTaskpane button).
 */
import { DEFAULT_SETTINGS } from "../domain/settings";
import { runAbc } from "../taskpane/abc-run";
import { hasListener, postOutcome } from "../taskpane/command-outcome";
import { problemOf } from "../taskpane/problems";
import { detect } from "../taskpane/source-columns";
import { loadSettings, readSelection } from "../taskpane/workbook";
import { requestFlow, type Flow, type FlowSource } from "./navigation";

/** Every "open" ExecuteFunction name in manifest.xml, with the flow it opens. */
export const OPEN_COMMANDS = {
  openAbc: { flow: "abc", source: "ribbon" },
  openScore: { flow: "score", source: "ribbon" },
  openCredit: { flow: "credit", source: "ribbon" },
  openProfiles: { flow: "profiles", source: "ribbon" },
  openStakeholders: { flow: "stakeholders", source: "ribbon" },
  openCards: { flow: "cards", source: "ribbon" },
  openSettings: { flow: "settings", source: "ribbon" },
} as const satisfies Record<string, { flow: Flow; source: FlowSource }>;

export type OpenCommandName = keyof typeof OPEN_COMMANDS;
export type CommandName = OpenCommandName | "abcOfSelection";

/** Every ExecuteFunction name in manifest.xml, with the flow it opens (or reports to). */
export const COMMANDS: Readonly<Record<CommandName, { readonly flow: Flow; readonly source: FlowSource }>> = {
  ...OPEN_COMMANDS,
  abcOfSelection: { flow: "abc", source: "selection" },
};

/** The part of Office.AddinCommands.Event a handler uses. */
export interface CommandEvent {
  completed(): void;
}

/**
 * The handler of an "open" button. Excel waits for `completed()` before it accepts another click
 * on an ExecuteFunction button, so it is called on every path, also when the pane cannot be shown.
 */
export function openHandler(name: OpenCommandName, showPane: () => Promise<void>): (event: CommandEvent) => Promise<void> {
  const { flow, source } = OPEN_COMMANDS[name];
  return async (event) => {
    requestFlow(flow, source);
    try {
      await showPane();
    } catch (err) {
      // Nowhere to show a message without the pane; the request stays for when it opens.
      console.error(`KAM: could not show the task pane for ${name} · 无法打开任务窗格`, err);
    } finally {
      event.completed();
    }
  };
}

/**
 * "ABC of selection": read the selection (or its table or region), detect the customer and sales
 * columns, build and write the ABC report with the workbook's settings. Any problem (no customer
 * column, text in an amount cell, Excel refusing) is posted for the pane, which is then opened on
 * the ABC flow to show it. When the pane is already open, the result is shown there too.
 */
export function abcOfSelectionHandler(showPane: () => Promise<void>): (event: CommandEvent) => Promise<void> {
  return async (event) => {
    let wrote = false;
    try {
      const loaded = await loadSettings().catch(() => ({ settings: DEFAULT_SETTINGS }));
      const read = await readSelection();
      const columns = detect(read.source, ["customer", "amount"]);
      wrote = true;
      const done = await runAbc(read, "sales", columns, loaded.settings);
      if (hasListener()) postOutcome({ kind: "done", sheet: done.rendered.activated ?? done.rendered.sheets[0]?.name ?? "", summary: done.summary, ranked: done.ranked });
    } catch (err) {
      const problem = problemOf(err, wrote);
      postOutcome({ kind: "problem", problem });
      requestFlow("abc", "selection");
      try {
        await showPane();
      } catch (paneErr) {
        console.error("KAM: could not show the task pane for abcOfSelection · 无法打开任务窗格", paneErr);
      }
    } finally {
      event.completed();
    }
  };
}

/** Register every handler with Office; returns how many (0 outside Office, e.g. under jest). */
export function registerCommands(): number {
  if (typeof Office === "undefined" || !Office.actions || typeof Office.actions.associate !== "function") return 0;
  const showPane = () => Office.addin.showAsTaskpane();
  const names = Object.keys(OPEN_COMMANDS) as OpenCommandName[];
  for (const name of names) Office.actions.associate(name, openHandler(name, showPane));
  Office.actions.associate("abcOfSelection", abcOfSelectionHandler(showPane));
  return names.length + 1;
}

registerCommands();
