import type { ReactElement } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

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

interface ChartFrameProps {
  label: string;
  height: number;
  children: ReactElement;
}

// The numbers are in the table beside each chart; the chart itself is one labelled image.
function ChartFrame({ label, height, children }: ChartFrameProps) {
  return (
    <div role="img" aria-label={label} className="report-chart" style={{ width: '100%', height }}>
      <ResponsiveContainer width="100%" height={height} minWidth={0} initialDimension={{ width: 600, height }}>
        {children}
      </ResponsiveContainer>
    </div>
  );
}

const TICK = { fontSize: 12, fill: '#495057' };

// Recharts colours legend text like its series; on white that is under 4.5:1, so the swatch
// carries the colour and the text stays dark. Series keep the order they are given in.
function ChartLegend() {
  return (
    <Legend
      wrapperStyle={{ fontSize: 12 }}
      itemSorter={null}
      formatter={(value: string) => <span style={{ color: '#212529' }}>{value}</span>}
    />
  );
}

interface BarsProps<K extends string> {
  label: string;
  data: readonly Record<string, unknown>[];
  categoryKey: string;
  series: readonly ChartSeries<K>[];
  valueFormatter?: (value: number) => string;
  stacked?: boolean;
  categoryWidth?: number;
}

// Horizontal bars: category labels (payer names, CPT codes) stay readable at tablet width.
export function HorizontalBars<K extends string>({
  label,
  data,
  categoryKey,
  series,
  valueFormatter,
  stacked,
  categoryWidth = 170,
}: BarsProps<K>) {
  const height = Math.max(140, data.length * (stacked || series.length === 1 ? 36 : 24 * series.length) + 70);
  return (
    <ChartFrame label={label} height={height}>
      <BarChart
        data={data}
        layout="vertical"
        margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
        accessibilityLayer={false}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" tick={TICK} tickFormatter={valueFormatter} allowDecimals={false} />
        <YAxis type="category" dataKey={categoryKey} tick={TICK} width={categoryWidth} interval={0} />
        <Tooltip formatter={valueFormatter ? (value) => valueFormatter(Number(value)) : undefined} />
        {series.length > 1 && ChartLegend()}
        {series.map((s) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            fill={s.color}
            stackId={stacked ? 'stack' : undefined}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ChartFrame>
  );
}

export function VerticalBars<K extends string>({
  label,
  data,
  categoryKey,
  series,
  valueFormatter,
  stacked,
}: BarsProps<K>) {
  return (
    <ChartFrame label={label} height={260}>
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 4 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey={categoryKey} tick={TICK} />
        <YAxis tick={TICK} tickFormatter={valueFormatter} width={56} />
        <Tooltip formatter={valueFormatter ? (value) => valueFormatter(Number(value)) : undefined} />
        {series.length > 1 && ChartLegend()}
        {series.map((s) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            fill={s.color}
            stackId={stacked ? 'stack' : undefined}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ChartFrame>
  );
}

export function Lines<K extends string>({
  label,
  data,
  categoryKey,
  series,
  valueFormatter,
}: Omit<BarsProps<K>, 'stacked' | 'categoryWidth'>) {
  return (
    <ChartFrame label={label} height={280}>
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 4 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey={categoryKey} tick={TICK} />
        <YAxis tick={TICK} tickFormatter={valueFormatter} allowDecimals={false} width={48} />
        <Tooltip formatter={valueFormatter ? (value) => valueFormatter(Number(value)) : undefined} />
        {ChartLegend()}
        {series.map((s) => (
          <Line
            key={s.key}
            type="linear"
            dataKey={s.key}
            name={s.label}
            stroke={s.color}
            strokeWidth={2}
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ChartFrame>
  );
}
