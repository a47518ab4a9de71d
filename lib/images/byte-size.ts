// A size in bytes as a person reads it. Pure, safe in the browser.

/** `bytes` in KiB below 1 MiB, else in MiB, one decimal: "3.4 KiB", "12.0 MiB". */
export function byteSizeText(bytes: number): string {
  return bytes < 2 ** 20 ? `${(bytes / 2 ** 10).toFixed(1)} KiB` : `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}
