-- CreateEnum
CREATE TYPE "VariantReveal" AS ENUM ('PASSED', 'REQUESTED', 'TRIES_USED', 'SINGLE_TRY');

-- AlterTable
ALTER TABLE "exercise_attempt" ADD COLUMN     "afterReveal" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "exercise_variant" (
    "userId" TEXT NOT NULL,
    "exerciseSlug" TEXT NOT NULL,
    "seed" INTEGER NOT NULL,
    "tries" INTEGER NOT NULL DEFAULT 0,
    "revealedAt" TIMESTAMP(3),
    "revealedBecause" "VariantReveal",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "exercise_variant_pkey" PRIMARY KEY ("userId","exerciseSlug","seed")
);

-- AddForeignKey
ALTER TABLE "exercise_variant" ADD CONSTRAINT "exercise_variant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
