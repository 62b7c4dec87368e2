/**
 * The manifest, checked offline: what Excel and the Microsoft 365 admin center read before any of
 * the add-in's code runs. A mistake here shows up as an add-in that silently does not load.
 */
import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import { COMMANDS } from "../../src/commands/commands";
import {
  DEV_ORIGIN,
  DIST,
  ROOT,
  child,
  children,
  findAll,
  manifestUrls,
  parseXml,
  readDist,
  readPng,
  type XmlElement,
} from "./dist";

const SOURCE = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const manifest = parseXml(SOURCE);
const HAN = /[\u4e00-\u9fff]/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function one(el: XmlElement, name: string): XmlElement {
  const found = findAll(el, name);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0];
}

const resources = one(manifest, "Resources");
/** resid → the resource element, for every resource kind. */
const byId = new Map<string, XmlElement>();
for (const group of resources.children) {
  for (const r of group.children) {
    if (byId.has(r.attrs.id)) throw new Error(`resource id ${r.attrs.id} is defined twice`);
    byId.set(r.attrs.id, r);
  }
}
function allElements(el: XmlElement): XmlElement[] {
  return [el, ...el.children.flatMap(allElements)];
}
const ELEMENTS = allElements(manifest);
const referenced = ELEMENTS.filter((e) => e.attrs.resid !== undefined);

function declaredSets(): Map<string, string> {
  const sets = new Map<string, string>();
  for (const s of findAll(one(manifest, "Requirements"), "Set")) sets.set(s.attrs.Name, s.attrs.MinVersion);
  return sets;
}

const versionAtLeast = (v: string, min: string) => {
  const a = v.split(".").map(Number);
  const b = min.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
};

