import Link from "next/link";
import { db } from "@/lib/db/client";
import { listApiTokens } from "@/lib/auth/api-tokens";
import { selectUserSettings } from "@/lib/settings/user-settings";
import { toSettingsView } from "@/lib/settings/settings-view";
import { requireSessionUser } from "../session-user";
import { SettingsForm } from "./settings-form";
import { ApiTokens } from "./api-tokens";
import { SuspendedCards } from "./suspended-cards";
import { listSuspendedCards } from "@/lib/reviews/suspension";

export const dynamic = "force-dynamic";
export const metadata = { title: "Settings · Residual" };

export default async function SettingsPage() {
  const user = await requireSessionUser();
  const [settings, tokens, suspended] = await Promise.all([
    selectUserSettings(db(), user.id),
    listApiTokens(db(), user.id),
    listSuspendedCards(db(), user.id),
  ]);
  return (
    <main className="shell stack">
      <div className="topbar">
        <Link href="/" className="brand">Residual</Link>
        <span className="muted small">{user.email}</span>
      </div>
      <SettingsForm initial={toSettingsView(settings)} />
      <SuspendedCards initial={suspended} />
      <ApiTokens initial={tokens.map((t) => ({ ...t, createdAt: t.createdAt.toISOString(), lastUsedAt: t.lastUsedAt?.toISOString() ?? null }))} />
    </main>
  );
}
