/**
 * The ribbon buttons and the way their requests reach the task pane: a click before the pane is
 * open must not be lost, a click while it is open must arrive at once, and Excel must always hear
 * that the command completed.
 */
import fc from "fast-check";
import { COMMANDS, OPEN_COMMANDS, openHandler, registerCommands, type OpenCommandName } from "../../src/commands/commands";
import {
  FLOWS,
  FLOW_LABELS,
  isFlow,
  onFlowRequest,
  pendingFlowRequest,
  requestFlow,
  type Flow,
  type FlowRequest,
} from "../../src/commands/navigation";

/** Subscribing takes any request still waiting, so every test starts with none. */
beforeEach(() => onFlowRequest(() => undefined)());

describe("flow requests", () => {
  test("a click before the pane is open waits, and the pane gets it when it subscribes", () => {
    requestFlow("credit");
    expect(pendingFlowRequest()?.flow).toBe("credit");
    const seen: FlowRequest[] = [];
    const stop = onFlowRequest((r) => seen.push(r));
    expect(seen.map((r) => r.flow)).toEqual(["credit"]);
    expect(pendingFlowRequest()).toBeUndefined();
    stop();
  });

  test("only the last of several early clicks waits", () => {
    requestFlow("abc");
    requestFlow("score");
    requestFlow("cards", "ribbon");
    const seen: Flow[] = [];
    onFlowRequest((r) => seen.push(r.flow))();
    expect(seen).toEqual(["cards"]);
  });

  test("with the pane open, every click arrives at once and nothing is left waiting", () => {
    const seen: FlowRequest[] = [];
    const stop = onFlowRequest((r) => seen.push(r));
    requestFlow("profiles");
    requestFlow("abc", "selection");
    expect(seen.map((r) => [r.flow, r.source])).toEqual([
      ["profiles", "ribbon"],
      ["abc", "selection"],
    ]);
    expect(pendingFlowRequest()).toBeUndefined();
    stop();
  });

  test("after unsubscribing, a pane hears nothing more and the request waits again", () => {
    const seen: Flow[] = [];
    onFlowRequest((r) => seen.push(r.flow))();
    requestFlow("settings");
    expect(seen).toEqual([]);
    expect(pendingFlowRequest()?.flow).toBe("settings");
  });

  test("a listener that unsubscribes while being called does not stop the others", () => {
    const seen: string[] = [];
    const stopFirst = onFlowRequest(() => {
      seen.push("first");
      stopFirst();
    });
    const stopSecond = onFlowRequest(() => seen.push("second"));
    requestFlow("abc");
    requestFlow("abc");
    expect(seen).toEqual(["first", "second", "second"]);
    stopSecond();
  });

  test("property: whatever is clicked before the pane opens, it shows the last click, numbered after all earlier ones", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...FLOWS), fc.constantFrom("ribbon" as const, "selection" as const)), { minLength: 1, maxLength: 20 }),
        (clicks) => {
          const made = clicks.map(([flow, source]) => requestFlow(flow, source));
          const seen: FlowRequest[] = [];
          onFlowRequest((r) => seen.push(r))();
          expect(seen).toEqual([made[made.length - 1]]);
          for (let i = 1; i < made.length; i++) expect(made[i].seq).toBeGreaterThan(made[i - 1].seq);
        },
      ),
    );
  });

  test("every flow has a label in English and in Chinese", () => {
    for (const flow of FLOWS) {
      expect(FLOW_LABELS[flow].en).toMatch(/\S/);
      expect(FLOW_LABELS[flow].zh).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(isFlow("abc")).toBe(true);
    expect(isFlow("ABC")).toBe(false);
    expect(isFlow(undefined)).toBe(false);
  });
});

describe("ribbon commands", () => {
  const event = () => {
    const e = { completions: 0, completed: () => void e.completions++ };
    return e;
  };

  test("each open button asks for its flow, shows the pane and completes", async () => {
    for (const name of Object.keys(OPEN_COMMANDS) as OpenCommandName[]) {
      const seen: FlowRequest[] = [];
      const stop = onFlowRequest((r) => seen.push(r));
      const e = event();
      let shown = 0;
      try {
        await openHandler(name, async () => void shown++)(e);
      } finally {
        stop();
      }
      expect([name, seen.map((r) => [r.flow, r.source]), shown, e.completions]).toEqual([
        name,
        [[OPEN_COMMANDS[name].flow, "ribbon"]],
        1,
        1,
      ]);
    }
  });

  test("when the pane cannot be shown, Excel still hears the command completed and the request waits", async () => {
    const error = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const e = event();
    try {
      await openHandler("openCredit", async () => {
        throw new Error("showAsTaskpane is not supported here");
      })(e);
      expect(error).toHaveBeenCalledTimes(1);
    } finally {
      error.mockRestore();
    }
    expect(e.completions).toBe(1);
    expect(pendingFlowRequest()?.flow).toBe("credit");
  });

  test("registerCommands associates every ribbon command with Office, and does nothing outside Office", async () => {
    expect(registerCommands()).toBe(0); // jest has no Office global
    const associated = new Map<string, (e: { completed(): void }) => Promise<void>>();
    let shown = 0;
    const g = globalThis as Record<string, unknown>;
    g.Office = {
      actions: { associate: (name: string, fn: (e: { completed(): void }) => Promise<void>) => associated.set(name, fn) },
      addin: { showAsTaskpane: async () => void shown++ },
    };
    try {
      expect(registerCommands()).toBe(Object.keys(COMMANDS).length);
      expect([...associated.keys()].sort()).toEqual(Object.keys(COMMANDS).sort());
      const e = event();
      await associated.get("openStakeholders")!(e);
      expect([shown, e.completions, pendingFlowRequest()?.flow]).toEqual([1, 1, "stakeholders"]);
    } finally {
      delete g.Office;
    }
  });
});
