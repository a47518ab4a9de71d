"use client";
// The editor's live preview needs the same renderer the server uses (marked +
// KaTeX, about 90 KB compressed). It is fetched after the editor is on screen,
// so the form answers taps first and the preview follows a moment later.
import { useEffect, useState } from "react";

type RenderMarkdown = (markdown: string) => string;

/** lib/render/markdown's renderMarkdown once its chunk has loaded; null until then. */
export function useMarkdownRenderer(): RenderMarkdown | null {
  const [render, setRender] = useState<RenderMarkdown | null>(null);
  useEffect(() => {
    let live = true;
    void import("@/lib/render/markdown").then((m) => {
      if (live) setRender(() => m.renderMarkdown);
    });
    return () => {
      live = false;
    };
  }, []);
  return render;
}
