-- CreateIndex
CREATE INDEX "exercise_attempt_exerciseSlug_userId_seed_createdAt_idx" ON "exercise_attempt"("exerciseSlug", "userId", "seed", "createdAt");
