-- AlterTable
ALTER TABLE "DirectoryUser" ADD COLUMN "removedAt" DATETIME;

-- CreateIndex
CREATE INDEX "DirectoryUser_directoryId_removedAt_idx" ON "DirectoryUser"("directoryId", "removedAt");

