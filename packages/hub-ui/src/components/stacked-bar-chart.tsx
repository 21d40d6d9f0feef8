/** One bar of the chart: a label and a count per segment. */
export interface StackedBar {
  id: string;
  label: string;
  counts: number[];
}

export interface StackedBarChartProps {
  title: string;
  segments: { label: string; colour: string; darkText?: boolean }[];
  bars: StackedBar[];
}

const percent = (part: number, total: number) => (total === 0 ? 0 : (part / total) * 100);

/**
 * Hand-made SVG, one 100 % bar per statement like the seed's slides: segments in answer order,
 * the share printed inside when there is room. Statement texts are HTML so they wrap; each bar
 * carries its figures as an accessible name, and the legend is a list.
 */
export function StackedBarChart({ title, segments, bars }: StackedBarChartProps) {
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      <ul class="legend">
        {segments.map((s) => (
          <li key={s.label}>
            <span class="swatch" style={{ background: s.colour }} aria-hidden="true" />
            {s.label}
          </li>
        ))}
      </ul>
      {bars.map((bar) => {
        const total = bar.counts.reduce((a, b) => a + b, 0);
        const summary = bar.counts
          .map(
            (count, i) =>
              `${segments[i]?.label}: ${count} (${Math.round(percent(count, total))} %)`,
          )
          .join(', ');
        let x = 0;
        return (
          <div class="bar" key={bar.id} data-statement={bar.id}>
            <p>{bar.label}</p>
            <svg width="100%" height="28" role="img" aria-label={`${bar.label} — ${summary}`}>
              {bar.counts.map((count, i) => {
                const segment = segments[i];
                const w = percent(count, total);
                const at = x;
                x += w;
                if (!segment || count === 0) return null;
                return (
                  <g key={segment.label}>
                    <rect x={`${at}%`} y="0" width={`${w}%`} height="28" fill={segment.colour} />
                    {w >= 5 && (
                      <text
                        x={`${at + w / 2}%`}
                        y="19"
                        text-anchor="middle"
                        fill={segment.darkText ? '#1a1a1a' : '#ffffff'}
                      >
                        {Math.round(w)} %
                      </text>
                    )}
                  </g>
                );
              })}
            </svg>
          </div>
        );
      })}
    </figure>
  );
}
