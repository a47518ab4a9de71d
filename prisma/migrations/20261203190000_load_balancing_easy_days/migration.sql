-- AlterTable
ALTER TABLE "user_settings" ADD COLUMN     "easyDays" INTEGER[] DEFAULT ARRAY[100, 100, 100, 100, 100, 100, 100]::INTEGER[],
ADD COLUMN     "loadBalancing" BOOLEAN NOT NULL DEFAULT true;
