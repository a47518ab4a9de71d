-- AlterTable
ALTER TABLE "lab_submission" ADD COLUMN     "outputBytes" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "prunedAt" TIMESTAMP(3),
ALTER COLUMN "outputs" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "lab_submission_userId_createdAt_idx" ON "lab_submission"("userId", "createdAt");

-- Backfill: rows stored before this migration count their bytes toward the storage quota.
UPDATE "lab_submission" SET "outputBytes" = octet_length("outputs") WHERE "outputs" IS NOT NULL;
