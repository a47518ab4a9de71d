import { db } from "@/lib/db/client";
import { getTodayQueue } from "@/lib/queue/today-queue";
import { requireSessionUser } from "../session-user";
import { ReviewSession } from "./review-session";
import "./review.css";
import { catalogue } from "@/exercises/catalogue";

export const dynamic = "force-dynamic";
export const metadata = { title: "Review · Residual" };

export default async function ReviewPage() {
  const user = await requireSessionUser();
  const queue = await getTodayQueue(db(), catalogue, user.id, new Date());
  return (
    <main className="shell">
      <ReviewSession userId={user.id} initial={queue} />
    </main>
  );
}
