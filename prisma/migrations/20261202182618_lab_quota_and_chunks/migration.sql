-- Submitted tensors move out of lab_submission into lab_submission_chunk
-- (pieces of at most 64 KiB), and lab_submission gains what the storage
-- quota and the retention policy need. Existing tensors become one chunk each.

-- CreateTable
CREATE TABLE "lab_submission_chunk" (
    "submissionId" UUID NOT NULL,
    "index" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,

    CONSTRAINT "lab_submission_chunk_pkey" PRIMARY KEY ("submissionId","index")
);

-- Float64 data does not compress: store the pieces out of line without trying.
ALTER TABLE "lab_submission_chunk" ALTER COLUMN "bytes" SET STORAGE EXTERNAL;

-- AddForeignKey
ALTER TABLE "lab_submission_chunk" ADD CONSTRAINT "lab_submission_chunk_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "lab_submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "lab_submission" ADD COLUMN     "outputBytes" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "prunedAt" TIMESTAMP(3);

-- Existing tensors: one chunk each, counted toward the storage quota.
INSERT INTO "lab_submission_chunk" ("submissionId", "index", "bytes") SELECT "id", 0, "outputs" FROM "lab_submission";
UPDATE "lab_submission" SET "outputBytes" = octet_length("outputs");

-- AlterTable
ALTER TABLE "lab_submission" DROP COLUMN "outputs";

-- CreateIndex
CREATE INDEX "lab_submission_userId_createdAt_idx" ON "lab_submission"("userId", "createdAt");
