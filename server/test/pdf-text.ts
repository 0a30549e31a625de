import { inflateSync } from 'node:zlib';

/**
 * The text a PDF shows, decoded through the ToUnicode maps of its fonts (no system tools): enough to
 * check what a person reading the printout would read.
 */
export function pdfText(pdf: Buffer): string {
  const s = pdf.toString('latin1');
  const objects = new Map<number, { dict: string; stream?: string }>();
  const re = /(\d+) 0 obj\s*/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const start = re.lastIndex;
    const end = s.indexOf('endobj', start);
    const streamAt = s.indexOf('stream', start);
    if (streamAt !== -1 && streamAt < end) {
      const dict = s.slice(start, streamAt);
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
      let from = streamAt + 'stream'.length;
      if (s[from] === '\r') from++;
      if (s[from] === '\n') from++;
      const raw = pdf.subarray(from, from + length);
      const data = dict.includes('/FlateDecode') ? inflateSync(raw) : raw;
      objects.set(Number(m[1]), { dict, stream: data.toString('latin1') });
      re.lastIndex = from + length;
    } else {
      objects.set(Number(m[1]), { dict: s.slice(start, end) });
      re.lastIndex = end;
    }
  }
  const hex = (h: string) =>
    String.fromCharCode(...(h.match(/.{4}/g) ?? []).map((x) => Number.parseInt(x, 16)));
  const cmaps = new Map<number, Map<number, string>>();
  for (const [n, o] of objects) {
    const ref = /\/ToUnicode (\d+) 0 R/.exec(o.dict)?.[1];
    const cmap = ref ? objects.get(Number(ref))?.stream : undefined;
    if (!cmap) continue;
    const map = new Map<number, string>();
    for (const r of cmap.matchAll(/<([0-9a-f]+)> <([0-9a-f]+)> \[([^\]]*)\]/gi)) {
      const first = Number.parseInt(r[1] as string, 16);
      [...(r[3] as string).matchAll(/<([0-9a-f ]*)>/gi)].forEach((u, i) => {
        map.set(first + i, hex((u[1] as string).replaceAll(' ', '')));
      });
    }
    cmaps.set(n, map);
  }
  const fontRefs = new Map<string, number>();
  for (const o of objects.values())
    for (const f of o.dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) fontRefs.set(f[1] as string, Number(f[2]));
  const out: string[] = [];
  for (const o of objects.values()) {
    if (!o.stream?.includes(' Tf')) continue;
    let cmap: Map<number, string> | undefined;
    for (const op of o.stream.matchAll(/\/(F\d+) [\d.]+ Tf|\[((?:[^\]])*)\] TJ|<([0-9a-f]*)> Tj/gi)) {
      if (op[1]) cmap = cmaps.get(fontRefs.get(op[1]) ?? -1);
      else {
        const chunks =
          op[2] !== undefined ? [...op[2].matchAll(/<([0-9a-f]*)>/gi)].map((c) => c[1]) : [op[3]];
        out.push(
          chunks
            .map((c) =>
              (c?.match(/.{4}/g) ?? []).map((g) => cmap?.get(Number.parseInt(g, 16)) ?? '?').join(''),
            )
            .join(''),
        );
      }
    }
  }
  return out.join('\n').replace(/\s+/g, ' ');
}
