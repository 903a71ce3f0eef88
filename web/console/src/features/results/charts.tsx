/**
 * ECharts, tree-shaken: only bar and radar with canvas. (esm/core: the CJS path breaks under Vite 8.) A page that needs
 * more registers it itself (the distributions page adds dataZoom), so the unit page does not load it.
 */
import { BarChart, RadarChart } from 'echarts/charts';
import { GridComponent, LegendPlainComponent, RadarComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { CSSProperties } from 'react';

echarts.use([BarChart, RadarChart, GridComponent, TooltipComponent, LegendPlainComponent, RadarComponent, CanvasRenderer]);

export { echarts };

export const CHART_FONT = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';

export function Chart({ option, style, testId }: { option: echarts.EChartsCoreOption; style?: CSSProperties; testId?: string }) {
  return (
    <div data-testid={testId}>
      <ReactEChartsCore echarts={echarts} option={{ textStyle: { fontFamily: CHART_FONT }, animation: false, ...option }} style={style ?? { height: 320 }} notMerge lazyUpdate />
    </div>
  );
}
