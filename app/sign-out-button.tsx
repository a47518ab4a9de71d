"use client";
import { useRouter } from "next/navigation";
import { authClient } from "@/lib/client/auth-client";

export function SignOutButton() {
  const router = useRouter();
  return (
    <a
      href="/sign-in"
      onClick={async (event) => {
        event.preventDefault();
        await authClient.signOut();
        router.replace("/sign-in");
        router.refresh();
      }}
    >
      Sign out
    </a>
  );
}
