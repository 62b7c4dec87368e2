/**
 * The client half of the double: proxies that queue commands, and a request context whose sync()
 * applies them to the model in one batch (EXCEL-BEHAVIOUR §1, rules 1–5, 13, 16, 17).
 */
import { RichApiError, apiError, notLoaded } from "./errors";
import type { WorkbookModel, WriteRecord } from "./model";

export const NULL = Symbol("null object");
export type Res<E> = E | typeof NULL;

/** How a command affects the user's undo stack (PR excel-add-ins-undo-capabilities.md). */
export type UndoClass = "read" | "undoable" | "never" | "notOnDesktop" | "notOnWeb";

export interface LoadOutput {
  readonly data: unknown;
  readonly apply: () => void;
}

/** What the machinery needs of any proxy, whatever entity it stands for. */
export interface AnyProxy {
  readonly _id: number;
  _tracked: boolean;
  readonly context: RequestContextDouble;
  _isNull: boolean | undefined;
  _resolve(): unknown;
  _checkTree(tree: LoadTree): void;
  _snap(tree: LoadTree): Snap;
  _apply(snap: Snap): void;
}

export interface Command {
  readonly location: string;
  readonly payload: unknown;
  readonly undo: UndoClass;
  readonly target: AnyProxy | null;
  exec(): LoadOutput | void;
}

export interface SyncRecord {
  readonly index: number;
  readonly commands: number;
  readonly requestBytes: number;
  responseBytes: number;
  writes: WriteRecord[];
  calculationSuspended: boolean;
  screenUpdatingSuspended: boolean;
  mergeUndoGroup: boolean;
  failed?: string;
}

export interface DoubleConfig {
  /** Highest ExcelApi requirement set the simulated Excel supports, e.g. "1.20". */
  apiVersion: string;
  /** Payload limits apply on the web only; non-undoable APIs differ by platform. */
  platform: "web" | "desktop";
  /** Request and response payload limit in bytes (Excel on the web: 5 MB). */
  payloadLimit: number;
  /** Reads above this many cells return null (EXCEL-BEHAVIOUR §9). */
  cellReadLimit: number;
  /**
   * What a failing command leaves behind (unconfirmed in Office.js, so configurable):
   * "keepEarlier" — commands before it stay applied, later ones are skipped;
   * "rollback" — nothing of the batch stays applied.
   */
  failureMode: "keepEarlier" | "rollback";
}

export interface InjectedFailure {
  readonly when: (location: string, index: number) => boolean;
  readonly code: RichApiError["code"];
  readonly message: string;
}

/** What the context needs from the double that owns it. */
export interface Host {
  readonly model: WorkbookModel;
  readonly config: DoubleConfig;
  readonly syncs: SyncRecord[];
  undo: { records: number; cleared: number };
  failures: InjectedFailure[];
  gate(location: string, version: string): void;
  snapshot(): () => void;
  readonly ownerOf: WeakMap<object, RequestContextDouble>;
}

export function versionAtLeast(have: string, need: string): boolean {
  const [a1, a2] = have.split(".").map(Number);
  const [b1, b2] = need.split(".").map(Number);
  return a1 > b1 || (a1 === b1 && a2 >= b2);
}

export class RequestContextDouble {
  queue: Command[] = [];
  closed = false;
  groupWrote = false;
  private calcSuspended = false;
  private screenSuspended = false;
  private nextObject = 1;
  readonly trackedObjects = {
    add: (o: AnyProxy | AnyProxy[]): void => {
      for (const p of Array.isArray(o) ? o : [o]) p._tracked = true;
    },
    remove: (o: AnyProxy | AnyProxy[]): void => {
      for (const p of Array.isArray(o) ? o : [o]) p._tracked = false;
    },
  };
  /** Set by the Workbook proxy module (avoids an import cycle). */
  workbook!: unknown;
  application!: unknown;

  constructor(
    readonly host: Host,
    readonly mergeUndoGroup: boolean,
  ) {}

  objectId(): number {
    return this.nextObject++;
  }

  enqueue(cmd: Command): void {
    this.queue.push(cmd);
  }

  suspendCalculation(): void {
    this.calcSuspended = true;
  }

  suspendScreen(): void {
    this.screenSuspended = true;
  }

