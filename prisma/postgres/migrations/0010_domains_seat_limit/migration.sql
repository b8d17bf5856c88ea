-- AlterTable
ALTER TABLE "OrganizationPolicy" ADD COLUMN     "domains" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "seatLimit" INTEGER;

-- CreateIndex
CREATE INDEX "DirectoryUser_directoryId_active_idx" ON "DirectoryUser"("directoryId", "active");

