-- CreateEnum
CREATE TYPE "ReviewOrder" AS ENUM ('DUE', 'RETRIEVABILITY', 'RANDOM');

-- CreateEnum
CREATE TYPE "NewCardMix" AS ENUM ('MIXED', 'BEFORE', 'AFTER');

-- CreateEnum
CREATE TYPE "LeechAction" AS ENUM ('SUSPEND', 'TAG');

-- AlterTable
ALTER TABLE "enrollment" ADD COLUMN     "presetId" UUID;

-- AlterTable
ALTER TABLE "user_settings" ADD COLUMN     "learningStepsMinutes" INTEGER[] DEFAULT ARRAY[1, 10]::INTEGER[],
ADD COLUMN     "leechAction" "LeechAction" NOT NULL DEFAULT 'SUSPEND',
ADD COLUMN     "leechThreshold" INTEGER NOT NULL DEFAULT 8,
ADD COLUMN     "maximumReviewsPerDay" INTEGER NOT NULL DEFAULT 200,
ADD COLUMN     "newCardMix" "NewCardMix" NOT NULL DEFAULT 'MIXED',
ADD COLUMN     "newIgnoresReviewLimit" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "relearningStepsMinutes" INTEGER[] DEFAULT ARRAY[10]::INTEGER[],
ADD COLUMN     "reviewOrder" "ReviewOrder" NOT NULL DEFAULT 'DUE';

-- CreateTable
CREATE TABLE "scheduling_preset" (
    "id" UUID NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "desiredRetention" DOUBLE PRECISION NOT NULL,
    "newCardsPerDay" INTEGER NOT NULL,
    "maximumReviewsPerDay" INTEGER NOT NULL,
    "newIgnoresReviewLimit" BOOLEAN NOT NULL,
    "learningStepsMinutes" INTEGER[],
    "relearningStepsMinutes" INTEGER[],
    "leechThreshold" INTEGER NOT NULL,
    "leechAction" "LeechAction" NOT NULL,
    "reviewOrder" "ReviewOrder" NOT NULL,
    "newCardMix" "NewCardMix" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "scheduling_preset_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "scheduling_preset_userId_name_key" ON "scheduling_preset"("userId", "name");

-- AddForeignKey
ALTER TABLE "scheduling_preset" ADD CONSTRAINT "scheduling_preset_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "enrollment" ADD CONSTRAINT "enrollment_presetId_fkey" FOREIGN KEY ("presetId") REFERENCES "scheduling_preset"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Learners who had settings before this migration were never held back: their
-- day must not shrink on deploy. New learners get Anki's default of 200.
UPDATE "user_settings" SET "maximumReviewsPerDay" = 9999;
