/** Browser and system names, most specific first (Edge and Opera also say Chrome; Chrome also says Safari; iPads may say Macintosh). */
const BROWSERS: ReadonlyArray<[RegExp, string]> = [
  [/\bEdg(?:e|A|iOS)?\//, "Edge"],
  [/\b(?:OPR|Opera)\//, "Opera"],
  [/\bSamsungBrowser\//, "Samsung Internet"],
  [/\b(?:Firefox|FxiOS)\//, "Firefox"],
  [/\b(?:Chrome|CriOS|Chromium)\//, "Chrome"],
  [/\bVersion\/[\d.]+.*\bSafari\//, "Safari"],
  [/\bcurl\//i, "curl"],
];

const SYSTEMS: ReadonlyArray<[RegExp, string]> = [
  [/\b(?:iPhone|iPod)\b/, "iPhone"],
  [/\biPad\b/, "iPad"],
  [/\bAndroid\b/, "Android"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bWindows\b/, "Windows"],
  [/\bMac OS X\b|\bMacintosh\b/, "macOS"],
  [/\bLinux\b/, "Linux"],
];

const first = (table: ReadonlyArray<[RegExp, string]>, text: string) =>
  table.find(([pattern]) => pattern.test(text))?.[1];

/** The browser and system a user agent names, where known (never exact versions). */
export function userAgentParts(userAgent: string): { browser?: string; system?: string } {
  const browser = first(BROWSERS, userAgent);
  const system = first(SYSTEMS, userAgent);
  return { ...(browser ? { browser } : {}), ...(system ? { system } : {}) };
}

/** A short "Browser on System" label for a recorded user agent, for the sessions list (never exact). */
export function describeUserAgent(userAgent: string): string {
  if (userAgent.trim() === "") return "Unknown device";
  const { browser, system } = userAgentParts(userAgent.slice(0, 512));
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? system ?? "Unknown browser";
}
