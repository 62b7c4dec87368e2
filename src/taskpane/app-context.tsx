/** What every flow may need from the shell: the workbook's settings and a way to switch flows. */
import { createContext, useContext } from "react";
import type { Flow } from "../commands/navigation";
import { DEFAULT_SETTINGS, type Settings } from "../domain/settings";

export interface AppContextValue {
  /** The settings stored in the workbook (the SPEC defaults when it has none). */
  readonly settings: Settings;
  /** After the settings flow saved new ones. */
  readonly settingsSaved: (s: Settings) => void;
  readonly go: (flow: Flow) => void;
}

export const AppContext = createContext<AppContextValue>({
  settings: DEFAULT_SETTINGS,
  settingsSaved: () => undefined,
  go: () => undefined,
});

export function useApp(): AppContextValue {
  return useContext(AppContext);
}
