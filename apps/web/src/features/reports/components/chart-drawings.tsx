// The charts drawn with recharts, loaded after the report's figures and tables (charts.tsx).
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
import { ChartBox, type BarsProps, type LinesProps } from './charts';

interface ChartFrameProps {
  label: string;
  height: number;
  children: ReactElement;
}

function ChartFrame({ label, height, children }: ChartFrameProps) {
  return (
    <ChartBox label={label} height={height}>
      <ResponsiveContainer width="100%" height={height} minWidth={0} initialDimension={{ width: 600, height }}>
        {children}
      </ResponsiveContainer>
    </ChartBox>
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

// Recharts finds its parts by element type among a chart's children: these are called as
// functions (as ChartLegend is), not rendered as components of their own.
function valueTooltip(valueFormatter?: (value: number) => string) {
  return <Tooltip formatter={valueFormatter ? (value) => valueFormatter(Number(value)) : undefined} />;
}

function barsOf(series: BarsProps<string>['series'], stacked?: boolean) {
  return series.map((s) => (
    <Bar
      key={s.key}
      dataKey={s.key}
      name={s.label}
      fill={s.color}
      stackId={stacked ? 'stack' : undefined}
      isAnimationActive={false}
    />
  ));
}

export function HorizontalBars({
  label,
  data,
  categoryKey,
  series,
  valueFormatter,
  stacked,
  categoryWidth = 170,
  height,
}: BarsProps<string> & { height: number }) {
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
        {valueTooltip(valueFormatter)}
        {series.length > 1 && ChartLegend()}
        {barsOf(series, stacked)}
      </BarChart>
    </ChartFrame>
  );
}

export function VerticalBars({
  label,
  data,
  categoryKey,
  series,
  valueFormatter,
  stacked,
  height,
}: BarsProps<string> & { height: number }) {
  return (
    <ChartFrame label={label} height={height}>
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 4 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey={categoryKey} tick={TICK} />
        <YAxis tick={TICK} tickFormatter={valueFormatter} width={56} />
        {valueTooltip(valueFormatter)}
        {series.length > 1 && ChartLegend()}
        {barsOf(series, stacked)}
      </BarChart>
    </ChartFrame>
  );
}

export function Lines({
  label,
  data,
  categoryKey,
  series,
  valueFormatter,
  height,
}: LinesProps<string> & { height: number }) {
  return (
    <ChartFrame label={label} height={height}>
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 4 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey={categoryKey} tick={TICK} />
        <YAxis tick={TICK} tickFormatter={valueFormatter} allowDecimals={false} width={48} />
        {valueTooltip(valueFormatter)}
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
