// One Lighthouse run (12.2.3, its default mobile preset: a phone-sized
// screen, simulated slow 4G and a 4× slower CPU) on a page of the production
// server, signed in through the session cookie, in Debian's chromium.
import { writeFileSync } from "node:fs";
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";
import { CHROMIUM_FLAGS, findChromium } from "../../scripts/support/chromium";

export type LighthouseFigures = {
  performance: number;
  accessibility: number;
  /** Compressed bytes of JavaScript transferred for the page. */
  scriptBytes: number;
  /** Compressed bytes of the page's HTML (its server-rendered markup and the RSC payload inlined in it). */
  documentBytes: number;
  /** Largest contentful paint, time to interactive and total blocking time, ms (simulated). */
  largestPaintMs: number;
  interactiveMs: number;
  blockingMs: number;
};

type NetworkRequest = { resourceType?: string; transferSize?: number };

/** Audits `url` once with `cookie` sent on every request; scores are 0–100. The full report goes to `reportFile` when given. */
export async function runLighthouse(url: string, cookie: string, reportFile?: string): Promise<LighthouseFigures> {
  const chromePath = findChromium();
  if (!chromePath) throw new Error("no chromium found (apt-get install chromium, or set CHROMIUM_PATH)");
  const chrome = await launch({ chromePath, chromeFlags: CHROMIUM_FLAGS });
  // chrome-launcher detaches the browser: an interrupted bench must not leave it running.
  const stop = () => chrome.kill();
  process.once("exit", stop);
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility"],
      extraHeaders: { Cookie: cookie },
    });
    if (!result) throw new Error(`lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    if (reportFile) writeFileSync(reportFile, JSON.stringify(lhr));
    const requests = (lhr.audits["network-requests"]?.details as { items?: NetworkRequest[] } | undefined)?.items ?? [];
    return {
      performance: Math.round((lhr.categories.performance?.score ?? Number.NaN) * 100),
      accessibility: Math.round((lhr.categories.accessibility?.score ?? Number.NaN) * 100),
      scriptBytes: bytesOf(requests, "Script"),
      documentBytes: bytesOf(requests, "Document"),
      largestPaintMs: lhr.audits["largest-contentful-paint"]?.numericValue ?? Number.NaN,
      interactiveMs: lhr.audits.interactive?.numericValue ?? Number.NaN,
      blockingMs: lhr.audits["total-blocking-time"]?.numericValue ?? Number.NaN,
    };
  } finally {
    process.off("exit", stop);
    chrome.kill();
  }
}

function bytesOf(requests: NetworkRequest[], resourceType: string): number {
  return requests.filter((r) => r.resourceType === resourceType).reduce((sum, r) => sum + (r.transferSize ?? 0), 0);
}
