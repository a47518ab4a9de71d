-- CreateEnum
CREATE TYPE "RescheduleReason" AS ENUM ('RETENTION', 'WEIGHTS', 'MANUAL');

-- CreateTable
CREATE TABLE "reschedule_run" (
    "id" UUID NOT NULL,
    "userId" TEXT NOT NULL,
    "reason" "RescheduleReason" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    "reviewCards" INTEGER NOT NULL DEFAULT 0,
    "changedCards" INTEGER NOT NULL DEFAULT 0,
    "skippedCards" INTEGER NOT NULL DEFAULT 0,
    "undoneAt" TIMESTAMP(3),
    "restoredCards" INTEGER,
    "undoSkippedCards" INTEGER,

    CONSTRAINT "reschedule_run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reschedule_card" (
    "runId" UUID NOT NULL,
    "cardId" UUID NOT NULL,
    "dueBefore" TIMESTAMP(3) NOT NULL,
    "dueAfter" TIMESTAMP(3) NOT NULL,
    "scheduledDaysBefore" INTEGER NOT NULL,
    "scheduledDaysAfter" INTEGER NOT NULL,
    "stabilityBefore" DOUBLE PRECISION NOT NULL,
    "stabilityAfter" DOUBLE PRECISION NOT NULL,
    "difficultyBefore" DOUBLE PRECISION NOT NULL,
    "difficultyAfter" DOUBLE PRECISION NOT NULL,
    "versionWritten" INTEGER NOT NULL,
    "restored" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "reschedule_card_pkey" PRIMARY KEY ("runId","cardId")
);

-- CreateIndex
CREATE INDEX "reschedule_run_userId_createdAt_idx" ON "reschedule_run"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "reschedule_run" ADD CONSTRAINT "reschedule_run_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reschedule_card" ADD CONSTRAINT "reschedule_card_runId_fkey" FOREIGN KEY ("runId") REFERENCES "reschedule_run"("id") ON DELETE CASCADE ON UPDATE CASCADE;
