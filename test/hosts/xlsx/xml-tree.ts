/** Test helper: parse XML strictly (throws if not well-formed) into a small element tree. */
import sax from "sax";

export interface El {
  readonly name: string;
  readonly attrs: Record<string, string>;
  readonly children: El[];
  text: string;
}

export function parseXml(xml: string): El {
  const parser = sax.parser(true, { trim: false });
  const root: El = { name: "#root", attrs: {}, children: [], text: "" };
  const stack: El[] = [root];
  parser.onopentag = (t) => {
    const el: El = { name: t.name, attrs: t.attributes as Record<string, string>, children: [], text: "" };
    stack[stack.length - 1].children.push(el);
    stack.push(el);
  };
  parser.onclosetag = () => {
    stack.pop();
  };
  parser.ontext = (t) => {
    stack[stack.length - 1].text += t;
  };
  parser.onerror = (e) => {
    throw e;
  };
  parser.write(xml).close();
  if (root.children.length !== 1) throw new Error("not exactly one root element");
  return root.children[0];
}

export function child(el: El, name: string): El | undefined {
  return el.children.find((c) => c.name === name);
}

export function all(el: El, name: string): El[] {
  const out: El[] = [];
  const walk = (e: El): void => {
    for (const c of e.children) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

export function path(el: El, ...names: string[]): El | undefined {
  let cur: El | undefined = el;
  for (const n of names) cur = cur ? child(cur, n) : undefined;
  return cur;
}
