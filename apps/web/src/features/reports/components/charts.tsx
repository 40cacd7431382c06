import { lazy, Suspense, type ReactNode } from 'react';

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
    <Suspense fallback={<ChartBox label={props.label} height={height} />}>
      <LazyHorizontalBars {...props} height={height} />
    </Suspense>
  );
}

export function VerticalBars<K extends string>(props: BarsProps<K>) {
  return (
    <Suspense fallback={<ChartBox label={props.label} height={260} />}>
      <LazyVerticalBars {...props} height={260} />
    </Suspense>
  );
}

export function Lines<K extends string>(props: LinesProps<K>) {
  return (
    <Suspense fallback={<ChartBox label={props.label} height={280} />}>
      <LazyLines {...props} height={280} />
    </Suspense>
  );
}
