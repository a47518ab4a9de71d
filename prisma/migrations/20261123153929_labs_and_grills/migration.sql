-- AlterTable
ALTER TABLE "grill_item" ADD COLUMN     "answeredAt" TIMESTAMP(3),
ADD COLUMN     "requeuedAt" TIMESTAMP(3),
ADD COLUMN     "result" JSONB,
ADD COLUMN     "topic" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "lab_submission" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "format" TEXT NOT NULL,
ADD COLUMN     "passed" BOOLEAN,
ADD COLUMN     "shape" INTEGER[],
DROP COLUMN "outputs",
ADD COLUMN     "outputs" BYTEA NOT NULL;
