-- CreateEnum
CREATE TYPE "ColorTheme" AS ENUM ('SYSTEM', 'LIGHT', 'DARK');

-- AlterTable
ALTER TABLE "user_settings" ADD COLUMN     "theme" "ColorTheme" NOT NULL DEFAULT 'SYSTEM';
