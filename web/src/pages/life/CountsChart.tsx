/**
 * The stacked bar chart of the counts page. Its own module so that ECharts (only the parts used)
 * is fetched when the chart is first shown, not with the rest of the app.
 */
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type CountsSeries = { name: string; color?: string; data: number[] };

export default function CountsChart({ periods, series }: { periods: string[]; series: CountsSeries[] }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!el.current) return;
    const instance = echarts.init(el.current);
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(el.current);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { type: 'scroll', top: 0 },
        grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: periods },
        yAxis: { type: 'value', minInterval: 1 },
        series: series.map((s) => ({
          type: 'bar',
          stack: 'meetings',
          name: s.name,
          data: s.data,
          itemStyle: s.color ? { color: s.color } : undefined,
          emphasis: { focus: 'series' },
        })),
      },
      true,
    );
  }, [periods, series]);

  return <div ref={el} style={{ width: '100%', height: 320 }} />;
}
