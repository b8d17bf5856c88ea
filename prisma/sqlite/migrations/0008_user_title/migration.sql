-- AlterTable
ALTER TABLE "DirectoryUser" ADD COLUMN "titleLower" TEXT;

-- CreateIndex
CREATE INDEX "DirectoryUser_directoryId_titleLower_idx" ON "DirectoryUser"("directoryId", "titleLower");

