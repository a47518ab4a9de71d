-- AlterEnum
ALTER TYPE "RescheduleReason" ADD VALUE 'BALANCING';
