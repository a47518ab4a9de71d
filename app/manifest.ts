// GET /manifest.webmanifest — what a phone needs to install the app: it opens on the review.
import type { MetadataRoute } from "next";
import { THEME_COLOURS } from "./theme-colours";

export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "Residual",
    short_name: "Residual",
    description: "Spaced repetition and an exercise grader for transformer internals",
    start_url: "/review",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: THEME_COLOURS.background,
    theme_color: THEME_COLOURS.background,
    icons: [
      { src: "/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
