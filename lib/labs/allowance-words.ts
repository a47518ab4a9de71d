// The worst element's share of its allowance in words, shared by the grade's
// summary, the lab page and the CLI. Plain data in, text out: safe in the browser.

/**
 * How much of its allowance atol + rtol·|expected| the worst element used, from
 * |yours − expected| / (atol + rtol·|expected|): "42% of its allowance" (passes when ≤ 100%),
 * "12.3× its allowance".
 */
export function allowanceWords(worstRatio: number): string {
  const percent = worstRatio * 100;
  if (worstRatio <= 1) return `${percent >= 10 ? Math.round(percent) : Number(percent.toPrecision(2))}% of its allowance`;
  return `${Number.isFinite(worstRatio) ? Number(worstRatio.toPrecision(3)) : "∞"}× its allowance`;
}
