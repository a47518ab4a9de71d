-- AlterTable
ALTER TABLE "grill_item" ADD COLUMN     "shownAt" TIMESTAMP(3);
