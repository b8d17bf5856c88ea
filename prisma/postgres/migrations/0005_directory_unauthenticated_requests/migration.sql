-- AlterTable
ALTER TABLE "Directory" ADD COLUMN     "lastUnauthenticatedAt" TIMESTAMP(3),
ADD COLUMN     "unauthenticatedRequests" INTEGER NOT NULL DEFAULT 0;

