import { notFound } from "next/navigation";
import { ModuleParamsSchema } from "@/lib/checklists/checklist-schemas";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { exerciseEntry } from "@/lib/readiness/exercise-directory";
import { getModuleReadiness, type ModuleReadiness } from "@/lib/readiness/module-readiness";
import { renderMarkdown } from "@/lib/render/markdown";
import { STUDY_LINKS, TopBar } from "@/app/components/top-bar";
import { requireSessionUser } from "../../session-user";
import { ExerciseAccuracy, Figures, NextStepPanel, OpenMisconceptions } from "../readiness-parts";
import { Checklist, type ChecklistEntrySection } from "./checklist";
import "../modules.css";
import { catalogue } from "@/exercises/catalogue";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  const parsed = ModuleParamsSchema.safeParse(await params);
  return { title: `Readiness · ${parsed.success ? parsed.data.slug : "module"} · Residual` };
}

async function load(userId: string, slug: string): Promise<ModuleReadiness> {
  try {
    return await getModuleReadiness(db(), catalogue, userId, slug, new Date());
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function ModuleReadinessPage({ params }: Props) {
  const user = await requireSessionUser();
  const parsed = ModuleParamsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const readiness = await load(user.id, parsed.data.slug);
  const sections: ChecklistEntrySection[] = readiness.checklist.sections.map((s) => ({
    ...s,
    items: s.items.map((item) => {
      const entry = item.evidence ? exerciseEntry(catalogue, item.evidence.exerciseSlug) : null;
      return { ...item, html: renderMarkdown(item.text), exercise: entry ? { title: entry.title, href: entry.href } : null };
    }),
  }));
  return (
    <main className="shell stack">
      <TopBar back={{ href: "/modules", label: "Readiness" }} links={STUDY_LINKS} />
      <h1 style={{ margin: 0, fontSize: 22 }}>{readiness.module.title}</h1>
      <NextStepPanel next={readiness.next} />
      <Figures readiness={readiness} />
      <OpenMisconceptions items={readiness.misconceptions} />
      <Checklist slug={readiness.module.slug} initial={sections} />
      <ExerciseAccuracy exercises={readiness.exercises} />
    </main>
  );
}
