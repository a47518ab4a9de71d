import { IntentLink } from "@/app/components/intent-link";
import { notFound, redirect } from "next/navigation";
import { findDrawingPrompt } from "@/exercises/drawings";
import { listRecentAttempts } from "@/lib/attempts/attempt-history";
import { selectOptionalVariant } from "@/lib/data/exercise-variant";
import { db } from "@/lib/db/client";
import { DrawingParamsSchema, DrawingVariantQuerySchema } from "@/lib/drawing/drawing-schemas";
import { toDrawingView } from "@/lib/drawing/drawing-view";
import { misconceptionName } from "@/lib/grading/misconception-name";
import { TopBar } from "@/app/components/top-bar";
import { requireSessionUser } from "../../session-user";
import { seededHref } from "../../seeded-href";
import { SeedRefused } from "@/app/components/seed-refused";
import { DrawingPageClient } from "./drawing-page-client";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Pick<Props, "params">) {
  const parsed = DrawingParamsSchema.safeParse(await params);
  const prompt = parsed.success ? findDrawingPrompt(parsed.data.slug) : undefined;
  return { title: `${prompt?.title ?? "Drawing"} · Residual` };
}

export default async function DrawingPage({ params, searchParams }: Props) {
  const user = await requireSessionUser();
  const parsed = DrawingParamsSchema.safeParse(await params);
  const prompt = parsed.success ? findDrawingPrompt(parsed.data.slug) : undefined;
  if (!prompt) notFound();
  const search = await searchParams;
  const query = DrawingVariantQuerySchema.safeParse(search);
  if (!query.success)
    return (
      <SeedRefused
        given={search.seed}
        error={query.error}
        freshHref={seededHref(`/drawings/${prompt.slug}`)}
        back={{ href: "/exercises", label: "Exercises" }}
      />
    );
  const seed = query.data.seed;
  // The seed lives in the URL, so a reload or a shared link shows the same variant.
  if (seed === undefined) redirect(seededHref(`/drawings/${prompt.slug}`));
  const [attempts, variant] = await Promise.all([
    listRecentAttempts(db(), user.id, prompt.slug),
    selectOptionalVariant(db(), { userId: user.id, slug: prompt.slug, seed }),
  ]);
  const messages = new Map(prompt.misconceptions.map((m) => [m.code, m.message]));
  return (
    <main className="shell stack">
      <TopBar back={{ href: "/exercises", label: "Exercises" }}>
        <span className={`pill ${prompt.difficulty.toLowerCase()}`}>{prompt.difficulty.toLowerCase()}</span>
      </TopBar>
      <DrawingPageClient
        view={toDrawingView(prompt, seed)}
        revealed={variant?.revealedAt != null}
        newVariantHref={seededHref(`/drawings/${prompt.slug}`)}
        attempts={attempts.map((a) => ({
          ...a,
          misconceptions: a.misconceptions.map((code) => misconceptionName(code, messages.get(code))),
          createdAt: a.createdAt.toISOString(),
        }))}
      />
      <IntentLink href={`/drawings/${prompt.slug}/stats`} className="small" data-testid="stats-link">
        How every learner does on this drawing ›
      </IntentLink>
    </main>
  );
}
