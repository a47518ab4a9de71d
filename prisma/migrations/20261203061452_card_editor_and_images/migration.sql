-- CreateEnum
CREATE TYPE "CardOrigin" AS ENUM ('IMPORT', 'EDITOR');

-- AlterTable
ALTER TABLE "card" ADD COLUMN     "noteSource" TEXT,
ADD COLUMN     "origin" "CardOrigin" NOT NULL DEFAULT 'IMPORT';

-- CreateTable
CREATE TABLE "card_image" (
    "id" UUID NOT NULL,
    "ownerId" TEXT NOT NULL,
    "moduleId" UUID NOT NULL,
    "sha256" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "bytes" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "card_image_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "card_image_ownerId_idx" ON "card_image"("ownerId");

-- CreateIndex
CREATE UNIQUE INDEX "card_image_moduleId_sha256_key" ON "card_image"("moduleId", "sha256");

-- AddForeignKey
ALTER TABLE "card_image" ADD CONSTRAINT "card_image_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "card_image" ADD CONSTRAINT "card_image_moduleId_fkey" FOREIGN KEY ("moduleId") REFERENCES "module"("id") ON DELETE CASCADE ON UPDATE CASCADE;
