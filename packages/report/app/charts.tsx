/** Small SVG charts: interval bars, a forest plot of differences, a trend line. */

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** A rate as a filled bar with its interval as a whisker, on a 0–100% scale. */
export function IntervalBar(props: {
  rate: number;
  ci: readonly [number, number] | null;
  tone?: string;
}) {
  const w = 160;
  const x = (v: number) => clamp01(v) * w;
  return (
    <svg
      class={`ibar ${props.tone ?? ""}`}
      viewBox={`0 0 ${w} 14`}
      preserveAspectRatio="none"
      width={w}
      height={14}
      aria-hidden="true"
    >
      <rect class="ibar-track" x={0} y={4} width={w} height={6} rx={3} />
      <rect class="ibar-fill" x={0} y={4} width={x(props.rate)} height={6} rx={3} />
      {props.ci && (
        <g class="ibar-ci">
          <line x1={x(props.ci[0])} x2={x(props.ci[1])} y1={7} y2={7} />
          <line x1={x(props.ci[0])} x2={x(props.ci[0])} y1={2} y2={12} />
          <line x1={x(props.ci[1])} x2={x(props.ci[1])} y1={2} y2={12} />
        </g>
      )}
    </svg>
  );
}

/** A difference with its interval around a zero line; `span` is the half-width of the scale. */
export function ForestRow(props: {
  difference: number;
  ci: readonly [number, number];
  span: number;
  tone: string;
}) {
  const w = 220;
  const x = (v: number) =>
    w / 2 + (Math.max(-props.span, Math.min(props.span, v)) / props.span) * (w / 2 - 6);
  return (
    <svg
      class={`forest ${props.tone}`}
      viewBox={`0 0 ${w} 16`}
      width={w}
      height={16}
      aria-hidden="true"
    >
      <line class="forest-zero" x1={w / 2} x2={w / 2} y1={0} y2={16} />
      <line class="forest-ci" x1={x(props.ci[0])} x2={x(props.ci[1])} y1={8} y2={8} />
      <circle class="forest-point" cx={x(props.difference)} cy={8} r={4} />
    </svg>
  );
}

/** Values in [0, 1] over successive runs, one line per series. */
export function TrendChart(props: {
  series: readonly { name: string; values: readonly number[] }[];
  labels: readonly string[];
}) {
  const w = 640;
  const h = 180;
  const pad = { l: 40, r: 12, t: 10, b: 22 };
  const n = Math.max(1, props.labels.length - 1);
  const x = (i: number) => pad.l + (i / n) * (w - pad.l - pad.r);
  const y = (v: number) => pad.t + (1 - clamp01(v)) * (h - pad.t - pad.b);
  return (
    <svg class="trend" viewBox={`0 0 ${w} ${h}`} role="img" aria-label="pass rate per run">
      {[0, 0.25, 0.5, 0.75, 1].map((v) => (
        <g key={v}>
          <line class="grid" x1={pad.l} x2={w - pad.r} y1={y(v)} y2={y(v)} />
          <text class="axis" x={pad.l - 6} y={y(v) + 4} text-anchor="end">
            {`${v * 100}%`}
          </text>
        </g>
      ))}
      {props.labels.map((label, i) =>
        i === 0 || i === props.labels.length - 1 ? (
          <text
            key={`x-${label}`}
            class="axis"
            x={x(i)}
            y={h - 6}
            text-anchor={i === 0 ? "start" : "end"}
          >
            {label.length > 28 ? `${label.slice(0, 27)}…` : label}
          </text>
        ) : null,
      )}
      {props.series.map((s, si) => (
        <g key={s.name} class={`series series-${si % 6}`}>
          <polyline points={s.values.map((v, i) => `${x(i)},${y(v)}`).join(" ")} />
          {s.values.map((v, i) => (
            <circle key={`${s.name}-${i}`} cx={x(i)} cy={y(v)} r={3}>
              <title>{`${s.name} · ${props.labels[i] ?? ""} · ${(v * 100).toFixed(1)}%`}</title>
            </circle>
          ))}
        </g>
      ))}
    </svg>
  );
}
