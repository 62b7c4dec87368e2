#!/usr/bin/env node
/**
 * Draws the add-in's icons into assets/ as PNG files: the add-in icon (a Pareto chart on a
 * Fluent-blue tile) and one glyph per ribbon button, at every size manifest.xml references.
 *
 *   node scripts/make-icons.js          write the PNGs
 *   node scripts/make-icons.js --check  exit 1 if a committed PNG differs from what this draws
 *
 * The glyphs are a few vector shapes in a unit square, rasterised with 8×8 supersampling so the
 * 16 px versions stay crisp; the PNG encoder is the minimal subset (RGBA, filter 0, one IDAT).
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const BLUE = [15, 108, 189]; // Fluent 2 brand (#0F6CBD)
const DARK = [17, 94, 163]; // #115EA3, pressed brand
const LIGHT = [119, 183, 247]; // #77B7F7, brand tint
const INK = [66, 66, 66]; // #424242, neutral foreground for outlines
const WHITE = [255, 255, 255];

// ---------------------------------------------------------------------------------------------
// PNG encoding

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** rgba: Uint8Array of width*height*4 bytes, rows top to bottom. */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bits per channel
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering, every row uses filter 0 (None)
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Shapes: each has inside(x, y) in unit coordinates (0..1, y grows downwards).

function rect(x0, y0, x1, y1, radius = 0) {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    if (radius <= 0) return true;
    const cx = Math.min(Math.max(x, x0 + radius), x1 - radius);
    const cy = Math.min(Math.max(y, y0 + radius), y1 - radius);
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };
}

