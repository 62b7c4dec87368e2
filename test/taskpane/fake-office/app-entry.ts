/**
 * The test build's module entry: the same modules, in the same order, as the runtime page webpack
 * writes (taskpane.html: commands, then the deferred task pane). The custom functions are left
 * out; the pane reaches their settings cache through src/functions/settings-source.ts.
 */
import "../../../src/commands/commands";
import "../../../src/taskpane/index";
