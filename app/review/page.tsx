import { db } from "@/lib/db/client";
import { getTodayQueue } from "@/lib/queue/today-queue";
import { limitNote } from "@/lib/queue/limit-note";
import { countsBeyond } from "@/lib/queue/session-counts";
import { requireSessionUser } from "../session-user";
import { PAGE_ID_ATTRIBUTE } from "@/lib/client/offline-pages";
import { ReviewSession } from "./review-session";
import "./review.css";
import { catalogue } from "@/exercises/catalogue";

export const dynamic = "force-dynamic";
export const metadata = { title: "Review · Residual" };

export default async function ReviewPage() {
  const user = await requireSessionUser();
  const queue = await getTodayQueue(db(), catalogue, user.id, new Date());
  // Names this render: the copy kept for offline use is matched to it (app/review/use-offline-session.ts).
  const pageId = crypto.randomUUID();
  return (
    <main className="shell" {...{ [PAGE_ID_ATTRIBUTE]: pageId }}>
      <ReviewSession userId={user.id} pageId={pageId} initial={queue} beyond={countsBeyond(queue.counts, queue.cards)} limit={limitNote(queue.held)} />
    </main>
  );
}
