"use client";
// Whether the main pointer is a finger (no hover, or a coarse pointer): a phone
// keyboard has no Shift+Enter and shows no key hints, so screens switch to
// buttons. The server and the first paint assume a desktop.
import { useSyncExternalStore } from "react";

const TOUCH_FIRST = "(hover: none), (pointer: coarse)";

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(TOUCH_FIRST);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/** True on a touch-first device; re-renders if that changes (a tablet docking a keyboard and mouse). */
export function useTouchFirst(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(TOUCH_FIRST).matches,
    () => false,
  );
}
