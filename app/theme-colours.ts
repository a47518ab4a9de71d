// The app's colours where TypeScript needs them (the web app manifest, the
// browser's theme colour, the icons). They match --bg and --accent in
// app/globals.css; the manifest takes the dark theme, the browser's theme
// colour follows the scheme.

export const THEME_COLOURS = {
  /** The page background (--bg): the splash screen and the status bar. */
  background: "#0f1115",
  /** The light theme's page background (--bg under a light scheme). */
  lightBackground: "#f6f7f9",
  /** The accent (--accent): the mark on the icon. */
  accent: "#7aa2ff",
} as const;
