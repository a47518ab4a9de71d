// The signed-in user for server components; pages that need one redirect to sign-in.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/lib/auth/auth";

/** Read once per request: the root layout (for the theme) and the page both ask. */
export const sessionUser = cache(async (): Promise<{ id: string; name: string; email: string } | null> => {
  const session = await auth().api.getSession({ headers: await headers() });
  return session ? { id: session.user.id, name: session.user.name, email: session.user.email } : null;
});

export async function requireSessionUser(): Promise<{ id: string; name: string; email: string }> {
  const user = await sessionUser();
  if (!user) redirect("/sign-in");
  return user;
}
