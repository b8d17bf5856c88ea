-- AlterTable
ALTER TABLE "ScimRequestLog" ADD COLUMN "decision" TEXT;

