/**
 * ECharts, tree-shaken: only bar and radar with canvas. (esm/core: the CJS path breaks under Vite 8.) A page that needs
 * more registers it itself (the distributions page adds dataZoom), so the unit page does not load it.
 */
import { BarChart, RadarChart } from 'echarts/charts';
import { GridComponent, LegendPlainComponent, RadarComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useLayoutEffect, useRef, type CSSProperties } from 'react';

echarts.use([BarChart, RadarChart, GridComponent, TooltipComponent, LegendPlainComponent, RadarComponent, CanvasRenderer]);

export { echarts };

export const CHART_FONT = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';

/**
 * One chart: initialised once on its element and drawn as it mounts, redrawn when the option's content changes or the
 * element is resized. (echarts-for-react, used before, initialised every chart twice — a throwaway instance to learn
 * its size, then the real one a frame later — which cost the unit page ~0.1 s.)
 */
export function Chart({ option, style, testId }: { option: echarts.EChartsCoreOption; style?: CSSProperties; testId?: string }) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const drawn = useRef('');

  useLayoutEffect(() => {
    const el = element.current!;
    const instance = echarts.init(el);
    chart.current = instance;
    const observer = new ResizeObserver(([entry]) => {
      const { width, height } = entry!.contentRect;
      // The observer reports the size the chart was just drawn at first; only a real change redraws.
      if (Math.round(width) !== instance.getWidth() || Math.round(height) !== instance.getHeight()) instance.resize();
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
      drawn.current = '';
    };
  }, []);

  useLayoutEffect(() => {
    const full = { textStyle: { fontFamily: CHART_FONT }, animation: false, ...option };
    const key = JSON.stringify(full);
    if (!chart.current || key === drawn.current) return;
    drawn.current = key;
    chart.current.setOption(full, { notMerge: true });
  }, [option]);

  return (
    <div data-testid={testId}>
      <div ref={element} style={style ?? { height: 320 }} />
    </div>
  );
}
