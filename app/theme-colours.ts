// The app's colours where TypeScript needs them (the web app manifest, the
// browser's theme colour, the icons). They match --bg and --accent in
// app/globals.css; the dark theme is the app's default.

export const THEME_COLOURS = {
  /** The page background (--bg): the splash screen and the status bar. */
  background: "#0f1115",
  /** The accent (--accent): the mark on the icon. */
  accent: "#7aa2ff",
} as const;