function disc(cx, cy, r) {
  return (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function ring(cx, cy, rOuter, rInner) {
  return (x, y) => {
    const d2 = (x - cx) ** 2 + (y - cy) ** 2;
    return d2 <= rOuter * rOuter && d2 >= rInner * rInner;
  };
}

/** Even-odd fill of a closed polygon given as [[x, y], ...]. */
function polygon(points) {
  return (x, y) => {
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i];
      const [xj, yj] = points[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}

/** A stroked open polyline with round caps and joins. */
function polyline(points, width) {
  const half = width / 2;
  return (x, y) => {
    for (let i = 0; i + 1 < points.length; i++) {
      const [ax, ay] = points[i];
      const [bx, by] = points[i + 1];
      const dx = bx - ax;
      const dy = by - ay;
      const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
      if ((x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= half * half) return true;
    }
    return false;
  };
}

/** A closed polygon outline, stroked. */
function outline(points, width) {
  return polyline([...points, points[0]], width);
}

function regularPolygon(cx, cy, r, sides, rotation = -Math.PI / 2) {
  return Array.from({ length: sides }, (_, i) => {
    const a = rotation + (2 * Math.PI * i) / sides;
    return [cx + r * Math.cos(a), cy + r * Math.sin(a)];
  });
}

function gear(cx, cy, rOuter, rRoot, teeth) {
  const points = [];
  const step = (2 * Math.PI) / teeth;
  for (let i = 0; i < teeth; i++) {
    const a = i * step - Math.PI / 2;
    // Each tooth: flat top over 40 % of the pitch, flanks over 10 % each, root over 40 %.
    points.push([cx + rRoot * Math.cos(a - step * 0.3), cy + rRoot * Math.sin(a - step * 0.3)]);
    points.push([cx + rOuter * Math.cos(a - step * 0.2), cy + rOuter * Math.sin(a - step * 0.2)]);
    points.push([cx + rOuter * Math.cos(a + step * 0.2), cy + rOuter * Math.sin(a + step * 0.2)]);
    points.push([cx + rRoot * Math.cos(a + step * 0.3), cy + rRoot * Math.sin(a + step * 0.3)]);
  }
  return polygon(points);
}

// ---------------------------------------------------------------------------------------------
// Rasterising: layers are painted in order; "erase" layers cut through what is below.

function render(size, layers, samples = 8) {
  const rgba = new Uint8Array(size * size * 4);
  const n = samples * samples;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0; // premultiplied accumulation over the subsamples
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          let cr = 0;
          let cg = 0;
          let cb = 0;
          let ca = 0;
          for (const layer of layers) {
            if (!layer.shape(x, y)) continue;
            if (layer.erase) {
              cr = cg = cb = ca = 0;
            } else {
              const la = layer.alpha ?? 1;
              cr = layer.color[0] * la + cr * (1 - la);
              cg = layer.color[1] * la + cg * (1 - la);
              cb = layer.color[2] * la + cb * (1 - la);
              ca = la + ca * (1 - la);
            }
          }
          r += cr;
          g += cg;
          b += cb;
          a += ca;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
      }
      rgba[i + 3] = Math.round((a / n) * 255);
    }
  }
  return rgba;
}

const paint = (shape, color, alpha) => ({ shape, color, alpha });
const erase = (shape) => ({ shape, erase: true });

// ---------------------------------------------------------------------------------------------
// Glyphs

/** Descending bars with the cumulative-share curve over them: the Pareto chart of ABC analysis. */
function paretoLayers(barColor, lineColor, box = [0.12, 0.14, 0.88, 0.86]) {
  const [x0, y0, x1, y1] = box;
  const w = x1 - x0;
  const h = y1 - y0;
  const at = (u, v) => [x0 + u * w, y0 + v * h];
  const bar = (u0, u1, top) => {
    const [a, b] = [at(u0, top), at(u1, 1)];
    return paint(rect(a[0], a[1], b[0], b[1], 0.02), barColor);
  };
  return [
    bar(0.02, 0.28, 0.34),
    bar(0.36, 0.62, 0.6),
    bar(0.7, 0.96, 0.8),
    paint(polyline([at(0.15, 0.26), at(0.49, 0.1), at(0.83, 0.02)], 0.085), lineColor),
  ];
}

const GLYPHS = {
  /** The add-in icon: a Pareto chart on a rounded brand tile. */
  icon: () => [paint(rect(0.03, 0.03, 0.97, 0.97, 0.2), BLUE), ...paretoLayers(WHITE, LIGHT, [0.2, 0.2, 0.8, 0.8])],
  abc: () => paretoLayers(BLUE, INK),
  /** A target: where an account's score lands. */
  score: () => [
    paint(ring(0.5, 0.5, 0.42, 0.33), BLUE),
    paint(ring(0.5, 0.5, 0.25, 0.16), BLUE),
    paint(disc(0.5, 0.5, 0.08), DARK),
  ],
  /** A shield with a check mark: credit standing. */
  credit: () => [
    paint(
      polygon([
        [0.5, 0.06],
        [0.86, 0.2],
        [0.84, 0.52],
        [0.5, 0.94],
        [0.16, 0.52],
        [0.14, 0.2],
      ]),
      BLUE,
    ),
    paint(
      polyline(
        [
          [0.31, 0.5],
          [0.45, 0.64],
          [0.7, 0.36],
        ],
        0.1,
      ),
      WHITE,
    ),
  ],
  /** A radar chart: a hexagonal grid with a profile polygon inside. */
  profiles: () => {
    const grid = regularPolygon(0.5, 0.52, 0.42, 6);
    const reach = [0.9, 0.55, 0.85, 0.5, 0.8, 0.6];
    const profile = grid.map(([x, y], i) => [0.5 + (x - 0.5) * reach[i], 0.52 + (y - 0.52) * reach[i]]);
    return [paint(outline(grid, 0.06), INK), paint(polygon(profile), BLUE, 0.9)];
  },
  /** Two people: the stakeholders around an account. */
  stakeholders: () => [
    paint(disc(0.66, 0.3, 0.13), DARK),
    paint(rect(0.44, 0.5, 0.88, 0.9, 0.18), DARK),
    erase(rect(0.28, 0.44, 0.58, 0.96, 0.2)),
    erase(disc(0.36, 0.3, 0.18)),
    paint(disc(0.36, 0.3, 0.14), BLUE),
    paint(rect(0.12, 0.5, 0.6, 0.92, 0.2), BLUE),
  ],
  /** An account card: a photo and lines of text. */
  cards: () => [
    paint(rect(0.06, 0.16, 0.94, 0.84, 0.08), BLUE),
    erase(rect(0.13, 0.24, 0.87, 0.76, 0.04)),
    paint(rect(0.19, 0.32, 0.43, 0.6), DARK),
    paint(rect(0.5, 0.34, 0.8, 0.41), INK),
    paint(rect(0.5, 0.48, 0.8, 0.55), INK),
    paint(rect(0.19, 0.64, 0.8, 0.69), INK, 0.6),
  ],
  /** A gear: workbook settings. */
  settings: () => [paint(gear(0.5, 0.5, 0.46, 0.34, 8), BLUE), erase(disc(0.5, 0.5, 0.15))],
  /** A dashed selection around a small Pareto chart: ABC of the selected cells. */
  selection: () => {
    const dashes = [];
    const edge = [0.06, 0.94];
    for (let t = 0.06; t < 0.94; t += 0.22) {
      const end = Math.min(t + 0.12, 0.94);
      dashes.push(paint(rect(t, edge[0] - 0.03, end, edge[0] + 0.03), INK));
      dashes.push(paint(rect(t, edge[1] - 0.03, end, edge[1] + 0.03), INK));
      dashes.push(paint(rect(edge[0] - 0.03, t, edge[0] + 0.03, end), INK));
      dashes.push(paint(rect(edge[1] - 0.03, t, edge[1] + 0.03, end), INK));
    }
    return [...dashes, ...paretoLayers(BLUE, DARK, [0.22, 0.22, 0.78, 0.8])];
  },
};

/** Every icon file manifest.xml and README.md reference; the tests check each one. */
const ICONS = [
  ...[16, 32, 64, 80, 128].map((size) => ({ name: `icon-${size}.png`, glyph: "icon", size })),
  ...["abc", "score", "credit", "profiles", "stakeholders", "cards", "settings", "selection"].flatMap((glyph) =>
    [16, 32, 80].map((size) => ({ name: `${glyph}-${size}.png`, glyph, size })),
  ),
];

function main() {
  const check = process.argv.includes("--check");
  const dir = path.join(__dirname, "..", "assets");
  fs.mkdirSync(dir, { recursive: true });
  const stale = [];
  for (const { name, glyph, size } of ICONS) {
    const png = encodePng(size, size, render(size, GLYPHS[glyph]()));
    const file = path.join(dir, name);
    if (check) {
      if (!fs.existsSync(file) || !fs.readFileSync(file).equals(png)) stale.push(name);
    } else {
      fs.writeFileSync(file, png);
    }
  }
  if (check && stale.length > 0) {
    console.error(`These icons differ from scripts/make-icons.js; run it again: ${stale.join(", ")}`);
    process.exit(1);
  }
  if (!check) console.log(`Wrote ${ICONS.length} icons to ${path.relative(process.cwd(), dir) || "."}`);
}

if (require.main === module) main();

module.exports = { ICONS, encodePng };
