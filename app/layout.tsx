import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { db } from "@/lib/db/client";
import { selectUserSettings } from "@/lib/data/user-settings";
import { themeAttribute } from "@/lib/settings/color-theme";
import { sessionUser } from "./session-user";
import "katex/dist/katex.min.css";
import "./globals.css";
import { ServiceWorker } from "./service-worker";
import { THEME_COLOURS } from "./theme-colours";

export const metadata: Metadata = {
  title: "Residual",
  description: "Spaced repetition and an exercise grader for transformer internals",
  manifest: "/manifest.webmanifest",
  applicationName: "Residual",
  appleWebApp: { capable: true, title: "Residual", statusBarStyle: "black" },
  icons: { icon: [{ url: "/icon-192.png", type: "image/png", sizes: "192x192" }], apple: "/apple-touch-icon.png" },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  viewportFit: "cover",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: THEME_COLOURS.lightBackground },
    { media: "(prefers-color-scheme: dark)", color: THEME_COLOURS.background },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request, so its scripts carry that request's CSP nonce (proxy.ts).
  await connection();
  // The theme is on <html> in the first byte of the page, so a pinned theme never flashes the other one.
  const user = await sessionUser();
  const theme = user ? themeAttribute((await selectUserSettings(db(), user.id)).theme) : undefined;
  return (
    <html lang="en" data-theme={theme}>
      <body>
        {children}
        <ServiceWorker />
      </body>
    </html>
  );
}
