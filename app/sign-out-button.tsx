"use client";
import { useRouter } from "next/navigation";
import { authClient } from "@/lib/client/auth-client";
import { forgetPrivateCopies } from "@/lib/client/private-copies";

export function SignOutButton() {
  const router = useRouter();
  return (
    <a
      href="/sign-in"
      onClick={async (event) => {
        event.preventDefault();
        await authClient.signOut();
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
