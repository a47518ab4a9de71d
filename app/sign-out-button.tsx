"use client";
// A plain POST to better-auth's sign-out endpoint: the overview would otherwise
// carry better-auth's whole browser client for this one call.
import { useRouter } from "next/navigation";
import { forgetPrivateCopies } from "@/lib/client/private-copies";

export function SignOutButton() {
  const router = useRouter();
  return (
    <a
      href="/sign-in"
      onClick={async (event) => {
        event.preventDefault();
        await fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }).catch(() => null);
        // The review page and session copy kept for offline use show this learner's cards.
        await forgetPrivateCopies(typeof caches === "undefined" ? undefined : caches, typeof indexedDB === "undefined" ? undefined : indexedDB);
        router.replace("/sign-in");
        router.refresh();
      }}
    >
      Sign out
    </a>
  );
}