  /** A proxy created by another context may not be used here (LIB: InvalidRequestContext, thrown at once). */
  own(p: unknown, location: string): void {
    if (p instanceof ProxyBase && p.context !== this) {
      throw apiError("InvalidRequestContext", "Cannot use the object across different request contexts.", location);
    }
  }

  async sync(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    const calc = this.calcSuspended;
    const screen = this.screenSuspended;
    this.calcSuspended = false;
    this.screenSuspended = false;
    // An empty batch makes no round trip.
    if (batch.length === 0) return;
    const { host } = this;
    const { model, config } = host;
    const requestBytes = jsonBytes(batch.map((c) => [c.location, c.payload]));
    const record: SyncRecord = {
      index: host.syncs.length,
      commands: batch.length,
      requestBytes,
      responseBytes: 0,
      writes: [],
      calculationSuspended: calc,
      screenUpdatingSuspended: screen,
      mergeUndoGroup: this.mergeUndoGroup,
    };
    host.syncs.push(record);
    await Promise.resolve();

    if (this.closed) {
      const stale = batch.find((c) => c.target && !c.target._tracked);
      if (stale) {
        record.failed = "InvalidObjectPath";
        throw apiError("InvalidObjectPath", "The object path isn't working for what you're trying to do. If you're using the object across multiple \"context.sync\" calls and outside the sequential execution of a \".run\" batch, please use the \"context.trackedObjects.add()\" and \"context.trackedObjects.remove()\" methods to manage the object's lifetime.", stale.location);
      }
    }
    if (config.platform === "web" && requestBytes > config.payloadLimit) {
      record.failed = "RequestPayloadSizeLimitExceeded";
      throw apiError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.", "RequestContext.sync");
    }

    const restore = config.failureMode === "rollback" ? host.snapshot() : null;
    model.pendingWrites = [];
    const outputs: LoadOutput[] = [];
    let wrote = false;
    let i = 0;
    try {
      for (; i < batch.length; i++) {
        const cmd = batch[i];
        const injected = host.failures.find((f) => f.when(cmd.location, i));
        if (injected) {
          host.failures = host.failures.filter((f) => f !== injected);
          throw apiError(injected.code, injected.message, cmd.location);
        }
        this.checkUndo(cmd);
        const before = model.pendingWrites.length;
        const out = cmd.exec();
        if (out) outputs.push(out);
        if (cmd.undo !== "read" || model.pendingWrites.length > before) wrote = true;
      }
    } catch (e) {
      record.writes = model.pendingWrites;
      model.pendingWrites = [];
      if (restore) {
        restore();
        record.writes = [];
      } else if (wrote) this.noteUndo();
      const err = e instanceof RichApiError ? e : apiError("GeneralException", String(e), batch[i]?.location ?? "RequestContext.sync");
      record.failed = err.code;
      const around = batch.slice(Math.max(0, i - 2), i + 3).map((c) => c.location);
      throw err.at(batch[i]?.location ?? "", around);
    }
    record.writes = model.pendingWrites;
    model.pendingWrites = [];
    if (wrote) this.noteUndo();
    record.responseBytes = jsonBytes(outputs.map((o) => o.data));
    if (config.platform === "web" && record.responseBytes > config.payloadLimit) {
      record.failed = "ResponsePayloadSizeLimitExceeded";
      throw apiError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.", "RequestContext.sync");
    }
    for (const o of outputs) o.apply();
  }

  private checkUndo(cmd: Command): void {
    const { platform } = this.host.config;
    const never =
      cmd.undo === "never" ||
      (cmd.undo === "notOnDesktop" && platform === "desktop") ||
      (cmd.undo === "notOnWeb" && platform === "web");
    if (!never) return;
    if (this.mergeUndoGroup) {
      throw apiError("UndoNotSupported", `The operation ${cmd.location} does not support undo and can't be used in an undo group.`, cmd.location);
    }
    this.host.undo.cleared++;
  }

  private noteUndo(): void {
    if (this.mergeUndoGroup) this.groupWrote = true;
    else this.host.undo.records++;
  }
}

/** Bytes of a value as JSON (strings count their UTF-8 length). */
export function jsonBytes(v: unknown): number {
  const s = JSON.stringify(v, (_k, x: unknown) => (x instanceof ProxyBase ? { ref: x._id } : x));
  return s === undefined ? 0 : Buffer.byteLength(s, "utf8");
}

