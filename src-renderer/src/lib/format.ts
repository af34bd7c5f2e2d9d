// Number and time formatting shared by the views.

const grouped = new Intl.NumberFormat('en-US');

export const count = (n: number): string => grouped.format(n);
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
export const date = (t: number): string => new Date(t).toLocaleString();
