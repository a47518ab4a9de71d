// /drawings/{slug}/stats — a drawing prompt's anonymised figures across learners (lib/attempts/exercise-stats.ts).
import { notFound } from "next/navigation";
import { findDrawingPrompt } from "@/exercises/drawings";
import { DrawingParamsSchema } from "@/lib/drawing/drawing-schemas";
import { FiguresPage, figuresTitle } from "@/app/components/figures-page";
import { requireSessionUser } from "../../../session-user";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

async function promptOf(params: Props["params"]) {
  const parsed = DrawingParamsSchema.safeParse(await params);
  return parsed.success ? findDrawingPrompt(parsed.data.slug) : undefined;
}

export async function generateMetadata({ params }: Props) {
  return { title: figuresTitle((await promptOf(params))?.title, "Drawing") };
}

export default async function DrawingStatsPage({ params }: Props) {
  await requireSessionUser();
  const prompt = await promptOf(params);
  if (!prompt) notFound();
  return <FiguresPage slug={prompt.slug} back={{ href: `/drawings/${prompt.slug}`, label: "Drawing" }} />;
}
