/** The little of ECharts the report pages use. */
export interface Chart {
	setOption(option: unknown): void;
	resize(): void;
	dispose(): void;
}
interface ECharts {
	init(el: HTMLElement): Chart;
}

let loading: Promise<ECharts> | null = null;

/**
 * ECharts from /vendor/echarts.min.js (copied there at build by scripts/vendor.js), added to the page
 * on first use: only the report pages load it, and the service worker never precaches it.
 */
export function loadECharts(): Promise<ECharts> {
	loading ??= new Promise((resolve, reject) => {
		const script = document.createElement('script');
		script.src = '/vendor/echarts.min.js';
		script.onload = () => resolve((window as unknown as { echarts: ECharts }).echarts);
		script.onerror = () => {
			loading = null;
			reject(new Error('echarts'));
		};
		document.head.append(script);
	});
	return loading;
}
