/** True when a number typed as a decimal has at most `places` decimals (12.5, not 12.345). */
export function hasAtMostDecimals(value: number, places: number): boolean {
  const scaled = value * 10 ** places;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}
