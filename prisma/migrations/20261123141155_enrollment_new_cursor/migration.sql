-- AlterTable
ALTER TABLE "enrollment" ADD COLUMN     "newCursor" INTEGER NOT NULL DEFAULT 0;
