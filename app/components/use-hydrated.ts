"use client";
// False on the server and while the page hydrates, true from the render after.
import { useSyncExternalStore } from "react";

const subscribe = () => () => undefined;

/**
 * Whether this render runs in the browser after hydration. A lazy component rendered on the
 * server suspends the first time and streams in a hidden segment that a script moves into place;
 * hydrating under it races with any state update that reaches it and can leave the hidden copy
 * behind. Components loaded with `lazy` render only once this is true.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