describe("manifest.xml", () => {
  test("is a task pane add-in manifest with one GUID <Id>", () => {
    expect(manifest.name).toBe("OfficeApp");
    expect(manifest.attrs["xsi:type"]).toBe("TaskPaneApp");
    const ids = children(manifest, "Id");
    expect(ids).toHaveLength(1);
    expect(ids[0].text.trim()).toMatch(GUID);
    expect(child(manifest, "Version")?.text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  test("asks for ReadWriteDocument and nothing more, in Excel workbooks only", () => {
    const permissions = findAll(manifest, "Permissions");
    expect(permissions.map((p) => p.text.trim())).toEqual(["ReadWriteDocument"]);
    expect(children(child(manifest, "Hosts")!, "Host").map((h) => h.attrs.Name)).toEqual(["Workbook"]);
    expect(findAll(one(manifest, "VersionOverrides"), "Host").map((h) => h.attrs["xsi:type"])).toEqual(["Workbook"]);
  });

  test("declares the shared runtime, custom functions with errors in arrays, and an ExcelApi level", () => {
    const sets = declaredSets();
    expect(sets.get("SharedRuntime")).toBe("1.1");
    expect(versionAtLeast(sets.get("CustomFunctionsRuntime") ?? "0", "1.2")).toBe(true);
    expect(sets.get("ExcelApi")).toMatch(/^1\.\d+$/);
  });

  test("README lists the minimum Excel versions of exactly the declared requirement sets", () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const rows = [...readme.matchAll(/^\| *([A-Za-z]+) (\d+\.\d+) *\|/gm)].map((m) => [m[1], m[2]]);
    expect(new Map(rows as [string, string][])).toEqual(declaredSets());
  });

  test("runs the task pane, the ribbon and the custom functions in one long-lived runtime", () => {
    const runtimes = findAll(manifest, "Runtime");
    expect(runtimes.map((r) => [r.attrs.resid, r.attrs.lifetime])).toEqual([["Taskpane.Url", "long"]]);
    // The shared runtime loads only if every part names the same resid.
    const cf = findAll(manifest, "ExtensionPoint").find((e) => e.attrs["xsi:type"] === "CustomFunctions");
    expect(cf).toBeDefined();
    expect(child(child(cf!, "Page")!, "SourceLocation")?.attrs.resid).toBe("Taskpane.Url");
    expect(one(manifest, "FunctionFile").attrs.resid).toBe("Taskpane.Url");
    expect(one(manifest, "DefaultSettings").children[0].attrs.DefaultValue).toBe(byId.get("Taskpane.Url")?.attrs.DefaultValue);
    const panes = findAll(manifest, "Action").filter((a) => a.attrs["xsi:type"] === "ShowTaskpane");
    expect(panes.length).toBeGreaterThan(0);
    for (const a of panes) {
      expect(child(a, "TaskpaneId")?.text).toBe("KAM.Taskpane");
      expect(child(a, "SourceLocation")?.attrs.resid).toBe("Taskpane.Url");
    }
  });

  test("custom functions: namespace KAM, metadata with a Chinese override", () => {
    const cf = findAll(manifest, "ExtensionPoint").find((e) => e.attrs["xsi:type"] === "CustomFunctions")!;
    const namespace = byId.get(child(cf, "Namespace")!.attrs.resid)!;
    expect(namespace.attrs.DefaultValue).toBe("KAM");
    expect(children(namespace, "bt:Override")).toEqual([]); // formulas read the same in every language
    const metadata = byId.get(child(child(cf, "Metadata")!, "SourceLocation")!.attrs.resid)!;
    expect(metadata.attrs.DefaultValue).toBe(`${DEV_ORIGIN}functions.json`);
    expect(children(metadata, "bt:Override").map((o) => [o.attrs.Locale, o.attrs.Value])).toEqual([
      ["zh-CN", `${DEV_ORIGIN}functions.zh-CN.json`],
    ]);
  });

  test('a custom "KAM" tab (大客户 in Chinese) with a button that opens the task pane', () => {
    const tabs = findAll(manifest, "CustomTab");
    expect(tabs).toHaveLength(1);
    const label = byId.get(child(tabs[0], "Label")!.attrs.resid)!;
    expect(label.attrs.DefaultValue).toBe("KAM");
    expect(children(label, "bt:Override").map((o) => [o.attrs.Locale, o.attrs.Value])).toEqual([["zh-CN", "大客户"]]);
    const buttons = findAll(tabs[0], "Control");
    expect(buttons.some((b) => child(b, "Action")?.attrs["xsi:type"] === "ShowTaskpane")).toBe(true);
  });

  test("every ribbon function is registered by src/commands/commands.ts, and every command is on the ribbon", () => {
    const names = findAll(manifest, "FunctionName").map((f) => f.text.trim());
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(Object.keys(COMMANDS).sort());
  });

  test("every text Excel shows has a Simplified Chinese version", () => {
    for (const name of ["DisplayName", "Description"]) {
      const el = child(manifest, name)!;
      expect(children(el, "Override").map((o) => [o.attrs.Locale, HAN.test(o.attrs.Value)])).toEqual([["zh-CN", true]]);
    }
    const strings = [...byId.values()].filter((r) => r.name === "bt:String" && r.attrs.id !== "Functions.Namespace");
    expect(strings.length).toBeGreaterThan(10);
    for (const s of strings) {
      const zh = children(s, "bt:Override").find((o) => o.attrs.Locale === "zh-CN");
      expect([s.attrs.id, HAN.test(zh?.attrs.Value ?? "")]).toEqual([s.attrs.id, true]);
    }
  });

  test("every resid is defined, every resource is used, and ids and strings fit Office's limits", () => {
    for (const r of referenced) expect([r.attrs.resid, byId.has(r.attrs.resid)]).toEqual([r.attrs.resid, true]);
    const used = new Set(referenced.map((r) => r.attrs.resid));
    for (const id of byId.keys()) expect([id, used.has(id)]).toEqual([id, true]);
    for (const id of used) expect(id.length).toBeLessThanOrEqual(32);
    const limit = (kind: string, max: number) => {
      for (const s of children(one(manifest, kind), "bt:String")) {
        for (const text of [s.attrs.DefaultValue, ...children(s, "bt:Override").map((o) => o.attrs.Value)]) {
          expect([s.attrs.id, text.length <= max]).toEqual([s.attrs.id, true]);
        }
      }
    };
    limit("bt:ShortStrings", 125);
    limit("bt:LongStrings", 250);
    const controlIds = ELEMENTS.filter((e) => ["Control", "Group", "CustomTab"].includes(e.name)).map((e) => e.attrs.id);
    expect(new Set(controlIds).size).toBe(controlIds.length);
  });

  test("every URL points at the dev server, so one prefix rewrite moves the add-in to another host", () => {
    const urls = manifestUrls(manifest);
    expect(urls.length).toBeGreaterThan(10);
    for (const u of urls) expect(u.startsWith(DEV_ORIGIN)).toBe(true);
  });

  test("scripts/make-icons.js still draws exactly the committed icons", () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, "scripts/make-icons.js"), "--check"], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});

describe("the manifest in dist/ (production build)", () => {
  const built = readDist("manifest.xml").toString("utf8");

  test("is manifest.xml itself when no --env url is given", () => {
    expect(built).toBe(SOURCE);
  });

  test("every URL it names is a file in dist/", () => {
    for (const url of manifestUrls(parseXml(built))) {
      const file = path.join(DIST, ...url.slice(DEV_ORIGIN.length).split("?")[0].split("/"));
      expect([url, fs.existsSync(file)]).toEqual([url, true]);
    }
  });

  test("every icon is a PNG of the size the manifest uses it at", () => {
    const sizes = new Map<string, Set<number>>(); // url → the sizes it is used at
    const use = (url: string | undefined, size: number) => {
      if (url === undefined) throw new Error("an icon reference points at no URL");
      sizes.set(url, (sizes.get(url) ?? new Set()).add(size));
    };
    use(one(manifest, "IconUrl").attrs.DefaultValue, 32);
    use(one(manifest, "HighResolutionIconUrl").attrs.DefaultValue, 64);
    for (const img of findAll(manifest, "bt:Image").filter((i) => i.attrs.resid !== undefined)) {
      use(byId.get(img.attrs.resid)?.attrs.DefaultValue, Number(img.attrs.size));
    }
    expect(sizes.size).toBeGreaterThan(20);
    for (const [url, at] of sizes) {
      expect([url, [...at]]).toEqual([url, [expect.any(Number)]]); // one file, one size
      const png = readPng(readDist(url.slice(DEV_ORIGIN.length)));
      expect([url, png.width, png.height]).toEqual([url, [...at][0], [...at][0]]);
      expect(png.opaquePixels).toBeGreaterThan(png.width); // a glyph, not an empty square
    }
  });
});
