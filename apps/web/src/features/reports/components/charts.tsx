import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';

// Mantine's shade-8 colours: distinct, and dark enough to read as thin lines on white.
export const CHART_COLORS = {
  blue: '#1971c2',
  green: '#2f9e44',
  teal: '#0c8599',
  orange: '#e8590c',
  red: '#e03131',
  grape: '#9c36b5',
  gray: '#495057',
};

export interface ChartSeries<K extends string> {
  key: K;
  label: string;
  color: string;
}

export interface BarsProps<K extends string> {
  label: string;
  data: readonly Record<string, unknown>[];
  categoryKey: string;
  series: readonly ChartSeries<K>[];
  valueFormatter?: (value: number) => string;
  stacked?: boolean;
  categoryWidth?: number;
}

export type LinesProps<K extends string> = Omit<BarsProps<K>, 'stacked' | 'categoryWidth'>;

// Recharts and d3 are two thirds of the reports page's code after the first file (94 KB of 144,
// brotli): the figures and tables, which carry every number, are drawn first, and each chart takes
// its place, already sized, when that code has come.
const drawings = () => import('./chart-drawings');
const LazyHorizontalBars = lazy(async () => ({ default: (await drawings()).HorizontalBars }));
const LazyVerticalBars = lazy(async () => ({ default: (await drawings()).VerticalBars }));
const LazyLines = lazy(async () => ({ default: (await drawings()).Lines }));

// One chart drawn per task, in the order they mount: drawn in one render, the report's charts held
// a phone's main thread for over half a second, and a tap waited for all of them.
let drawn: Promise<void> = Promise.resolve();

function useTurnToDraw(): boolean {
  const [turn, setTurn] = useState(false);
  useEffect(() => {
    let mounted = true;
    // Its turn comes once the code is here (or has failed to come, which the page's error boundary
    // then shows): charts waiting for it would otherwise all be drawn in the render that follows.
    drawn = drawn
      .then(drawings)
      .catch(() => undefined)
      .then(
        () =>
          new Promise<void>((done) => {
            setTimeout(() => {
              if (mounted) setTurn(true);
              done();
            }, 0);
          }),
      );
    return () => {
      mounted = false;
    };
  }, []);
  return turn;
}

/** A chart's place, at its size, until it is drawn: its code loaded and its turn come. */
function Chart({ label, height, children }: { label: string; height: number; children: ReactNode }) {
  const box = <ChartBox label={label} height={height} />;
  return useTurnToDraw() ? <Suspense fallback={box}>{children}</Suspense> : box;
}

/** The numbers are in the table beside each chart; the chart itself is one labelled image. */
export function ChartBox({ label, height, children }: { label: string; height: number; children?: ReactNode }) {
  return (
    <div role="img" aria-label={label} className="report-chart" style={{ width: '100%', height }}>
      {children}
    </div>
  );
}

// Horizontal bars: category labels (payer names, CPT codes) stay readable at tablet width.
export function HorizontalBars<K extends string>(props: BarsProps<K>) {
  const { data, series, stacked } = props;
  const height = Math.max(140, data.length * (stacked || series.length === 1 ? 36 : 24 * series.length) + 70);
  return (
    <Chart label={props.label} height={height}>
      <LazyHorizontalBars {...props} height={height} />
    </Chart>
  );
}

export function VerticalBars<K extends string>(props: BarsProps<K>) {
  return (
    <Chart label={props.label} height={260}>
      <LazyVerticalBars {...props} height={260} />
    </Chart>
  );
}

export function Lines<K extends string>(props: LinesProps<K>) {
  return (
    <Chart label={props.label} height={280}>
      <LazyLines {...props} height={280} />
    </Chart>
  );
}
