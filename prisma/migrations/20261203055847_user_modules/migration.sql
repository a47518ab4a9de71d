-- DropForeignKey
ALTER TABLE "review_log" DROP CONSTRAINT "review_log_cardId_fkey";

-- AlterTable
ALTER TABLE "enrollment" ADD COLUMN     "desiredRetention" DOUBLE PRECISION,
ADD COLUMN     "newCardsPerDay" INTEGER,
ADD COLUMN     "studying" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "module" ADD COLUMN     "archivedAt" TIMESTAMP(3);
