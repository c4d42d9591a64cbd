// Small SVG charts built with DOM calls (no library, nothing parsed as HTML).
const NS = 'http://www.w3.org/2000/svg';

function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

export interface Bar { label: string; value: number; id?: string }

/** Horizontal bars, one per unit in ranking order; readable on a phone because labels sit above each bar. */
export function barChart(bars: Bar[], ariaLabel = '积分排名柱状图', numbered = true): SVGElement {
  const rowHeight = 34;
  const width = 640;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const root = svg('svg', { viewBox: `0 0 ${width} ${Math.max(1, bars.length) * rowHeight + 10}`, role: 'img',
    'aria-label': ariaLabel, class: 'bar-chart' });
  bars.forEach((b, i) => {
    const y = i * rowHeight + 5;
    const w = Math.max(0, (b.value / max) * (width - 60));
    const g = svg('g', { 'data-unit': b.id ?? b.label });
    g.append(svg('text', { x: 0, y: y + 11, class: 'bar-label' }, numbered ? `${i + 1}. ${b.label}` : b.label));
    g.append(svg('rect', { x: 0, y: y + 15, width: w, height: 14, rx: 3, class: 'bar', 'data-value': b.value }));
    g.append(svg('text', { x: w + 6, y: y + 27, class: 'bar-value' }, String(b.value)));
    root.append(g);
  });
  return root;
}

/** A line over months with a dot and value per month. */
export function lineChart(points: Bar[], ariaLabel = '积分走势图'): SVGElement {
  const width = 640; const height = 220; const pad = 36;
  const max = Math.max(1, ...points.map((p) => p.value));
  const x = (i: number) => pad + (i * (width - 2 * pad)) / Math.max(1, points.length - 1);
  const y = (v: number) => height - pad - (v / max) * (height - 2 * pad);
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': ariaLabel, class: 'line-chart' });
  root.append(svg('line', { x1: pad, y1: height - pad, x2: width - pad, y2: height - pad, class: 'axis' }));
  root.append(svg('polyline', { points: points.map((p, i) => `${x(i)},${y(p.value)}`).join(' '), class: 'line' }));
  points.forEach((p, i) => {
    root.append(svg('circle', { cx: x(i), cy: y(p.value), r: 4, class: 'dot' }));
    root.append(svg('text', { x: x(i), y: y(p.value) - 8, class: 'bar-value', 'text-anchor': 'middle' }, String(p.value)));
    root.append(svg('text', { x: x(i), y: height - pad + 18, class: 'bar-label', 'text-anchor': 'middle' }, p.label));
  });
  return root;
}