export class ClientResultDouble<T> {
  private loaded = false;
  private v: T | undefined;

  set(v: T): void {
    this.v = v;
    this.loaded = true;
  }

  get value(): T {
    if (!this.loaded) {
      throw apiError("ValueNotLoaded", 'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.', "ClientResult.value");
    }
    return this.v as T;
  }
}

// ---------- loading ----------

export interface LoadTree {
  all: boolean;
  scalars: Set<string>;
  navs: Map<string, LoadTree>;
}

function emptyTree(): LoadTree {
  return { all: false, scalars: new Set(), navs: new Map() };
}

function addPath(tree: LoadTree, segs: string[], isNav: (name: string) => boolean): void {
  const [head, ...rest] = segs;
  if (!head) return;
  if (rest.length === 0 && !isNav(head)) {
    tree.scalars.add(head);
    return;
  }
  let sub = tree.navs.get(head);
  if (!sub) {
    sub = emptyTree();
    tree.navs.set(head, sub);
  }
  if (rest.length === 0) sub.all = true;
  else addPath(sub, rest, () => false);
}

/** `load("a, b/c")`, `load(["a"])`, `load({select, expand})` and the strict `{a: true, b: {c: true}}` form. */
export function parseLoad(arg: unknown, collection: boolean): LoadTree {
  const tree = emptyTree();
  const paths: string[] = [];
  const strip = (p: string): string => {
    const t = p.trim();
    const lower = t.toLowerCase();
    if (collection && (lower === "items" || lower === "items/")) return "";
    return collection && (lower.startsWith("items/") || lower.startsWith("items.")) ? t.slice(6) : t;
  };
  if (arg === undefined || arg === null || arg === "") {
    tree.all = true;
    return tree;
  }
  if (typeof arg === "string") paths.push(...arg.split(","));
  else if (Array.isArray(arg)) paths.push(...arg.map(String));
  else if (typeof arg === "object") {
    const o = arg as Record<string, unknown>;
    if (typeof o.select === "string" || typeof o.expand === "string") {
      if (typeof o.select === "string") paths.push(...o.select.split(","));
      if (typeof o.expand === "string") paths.push(...o.expand.split(",").map((p) => `${p.trim()}/`));
    } else {
      const walk = (obj: Record<string, unknown>, prefix: string): void => {
        for (const [k, v] of Object.entries(obj)) {
          if (k === "$all" && v === true) {
            if (prefix) paths.push(`${prefix}/`);
            else tree.all = true;
          } else if (v === true) paths.push(prefix ? `${prefix}/${k}` : k);
          else if (v && typeof v === "object") walk(v as Record<string, unknown>, prefix ? `${prefix}/${k}` : k);
        }
      };
      walk(o, "");
    }
  }
  for (const raw of paths) {
    const p = strip(raw);
    if (p === "") {
      tree.all = true;
      continue;
    }
    const segs = p.split(/[/.]/).map((s) => s.trim());
    const cleaned = segs.filter((s, idx) => !(s.toLowerCase() === "items" && idx > 0));
    if (cleaned[cleaned.length - 1] === "") {
      cleaned.pop();
      addNavAll(tree, cleaned);
    } else addPath(tree, cleaned, (name) => cleaned.length > 1 && name === cleaned[0]);
  }
  return tree;
}

function addNavAll(tree: LoadTree, segs: string[]): void {
  let t = tree;
  for (const s of segs) {
    let sub = t.navs.get(s);
    if (!sub) {
      sub = emptyTree();
      t.navs.set(s, sub);
    }
    t = sub;
  }
  t.all = true;
}

export interface PropDef<E> {
  readonly get: (e: E) => unknown;
  readonly version?: string;
  /** Excluded from a no-argument load (Range.numberFormatCategories and the like). */
  readonly notInAll?: boolean;
  /** Cell-reading properties count against the 5,000,000-cell read limit. */
  readonly cells?: boolean;
}

export interface Snap {
  readonly isNull: boolean;
  readonly props: Record<string, unknown>;
  readonly navs: Record<string, Snap>;
  readonly items?: { readonly snap: Snap; readonly proxy: AnyProxy }[];
}

export abstract class ProxyBase<E> {
  readonly _id: number;
  _memo: Res<E> | undefined;
  readonly _loaded = new Map<string, unknown>();
  _isNull: boolean | undefined;
  _tracked = false;
  private readonly _navCache = new Map<string, AnyProxy>();

