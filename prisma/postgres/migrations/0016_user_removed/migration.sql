-- AlterTable
ALTER TABLE "DirectoryUser" ADD COLUMN     "removedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "DirectoryUser_directoryId_removedAt_idx" ON "DirectoryUser"("directoryId", "removedAt");

