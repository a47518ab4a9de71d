// The colour theme a user picked, as the <html> element carries it: no
// attribute follows the device (prefers-color-scheme); "light" or "dark" pins it.

export type ColorTheme = "SYSTEM" | "LIGHT" | "DARK";

/** The value of <html data-theme>, or undefined to follow the device. globals.css reads it. */
export function themeAttribute(theme: ColorTheme): "light" | "dark" | undefined {
  return theme === "SYSTEM" ? undefined : theme === "LIGHT" ? "light" : "dark";
}