  constructor(
    readonly context: RequestContextDouble,
    private readonly _resolver: () => Res<E>,
    readonly _type: string,
  ) {
    this._id = context.objectId();
    context.host.ownerOf.set(this, context);
  }

  _resolve(): Res<E> {
    if (this._memo === undefined) this._memo = this._resolver();
    return this._memo;
  }

  protected _props(): Record<string, PropDef<E>> {
    return {};
  }

  /** Loadable navigation properties (the same proxy objects the getters return). */
  protected _navs(): Record<string, () => AnyProxy> {
    return {};
  }

  protected _gate(member: string, version: string | undefined): void {
    if (version) this.context.host.gate(`${this._type}.${member}`, version);
  }

  protected _nav<C extends AnyProxy>(name: string, make: () => C, version?: string): C {
    this._gate(name, version);
    let p = this._navCache.get(name);
    if (!p) {
      p = make();
      this._navCache.set(name, p);
    }
    return p as C;
  }

  protected _get<T>(prop: string, version?: string): T {
    this._gate(prop, version);
    if (this._isNull === true) return undefined as T;
    if (!this._loaded.has(prop)) throw notLoaded(this._type, prop);
    return this._loaded.get(prop) as T;
  }

  protected _set(prop: string, value: unknown, apply: (e: E) => void, opts: { version?: string; undo?: UndoClass } = {}): void {
    this._gate(prop, opts.version);
    this._loaded.set(prop, value);
    const payload = { o: this._id, p: prop, v: value };
    this.context.enqueue({
      location: `${this._type}.${prop}`,
      payload,
      undo: opts.undo ?? "undoable",
      target: this,
      exec: () => {
        const e = this._resolve();
        if (e !== NULL) apply(e);
      },
    });
  }

  protected _call(method: string, args: unknown[], apply: (e: E) => void, opts: { version?: string; undo?: UndoClass } = {}): void {
    this._gate(method, opts.version);
    for (const a of args) this.context.own(a, `${this._type}.${method}`);
    this.context.enqueue({
      location: `${this._type}.${method}`,
      payload: { o: this._id, m: method, a: args },
      undo: opts.undo ?? "undoable",
      target: this,
      exec: () => {
        const e = this._resolve();
        if (e !== NULL) apply(e);
      },
    });
  }

  /** A method returning a value: a ClientResult filled at sync. */
  protected _result<T>(method: string, args: unknown[], compute: (e: E) => T, version?: string): ClientResultDouble<T> {
    this._gate(method, version);
    const result = new ClientResultDouble<T>();
    this.context.enqueue({
      location: `${this._type}.${method}`,
      payload: { o: this._id, m: method, a: args },
      undo: "read",
      target: this,
      exec: () => {
        const e = this._resolve();
        const v = e === NULL ? (undefined as T) : compute(e);
        return { data: v, apply: () => result.set(v) };
      },
    });
    return result;
  }

  /**
   * A method returning another object. The path is instantiated when the batch reaches it, so a
   * missing item fails the sync there (ItemNotFound), and an *OrNullObject path sets isNullObject.
   */
  protected _child<C extends AnyProxy>(
    method: string,
    args: unknown[],
    make: (resolver: () => Res<never>) => C,
    resolve: (e: E) => unknown,
    opts: { version?: string; orNull?: boolean; undo?: UndoClass } = {},
  ): C {
    this._gate(method, opts.version);
    for (const a of args) this.context.own(a, `${this._type}.${method}`);
    const child = make((() => {
      const p = this._resolve();
      if (p === NULL) return NULL;
      return resolve(p);
    }) as () => Res<never>);
    this.context.enqueue({
      location: `${this._type}.${method}`,
      payload: { o: this._id, m: method, a: args, r: child._id },
      undo: opts.undo ?? "read",
      target: this,
      exec: () => {
        const e = child._resolve();
        if (opts.orNull) {
          const isNull = e === NULL;
          return { data: { isNull }, apply: () => (child._isNull = isNull) };
        }
      },
    });
    return child;
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw notLoaded(this._type, "isNullObject");
    return this._isNull;
  }

