/**
 * The compliance charts (heat map, trend, universities compared). Their own module so that ECharts
 * (only the parts used) is fetched when a chart is first shown, not with the rest of the app.
 */
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { severityHex } from './labels.tsx';

echarts.use([
  BarChart,
  HeatmapChart,
  LineChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

type ClickParams = { componentType?: string; value?: unknown; dataIndex?: number };

/** One chart instance on a div: resized with it, re-drawn when the option changes. */
function EChart({
  option,
  height,
  onClick,
  testId,
}: {
  option: echarts.EChartsCoreOption;
  height: number;
  onClick?: (p: ClickParams) => void;
  testId?: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    if (!el.current) return;
    const instance = echarts.init(el.current);
    chart.current = instance;
    instance.on('click', (p) => click.current?.(p as ClickParams));
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(el.current);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  return <div ref={el} data-testid={testId} style={{ width: '100%', height }} />;
}

export type HeatRowData = {
  id: string;
  name: string;
  cells: Record<string, { breach: number; warning: number; info: number }>;
};

/**
 * Orgs down, rule families across. A cell's colour is 2 × breaches + warnings; its label shows
 * breaches·warnings. Clicking a cell or an org's name picks that org.
 */
export function HeatChart({
  rows,
  families,
  familyLabel,
  cellText,
  onPick,
}: {
  rows: HeatRowData[];
  families: string[];
  familyLabel: (f: string) => string;
  cellText: (row: HeatRowData, family: string) => string;
  onPick: (orgId: string) => void;
}) {
  const data: [number, number, number][] = [];
  let max = 1;
  rows.forEach((r, y) => {
    families.forEach((f, x) => {
      const c = r.cells[f] ?? { breach: 0, warning: 0, info: 0 };
      const v = 2 * c.breach + c.warning;
      max = Math.max(max, v);
      data.push([x, y, v]);
    });
  });
  const names = new Map(rows.map((r) => [r.id, r.name]));
  const option = {
    tooltip: {
      formatter: (p: { value: [number, number, number] }) => cellText(rows[p.value[1]], families[p.value[0]]),
    },
    grid: { left: 8, right: 16, top: 8, bottom: 56, containLabel: true },
    xAxis: {
      type: 'category',
      data: families,
      axisLabel: { formatter: familyLabel, interval: 0, rotate: families.length > 6 ? 30 : 0 },
      splitArea: { show: true },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.id),
      triggerEvent: true,
      axisLabel: {
        formatter: (id: string) => {
          const name = names.get(id) ?? id;
          return name.length > 14 ? `${name.slice(0, 13)}…` : name;
        },
        color: '#1677ff',
      },
      splitArea: { show: true },
    },
    visualMap: {
      min: 0,
      max,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 120,
      inRange: { color: ['#f6ffed', '#ffe58f', '#fa8c16', '#cf1322'] },
    },
    series: [
      {
        type: 'heatmap',
        data,
        label: {
          show: true,
          formatter: (p: { value: [number, number, number] }) => {
            const c = rows[p.value[1]].cells[families[p.value[0]]];
            return c && (c.breach || c.warning) ? `${c.breach}·${c.warning}` : '';
          },
        },
        emphasis: { itemStyle: { shadowBlur: 6, shadowColor: 'rgba(0,0,0,0.3)' } },
      },
    ],
  };
  return (
    <EChart
      testId="heatmap-chart"
      option={option}
      height={Math.max(220, rows.length * 30 + 110)}
      onClick={(p) => {
        if (p.componentType === 'yAxis' && typeof p.value === 'string') onPick(p.value);
        else if (p.componentType === 'series' && Array.isArray(p.value)) onPick(rows[p.value[1] as number].id);
      }}
    />
  );
}

/** Breaches and warnings per period, as two lines. */
export function TrendChart({
  periods,
  breach,
  warning,
  labels,
}: {
  periods: string[];
  breach: number[];
  warning: number[];
  labels: { breach: string; warning: string };
}) {
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: periods },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'line', name: labels.breach, data: breach, itemStyle: { color: severityHex.breach } },
      { type: 'line', name: labels.warning, data: warning, itemStyle: { color: severityHex.warning } },
    ],
  };
  return <EChart testId="trend-chart" option={option} height={260} />;
}

/** Universities side by side: breaches and warnings as grouped bars. */
export function CompareChart({
  names,
  breach,
  warning,
  labels,
}: {
  names: string[];
  breach: number[];
  warning: number[];
  labels: { breach: string; warning: string };
}) {
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 5 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'bar', name: labels.breach, data: breach, itemStyle: { color: severityHex.breach } },
      { type: 'bar', name: labels.warning, data: warning, itemStyle: { color: severityHex.warning } },
    ],
  };
  return <EChart testId="compare-chart" option={option} height={320} />;
}
