"use client";
// Registers the service worker (production builds only: app/sw.ts is built
// by `npm run build`) and tells the learner when a new deploy's worker is
// waiting. It takes over only when they tap "Reload", never under them
// mid-card; queued reviews wait in IndexedDB meanwhile, so none are lost.
import { useEffect, useRef, useState } from "react";
import { CLAIM_MESSAGE, SKIP_WAITING_MESSAGE } from "@/lib/client/service-worker-messages";
import "./service-worker.css";

export function ServiceWorker() {
  const [waiting, setWaiting] = useState<ServiceWorker | null>(null);
  // The first worker also takes control (clientsClaim): only a change the learner asked for reloads.
  const asked = useRef(false);

  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    const container = navigator.serviceWorker;
    let registration: ServiceWorkerRegistration | null = null;
    // Only an update waits: the very first worker has no page to replace.
    const watch = (worker: ServiceWorker | null) => {
      if (!worker) return;
      const check = () => {
        if (worker.state === "installed" && container.controller) setWaiting(worker);
      };
      check();
      worker.addEventListener("statechange", check);
    };
    const onUpdate = () => watch(registration?.installing ?? null);
    container
      .register("/sw.js", { scope: "/" })
      .then((found) => {
        registration = found;
        watch(found.waiting);
        found.addEventListener("updatefound", onUpdate);
      })
      .catch(() => undefined);
    // A page that loaded while the first worker installed can miss that worker's claim: ask once it is active.
    void container.ready.then((ready) => {
      if (!container.controller) ready.active?.postMessage(CLAIM_MESSAGE);
    });
    const onControllerChange = () => {
      if (!asked.current) return;
      asked.current = false;
      window.location.reload();
    };
    container.addEventListener("controllerchange", onControllerChange);
    return () => {
      registration?.removeEventListener("updatefound", onUpdate);
      container.removeEventListener("controllerchange", onControllerChange);
    };
  }, []);

  if (!waiting) return null;
  return (
    <div className="update-ready" role="status">
      <span>Update ready</span>
      <button
        type="button"
        className="button primary"
        onClick={() => {
          asked.current = true;
          waiting.postMessage(SKIP_WAITING_MESSAGE);
        }}
      >
        Reload
      </button>
    </div>
  );
}