  load(arg?: unknown): this {
    const tree = parseLoad(arg, this._isCollection());
    this._checkTree(tree);
    this.context.enqueue({
      location: `${this._type}.load`,
      payload: { o: this._id, load: arg ?? null },
      undo: "read",
      target: this,
      exec: () => {
        const snap = this._snap(tree);
        return { data: stripEntities(snap), apply: () => this._apply(snap) };
      },
    });
    return this;
  }

  protected _isCollection(): boolean {
    return false;
  }

  /** Unknown property names and version gates are checked when load() is called (LIB). */
  _checkTree(tree: LoadTree): void {
    const props = this._props();
    const navs = this._navs();
    for (const s of tree.scalars) {
      const def = props[s];
      if (!def) {
        if (navs[s]) continue;
        throw apiError("PropertyNotLoaded", `The property '${s}' does not exist on ${this._type}.`, `${this._type}.${s}`);
      }
      this._gate(s, def.version);
    }
    for (const [name, sub] of tree.navs) {
      const nav = navs[name];
      if (!nav) throw apiError("PropertyNotLoaded", `The property '${name}' does not exist on ${this._type}.`, `${this._type}.${name}`);
      nav()._checkTree(sub);
    }
  }

  _snap(tree: LoadTree): Snap {
    const e = this._resolve();
    if (e === NULL) return { isNull: true, props: {}, navs: {} };
    const entity = e;
    const props: Record<string, unknown> = {};
    const defs = this._props();
    const wanted = new Set(tree.scalars);
    if (tree.all) for (const [k, d] of Object.entries(defs)) if (!d.notInAll && this._versionOk(d.version)) wanted.add(k);
    const navs = this._navs();
    for (const k of wanted) {
      if (navs[k] && !defs[k]) {
        tree.navs.set(k, tree.navs.get(k) ?? { all: true, scalars: new Set(), navs: new Map() });
        continue;
      }
      const d = defs[k];
      if (d.cells && this._cellCount(entity) > this.context.host.config.cellReadLimit) props[k] = null;
      else props[k] = d.get(entity);
    }
    const navSnaps: Record<string, Snap> = {};
    for (const [k, sub] of tree.navs) navSnaps[k] = navs[k]()._snap(sub);
    return { isNull: false, props, navs: navSnaps };
  }

  protected _cellCount(_e: E): number {
    return 0;
  }

  private _versionOk(v: string | undefined): boolean {
    return !v || versionAtLeast(this.context.host.config.apiVersion, v);
  }

  _apply(snap: Snap): void {
    this._isNull = snap.isNull;
    if (snap.isNull) return;
    for (const [k, v] of Object.entries(snap.props)) this._loaded.set(k, v);
    const navs = this._navs();
    for (const [k, s] of Object.entries(snap.navs)) navs[k]()._apply(s);
  }

  track(): this {
    this._tracked = true;
    return this;
  }

  untrack(): this {
    this._tracked = false;
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }
}

function stripEntities(s: Snap): unknown {
  if (s.isNull) return null;
  const out: Record<string, unknown> = { ...s.props };
  for (const [k, v] of Object.entries(s.navs)) out[k] = stripEntities(v);
  if (s.items) out.items = s.items.map((i) => stripEntities(i.snap));
  return out;
}

/** A collection proxy: `items` after load, and `load("items/x")` paths applied to every item. */
export abstract class CollectionBase<E, I extends AnyProxy> extends ProxyBase<E> {
  protected abstract _entities(e: E): unknown[];
  protected abstract _itemProxy(entity: unknown): I;

  protected override _isCollection(): boolean {
    return true;
  }

  get items(): I[] {
    return this._get<I[]>("items");
  }

  override _checkTree(tree: LoadTree): void {
    const sample = this._sampleItem();
    sample._checkTree(tree);
  }

  protected abstract _sampleItem(): I;

  override _snap(tree: LoadTree): Snap {
    const e = this._resolve();
    if (e === NULL) return { isNull: true, props: {}, navs: {} };
    const items = this._entities(e).map((entity) => {
      const proxy: AnyProxy = this._itemProxy(entity);
      return { snap: proxy._snap(tree), proxy };
    });
    return { isNull: false, props: {}, navs: {}, items };
  }

  override _apply(snap: Snap): void {
    this._isNull = snap.isNull;
    if (snap.isNull) return;
    const proxies = (snap.items ?? []).map((i) => {
      i.proxy._apply(i.snap);
      return i.proxy;
    });
    this._loaded.set("items", proxies);
  }
}
